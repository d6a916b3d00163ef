import datetime

import factory
import wagtail_factories

from wagtail.rich_text import RichText

from knowledge.models import ArticleKind, ArticlePage, KnowledgeIndexPage


def library() -> KnowledgeIndexPage:
    """The knowledge library made by migrate (see home.site_structure)."""
    return KnowledgeIndexPage.objects.get()


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"学习型组织建设的思考之{n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    parent = factory.LazyFunction(library)
    kind = ArticleKind.THEORY
    date = factory.LazyFunction(datetime.date.today)
    summary = factory.Faker("paragraph", locale="zh_CN")
    body = factory.LazyAttribute(lambda o: [("paragraph", RichText(f"<p>{o.summary}</p>"))])

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save_revision().publish()

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)
            self.save()
