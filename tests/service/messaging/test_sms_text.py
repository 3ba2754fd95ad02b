"""The words Kinship texts to people, and the arithmetic of SMS segments.

Every template is rendered in every language with typical and with the longest
realistic values; English must stay GSM-7 and everything must fit two segments.
``test_no_missing_translations`` is where a missing translation shows up (the
runtime falls back to English silently).  Run with ``-s`` to see the
encoding/segment table.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import jinja2
import pytest
from jinja2 import meta

from service.messaging import sms_text
from service.messaging.sms_text import (
    LANGUAGES,
    TEMPLATES_DIR,
    SmsInfo,
    UnknownTemplate,
    encoding,
    normalize,
    render,
    segments,
    sms_info,
    template_names,
)

# Every template and the variables it takes (exactly).
VARIABLES: dict[str, set[str]] = {
    "invite": {"name", "community"},
    "welcome": {"name", "community", "next_checkin"},
    "invited_reminder": {"name", "community"},
    "checkin": {"name"},
    "thanks": {"name"},
    "thanks_unprompted": {"name"},
    "support_buddy": {"name", "buddy"},
    "support_coordinator": {"name", "community"},
    "crisis": {"name", "resources"},
    "crisis_resources": set(),
    "stop_confirm": {"community"},
    "start_confirm": {"name", "community"},
    "help": {"community", "contact", "invited"},
    "unknown_number": set(),
    "pause_confirm": {"name", "resume_date"},
    "back_confirm": {"name", "next_checkin"},
    "time_confirm": {"name", "next_checkin"},
    "time_confirm_twice": {"name", "first_time", "second_time", "next_checkin"},
    "time_help": set(),
    "pause_help": set(),
    "quiet_time_refused": {"name", "quiet_hours"},
    "nudge": {"name"},
    "buddy_on": {"name"},
    "buddy_off": {"name"},
    "share_on": {"name"},
    "share_off": {"name"},
    "intro": {"name", "buddy", "community"},
    "buddy_alert": {"name", "member"},
    "buddy_alert_shared": {"name", "member", "reply"},
    "buddy_reminder": {"name", "member"},
    "buddy_ack": {"name", "member"},
    "buddy_pass_ack": {"name", "member"},
    "member_buddy_on_it": {"name", "buddy"},
    "all_clear": {"name", "member"},
    "buddy_crisis_notice": {"name", "member"},
    "relay": {"sender", "text"},
    "broadcast": {"community", "text"},
    "coordinator_crisis": {"name", "member", "phone", "community", "url"},
    "coordinator_support": {"name", "member", "reason", "community", "url"},
    "coordinator_no_answer": {"name", "member", "phone", "community", "url"},
    "ask_safe": {"name"},
    "safe_thanks": {"name"},
    "welcome_no_buddy": {"name", "community", "next_checkin"},
    "buddy_crisis_taken": {"name", "member"},
    "buddy_follow_up": {"name", "member"},
    "buddy_done_thanks": {"name", "member"},
    "buddy_help_handoff": {"name", "member", "community"},
    "coordinator_repage": {"name", "member", "phone", "community", "reason", "url"},
    "coordinator_stale": {"name", "member", "reason"},
}
COORDINATOR_FACING = {"coordinator_crisis", "coordinator_support", "coordinator_no_answer", "coordinator_repage",
                      "coordinator_stale"}
MIN_VARIANTS = {"thanks": 5, "thanks_unprompted": 2}

TYPICAL = {
    "en": dict(
        name="Sam", buddy="Alex", member="Alex", sender="Alex", community="Eastside Circle",
        next_checkin="Thu 27 Nov, 10:00", first_time="09:00", second_time="21:00", resume_date="Mon 1 Dec",
        quiet_hours="21:00-08:00",
        phone="+15550101234", url="https://kinship.example.org/m/42", reason="low score",
        reply="rough week, not sleeping much", text="Potluck moved to Sunday at 5pm. Bring a friend!",
        contact="", invited=False,
    ),
    "es": dict(
        name="Lupe", buddy="Carmen", member="Carmen", sender="Carmen", community="Grupo Esperanza",
        next_checkin="jue 27 nov, 10:00", first_time="09:00", second_time="21:00", resume_date="lun 1 dic",
        quiet_hours="21:00-08:00",
        phone="+15550101234", url="https://kinship.example.org/m/42", reason="puntaje bajo",
        reply="semana dura, duermo poco", text="La comida del domingo pasa a las 5pm. Trae a quien quieras!",
        contact="", invited=False,
    ),
}
# The longest realistic values: first names up to 12 characters, community names
# up to 24, the shared reply truncated by the caller to 80, a relayed or broadcast
# text of a full single SMS (160).
LONGEST = dict(
    name="Christabella", buddy="Alessandrina", member="Alessandrina", sender="Alessandrina",
    community="Northside Recovery Group", next_checkin="Wed 31 Dec, 10:00", first_time="09:00", second_time="21:00",
    resume_date="Wed 31 Dec",
    quiet_hours="21:00-08:00", phone="+1 (555) 010-1234", url="https://kinship.example.org/members/123456",
    reason="no reply to 3 check-ins", reply="w" * 80, text="t" * 160,
    contact="Christabella Montgomery, 415-555-0199, cm@kin.org", invited=True,  # the contact line's 50 at most
)
LONGEST_ES = dict(LONGEST, next_checkin="mié 31 dic, 10:00", resume_date="mié 31 dic")
# Values a real community will produce that are not GSM-7 (á í ó ú, ë, emoji).
# They force UCS-2; reported, not asserted (see test_report_table).
NON_GSM = dict(LONGEST, name="Joaquín", buddy="Sofía", member="Sofía", sender="Sofía",
               community="Círculo de Apoyo Norte", next_checkin="sáb 29 nov, 10:00")

# Spanish templates that need UCS-2 on their own (before any value is filled in).
# Everything else in Spanish is written to stay GSM-7 without dropping accents.
ES_UCS2 = {"pause_help"}


def longest(language: str) -> dict:
    return LONGEST_ES if language == "es" else LONGEST


def variant_count(language: str, name: str) -> int:
    source = (TEMPLATES_DIR / language / f"{name}.txt").read_text(encoding="utf-8")
    return len([part for part in re.split(r"(?m)^---[ \t]*\r?$", source) if part.strip()])


def render_all_variants(name: str, language: str, values: dict) -> list[str]:
    context = {key: values[key] for key in VARIABLES[name] if key != "resources"}
    if "resources" in VARIABLES[name]:
        context["resources"] = render("crisis_resources", language)
    return [render(name, language, variant=v, **context) for v in range(variant_count(language, name))]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# --- the set of templates ---------------------------------------------------


def test_english_has_every_template():
    assert set(template_names("en")) == set(VARIABLES)


def test_no_missing_translations():
    """This is how missing translations are reported: English is the reference."""
    reference = set(template_names("en"))
    report = []
    for language in LANGUAGES:
        have = set(template_names(language))
        missing, orphans = sorted(reference - have), sorted(have - reference)
        if missing:
            report.append(f"{language}: missing {', '.join(missing)}")
        if orphans:
            report.append(f"{language}: not in English {', '.join(orphans)}")
    assert not report, "\n".join(report)


@pytest.mark.parametrize("language", LANGUAGES)
def test_template_names_sorted_and_unknown_language_empty(language):
    names = template_names(language)
    assert names == sorted(names)
    assert template_names("xx") == []
    assert template_names() == template_names("en")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_variables_exactly_as_named(language, name):
    env = jinja2.Environment()
    source = (TEMPLATES_DIR / language / f"{name}.txt").read_text(encoding="utf-8")
    parts = [p for p in re.split(r"(?m)^---[ \t]*\r?$", source) if p.strip()]
    used = set()
    for part in parts:
        found = meta.find_undeclared_variables(env.parse(part))
        assert found <= VARIABLES[name], f"{language}/{name}: unknown variables {found - VARIABLES[name]}"
        used |= found
    assert used == VARIABLES[name], f"{language}/{name}: never uses {VARIABLES[name] - used}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(MIN_VARIANTS))
def test_variant_counts(language, name):
    texts = render_all_variants(name, language, TYPICAL[language])
    assert len(texts) >= MIN_VARIANTS[name]
    assert len(set(texts)) == len(texts), "variants should differ"


# --- every template fits ------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(VARIABLES))
@pytest.mark.parametrize("values", ["typical", "longest"])
def test_renders_within_two_segments(language, name, values):
    context = TYPICAL[language] if values == "typical" else longest(language)
    for text in render_all_variants(name, language, context):
        info = sms_info(text)
        assert text and text == text.strip() and "  " not in text and "\n" not in text
        assert "{{" not in text and "}}" not in text
        if language == "en":
            assert info.encoding == "GSM-7", f"{name}: {[c for c in text if encoding(c) != 'GSM-7']}"
        elif language == "es":
            expected = "UCS-2" if name in ES_UCS2 else "GSM-7"
            assert info.encoding == expected, (
                f"es/{name} is now {info.encoding} (non-GSM: {sorted({c for c in text if encoding(c) != 'GSM-7'})}); "
                "rewrite it or update ES_UCS2 and check it still fits 134 UCS-2 characters"
            )
        assert info.segments <= 2, f"{language}/{name}: {info} {text!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_crisis_fits_with_default_resources(language):
    resources = render("crisis_resources", language)
    text = render("crisis", language, name=LONGEST["name"], resources=resources)
    assert resources in text
    assert segments(text) <= 2


def test_report_table(capsys):
    """The encoding/segment table (shown with ``pytest -s``)."""
    rows = []
    for language in LANGUAGES:
        for name in template_names(language):
            worst = max(render_all_variants(name, language, longest(language)), key=lambda t: sms_info(t).characters)
            risky = max(render_all_variants(name, language, NON_GSM), key=lambda t: sms_info(t).characters)
            a, b = sms_info(worst), sms_info(risky)
            rows.append(f"{name:22} {language}  {a.encoding}  {a.segments}  {a.characters:4}   "
                        f"non-GSM values: {b.encoding} {b.segments} ({b.characters})")
            assert a.segments <= 2
    with capsys.disabled():
        if "-s" in sys.argv or "--capture=no" in sys.argv:
            print("\ntemplate               lang enc    seg chars")
            print("\n".join(rows))


# --- run-time behaviour -------------------------------------------------------


def test_falls_back_to_english_for_unknown_language():
    ctx = {"name": "Sam"}
    assert render("checkin", "fr", **ctx) == render("checkin", "en", **ctx)
    assert render("checkin", "", **ctx) == render("checkin", "en", **ctx)
    assert render("checkin", None, **ctx) == render("checkin", "en", **ctx)


def test_regional_language_codes():
    assert render("checkin", "es-MX", name="Lupe") == render("checkin", "es", name="Lupe")
    assert render("checkin", "ES_us", name="Lupe") == render("checkin", "es", name="Lupe")
    assert render("checkin", "es", name="Lupe") != render("checkin", "en", name="Lupe")


def test_falls_back_to_english_when_file_missing(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "en" / "hello.txt").write_text("Hi {{ name }}\n", encoding="utf-8")
    (tmp_path / "en" / "both.txt").write_text("Hi {{ name }}\n", encoding="utf-8")
    (tmp_path / "es" / "both.txt").write_text("Hola {{ name }}\n", encoding="utf-8")
    monkeypatch.setattr(sms_text, "TEMPLATES_DIR", tmp_path)
    assert render("hello", "es", name="Lupe") == "Hi Lupe"
    assert render("both", "es", name="Lupe") == "Hola Lupe"
    assert template_names("es") == ["both"]
    assert template_names("en") == ["both", "hello"]
    with pytest.raises(UnknownTemplate):
        render("nowhere", "es", name="Lupe")


@pytest.mark.parametrize("bad", ["../en/checkin", "checkin.txt", "en/checkin", "", "Checkin"])
def test_unknown_or_unsafe_names(bad):
    with pytest.raises(UnknownTemplate):
        render(bad, "en", name="Sam")


def test_unknown_template_is_a_lookup_error():
    with pytest.raises(LookupError):
        render("no_such_template", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_variable_raises(language):
    with pytest.raises(jinja2.UndefinedError):
        render("checkin", language)
    with pytest.raises(jinja2.UndefinedError):
        render("intro", language, name="Sam", buddy="Alex")


def test_name_is_a_template_variable():
    # ``name`` and ``language`` are positional-only, so name= reaches the template.
    assert "Sam" in render("checkin", "en", name="Sam")


def test_autoescape_off():
    text = render("relay", "en", sender="Alex", text='Tom & Jerry said "<3"')
    assert 'Tom & Jerry said "<3"' in text


def test_variants_pick_modulo(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "v.txt").write_text("One {{ name }}\n---\nTwo {{ name }}\n---\n\nThree\n  {{ name }}\n\n",
                                           encoding="utf-8")
    monkeypatch.setattr(sms_text, "TEMPLATES_DIR", tmp_path)
    got = [render("v", "en", variant=i, name="Sam") for i in range(7)]
    assert got == ["One Sam", "Two Sam", "Three Sam", "One Sam", "Two Sam", "Three Sam", "One Sam"]
    assert render("v", "en", variant=-1, name="Sam") == "Three Sam"
    assert render("v", "en", name="Sam") == "One Sam"


def test_real_variants_cycle():
    count = variant_count("en", "thanks")
    for i in range(count):
        assert render("thanks", "en", variant=i, name="Sam") == render("thanks", "en", variant=i + count, name="Sam")


def test_whitespace_folded_and_normalized(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "w.txt").write_text(
        "  “Hi”   {{ name }}\u2014how’s\n  it going\u2026  \n\n\n", encoding="utf-8")
    monkeypatch.setattr(sms_text, "TEMPLATES_DIR", tmp_path)
    assert render("w", "en", name="Sam\u00a0Lee") == "\"Hi\" Sam Lee-how's it going..."


def test_import_is_plain_and_lazy():
    """No Flask/RQ/SQLAlchemy, and Jinja is not even imported until the first render."""
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('sms_text_probe', {str(sms_text.__file__)!r})\n"
        "module = importlib.util.module_from_spec(spec); sys.modules['sms_text_probe'] = module\n"
        "spec.loader.exec_module(module)\n"
        "heavy = [m for m in ('flask', 'rq', 'sqlalchemy', 'jinja2', 'redis') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "module.render('checkin', 'en', name='Sam')\n"
        "assert 'jinja2' in sys.modules\n"
        "assert not [m for m in ('flask', 'rq', 'sqlalchemy') if m in sys.modules]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_environment_built_once():
    render("checkin", "en", name="Sam")
    render("checkin", "es", name="Lupe")
    assert sms_text._environment(TEMPLATES_DIR) is sms_text._environment(TEMPLATES_DIR)


# --- normalize ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("it\u2019s \u2018fine\u2019", "it's 'fine'"),
        ("\u201cquoted\u201d \u201elow\u201c \u201bodd\u2019 \u201aa\u2018", "\"quoted\" \"low\" 'odd' 'a'"),
        ("\u00abcomillas\u00bb", '"comillas"'),
        ("10\u201312 \u2014 or \u2015 \u2212 \u2010", "10-12 - or - - -"),
        ("wait\u2026", "wait..."),
        ("a\u00a0b\u2009c\u202fd\u3000e\u2007f", "a b c d e f"),
        ("zero\u200bwidth\ufeff\u2060soft\u00adhyphen", "zerowidthsofthyphen"),
        ("\u2022 one \u25e6 two", "- one - two"),
        ("tab\there", "tab here"),
        ("joiner\u200d between\u200c words", "joiner between words"),
    ],
)
def test_normalize_to_gsm7(raw, clean):
    assert normalize(raw) == clean
    assert encoding(normalize(raw)) == "GSM-7"


@pytest.mark.parametrize(
    "real",
    ["Feeling \U0001F60A today", "\U0001F468\u200d\U0001F469\u200d\U0001F467 family", "Sofía y Joaquín",
     "ça va", "你好", "Zoë", "\u2764\ufe0f"],
)
def test_normalize_leaves_real_content(real):
    assert normalize(real) == real
    assert encoding(real) == "UCS-2"


def test_normalize_keeps_gsm_accents_and_greek():
    text = "¿Qué tal? ¡Ñandú no! Ça Ø å Ä ö ü ß É Æ à è ù ì ò ΔΦΓΛΩΠΨΣΘΞ €[]{}"
    without_u = text.replace("ú", "u")
    assert normalize(text) == text
    assert encoding(without_u) == "GSM-7"
    assert encoding(text) == "UCS-2"  # ú is not GSM-7


def test_render_output_is_normalized(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "q.txt").write_text("{{ name }} says \u201c{{ text }}\u201d\n", encoding="utf-8")
    monkeypatch.setattr(sms_text, "TEMPLATES_DIR", tmp_path)
    text = render("q", "en", name="Ann", text="I\u2019m ok\u2026 \U0001F44D")
    assert text == "Ann says \"I'm ok... \U0001F44D\""


# --- segment arithmetic --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "enc", "segs", "chars", "remaining"),
    [
        ("", "GSM-7", 0, 0, 160),
        ("a", "GSM-7", 1, 1, 159),
        ("a" * 160, "GSM-7", 1, 160, 0),
        ("a" * 161, "GSM-7", 2, 161, 145),
        ("a" * 306, "GSM-7", 2, 306, 0),
        ("a" * 307, "GSM-7", 3, 307, 152),
        ("a" * 459, "GSM-7", 3, 459, 0),
        ("€" * 80, "GSM-7", 1, 160, 0),
        ("€" * 80 + "a", "GSM-7", 2, 161, 144),  # 76 € | 4 € + a
        ("a" * 159 + "^", "GSM-7", 2, 161, 145),
        ("a" * 158 + "^", "GSM-7", 1, 160, 0),
        ("{}[]~|\\\f", "GSM-7", 1, 16, 144),
        # the escape pair is never split: 152 + (2) + 151 = 305 septets still 2 segments
        ("a" * 152 + "€" + "a" * 151, "GSM-7", 2, 305, 0),
        # ... but one more septet starts a third although 306 would fit in theory
        ("a" * 152 + "€" + "a" * 152, "GSM-7", 3, 306, 152),
        ("á" * 70, "UCS-2", 1, 70, 0),
        ("á" * 71, "UCS-2", 2, 71, 63),
        ("á" * 134, "UCS-2", 2, 134, 0),
        ("á" * 135, "UCS-2", 3, 135, 66),
        ("a" * 69 + "á", "UCS-2", 1, 70, 0),
        ("\U0001F600" * 35, "UCS-2", 1, 70, 0),
        ("\U0001F600" * 35 + "a", "UCS-2", 2, 71, 62),  # 33 emoji | 2 emoji + a
        ("a" + "\U0001F600" * 66 + "a", "UCS-2", 2, 134, 0),  # a + 33 emoji | 33 emoji + a
        # a surrogate pair is never split either
        ("á" * 66 + "\U0001F600" + "á" * 66, "UCS-2", 3, 134, 66),
        ("\U0001F600" * 67, "UCS-2", 3, 134, 65),  # 33 emoji = 66 units per segment
        ("á" * 65 + "\U0001F600" + "á" * 67, "UCS-2", 2, 134, 0),
    ],
)
def test_segment_maths(text, enc, segs, chars, remaining):
    assert encoding(text) == enc
    assert segments(text) == segs
    assert sms_info(text) == SmsInfo(encoding=enc, segments=segs, characters=chars, remaining_in_segment=remaining)


def test_gsm_basic_set_edges():
    assert encoding("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0-9:;<=>?¡AZÄÖÑÜ§¿azäöñüà") == "GSM-7"
    for char in "`çáíóúÁÍÓÚ\t\u00a0\u2019":
        assert encoding("plain " + char) == "UCS-2", repr(char)


def test_sms_info_is_frozen():
    info = sms_info("hello")
    with pytest.raises(AttributeError):
        info.segments = 3  # type: ignore[misc]


# --- carrier (CTIA) wording ----------------------------------------------------

CTIA = {
    "en": {
        "invite": ["Kinship", "Msg frequency varies", "Msg&data rates may apply", "Reply YES", "HELP", "STOP"],
        "welcome": ["Kinship", "Msg frequency varies", "Msg&data rates may apply", "HELP", "STOP"],
        "help": ["Kinship", "Msg frequency varies", "Msg&data rates may apply", "coordinator", "STOP"],
        "stop_confirm": ["Kinship", "won't get any more texts", "START"],
    },
    "es": {
        "invite": ["Kinship", "Frecuencia de msj variable", "Pueden aplicar tarifas de msj y datos",
                   "Responde SI", "AYUDA", "STOP"],
        "welcome": ["Kinship", "Frecuencia de msj variable", "Pueden aplicar tarifas de msj y datos", "AYUDA", "STOP"],
        "help": ["Kinship", "Frecuencia de msj variable", "Pueden aplicar tarifas de msj y datos",
                 "coordinador/a", "STOP"],
        "stop_confirm": ["Kinship", "no te enviaremos otros mensajes", "START"],
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["invite", "welcome", "help", "stop_confirm"])
def test_ctia_pattern(language, name):
    values = TYPICAL[language]
    text = render(name, language, **{k: values[k] for k in VARIABLES[name]})
    for phrase in CTIA[language][name]:
        assert phrase in text, f"{language}/{name} lacks {phrase!r}: {text}"
    assert values["community"] in text  # program name: Kinship + the community
    if name in ("invite", "help"):
        assert re.search(r"\b(STOP)\b", text)


# --- what the words promise -----------------------------------------------------

FORBIDDEN = [
    # privacy and confidentiality
    "confidential", "private", "privacy", "between us", "just between",
    "confidencial", "privad", "privacidad", "entre nosotros", "entre tu y yo",
    # round-the-clock availability
    "24/7", "24 hours", "24h", "any time", "anytime", "around the clock", "round the clock",
    "always here", "always there", "always available", "whenever",
    "24 horas", "a cualquier hora", "en cualquier momento", "cuando quieras", "siempre aqui",
    "siempre estamos", "siempre disponible",
    # Kinship is not a crisis service
    "crisis service", "crisis line", "emergency service", "crisis team",
    "servicio de crisis", "linea de crisis", "servicio de emergencia", "equipo de crisis",
    # no diagnoses
    "diagnos", "depress", "disorder", "symptom", "mental illness", "suicidal",
    "diagnost", "depresi", "trastorno", "sintoma", "enfermedad mental",
    # no guilt
    "you missed", "you forgot", "you failed", "why haven't you", "you didn't", "you should",
    "olvidaste", "no respondiste", "deberias",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_no_forbidden_promises(language, name):
    path = TEMPLATES_DIR / language / f"{name}.txt"
    source = fold(" ".join(path.read_text(encoding="utf-8").split()))
    found = [phrase for phrase in FORBIDDEN if fold(phrase) in source]
    assert not found, f"{language}/{name} says {found}"


TERMS_AVOIDED = {
    "en": r"\b(partners?|users?|patients?|clients?|volunteers?|admins?|moderators?|counsell?ors?)\b",
    "es": r"\b(compañer[oa]s? de apoyo|seguimiento|usuari[oa]s?|pacientes?|parejas?|voluntari[oa]s?|"
          r"coordinador(es)? |coordinadora|compañero de|compañera de)\b",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_consistent_terms(language):
    """member / buddy / coordinator / check-in / community, one word each."""
    bad = {}
    for name in template_names(language):
        source = (TEMPLATES_DIR / language / f"{name}.txt").read_text(encoding="utf-8")
        hits = [m.group(0) for m in re.finditer(TERMS_AVOIDED[language], source, re.IGNORECASE)]
        if hits:
            bad[name] = hits
    assert not bad, bad
    everything = " ".join(
        (TEMPLATES_DIR / language / f"{n}.txt").read_text(encoding="utf-8") for n in template_names(language))
    expected = {"en": ["buddy", "coordinator", "check-in", "community"],
                "es": ["compañero/a de apoyo", "coordinador/a", "check-in", "comunidad"]}[language]
    for term in expected:
        assert term in everything


def test_coordinator_texts_never_carry_member_words():
    for name in COORDINATOR_FACING:
        assert not VARIABLES[name] & {"reply", "text"}
    for language in LANGUAGES:
        text = render("coordinator_crisis", language, **{k: TYPICAL[language][k] for k in VARIABLES["coordinator_crisis"]})
        assert TYPICAL[language]["reply"] not in text
        assert text.startswith(("URGENT", "URGENTE"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_crisis_resources_facts(language):
    text = render("crisis_resources", language)
    for number in ("988", "911"):
        assert number in text
    if language == "en":
        assert "HOME to 741741" in text
    if language == "es":
        assert "marca 2" in text and "AYUDA al 988" in text and "741741" in text


# --- the keywords the copy asks for are understood ------------------------------

KEYWORDS = {
    "en": {
        "YES": "start", "HELP": "help", "STOP": "stop", "START": "start", "PAUSE": "pause",
        "PAUSE 3 days": "pause", "AWAY until friday": "pause", "BACK": "back", "TIME 9am": "time",
        "TIME 18:30": "time", "BUDDY ON": "buddy_on", "BUDDY OFF": "buddy_off", "SHARE ON": "share_on",
        "SHARE OFF": "share_off", "ON IT": "on_it", "PASS": "pass",
    },
    "es": {
        "SI": "start", "AYUDA": "help", "STOP": "stop", "START": "start", "PAUSA": "pause",
        "PAUSA 3 días": "pause", "PAUSA hasta el viernes": "pause", "DE VUELTA": "back", "HORA 9am": "time",
        "HORA 18:30": "time", "APOYO SI": "buddy_on", "APOYO NO": "buddy_off", "COMPARTIR SI": "share_on",
        "COMPARTIR NO": "share_off", "VOY": "on_it", "PASO": "pass",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_keywords_in_copy_are_understood(language):
    commands = pytest.importorskip("service.conversation.commands")
    everything = " ".join(
        " ".join(render_all_variants(n, language, TYPICAL[language])) for n in template_names(language))
    for phrase, command in KEYWORDS[language].items():
        assert re.search(rf"(?<![\w/]){re.escape(phrase)}(?!\w)", everything), f"{language}: copy never says {phrase!r}"
        parsed = commands.parse(phrase)
        assert parsed.command is not None and parsed.command.value == command, (language, phrase, parsed)
