"""What is due now for a person: the short list on the personal page and the home page panel."""

import datetime
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.translation import gettext as _

from . import four_ones
from .models import Plan
from .progress import BEHIND, YearProgress, days_text

SOON = datetime.timedelta(days=14)


@dataclass
class DueItem:
    label: str
    detail: str
    url: str
    deadline: datetime.date | None = None
    overdue: bool = False


def due_items(progress: YearProgress, plan: Plan | None, today: datetime.date) -> list[DueItem]:
    """What the person should do now, most pressing first. `plan` is this year's plan with its
    goals and activities prefetched, or None."""
    items: list[DueItem] = []
    records = reverse("learning:records")
    if plan is None:
        items.append(
            DueItem(
                _("Write your learning plan for %(year)s") % {"year": progress.year},
                _("A plan for the year, a monthly arrangement and weekly activities."),
                reverse("learning:plan", args=[progress.year]),
            )
        )
    else:
        for goal in plan.goals.all():
            if goal.done_on is None and goal.target_date <= today + SOON:
                items.append(
                    DueItem(
                        goal.title,
                        _("Goal of your plan"),
                        reverse("learning:plan", args=[plan.year]) + f"#goal-{goal.pk}",
                        goal.target_date,
                        goal.target_date < today,
                    )
                )
        for activity in plan.activities.all():
            if activity.done_on is None and activity.week_start <= today <= activity.week_end:
                items.append(
                    DueItem(
                        activity.title,
                        _("This week's activity"),
                        reverse("learning:plan", args=[plan.year]) + f"#activity-{activity.pk}",
                        activity.week_end,
                    )
                )
    for cadence in progress.four_ones.due:
        current = cadence.current
        url = "/knowledge/" if cadence.one.kind == four_ones.THEORY else records
        items.append(
            DueItem(str(cadence.one.due_label), _("The four ones"), url, current.period.end)
        )
    if progress.pace == BEHIND:
        items.append(
            DueItem(
                _("Catch up on your study notes: %(gap)s characters behind pace")
                % {"gap": intcomma(progress.pace_gap)},
                _("%(done)s of %(target)s characters this year")
                % {"done": intcomma(progress.characters), "target": intcomma(progress.target)},
                reverse("learning:note_create"),
            )
        )
    for requirement in progress.requirements:
        if requirement.key != "notes" and not requirement.met:
            items.append(
                DueItem(
                    str(requirement.label),
                    _("%(done)s of %(required)s this year")
                    % {"done": requirement.done, "required": requirement.required},
                    "/knowledge/" if requirement.key == "research" else records,
                    datetime.date(progress.year, 12, 31),
                )
            )
    week = progress.self_study.current
    if week is not None and week.state == four_ones.DUE:
        items.append(
            DueItem(
                _("Log this week's self-study (at least %(days)s day)")
                % {"days": days_text(progress.self_study.required_days)},
                _("Self-study"),
                reverse("learning:self_study"),
                week.period.end,
            )
        )
    items.sort(key=lambda i: (not i.overdue, i.deadline or datetime.date.max))
    return items
