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
