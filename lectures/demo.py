"""Demo lectures: four series with past and coming lectures, the monthly lecture rotation of
last year and this year (a slot in every state), and attendance at the past lectures.

Dates are relative to the day the demo is loaded, so there are always coming lectures.
Idempotent: series and lectures are found by slug, slots by month; attendance is simulated only
for lectures made in this run.
"""

import datetime

from django.utils import timezone
from django.utils.html import escape

from wagtail.rich_text import RichText

from attendance import rules as attendance_rules
from attendance.models import AttendanceRecord
from knowledge.models import ArticlePage
from people.models import Department, Person

from . import rotation
from .models import (
    LectureIndexPage,
    LecturePage,
    LectureReading,
    LectureSeriesPage,
    LectureSpeaker,
    MonthlyLectureSlot,
    RotationExclusion,
    SeriesKind,
)

SERIES = [
    (
        "theory-tutorials",
        "理论辅导",
        SeriesKind.THEORY_TUTORIAL,
        "围绕党的创新理论和重大决策部署开展的辅导报告。",
    ),
    (
        "party-classes",
        "党课",
        SeriesKind.PARTY_CLASS,
        "机关党委组织的党课，聚焦党的理论、党史和纪律规矩。",
    ),
    (
        "expert-lectures",
        "专家讲座",
        SeriesKind.EXPERT_LECTURE,
        "邀请党校、高校和研究机构专家就重大问题作专题讲座。",
    ),
    (
        "monthly-lectures",
        "月月讲",
        SeriesKind.MONTHLY_LECTURE,
        "机关干部轮流就全市经济社会发展中的重大问题作专题讲座，每月一讲。",
    ),
]

MONTHLY_TOPICS = [
    "优化营商环境的实践与思考",
    "推进以人为核心的新型城镇化",
    "数字政府建设的路径选择",
    "乡村振兴中的产业发展",
    "生态文明建设与绿色低碳转型",
    "城市基层治理创新",
    "扩大内需与提振消费",
    "科技创新驱动产业升级",
    "保障和改善民生的几个重点",
    "推动区域协调发展",
    "防范化解重大风险",
    "文化强市建设的思路",
]


def P(text):
    return ("paragraph", RichText(f"<p>{escape(text)}</p>"))


def H(text):
    return ("heading", {"text": text})


