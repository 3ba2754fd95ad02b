"""``kinship twilio connect`` through Twilio's API (the local stand-in, the real twilio client)."""

from __future__ import annotations

from tests.conftest import FROM_NUMBER, PUBLIC_URL

SMS_URL = f"{PUBLIC_URL}/twilio/sms"
STATUS_URL = f"{PUBLIC_URL}/twilio/status"
OWN_NUMBER = "+14155550100"


def test_dry_run_shows_the_changes_and_makes_none(kinship, twilio_api):
    twilio_api.account.add_number(FROM_NUMBER, sms_url="https://old.example.org/sms", sms_method="GET")
    result = kinship("twilio", "connect", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"number {FROM_NUMBER} (the default sender) would change:",
        f"  sms_url: https://old.example.org/sms → {SMS_URL}",
        "  sms_method: GET → POST",
        "dry run: nothing was changed",
    ]
    assert twilio_api.account.number(FROM_NUMBER)["sms_url"] == "https://old.example.org/sms"


def test_connect_points_the_number_at_public_url_once(kinship, twilio_api):
    twilio_api.account.add_number(FROM_NUMBER)
    result = kinship("twilio", "connect")
    assert result.exit_code == 0, result.output
    assert f"  sms_url: (none) → {SMS_URL}" in result.stdout
    number = twilio_api.account.number(FROM_NUMBER)
    assert (number["sms_url"], number["sms_method"]) == (SMS_URL, "POST")
    again = kinship("twilio", "connect")
    assert again.stdout.strip() == f"number {FROM_NUMBER} (the default sender): already points at {SMS_URL}"


def test_a_communitys_own_number_and_only_that_community(kinship, twilio_api):
    kinship("community", "add", "Harbour Lights", "--from-number", OWN_NUMBER)
    kinship("community", "add", "Cardiff Circle")
    twilio_api.account.add_number(FROM_NUMBER)
    twilio_api.account.add_number(OWN_NUMBER)
    result = kinship("twilio", "connect", "--community", "Harbour Lights")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"number {OWN_NUMBER} (Harbour Lights):")
    assert twilio_api.account.number(OWN_NUMBER)["sms_url"] == SMS_URL
    assert twilio_api.account.number(FROM_NUMBER)["sms_url"] == ""
    everything = kinship("twilio", "connect")
    assert f"number {FROM_NUMBER} (the default sender, Cardiff Circle):" in everything.stdout
    assert twilio_api.account.number(FROM_NUMBER)["sms_url"] == SMS_URL


def test_a_messaging_service_gets_both_urls(kinship, twilio_api):
    service = twilio_api.account.add_messaging_service(numbers=("+15005550007",), use_inbound_webhook_on_number=True)
    result = kinship("twilio", "connect", env_extra={"TWILIO_FROM_NUMBER": "", "TWILIO_MESSAGING_SERVICE_SID": service})
    assert result.exit_code == 0, result.output
    wired = twilio_api.account.service(service)
    assert (wired["inbound_request_url"], wired["inbound_method"], wired["status_callback"],
            wired["use_inbound_webhook_on_number"]) == (SMS_URL, "POST", STATUS_URL, False)


def test_refusals_are_one_line_and_change_nothing(kinship, twilio_api):
    twilio_api.account.add_number(FROM_NUMBER, sms_url="https://old.example.org/sms")

    def refused(*args, **env):
        result = kinship("twilio", "connect", *args, env_extra=env)
        assert result.exit_code != 0 and result.stderr.startswith("kinship: "), result.output
        return result.stderr

    assert "a private address Twilio cannot reach" in refused(PUBLIC_URL="http://127.0.0.1:5000")
    assert "which Twilio cannot reach" in refused(PUBLIC_URL="http://localhost:5000")
    assert "a private address Twilio cannot reach" in refused(PUBLIC_URL="http://192.168.1.20")
    assert "HTTP 401" in refused(TWILIO_AUTH_TOKEN="wrong")
    assert "no community named 'Nowhere'" in refused("--community", "Nowhere")
    assert "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set" in refused(TWILIO_AUTH_TOKEN="")
    assert twilio_api.account.number(FROM_NUMBER)["sms_url"] == "https://old.example.org/sms"
    twilio_api.clear()
    assert f"not connected: number {FROM_NUMBER}" in refused()
