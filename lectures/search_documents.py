"""Lectures in the site's search (see /work/SEARCH_INTERFACE.md); search/ discovers this module.

A lecture is found by its title, abstract, speakers, summary and tags; it is as visible as its
page (Wagtail view restrictions), whatever its audience, like the /lectures/ listing.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.sources import (
    Dependency,
    SearchDocument,
    SearchSource,
    page_access,
    register,
    strip_tags,
    text_from_streamfield,
)

from .models import LecturePage


@register
class LectureSource(SearchSource):
    name = "lecture"
    model = LecturePage
    kind_labels = {"lecture": _("lecture")}
    # A speaker on the platform shows their name, and their department's as the affiliation
    # when none is given; the department facet is the audience's one department.
    depends_on = (
        Dependency("people.Person", fields=("display_name", "department"), via="speakers__person"),
        Dependency("people.Department", fields=("name",), via="speakers__person__department"),
        Dependency("people.Department", fields=("name",), via="audience_departments"),
        Dependency("taggit.Tag", fields=("name",), via="tags"),
    )

    def get_queryset(self):
        return LecturePage.objects.all().for_listing()

    def to_document(self, obj) -> SearchDocument | None:
        if not obj.live:
            return None
        speakers = list(obj.speakers.all())
        body = "\n\n".join(
            part
            for part in (
                " ".join(
                    f"{s.display_name} {s.display_affiliation} {s.role}".strip() for s in speakers
                ),
                strip_tags(obj.abstract or ""),
                obj.place,
                text_from_streamfield(obj.summary),
            )
            if part
        )
        departments = [d.name for d in obj.audience_departments.all()]
        return SearchDocument(
            title=obj.title,
            body=body,
            kind="lecture",
            url=obj.url or "",
            date=timezone.localtime(obj.start).date(),
            tags=[t.name for t in obj.tags.all()],
            people=[s.display_name for s in speakers],
            department=departments[0] if len(departments) == 1 else "",
            study_group="",
            access=page_access(obj),
        )
