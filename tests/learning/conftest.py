"""An office in miniature for the learning tests: one department with a head, two cadres and a
leader in charge, a second department with its own head and cadre, and the learning leadership
group. Clients are named by role."""

from dataclasses import dataclass

import pytest

from people import roles
from people.models import Department, Person, Position
from tests.people.factories import person_with_roles


@dataclass
class Office:
    planning: Department
    policy: Department
    leader: Person  # leader in charge of both departments (分管领导)
    head: Person  # head of planning
    cadre: Person  # cadre in planning
    colleague: Person  # another cadre in planning
    other_head: Person  # head of policy
    other_cadre: Person  # cadre in policy
    leadership: Person  # learning leadership group member (a cadre of policy)


@pytest.fixture
def office(db) -> Office:
    planning = Department.objects.create(name="综合规划科", sort_order=10)
    policy = Department.objects.create(name="政策研究室", sort_order=20)
    leader = person_with_roles(
        "chenjie", position=Position.LEADING_CADRE, department=None, display_name="陈杰"
    )
    head = person_with_roles(
        "huangjing",
        roles.DEPARTMENT_HEADS,
        position=Position.DEPARTMENT_HEAD,
        department=planning,
        display_name="黄静",
    )
    cadre = person_with_roles("zhangwei", department=planning, display_name="张伟")
    colleague = person_with_roles("zhoutingting", department=planning, display_name="周婷婷")
    other_head = person_with_roles(
        "xuming",
        roles.DEPARTMENT_HEADS,
        position=Position.DEPARTMENT_HEAD,
        department=policy,
        display_name="徐明",
    )
    other_cadre = person_with_roles("sunhao", department=policy, display_name="孙浩")
    leadership = person_with_roles(
        "liuyang", roles.LEARNING_LEADERSHIP_GROUP, department=policy, display_name="刘洋"
    )
    planning.head = head
    planning.leader_in_charge = leader
    planning.save()
    policy.head = other_head
    policy.leader_in_charge = leader
    policy.save()
    return Office(
        planning, policy, leader, head, cadre, colleague, other_head, other_cadre, leadership
    )


def client_for(client, person):
    client.force_login(person.user)
    return client


@pytest.fixture
def member_client(client, office):
    """The cadre zhangwei of the planning department."""
    return client_for(client, office.cadre)


@pytest.fixture
def head_client(client, office):
    return client_for(client, office.head)


@pytest.fixture
def leader_client(client, office):
    return client_for(client, office.leader)


@pytest.fixture
def leadership_client(client, office):
    return client_for(client, office.leadership)


@pytest.fixture
def as_person(client):
    """Sign the test client in as any person."""

    def sign_in(person):
        client.logout()
        client.force_login(person.user)
        return client

    return sign_in
