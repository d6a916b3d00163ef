"""Wagtail admin strings that its Simplified Chinese catalogue lacks, marked here so that the
project's catalogue (locale/, which Django reads before Wagtail's) carries their translation.

Never imported: `makemessages` finds them by reading the file.
"""

from django.utils.translation import gettext_noop

MISSING_FROM_WAGTAIL = [
    # An empty snippet listing (search synonyms before the first group).
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
]
