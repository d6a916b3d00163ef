"""Lectures as an iCalendar (RFC 5545) feed, with the office's time zone spelled out."""

import datetime
import zoneinfo

from icalendar import Calendar, Event, vText

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from . import audience

# Calendar apps drop events that vanish from a feed; keeping the recent past lets people still
# see last week's lecture in their calendar.
RECENT_PAST = datetime.timedelta(days=60)


def office_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE or "Asia/Shanghai")


def feed_lectures(lectures, now: datetime.datetime | None = None):
    """The lectures a feed carries: upcoming ones and those of the recent past."""
    now = now or timezone.now()
    return (
        lectures.filter(end__gte=now - RECENT_PAST)
        .order_by("start", "pk")
        .for_listing()
        .select_related("owner")
    )


def _description(lecture, url: str) -> str:
    lines = []
    if lecture.speaker_names:
        lines.append(lecture.speaker_names)
    abstract = strip_tags(lecture.abstract or "").strip()
    if abstract:
        lines.append(abstract)
    if lecture.online_link:
        lines.append(lecture.online_link)
    lines.append(url)
    return "\n\n".join(lines)


def build_calendar(lectures, base_url: str, name: str) -> bytes:
    """A VCALENDAR with one VEVENT per lecture, times in the office's zone with its VTIMEZONE."""
    zone = office_zone()
    cal = Calendar()
    cal.add("prodid", "-//Gongxue//Lectures//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(zone.key))
    stamp = timezone.now().astimezone(datetime.UTC)
    host = base_url.split("://", 1)[-1].split("/", 1)[0] or "gongxue"
    for lecture in lectures:
        url = base_url.rstrip("/") + (lecture.url or "")
        event = Event()
        event.add("uid", f"lecture-{lecture.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", lecture.start.astimezone(zone))
        event.add("dtend", lecture.end.astimezone(zone))
        event.add("summary", lecture.title)
        location = lecture.place or lecture.online_link
        if location:
            event.add("location", location)
        event.add("description", _description(lecture, url))
        event.add("url", url)
        if lecture.last_published_at:
            event.add("last-modified", lecture.last_published_at.astimezone(datetime.UTC))
        tags = [t.name for t in lecture.tags.all()]
        if tags:
            event.add("categories", tags)
        event.add("x-gongxue-audience", vText(audience.describe(lecture)))
        cal.add_component(event)
    # One VTIMEZONE for every zone used by DTSTART/DTEND, generated from the tz database.
    cal.add_missing_timezones()
    if not cal.timezones:
        # An empty feed still says which zone the office works in.
        from icalendar import Timezone

        cal.add_component(Timezone.from_tzid(str(zone.key)))
    return cal.to_ical()
