import pytest

from people import roles
from tests.people.factories import DepartmentFactory, PersonFactory, person_with_roles


@pytest.fixture
def planner(db):
    """A member of the learning leadership group, who plans the monthly lectures."""
    return person_with_roles("planner", roles.LEARNING_LEADERSHIP_GROUP)


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner.user)
    return client


@pytest.fixture
def office(db):
    """Three departments of four cadres each, named by department and number."""
    people = {}
    for name in ("办公室", "政策研究室", "综合规划科"):
        department = DepartmentFactory(name=name)
        for n in range(1, 5):
            people[f"{name}{n}"] = PersonFactory(display_name=f"{name}{n}", department=department)
    return people


@pytest.fixture
def planning_newcomer(office):
    """A cadre who joined 综合规划科 this year and has never given a monthly lecture."""
    from people.models import Department

    return PersonFactory(
        display_name="新同事", department=Department.objects.get(name="综合规划科")
    )
