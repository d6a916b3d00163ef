"""Changes that touch what search shows are recorded in the outbox, in the same transaction.

- post_save / post_delete of every model a source indexes (and of its subclasses);
- for pages: publish, unpublish, move (the URL and the inherited view restrictions change for the
  whole subtree) and view restrictions added, changed or removed on the page or any ancestor.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexing
from .sources import source_for_model, sources


def record_change(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # fixtures load raw rows; `search_index --rebuild` covers them
    indexing.enqueue(instance)


def record_page_subtree(page) -> int:
    """Record every indexed page in `page`'s subtree (the page included)."""
    count = 0
    for source in sources():
        if source.model is not None and issubclass(source.model, Page):
            pks = source.model.objects.descendant_of(page, inclusive=True).values_list(
                "pk", flat=True
            )
            count += indexing.enqueue_keys(source, list(pks))
    return count


def record_published(sender, instance, **kwargs):
    indexing.enqueue(instance)


def record_unpublished(sender, instance, **kwargs):
    record_page_subtree(instance)


def record_moved(sender, instance, **kwargs):
    record_page_subtree(instance)


def record_restriction(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        record_page_subtree(page)


def record_restriction_groups(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, PageViewRestriction
    ):
        record_restriction(sender, instance)


def indexed_models() -> list:
    """Every installed model that a source indexes, subclasses included."""
    return [model for model in apps.get_models() if source_for_model(model) is not None]


def register():
    for model in indexed_models():
        uid = f"search.{model._meta.label_lower}"
        post_save.connect(record_change, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(record_change, sender=model, dispatch_uid=f"{uid}.delete")
    page_published.connect(record_published, dispatch_uid="search.page_published")
    page_unpublished.connect(record_unpublished, dispatch_uid="search.page_unpublished")
    post_page_move.connect(record_moved, dispatch_uid="search.page_moved")
    post_save.connect(
        record_restriction, sender=PageViewRestriction, dispatch_uid="search.restriction_saved"
    )
    post_delete.connect(
        record_restriction, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted"
    )
    m2m_changed.connect(
        record_restriction_groups,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search.restriction_groups",
    )
