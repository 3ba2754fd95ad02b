"""Log lines: one per event, key=value or JSON, no full phone number and no secret, whatever is logged."""

from __future__ import annotations

import io
import json
import logging

import pytest

from service.settings import Settings
from service.telemetry.logs import configure, event

SECRET = "an-auth-token-0123456789"


@pytest.fixture
def captured():
    stream = io.StringIO()

    def setup(style: str = "text", level: str = "DEBUG") -> io.StringIO:
        configure(Settings(log_format=style, twilio_auth_token=SECRET, secret_key="the-secret-key-value",
                           database_url="postgresql+psycopg://kinship:db%2Fpass-word@db/kinship"), stream=stream, level=level)
        return stream

    yield setup
    configure(Settings())  # back to stderr, as the other tests expect


def test_an_event_is_one_key_value_line(captured):
    stream = captured()
    event(logging.getLogger("kinship.test"), "text_sent", message_id=12, kind="checkin", note="two words")
    [line] = stream.getvalue().splitlines()
    assert line.startswith("ts=") and " level=info logger=kinship.test event=text_sent message_id=12 kind=checkin" in line
    assert line.endswith('note="two words"')


def test_json_lines_parse(captured):
    stream = captured("json")
    event(logging.getLogger("kinship.test"), "alert_opened", alert_id=3, kind="crisis")
    logging.getLogger("a.library").info("Job OK (%s)", "send-message-7")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert (first["event"], first["alert_id"], first["level"]) == ("alert_opened", 3, "info")
    assert second["msg"] == "Job OK (send-message-7)" and second["logger"] == "a.library"


def test_phone_numbers_are_masked_and_secrets_cut_wherever_they_appear(captured):
    stream = captured()
    log = logging.getLogger("some.library")
    log.warning("texting +14155550123 with token %s", SECRET)
    log.warning("dsn postgresql://kinship:db/pass-word@db and key the-secret-key-value")
    text = stream.getvalue()
    assert "+14155550123" not in text and "+1…0123" in text
    assert SECRET not in text and "db/pass-word" not in text and "the-secret-key-value" not in text
    assert text.count("[secret]") == 3


def test_a_traceback_stays_on_its_line(captured):
    stream = captured()
    try:
        raise ValueError("the number +14155550123 is odd")
    except ValueError:
        logging.getLogger("kinship.test").exception("it broke")
    [line] = stream.getvalue().splitlines()
    assert 'error="ValueError: the number +1…0123 is odd"' in line and "traceback=\"Traceback" in line


def test_the_twilio_clients_request_dumps_are_silenced_even_at_debug(captured):
    stream = captured(level="DEBUG")
    logging.getLogger("twilio.http_client").info("Query Params: To=+14155550123")
    assert stream.getvalue() == ""


def test_configuring_again_replaces_the_handler(captured):
    captured()
    captured()
    assert sum(1 for h in logging.getLogger().handlers if h.name == "kinship") == 1


def test_a_bad_log_setting_is_refused():
    from service.settings import SettingsError

    with pytest.raises(SettingsError, match="KINSHIP_LOG_FORMAT must be one of text, json"):
        Settings.from_env({"KINSHIP_LOG_FORMAT": "xml"})
    with pytest.raises(SettingsError, match="KINSHIP_LOG_LEVEL"):
        Settings.from_env({"KINSHIP_LOG_LEVEL": "chatty"})
    assert Settings.from_env({"KINSHIP_LOG_FORMAT": "JSON", "KINSHIP_LOG_LEVEL": "debug"}).log_level == "DEBUG"
