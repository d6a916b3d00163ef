"""Assertions whose failures show where in the page the text was expected."""

import re


def _text(response) -> str:
    return response.content.decode() if hasattr(response, "content") else str(response)


def assert_contains(response, text: str, status: int = 200):
    """The response has this status and shows `text`; on failure, show the page's main content."""
    assert response.status_code == status, f"expected HTTP {status}, got {response.status_code}"
    html = _text(response)
    if text not in html:
        main = re.search(r"<main.*?</main>", html, re.S)
        excerpt = (main.group(0) if main else html)[:3000]
        raise AssertionError(f"{text!r} not found in the page. Its main content:\n{excerpt}")


def assert_not_contains(response, text: str):
    html = _text(response)
    if text in html:
        at = html.index(text)
        raise AssertionError(
            f"{text!r} should not be shown, but is:\n…{html[max(0, at - 300) : at + 300]}…"
        )


def header_forgotten(client):
    """Make the client's next page work out its header again, as the first page of a visit does,
    so that query counts of two pages compare like with like (see home.header)."""
    from home.header import SESSION_KEY

    session = client.session
    session.pop(SESSION_KEY, None)
    session.save()
    return client
