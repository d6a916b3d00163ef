from .header import header_for


def navigation(request):
    """The header's menu entries beyond the library, the person's name and the admin link."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"gongxue_nav": [], "gongxue_header": None}
    header = header_for(request)
    return {"gongxue_nav": header["nav"], "gongxue_header": header}
