"""Attendance pages: check in, the organiser's roster, reports and their exports.

Views stay thin: they check permission (attendance.access), call a rule (attendance.rules) and
show its message. Someone who may not see an event gets a 404, as if it did not exist.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from people.models import Department, Person

from . import exports, reports, rules
from .access import may_organise, may_see_person, may_view_event, person_of, report_scope
from .forms import CheckInForm, DecideForm, LeaveForm, MarkForm
from .models import AttendanceEvent, AttendanceRecord, LeaveRequest, LeaveStatus, Status

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _event_or_404(request, pk) -> AttendanceEvent:
    event = get_object_or_404(AttendanceEvent, pk=pk)
    if not may_view_event(event, request.user):
        raise Http404
    return event


def _refused(request, error: rules.AttendanceRefused):
    messages.error(request, error.message)


def index(request):
    """The person's own coming events and results, and the events they organise."""
    person = person_of(request.user)
    now = timezone.now()
    mine = AttendanceRecord.objects.none()
    organising = AttendanceEvent.objects.none()
    if person is not None:
        mine = (
            AttendanceRecord.objects.filter(person=person)
            .select_related("event")
            .order_by("-event__start")[:20]
        )
        organising = AttendanceEvent.objects.organised_by(person).order_by("-start")[:20]
    return TemplateResponse(
        request,
        "attendance/index.html",
        {
            "records": mine,
            "organising": organising,
            "now": now,
            "scope": report_scope(request.user),
        },
    )


def event_detail(request, pk):
    """The check-in page of one event: the code form, a leave request, and one's own record."""
    event = _event_or_404(request, pk)
    person = person_of(request.user)
    record = event.records.filter(person=person).first() if person else None
    if request.method == "POST":
        if person is None:
            messages.error(request, _("Your account has no staff profile, so it cannot check in."))
            return redirect("attendance:event", pk=event.pk)
        action = request.POST.get("action")
        if action == "check_in":
            form = CheckInForm(request.POST)
            if form.is_valid():
                try:
                    record = rules.check_in(event, person, form.cleaned_data["code"])
                except rules.AttendanceRefused as error:
                    _refused(request, error)
                else:
                    if record.status == Status.LATE:
                        messages.warning(request, _("You are checked in, recorded as late."))
                    else:
                        messages.success(request, _("You are checked in. Welcome!"))
            else:
                messages.error(request, _("Please type the session code."))
        elif action == "leave":
            form = LeaveForm(request.POST)
            try:
                rules.request_leave(event, person, request.POST.get("reason", ""))
            except rules.AttendanceRefused as error:
                _refused(request, error)
            else:
                messages.success(
                    request, _("Your leave request was sent to the organiser for a decision.")
                )
        else:
            messages.error(request, _("That action is not known."))
        # A check-in form on the event's own page (a lecture, a session) returns there.
        next_url = request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect("attendance:event", pk=event.pk)
    leave = (
        event.leave_requests.filter(person=person).order_by("-created_at").first()
        if person
        else None
    )
    now = timezone.now()
    return TemplateResponse(
        request,
        "attendance/event_detail.html",
        {
            "event": event,
            "record": record,
            "leave": leave,
            "now": now,
            "window_open": event.window_is_open(now),
            "check_in_form": CheckInForm(),
            "leave_form": LeaveForm(),
            "may_organise": may_organise(event, request.user),
        },
    )


def roster(request, pk):
    """The organiser's roster: results, leave requests, the code, marking and closing."""
    event = _event_or_404(request, pk)
    organiser = may_organise(event, request.user)
    if not organiser and not report_scope(request.user).everything:
        raise PermissionDenied
    if request.method == "POST":
        if not organiser:
            raise PermissionDenied
        _roster_action(request, event)
        return redirect("attendance:roster", pk=event.pk)
    report = reports.event_report(event)
    on_roster = {r.person_id for r in report.records}
    return TemplateResponse(
        request,
        "attendance/roster.html",
        {
            "event": event,
            "report": report,
            "may_organise": organiser,
            "statuses": Status.choices,
            "pending_leave": event.leave_requests.pending().select_related(
                "person", "person__department"
            ),
            "decided_leave": event.leave_requests.exclude(status=LeaveStatus.PENDING)
            .select_related("person", "decided_by")
            .order_by("-decided_at"),
            "others": Person.objects.active()
            .exclude(pk__in=on_roster)
            .select_related("department")
            .order_by("department__sort_order", "display_name"),
        },
    )


