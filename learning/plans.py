"""Yearly plans: finding this year's, and copying last year's forward."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from people.models import Person

from . import four_ones
from .models import Goal, MonthlyArrangement, Plan, WeeklyActivity


class PlanError(Exception):
    """A plan action that cannot be done, with a message for the person."""


def shift_year(day: datetime.date, years: int = 1) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def same_week_next_year(week_start: datetime.date, year: int) -> datetime.date:
    """The Monday of the same ISO week number in `year` (week 53 becomes the last week)."""
    week = min(week_start.isocalendar().week, four_ones.iso_weeks_in_year(year))
    return datetime.date.fromisocalendar(year, week, 1)


def is_empty(plan: Plan) -> bool:
    return not (
        plan.summary.strip()
        or plan.goals.exists()
        or plan.months.exists()
        or plan.activities.exists()
    )


@transaction.atomic
def copy_forward(person: Person, year: int) -> Plan:
    """Start `year`'s plan from last year's: goals (dates a year on), the monthly arrangement and
    the weekly activities (same ISO week), all unticked. Refuses to overwrite a plan in progress."""
    source = (
        Plan.objects.filter(person=person, year=year - 1)
        .prefetch_related("goals", "months", "activities")
        .first()
    )
    if source is None:
        raise PlanError(_("There is no plan for %(year)s to copy.") % {"year": year - 1})
    plan, _created = Plan.objects.get_or_create(person=person, year=year)
    if not is_empty(plan):
        raise PlanError(
            _("Your plan for %(year)s already has content; copying would mix two plans.")
            % {"year": year}
        )
    plan.summary = source.summary
    plan.save()
    Goal.objects.bulk_create(
        Goal(
            plan=plan,
            kind=goal.kind,
            title=goal.title,
            target_date=shift_year(goal.target_date, year - source.year),
        )
        for goal in source.goals.all()
    )
    MonthlyArrangement.objects.bulk_create(
        MonthlyArrangement(plan=plan, month=month.month, content=month.content)
        for month in source.months.all()
    )
    WeeklyActivity.objects.bulk_create(
        WeeklyActivity(
            plan=plan,
            week_start=same_week_next_year(activity.week_start, year),
            title=activity.title,
        )
        for activity in source.activities.all()
    )
    return plan
