import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from taggit.forms import TagField, TagWidget

from knowledge.models import ArticlePage

from .character_count import count_characters
from .four_ones import local_today
from .models import (
    FourOnesRecord,
    Goal,
    InspectionNotice,
    Mark,
    Note,
    Plan,
    RecordKind,
    SelfStudyWeek,
    WeeklyActivity,
)
from .rich_text import sanitize_html

CHARACTER_RULE = _(
    "How characters are counted: each Chinese character is one; each run of Latin letters or "
    "digits (a word such as “Wagtail”, a number such as “2025”) is one; markup, spaces and "
    "punctuation count zero."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def not_in_future(day: datetime.date | None) -> datetime.date | None:
    if day and day > local_today():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return day


class ChineseTagField(TagField):
    """Tags separated by commas, including the Chinese comma and enumeration comma."""

    def clean(self, value):
        if isinstance(value, str):
            value = value.replace("，", ",").replace("、", ",").replace("；", ",")
        return super().clean(value)


class NoteForm(forms.ModelForm):
    tags = ChineseTagField(
        label=_("Tags"),
        required=False,
        widget=TagWidget(attrs={"placeholder": _("for example: 团队学习, 乡村振兴")}),
        help_text=_("Separate tags with commas."),
    )

    class Meta:
        model = Note
        fields = ["title", "date", "source_kind", "source", "body", "tags", "visibility"]
        widgets = {
            "date": DateInput(),
            "body": forms.Textarea(attrs={"rows": 14, "data-note-editor": ""}),
            "visibility": forms.RadioSelect(),
        }
        help_texts = {"body": CHARACTER_RULE}

    def clean_date(self):
        return not_in_future(self.cleaned_data.get("date"))

    def clean_body(self):
        body = sanitize_html(self.cleaned_data.get("body", ""))
        if count_characters(body) == 0:
            raise forms.ValidationError(_("Write something in the note."))
        return body


class PlanSummaryForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["kind", "title", "target_date"]
        widgets = {"target_date": DateInput()}


class TickForm(forms.Form):
    """Ticking off a goal, a month or a week's activity, with a short record of what was done."""

    done = forms.BooleanField(label=_("Done"), required=False)
    done_on = forms.DateField(label=_("Done on"), required=False, widget=DateInput())
    record = forms.CharField(label=_("What was done"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("done") and not data.get("done_on"):
            data["done_on"] = local_today()
        if data.get("done_on"):
            not_in_future(data["done_on"])
        return data


class ActivityForm(forms.ModelForm):
    class Meta:
        model = WeeklyActivity
        fields = ["week_start", "title"]
        widgets = {"week_start": DateInput()}
        labels = {"week_start": _("Week (any day of it)")}
        help_texts = {"week_start": ""}


class MonthsForm(forms.Form):
    """The twelve months' arrangement in one form."""

    def __init__(self, *args, initial_months: dict[int, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_months = initial_months or {}
        for month in range(1, 13):
            self.fields[f"month_{month}"] = forms.CharField(
                label=_("Month %(month)s") % {"month": month},
                required=False,
                max_length=2000,
                initial=initial_months.get(month, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def months(self) -> dict[int, str]:
        return {m: self.cleaned_data.get(f"month_{m}", "").strip() for m in range(1, 13)}


class RecordForm(forms.ModelForm):
    url = FourOnesRecord._meta.get_field("url").formfield(assume_scheme="https")

    class Meta:
        model = FourOnesRecord
        fields = [
            "kind",
            "title",
            "date",
            "article",
            "url",
            "description",
            "political_theory",
            "newspaper_level",
        ]
        widgets = {"date": DateInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = (
            ArticlePage.objects.visible_to(user).order_by("-date", "title")
            if user is not None
            else ArticlePage.objects.none()
        )
        self.fields["article"].help_text = _(
            "A theoretical article counts once it is published in the knowledge library with "
            "you among its authors."
        )

    def clean_date(self):
        return not_in_future(self.cleaned_data.get("date"))

    def clean(self):
        data = super().clean()
        if data.get("kind") == RecordKind.NEWSPAPER and not data.get("newspaper_level"):
            self.add_error("newspaper_level", _("Say at what level the newspaper is published."))
        if data.get("kind") != RecordKind.BOOK:
            data["political_theory"] = False
        if data.get("kind") != RecordKind.NEWSPAPER:
            data["newspaper_level"] = ""
        return data


class SelfStudyForm(forms.ModelForm):
    class Meta:
        model = SelfStudyWeek
        fields = ["week_start", "days", "content"]
        widgets = {
            "week_start": DateInput(),
            "days": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "7"}),
        }
        labels = {"week_start": _("Week (any day of it)")}
        help_texts = {"week_start": ""}

    def clean_week_start(self):
        return not_in_future(self.cleaned_data.get("week_start"))

    def clean_days(self):
        days = self.cleaned_data.get("days")
        if days is not None and (days * 2) % 1:
            raise forms.ValidationError(_("Use whole or half days."))
        return days

    def validate_unique(self):
        # One log a week: saving a week again updates it (see the view), so skip the check here.
        pass


class InspectionForm(forms.Form):
    mark = forms.ChoiceField(label=_("Mark"), choices=Mark.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The person sees this comment with the mark; nobody else in the department does."
        ),
    )


class NoticeForm(forms.ModelForm):
    class Meta:
        model = InspectionNotice
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18, "data-note-editor": ""})}

    def clean_body(self):
        return sanitize_html(self.cleaned_data.get("body", ""))
