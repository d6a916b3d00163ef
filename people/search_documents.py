"""What people add to search: a person's department is one of the principals they hold, and the
moment their roles last changed says when principals kept in their session are out of date."""

from search.sources import register_principals, register_principals_changed


@register_principals
def department_principals(user):
    person = getattr(user, "person", None)
    if person is not None and person.department_id:
        yield f"department:{person.department_id}"


@register_principals_changed
def roles_changed_at(user):
    # Marked by home.header.changed_for on every change to a person's groups, study groups,
    # department or name; read from the person that comes with the signed-in user.
    return getattr(getattr(user, "person", None), "header_changed_at", None)
