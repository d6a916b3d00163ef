from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from taggit.utils import parse_tags

from .attachments import allowed_extensions, check_upload
from .cleaning import clean_post_html, is_blank
from .models import StudySession


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, each checked against the attachment rules."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        # Empty files are refused by check_upload, with the file's name in the message.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        limit = settings.GONGXUE_GROUP_ATTACHMENTS_PER_POST
        if len(files) > limit:
            raise ValidationError(
                _("A post may carry at most %(limit)s attachments.") % {"limit": limit}
            )
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


def attachments_help() -> str:
    from django.template.defaultfilters import filesizeformat

    return _("Allowed: %(types)s; at most %(size)s each.") % {
        "types": ", ".join(allowed_extensions()),
        "size": filesizeformat(settings.GONGXUE_GROUP_ATTACHMENT_MAX_BYTES),
    }


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your post"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Write @ and a member's name to tell them. Line breaks are kept and web addresses become links."
        ),
    )
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    attachments = AttachmentsField(label=_("Attachments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help()

    def clean_body(self):
        body = self.cleaned_data["body"]
        if is_blank(clean_post_html(body)):
            raise ValidationError(_("Write something before posting."))
        return body


def _tags_from(text: str) -> list[str]:
    # Chinese users separate with full-width commas and the enumeration comma too.
    text = text.replace("，", ",").replace("、", ",")
    if text and "," not in text:
        text += ","
    tags = [tag.strip()[:100] for tag in parse_tags(text) if tag.strip()]
    if len(tags) > 10:
        raise ValidationError(_("At most 10 tags."))
    return tags


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    session = forms.ModelChoiceField(
        label=_("About the session"),
        queryset=StudySession.objects.none(),
        required=False,
        empty_label=_("(no particular session)"),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas"),
    )

    field_order = ["title", "session", "body", "tags", "attachments"]

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = StudySession.objects.filter(group=group).order_by(
            "-starts_at"
        )
        self.fields["body"].label = _("What would you like to discuss?")

    def clean_tags(self):
        return _tags_from(self.cleaned_data.get("tags", ""))


class EditPostForm(forms.Form):
    body = PostForm.base_fields["body"]

    def clean_body(self):
        return PostForm.clean_body(self)


class HidePostForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this post hidden?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The author and the leader see the reason; it is kept with the post."),
    )


class SessionForm(forms.ModelForm):
    articles = forms.ModelMultipleChoiceField(
        label=_("Knowledge articles to read"), queryset=None, required=False
    )
    links = forms.CharField(
        label=_("Outside links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One a line: a title, a vertical bar, the address. Example: 学习材料 | https://…"
        ),
    )

    class Meta:
        model = StudySession
        fields = ["topic", "description", "starts_at", "duration_hours", "place", "facilitator"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, group, user, **kwargs):
        from knowledge.models import ArticlePage

        from .membership import members_of

        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["facilitator"].queryset = members_of(group)
        self.fields["articles"].queryset = (
            ArticlePage.objects.visible_to(user).order_by("-date").only("pk", "title")
        )
        if self.instance.pk:
            self.fields["articles"].initial = [
                block.value.pk
                for block in self.instance.readings
                if block.block_type == "article" and block.value
            ]
            self.fields["links"].initial = "\n".join(
                f"{block.value['title']} | {block.value['url']}"
                for block in self.instance.readings
                if block.block_type == "link"
            )

    def clean_links(self):
        links = []
        validate = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(self.cleaned_data.get("links", "").splitlines(), start=1):
            if not line.strip():
                continue
            title, bar, url = line.partition("|")
            if not bar:
                title, url = line.strip(), line.strip()
            title, url = title.strip()[:200], url.strip()
            try:
                validate(url)
            except ValidationError as error:
                raise ValidationError(
                    _("Line %(number)s: “%(url)s” is not a web address.")
                    % {"number": number, "url": url[:100]}
                ) from error
            links.append({"title": title or url, "url": url})
        return links

    def save(self, commit=True):
        session = super().save(commit=False)
        session.group = self.group
        kept = [
            (block.block_type, block.value)
            for block in session.readings
            if block.block_type == "page"
        ]
        readings = [("article", page) for page in self.cleaned_data["articles"]]
        readings += kept
        readings += [("link", link) for link in self.cleaned_data["links"]]
        session.readings = readings
        if commit:
            session.save()
        return session