def _at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# slug, series slug, title, days from today, hour, hours long, place, online, speakers
# (username or (expert name, affiliation, role)), audience departments (None = everyone),
# tags, abstract, reading slugs, summary paragraphs, recording
LECTURES = [
    {
        "slug": "third-plenum-reform-tutorial",
        "series": "theory-tutorials",
        "title": "深入学习贯彻全面深化改革的重大部署",
        "days": -46,
        "hour": 9,
        "hours": 2,
        "place": "机关三楼报告厅",
        "speakers": ["chenjie"],
        "tags": ["理论学习", "全面深化改革"],
        "abstract": "结合本市实际，辅导学习进一步全面深化改革的总体要求、重大原则和重点任务，重点讲解与机关职能相关的改革举措。",
        "readings": ["five-disciplines-learning-office"],
        "summary": [
            H("主要内容"),
            P(
                "陈杰同志从改革的总体要求讲起，梳理了与本机关职能密切相关的十项改革任务，强调要把改革部署转化为可检验的工作清单。"
            ),
            H("讨论交流"),
            P(
                "与会同志围绕数据共享、审批流程再造等问题进行了讨论。大家认为，改革落地的关键在于跨科室协同，建议建立季度会商机制。"
            ),
        ],
    },
    {
        "slug": "systems-thinking-policy-tutorial",
        "series": "theory-tutorials",
        "title": "Systems thinking in policy work",
        "days": -12,
        "hour": 15,
        "hours": 1.5,
        "place": "机关三楼报告厅",
        "speakers": ["xuming", "huangjing"],
        "tags": ["学习型组织", "team learning"],
        "abstract": "How causal loop diagrams and the idea of delays help a policy team see the whole problem before drafting.",
        "readings": ["systems-thinking-in-planning", "why-team-learning-matters"],
        "summary": [
            P(
                "The speakers showed the causal loop diagram drawn for this year's special plan and explained how it revealed a trade-off between two indicators. The discussion asked how to make such diagrams a routine first step."
            ),
        ],
    },
    {
        "slug": "discipline-party-class",
        "series": "party-classes",
        "title": "严守纪律规矩，锤炼过硬作风",
        "days": -25,
        "hour": 14,
        "minute": 30,
        "hours": 2,
        "place": "机关党员活动室",
        "speakers": ["sunli"],
        "tags": ["党课", "纪律建设"],
        "abstract": "以典型案例为镜鉴，讲解新修订的纪律处分条例，引导党员干部知敬畏、存戒惧、守底线。",
        "summary": [
            P(
                "孙丽同志结合典型案例，逐条讲解了纪律处分条例的修订要点，要求全体党员干部把纪律规矩内化于心、外化于行。"
            ),
        ],
    },
    {
        "slug": "party-history-party-class",
        "series": "party-classes",
        "title": "从党的历史中汲取奋进力量",
        "days": 9,
        "hour": 14,
        "minute": 30,
        "hours": 2,
        "place": "机关党员活动室",
        "speakers": ["sunli"],
        "tags": ["党课", "党史学习"],
        "abstract": "回顾党在各个历史时期攻坚克难的经验，谈新时代机关干部如何担当作为。",
    },
    {
        "slug": "ageing-society-expert-lecture",
        "series": "expert-lectures",
        "title": "积极应对人口老龄化的城市策略",
        "days": -60,
        "hour": 9,
        "hours": 2.5,
        "place": "机关三楼报告厅",
        "speakers": [("刘静", "市社会科学院", "研究员")],
        "tags": ["民生保障", "人口老龄化"],
        "abstract": "分析本市人口结构变化趋势，介绍国内外城市应对老龄化的做法，提出养老服务体系建设的政策建议。",
        "summary": [
            P(
                "刘静研究员指出，本市将在五年内进入中度老龄化社会，社区嵌入式养老服务是重点。讨论中，社会事业科介绍了试点街道的经验。"
            ),
        ],
        "recording": "http://video.intranet/lectures/ageing-society.mp4",
    },
    {
        "slug": "digital-economy-expert-lecture",
        "series": "expert-lectures",
        "title": "数字经济与城市高质量发展",
        "days": 3,
        "hour": 9,
        "hours": 2,
        "place": "机关三楼报告厅",
        "online": "http://meeting.intranet/room/301",
        "speakers": [("王建国", "市委党校", "教授")],
        "tags": ["数字经济", "高质量发展"],
        "abstract": "讲解数字经济的内涵和发展趋势，结合本市产业基础，谈数字化转型的重点方向和政策着力点。",
        "readings": ["placed-within-reading-notes"],
    },
    {
        "slug": "urban-renewal-expert-lecture",
        "series": "expert-lectures",
        "title": "城市更新中的规划与治理",
        "days": 16,
        "hour": 15,
        "hours": 1.5,
        "place": "综合规划科会议室",
        "speakers": [("陈晓岚", "市规划设计研究院", "总规划师")],
        "departments": ["综合规划科", "经济发展科"],
        "tags": ["城市更新", "规划"],
        "abstract": "面向规划和经济部门，介绍城市更新的政策框架、实施模式和公众参与机制。",
    },
]

ORGANISERS = ["wangfang", "liuyang"]


def _series(index: LectureIndexPage) -> dict[str, LectureSeriesPage]:
    existing = {s.slug: s for s in LectureSeriesPage.objects.child_of(index)}
    for slug, title, kind, intro in SERIES:
        if slug in existing:
            continue
        series = LectureSeriesPage(
            title=title, slug=slug, kind=kind, intro=f"<p>{escape(intro)}</p>"
        )
        index.add_child(instance=series)
        series.save_revision().publish()
        existing[slug] = series
    return existing


