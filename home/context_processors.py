from wagtail import hooks


def navigation(request):
    """The main menu's entries beyond the library, contributed by each app through a hook."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"gongxue_nav": []}
    items = []
    for entry in hooks.get_hooks("gongxue_nav_items"):
        item = entry(request)
        if item:
            items.append(item)
    return {"gongxue_nav": sorted(items, key=lambda i: i.get("order", 100))}
