"""GET /healthz answers 503 and says which part is down."""

from service import create_app


def test_healthz_says_when_redis_is_down(settings):
    app = create_app(settings.with_(redis_url="redis://127.0.0.1:1/0"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "ok" and response.json["redis"].startswith("error")
    app.extensions["kinship"].close()