def _publish(page: LecturePage, user=None) -> None:
    page.save_revision(user=user).publish()


def _simulate_attendance(lecture: LecturePage, people: dict[str, Person]) -> int:
    """Check people in at a past lecture, with a few late, on leave and absent; then close."""
    event = attendance_rules.event_for(lecture)
    if event is None or event.records.exclude(status="expected").exists():
        return 0
    organiser = people.get("liuyang")
    records = list(event.records.select_related("person").order_by("person__pk"))
    for position, record in enumerate(records):
        person = record.person
        # A different few are late, on leave or absent at each lecture.
        position += lecture.pk * 5
        if position % 9 == 4:
            leave = attendance_rules.request_leave(event, person, "下乡调研，已报分管领导同意")
            if organiser:
                attendance_rules.decide_leave(leave, organiser, approve=True)
        elif position % 11 == 7:
            continue  # absent without reason, recorded when the event is closed
        elif position % 7 == 3:
            attendance_rules.check_in(
                event, person, event.code, now=lecture.start + datetime.timedelta(minutes=18)
            )
        else:
            attendance_rules.check_in(
                event, person, event.code, now=lecture.start - datetime.timedelta(minutes=10)
            )
    attendance_rules.close_event(event, now=lecture.end + datetime.timedelta(hours=1))
    return len(records)


def _make_lecture(series, data, people, departments, articles) -> LecturePage:
    start = _at(data["days"], data["hour"], data.get("minute", 0))
    end = start + datetime.timedelta(hours=data["hours"])
    page = LecturePage(
        title=data["title"],
        slug=data["slug"],
        start=start,
        end=end,
        place=data.get("place", ""),
        online_link=data.get("online", ""),
        audience="departments" if data.get("departments") else "everyone",
        abstract=f"<p>{escape(data['abstract'])}</p>",
        summary=data.get("summary", []) if data["days"] < 0 else [],
        materials=[("recording", {"url": data["recording"], "caption": "讲座录像"})]
        if data.get("recording")
        else [],
        live=False,
    )
    for item in data["speakers"]:
        if isinstance(item, str):
            page.speakers.add(LectureSpeaker(person=people[item]))
        else:
            name, affiliation, role = item
            page.speakers.add(LectureSpeaker(name=name, affiliation=affiliation, role=role))
    for slug in data.get("readings", []):
        if slug in articles:
            page.readings.add(LectureReading(article=articles[slug]))
    page.tags.add(*data["tags"])
    page.organisers = [people[u] for u in ORGANISERS if u in people]
    page.audience_departments = [departments[d] for d in data.get("departments", [])]
    series.add_child(instance=page)
    _publish(page)
    return page


def _plan_year(year: int) -> list[MonthlyLectureSlot]:
    """The rotation of `year`, proposed fairly, given topics and confirmed; [] if it exists."""
    if MonthlyLectureSlot.objects.filter(year=year).exists():
        return []
    rotation.save_proposal(year, rotation.propose_year(year))
    for slot, topic in zip(MonthlyLectureSlot.objects.of_year(year), MONTHLY_TOPICS, strict=False):
        slot.topic = topic
        slot.save(update_fields=["topic"])
    rotation.confirm_year(year)
    return list(MonthlyLectureSlot.objects.of_year(year).select_related("speaker"))


def _lecture_day(slot) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(slot.year, slot.month, 20, 15, 0))


def _schedule(slot, series, people) -> LecturePage:
    start = _lecture_day(slot)
    page = rotation.schedule(
        slot, start, start + datetime.timedelta(hours=1, minutes=30), "机关三楼报告厅", series
    )
    page.tags.add("月月讲")
    page.abstract = (
        f"<p>{escape(slot.speaker.display_name)}同志就“{escape(slot.topic)}”作专题讲座。</p>"
    )
    page.organisers = [people[u] for u in ORGANISERS if u in people]
    _publish(page)
    slot.refresh_from_db()
    return page


