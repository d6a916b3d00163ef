"""How the knowledge library's articles become search documents (see search.sources)."""

from django.db.models import Prefetch

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
        # Related rows as plain lists (to_attr): a rebuild reads a hundred thousand pages, and
        # the cluster managers would build two querysets for each.
        return ArticlePage.objects.select_related("department").prefetch_related(
            Prefetch("authors", to_attr="author_list"),
            Prefetch(
                "tagged_items",
                queryset=ArticleTag.objects.select_related("tag"),
                to_attr="tag_links",
            ),
        )

    def to_document(self, obj) -> SearchDocument | None:
        if not obj.live:
            return None
        return SearchDocument(
            title=obj.title,
            body=" ".join(part for part in (obj.summary, text_from_streamfield(obj.body)) if part),
            kind=obj.kind,
            url=page_url(obj),
            date=obj.date,
            tags=[link.tag.name for link in obj.tag_links],
            people=[author.display_name for author in obj.author_list],
            department=obj.department.name if obj.department else "",
            access=page_access(obj),
        )
