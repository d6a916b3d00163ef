"""Who inspects whose notes, in two tiers.

- A department head inspects the cadres of their department (every member who heads no department).
- A department's leader in charge (分管领导) inspects the head of that department.
- A department without a head: its leader in charge inspects its cadres directly, so nobody is left
  uninspected while a head's post is empty.

Leading cadres who head no department and belong to none are inspected by nobody. The same rules
are written twice, once as SQL (`inspected_by`, used by `Note.objects.visible_to`) and once in
memory for listings (`Organisation`), and tests hold the two to the same answers.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef, Q

from people.models import Department, Person


def person_of(user) -> Person | None:
    """The signed-in user's staff profile, or None (for example a bare superuser)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.person
    except ObjectDoesNotExist:
        return None


def inspected_by(person: Person):
    """The people whose notes `person` inspects, as a queryset (usable as a subquery)."""
    heads = Department.objects.filter(head__isnull=False).values("head")
    return Person.objects.filter(
        (Q(department__head=person) & ~Q(pk__in=heads))
        | (Q(department__head__isnull=True, department__leader_in_charge=person) & ~Q(pk__in=heads))
        | Q(pk__in=Department.objects.filter(leader_in_charge=person).values("head"))
    ).exclude(pk=person.pk)


def inspects_anyone():
    """An SQL expression, on Person rows: whether the person heads or oversees a department."""
    return Exists(
        Department.objects.filter(Q(head=OuterRef("pk")) | Q(leader_in_charge=OuterRef("pk")))
    )


def is_inspector(person: Person | None) -> bool:
    """Whether `person` heads a department or is a department's leader in charge."""
    if person is None:
        return False
    return Department.objects.filter(Q(head=person) | Q(leader_in_charge=person)).exists()


def may_inspect(inspector: Person | None, person: Person) -> bool:
    if inspector is None:
        return False
    return inspected_by(inspector).filter(pk=person.pk).exists()


class Organisation:
    """The departments, loaded once, answering "who inspects whom" without further queries."""

    def __init__(self, departments=None):
        if departments is None:
            departments = Department.objects.select_related("head", "leader_in_charge")
        self.departments = list(departments)
        self.by_id = {d.pk: d for d in self.departments}
        self.head_ids = {d.head_id for d in self.departments if d.head_id}

    def is_head(self, person: Person) -> bool:
        return person.pk in self.head_ids

    def inspectors_of(self, person: Person) -> list[Person]:
        """Who inspects `person`: their department's head, or for a head the leader(s) in charge."""
        if self.is_head(person):
            leaders = {
                d.leader_in_charge_id: d.leader_in_charge
                for d in self.departments
                if d.head_id == person.pk and d.leader_in_charge_id
            }
            return [p for pk, p in leaders.items() if pk != person.pk]
        department = self.by_id.get(person.department_id)
        if department is None:
            return []
        inspector = department.head or department.leader_in_charge
        if inspector is None or inspector.pk == person.pk:
            return []
        return [inspector]

    def tier(self, person: Person) -> str:
        """ "head" for a department head (inspected by a leader in charge), else "cadre"."""
        return "head" if self.is_head(person) else "cadre"

    def department_of_inspection(self, person: Person) -> Department | None:
        """The department under which `person` is inspected: the one they head, else their own."""
        if self.is_head(person):
            for department in self.departments:
                if department.head_id == person.pk:
                    return department
        return self.by_id.get(person.department_id)
