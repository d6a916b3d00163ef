"""How the knowledge library's articles become search documents (see search.sources)."""

from search.sources import (
    Dependency,
    SearchDocument,
    SearchSource,
    page_access,
    register,
    text_from_streamfield,
)

from .models import ArticleKind, ArticlePage


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
        return ArticlePage.objects.select_related("department").prefetch_related("authors", "tags")

    def to_document(self, obj) -> SearchDocument | None:
        if not obj.live:
            return None
        return SearchDocument(
            title=obj.title,
            body=" ".join(part for part in (obj.summary, text_from_streamfield(obj.body)) if part),
            kind=obj.kind,
            url=obj.url or "",
            date=obj.date,
            tags=[tag.name for tag in obj.tags.all()],
            people=[author.display_name for author in obj.authors.all()],
            department=obj.department.name if obj.department else "",
            access=page_access(obj),
        )
