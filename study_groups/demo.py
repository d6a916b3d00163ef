"""Demo study groups: the central study group, the youth study group and department groups, with
sessions, threads with replies, and discussion summaries (one published, one awaiting approval).

Idempotent: a group is found by its slug and left alone when it is there. Times are relative to
today, so the demo always has coming and past sessions.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape

from knowledge.models import ArticlePage
from people.models import Department, Person

from .discussion import reply, start_thread
from .models import (
    DiscussionSummaryPage,
    FollowUpTask,
    GroupKind,
    MeetingInterval,
    StudyGroupIndexPage,
    StudyGroupPage,
    StudySession,
)

GROUPS = [
    {
        "slug": "central-study-group",
        "title": "机关中心学习组",
        "kind": GroupKind.CENTRAL,
        "is_open": False,
        "leader": "sunli",
        "secretary": "linfeng",
        "members": ["chenjie", "hejun", "lina", "xuming"],
        "interval": MeetingInterval.QUARTERLY,
        "hours": Decimal(6),
        "description": "机关领导班子的理论学习中心组，每季度至少集中学习一次，每次一天。",
    },
    {
        "slug": "youth-study-group",
        "title": "青年学习小组",
        "kind": GroupKind.YOUTH,
        "is_open": True,
        "leader": "zhaomin",
        "secretary": "zhangwei",
        "members": ["sunhao", "zhoutingting", "songjia", "tangbo", "fengxiao", "yangxue"],
        "interval": MeetingInterval.MONTHLY,
        "hours": Decimal(3),
        "description": "机关青年干部自发组织的学习小组：读书分享、专题研讨、调研交流。",
    },
    {
        "slug": "policy-research-office-group",
        "title": "政策研究室学习小组",
        "kind": GroupKind.DEPARTMENT,
        "department": "政策研究室",
        "is_open": True,
        "leader": "xuming",
        "secretary": "sunhao",
        "members": ["zhaomin"],
        "interval": MeetingInterval.MONTHLY,
        "hours": Decimal(3),
        "description": "政策研究室的科室学习小组，每月集中学习一次。",
    },
    {
        "slug": "planning-section-group",
        "title": "综合规划科学习小组",
        "kind": GroupKind.DEPARTMENT,
        "department": "综合规划科",
        "is_open": True,
        "leader": "huangjing",
        "secretary": "zhoutingting",
        "members": ["zhangwei"],
        "interval": MeetingInterval.MONTHLY,
        "hours": Decimal(3),
        "description": "综合规划科的科室学习小组。",
    },
]

# (group slug, days from today, hour, hours long, topic, place, facilitator)
SESSIONS = [
    ("central-study-group", -80, 9, 6, "学习贯彻全会精神专题研讨", "机关三楼会议室", "sunli"),
    ("central-study-group", 20, 9, 6, "建设学习型机关专题学习", "机关三楼会议室", "chenjie"),
    ("youth-study-group", -25, 14, 3, "《第五项修炼》读书分享", "青年之家", "zhangwei"),
    ("youth-study-group", -3, 14, 3, "调查研究的方法与实践", "二楼小会议室", "zhaomin"),
    ("youth-study-group", 10, 14, 3, "系统思考工作坊", "二楼小会议室", "songjia"),
    ("policy-research-office-group", -12, 9, 3, "数字政府建设专题学习", "政研室会议室", "xuming"),
    ("policy-research-office-group", 18, 9, 3, "乡村振兴政策解读", "政研室会议室", "zhaomin"),
    # The planning section has not met for two months: it shows as behind.
    ("planning-section-group", -75, 9, 3, "国土空间规划知识学习", "规划科会议室", "huangjing"),
]

# (group slug, title, author, opening text, tags, [(replier, text), ...])
THREADS = [
    (
        "youth-study-group",
        "读完《第五项修炼》，大家最有启发的是哪一章？",
        "zhangwei",
        "上次读书分享时间有限，很多想法没来得及展开。大家最有启发的是哪一章？我先说：第十二章关于团队学习的部分。",
        ["读书", "团队学习"],
        [
            ("songjia", "我是“系统思考”那几章，特别是“舍本逐末”的基本模式，工作中太常见了。"),
            ("zhoutingting", "@张伟 同意！深度会谈那一节能不能在下次集中学习时试一试？"),
            ("zhaomin", "好主意，下次系统思考工作坊就留出二十分钟做深度会谈练习。"),
        ],
    ),
    (
        "youth-study-group",
        "调研访谈提纲怎么写？",
        "tangbo",
        "下个月要去乡镇调研，想请教大家访谈提纲怎么写比较好。",
        ["调研"],
        [
            (
                "fengxiao",
                "可以参考知识库里综合规划科那篇实地调研访谈指南，问具体的事，不要问看法。",
            ),
        ],
    ),
    (
        "central-study-group",
        "关于下季度集中学习安排的意见",
        "sunli",
        "请各位提出下季度集中学习的专题建议，本周内回复。",
        ["学习安排"],
        [("chenjie", "建议围绕数字政府建设，请政策研究室作专题辅导。")],
    ),
    (
        "policy-research-office-group",
        "数字政府建设学习资料汇总",
        "sunhao",
        "把这次学习用到的资料链接汇总在这里，方便大家复习。",
        ["数字政府"],
        [("xuming", "谢谢整理。请大家结合各自分工写一篇心得体会。")],
    ),
]


def P(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _summary(group, session, secretary, title, slug, studied, points, conclusions, tasks, tags):
    summary = DiscussionSummaryPage(
        title=title,
        slug=slug,
        session=session,
        studied=P(studied),
        main_points="".join(P(point) for point in points),
        conclusions=P(conclusions),
        owner=secretary.user,
        live=False,
    )
    summary.tags.add(*tags)
    for text, owner, days in tasks:
        summary.follow_up_tasks.add(
            FollowUpTask(
                task=text,
                owner=owner,
                due_date=timezone.localdate() + datetime.timedelta(days=days),
            )
        )
    group.add_child(instance=summary)
    summary.save_revision(user=secretary.user, log_action=True)
    workflow = summary.get_workflow()
    workflow.start(summary, secretary.user)
    return summary


def _demo_attendance(sessions, people) -> None:
    """Past sessions: most came, one was excused with a reason, one missed it; the leader closed
    attendance. Coming sessions: one member has asked for leave."""
    from attendance import rules
    from attendance.models import Status

    now = timezone.now()
    for session in sessions.values():
        event = rules.event_for(session)
        leader = session.group.leader
        if event is None or leader is None:
            continue
        records = list(event.records.select_related("person").order_by("person__display_name"))
        if not records:
            continue
        if session.ends_at < now:
            excused, missing = records[0], records[-1] if len(records) > 2 else None
            leave = rules.request_leave(event, excused.person, "在外地参加调研，无法参加。")
            rules.decide_leave(leave, leader, approve=True, note="同意，请会后补学。")
            for record in records[1:]:
                if missing is not None and record.pk == missing.pk:
                    continue
                rules.mark(event, record.person, Status.PRESENT, leader)
            rules.close_event(event, leader)
        else:
            asking = records[-1].person
            if asking.pk != leader.pk:
                rules.request_leave(event, asking, "当天需值班，申请请假。")


def load_study_groups(stdout, password) -> dict:
    """Create the demo groups and their activity if missing (idempotent by group slug)."""
    index = StudyGroupIndexPage.objects.first()
    if index is None:
        stdout.write("Study groups: skipped, there is no study groups page.")
        return {}
    people = {p.user.username: p for p in Person.objects.select_related("user")}
    if "zhaomin" not in people:
        stdout.write("Study groups: skipped, the demo people are missing.")
        return {}
    departments = {d.name: d for d in Department.objects.all()}
    existing = set(StudyGroupPage.objects.child_of(index).values_list("slug", flat=True))

    created = {}
    for data in GROUPS:
        if data["slug"] in existing:
            continue
        group = StudyGroupPage(
            title=data["title"],
            slug=data["slug"],
            kind=data["kind"],
            is_open=data["is_open"],
            department=departments.get(data.get("department", "")),
            leader=people[data["leader"]],
            secretary=people[data["secretary"]],
            meeting_interval=data["interval"],
            minimum_hours=data["hours"],
            description=P(data["description"]),
        )
        group.members = [people[name] for name in data["members"]]
        index.add_child(instance=group)
        group.save_revision(log_action=True).publish()
        # The groups are older than the demo's first session, so the meeting rule applies.
        StudyGroupPage.objects.filter(pk=group.pk).update(first_published_at=_at(-120, 9))
        created[data["slug"]] = group
    if not created:
        stdout.write(f"Study groups: 0 created, {len(GROUPS)} already there.")
        return {}

    articles = list(ArticlePage.objects.live().order_by("-date")[:12])
    sessions = {}
    for number, (slug, days, hour, hours, topic, place, facilitator) in enumerate(SESSIONS):
        if slug not in created:
            continue
        readings = [("article", article) for article in articles[number % 6 :][:2]]
        readings.append(("link", {"title": "学习强国", "url": "https://www.xuexi.cn/"}))
        sessions[(slug, topic)] = StudySession.objects.create(
            group=created[slug],
            topic=topic,
            description=f"{topic}：会前请阅读下列材料，带着工作中的问题来交流。",
            starts_at=_at(days, hour),
            duration_hours=Decimal(hours),
            place=place,
            facilitator=people[facilitator],
            readings=readings,
        )

    _demo_attendance(sessions, people)

    threads = 0
    for slug, title, author, text, tags, replies in THREADS:
        if slug not in created:
            continue
        thread = start_thread(created[slug], people[author], title=title, body=text, tags=tags)
        for replier, answer in replies:
            reply(thread, people[replier], body=answer)
        threads += 1

    if "youth-study-group" in created:
        youth = created["youth-study-group"]
        secretary, leader = people["zhangwei"], people["zhaomin"]
        published = _summary(
            youth,
            sessions.get(("youth-study-group", "《第五项修炼》读书分享")),
            secretary,
            "《第五项修炼》读书分享讨论纪要",
            "fifth-discipline-reading-summary",
            "集中学习彼得·圣吉《第五项修炼》第十二章“团队学习”和第五章“系统思考”。",
            [
                "团队学习的关键是深度会谈：暂时搁置各自结论，共同探究问题。",
                "机关工作中“舍本逐末”的模式很常见，应更多关注问题的结构而不是个人。",
                "读书要结合工作实际，把书中的工具用到规划和调研中去。",
            ],
            "下次集中学习安排系统思考工作坊，并留出时间做深度会谈练习。",
            [
                ("整理本次分享的读书笔记放入知识库", people["zhangwei"], 14),
                ("准备系统思考工作坊的案例材料", people["songjia"], 10),
            ],
            ["学习型组织", "团队学习", "读书"],
        )
        published.current_workflow_task_state.approve(user=leader.user)
        _summary(
            youth,
            sessions.get(("youth-study-group", "调查研究的方法与实践")),
            secretary,
            "调查研究的方法与实践讨论纪要",
            "field-research-methods-summary",
            "学习调查研究的基本方法，交流近期调研中的做法和体会。",
            [
                "调研前要先读数据，把访谈留给数字说明不了的问题。",
                "访谈要问具体的事，不问抽象的看法。",
            ],
            "每位成员年内至少参加一次实地调研，并撰写调研文章。",
            [("修订访谈提纲模板", people["tangbo"], 21)],
            ["调研", "学习型组织"],
        )
    stdout.write(
        f"Study groups: {len(created)} created with {len(sessions)} sessions, "
        f"{threads} threads and their summaries."
    )
    return {}
