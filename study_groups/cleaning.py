"""Posts are rich text, cleaned against an allow-list before they are stored.

nh3 (the Ammonia sanitiser) drops every tag and attribute not listed here, removes <script> and
<style> with their content, drops event attributes (onclick, onerror ...) and any link whose
scheme is not http, https or mailto (so javascript: links go).
"""

import re
from html import unescape

import nh3

from django.utils.html import linebreaks, strip_tags, urlize

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "code",
    "pre",
    "h3",
    "h4",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def clean_post_html(raw: str) -> str:
    """Safe HTML for a post: plain text becomes paragraphs; HTML keeps only what is allowed."""
    raw = (raw or "").strip()
    if not _LOOKS_LIKE_HTML.search(raw):
        # Plain text, as most people type it: paragraphs and line breaks kept, web addresses linked.
        raw = linebreaks(urlize(raw, nofollow=True, autoescape=True))
    cleaned = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return cleaned.strip()


def plain_text(html: str) -> str:
    """The words of a post, for mentions, search and e-mail."""
    text = re.sub(r"<(br|/p|/li|/h\d|/blockquote)\s*/?>", "\n", html or "")
    return re.sub(r"[ \t]+", " ", unescape(strip_tags(text))).strip()


def is_blank(html: str) -> bool:
    return not plain_text(html).replace("\xa0", "").strip()
