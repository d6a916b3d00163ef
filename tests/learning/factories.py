import datetime

import factory

from learning.models import (
    FourOnesRecord,
    Goal,
    GoalKind,
    Inspection,
    Mark,
    Note,
    Plan,
    RecordKind,
    SelfStudyWeek,
    Visibility,
    WeeklyActivity,
)
from tests.people.factories import PersonFactory


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note
        skip_postgeneration_save = True

    author = factory.SubFactory(PersonFactory)
    title = factory.Sequence(lambda n: f"学习笔记{n}")
    body = "<p>学习型组织的五项修炼</p>"
    date = factory.LazyFunction(datetime.date.today)
    visibility = Visibility.PRIVATE

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    person = factory.SubFactory(PersonFactory)
    year = factory.LazyFunction(lambda: datetime.date.today().year)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    kind = GoalKind.READING
    title = factory.Sequence(lambda n: f"读一本好书{n}")
    target_date = factory.LazyAttribute(lambda o: datetime.date(o.plan.year, 6, 30))


class WeeklyActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WeeklyActivity

    plan = factory.SubFactory(PlanFactory)
    week_start = factory.LazyAttribute(lambda o: datetime.date.fromisocalendar(o.plan.year, 10, 1))
    title = factory.Sequence(lambda n: f"参加科室学习会{n}")


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FourOnesRecord

    person = factory.SubFactory(PersonFactory)
    kind = RecordKind.ARTICLE
    title = factory.Sequence(lambda n: f"一篇文章{n}")
    date = factory.LazyFunction(datetime.date.today)


class SelfStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfStudyWeek

    person = factory.SubFactory(PersonFactory)
    week_start = factory.LazyFunction(datetime.date.today)
    days = 1


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    person = factory.SubFactory(PersonFactory)
    year = factory.LazyFunction(lambda: datetime.date.today().year)
    month = factory.LazyFunction(lambda: datetime.date.today().month)
    inspector_name = "李娜"
    mark = Mark.GOOD
    comment = "笔记认真"
