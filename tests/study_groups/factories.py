import datetime
from decimal import Decimal

import factory
import wagtail_factories

from django.utils import timezone

from study_groups import discussion
from study_groups.models import (
    GroupKind,
    StudyGroupIndexPage,
    StudyGroupPage,
    StudySession,
)
from tests.people.factories import PersonFactory


def groups_index() -> StudyGroupIndexPage:
    """The /groups/ page made by migrate (see home.site_structure)."""
    return StudyGroupIndexPage.objects.get()


class StudyGroupPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StudyGroupPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"第{n}学习小组")
    slug = factory.Sequence(lambda n: f"group-{n}")
    parent = factory.LazyFunction(groups_index)
    kind = GroupKind.DEPARTMENT
    is_open = True
    leader = factory.SubFactory(PersonFactory)
    secretary = factory.SubFactory(PersonFactory)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)
            self.save()


def closed_group(**kwargs) -> StudyGroupPage:
    return StudyGroupPageFactory(is_open=False, **kwargs)


class StudySessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudySession

    group = factory.SubFactory(StudyGroupPageFactory)
    topic = factory.Sequence(lambda n: f"集中学习专题{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    duration_hours = Decimal(3)
    place = "三楼会议室"


def thread_in(group, author, title="学习体会交流", body="<p>大家谈谈体会。</p>", **kwargs):
    """A thread started the way members start one (cleaning, mentions and all)."""
    return discussion.start_thread(group, author, title=title, body=body, **kwargs)