def _advance(slots, series, people, today, created_pages) -> None:
    """Move new slots as far along as their dates allow: past months delivered with their
    summary published (the latest one still without), the next month scheduled with its
    materials overdue, the month after with materials handed in early, the rest planned."""
    now = timezone.now()
    slots = sorted(slots, key=lambda s: (s.year, s.month))
    past = [s for s in slots if _lecture_day(s) + datetime.timedelta(hours=2) < now]
    future = [s for s in slots if s not in past]
    for slot in past:
        page = _schedule(slot, series, people)
        created_pages.append(page)
        rotation.submit_materials(slot, note="讲稿和演示文稿已提交")
        rotation.mark_delivered(slot, now=page.end)
        if slot is past[-1]:
            continue
        page = LecturePage.objects.get(pk=page.pk)
        page.summary = [
            P(
                f"{slot.speaker.display_name}同志围绕“{slot.topic}”作了专题讲座，"
                "分析了本市的现状和问题，提出了对策建议。与会同志进行了交流讨论。"
            )
        ]
        _publish(page)
        slot.refresh_from_db()
        rotation.publish_summary(slot, now=page.end + datetime.timedelta(days=3))
    if future:
        overdue = future[0]
        created_pages.append(_schedule(overdue, series, people))
        overdue.materials_due = today - datetime.timedelta(days=2)
        overdue.save(update_fields=["materials_due"])
    if len(future) > 1:
        early = future[1]
        created_pages.append(_schedule(early, series, people))
        rotation.submit_materials(early, note="讲座提纲已提前提交")


def load_lectures(stdout, password) -> dict:
    """Create the demo series, lectures, rotation and attendance if missing (idempotent)."""
    index = LectureIndexPage.objects.first()
    if index is None:
        stdout.write("Lectures: skipped, there is no lecture index page.")
        return {}
    people = {p.user.username: p for p in Person.objects.select_related("user")}
    departments = {d.name: d for d in Department.objects.all()}
    articles = {a.slug: a for a in ArticlePage.objects.all()}
    series = _series(index)
    existing = set(LecturePage.objects.values_list("slug", flat=True))
    created = []
    for data in LECTURES:
        if data["slug"] in existing:
            continue
        if any(isinstance(s, str) and s not in people for s in data["speakers"]):
            continue
        created.append(_make_lecture(series[data["series"]], data, people, departments, articles))
    stdout.write(f"Lectures: {len(created)} created, {len(LECTURES) - len(created)} already there.")

    today = timezone.localdate()
    # An exclusion the proposal honours: a cadre on leave for half of this year.
    songjia = people.get("songjia")
    if songjia and not RotationExclusion.objects.filter(person=songjia).exists():
        RotationExclusion.objects.create(
            person=songjia,
            starts=datetime.date(today.year, 3, 1),
            ends=datetime.date(today.year, 8, 31),
            reason="产假",
        )
    # Last year, this year and, late in the year, next year: so that there are always past
    # months (delivered, summary published) and coming ones (materials due, overdue, planned).
    years = [today.year - 1, today.year] + ([today.year + 1] if today.month >= 10 else [])
    new_slots = []
    for year in years:
        new_slots += _plan_year(year)
    if new_slots:
        _advance(new_slots, series["monthly-lectures"], people, today, created)
    counts: dict[str, int] = {}
    for slot in MonthlyLectureSlot.objects.filter(year__in=years):
        counts[slot.get_status_display()] = counts.get(slot.get_status_display(), 0) + 1
    stdout.write(
        f"Monthly lecture rotation {years[0]}–{years[-1]}: {len(new_slots)} months planned now; "
        + ", ".join(f"{label}: {count}" for label, count in counts.items())
    )

    recorded = 0
    for page in created:
        page = LecturePage.objects.get(pk=page.pk)
        if page.end < timezone.now():
            recorded += _simulate_attendance(page, people)
    stdout.write(
        f"Attendance: {recorded} records at past lectures; "
        f"{AttendanceRecord.objects.count()} in all."
    )
    return {}
