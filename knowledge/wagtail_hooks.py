from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .models import ArticlePage


@hooks.register("gongxue_home_panels")
def latest_articles_panel(request):
    articles = (
        ArticlePage.objects.visible_to(request.user).for_listing().order_by("-date", "-pk")[:6]
    )
    return {
        "order": 10,
        "title": _("Latest in the knowledge library"),
        "template": "knowledge/panels/latest_articles.html",
        "articles": articles,
    }


@hooks.register("gongxue_site_structure")
def ensure_library(home):
    from home.site_structure import ensure_child

    from .models import KnowledgeIndexPage

    ensure_child(home, KnowledgeIndexPage, "knowledge", "知识库")


@hooks.register("gongxue_demo_content")
def demo_articles(stdout, password):
    from .demo import load_articles

    return load_articles(stdout, password)


demo_articles.demo_order = 20


@hooks.register("gongxue_archive_entries")
def articles_for_archive(person, years, viewer):
    """The articles a person published in the library, for their growth archive, leaving out
    any that the viewer may not see."""
    articles = (
        ArticlePage.objects.visible_to(viewer)
        .filter(authors=person, date__year__in=list(years))
        .order_by("date", "pk")
    )
    return [
        {
            "year": article.date.year,
            "date": article.date,
            "kind": f"article_{article.kind}",
            "kind_label": article.get_kind_display(),
            "title": article.title,
            "url": article.url,
        }
        for article in articles
    ]
