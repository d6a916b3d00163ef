"""Study notes in the search index (see /work/SEARCH_INTERFACE.md; search/ autodiscovers this
module at startup, nothing in learning imports it).

Only a note shared with everyone is ever a document, visible to all staff. A private or
department note returns None, so it is never indexed, and a note whose author narrows it from
"everyone" is taken out of the index by the same update.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from search.indexing import enqueue
from search.sources import STAFF, Dependency, SearchDocument, SearchSource, register

from .character_count import text_from_html
from .models import Note, NoteTag, Visibility


@register
class NoteSource(SearchSource):
    name = "note"
    model = Note
    kind_labels = {"note": _("study note")}
    depends_on = (
        Dependency("people.Person", fields=("display_name", "department"), via="author"),
        Dependency("people.Department", fields=("name",), via="author__department"),
        Dependency("taggit.Tag", fields=("name",), via="tags"),
    )

    def get_queryset(self):
        return (
            Note.objects.filter(visibility=Visibility.EVERYONE)
            .select_related("author__department")
            .prefetch_related("tags")
        )

    def to_document(self, obj) -> SearchDocument | None:
        if obj.visibility != Visibility.EVERYONE:
            return None
        author = obj.author
        source = f"{obj.get_source_kind_display()}：{obj.source}" if obj.source else ""
        return SearchDocument(
            title=obj.title,
            body="\n".join(part for part in (source, text_from_html(obj.body)) if part),
            kind="note",
            url=obj.get_absolute_url(),
            date=obj.date,
            tags=[tag.name for tag in obj.tags.all()],
            people=[author.display_name],
            department=author.department.name if author.department else "",
            study_group="",
            access=[STAFF],
        )


def _reindex_note_of_tag(sender, instance, **kwargs):
    # A note's tags are saved after the note itself (the form's save_m2m), so its document is
    # refreshed again when a tag is added or removed.
    note = Note.objects.filter(pk=instance.content_object_id).first()
    if note is not None:
        enqueue(note)


post_save.connect(_reindex_note_of_tag, sender=NoteTag, dispatch_uid="learning.note_tag_saved")
post_delete.connect(_reindex_note_of_tag, sender=NoteTag, dispatch_uid="learning.note_tag_deleted")
