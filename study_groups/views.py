"""Thin views behind the study group pages' routes; the rules live in discussion.py and membership.py.

Every view here is reached through a group page, whose privacy is checked once more here: a closed
group's threads, posts, attachments and sessions are answered with 404 to anyone not in it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.header import forget as forget_header
from people.roles import LEARNING_LEADERSHIP_GROUP

from . import discussion
from .forms import EditPostForm, HidePostForm, PostForm, SessionForm, ThreadForm
from .membership import can_take_part, can_view_group, is_member
from .models import Notification, Post, PostAttachment, StudySession, Thread


def _person(request):
    return getattr(request.user, "person", None)


def _require_view(request, group) -> None:
    if not can_view_group(request.user, group):
        raise Http404


def _require_part(request, group) -> None:
    _require_view(request, group)
    if not can_take_part(request.user, group):
        raise PermissionDenied


def _decorate(posts, group, person, is_leader):
    """What the person may do with each post, and whether they may read a hidden one."""
    for post in posts:
        own = person is not None and post.author_id == person.pk
        post.can_edit = discussion.may_edit(post, person)
        post.can_hide = is_leader
        post.shows_body = not post.is_hidden or own or is_leader
        post.shows_reason = post.is_hidden and (own or is_leader)
    return posts


def _thread_context(request, group, thread, form=None):
    person = _person(request)
    is_leader = group.is_led_by(request.user)
    posts = _decorate(list(thread.posts.for_thread()), group, person, is_leader)
    return {
        "page": group,
        "group": group,
        "thread": thread,
        "posts": posts,
        "last_post_id": posts[-1].pk if posts else 0,
        "form": form or PostForm(),
        "may_post": can_take_part(request.user, group),
        "is_leader": is_leader,
        "hide_form": HidePostForm(),
    }


def thread_detail(request, group, thread_id):
    """A thread and its posts; members reply at the bottom."""
    _require_view(request, group)
    thread = get_object_or_404(
        Thread.objects.select_related("author", "session").prefetch_related("tags"),
        pk=thread_id,
        group=group,
    )
    form = None
    if request.method == "POST":
        _require_part(request, group)
        form = PostForm(request.POST, request.FILES)
        if form.is_valid():
            reply_to = None
            if form.cleaned_data.get("reply_to"):
                reply_to = thread.posts.filter(pk=form.cleaned_data["reply_to"]).first()
            post = discussion.reply(
                thread,
                _person(request),
                body=form.cleaned_data["body"],
                reply_to=reply_to,
                files=form.cleaned_data["attachments"],
                request=request,
            )
            messages.success(request, _("Your reply is posted."))
            return HttpResponseRedirect(f"{thread.get_url()}#post-{post.pk}")
    return TemplateResponse(
        request, "study_groups/thread.html", _thread_context(request, group, thread, form)
    )


def thread_list(request, group):
    """All of a group's threads, latest activity first, a page at a time."""
    from django.core.paginator import Paginator

    from .models.groups import THREADS_PER_PAGE

    _require_view(request, group)
    threads = Thread.objects.filter(group=group).for_listing()
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "study_groups/thread_list.html",
        {
            "page": group,
            "group": group,
            "threads": page,
            "is_member": is_member(request.user, group),
        },
    )


