"""The pages every Gongxue site has, made after each migrate so a fresh database serves a real site."""

from django.conf import settings

from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site


def ensure_site_structure() -> None:
    """Make the home page the site's root and give each app its index page (idempotent)."""
    from .models import HomePage

    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations make the root page and the default locale, but a flush (as at the
        # end of each transactional test) empties them; make them again so the site always serves.
        locale, _created = Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.first()
    if home is None:
        # Replace Wagtail's placeholder "Welcome" page, keeping its place and slug.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page:
                placeholder.delete()
        home = root.add_child(instance=HomePage(title="共学", slug="home"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="共学 Gongxue",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Each app adds its index page (/knowledge/, /lectures/, /groups/ ...) through this hook.
    for ensure_index in hooks.get_hooks("gongxue_site_structure"):
        ensure_index(home)


def ensure_child(parent, model, slug: str, title: str):
    """The child page of `parent` of this type, made with this slug and title if missing."""
    existing = model.objects.child_of(parent).first()
    if existing:
        return existing
    return parent.add_child(instance=model(title=title, slug=slug))
