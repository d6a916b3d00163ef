"""Who may see which pages, written once for every listing, feed and search filter.

Wagtail's view restrictions (groups, login, password) live on a page and apply to its subtree.
Listings cannot ask for a password, so password-restricted pages are left out of them; the page
itself still asks for its password when opened.
"""

from wagtail.models import PageViewRestriction


def denied_paths(user) -> list[str]:
    """Tree paths of the restricted subtrees that `user` may not see (empty for superusers)."""
    if getattr(user, "is_superuser", False):
        return []
    group_ids = set(user.groups.values_list("id", flat=True)) if user.is_authenticated else set()
    denied = []
    for restriction in PageViewRestriction.objects.prefetch_related("groups").select_related(
        "page"
    ):
        kind = restriction.restriction_type
        if kind == PageViewRestriction.LOGIN and user.is_authenticated:
            continue
        if kind == PageViewRestriction.GROUPS and group_ids & {
            g.id for g in restriction.groups.all()
        }:
            continue
        denied.append(restriction.page.path)
    return denied


def restrict_pages(queryset, user):
    """Live pages of `queryset` that `user` may see."""
    queryset = queryset.live()
    for path in denied_paths(user):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def can_view_page(page, user) -> bool:
    """Whether `user` may see this page in a listing or through one of its attachments."""
    if not page.live:
        return False
    return not any(page.path.startswith(path) for path in denied_paths(user))
