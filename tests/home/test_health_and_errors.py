import pytest

from django.test import override_settings

from tests.assertions import assert_contains

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_elasticsearch_without_login(anonymous_client):
    response = anonymous_client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "up"
    assert body["elasticsearch"] == "up"


@override_settings(ELASTICSEARCH_URL="")
def test_healthz_says_elasticsearch_is_not_configured(anonymous_client):
    assert anonymous_client.get("/healthz").json()["elasticsearch"] == "not configured"


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:1")
def test_healthz_reports_elasticsearch_down_but_still_answers(anonymous_client):
    response = anonymous_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "up",
        "elasticsearch": "down",
        "search_backlog": 0,
    }


def test_not_found_page_speaks_chinese_by_default(cadre_client):
    assert_contains(cadre_client.get("/no-such-page/"), "页面不存在", status=404)


def test_not_found_page_in_english_after_switching(cadre_client):
    cadre_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert_contains(cadre_client.get("/no-such-page/"), "Page not found", status=404)


def test_server_error_page_is_friendly(rf, cadre):
    from django.utils import translation

    from home.views import server_error

    request = rf.get("/")
    request.user = cadre.user
    with translation.override("zh-hans"):
        response = server_error(request)
    assert response.status_code == 500
    assert "出错" in response.content.decode()
