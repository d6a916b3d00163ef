"""Demo departments and people: a municipal office with someone in every role.

Idempotent: departments are found by name and users by username. Running it again creates
nothing new, never changes an existing user's password, and only fills in what is missing
(group memberships, an empty head or leader in charge).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import Department, Person, Position
from .roles import (
    CADRES,
    DEPARTMENT_HEADS,
    EDITORS,
    LEARNING_LEADERSHIP_GROUP,
    STUDY_GROUP_LEADERS,
)

EMAIL_DOMAIN = "example.gov"

# (name, English name) in the order the office lists them.
DEPARTMENTS = [
    ("办公室", "General Office"),
    ("政策研究室", "Policy Research Office"),
    ("综合规划科", "Comprehensive Planning Section"),
    ("经济发展科", "Economic Development Section"),
    ("社会事业科", "Social Affairs Section"),
    ("组织人事科", "Organization and Personnel Section"),
]
DEPARTMENT_ENGLISH = dict(DEPARTMENTS)

LEADING = Position.LEADING_CADRE
HEAD = Position.DEPARTMENT_HEAD
CADRE = Position.CADRE

# username, display name, department, position, extra roles (besides Cadres), departments overseen
PEOPLE = [
    # Leading cadres: each is the leader in charge of two departments.
    ("sunli", "孙丽", None, LEADING, [LEARNING_LEADERSHIP_GROUP], ["办公室", "组织人事科"]),
    ("chenjie", "陈杰", None, LEADING, [], ["政策研究室", "综合规划科"]),
    ("hejun", "何军", None, LEADING, [], ["经济发展科", "社会事业科"]),
    # Department heads.
    ("lina", "李娜", "办公室", HEAD, [], []),
    ("xuming", "徐明", "政策研究室", HEAD, [], []),
    ("huangjing", "黄静", "综合规划科", HEAD, [], []),
    ("maqiang", "马强", "经济发展科", HEAD, [], []),
    ("guoli", "郭丽", "社会事业科", HEAD, [], []),
    ("linfeng", "林峰", "组织人事科", HEAD, [], []),
    # Cadres.
    ("wangfang", "王芳", "办公室", CADRE, [EDITORS], []),
    ("yangxue", "杨雪", "办公室", CADRE, [], []),
    ("zhaomin", "赵敏", "政策研究室", CADRE, [STUDY_GROUP_LEADERS], []),
    ("sunhao", "孙浩", "政策研究室", CADRE, [], []),
    ("zhangwei", "张伟", "综合规划科", CADRE, [], []),
    ("zhoutingting", "周婷婷", "综合规划科", CADRE, [], []),
    ("wulei", "吴磊", "经济发展科", CADRE, [], []),
    ("songjia", "宋佳", "经济发展科", CADRE, [], []),
    ("zhengshuang", "郑爽", "社会事业科", CADRE, [], []),
    ("tangbo", "唐博", "社会事业科", CADRE, [], []),
    ("liuyang", "刘洋", "组织人事科", CADRE, [LEARNING_LEADERSHIP_GROUP], []),
    ("fengxiao", "冯晓", "组织人事科", CADRE, [], []),
]

ROLE_DESCRIPTIONS = {
    EDITORS: "editor",
    STUDY_GROUP_LEADERS: "study group leader (youth study group)",
    LEARNING_LEADERSHIP_GROUP: "learning leadership group",
}


def _describe(department, position, roles, oversees) -> str:
    if position == LEADING:
        overseen = " and ".join(DEPARTMENT_ENGLISH[name] for name in oversees)
        text = f"Leading cadre, leader in charge of the {overseen}"
    elif position == HEAD:
        text = f"Department head, {DEPARTMENT_ENGLISH[department]}"
    else:
        text = f"Cadre, {DEPARTMENT_ENGLISH[department]}"
    extras = [ROLE_DESCRIPTIONS[role] for role in roles if role in ROLE_DESCRIPTIONS]
    return "; ".join([text, *extras])


# (username, display name, role) for the README's table of demo accounts.
DEMO_ACCOUNTS = [
    (username, name, _describe(department, position, roles, oversees))
    for username, name, department, position, roles, oversees in PEOPLE
]


def load_people(stdout, password: str) -> dict:
    """Create the demo departments and people if missing; return whether any user was created."""
    User = get_user_model()
    groups = {group.name: group for group in Group.objects.all()}
    missing_groups = {CADRES, *(role for row in PEOPLE for role in row[4])} - set(groups)
    if missing_groups:
        # The role groups are made after migrate; make them now if migrate's signal did not run.
        from .roles import ensure_role_groups

        ensure_role_groups()
        groups = {group.name: group for group in Group.objects.all()}

    departments = {}
    departments_created = 0
    for order, (name, _english) in enumerate(DEPARTMENTS, start=1):
        department, created = Department.objects.get_or_create(
            name=name, defaults={"sort_order": order * 10}
        )
        departments[name] = department
        departments_created += created
    stdout.write(
        f"Departments: {departments_created} created, "
        f"{len(DEPARTMENTS) - departments_created} already there."
    )

    people = {}
    users_created = 0
    roles_added = 0
    for username, name, department_name, position, roles, _oversees in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@{EMAIL_DOMAIN}", "first_name": name},
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            users_created += 1
        person = Person.objects.filter(user=user).first()
        if person is None:
            person = Person.objects.create(
                user=user,
                display_name=name,
                department=departments.get(department_name),
                position=position,
            )
        people[username] = person
        wanted = {CADRES, *roles}
        if position == HEAD:
            wanted.add(DEPARTMENT_HEADS)
        have = set(user.groups.values_list("name", flat=True))
        missing = [groups[role] for role in sorted(wanted - have) if role in groups]
        if missing:
            user.groups.add(*missing)
            roles_added += len(missing)
    stdout.write(
        f"People: {users_created} created, {len(PEOPLE) - users_created} already there; "
        f"{roles_added} role memberships added."
    )

    assigned = 0
    for username, _name, department_name, position, _roles, oversees in PEOPLE:
        person = people[username]
        if position == HEAD:
            department = departments[department_name]
            if department.head_id is None:
                department.head = person
                department.save(update_fields=["head"])
                assigned += 1
        for overseen_name in oversees:
            department = departments[overseen_name]
            if department.leader_in_charge_id is None:
                department.leader_in_charge = person
                department.save(update_fields=["leader_in_charge"])
                assigned += 1
    stdout.write(f"Department heads and leaders in charge: {assigned} assigned.")

    return {"created_people": users_created > 0}
