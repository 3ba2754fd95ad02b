"""Kinship: SMS check-ins, buddies and coordinators for supportive communities."""
