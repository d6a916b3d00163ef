"""Thin views: each finds what the person may see, calls the rule modules, and renders."""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.models import Person

from . import charts, notices
from .archive import YEARS_SHOWN, archive_entries, may_view_archive
from .due import due_items
from .exports import csv_response, xlsx_response
from .forms import (
    CHARACTER_RULE,
    ActivityForm,
    GoalForm,
    InspectionForm,
    MonthsForm,
    NoteForm,
    NoticeForm,
    PlanSummaryForm,
    RecordForm,
    SelfStudyForm,
    TickForm,
)
from .four_ones import local_today
from .inspection import (
    Month,
    department_statuses,
    month_is_closed,
    office_rows,
    parse_month,
    record_inspection,
    rows_for_inspector,
)
from .inspectors import is_inspector, may_inspect, person_of
from .models import (
    FourOnesRecord,
    Goal,
    Inspection,
    InspectionNotice,
    MonthlyArrangement,
    Note,
    Plan,
    RecordKind,
    SelfStudyWeek,
    Visibility,
    WeeklyActivity,
)
from .permissions import is_leadership, may_edit_notices
from .plans import PlanError, copy_forward
from .progress import progress_for

NOTES_PER_PAGE = 20


def require_person(request) -> Person:
    """The signed-in person's staff profile; signed-in users without one (a bare admin) get 403."""
    person = person_of(request.user)
    if person is None:
        raise PermissionDenied(_("This page is for members of staff."))
    return person


def parse_year(request, today: datetime.date) -> int:
    """The ?year= asked for, or this year; a bad value is explained in a message, never a 500."""
    raw = request.GET.get("year", "").strip()
    if not raw:
        return today.year
    if raw.isdigit() and 2000 <= int(raw) <= today.year + 1:
        return int(raw)
    messages.warning(
        request,
        _("“%(value)s” is not a year we can show; showing %(year)s.")
        % {"value": raw[:20], "year": today.year},
    )
    return today.year


def as_of_for_year(year: int, today: datetime.date) -> datetime.date:
    return min(today, datetime.date(year, 12, 31))


# --------------------------------------------------------------------------- personal page


def personal(request):
    """/me/learning/: this year's progress against every target, as charts, and what is due now."""
    person = require_person(request)
    today = local_today()
    year = parse_year(request, today)
    progress = progress_for(person, year, as_of_for_year(year, today))
    plan = (
        Plan.objects.filter(person=person, year=year)
        .prefetch_related("goals", "activities")
        .first()
    )
    context = {
        "person": person,
        "year": year,
        "today": today,
        "progress": progress,
        "plan": plan,
        "due": due_items(progress, plan, today) if year == today.year else [],
        "characters_chart": charts.characters_chart(progress),
        "four_ones_chart": charts.four_ones_chart(progress),
        "self_study_chart": charts.self_study_chart(progress, _("Self-study")),
        "inspections": Inspection.objects.filter(person=person, year=year).order_by("month"),
        "character_rule": CHARACTER_RULE,
        "years": range(today.year, today.year - 5, -1),
    }
    return TemplateResponse(request, "learning/personal.html", context)


# --------------------------------------------------------------------------- plans


def plan_redirect(request):
    return redirect("learning:plan", local_today().year)