def posts_since(request, group, thread_id, post_id):
    """The posts after `post_id`, as HTML, for the thread page to show new replies as they come."""
    _require_view(request, group)
    thread = get_object_or_404(Thread, pk=thread_id, group=group)
    person = _person(request)
    is_leader = group.is_led_by(request.user)
    posts = _decorate(
        list(thread.posts.filter(pk__gt=post_id).for_thread()), group, person, is_leader
    )
    response = TemplateResponse(
        request,
        "study_groups/_posts.html",
        {"posts": posts, "group": group, "thread": thread, "may_post": True},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def new_thread(request, group):
    _require_part(request, group)
    if request.method == "POST":
        form = ThreadForm(request.POST, request.FILES, group=group)
        if form.is_valid():
            data = form.cleaned_data
            thread = discussion.start_thread(
                group,
                _person(request),
                title=data["title"],
                body=data["body"],
                session=data["session"],
                tags=data["tags"],
                files=data["attachments"],
                request=request,
            )
            messages.success(request, _("Your thread is started."))
            return HttpResponseRedirect(thread.get_url())
    else:
        initial = {}
        session_id = request.GET.get("session", "")
        if session_id.isdigit():
            initial["session"] = int(session_id)
        form = ThreadForm(group=group, initial=initial)
    return TemplateResponse(
        request, "study_groups/thread_form.html", {"page": group, "group": group, "form": form}
    )


def edit_post(request, group, post_id):
    _require_part(request, group)
    post = get_object_or_404(
        Post.objects.select_related("thread__group"), pk=post_id, thread__group=group
    )
    if not discussion.may_edit(post, _person(request)):
        messages.error(
            request,
            _("A post can be changed only by its author, within %(minutes)s minutes of posting.")
            % {"minutes": int(discussion.edit_window().total_seconds() // 60)},
        )
        return HttpResponseRedirect(post.get_url())
    if request.method == "POST":
        form = EditPostForm(request.POST)
        if form.is_valid():
            discussion.edit_post(post, _person(request), body=form.cleaned_data["body"])
            messages.success(request, _("Your post is changed."))
            return HttpResponseRedirect(post.get_url())
    else:
        form = EditPostForm(initial={"body": post.body})
    return TemplateResponse(
        request,
        "study_groups/post_form.html",
        {"page": group, "group": group, "post": post, "form": form},
    )


@require_POST
def hide_post(request, group, post_id):
    _require_part(request, group)
    post = get_object_or_404(
        Post.objects.select_related("thread__group"), pk=post_id, thread__group=group
    )
    person = _person(request)
    if not discussion.may_hide(post, person):
        raise PermissionDenied
    if request.POST.get("action") == "show":
        discussion.show_post(post, person)
        messages.success(request, _("The post is shown again."))
        return HttpResponseRedirect(post.get_url())
    form = HidePostForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for hiding the post."))
        return HttpResponseRedirect(post.get_url())
    discussion.hide_post(post, person, reason=form.cleaned_data["reason"])
    messages.success(request, _("The post is hidden; the reason is kept with it."))
    return HttpResponseRedirect(post.get_url())


def download_attachment(request, group, attachment_id):
    """An attachment, only to those who may read its group, and only while its post is shown."""
    _require_view(request, group)
    attachment = get_object_or_404(
        PostAttachment.objects.select_related("post__thread"),
        pk=attachment_id,
        post__thread__group=group,
    )
    post = attachment.post
    person = _person(request)
    if post.is_hidden and not (
        group.is_led_by(request.user) or (person and post.author_id == person.pk)
    ):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def session_detail(request, group, session_id):
    _require_view(request, group)
    session = get_object_or_404(
        StudySession.objects.select_related("facilitator", "group"), pk=session_id, group=group
    )
    context = {
        "page": group,
        "group": group,
        "session": session,
        **_attendance_context(request, session),
        "threads": Thread.objects.filter(session=session).for_listing(),
        "summaries": session.summaries.live().order_by("-first_published_at"),
        "may_schedule": group.may_manage(request.user),
        "is_member": is_member(request.user, group),
    }
    return TemplateResponse(request, "study_groups/session.html", context)


def _attendance_context(request, session) -> dict:
    """The session's attendance: one's own record and, for organisers, the tally and the code."""
    from attendance.access import may_organise, person_of
    from attendance.reports import event_report
    from attendance.rules import event_for

    event = event_for(session)
    if event is None:
        return {}
    person = person_of(request.user)
    organiser = may_organise(event, request.user)
    record = event.records.filter(person=person).first() if person else None
    leave = (
        event.leave_requests.filter(person=person).order_by("-created_at").first()
        if person
        else None
    )
    return {
        "attendance_event": event,
        "attendance_record": record,
        "attendance_leave": leave,
        "attendance_organiser": organiser,
        "attendance_tally": event_report(event).tally if organiser or event.is_closed else None,
        "check_in_open": event.window_is_open(timezone.now()),
    }


def edit_session(request, group, session_id):
    """The leader or secretary schedules a session, or changes one."""
    _require_view(request, group)
    if not group.may_manage(request.user):
        raise PermissionDenied
    session = None
    if session_id is not None:
        session = get_object_or_404(StudySession, pk=session_id, group=group)
    if request.method == "POST":
        form = SessionForm(request.POST, instance=session, group=group, user=request.user)
        if form.is_valid():
            session = form.save()
            messages.success(request, _("The session is saved."))
            return HttpResponseRedirect(session.get_url())
    else:
        form = SessionForm(instance=session, group=group, user=request.user)
    return TemplateResponse(
        request,
        "study_groups/session_form.html",
        {"page": group, "group": group, "session": session, "form": form},
    )


def notifications(request, index):
    """A person's mentions and review requests; opening the list marks them read."""
    person = _person(request)
    if person is None:
        raise Http404
    items = list(
        Notification.objects.filter(recipient=person)
        .select_related("actor", "post__thread__group", "summary")
        .order_by("-created_at", "-pk")[:50]
    )
    unread = [n.pk for n in items if n.read_at is None]
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
        forget_header(request)  # its count of unread notifications
    return TemplateResponse(
        request,
        "study_groups/notifications.html",
        {"page": index, "notifications": items, "unread": set(unread)},
    )


def may_see_meeting_rules(user) -> bool:
    return user.is_superuser or user.groups.filter(name=LEARNING_LEADERSHIP_GROUP).exists()


def meeting_rules_report(request, index):
    """Each group against its meeting rule, for the learning leadership group."""
    from .meeting_rules import Standing, standings

    if not may_see_meeting_rules(request.user):
        raise PermissionDenied
    rows = standings()
    return TemplateResponse(
        request,
        "study_groups/meeting_rules.html",
        {
            "page": index,
            "rows": rows,
            "behind": [row for row in rows if row.standing == Standing.BEHIND],
        },
    )