def _roster_action(request, event) -> None:
    by = person_of(request.user)
    action = request.POST.get("action")
    try:
        if action == "mark":
            form = MarkForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Please choose a person and a result."))
                return
            person = Person.objects.filter(pk=form.cleaned_data["person"]).first()
            if person is None:
                messages.error(request, _("That person was not found."))
                return
            record = rules.mark(
                event, person, form.cleaned_data["status"], by, form.cleaned_data["note"]
            )
            messages.success(
                request,
                _("%(person)s: %(result)s.")
                % {"person": person.display_name, "result": record.get_status_display()},
            )
        elif action == "decide":
            form = DecideForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Please choose approve or do not approve."))
                return
            leave = get_object_or_404(LeaveRequest, pk=form.cleaned_data["leave"], event=event)
            leave = rules.decide_leave(
                leave, by, form.cleaned_data["decision"] == "approve", form.cleaned_data["note"]
            )
            messages.success(
                request,
                _("Leave request of %(person)s: %(decision)s.")
                % {"person": leave.person.display_name, "decision": leave.get_status_display()},
            )
        elif action == "close":
            absent = rules.close_event(event, by)
            messages.success(
                request,
                _("Attendance is closed; %(count)s recorded absent without reason.")
                % {"count": absent},
            )
        elif action == "new_code":
            code = rules.new_session_code(event, by)
            messages.success(request, _("The new session code is %(code)s.") % {"code": code})
        else:
            messages.error(request, _("That action is not known."))
    except rules.AttendanceRefused as error:
        _refused(request, error)


def _download(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _export(tables, fmt: str, filename: str, table_name: str = ""):
    if fmt == "xlsx":
        return _download(exports.to_xlsx(tables), fmt, filename)
    if fmt == "csv":
        # A CSV holds one table: the one asked for, or the first.
        index = {"departments": 0, "absences": 1}.get(table_name, 0)
        table = tables[min(index, len(tables) - 1)]
        return _download(exports.to_csv(table), fmt, f"{filename}-{table_name or 'table'}")
    raise Http404


def event_export(request, pk, fmt):
    event = _event_or_404(request, pk)
    if not (may_organise(event, request.user) or report_scope(request.user).everything):
        raise PermissionDenied
    tables = exports.event_tables(reports.event_report(event))
    return _export(tables, fmt, f"attendance-event-{event.pk}")


def _report_inputs(request):
    scope = report_scope(request.user)
    if not scope.allowed:
        raise PermissionDenied
    period = reports.Period.from_query(request.GET, timezone.localdate().year)
    department = None
    raw = (request.GET.get("department") or "").strip()
    if raw:
        department = Department.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
        if department is None or not scope.covers(department.pk):
            period.problems.append(
                _("“%(value)s” is not a department you may see; showing all of yours.")
                % {"value": raw[:30]}
            )
            department = None
    return scope, period, department


def report(request):
    """Attendance per department over a period, with everyone absent without reason."""
    scope, period, department = _report_inputs(request)
    data = reports.department_report(scope, period, department)
    events = (
        AttendanceEvent.objects.between(period.start, period.end)
        .filter(records__in=reports.scoped_records(scope, period, department))
        .distinct()
        .order_by("-start")[:50]
    )
    query = period.as_query() + (f"&department={department.pk}" if department else "")
    return TemplateResponse(
        request,
        "attendance/report.html",
        {
            "scope": scope,
            "period": period,
            "department": department,
            "departments": scope.departments(),
            "report": data,
            "events": events,
            "query": query,
        },
    )


def report_export(request, fmt):
    scope, period, department = _report_inputs(request)
    tables = exports.department_tables(reports.department_report(scope, period, department))
    name = f"attendance-{period.slug}"
    return _export(tables, fmt, name, request.GET.get("table", ""))


def my_attendance(request):
    person = person_of(request.user)
    if person is None:
        raise Http404
    return redirect(reverse("attendance:person", args=[person.pk]) + _query_suffix(request))


def _query_suffix(request) -> str:
    return f"?{request.GET.urlencode()}" if request.GET else ""


def _person_or_404(request, pk) -> Person:
    person = get_object_or_404(Person.objects.select_related("department"), pk=pk)
    if not may_see_person(request.user, person):
        raise Http404
    return person


def person_detail(request, pk):
    person = _person_or_404(request, pk)
    period = reports.Period.from_query(request.GET, timezone.localdate().year)
    return TemplateResponse(
        request,
        "attendance/person.html",
        {
            "person": person,
            "period": period,
            "report": reports.person_report(person, period),
            "own": person_of(request.user) == person,
        },
    )


def person_export(request, pk, fmt):
    person = _person_or_404(request, pk)
    period = reports.Period.from_query(request.GET, timezone.localdate().year)
    tables = exports.person_tables(reports.person_report(person, period))
    return _export(tables, fmt, f"attendance-{person.username}-{period.slug}")
