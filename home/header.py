"""What the page header shows a signed-in person: their name, the menu entries the apps
contribute (hook `gongxue_nav_items`) and whether to offer the admin.

Learning these takes several queries (roles, permissions, unread notifications) and the header is
on every page, so they are kept in the person's session for a minute. A view that changes what the
header says (reading one's notifications) calls `forget`; what changes it for someone else (a
notification sent to them, a role given or taken: see home.signal_handlers) calls `changed_for`,
which their next page sees at no cost (the person comes with the signed-in user). The minute
remains for changes that send no signal (bulk SQL); even then the header shows no content, and
every view checks who may see it.
"""

import time

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from wagtail import hooks

from people.models import Person

SESSION_KEY = "gongxue_header"
KEEP_SECONDS = 60


def header_for(request) -> dict:
    """{"name", "nav": [{"url", "label"}...], "admin"} for the signed-in person of `request`."""
    session = getattr(request, "session", None)
    language = get_language()
    kept = session.get(SESSION_KEY) if session is not None else None
    user = request.user
    person = getattr(user, "person", None)
    if (
        kept
        and kept.get("language") == language
        and time.time() - kept["at"] < KEEP_SECONDS
        and kept.get("person") == getattr(person, "pk", None)
        and not _changed_since(person, kept["at"])
    ):
        return kept
    items = [item for entry in hooks.get_hooks("gongxue_nav_items") if (item := entry(request))]
    fresh = {
        "at": time.time(),
        "language": language,
        # A person linked to the account since (or unlinked) changes the menu.
        "person": getattr(person, "pk", None),
        "name": (person.display_name if person else "") or user.get_username(),
        # Labels are resolved now, in the language the key records: the session keeps JSON.
        "nav": [
            {"url": str(item["url"]), "label": str(item["label"])}
            for item in sorted(items, key=lambda i: i.get("order", 100))
        ],
        "admin": user.has_perm("wagtailadmin.access_admin"),
    }
    if session is not None:
        session[SESSION_KEY] = fresh
    return fresh


def _changed_since(person, moment: float) -> bool:
    changed = getattr(person, "header_changed_at", None)
    return changed is not None and changed.timestamp() >= moment


def changed_for(person_ids) -> None:
    """What the header shows these people, or what search lets them see, has changed: their next
    page works it out again."""
    _mark(Person.objects.filter(pk__in=list(person_ids)))


def changed_for_users(user_ids) -> None:
    """`changed_for` the people of these user accounts (ids, or a query of them: one UPDATE)."""
    if not isinstance(user_ids, QuerySet):
        user_ids = list(user_ids)
    _mark(Person.objects.filter(user__in=user_ids))


def _mark(people: QuerySet) -> None:
    people.update(header_changed_at=timezone.now())


def forget(request) -> None:
    """Work the header out again on the next page (what it shows has just changed)."""
    session = getattr(request, "session", None)
    if session is not None:
        session.pop(SESSION_KEY, None)
