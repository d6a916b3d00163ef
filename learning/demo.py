"""Demo learning: a year and more of plans, four-ones records, study notes and self-study for
several people (some ahead of pace, some behind), the inspections of past months, and notices.

Everything is dated relative to today, so the demo stays current. Idempotent: a person whose
plan for this year exists already is left alone; inspections and notices are made only where
missing. The texts below were written for this demo.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape

from taggit.models import Tag
from wagtail.rich_text import RichText

from knowledge.models import ArticleKind, ArticlePage, KnowledgeIndexPage
from people.models import Person

from . import four_ones
from .character_count import count_characters
from .inspection import Month, member_rows
from .inspectors import Organisation
from .models import (
    FourOnesRecord,
    Goal,
    GoalKind,
    Inspection,
    InspectionNotice,
    Mark,
    MonthlyArrangement,
    NewspaperLevel,
    Note,
    NoteTag,
    NoticeStatus,
    Plan,
    RecordKind,
    SelfStudyWeek,
    SourceKind,
    Visibility,
    WeeklyActivity,
)
from .notices import draft_notice
from .rich_text import sanitize_html

# username: (notes a month, paragraphs a note, chance of reading an article in a week,
#            chance of a book in a month, chance of logging self-study in a week)
PROFILES = {
    "wangfang": (3, 5, 0.95, 0.9, 0.95),  # ahead
    "zhangwei": (3, 4, 0.9, 0.85, 0.9),  # on pace
    "zhaomin": (3, 4, 0.85, 0.8, 0.9),
    "huangjing": (2, 5, 0.8, 0.75, 0.85),
    "lina": (2, 5, 0.8, 0.7, 0.8),
    "zhoutingting": (1, 3, 0.6, 0.4, 0.6),  # behind
    "yangxue": (1, 3, 0.5, 0.35, 0.5),  # behind
    "sunhao": (2, 3, 0.7, 0.5, 0.7),  # a little behind
    "chenjie": (3, 5, 0.9, 0.9, 0.9),  # leading cadre, central study group
}
DEFAULT_PROFILE = (2, 5, 0.8, 0.65, 0.8)

BOOKS = [
    "第五项修炼",
    "习近平新时代中国特色社会主义思想学习纲要",
    "乡土中国",
    "中国共产党简史",
    "论持久战",
    "置身事内：中国政府与经济发展",
    "大国大城",
    "学习型组织的实践",
    "数字政府建设的理论与实践",
    "基层治理现代化研究",
    "毛泽东选集（第一卷）",
    "调查研究的方法",
]
POLITICAL_BOOKS = {
    "习近平新时代中国特色社会主义思想学习纲要",
    "中国共产党简史",
    "论持久战",
    "毛泽东选集（第一卷）",
}
ARTICLES_READ = [
    "关于加强机关学习型组织建设的思考",
    "数字政府建设的新趋势",
    "如何写好一篇调研报告",
    "基层减负的实践与探索",
    "乡村振兴中的人才问题",
    "新质生产力的理论内涵",
    "提高公文写作质量的几点体会",
    "营商环境优化的地方经验",
    "城市更新中的公众参与",
    "做好新时代群众工作",
]
SKILLS = [
    ("数据分析：用表格透视表做统计", "能独立完成月度数据汇总"),
    ("公文写作：请示与报告的规范", "整理了常用格式要点"),
    ("演示文稿设计", "为科室制作了汇报模板"),
    ("政务信息系统的使用", "掌握了审批系统的全部流程"),
]
SENTENCES = [
    "学习型机关的关键，不在于每个人读了多少书，而在于大家学到的东西能否改变团队的工作方式。",
    "这次集中学习让我认识到，调查研究是谋事之基、成事之道，没有调查就没有发言权。",
    "书中提出的“系统思考”帮助我跳出具体事务，从整体上看待科室的工作流程。",
    "结合本职工作，我梳理了今年规划编制中遇到的三个难点，并提出了改进的思路。",
    "数字政府建设不只是技术问题，更是治理方式的深刻变革，需要业务和技术人员共同参与。",
    "基层调研中，群众反映最集中的是办事流程多、材料重复提交的问题。",
    "我体会到，理论学习要和实际工作结合起来，学以致用，用以促学。",
    "作者用大量案例说明，好的政策需要在执行中不断反馈和调整。",
    "读完这一章，我重新审视了自己起草文件时的习惯，发现很多表述可以更加简洁。",
    "科室讨论时，大家围绕如何提高会议效率提出了不少好办法，值得推广。",
    "乡村振兴的核心是人，要让年轻人愿意回来、留得下来。",
    "在Excel里用透视表统计数据，比手工汇总快得多，也不容易出错。",
    "本周重点学习了2025年政府工作报告中关于高质量发展的论述。",
    "学习不是一时之功，要像书中说的那样，把每天的工作当成学习的机会。",
    "老同志讲到二十年前的一次政策调整，给了我很大的启发：历史经验是宝贵的财富。",
    "对照优秀调研报告，我发现自己的报告在数据支撑和问题分析上还有差距。",
    "深度汇谈要求大家暂时放下自己的观点，先理解别人的想法，这一点知易行难。",
    "下一步，我计划把这些体会整理成一篇心得，在科室学习会上交流。",
    "营商环境的改善，需要从企业的角度重新梳理每一个审批环节。",
    "通过这次学习，我对新发展理念有了更系统、更深入的理解。",
    "书中关于团队学习的论述让我印象深刻：团队的智慧可以大于个人智慧之和。",
    "我把今天学到的方法用在了周报的撰写上，效果明显，领导也给予了肯定。",
    "城市更新要坚持以人民为中心，充分听取居民意见，避免大拆大建。",
    "公文写作讲究准确、简明、规范，每一个字都要经得起推敲。",
]
TAGS = [
    "团队学习",
    "学习型组织",
    "调查研究",
    "乡村振兴",
    "数字政府",
    "公文写作",
    "读书笔记",
    "理论学习",
]
GOALS = [
    (GoalKind.READING, "读完《{book}》并写读书笔记", 3),
    (GoalKind.WRITING, "写一篇理论文章，争取在知识库发表", 6),
    (GoalKind.RESEARCH, "完成一次专题调研并形成调研报告", 9),
    (GoalKind.SKILL, "掌握一项新的工作技能：{skill}", 10),
    (GoalKind.WRITING, "全年学习笔记不少于一万字", 12),
]
MONTHS = [
    "学习年度工作会议精神，制定个人学习计划",
    "读一本理论书籍，做好读书笔记",
    "参加科室集中学习，围绕业务难点开展讨论",
    "结合工作开展专题学习，撰写学习心得",
    "参加专题讲座，整理听课笔记",
    "开展基层调研，收集第一手材料",
    "整理调研材料，起草调研报告初稿",
    "学习新的业务知识，提高工作技能",
    "阅读一本业务书籍，与同事交流",
    "总结前三季度学习情况，查漏补缺",
    "撰写理论文章，参加知识库投稿",
    "年度学习总结，完成“五有”自查",
]
ACTIVITIES = [
    "读一篇理论文章并做摘记",
    "参加科室学习会并发言",
    "整理本周学习笔记",
    "观看一期专题讲座视频",
    "与同事交流读书体会",
]
COMMENTS = {
    Mark.GOOD: ["笔记认真、联系实际，继续保持。", "内容充实，有自己的思考，很好。"],
    Mark.ADEQUATE: ["基本完成本月学习任务，建议多结合工作实际。", "笔记完整，可以再深入一些。"],
    Mark.BEHIND: ["本月笔记偏少，请抓紧补上进度。", "字数落后于进度，下月需加强。"],
}


def _rng(*parts) -> random.Random:
    # Demo content only, not security: a seeded generator gives the same demo on every machine.
    return random.Random("-".join(str(p) for p in parts))  # noqa: S311


def _body(rng: random.Random, paragraphs: int) -> str:
    html = []
    for _ in range(paragraphs):
        html.append("<p>" + escape("".join(rng.sample(SENTENCES, rng.randint(2, 4)))) + "</p>")
    return "".join(html)


def _days(year: int, today: datetime.date):
    start = datetime.date(year, 1, 1)
    end = min(today, datetime.date(year, 12, 31))
    return start, end


def _plan(person: Person, year: int, today: datetime.date, rng: random.Random) -> None:
    book = rng.choice(BOOKS)
    skill = rng.choice(SKILLS)[0]
    plan = Plan.objects.create(
        person=person,
        year=year,
        summary=f"{year}年，围绕本职工作系统学习理论和业务知识，做到年有计划、月有安排、周有活动。",
    )
    goals = []
    for kind, title, month in GOALS:
        target = datetime.date(year, month, 28)
        done = target < today and rng.random() < 0.75
        goals.append(
            Goal(
                plan=plan,
                kind=kind,
                title=title.format(book=book, skill=skill),
                target_date=target,
                done_on=target - datetime.timedelta(days=rng.randint(0, 20)) if done else None,
                record="按计划完成" if done else "",
            )
        )
    Goal.objects.bulk_create(goals)
    arrangements = []
    for month, content in enumerate(MONTHS, start=1):
        finished = datetime.date(year, month, 28) < today and rng.random() < 0.8
        arrangements.append(
            MonthlyArrangement(
                plan=plan,
                month=month,
                content=content,
                done_on=datetime.date(year, month, 28) if finished else None,
                record="已完成" if finished else "",
            )
        )
    MonthlyArrangement.objects.bulk_create(arrangements)
    activities = []
    for period in four_ones.periods(four_ones.WEEK, year):
        if period.number % 2:
            continue
        done = period.end < today and rng.random() < 0.8
        activities.append(
            WeeklyActivity(
                plan=plan,
                week_start=period.start,
                title=rng.choice(ACTIVITIES),
                done_on=period.end if done else None,
                record="完成" if done else "",
            )
        )
    WeeklyActivity.objects.bulk_create(activities)


def _records(person, year, today, rng, profile) -> None:
    start, end = _days(year, today)
    records = []
    for period in four_ones.periods(four_ones.WEEK, year):
        day = period.start + datetime.timedelta(days=rng.randint(0, 6))
        if start <= day <= end and rng.random() < profile[2]:
            records.append(
                FourOnesRecord(
                    person=person,
                    kind=RecordKind.ARTICLE,
                    title=rng.choice(ARTICLES_READ),
                    date=day,
                    description="做了摘记",
                )
            )
    for month in range(1, 13):
        day = datetime.date(year, month, rng.randint(5, 25))
        if start <= day <= end and rng.random() < profile[3]:
            title = rng.choice(BOOKS)
            records.append(
                FourOnesRecord(
                    person=person,
                    kind=RecordKind.BOOK,
                    title=title,
                    date=day,
                    description="读完并写了读书笔记",
                    political_theory=title in POLITICAL_BOOKS,
                )
            )
    skill_day = datetime.date(year, 6, 20)
    if skill_day <= end and rng.random() < 0.7:
        title, description = rng.choice(SKILLS)
        records.append(
            FourOnesRecord(
                person=person,
                kind=RecordKind.SKILL,
                title=title,
                date=skill_day,
                description=description,
            )
        )
    if person.position == "leading_cadre":
        for month, kind, title, extra in [
            (4, RecordKind.CLASS_GIVEN, "为机关党员讲专题党课：学习型机关建设", {}),
            (
                5,
                RecordKind.BOOK,
                "习近平新时代中国特色社会主义思想学习纲要",
                {"political_theory": True},
            ),
            (
                9,
                RecordKind.NEWSPAPER,
                "以学习型机关建设推动作风转变",
                {"newspaper_level": NewspaperLevel.MUNICIPAL},
            ),
        ]:
            day = datetime.date(year, month, 15)
            if day <= end:
                records.append(
                    FourOnesRecord(person=person, kind=kind, title=title, date=day, **extra)
                )
    FourOnesRecord.objects.bulk_create(records)


def _notes(person, year, today, rng, profile) -> None:
    start, end = _days(year, today)
    notes, tags = [], []
    for month in range(1, 13):
        for n in range(profile[0]):
            day = datetime.date(year, month, min(28, 3 + n * 9 + rng.randint(0, 5)))
            if not start <= day <= end:
                continue
            source_kind = rng.choice(
                [SourceKind.BOOK, SourceKind.ARTICLE, SourceKind.LECTURE, SourceKind.SESSION]
            )
            source = (
                rng.choice(BOOKS) if source_kind == SourceKind.BOOK else rng.choice(ARTICLES_READ)
            )
            titles = {
                SourceKind.BOOK: f"读《{source}》笔记",
                SourceKind.ARTICLE: f"学习《{source}》的体会",
                SourceKind.LECTURE: "专题讲座听课笔记",
                SourceKind.SESSION: "科室集中学习笔记",
            }
            visibility = rng.choices(
                [Visibility.PRIVATE, Visibility.DEPARTMENT, Visibility.EVERYONE], [5, 2, 3]
            )[0]
            body = sanitize_html(_body(rng, rng.randint(profile[1] - 1, profile[1] + 1)))
            notes.append(
                Note(
                    author=person,
                    title=titles[source_kind],
                    # bulk_create skips Note.save(), so the body is cleaned and counted here.
                    body=body,
                    characters=count_characters(body),
                    date=day,
                    source_kind=source_kind,
                    source=source if source_kind in (SourceKind.BOOK, SourceKind.ARTICLE) else "",
                    visibility=visibility,
                )
            )
            tags.append(rng.sample(TAGS, 2))
    Note.objects.bulk_create(notes)
    by_name = {tag.name: tag for tag in Tag.objects.filter(name__in=TAGS)}
    for name in set(TAGS) - set(by_name):
        by_name[name] = Tag.objects.create(name=name)
    NoteTag.objects.bulk_create(
        NoteTag(content_object=note, tag=by_name[name])
        for note, names in zip(notes, tags, strict=True)
        for name in names
    )


def _self_study(person, year, today, rng, profile) -> None:
    weeks = []
    for period in four_ones.periods(four_ones.WEEK, year):
        if period.end < today and rng.random() < profile[4]:
            weeks.append(
                SelfStudyWeek(
                    person=person,
                    week_start=period.start,
                    days=Decimal(rng.choice(["1", "1", "1.5", "2"])),
                    content=rng.choice(ACTIVITIES),
                )
            )
    SelfStudyWeek.objects.bulk_create(weeks, ignore_conflicts=True)


def _theory_articles(people: dict, today: datetime.date) -> int:
    """A few theoretical articles this year, so that the four ones show published work."""
    index = KnowledgeIndexPage.objects.first()
    if index is None:
        return 0
    wanted = [
        ("wangfang", 2, "以学习型机关建设提升办文质量"),
        ("zhangwei", 2, "规划编制中的系统思考"),
        ("zhaomin", 5, "青年干部理论学习的三个着力点"),
        ("wangfang", 5, "团队学习在机关工作中的运用"),
        ("zhangwei", 8, "在调查研究中提高规划的科学性"),
    ]
    created = 0
    for username, month, title in wanted:
        person = people.get(username)
        day = datetime.date(today.year, month, 18)
        slug = f"demo-theory-{username}-{today.year}-{month:02d}"
        if person is None or day > today or ArticlePage.objects.filter(slug=slug).exists():
            continue
        text = "".join(_rng(slug).sample(SENTENCES, 6))
        page = ArticlePage(
            title=title,
            slug=slug,
            kind=ArticleKind.THEORY,
            date=day,
            summary=text[:60],
            department=person.department,
            body=[("paragraph", RichText(f"<p>{escape(text)}</p>"))],
            live=False,
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(9))
            ),
        )
        page.authors = [person]
        page.tags.add("理论学习")
        index.add_child(instance=page)
        page.save_revision(user=person.user).publish()
        created += 1
    return created


def _inspections(people: list[Person], today: datetime.date) -> int:
    """Inspect every past month of last year and this year, as each person's inspector would,
    marking from the pace at the month's end."""
    organisation = Organisation()
    inspected = [p for p in people if organisation.inspectors_of(p)]
    months = [Month(today.year - 1, m) for m in range(1, 13)] + [
        Month(today.year, m) for m in range(1, today.month)
    ]
    done = set(Inspection.objects.values_list("person_id", "year", "month"))
    created = []
    for month in months:
        for row in member_rows(inspected, month, today, organisation):
            if (row.person.pk, month.year, month.month) in done:
                continue
            mark = {"ahead": Mark.GOOD, "on_pace": Mark.ADEQUATE, "behind": Mark.BEHIND}[
                row.progress.pace
            ]
            if mark == Mark.ADEQUATE and row.notes_month >= 3:
                mark = Mark.GOOD
            inspector = row.inspectors[0]
            created.append(
                Inspection(
                    person=row.person,
                    year=month.year,
                    month=month.month,
                    inspector=inspector,
                    inspector_name=inspector.display_name,
                    mark=mark,
                    comment=_rng(row.person.pk, month.key).choice(COMMENTS[mark]),
                    notes_count=row.notes_month,
                    characters_month=row.characters_month,
                    characters_year=row.progress.characters,
                    target_characters=row.progress.target,
                )
            )
    Inspection.objects.bulk_create(created)
    return len(created)


