from django import template

register = template.Library()


@register.simple_tag
def lecture_query(filters, key, value=""):
    """The query string of the current lecture filters with `key` set to `value` (empty removes
    it); changing a filter goes back to the first page."""
    overrides = {key: value}
    if key != "page":
        overrides["page"] = ""
    return filters.as_query(**overrides)
