"""Which files a post may carry: allowed types (by extension and by content) and a size limit."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The first bytes each allowed type must start with, so that a renamed program is refused.
# Office files are zip (docx, xlsx, pptx, odt) or the old OLE2 compound format (doc, xls, ppt).
ZIP = (b"PK\x03\x04",)
OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
}


def allowed_extensions() -> list[str]:
    return [ext.lower().lstrip(".") for ext in settings.GONGXUE_GROUP_ATTACHMENT_EXTENSIONS]


def check_upload(upload) -> None:
    """Raise ValidationError with a clear message when a file may not be attached."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            _("“%(name)s” cannot be attached: only these types are allowed: %(types)s.")
            % {"name": name, "types": ", ".join(allowed)}
        )
    limit = settings.GONGXUE_GROUP_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name})
    head = upload.read(16)
    upload.seek(0)
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _("“%(name)s” is not really a %(type)s file.")
                % {"name": name, "type": extension.upper()}
            )
    elif extension == "txt":
        chunk = upload.read(64 * 1024)
        upload.seek(0)
        if b"\x00" in chunk:
            raise ValidationError(
                _("“%(name)s” is not really a %(type)s file.")
                % {"name": name, "type": extension.upper()}
            )
