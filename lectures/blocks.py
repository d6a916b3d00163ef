"""The blocks of a lecture's materials: documents from the library and the recording."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import DocumentLinkBlock, IntranetVideoBlock


class RecordingBlock(IntranetVideoBlock):
    """The lecture's recording; like every video, only from the office's own video server."""

    class Meta:
        icon = "media"
        label = _("Recording")
        template = "home/blocks/video.html"
        description = _("The recording on the office's own video server")


class MaterialsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()
    recording = RecordingBlock()

    class Meta:
        label = _("Materials")
