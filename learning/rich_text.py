"""Study notes' rich text, cleaned on the way in: only an allow-list of tags and attributes survives.

Notes are written on the site by anyone, then shown to their department, their inspector or the
whole office, so their HTML is sanitised with nh3 (the Rust `ammonia` cleaner) before it is saved.
Plain text typed without the editor (no JavaScript) becomes paragraphs.
"""

import re

import nh3

from django.utils.html import escape

ALLOWED_TAGS = frozenset(
    [
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "a",
        "code",
        "pre",
        "hr",
    ]
)
ALLOWED_ATTRIBUTES = {
    # linktype/id: Wagtail's own internal links, written by the admin's rich-text editor.
    "a": {"href", "linktype", "id"},
    # Wagtail's editor keys its blocks; keeping the key keeps admin edits stable.
    "p": {"data-block-key"},
    "li": {"data-block-key"},
    "h2": {"data-block-key"},
    "h3": {"data-block-key"},
    "h4": {"data-block-key"},
    "blockquote": {"data-block-key"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def plain_text_to_html(text: str) -> str:
    """Paragraphs from blank-line-separated plain text; single line breaks kept as <br>."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


def sanitize_html(html: str) -> str:
    """The note body with everything outside the allow-list removed (scripts with their content)."""
    html = (html or "").strip()
    if html and not _LOOKS_LIKE_HTML.search(html):
        html = plain_text_to_html(html)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