def _plan_context(request, person, year, **forms):
    today = local_today()
    plan = (
        Plan.objects.filter(person=person, year=year)
        .prefetch_related("goals", "months", "activities")
        .first()
    )
    months = {m.month: m for m in plan.months.all()} if plan else {}
    activities = list(plan.activities.all()) if plan else []
    # Weeks that ended more than a fortnight ago fold away, so this week's work is at hand.
    cutoff = today - datetime.timedelta(days=14)
    earlier = [a for a in activities if a.week_end < cutoff]
    progress = progress_for(person, year, as_of_for_year(year, today))
    has_last_year = Plan.objects.filter(person=person, year=year - 1).exists()
    context = {
        "person": person,
        "year": year,
        "today": today,
        "plan": plan,
        "months": [(m, months.get(m)) for m in range(1, 13)],
        "earlier_activities": earlier,
        "earlier_done": sum(1 for a in earlier if a.done_on),
        "current_activities": [a for a in activities if a.week_end >= cutoff],
        "summary_form": forms.get("summary_form") or PlanSummaryForm(instance=plan),
        "goal_form": forms.get("goal_form") or GoalForm(),
        "activity_form": forms.get("activity_form") or ActivityForm(initial={"week_start": today}),
        "months_form": forms.get("months_form")
        or MonthsForm(initial_months={m: a.content for m, a in months.items()}),
        "self_study_form": SelfStudyForm(initial={"week_start": today, "days": 1}),
        "progress": progress,
        "self_study_chart": charts.self_study_chart(progress, _("Self-study")),
        "can_copy": has_last_year and (plan is None or _plan_is_empty(plan)),
        "years": range(today.year + 1, today.year - 5, -1),
    }
    return context


def _plan_is_empty(plan: Plan) -> bool:
    return not (
        plan.summary.strip() or plan.goals.all() or plan.months.all() or plan.activities.all()
    )


def _check_year(year: int) -> None:
    today = local_today()
    if not 2000 <= year <= today.year + 1:
        raise Http404


def plan(request, year: int):
    """The year's plan: goals, monthly arrangement, weekly activities, with self-study beside it."""
    person = require_person(request)
    _check_year(year)
    return TemplateResponse(request, "learning/plan.html", _plan_context(request, person, year))


def _own_plan(person, year) -> Plan:
    plan, _created = Plan.objects.get_or_create(person=person, year=year)
    return plan


@require_POST
def plan_summary(request, year: int):
    person = require_person(request)
    _check_year(year)
    plan = _own_plan(person, year)
    form = PlanSummaryForm(request.POST, instance=plan)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your plan is saved."))
        return redirect("learning:plan", year)
    return TemplateResponse(
        request, "learning/plan.html", _plan_context(request, person, year, summary_form=form)
    )


@require_POST
def goal_add(request, year: int):
    person = require_person(request)
    _check_year(year)
    form = GoalForm(request.POST)
    if form.is_valid():
        goal = form.save(commit=False)
        goal.plan = _own_plan(person, year)
        goal.save()
        messages.success(request, _("The goal is added."))
        return redirect("learning:plan", year)
    return TemplateResponse(
        request, "learning/plan.html", _plan_context(request, person, year, goal_form=form)
    )


def _tick(request, item, anchor: str):
    form = TickForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        if form.cleaned_data["done"]:
            item.done_on = form.cleaned_data["done_on"]
            item.record = form.cleaned_data["record"]
        else:
            item.done_on = None
            item.record = form.cleaned_data["record"]
        item.save()
        messages.success(request, _("Saved."))
    return redirect(reverse("learning:plan", args=[item.plan.year]) + anchor)


@require_POST
def goal_tick(request, pk: int):
    person = require_person(request)
    goal = get_object_or_404(Goal.objects.select_related("plan"), pk=pk, plan__person=person)
    return _tick(request, goal, f"#goal-{goal.pk}")


@require_POST
def goal_delete(request, pk: int):
    person = require_person(request)
    goal = get_object_or_404(Goal.objects.select_related("plan"), pk=pk, plan__person=person)
    year = goal.plan.year
    goal.delete()
    messages.success(request, _("The goal is removed."))
    return redirect("learning:plan", year)


@require_POST
def plan_months(request, year: int):
    person = require_person(request)
    _check_year(year)
    form = MonthsForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request, "learning/plan.html", _plan_context(request, person, year, months_form=form)
        )
    plan = _own_plan(person, year)
    with transaction.atomic():
        existing = {m.month: m for m in plan.months.all()}
        for month, content in form.months().items():
            arrangement = existing.get(month)
            if content and arrangement:
                if arrangement.content != content:
                    arrangement.content = content
                    arrangement.save()
            elif content:
                MonthlyArrangement.objects.create(plan=plan, month=month, content=content)
            elif arrangement:
                arrangement.delete()
    messages.success(request, _("The monthly arrangement is saved."))
    return redirect(reverse("learning:plan", args=[year]) + "#months")


