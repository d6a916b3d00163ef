from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Status


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Session code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "000000"}
        ),
    )


class LeaveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MarkForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Result"), choices=Status.choices)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class DecideForm(forms.Form):
    leave = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Do not approve"))]
    )
    note = forms.CharField(label=_("Remark"), max_length=255, required=False)
