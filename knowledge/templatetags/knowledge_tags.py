from django import template

register = template.Library()


@register.simple_tag
def filter_query(filters, key, value=""):
    """The query string of the current filters with `key` set to `value` (empty removes it)."""
    return filters.as_query(**{key: value})
