"""Playwright driving Debian's Chromium (never a downloaded browser)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def site_as_migrate_makes_it(transactional_db):
    """Each browser test starts from the site that migrate makes, whatever ran before it.

    A transactional test ends with a flush, which also removes what data migrations made
    (Wagtail's root page and default locale), so the post-migrate site structure cannot be
    rebuilt on its own. Put it back here, so that browser tests do not depend on their order.
    """
    from django.conf import settings

    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    from home.site_structure import ensure_site_structure
    from people.roles import ensure_role_groups

    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        Page.add_root(instance=Page(title="Root", slug="root"))
    ensure_site_structure()
    ensure_role_groups()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}; `make test` installs Debian's chromium package."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


PHONE = {"width": 390, "height": 844}


def _page_of_size(browser, request, viewport: dict):
    context = browser.new_context(locale="zh-CN", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def page(browser, request):
    yield from _page_of_size(browser, request, {"width": 1280, "height": 900})


@pytest.fixture
def phone(browser, request):
    """A page the size of a phone's screen."""
    yield from _page_of_size(browser, request, PHONE)


@pytest.fixture
def planning_section(transactional_db):
    """综合规划科, headed by 黄静 (huangjing), with the cadre 张伟 (zhangwei)."""
    from people import roles
    from people.models import Department, Position
    from tests.people.factories import person_with_roles

    department = Department.objects.create(name="综合规划科")
    department.head = person_with_roles(
        "huangjing",
        roles.DEPARTMENT_HEADS,
        position=Position.DEPARTMENT_HEAD,
        department=department,
        display_name="黄静",
    )
    department.save()
    person_with_roles("zhangwei", department=department, display_name="张伟")
    return department


def sign_in(page, base_url: str, username: str, password: str):
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click(".login-box button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