def _notices(today: datetime.date) -> int:
    """Notices for past months: published for all but the latest month, which stays a draft."""
    published = 0
    months = [Month(today.year - 1, m) for m in range(1, 13)] + [
        Month(today.year, m) for m in range(1, today.month)
    ]
    for month in months:
        notice = InspectionNotice.objects.filter(year=month.year, month=month.month).first()
        if notice is None:
            notice = draft_notice(month, today)
        if month != months[-1] and notice.status == NoticeStatus.DRAFT:
            following = month.next()
            notice.status = NoticeStatus.PUBLISHED
            notice.published_at = timezone.make_aware(
                datetime.datetime(following.year, following.month, 5, 10)
            )
            notice.save()
            published += 1
    return published


def load_learning(stdout, password) -> dict:
    """Load the demo learning content (idempotent)."""
    today = four_ones.local_today()
    people = {p.user.username: p for p in Person.objects.select_related("user", "department")}
    loaded = 0
    for username, person in people.items():
        profile = PROFILES.get(username, DEFAULT_PROFILE)
        if Plan.objects.filter(person=person, year=today.year).exists():
            continue
        for year in (today.year - 1, today.year):
            rng = _rng(username, year)
            _plan(person, year, today, rng)
            _records(person, year, today, rng, profile)
            _notes(person, year, today, rng, profile)
            _self_study(person, year, today, rng, profile)
        loaded += 1
    stdout.write(f"Learning: plans, records, notes and self-study for {loaded} people.")
    articles = _theory_articles(people, today)
    stdout.write(f"Learning: {articles} theoretical articles published in the library.")
    inspected = _inspections(list(people.values()), today)
    stdout.write(f"Learning: {inspected} monthly inspections recorded.")
    published = _notices(today)
    stdout.write(f"Learning: {published} inspection notices published.")
    return {}
