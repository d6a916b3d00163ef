"""Drafting the notice (通报) of a month's notes inspection.

Gongxue writes the first draft from the month's figures and marks: how many were inspected, who is
ahead of pace, who is behind, and good examples (notes that people marked "good" shared with
everyone). The learning leadership group edits it and publishes it to everyone. The draft is
written in Chinese, the office's language for its notices. It names no private or department note:
only notes shared with everyone are cited.
"""

import datetime

from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from .inspection import Month, office_rows
from .models import InspectionNotice, Mark, Note, NoticeStatus, Visibility
from .progress import AHEAD, BEHIND

NOTICE_LANGUAGE = "zh-hans"
EXAMPLES_SHOWN = 5


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def notice_text(month: Month, today: datetime.date) -> tuple[str, str]:
    """The title and HTML body of the notice for `month`, from the figures as they stand."""
    rows = office_rows(month, today)
    inspected = [r for r in rows if r.inspection]
    marks = {m: sum(1 for r in inspected if r.inspection.mark == m) for m in Mark.values}
    title = _("Notice of the study notes inspection for %(month)s") % {"month": month.label}
    parts = [
        "<p>"
        + escape(
            _(
                "Department heads and leaders in charge have inspected the study notes for "
                "%(month)s. %(inspected)s of %(total)s people were inspected: "
                "%(good)s good, %(adequate)s adequate, %(behind)s behind."
            )
            % {
                "month": month.label,
                "inspected": len(inspected),
                "total": len(rows),
                "good": marks[Mark.GOOD],
                "adequate": marks[Mark.ADEQUATE],
                "behind": marks[Mark.BEHIND],
            }
        )
        + "</p>"
    ]

    def describe(row) -> str:
        department = row.department.name if row.department else ""
        figures = _("%(characters)s characters this year, %(percent)s%% of the pace") % {
            "characters": intcomma(row.progress.characters),
            "percent": row.progress.pace_percent or 0,
        }
        return escape(f"{row.person.display_name}（{department}）：{figures}")

    ahead = [r for r in rows if r.progress.pace == AHEAD]
    behind = [
        r
        for r in rows
        if r.progress.pace == BEHIND or (r.inspection and r.inspection.mark == Mark.BEHIND)
    ]
    parts.append(f"<h2>{escape(_('Ahead of pace'))}</h2>")
    parts.append(
        _list([describe(r) for r in sorted(ahead, key=lambda r: -r.progress.characters)])
        if ahead
        else f"<p>{escape(_('Nobody this month.'))}</p>"
    )
    parts.append(f"<h2>{escape(_('Behind pace'))}</h2>")
    if behind:
        parts.append(_list([describe(r) for r in behind]))
        parts.append(
            f"<p>{escape(_('We ask them to catch up in the coming month; their department heads will follow up.'))}</p>"
        )
    else:
        parts.append(f"<p>{escape(_('Nobody this month.'))}</p>")

    good_people = [r.person.pk for r in inspected if r.inspection.mark == Mark.GOOD]
    examples = list(
        Note.objects.filter(
            author_id__in=good_people,
            visibility=Visibility.EVERYONE,
            date__year=month.year,
            date__month=month.month,
        )
        .select_related("author")
        .order_by("-characters")[:EXAMPLES_SHOWN]
    )
    parts.append(f"<h2>{escape(_('Good examples'))}</h2>")
    if examples:
        parts.append(
            _list(
                [
                    f'{escape(note.author.display_name)}：<a href="{reverse("learning:note", args=[note.pk])}">'
                    f"{escape(note.title)}</a>"
                    for note in examples
                ]
            )
        )
    else:
        parts.append(
            f"<p>{escape(_('No notes shared with everyone were marked good this month.'))}</p>"
        )
    return title, "".join(parts)


def draft_notice(month: Month, today: datetime.date) -> InspectionNotice:
    """Write (or rewrite) the draft notice for `month`; a published notice is left alone."""
    with translation.override(NOTICE_LANGUAGE):
        title, body = notice_text(month, today)
    notice = InspectionNotice.objects.filter(year=month.year, month=month.month).first()
    if notice is None:
        return InspectionNotice.objects.create(
            year=month.year, month=month.month, title=title, body=body
        )
    if notice.status == NoticeStatus.DRAFT:
        notice.title = title
        notice.body = body
        notice.save()
    return notice


def publish(notice: InspectionNotice, user) -> InspectionNotice:
    notice.status = NoticeStatus.PUBLISHED
    notice.published_at = timezone.now()
    notice.published_by = user
    notice.save()
    return notice
