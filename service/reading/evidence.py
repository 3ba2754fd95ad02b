"""What the rules find in a reply, gathered once: for `read_reply`, and as names the model sees.

`look(text, hint)` folds and tokenises a reply, sets idioms aside, reads it over lemmas and
finds the crisis phrases, the concepts and the requests for support. `names(look)` turns
that into feature names ("k:PLACE", "r:a means named", "support") for the learned second
opinion: the concepts generalise a kind of talk, and the model learns how much each kind
weighs in which company (a place alone, a decision left unsaid), which no rule says.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.reading import concepts, signals
from service.reading import text as reply_text
from service.reading.lemmas import lemma_text
from service.reading.patterns import CONTEXT_VETO
from service.reading.text import ReplyText


@dataclass
class Look:
    t: ReplyText
    lt: ReplyText            # the same reply over lemmas
    lang: str
    laughing: bool
    figurative: list         # idiom spans in `t`
    lt_figurative: list      # the same spans in `lt`
    crisis: list             # (label, quotes) from the phrase lists, over words and lemmas
    crisis_spans: list
    found: dict              # concept name -> spans in `lt`
    rules: list              # (label, quotes) of the crisis rules whose concepts all occur
    support: list            # the member's words asking for a person


def look(text: str, hint: str | None) -> Look | None:
    """What the rules find in `text` (None when it has no tokens)."""
    tokens = reply_text.without_asides(reply_text.tokenise(text, reply_text.fold(text)))
    if not tokens:
        return None
    t = ReplyText(text, tokens)
    lang = reply_text.language(text, tokens, hint)
    laughing = reply_text.laughing(tokens)
    figurative = signals.idioms(t, laughing)
    if figurative and CONTEXT_VETO["EARNEST"].search(t.norm):
        figurative = []  # "si no me pagan me mato, lo digo en serio": no figure of speech, the member says
    crisis, crisis_spans = signals.crisis(t, figurative)
    # The same phrases, and the concepts, over lemmas: "burned myself", "me corté", "brigde".
    lt = lemma_text(t, lang)
    lt_figurative = [t.same_words(lt, span) for span in figurative]
    if lt.norm != t.norm:  # most replies have no word a lemma changes: the same text reads the same
        crisis = _merge(crisis, signals.crisis(lt, lt_figurative, typed=t)[0])
    benign_goodbye = bool(CONTEXT_VETO["GOODBYE_BENIGN"].search(t.norm))
    found = concepts.find(t, lt, figurative, lt_figurative, benign_goodbye)
    if "ORDINARY" in found and CONTEXT_VETO["DENIED"].search(t.norm):
        del found["ORDINARY"]  # "bought a rope today. not for the gym": the member says it is no chore
    rules = concepts.crisis(lt, found)
    support = signals.support(t, laughing)
    return Look(t, lt, lang, laughing, figurative, lt_figurative, crisis, crisis_spans, found, rules, support)


def names(seen: Look | None) -> tuple[str, ...]:
    """The rules' findings as feature names for the model."""
    if seen is None:
        return ()
    # The concepts that leave the rules unsure are theirs to ask about: seen by the model, they
    # would turn every "i'm done" into a crisis call, and no one would be asked.
    out = ["k:" + name for name in seen.found if name not in concepts.UNSURE]
    out += ["r:" + label for label, _ in seen.crisis]
    out += ["r:" + label for label, _ in seen.rules]
    if seen.support:
        out.append("support")
    if seen.figurative:  # an idiom was set aside: the crisis words in it say less
        out.append("figurative")
    return tuple(dict.fromkeys(out))


def _merge(found: list[tuple[str, str]], more: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Crisis reasons, each label once, adding only what the first reading did not already say."""
    labels = {label for label, _ in found}
    return found + [(label, q) for label, q in more if label not in labels]
