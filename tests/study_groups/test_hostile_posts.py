"""Whatever a post carries, only allowed tags and safe links reach the page."""

import pytest

from study_groups.cleaning import clean_post_html
from study_groups.models import Post
from tests.assertions import assert_contains, assert_not_contains

from .factories import thread_in

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<p onclick="steal()">点我</p>',
    '<a href="javascript:alert(1)">链接</a>',
    '<a href="JaVaScRiPt:alert(1)">链接2</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">数据</a>',
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<svg onload="alert(1)"></svg>',
    '<p style="background:url(javascript:alert(1))">样式</p>',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_markup_is_removed(hostile):
    cleaned = clean_post_html(f"<p>正文</p>{hostile}")
    lowered = cleaned.lower()
    for needle in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "data:",
        "<iframe",
        "<style",
        "<svg",
        "style=",
    ):
        assert needle not in lowered, cleaned
    assert "正文" in cleaned


def test_allowed_formatting_and_safe_links_stay():
    cleaned = clean_post_html(
        "<p><strong>重点</strong> <em>强调</em></p><ul><li>一</li></ul>"
        '<blockquote>引文</blockquote><a href="https://www.gov.cn/">政府网</a>'
    )
    assert "<strong>重点</strong>" in cleaned
    assert "<li>一</li>" in cleaned
    assert "<blockquote>引文</blockquote>" in cleaned
    assert 'href="https://www.gov.cn/"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


def test_web_addresses_in_plain_text_become_safe_links():
    cleaned = clean_post_html("资料见 https://www.gov.cn/zhengce/ 请阅读")
    assert '<a href="https://www.gov.cn/zhengce/"' in cleaned
    assert "nofollow" in cleaned
    assert "<a" not in clean_post_html("javascript:alert(1) 不是链接")


def test_plain_text_keeps_its_lines_and_shows_angle_brackets_as_text():
    cleaned = clean_post_html("第一行\n第二行\n\n新段落 a<b")
    assert cleaned.startswith("<p>第一行<br>第二行</p>")
    assert "a&lt;b" in cleaned


def test_a_hostile_reply_through_the_site_is_stored_and_shown_clean(
    member_client, open_group, member
):
    thread = thread_in(open_group, member)
    member_client.post(
        thread.get_url(),
        {
            "body": '<p>看这里</p><script>document.cookie</script><a href="javascript:alert(1)" '
            'onmouseover="x()">点我</a><img src=x onerror=alert(1)>'
        },
    )
    post = Post.objects.latest("pk")
    assert "script" not in post.body and "javascript" not in post.body
    page = member_client.get(thread.get_url())
    assert_contains(page, "看这里")
    assert_not_contains(page, "document.cookie")
    assert_not_contains(page, "javascript:alert")
    assert_not_contains(page, "onmouseover")
    assert_not_contains(page, "onerror")


def test_a_hostile_thread_title_and_tags_are_escaped(member_client, open_group):
    member_client.post(
        f"{open_group.url}threads/new/",
        {"title": "<script>alert(1)</script>标题", "body": "正文", "tags": "<b>x</b>, 学习"},
    )
    page = member_client.get(open_group.url)
    assert_contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;标题")
    assert_not_contains(page, "<script>alert(1)")


def test_posts_written_elsewhere_are_cleaned_on_save(open_group, member):
    thread = thread_in(open_group, member)
    post = Post.objects.create(thread=thread, author=member, body="<p>ok</p><script>x()</script>")
    assert post.body == "<p>ok</p>"


def test_an_empty_post_is_refused_with_a_message(member_client, open_group, member):
    thread = thread_in(open_group, member)
    response = member_client.post(thread.get_url(), {"body": "<script>x</script>  "})
    assert_contains(response, "请先写点内容再发布。")
    assert thread.posts.count() == 1
