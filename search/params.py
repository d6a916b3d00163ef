"""Reading a search request's query string: every bad value is dropped with a clear word, never a 500."""

from dataclasses import dataclass, field
from urllib.parse import quote_plus

from django.utils.translation import gettext as _

from .sources import kind_labels

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
# Elasticsearch pages no further than 10,000 results (index.max_result_window).
MAX_PAGE = 10_000 // PAGE_SIZE


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    department: str = ""
    study_group: str = ""
    year: int | None = None
    sort: str = "relevance"
    page: int = 1
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query) -> "SearchParams":
        params = cls()
        q = " ".join((query.get("q") or "").split())
        if len(q) > MAX_QUERY_LENGTH:
            params.problems.append(
                _("Your search was long, so only its first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
            q = q[:MAX_QUERY_LENGTH]
        params.q = q
        kind = (query.get("kind") or "").strip()
        if kind:
            if kind in kind_labels():
                params.kind = kind
            else:
                params.problems.append(
                    _("There is no kind called “%(value)s”; showing all kinds.")
                    % {"value": kind[:50]}
                )
        params.tags = list(
            dict.fromkeys(t.strip()[:100] for t in query.getlist("tag") if t.strip())
        )[:5]
        params.department = (query.get("department") or "").strip()[:200]
        params.study_group = (query.get("study_group") or "").strip()[:200]
        year = (query.get("year") or "").strip()
        if year:
            if year.isdigit() and 1900 <= int(year) <= 2200:
                params.year = int(year)
            else:
                params.problems.append(
                    _("“%(value)s” is not a year; that filter was ignored.") % {"value": year[:50]}
                )
        sort = (query.get("sort") or "relevance").strip()
        if sort in ("relevance", "date"):
            params.sort = sort
        else:
            params.problems.append(_("Results can be sorted by relevance or by date only."))
        page = (query.get("page") or "1").strip()
        if page.isdigit() and 1 <= int(page) <= MAX_PAGE:
            params.page = int(page)
        elif page.isdigit() and int(page) > MAX_PAGE:
            params.page = MAX_PAGE
            params.problems.append(
                _("Only the first %(count)s pages of results can be shown.") % {"count": MAX_PAGE}
            )
        else:
            params.problems.append(_("“%(value)s” is not a page number.") % {"value": page[:20]})
        return params

    @property
    def has_filters(self) -> bool:
        return bool(self.kind or self.tags or self.department or self.study_group or self.year)

    def as_query(self, **overrides) -> str:
        """The query string for these parameters with some replaced (for facet and page links)."""
        values = {
            "q": self.q,
            "kind": self.kind,
            "tag": self.tags,
            "department": self.department,
            "study_group": self.study_group,
            "year": self.year or "",
            "sort": "" if self.sort == "relevance" else self.sort,
            "page": "",
        }
        values.update(overrides)
        pairs = []
        for key, value in values.items():
            for item in value if isinstance(value, list) else [value]:
                if item not in ("", None):
                    pairs.append(f"{key}={self._quoted(str(item))}")
        return "&".join(pairs)

    def _quoted(self, value: str) -> str:
        # A results page links every facet value with the same query around it: each value is
        # quoted once, not once a link (as urlencode would, the same way).
        cache = self.__dict__.setdefault("_quoted_values", {})
        if value not in cache:
            cache[value] = quote_plus(value)
        return cache[value]

    def toggled(self, name: str, value: str) -> str:
        """The query string with a facet value chosen, or unchosen if it was (tags add up)."""
        if name == "tag":
            tags = (
                [t for t in self.tags if t != value] if value in self.tags else [*self.tags, value]
            )
            return self.as_query(tag=tags)
        return self.as_query(**{name: "" if value in self.chosen[name] else value})

    @property
    def chosen(self) -> dict[str, set[str]]:
        """The facet values this search is filtered by, per facet (as the facets name them)."""
        return {
            "kind": {self.kind},
            "tag": set(self.tags),
            "department": {self.department},
            "study_group": {self.study_group},
            "year": {str(self.year) if self.year else ""},
        }
