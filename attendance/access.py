"""Who may do what with attendance, written once for views, exports and the rules themselves."""

from dataclasses import dataclass

from people.models import Department, Person
from people.roles import LEARNING_LEADERSHIP_GROUP


def person_of(user) -> Person | None:
    """The staff profile of a signed-in user, or None (the superuser `admin` may have none)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.person
    except Person.DoesNotExist:
        return None


def _in_group(user, name: str) -> bool:
    if not hasattr(user, "_gongxue_groups"):
        user._gongxue_groups = set(user.groups.values_list("name", flat=True))
    return name in user._gongxue_groups


def supervises_all(user) -> bool:
    """The learning leadership group (and superusers) supervise attendance across the office."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or _in_group(user, LEARNING_LEADERSHIP_GROUP)


def may_organise(event, user) -> bool:
    """Whether `user` may mark attendance, decide leave and close `event`."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.has_perm("attendance.change_attendancerecord"):
        return True
    person = person_of(user)
    return person is not None and event.organisers.filter(pk=person.pk).exists()


def may_view_event(event, user) -> bool:
    """Whether `user` may open the event's check-in page: its roster, organisers and supervisors."""
    if supervises_all(user) or may_organise(event, user):
        return True
    person = person_of(user)
    return person is not None and event.records.filter(person=person).exists()


@dataclass(frozen=True)
class ReportScope:
    """The departments whose attendance a person may read; `everything` for supervisors."""

    everything: bool
    department_ids: frozenset[int]

    @property
    def allowed(self) -> bool:
        return self.everything or bool(self.department_ids)

    def departments(self):
        if self.everything:
            return Department.objects.all()
        return Department.objects.filter(pk__in=self.department_ids)

    def covers(self, department_id: int | None) -> bool:
        return self.everything or (
            department_id is not None and department_id in self.department_ids
        )


def report_scope(user) -> ReportScope:
    """Supervisors read every department; a department head their own; a leader in charge theirs."""
    if supervises_all(user):
        return ReportScope(True, frozenset())
    person = person_of(user)
    if person is None:
        return ReportScope(False, frozenset())
    ids = set(Department.objects.filter(head=person).values_list("pk", flat=True)) | set(
        Department.objects.filter(leader_in_charge=person).values_list("pk", flat=True)
    )
    return ReportScope(False, frozenset(ids))


def may_see_person(user, person: Person) -> bool:
    """A person's own attendance, or someone's in a department the user may report on."""
    own = person_of(user)
    if own is not None and own.pk == person.pk:
        return True
    return report_scope(user).covers(person.department_id)
