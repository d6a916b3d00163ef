"""The production settings are safe to deploy, and the demo loads twice without duplicating."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from knowledge.models import ArticlePage
from people.models import Department

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_check():
    # The test run's own switch for Playwright is not part of a deployment.
    environ = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "gongxue.intranet",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.production", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_nothing_new(monkeypatch):
    monkeypatch.setenv("DEMO_USER_PASSWORD", "demo-password-1")
    call_command("load_demo", stdout=io.StringIO())
    counts = (
        get_user_model().objects.count(),
        Department.objects.count(),
        ArticlePage.objects.count(),
    )
    assert counts[2] >= 30
    call_command("load_demo", stdout=io.StringIO())
    assert (
        get_user_model().objects.count(),
        Department.objects.count(),
        ArticlePage.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_editor_reaches_the_wagtail_admin_and_a_cadre_does_not(editor_client, client, cadre):
    assert editor_client.get("/admin/").status_code == 200
    client.force_login(cadre.user)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
