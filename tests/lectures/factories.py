import datetime

import factory
import wagtail_factories

from django.utils import timezone

from lectures.models import (
    LectureIndexPage,
    LecturePage,
    LectureSeriesPage,
    LectureSpeaker,
    SeriesKind,
)


def lecture_index() -> LectureIndexPage:
    """/lectures/, made by migrate (see home.site_structure)."""
    return LectureIndexPage.objects.get()


def in_days(days: float, hour: int = 15) -> datetime.datetime:
    """A local moment `days` from today at `hour` o'clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class LectureSeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LectureSeriesPage

    title = factory.Sequence(lambda n: f"理论辅导{n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    parent = factory.LazyFunction(lecture_index)
    kind = SeriesKind.THEORY_TUTORIAL


class LecturePageFactory(wagtail_factories.PageFactory):
    """A published lecture for everyone, a week from now, by one person on the platform."""

    class Meta:
        model = LecturePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"专题讲座第{n}讲")
    slug = factory.Sequence(lambda n: f"lecture-{n}")
    parent = factory.SubFactory(LectureSeriesPageFactory)
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    place = "机关三楼报告厅"
    abstract = "<p>围绕全市经济社会发展的重大问题开展专题学习。</p>"

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        """Speakers: Person objects, or (name, affiliation) pairs for invited experts."""
        if not create:
            return
        for item in extracted or []:
            if isinstance(item, tuple):
                LectureSpeaker.objects.create(page=self, name=item[0], affiliation=item[1])
            else:
                LectureSpeaker.objects.create(page=self, person=item)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def departments(self, create, extracted, **kwargs):
        if create and extracted:
            self.audience = "departments"
            self.audience_departments = extracted

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers = extracted

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        # Publish once all relations are in place, so attendance sees the final audience.
        if create:
            self.save_revision().publish()
