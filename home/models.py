from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page: what is new for the signed-in person, gathered from every app."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    subpage_types = [
        "knowledge.KnowledgeIndexPage",
        "lectures.LectureIndexPage",
        "study_groups.StudyGroupIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each app contributes a panel ("latest articles", "coming lectures", ...) through a hook,
        # so the home page imports none of them.
        panels = []
        for panel in hooks.get_hooks("gongxue_home_panels"):
            result = panel(request)
            if result:
                panels.append(result)
        context["panels"] = sorted(panels, key=lambda p: p.get("order", 100))
        return context
