import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from people.models import Person, Position


class Command(BaseCommand):
    help = "Create the superuser 'admin' if missing; the password comes from DEMO_ADMIN_PASSWORD or is generated."

    def handle(self, *args, **options):
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is not None:
            self.stdout.write(_("The user admin already exists; nothing changed."))
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser("admin", "admin@localhost", password)
        Person.objects.get_or_create(
            user=user, defaults={"display_name": _("Administrator"), "position": Position.CADRE}
        )
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write(
                self.style.SUCCESS(
                    _("Created the user admin with the password from DEMO_ADMIN_PASSWORD.")
                )
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    _("Created the user admin; its password is: %(password)s")
                    % {"password": password}
                )
            )
