"""The readings of a study session: knowledge articles, other Gongxue pages (lectures), outside links."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class OutsideLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("web address"))

    class Meta:
        icon = "link-external"
        label = _("Outside link")
        template = "study_groups/blocks/outside_link.html"
        description = _("A reading elsewhere on the intranet or the web")
        preview_value = {"title": "学习强国", "url": "https://www.xuexi.cn/"}


class ReadingsBlock(blocks.StreamBlock):
    article = blocks.PageChooserBlock(
        page_type="knowledge.ArticlePage",
        label=_("Knowledge article"),
        icon="doc-full",
        template="study_groups/blocks/page_reading.html",
        description=_("An article from the knowledge library"),
    )
    page = blocks.PageChooserBlock(
        label=_("Lecture or other Gongxue page"),
        icon="doc-empty",
        template="study_groups/blocks/page_reading.html",
        description=_("A lecture or any other page on Gongxue"),
    )
    link = OutsideLinkBlock()
