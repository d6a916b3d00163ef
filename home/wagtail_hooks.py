from django.core.exceptions import PermissionDenied

from wagtail import hooks

from .document_access import may_download


@hooks.register("before_serve_document")
def guard_document(document, request):
    if not may_download(document, request.user):
        raise PermissionDenied
