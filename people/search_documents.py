"""What people add to search: a person's department is one of the principals they hold."""

from search.sources import register_principals


@register_principals
def department_principals(user):
    person = getattr(user, "person", None)
    if person is not None and person.department_id:
        yield f"department:{person.department_id}"
