from .header import header_for


def navigation(request):
    """`gongxue_header`: the person's name, the menu's entries beyond the library and whether to
    offer the admin (see home.header); None for someone not signed in."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"gongxue_header": None}
    return {"gongxue_header": header_for(request)}
