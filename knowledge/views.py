from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from taggit.models import Tag
from wagtail import hooks

from .models import ARTICLES_PER_PAGE, ArticlePage


def tag_detail(request, slug):
    """Everything shared under one tag that the person may see."""
    tag = get_object_or_404(Tag, slug=slug)
    articles = (
        ArticlePage.objects.visible_to(request.user)
        .filter(tags=tag)
        .for_listing()
        .order_by("-date", "-pk")
    )
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    # Other apps add what they share under the tag (discussion summaries ...), each scoped to the
    # person, through a hook returning {"title", "template", ...} or None.
    sections = [
        section
        for section in (fn(request, tag) for fn in hooks.get_hooks("gongxue_tag_sections"))
        if section
    ]
    return TemplateResponse(
        request,
        "knowledge/tag_detail.html",
        {"tag": tag, "articles": page, "sections": sections},
    )
