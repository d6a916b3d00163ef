"""Lecture views beyond the pages: calendar feeds, the subscribe page, and the monthly lecture
rotation for planners and speakers. Rules live in lectures.rotation and attendance.rules."""

import datetime
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from attendance.access import may_organise, person_of
from people.models import Person
from people.roles import LEARNING_LEADERSHIP_GROUP

from . import ical, rotation
from .models import CalendarFeed, LecturePage, MonthlyLectureSlot, SlotStatus

ICS = "text/calendar; charset=utf-8"


# Check-in on the lecture page ----------------------------------------------------------------


def check_in_context(request, lecture, event) -> dict:
    """What the lecture page shows of attendance: the person's record and the code form."""
    if event is None:
        return {"attendance_event": None}
    person = person_of(request.user)
    record = event.records.filter(person=person).first() if person else None
    now = timezone.now()
    return {
        "attendance_event": event,
        "attendance_record": record,
        "check_in_open": event.window_is_open(now),
        "check_in_not_yet": now < event.window_opens,
        "may_organise_attendance": may_organise(event, request.user),
    }


# Calendar feeds --------------------------------------------------------------------------------


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_ics(request):
    """/lectures/calendar.ics: the lectures the signed-in person may see."""
    lectures = ical.feed_lectures(LecturePage.objects.visible_to(request.user))
    content = ical.build_calendar(lectures, _base_url(request), _("Gongxue lectures"))
    return _ics_response(content, "gongxue-lectures.ics")


@never_cache
@login_not_required
def private_feed(request, token):
    """A person's private feed: the lectures for their audience, for a calendar app that cannot
    sign in. The token is the only key; a wrong or revoked one is a 404."""
    feed = (
        CalendarFeed.objects.active()
        .select_related("user", "user__person")
        .filter(token=token[:64])
        .first()
    )
    if feed is None or not feed.user.is_active:
        raise Http404
    user = feed.user
    person = person_of(user)
    lectures = ical.feed_lectures(LecturePage.objects.visible_to(user).for_audience_of(person))
    now = timezone.now()
    # Record use at most hourly, so a calendar app polling every few minutes writes little.
    if feed.last_used_at is None or now - feed.last_used_at > datetime.timedelta(hours=1):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    content = ical.build_calendar(lectures, _base_url(request), _("My Gongxue lectures"))
    return _ics_response(content, "my-gongxue-lectures.ics")


def subscribe(request):
    """The person's calendar addresses, and making, replacing or revoking the private one."""
    feed = CalendarFeed.objects.active().filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("create", "reset"):
            if feed is not None:
                feed.revoked_at = timezone.now()
                feed.save(update_fields=["revoked_at"])
            CalendarFeed.objects.create(user=request.user)
            messages.success(
                request,
                _("Your new private calendar address is ready.")
                if action == "create"
                else _("Your private calendar address was replaced; the old one no longer works."),
            )
        elif action == "revoke" and feed is not None:
            feed.revoked_at = timezone.now()
            feed.save(update_fields=["revoked_at"])
            messages.success(request, _("Your private calendar address no longer works."))
        else:
            messages.error(request, _("That action is not known."))
        return redirect("lectures:subscribe")
    private_url = (
        request.build_absolute_uri(reverse("lectures:private_feed", args=[feed.token]))
        if feed
        else ""
    )
    return TemplateResponse(
        request,
        "lectures/subscribe.html",
        {
            "feed": feed,
            "private_url": private_url,
            "public_url": request.build_absolute_uri(reverse("lectures:calendar")),
        },
    )


# The monthly lecture rotation ------------------------------------------------------------------


def may_plan(user) -> bool:
    """The learning leadership group plans the monthly lectures."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.has_perm("lectures.change_monthlylectureslot")
        or user.groups.filter(name=LEARNING_LEADERSHIP_GROUP).exists()
    )


class SlotForm(forms.Form):
    slot = forms.IntegerField(widget=forms.HiddenInput)
    speaker = forms.ModelChoiceField(
        label=gettext_lazy("Speaker"), queryset=Person.objects.none(), required=False
    )
    topic = forms.CharField(label=gettext_lazy("Topic"), max_length=255, required=False)
    materials_due = forms.DateField(label=gettext_lazy("Materials due"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = Person.objects.active().select_related("department")


class ScheduleForm(forms.Form):
    slot = forms.IntegerField(widget=forms.HiddenInput)
    date = forms.DateField(label=gettext_lazy("Date"))
    start = forms.TimeField(label=gettext_lazy("Starts"))
    end = forms.TimeField(label=gettext_lazy("Ends"))
    place = forms.CharField(label=gettext_lazy("Place"), max_length=255)


def _slot(year, request) -> MonthlyLectureSlot | None:
    raw = request.POST.get("slot", "")
    if not raw.isdigit():
        return None
    return MonthlyLectureSlot.objects.filter(pk=int(raw), year=year).first()


def rotation_year(request, year: int):
    """The planner's year: propose, edit, confirm, schedule, and move slots along."""
    if not may_plan(request.user):
        raise PermissionDenied
    if not 2000 <= year <= 2100:
        raise Http404
    if request.method == "POST":
        try:
            _rotation_action(request, year)
        except rotation.RotationError as error:
            messages.error(request, error.message)
        return redirect("lectures:rotation", year=year)
    slots = list(MonthlyLectureSlot.objects.of_year(year).for_listing())
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "lectures/rotation.html",
        {
            "year": year,
            "slots": slots,
            "today": today,
            "overdue": [s for s in slots if s.is_overdue(today)],
            "people": Person.objects.active()
            .exclude(department=None)
            .select_related("department")
            .order_by("department__sort_order", "display_name"),
            "unconfirmed": any(not s.confirmed and s.speaker_id for s in slots),
            "statuses": SlotStatus,
        },
    )


