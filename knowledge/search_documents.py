"""How the knowledge library's articles become search documents (see search.sources)."""

import datetime
from typing import NamedTuple

import orjson

from django.db.models import Prefetch, TextField
from django.db.models.functions import Cast

from search.sources import (
    Dependency,
    SearchDocument,
    SearchSource,
    page_access,
    page_url,
    register,
    text_from_streamfield,
)

from .models import ArticleKind, ArticlePage, ArticleTag


class ArticleRow(NamedTuple):
    """What a document shows of an article, read as one row rather than built as a page."""

    pk: int
    live: bool
    title: str
    summary: str
    # The body's stored JSON, parsed: text_from_streamfield reads it as it reads a page's body.
    body: list
    kind: str
    date: datetime.date | None
    path: str
    url_path: str
    slug: str
    department: str | None


ROW_FIELDS = (
    "pk", "live", "title", "summary", "body_json", "kind", "date", "path", "url_path", "slug",
    "department__name",
)  # fmt: skip


@register
class ArticleSource(SearchSource):
    name = "article"
    model = ArticlePage
    kind_labels = dict(ArticleKind.choices)
    depends_on = (
        Dependency("people.Department", fields=("name",), via="department"),
        Dependency("people.Person", fields=("display_name",), via="authors"),
        Dependency("taggit.Tag", fields=("name",), via="tags"),
    )

    def get_queryset(self):
        # Related rows as plain lists (to_attr): the cluster managers would build two querysets
        # for each page.
        return ArticlePage.objects.select_related("department").prefetch_related(
            Prefetch("authors", to_attr="author_list"),
            Prefetch(
                "tagged_items",
                queryset=ArticleTag.objects.select_related("tag").order_by("pk"),
                to_attr="tag_links",
            ),
        )

    def to_document(self, obj) -> SearchDocument | None:
        return self._document(
            obj,
            tags=[link.tag.name for link in obj.tag_links],
            people=[author.display_name for author in obj.author_list],
            department=obj.department.name if obj.department else "",
        )

    def documents(self, pks) -> dict[str, SearchDocument | None]:
        # A rebuild reads a hundred thousand articles: as rows, each costs a fifth of a page.
        pks = list(pks)
        tags: dict[int, list[str]] = {}
        for pk, name in (
            ArticleTag.objects.filter(content_object_id__in=pks)
            .order_by("pk")
            .values_list("content_object_id", "tag__name")
        ):
            tags.setdefault(pk, []).append(name)
        people: dict[int, list[str]] = {}
        for pk, name in (
            ArticlePage.authors.through.objects.filter(articlepage_id__in=pks)
            .order_by("person__display_name", "person_id")
            .values_list("articlepage_id", "person__display_name")
        ):
            people.setdefault(pk, []).append(name)
        # The body as JSON text, parsed here: read as a StreamField, each row would build a
        # JSONField and a StreamValue on the way (a sixth of the time reading takes).
        rows = (
            ArticlePage.objects.filter(pk__in=pks)
            .annotate(body_json=Cast("body", TextField()))
            .order_by("pk")
            .values_list(*ROW_FIELDS)
        )
        return {
            str(row.pk): self._document(
                row._replace(body=orjson.loads(row.body or "[]")),
                tags=tags.get(row.pk, []),
                people=people.get(row.pk, []),
                department=row.department or "",
            )
            for row in map(ArticleRow._make, rows)
        }

    def _document(self, article, *, tags, people, department) -> SearchDocument | None:
        """The document of an article (a page or an ArticleRow) and what it shows of others."""
        if not article.live:
            return None
        return SearchDocument(
            title=article.title,
            body=" ".join(
                part for part in (article.summary, text_from_streamfield(article.body)) if part
            ),
            kind=article.kind,
            url=page_url(article, ArticlePage),
            date=article.date,
            tags=tags,
            people=people,
            department=department,
            access=page_access(article),
        )
