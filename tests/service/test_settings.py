"""One settings object, read from the environment once, failing fast with a clear message."""

import pytest

from service import create_app
from service.settings import DEFAULT_DATABASE_URL, Settings, SettingsError

BASE = {"SECRET_KEY": "s", "TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM_NUMBER": "+15005550006"}


def test_defaults_follow_the_contract():
    settings = Settings.from_env({})
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.public_url == "http://127.0.0.1:5000"
    assert settings.twilio_api_base_url == "https://api.twilio.com"
    assert settings.redis_url is None
    assert settings.status_callback_url() == "http://127.0.0.1:5000/twilio/status"


def test_each_process_asks_for_what_it_needs():
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        Settings.from_env({}).require_secret_key()
    with pytest.raises(SettingsError, match="REDIS_URL"):
        Settings.from_env({}).require_redis()
    with pytest.raises(SettingsError, match="TWILIO_ACCOUNT_SID"):
        Settings.from_env({"SECRET_KEY": "s"}).require_twilio()
    with pytest.raises(SettingsError, match="TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID"):
        Settings.from_env({**BASE, "TWILIO_FROM_NUMBER": ""}).require_twilio()


def test_numbers_are_checked():
    with pytest.raises(SettingsError, match="KINSHIP_SEND_RATE_PER_SECOND must be a number"):
        Settings.from_env({"KINSHIP_SEND_RATE_PER_SECOND": "fast"})
    with pytest.raises(SettingsError, match="must not be negative"):
        Settings.from_env({"KINSHIP_CHECKIN_GRACE_MINUTES": "-5"})
    assert Settings.from_env({"KINSHIP_SEND_RATE_PER_SECOND": "2.5"}).send_rate_per_second == 2.5


def test_public_url_loses_its_trailing_slash():
    assert Settings.from_env({"PUBLIC_URL": "https://kinship.example.org/"}).public_url == "https://kinship.example.org"


def test_the_web_app_refuses_to_start_without_a_secret_or_twilio():
    with pytest.raises(SettingsError):
        create_app(Settings.from_env({**BASE, "SECRET_KEY": ""}))
    with pytest.raises(SettingsError):
        create_app(Settings.from_env({"SECRET_KEY": "s"}))


def test_the_app_is_built_by_its_factory_with_the_settings_it_is_given(settings):
    first = create_app(settings)
    second = create_app(settings.with_(public_url="https://other.example.org"))
    assert first is not second
    assert first.extensions["kinship"].settings.public_url != second.extensions["kinship"].settings.public_url
    first.extensions["kinship"].close()
    second.extensions["kinship"].close()


def test_behind_a_proxy_the_clients_address_is_used(settings):
    app = create_app(settings.with_(proxy_hops=1))

    @app.get("/_address")
    def address():
        from flask import request

        return request.remote_addr

    response = app.test_client().get("/_address", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.get_data(as_text=True) == "203.0.113.7"
    app.extensions["kinship"].close()
