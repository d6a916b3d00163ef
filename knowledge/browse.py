"""Browsing the library: turning a query string into filters, with a clear word for bad values."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from taggit.models import Tag

from people.models import Department


@dataclass
class LibraryFilters:
    kind: str = ""
    tag: str = ""
    department: int | None = None
    year: int | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query) -> "LibraryFilters":
        """Read kind, tag, department and year; a bad value is dropped and explained, never a 500."""
        from .models import ArticleKind

        filters = cls()
        kind = query.get("kind", "").strip()
        if kind:
            if kind in ArticleKind.values:
                filters.kind = kind
            else:
                filters.problems.append(
                    _("There is no kind called “%(value)s”; showing all kinds.")
                    % {"value": kind[:50]}
                )
        filters.tag = query.get("tag", "").strip()[:100]
        bad_value = {
            "department": _("“%(value)s” is not a department; that filter was ignored."),
            "year": _("“%(value)s” is not a year; that filter was ignored."),
        }
        for name, message in bad_value.items():
            raw = query.get(name, "").strip()
            if not raw:
                continue
            if raw.isdigit() and len(raw) < 10:
                setattr(filters, name, int(raw))
            else:
                filters.problems.append(message % {"value": raw[:50]})
        return filters

    def apply(self, articles):
        if self.kind:
            articles = articles.filter(kind=self.kind)
        if self.tag:
            articles = articles.filter(tags__slug=self.tag)
        if self.department:
            articles = articles.filter(department_id=self.department)
        if self.year:
            articles = articles.filter(date__year=self.year)
        return articles.distinct() if self.tag else articles

    def choices(self, articles) -> dict:
        """What the browse sidebar offers, drawn from the articles the person may see."""
        from .models import ArticleKind

        years = sorted(
            {d.year for d in articles.values_list("date", flat=True).distinct()}, reverse=True
        )
        department_ids = set(
            articles.exclude(department=None).values_list("department_id", flat=True)
        )
        tag_ids = articles.values_list("tagged_items__tag_id", flat=True)
        return {
            "kinds": ArticleKind.choices,
            "years": years,
            "departments": Department.objects.filter(pk__in=department_ids),
            "tags": Tag.objects.filter(pk__in=tag_ids).order_by("name")[:40],
        }

    def as_query(self, **overrides) -> str:
        """The query string for these filters with some replaced, for links in the sidebar."""
        from urllib.parse import urlencode

        values = {
            "kind": self.kind,
            "tag": self.tag,
            "department": self.department or "",
            "year": self.year or "",
        }
        values.update(overrides)
        return urlencode({k: v for k, v in values.items() if v})
