import datetime

import factory

from django.utils import timezone

from attendance import rules
from attendance.models import AttendanceEvent


def at(hour: int, minute: int = 0, day: datetime.date | None = None) -> datetime.datetime:
    """A moment, local time (Asia/Shanghai), on `day` (default: a fixed day in 2026)."""
    day = day or datetime.date(2026, 3, 18)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class AttendanceEventFactory(factory.django.DjangoModelFactory):
    """A stand-alone concentrated study from 14:30 to 16:30; check-in opens at 14:00."""

    class Meta:
        model = AttendanceEvent
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"集中学习第{n}次")
    start = factory.LazyFunction(lambda: at(14, 30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    place = "三楼会议室"
    code = "482913"

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers.set(extracted)

    @factory.post_generation
    def roster(self, create, extracted, **kwargs):
        if create and extracted:
            rules.sync_roster(self, extracted)
