"""Changes that touch what search shows are recorded in the outbox, in the same transaction.

- post_save / post_delete of every model a source indexes (and of its subclasses);
- for pages: publish, unpublish, move, a new slug (the URL and the inherited view restrictions
  change for the whole subtree) and view restrictions added, changed or removed on the page or
  any ancestor; the subtree includes documents that reach one of its pages by a declared lookup
  (a thread of a group page);
- renames: a save of a model that sources declare in `depends_on` that changes a field the
  documents show (a department's name, a person's display name, a tag), and its deletion.
"""

from django.apps import apps
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import indexing
from .sources import dependencies_on, source_for_model, sources

# Where pre_save leaves what the documents showed of an instance, for post_save to compare.
SHOWN_BEFORE = "_search_shown_before"


def record_change(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # fixtures load raw rows; `search_index --rebuild` covers them
    indexing.enqueue(instance)


def record_page_subtree(page) -> int:
    """Record every indexed page in `page`'s subtree (the page included), and every document
    that reaches a page of the subtree through a declared lookup (a group page's threads)."""
    count = 0
    for source in sources():
        if source.model is not None and issubclass(source.model, Page):
            pks = source.model.objects.descendant_of(page, inclusive=True).values_list(
                "pk", flat=True
            )
            count += indexing.enqueue_keys(source, list(pks))
        for dependency in source.depends_on:
            related = apps.get_model(dependency.model)
            if callable(dependency.via) or not issubclass(related, Page):
                continue
            pages = related.objects.descendant_of(page, inclusive=True).values("pk")
            count += indexing.enqueue_keys(source, source.dependents_of(dependency, pages))
    return count


def record_published(sender, instance, **kwargs):
    indexing.enqueue(instance)


def record_unpublished(sender, instance, **kwargs):
    record_page_subtree(instance)


def record_moved(sender, instance, **kwargs):
    record_page_subtree(instance)


def record_slug_changed(sender, instance, **kwargs):
    # Wagtail sends this after commit; the page itself was recorded when it was published.
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


def shown_fields(model) -> dict:
    """The fields of `model` that some source's documents show: {attname: field}."""
    shown = {}
    for _source, dependency in dependencies_on(model._meta.label):
        for name in dependency.fields:
            field = model._meta.get_field(name)
            shown[field.attname] = field
    return shown


def remember_shown(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save, read what documents show of the instance, to tell a rename from any
    other save (changing a department's head re-indexes nothing)."""
    instance.__dict__.pop(SHOWN_BEFORE, None)
    if raw or instance._state.adding or instance.pk is None:
        return  # a new row: no document shows it yet
    shown = shown_fields(sender)
    if update_fields is not None:
        shown = {a: f for a, f in shown.items() if {f.name, a} & set(update_fields)}
    if shown:
        before = sender._base_manager.filter(pk=instance.pk).values(*shown).first()
        instance.__dict__[SHOWN_BEFORE] = before or {}


def record_dependents(sender, instance, created=False, raw=False, **kwargs):
    """After a save, record the documents that show a field this save changed."""
    before = instance.__dict__.pop(SHOWN_BEFORE, None)
    if raw or created or not before:
        return
    changed = {attname for attname, value in before.items() if getattr(instance, attname) != value}
    if not changed:
        return
    for source, dependency in dependencies_on(sender._meta.label):
        attnames = {sender._meta.get_field(name).attname for name in dependency.fields}
        if changed & attnames:
            indexing.enqueue_keys(source, source.dependents(dependency, instance))


def record_dependents_of_deleted(sender, instance, **kwargs):
    """Before a deletion (relations still in place, not yet set to NULL or cascaded), record the
    documents that show the instance: they must lose its name."""
    for source, dependency in dependencies_on(sender._meta.label):
        indexing.enqueue_keys(source, source.dependents(dependency, instance))


def depended_on_models() -> list:
    """Every installed model whose fields some source's documents show."""
    labels = {dependency.model.lower() for source in sources() for dependency in source.depends_on}
    return [model for model in apps.get_models() if model._meta.label_lower in labels]


def indexed_models() -> list:
    """Every installed model that a source indexes, subclasses included."""
    return [model for model in apps.get_models() if source_for_model(model) is not None]


def grant_report_permission(sender, **kwargs):
    # Permissions of every app exist only after the last app's post_migrate (as in people).
    if sender is [c for c in apps.get_app_configs() if c.models_module][-1]:
        from people import roles

        # Editors fill the gaps the report shows; the leadership group follows what people learn.
        for group in (roles.EDITORS, roles.LEARNING_LEADERSHIP_GROUP):
            roles.grant(group, [("gongxue_search", "view_missedsearch")])
        # Editors keep the synonyms, which search uses at once.
        roles.grant(
            roles.EDITORS,
            [
                ("gongxue_search", f"{action}_synonymgroup")
                for action in ("add", "change", "delete", "view")
            ],
        )


def synonyms_changed(sender, **kwargs):
    from . import synonyms

    synonyms.forget()


def register():
    post_migrate.connect(grant_report_permission, dispatch_uid="search.grant_report_permission")
    from .models import SynonymGroup

    post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search.synonyms_saved")
    post_delete.connect(
        synonyms_changed, sender=SynonymGroup, dispatch_uid="search.synonyms_deleted"
    )
    for model in indexed_models():
        uid = f"search.{model._meta.label_lower}"
        post_save.connect(record_change, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(record_change, sender=model, dispatch_uid=f"{uid}.delete")
    for model in depended_on_models():
        uid = f"search.depends.{model._meta.label_lower}"
        pre_save.connect(remember_shown, sender=model, dispatch_uid=f"{uid}.pre_save")
        post_save.connect(record_dependents, sender=model, dispatch_uid=f"{uid}.save")
        pre_delete.connect(record_dependents_of_deleted, sender=model, dispatch_uid=f"{uid}.delete")
    page_published.connect(record_published, dispatch_uid="search.page_published")
    page_unpublished.connect(record_unpublished, dispatch_uid="search.page_unpublished")
    post_page_move.connect(record_moved, dispatch_uid="search.page_moved")
    page_slug_changed.connect(record_slug_changed, dispatch_uid="search.page_slug_changed")
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
