"""The StreamField blocks every content page shares."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"
        description = _("A section heading")
        preview_value = {"text": "学习贯彻新思想"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "home/blocks/quote.html"
        description = _("A quotation with its source")
        preview_value = {"text": "学而不思则罔，思而不学则殆。", "attribution": "《论语》"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"
        description = _("An image with an optional caption")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "home/blocks/document.html"
        description = _("A link to a document in the library; it is as private as this page")


class IntranetVideoBlock(blocks.StructBlock):
    """A video on the office's own video server. The site runs on an intranet and never calls out."""

    url = blocks.URLBlock(
        label=_("video address"), help_text=_("An address on the office's video server")
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        host = (urlsplit(value["url"]).hostname or "").lower()
        if host not in settings.GONGXUE_VIDEO_HOSTS:
            raise StructBlockValidationError(
                block_errors={
                    "url": forms.ValidationError(
                        _("Videos must come from the office's own video server (%(hosts)s).")
                        % {"hosts": ", ".join(settings.GONGXUE_VIDEO_HOSTS)}
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"
        description = _("A recording on the office's own video server")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4", "blockquote"],
        template="home/blocks/paragraph.html",
        preview_value="<p>团队学习大于个人学习之和。</p>",
        description=_("Rich text"),
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    video = IntranetVideoBlock()
