from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Position(models.TextChoices):
    LEADING_CADRE = "leading_cadre", _("leading cadre")
    DEPARTMENT_HEAD = "department_head", _("department head")
    CADRE = "cadre", _("cadre")


class DepartmentQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("head", "leader_in_charge").prefetch_related("members")


class Department(models.Model):
    """A department (科室) of the office, with its head and the leading cadre in charge of it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    head = models.ForeignKey(
        "people.Person",
        verbose_name=_("department head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_departments",
    )
    leader_in_charge = models.ForeignKey(
        "people.Person",
        verbose_name=_("leader in charge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="overseen_departments",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True)

    def in_department(self, department):
        return self.filter(department=department)


class Person(models.Model):
    """A member of staff: the profile that the platform keeps beside the Django user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="person",
        verbose_name=_("user"),
    )
    display_name = models.CharField(_("display name"), max_length=100)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    position = models.CharField(
        _("position"), max_length=20, choices=Position.choices, default=Position.CADRE
    )
    # When something the page header shows this person, or what search lets them see, last changed
    # (a notification, a role, their name, a group or study group joined or left): the header and
    # the search principals are kept for a minute in the session (home.header, search.sources), and
    # this, read with the user, cuts that short (see home.signal_handlers).
    header_changed_at = models.DateTimeField(
        _("header last changed"), null=True, blank=True, editable=False
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.display_name

    @property
    def username(self) -> str:
        return self.user.get_username()

    def has_role(self, role: str) -> bool:
        """Whether the person's user belongs to the Wagtail group of this role (see people.roles)."""
        return self.user.groups.filter(name=role).exists()
