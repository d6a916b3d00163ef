"""An attachment is as private as the pages that use it.

Wagtail's collection privacy already guards a document's own collection. On top of that, a
document used by pages is served only to a person who may see at least one live page using it.
A document used by no page is the shared library's and open to every signed-in member of staff.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from .privacy import denied_paths


def pages_using(document):
    """The pages that use this document, through an attachment, a StreamField block or a link."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids])


def may_download(document, user) -> bool:
    """Whether `user` may download `document` (see the module docstring)."""
    if user.is_superuser:
        return True
    # Apps with documents that are not on pages (thread attachments, say) have their own rule.
    for rule in hooks.get_hooks("gongxue_document_access"):
        verdict = rule(document, user)
        if verdict is not None:
            return verdict
    pages = list(pages_using(document).only("path", "live"))
    if not pages:
        return True
    if any(page.permissions_for_user(user).can_edit() for page in pages):
        return True
    denied = denied_paths(user)
    return any(
        page.live and not any(page.path.startswith(path) for path in denied) for page in pages
    )
