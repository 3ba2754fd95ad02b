"""Background work: the RQ queues, the job functions and the clock."""
