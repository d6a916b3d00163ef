"""A judged corpus for the relevance tests: documents built from topics, queries with graded answers.

Every document is made from a topic (or from none), so its grade for each query is known by
construction, not by what any search engine returns:
  3  the topic's main document (the phrase is in its title),
  2  a document that discusses the topic (the phrase in its first sentence),
  1  a document that mentions the topic once, deep in its body,
  0  everything else, including distractors: documents that hold the phrase's characters apart,
     or only one of its words (a query for 数字政府 is not answered by 政府采购).
"""

import random
from dataclasses import dataclass, field

# (Chinese phrase, a word sharing one half of it with another meaning, English phrase or "")
TOPICS = [
    ("乡村振兴", "乡村旅游", "rural revitalization"),
    ("数字政府", "政府采购", "digital government"),
    ("学习型组织", "组织人事", "learning organization"),
    ("基层治理", "基层党建", ""),
    ("营商环境", "环境卫生", ""),
    ("生态保护", "数据保护", ""),
    ("党风廉政", "廉政谈话", ""),
    ("科技创新", "制度创新", "technological innovation"),
    ("人才培养", "人才引进", ""),
    ("安全生产", "生产经营", "work safety"),
    ("公共服务", "服务窗口", "public services"),
    ("财政预算", "预算绩效", ""),
    ("招商引资", "引资项目", ""),
    ("城市更新", "城市规划", "urban renewal"),
    ("养老服务", "养老保险", ""),
    ("教育公平", "公平竞争", ""),
    ("粮食安全", "网络安全", "food security"),
    ("文化传承", "文化活动", ""),
    ("法治建设", "队伍建设", ""),
    ("民营经济", "经济运行", ""),
    ("绿色发展", "发展规划", "green development"),
    ("调查研究", "研究报告", ""),
    ("团队学习", "学习计划", "team learning"),
    ("系统思考", "思考题", "systems thinking"),
    ("心智模式", "工作模式", "mental models"),
    ("共同愿景", "美好愿景", "shared vision"),
    ("自我超越", "超越自我", "personal mastery"),
    ("作风建设", "作风问题", ""),
    ("档案管理", "管理制度", "records management"),
    ("应急管理", "应急预案", "emergency management"),
]

FILLER = [
    "本季度各科室按照年度计划推进重点工作，整体进展顺利。",
    "会议要求各单位结合实际抓好落实，按时报送材料。",
    "同志们围绕工作中的难点问题进行了深入交流。",
    "下一步将进一步完善制度，加强督促检查。",
    "机关干部要坚持每周自学，认真撰写心得体会。",
    "讨论中大家畅所欲言，提出了不少有价值的意见建议。",
    "各小组要按时提交学习小结，做到有记录、有总结。",
    "要把学到的知识运用到实际工作中去，做到学以致用。",
    "年度考核将综合考虑学习态度、学习内容和学习效果。",
    "通报指出，个别同志存在无故缺席的情况，需要改进。",
    "The office meets every month to review progress and plan the next steps.",
    "Colleagues shared notes from the quarterly meeting and agreed on follow-up actions.",
]

# Characters used to keep a phrase's characters apart in distractors.
SPACERS = "的了在和与及其把被对从向到于为以"


@dataclass
class Doc:
    doc_id: str
    title: str
    body: str
    grades: dict[str, int] = field(default_factory=dict)  # topic phrase -> grade


def _filler(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(FILLER) for _ in range(n))


def _apart(phrase: str, rng: random.Random) -> str:
    """The phrase's characters, each in its own clause, never side by side."""
    return "，".join(f"{c}{rng.choice(SPACERS)}{rng.choice(FILLER)[:6]}" for c in phrase) + "。"


def build_corpus(seed: int = 20240501) -> list[Doc]:
    rng = random.Random(seed)
    docs: list[Doc] = []
    for number, (phrase, half, english) in enumerate(TOPICS):
        en_title = f" {english.title()}" if english else ""
        en_body = f" Notes on {english} from our study group." if english else ""
        docs.append(
            Doc(
                f"t{number}-main",
                f"关于{phrase}的思考{en_title}",
                f"{phrase}是当前的重点工作。{_filler(rng, 3)}我们对{phrase}做了系统梳理。{en_body}{_filler(rng, 2)}",
                {phrase: 3},
            )
        )
        docs.append(
            Doc(
                f"t{number}-discusses",
                f"第{number + 1}期学习小结",
                f"本期围绕{phrase}展开讨论。{_filler(rng, 4)}大家认为{phrase}需要久久为功。{en_body}",
                {phrase: 2},
            )
        )
        docs.append(
            Doc(
                f"t{number}-mentions",
                f"{2020 + number % 5}年工作总结",
                f"{_filler(rng, 6)}此外，{phrase}方面也有所推进。{en_body}{_filler(rng, 1)}",
                {phrase: 1},
            )
        )
        docs.append(
            Doc(
                f"t{number}-apart",
                f"{phrase[0]}{rng.choice(SPACERS)}工作随笔",
                f"{_filler(rng, 2)}{_apart(phrase, rng)}{_filler(rng, 2)}",
            )
        )
        english_apart = ""
        if english:
            first, *rest = english.split()
            english_apart = f" The {rest[-1]} of the week and our {first} notes."
        docs.append(
            Doc(
                f"t{number}-half",
                f"{half}情况通报",
                f"{half}是本月的一项工作。{_filler(rng, 3)}{english_apart}",
            )
        )
    for n in range(20):
        docs.append(Doc(f"filler-{n}", f"机关工作简报第{n + 1}期", _filler(rng, 8)))
    return docs


def build_queries() -> list[tuple[str, str]]:
    """(query, topic phrase it asks about): Chinese, English and mixed."""
    queries = [(phrase, phrase) for phrase, _half, _english in TOPICS]
    queries += [(english, phrase) for phrase, _half, english in TOPICS if english]
    mixed = [t for t in TOPICS if t[2]][:6]
    queries += [(f"{phrase} {english.split()[0]}", phrase) for phrase, _half, english in mixed]
    # As people type them: full-width letters, a question mark, a lower-case phrase with a typo'd case.
    queries += [
        ("ＤＩＧＩＴＡＬ　ＧＯＶＥＲＮＭＥＮＴ", "数字政府"),
        ("乡村振兴？", "乡村振兴"),
        ("“学习型组织”", "学习型组织"),
        ("Systems THINKING", "系统思考"),
        ("粮食安全 food security", "粮食安全"),
    ]
    return queries
