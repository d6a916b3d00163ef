import os
import secrets

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail import hooks

from home.site_structure import ensure_site_structure


class Command(BaseCommand):
    help = "Load Gongxue's demo content: departments, people in every role, articles and more. Idempotent."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_USER_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(9)
        ensure_site_structure()
        # Each app loads its own demo content; people come first because everything names them.
        loaders = sorted(
            hooks.get_hooks("gongxue_demo_content"), key=lambda fn: getattr(fn, "demo_order", 100)
        )
        created_people = False
        with transaction.atomic():
            for loader in loaders:
                result = loader(self.stdout, password=password) or {}
                created_people = created_people or result.get("created_people", False)
        if generated and created_people:
            self.stdout.write(
                self.style.WARNING(
                    _("Demo users' password (DEMO_USER_PASSWORD was not set): %(password)s")
                    % {"password": password}
                )
            )
        elif generated:
            self.stdout.write(_("Demo users already existed; their password is unchanged."))
        self.stdout.write(self.style.SUCCESS(_("Demo content is loaded.")))