@require_POST
def month_tick(request, pk: int):
    person = require_person(request)
    arrangement = get_object_or_404(
        MonthlyArrangement.objects.select_related("plan"), pk=pk, plan__person=person
    )
    return _tick(request, arrangement, "#months")


@require_POST
def activity_add(request, year: int):
    person = require_person(request)
    _check_year(year)
    form = ActivityForm(request.POST)
    if form.is_valid():
        activity = form.save(commit=False)
        activity.plan = _own_plan(person, year)
        activity.save()
        if activity.week_start.isocalendar().year != year:
            messages.warning(
                request,
                _(
                    "That week belongs to %(year)s by the ISO calendar; it is listed in this plan anyway."
                )
                % {"year": activity.week_start.isocalendar().year},
            )
        messages.success(request, _("The activity is added."))
        return redirect(reverse("learning:plan", args=[year]) + "#activities")
    return TemplateResponse(
        request, "learning/plan.html", _plan_context(request, person, year, activity_form=form)
    )


@require_POST
def activity_tick(request, pk: int):
    person = require_person(request)
    activity = get_object_or_404(
        WeeklyActivity.objects.select_related("plan"), pk=pk, plan__person=person
    )
    return _tick(request, activity, f"#activity-{activity.pk}")


@require_POST
def activity_delete(request, pk: int):
    person = require_person(request)
    activity = get_object_or_404(
        WeeklyActivity.objects.select_related("plan"), pk=pk, plan__person=person
    )
    year = activity.plan.year
    activity.delete()
    messages.success(request, _("The activity is removed."))
    return redirect(reverse("learning:plan", args=[year]) + "#activities")


@require_POST
def plan_copy(request, year: int):
    person = require_person(request)
    _check_year(year)
    try:
        copy_forward(person, year)
    except PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Last year's plan is copied into %(year)s: check the dates and adjust what has changed."
            )
            % {"year": year},
        )
    return redirect("learning:plan", year)


# --------------------------------------------------------------------------- four-ones records


def records(request):
    """The person's four-ones records for a year, and the form to add one."""
    person = require_person(request)
    today = local_today()
    year = parse_year(request, today)
    form = RecordForm(
        user=request.user,
        initial={"date": today, "kind": request.GET.get("kind") or RecordKind.ARTICLE},
    )
    if request.method == "POST":
        form = RecordForm(request.POST, user=request.user)
        if form.is_valid():
            record = form.save(commit=False)
            record.person = person
            record.save()
            messages.success(request, _("The record is added."))
            return redirect(reverse("learning:records") + f"?year={record.date.year}")
    items = list(
        FourOnesRecord.objects.filter(person=person, date__year=year).select_related("article")
    )
    progress = progress_for(person, year, as_of_for_year(year, today))
    context = {
        "year": year,
        "form": form,
        "records": items,
        "progress": progress,
        "four_ones_chart": charts.four_ones_chart(progress),
        "years": range(today.year, today.year - 5, -1),
    }
    return TemplateResponse(request, "learning/records.html", context)


