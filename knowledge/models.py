import datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.privacy import restrict_pages
from search.queries import related_or_none

ARTICLES_PER_PAGE = 12


class ArticleKind(models.TextChoices):
    THEORY = "theory", _("theory article")
    RESEARCH = "research", _("research report")
    REFLECTION = "reflection", _("reflection")
    READING_NOTES = "reading_notes", _("reading notes")


class ArticleQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live articles the user may see under Wagtail's view restrictions."""
        return restrict_pages(self, user)

    def for_listing(self):
        """What a listing shows of each article, fetched in a fixed number of queries."""
        return self.select_related("department").prefetch_related("authors", "tags")


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class KnowledgeIndexPage(Page):
    """The knowledge library (知识库): every article, browsable by kind, tag, department and year."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("knowledge library")

    def get_context(self, request, *args, **kwargs):
        from .browse import LibraryFilters

        context = super().get_context(request, *args, **kwargs)
        filters = LibraryFilters.from_query(request.GET)
        articles = filters.apply(ArticlePage.objects.descendant_of(self).visible_to(request.user))
        paginator = Paginator(articles.for_listing().order_by("-date", "-pk"), ARTICLES_PER_PAGE)
        context["filters"] = filters
        context["facets"] = filters.choices(
            ArticlePage.objects.descendant_of(self).visible_to(request.user)
        )
        context["articles"] = paginator.get_page(request.GET.get("page"))
        return context


class ArticlePage(Page):
    """A piece of writing the office shares: a theory article, research report, reflection or reading notes."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.THEORY
    )
    authors = ParentalManyToManyField(
        "people.Person", verbose_name=_("authors"), blank=True, related_name="articles"
    )
    department = models.ForeignKey(
        "people.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    date = models.DateField(_("publication date"), default=datetime.date.today)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))

    objects = PageManager.from_queryset(ArticleQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("authors"),
                FieldPanel("department"),
                FieldPanel("date"),
            ],
            heading=_("About this article"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Related knowledge of every kind from the search index, under the same permission rules;
        # articles sharing tags when the index cannot answer.
        context["related_knowledge"] = related_or_none(self, request)
        if context["related_knowledge"] is None:
            context["related_articles"] = self.related_articles(request.user)
        context["attachments"] = self.attachments.select_related("document")
        return context

    def related_articles(self, user, limit: int = 4):
        """Other articles the user may see, those sharing most tags with this one first."""
        tag_ids = list(self.tags.values_list("pk", flat=True))
        if not tag_ids:
            return ArticlePage.objects.none()
        return (
            ArticlePage.objects.visible_to(user)
            .filter(tags__in=tag_ids)
            .exclude(pk=self.pk)
            .annotate(shared_tags=Count("tags", distinct=True))
            .order_by("-shared_tags", "-date")
            .for_listing()[:limit]
        )


class ArticleAttachment(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title"),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
