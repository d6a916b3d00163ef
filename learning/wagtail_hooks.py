from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from .models import Inspection, LearningTargets
from .viewsets import KeptForGoodPolicy, LearningViewSetGroup

# Registered before the viewsets are, so that the admin never makes a fallback policy for it.
register_permission_policy(Inspection, KeptForGoodPolicy(Inspection))
register_setting(LearningTargets, icon="sliders")


@hooks.register("register_admin_viewset")
def register_learning_viewsets():
    return LearningViewSetGroup()


def _learning_roles(request) -> dict:
    """Whether the signed-in person inspects notes or oversees learning, once per request.

    The menu is on every page, so this costs no query of its own: the person is loaded with
    whether they inspect anyone in the one query the page header makes for them anyway, and
    the leadership's permission comes from the permissions the header checks anyway."""
    cached = getattr(request, "_gongxue_learning_roles", None)
    if cached is None:
        from people.models import Person

        from .inspectors import inspects_anyone, is_inspector
        from .permissions import is_leadership

        user = request.user
        relation = Person._meta.get_field("user").remote_field
        if relation.is_cached(user):
            person = relation.get_cached_value(user)
            inspector = is_inspector(person)
        else:
            person = Person.objects.filter(user=user).annotate(inspects=inspects_anyone()).first()
            relation.set_cached_value(user, person)
            inspector = bool(person and person.inspects)
        cached = {
            "person": person,
            "inspector": inspector,
            "leadership": is_leadership(user),
        }
        request._gongxue_learning_roles = cached
    return cached


@hooks.register("gongxue_nav_items")
def my_learning_nav(request):
    if _learning_roles(request)["person"] is None:
        return None
    return {"order": 30, "url": reverse("learning:personal"), "label": _("My learning")}


@hooks.register("gongxue_nav_items")
def notes_nav(request):
    if _learning_roles(request)["person"] is None:
        return None
    return {"order": 31, "url": reverse("learning:notes"), "label": _("Study notes")}


@hooks.register("gongxue_nav_items")
def inspection_nav(request):
    roles = _learning_roles(request)
    if roles["inspector"]:
        return {"order": 32, "url": reverse("learning:inspection"), "label": _("Notes inspection")}
    if roles["leadership"]:
        return {
            "order": 32,
            "url": reverse("learning:inspection_status"),
            "label": _("Notes inspection"),
        }
    return None


@hooks.register("gongxue_home_panels")
def due_panel(request):
    from .due import due_items
    from .four_ones import local_today
    from .inspectors import person_of
    from .models import InspectionNotice, Plan
    from .progress import progress_for

    person = person_of(request.user)
    if person is None:
        return None
    today = local_today()
    progress = progress_for(person, today.year, today)
    plan = (
        Plan.objects.filter(person=person, year=today.year)
        .prefetch_related("goals", "activities")
        .first()
    )
    return {
        "order": 5,
        "title": _("Your due items"),
        "template": "learning/panels/due.html",
        "items": due_items(progress, plan, today)[:6],
        "progress": progress,
        "notice": InspectionNotice.objects.published().first(),
    }


@hooks.register("gongxue_archive_entries")
def learning_archive_entries(person, years, viewer):
    from .archive_entries import learning_entries

    return learning_entries(person, years, viewer)


@hooks.register("gongxue_demo_content")
def demo_learning(stdout, password):
    from .demo import load_learning

    return load_learning(stdout, password)


demo_learning.demo_order = 50
