import pytest

from people import roles
from tests.people.factories import DepartmentFactory, PersonFactory, person_with_roles

from .factories import AttendanceEventFactory


@pytest.fixture
def organiser(db):
    return person_with_roles("organiser", position="cadre")


@pytest.fixture
def supervisor(db):
    """A member of the learning leadership group."""
    return person_with_roles("supervisor", roles.LEARNING_LEADERSHIP_GROUP)


@pytest.fixture
def planning(db):
    return DepartmentFactory(name="综合规划科")


@pytest.fixture
def policy(db):
    return DepartmentFactory(name="政策研究室")


@pytest.fixture
def event(organiser, cadre):
    """A study session with the cadre and two colleagues on its roster."""
    return AttendanceEventFactory(
        organisers=[organiser], roster=[cadre, PersonFactory(), PersonFactory()]
    )


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser.user)
    return client


@pytest.fixture
def supervisor_client(client, supervisor):
    client.force_login(supervisor.user)
    return client