def record_edit(request, pk: int):
    person = require_person(request)
    record = get_object_or_404(FourOnesRecord, pk=pk, person=person)
    form = RecordForm(request.POST or None, instance=record, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The record is saved."))
        return redirect(reverse("learning:records") + f"?year={record.date.year}")
    return TemplateResponse(request, "learning/record_form.html", {"form": form, "record": record})


@require_POST
def record_delete(request, pk: int):
    person = require_person(request)
    record = get_object_or_404(FourOnesRecord, pk=pk, person=person)
    year = record.date.year
    record.delete()
    messages.success(request, _("The record is removed."))
    return redirect(reverse("learning:records") + f"?year={year}")


# --------------------------------------------------------------------------- self-study


def self_study(request):
    """Log self-study week by week against the rule of at least one day a week."""
    person = require_person(request)
    today = local_today()
    year = parse_year(request, today)
    form = SelfStudyForm(initial={"week_start": today, "days": 1})
    if request.method == "POST":
        form = SelfStudyForm(request.POST)
        if form.is_valid():
            week = form.save(commit=False)
            SelfStudyWeek.objects.update_or_create(
                person=person,
                week_start=week.week_start - datetime.timedelta(days=week.week_start.weekday()),
                defaults={"days": week.days, "content": week.content},
            )
            messages.success(request, _("This week's self-study is logged."))
            next_url = request.POST.get("next", "")
            if next_url.startswith("/me/learning/"):
                return redirect(next_url)
            return redirect("learning:self_study")
    progress = progress_for(person, year, as_of_for_year(year, today))
    logged = {
        w.week_start: w
        for w in SelfStudyWeek.objects.filter(
            person=person, week_start__year__in=[year - 1, year, year + 1]
        )
    }
    weeks = [
        (week, logged.get(week.period.start))
        for week in reversed(progress.self_study.weeks)
        if week.period.start <= today
    ]
    context = {
        "year": year,
        "form": form,
        "progress": progress,
        "weeks": weeks,
        "chart": charts.self_study_chart(progress, _("Self-study")),
        "years": range(today.year, today.year - 5, -1),
    }
    return TemplateResponse(request, "learning/self_study.html", context)


# --------------------------------------------------------------------------- notes


def _notes_page(request, notes):
    return Paginator(notes, NOTES_PER_PAGE).get_page(request.GET.get("page"))


def notes(request):
    """/notes/: the signed-in person's own notes, this year's count against the target."""
    person = require_person(request)
    today = local_today()
    year = parse_year(request, today)
    mine = Note.objects.filter(author=person, date__year=year)
    tag = request.GET.get("tag", "").strip()[:100]
    if tag:
        mine = mine.filter(tags__name=tag)
    progress = progress_for(person, year, as_of_for_year(year, today))
    context = {
        "year": year,
        "tag": tag,
        "notes": _notes_page(request, mine.for_listing().order_by("-date", "-pk")),
        "progress": progress,
        "characters_chart": charts.characters_chart(progress),
        "years": range(today.year, today.year - 5, -1),
        "character_rule": CHARACTER_RULE,
        "pagination_query": urlencode({"year": year, **({"tag": tag} if tag else {})}),
    }
    return TemplateResponse(request, "learning/notes.html", context)


def notes_shared(request):
    """Notes others shared with the person's department or with everyone."""
    person = person_of(request.user)
    shared = Note.objects.visible_to(request.user).filter(
        visibility__in=[Visibility.DEPARTMENT, Visibility.EVERYONE]
    )
    if person is not None:
        shared = shared.exclude(author=person)
    context = {"notes": _notes_page(request, shared.for_listing().order_by("-date", "-pk"))}
    return TemplateResponse(request, "learning/notes_shared.html", context)


def note_detail(request, pk: int):
    # 404 rather than 403: someone who may not see a note does not learn that it exists.
    note = get_object_or_404(Note.objects.visible_to(request.user).select_related("author"), pk=pk)
    me = person_of(request.user)
    context = {"note": note, "mine": me is not None and note.author_id == me.pk}
    return TemplateResponse(request, "learning/note_detail.html", context)


def note_create(request):
    person = require_person(request)
    form = NoteForm(request.POST or None, initial={"date": local_today()})
    if request.method == "POST" and form.is_valid():
        note = form.save(commit=False)
        note.author = person
        note.save()
        form.save_m2m()
        messages.success(
            request,
            _("Your note is saved: %(characters)s characters.")
            % {"characters": intcomma(note.characters)},
        )
        return redirect("learning:notes")
    return TemplateResponse(
        request, "learning/note_form.html", {"form": form, "character_rule": CHARACTER_RULE}
    )


def note_edit(request, pk: int):
    person = require_person(request)
    note = get_object_or_404(Note, pk=pk, author=person)
    form = NoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid():
        note = form.save()
        messages.success(
            request,
            _("Your note is saved: %(characters)s characters.")
            % {"characters": intcomma(note.characters)},
        )
        return redirect(note)
    return TemplateResponse(
        request,
        "learning/note_form.html",
        {"form": form, "note": note, "character_rule": CHARACTER_RULE},
    )


@require_POST
def note_delete(request, pk: int):
    person = require_person(request)
    note = get_object_or_404(Note, pk=pk, author=person)
    note.delete()
    messages.success(request, _("The note is deleted."))
    return redirect("learning:notes")


# --------------------------------------------------------------------------- inspection


def _month(request, today):
    month, problem = parse_month(request.GET.get("month"), today)
    if problem:
        messages.warning(request, problem)
    return month


def inspection_list(request):
    """/inspection/: the people the signed-in person inspects this month, furthest behind first."""
    me = person_of(request.user)
    leadership = is_leadership(request.user)
    inspector = is_inspector(me)
    if not inspector and not leadership:
        raise PermissionDenied
    today = local_today()
    month = _month(request, today)
    rows = rows_for_inspector(me, month, today) if inspector else []
    context = {
        "month": month,
        "today": today,
        "current": Month(today.year, today.month),
        "rows": rows,
        "inspector": inspector,
        "leadership": leadership,
        "closed": month_is_closed(month),
        "notice": InspectionNotice.objects.visible_to(request.user)
        .filter(year=month.year, month=month.month)
        .first(),
    }
    return TemplateResponse(request, "learning/inspection_list.html", context)


def inspect_member(request, username: str, year: int, month: int):
    """One person's month: figures, the month's notes to open, and the mark with a comment."""
    me = person_of(request.user)
    person = get_object_or_404(
        Person.objects.select_related("user", "department"), user__username=username
    )
    if not may_inspect(me, person):
        raise PermissionDenied
    today = local_today()
    if not 1 <= month <= 12 or (year, month) > (today.year, today.month) or year < 2000:
        raise Http404
    chosen = Month(year, month)
    existing = Inspection.objects.filter(person=person, year=year, month=month).first()
    closed = month_is_closed(chosen)
    form = InspectionForm(
        request.POST or None,
        initial={"mark": existing.mark, "comment": existing.comment} if existing else None,
    )
    if request.method == "POST":
        if closed:
            messages.error(
                request,
                _("The notice for %(month)s is published; its inspections are final.")
                % {"month": chosen.label},
            )
        elif form.is_valid():
            record_inspection(
                me, person, chosen, form.cleaned_data["mark"], form.cleaned_data["comment"], today
            )
            messages.success(
                request,
                _("The inspection of %(name)s for %(month)s is recorded.")
                % {"name": person.display_name, "month": chosen.label},
            )
            return redirect(reverse("learning:inspection") + f"?month={chosen.key}")
    from .inspection import member_rows

    row = member_rows([person], chosen, today)[0]
    month_notes = (
        Note.objects.visible_to(request.user)
        .filter(author=person, date__year=year, date__month=month)
        .prefetch_related("tags")
        .order_by("date", "pk")
    )
    context = {
        "person": person,
        "month": chosen,
        "row": row,
        "progress": row.progress,
        "notes": month_notes,
        "form": form,
        "existing": existing,
        "closed": closed,
        "characters_chart": charts.characters_chart(row.progress),
        "four_ones_chart": charts.four_ones_chart(row.progress),
        "history": Inspection.objects.filter(person=person).order_by("-year", "-month")[:12],
    }
    return TemplateResponse(request, "learning/inspect_member.html", context)


def _require_leadership(request):
    if not is_leadership(request.user):
        raise PermissionDenied


def _require_notice_editor(request):
    if not may_edit_notices(request.user):
        raise PermissionDenied


def inspection_status(request):
    """Every department's inspection status for a month, for the learning leadership group."""
    _require_leadership(request)
    today = local_today()
    month = _month(request, today)
    rows = office_rows(month, today)
    context = {
        "month": month,
        "current": Month(today.year, today.month),
        "rows": rows,
        "departments": department_statuses(rows),
        "notice": InspectionNotice.objects.filter(year=month.year, month=month.month).first(),
        "inspected": sum(1 for r in rows if r.inspection),
    }
    return TemplateResponse(request, "learning/inspection_status.html", context)


def inspection_export(request, fmt: str):
    _require_leadership(request)
    today = local_today()
    month, _problem = parse_month(request.GET.get("month"), today)
    rows = sorted(
        office_rows(month, today),
        key=lambda r: (
            r.department.sort_order if r.department else 0,
            r.department.name if r.department else "",
            r.person.display_name,
        ),
    )
    if fmt == "csv":
        return csv_response(month, rows)
    return xlsx_response(month, rows)


# --------------------------------------------------------------------------- notices


def notice_list(request):
    context = {"notices": InspectionNotice.objects.visible_to(request.user)}
    return TemplateResponse(request, "learning/notice_list.html", context)


def notice_detail(request, pk: int):
    notice = get_object_or_404(InspectionNotice.objects.visible_to(request.user), pk=pk)
    context = {"notice": notice, "leadership": may_edit_notices(request.user)}
    return TemplateResponse(request, "learning/notice_detail.html", context)


@require_POST
def notice_draft(request):
    _require_notice_editor(request)
    today = local_today()
    month, problem = parse_month(request.POST.get("month"), today)
    if problem:
        messages.error(request, problem)
        return redirect("learning:inspection_status")
    notice = notices.draft_notice(month, today)
    if notice.is_published:
        messages.warning(
            request, _("The notice for %(month)s is already published.") % {"month": month.label}
        )
    else:
        messages.success(
            request,
            _("The notice is drafted from the figures as they stand; edit it, then publish."),
        )
    return redirect("learning:notice_edit", notice.pk)


def notice_edit(request, pk: int):
    _require_notice_editor(request)
    notice = get_object_or_404(InspectionNotice, pk=pk)
    form = NoticeForm(request.POST or None, instance=notice)
    if request.method == "POST" and form.is_valid():
        notice = form.save()
        if "publish" in request.POST and not notice.is_published:
            notices.publish(notice, request.user)
            messages.success(request, _("The notice is published to everyone."))
        else:
            messages.success(request, _("The notice is saved."))
        return redirect(notice)
    return TemplateResponse(request, "learning/notice_form.html", {"form": form, "notice": notice})


# --------------------------------------------------------------------------- growth archive


def archive(request, username: str):
    """/people/<username>/archive/: a person's learning by year, printable."""
    person = get_object_or_404(
        Person.objects.select_related("user", "department"), user__username=username
    )
    if not may_view_archive(request.user, person):
        raise PermissionDenied
    today = local_today()
    last = today.year
    first = last - YEARS_SHOWN + 1
    for key in ("from", "to"):
        raw = request.GET.get(key, "").strip()
        if raw:
            if raw.isdigit() and 2000 <= int(raw) <= last:
                if key == "from":
                    first = int(raw)
                else:
                    last = int(raw)
            else:
                messages.warning(
                    request,
                    _("“%(value)s” is not a year; that limit was ignored.") % {"value": raw[:20]},
                )
    if first > last:
        first, last = last, first
    years = range(first, last + 1)
    context = {
        "person": person,
        "years": years,
        "entries": archive_entries(person, years, request.user),
        "today": today,
        "own": person_of(request.user) == person,
    }
    return TemplateResponse(request, "learning/archive.html", context)