def _rotation_action(request, year: int) -> None:
    action = request.POST.get("action")
    if action == "propose":
        rotation.save_proposal(year, rotation.propose_year(year))
        messages.success(
            request,
            _("A rotation for %(year)s is proposed; check it and confirm.") % {"year": year},
        )
        return
    if action == "confirm":
        count = rotation.confirm_year(year)
        messages.success(request, _("%(count)s months confirmed.") % {"count": count})
        return
    slot = _slot(year, request)
    if slot is None:
        messages.error(request, _("That month of the rotation was not found."))
        return
    label = f"{slot.year}-{slot.month:02d}"
    if action == "edit":
        form = SlotForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please check the speaker, topic and due date."))
            return
        if slot.status != SlotStatus.PLANNED:
            messages.error(request, _("Only a planned month can change its speaker."))
            return
        slot.speaker = form.cleaned_data["speaker"]
        slot.topic = form.cleaned_data["topic"]
        slot.materials_due = form.cleaned_data["materials_due"] or slot.materials_due
        slot.save()
        messages.success(request, _("%(month)s saved.") % {"month": label})
    elif action == "schedule":
        form = ScheduleForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("Please give the date, the start and end times and the place.")
            )
            return
        data = form.cleaned_data
        start = timezone.make_aware(datetime.datetime.combine(data["date"], data["start"]))
        end = timezone.make_aware(datetime.datetime.combine(data["date"], data["end"]))
        page = rotation.schedule(slot, start, end, data["place"], user=request.user)
        messages.success(
            request,
            _("%(month)s is scheduled; its lecture page “%(title)s” awaits publishing.")
            % {"month": label, "title": page.title},
        )
    elif action == "delivered":
        rotation.mark_delivered(slot)
        messages.success(request, _("%(month)s is delivered.") % {"month": label})
    elif action == "summary":
        rotation.publish_summary(slot)
        messages.success(request, _("%(month)s: the summary is published.") % {"month": label})
    else:
        messages.error(request, _("That action is not known."))


def rotation_current(request):
    return redirect("lectures:rotation", year=timezone.localdate().year)


class MaterialsForm(forms.Form):
    slot = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(label=gettext_lazy("Slides or outline"), required=False)
    note = forms.CharField(
        label=gettext_lazy("Note"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("What you are handing in")}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        extension = Path(upload.name).suffix.lower().lstrip(".")
        allowed = settings.WAGTAILDOCS_EXTENSIONS
        if extension not in allowed:
            raise forms.ValidationError(
                _("Files of type “%(type)s” are not accepted; use one of: %(allowed)s.")
                % {"type": extension or "?", "allowed": ", ".join(allowed)}
            )
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("The file is too large; the limit is %(size)s MB.")
                % {"size": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // (1024 * 1024)}
            )
        return upload


def rotation_mine(request):
    """A speaker's own monthly lectures: what is coming, what is due, and handing materials in."""
    person = person_of(request.user)
    if person is None:
        raise Http404
    slots = MonthlyLectureSlot.objects.for_speaker(person).for_listing().order_by("year", "month")
    if request.method == "POST":
        form = MaterialsForm(request.POST, request.FILES)
        raw = request.POST.get("slot", "")
        slot = slots.filter(pk=int(raw)).first() if raw.isdigit() else None
        if slot is None:
            raise Http404
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("lectures:rotation_mine")
        document = None
        upload = form.cleaned_data["file"]
        try:
            if upload is not None:
                from wagtail.documents import get_document_model

                document = get_document_model()(
                    title=_("Monthly lecture %(month)s materials: %(name)s")
                    % {"month": f"{slot.year}-{slot.month:02d}", "name": person.display_name},
                    file=upload,
                    uploaded_by_user=request.user,
                )
                document.save()
            rotation.submit_materials(slot, document, form.cleaned_data["note"])
        except rotation.RotationError as error:
            if document is not None:
                document.delete()
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you: your materials are handed in."))
        return redirect("lectures:rotation_mine")
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "lectures/rotation_mine.html",
        {"slots": list(slots), "today": today, "form": MaterialsForm()},
    )
