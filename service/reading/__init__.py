"""Reading a member's reply to a check-in: a score, the alerts it raises, and why.

`read_reply(text, language=None) -> Reading` is a pure function (no database, no
network, no clock). This module holds `Reading` and `read_reply`, which puts the
reading together; callers import both from here. The parts it uses:
  * `service.reading.lexicon`  -- the word lists;
  * `service.reading.patterns` -- those lists compiled into patterns;
  * `service.reading.text`     -- folding, tokens, language, quoting the member;
  * `service.reading.signals`  -- crisis language, support, worries, questions;
  * `service.reading.score`    -- the score and the words it came from.

Reading knows no database, no Flask, no Redis and no clock: it imports nothing from
the rest of ``service``, so `kinship read`, the benchmarks and the tests run it alone.

How a reply is read
  1. The text is folded (lower case, accents dropped, typos and elongations
     repaired) and split into tokens; spans always map back to the member's own
     words, which are what `reasons` quote to the coordinator.
  2. Crisis language, requests for support and worries are matched as phrases,
     after setting aside idioms ("this movie killed me", "me muero de risa").
  3. The score comes from the first of: a number the member gave ("2/5", "a 3",
     "cuatro"); crisis language (1); mood words and emoji; VADER sentiment.

What a caller must know
  * `score` is the member's own number when they gave one, even beside crisis
    language ("5 lol i want to die" -> score 5, crisis). With several numbers the
    lower is kept ("2 or 3" -> 2), so a doubtful reply reaches a buddy. Crisis
    language without a number scores 1, so trends show it. Free text with only a
    faint feeling, a bare question or a request for a call has no score (None).
  * `wants_support` = asked for contact or help, described not coping, hard news of
    their own told as a fact ("got laid off friday") unless they gave a 4-5, any score
    1-2 (one from sentiment or mood words alone only when the model agrees), or crisis.
    A worry about someone else ("5! but my mum is in hospital") is *not*
    wants_support on its own: the score stands, `positive` is False and
    a "worry: ..." reason lets the coordinator view show it.
  * `positive` needs a good score or thanks and no sign of risk at all: no risk
    concept, nothing the model hears as more than a faint crisis.
  * `crisis` errs towards alerting: negated crisis talk still alerts ("I'm not
    going to hurt myself"), so does talk about suicide in general ("the film was
    about suicide"), and named painkillers alert unless a symptom explains them.
    Only a weak sign alone in an everyday context ("gave away my old shoes") is
    left to the model.
  * `language` is the detected language when the words make it clear, otherwise
    the hint, otherwise "en". Spanish-only words ("fatal", "regular") count only
    when the reply is read as Spanish; VADER is only used on English.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.reading import concepts, evidence, signals
from service.reading import text as reply_text
from service.reading.patterns import (AMOUNT, CONTEXT_VETO, GRATITUDE, MEDICINE, ROUTINE_MEDICATION, SERVICE_QUESTION,
                                      idiom_spans)
from service.reading.score import find_score

LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Reading:
    score: int | None
    wants_support: bool
    crisis: bool
    positive: bool
    question: bool
    reasons: tuple[str, ...]
    language: str
    # A risk signal the reader cannot settle either way: the member is asked directly.
    uncertain: bool = False
    # What a coordinator should read on the alert card, in plain words ("a score of 2").
    concerns: tuple[str, ...] = ()

    @property
    def action(self) -> str:
        """What the service does with this reply: ``crisis``, ``ask``, ``support`` or ``none``."""
        if self.crisis:
            return "crisis"
        if self.uncertain:
            return "ask"
        return "support" if self.wants_support else "none"

    def __post_init__(self) -> None:
        if self.score is not None and (type(self.score) is not int or not 1 <= self.score <= 5):
            raise ValueError(f"score must be 1..5 or None, not {self.score!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")
        object.__setattr__(self, "reasons", tuple(self.reasons))
        object.__setattr__(self, "concerns", tuple(self.concerns))

    def to_dict(self) -> dict:
        return {"score": self.score, "wants_support": self.wants_support, "crisis": self.crisis,
                "positive": self.positive, "question": self.question,
                "reasons": list(self.reasons), "language": self.language,
                "uncertain": self.uncertain, "concerns": list(self.concerns)}

    @classmethod
    def from_dict(cls, d: dict) -> "Reading":
        return cls(score=d.get("score"), wants_support=bool(d.get("wants_support")),
                   crisis=bool(d.get("crisis")), positive=bool(d.get("positive")),
                   question=bool(d.get("question")), reasons=tuple(d.get("reasons") or ()),
                   language=d.get("language") or "en")


_SHIPPED = object()  # read with the model in the package
# Good news only when the model, too, finds the reply far from any crisis it has seen: a faint
# crisis voice is enough to withhold it ("finished writing my obituary. it's pretty good").
POSITIVE_BELOW = 0.15
# A low score from overall sentiment or mood words alone ("at work rn ill text later", VADER
# -0.42; "got a new tattoo, hurt like hell") opens a support alert only when the model, too,
# hears a reply that needs a person at least this much. A number the member gave always does.
SENTIMENT_ALERT_AT = 0.3
# A weak sign that an everyday context explains is asked about when the model's crisis voice is
# at least this, though below its usual asking level; below it, the everyday reading stands.
EXPLAINED_ASK_AT = 0.4
MODEL_CRISIS_MIN_WORDS = 2
SHORT_GOOD_MAX_WORDS = 4


def read_reply(text: str, language: str | None = None, *, model=_SHIPPED) -> Reading:
    """Read one SMS reply. `language` is the member's language, used when the words
    themselves do not settle it. `model` is the learned second opinion (the shipped one
    unless given; None reads with the rules alone)."""
    text = text or ""
    hint = (language or "").strip().lower()[:2]
    hint = hint if hint in LANGUAGES else None
    seen = evidence.look(text, hint)
    if seen is None:
        return Reading(None, False, False, False, False, (), hint or "en")
    t, lt, lang, found, support = seen.t, seen.lt, seen.lang, seen.found, seen.support
    tokens, figurative, crisis = t.tokens, seen.figurative, seen.crisis
    rules = [(label, reply_text.quotes(q)) for label, q in seen.rules]
    crisis = crisis or rules  # the phrase lists say it best when they say it at all
    # A weak sign alone in an everyday context ("gave away my old shoes", "me tiro de cabeza al
    # finde") is no crisis on the rules' word: the model, which sees the same concepts, decides.
    # The context explains only the weak signs: a threat beside the hunting rifle still stands.
    ordinary = concepts.explained([label for label, _ in crisis], found)
    if ordinary and any(label in concepts.NEVER_EXPLAINED for label, _ in rules):
        crisis, ordinary = rules, False
    weak, crisis = (crisis, []) if ordinary else ([], crisis)
    asked = signals.question(tokens)
    learned = _model(model) if reply_text.latin_script(text) else None
    opinion = learned.opinion(text, lang, evidence.names(seen)) if learned else None
    # The model alone calls a crisis unless an idiom, a medicine taken for a symptom or taking
    # one's medication with no amount explains the words ("me tomé las pastillas de la tensión",
    # "took my pills this morning"); then it is unsure, and the member is asked. A symptom word
    # with no medicine explains nothing: "go to sleep and not come back" names no back pain.
    # Laughter is no explanation here: "lol" after a crisis never lowers it.
    # One or two words are too little for the model to call a crisis alone ("listo", "bye",
    # "ya"): it is unsure, and the member is asked. A reply that only asks what the service is
    # ("what is this?", "¿qué es esto?") is answered, never called a crisis or asked about on the
    # model's word alone. Each is looked for only when the model would call one.
    enough_words = sum(tok.kind == "word" for tok in tokens) > MODEL_CRISIS_MIN_WORDS
    if opinion and not crisis and opinion.crisis >= learned.crisis_at and enough_words \
            and not _explained(t.norm) and not _short_and_good(t, lang, figurative, found) \
            and not _about_the_service(t, found):
        crisis = [("reads like the crisis replies it learned from", f"'{t.quote(0, len(tokens) - 1)}'")]
    # A weak sign the everyday context explained is still a crisis when the model hears one at
    # its asking level, and is asked about when the model hears a little of one.
    if weak and opinion and not crisis and opinion.crisis >= learned.ask_at:
        crisis = [(f"{label}, which the model also reads as a crisis", quotes) for label, quotes in weak]

    reasons: list[str] = []
    hard_news: list[tuple[int, int]] = []  # the member's own hard news is no worry about someone else
    score, scored_from = find_score(t, lang, crisis, bool(support), figurative, reasons)
    reasons += [f"crisis: {label} {quotes}" for label, quotes in crisis]
    low = score is not None and score <= 2
    if low and scored_from in ("sentiment", "mood") and opinion and opinion.alert < SENTIMENT_ALERT_AT:
        low = False  # the score stands for trends; it alerts no one on sentiment alone
        alone = "sentiment" if scored_from == "sentiment" else "mood words"
        reasons.append(f"no alert on {alone} alone: the model hears no need of a person ({opinion.alert:.2f})")
    wants = bool(support or crisis or low)
    reasons += [f"wants support: '{q}'" for q in support]
    if crisis:
        reasons.append("wants support: crisis")
    elif low:
        reasons.append(f"wants support: score {score}")
    elif opinion and opinion.alert >= learned.alert_at:
        wants = True
        reasons.append(f"wants support: reads like replies that needed a person ({opinion.alert:.2f})")
    carried = score is not None and score >= 4 and scored_from != "sentiment"
    if "HARDSHIP" in found and not crisis and not carried:
        # Hard news told as a fact ("lights got cut off tuesday"): the member's own number or
        # words, if 4 or 5, say they are carrying it; otherwise a buddy should hear. Overall
        # sentiment says nothing of the kind ("left me for my best mate" reads +0.64).
        wants = True
        hard_news = [lt.same_words(t, span) for span in found["HARDSHIP"]]
        reasons.append(f"wants support: hard news {reply_text.quotes(t.quote_span(*span) for span in hard_news)}")
    # A sign of risk the rules could not settle, or a reply the model finds close to a crisis.
    risks = concepts.unsure(found)
    ask_at = min(EXPLAINED_ASK_AT, learned.ask_at) if ordinary and learned else learned and learned.ask_at
    # asked only when nothing called a crisis: the service question is then looked for once
    close = not crisis and bool(opinion and opinion.crisis >= ask_at) and not _about_the_service(t, found)
    uncertain = not crisis and bool(risks or close)
    concerns: list[str] = []
    if uncertain:
        unsure = [concepts.UNSURE_WORDS[r] for r in risks] or ["sounded close to replies that were a crisis"]
        said = reply_text.quotes(lt.quote_span(*span) for r in risks for span in found[r])
        reasons.append(f"unsure: {', '.join(unsure)} {said}; ask whether they are safe".replace("  ", " "))
        # the words an alert card shows, should asking lead to one
        concerns = ([f"a score of {score}"] if score is not None and score <= 2 else []) \
            + (["asked for support"] if support else []) + unsure
    worries = signals.worries(t, figurative + seen.crisis_spans + hard_news)
    if worries:
        reasons.append(f"worry: {reply_text.quotes(worries)} (not an alert on its own)")
    if asked:
        reasons.append(f"question: '{asked}'")
    positive = False
    # Good news needs good words or a good score and no sign of risk at all.
    calm_to_model = opinion is None or (opinion.crisis < POSITIVE_BELOW and opinion.alert < learned.alert_at)
    risky = any(name in found for name in concepts.RISK_SIGNS)  # "dormir para siempre suena bien"
    if not (wants or worries or uncertain or risks or close or risky or ordinary) and calm_to_model:
        if score is not None and score >= 4:
            positive, why = True, f"score {score}"
        elif score is None and (m := GRATITUDE.search(t.norm)):
            positive, why = True, f"'{t.quote_span(*m.span())}'"  # "thanks!" carries no mood but is good news
        if positive:
            reasons.append(f"positive: {why}")
    return Reading(score, wants, bool(crisis), positive, bool(asked), tuple(reasons), lang,
                   uncertain=uncertain, concerns=tuple(concerns))


def _explained(norm: str) -> bool:
    return bool(idiom_spans(norm)
                or (MEDICINE.search(norm) and CONTEXT_VETO["SYMPTOMS"].search(norm))
                or (ROUTINE_MEDICATION.search(norm) and not AMOUNT.search(norm)))


def _short_and_good(t, lang: str, figurative, found) -> bool:
    """A few words that read as good, with no sign of risk ("couldn't be better", "never been
    better"): too little for the model alone to call a crisis on; it is unsure, and the member
    is asked. "mejor muerto" names dying, and is no such reply."""
    if sum(tok.kind == "word" for tok in t.tokens) > SHORT_GOOD_MAX_WORDS or any(
            name in found for name in concepts.RISK_SIGNS):
        return False
    score, scored_from = find_score(t, lang, [], False, figurative, [])
    return scored_from == "mood" and score is not None and score >= 4


def _about_the_service(t, found) -> bool:
    """The whole reply asks what the service is, with no sign of risk in it."""
    words = " ".join(tok.norm for tok in t.tokens if tok.kind != "punct")
    return bool(SERVICE_QUESTION.fullmatch(words)) and not any(name in found for name in concepts.RISK_SIGNS)


def _model(model):
    if model is _SHIPPED:
        from service.reading.model import shipped
        return shipped()
    return model
