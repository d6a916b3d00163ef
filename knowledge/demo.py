"""Demo articles for the knowledge library: theory, research, reflections and reading notes.

Idempotent: an article is found by its slug under the library and left alone if it is there.
The text below was written for this demo; it is content, kept here so the loader stays simple.
"""

import datetime

from django.utils import timezone
from django.utils.html import escape

from wagtail.rich_text import RichText

from people.models import Department, Person

from .models import ArticleKind, ArticlePage, KnowledgeIndexPage

THEORY = ArticleKind.THEORY
RESEARCH = ArticleKind.RESEARCH
REFLECTION = ArticleKind.REFLECTION
READING_NOTES = ArticleKind.READING_NOTES


def H(text):
    return ("heading", {"text": text})


def P(text):
    return ("paragraph", RichText(f"<p>{escape(text)}</p>"))


def UL(*items):
    lis = "".join(f"<li>{escape(item)}</li>" for item in items)
    return ("paragraph", RichText(f"<ul>{lis}</ul>"))


def Q(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


ARTICLES = [
    # ------------------------------------------------------------------ 2024
    {
        "slug": "why-team-learning-matters",
        "title": "Why team learning matters more than individual learning",
        "kind": THEORY,
        "date": datetime.date(2024, 2, 27),
        "authors": ["chenjie"],
        "department": "政策研究室",
        "tags": ["team learning", "团队学习", "学习型组织"],
        "summary": "An office does not become a learning organization because its cadres each read more. "
        "It does when what one person learns changes how the whole team works.",
        "body": [
            P(
                "Most of us think of learning as something an individual does: a cadre reads a book, "
                "takes notes and, if all goes well, does the job a little better. That is necessary, but "
                "it is not enough. An office can be full of well-read people and still repeat the same "
                "mistakes every year, because what each person knows never meets what the others know."
            ),
            Q(
                "Team learning is vital because teams, not individuals, are the fundamental learning "
                "unit in modern organizations.",
                "Peter M. Senge, The Fifth Discipline",
            ),
            H("What a team learns that a person cannot"),
            P(
                "When the Policy Research Office drafts a report, the finished text depends on the "
                "economist who knows the figures, the colleague who visited the townships and the one who "
                "remembers why a similar policy failed five years ago. None of them alone could write the "
                "report. Team learning is the practice of making that combination deliberate: talking "
                "through a problem until the group sees more than any member saw at the start."
            ),
            P(
                "Senge distinguishes two ways of talking. In discussion, each person defends a view and "
                "the best argument wins. In dialogue, people suspend their views for a while and look at "
                "the assumptions behind them. Our concentrated study sessions are usually discussions. "
                "Setting aside twenty minutes of each session for dialogue, with a rule that nobody "
                "argues for a conclusion, is a small change that is worth trying."
            ),
            H("Three habits to start with"),
            UL(
                "Share a problem, not only a result: bring the unfinished question to the group.",
                "Write a short summary after each session, so that the next one starts where this one ended.",
                "Rotate who speaks first, so that the most senior voice does not set every agenda.",
            ),
        ],
    },
    {
        "slug": "five-disciplines-learning-office",
        "title": "建设学习型机关的五项修炼",
        "kind": THEORY,
        "date": datetime.date(2024, 3, 12),
        "authors": ["chenjie", "xuming"],
        "department": "政策研究室",
        "tags": ["学习型组织", "团队学习", "理论学习"],
        "summary": "借鉴彼得·圣吉提出的五项修炼，结合机关工作实际，谈谈建设学习型机关可以从哪些方面入手。",
        "body": [
            P(
                "“学习型组织”这一概念因彼得·圣吉的《第五项修炼》而广为人知。书中提出的五项修炼——自我超越、"
                "改善心智模式、建立共同愿景、团队学习和系统思考——原本针对企业，但其中的道理同样适用于机关。"
                "机关的主要产品是政策、文件和服务，质量高低很大程度上取决于干部的学习能力和集体的思考能力。"
            ),
            H("自我超越：从“要我学”到“我要学”"),
            P(
                "自我超越强调个人不断厘清自己真正想要达到的目标，并正视现实与目标之间的差距。落到机关，"
                "就是让每位干部制订切合岗位的个人学习计划，年有计划、月有安排、周有活动，"
                "把学习目标与岗位职责和个人成长结合起来，而不是把学习当作额外的任务。"
            ),
            H("改善心智模式与建立共同愿景"),
            P(
                "心智模式是我们习以为常的假设。比如“这件事历来都是这样办的”，往往就是需要重新审视的假设。"
                "集中学习时，可以有意识地选择一些过去的做法作为案例，请大家说出背后的前提，再看这些前提今天是否仍然成立。"
                "共同愿景则要靠充分沟通形成，而不是由上级一次性宣布。科室在制订年度学习安排时，"
                "不妨先请每位干部写下自己希望通过学习解决的一个工作问题。"
            ),
            H("团队学习与系统思考"),
            P(
                "团队学习的关键在于深度会谈：暂时搁置各自的结论，共同探究问题。系统思考则要求看到事物之间的联系和反馈，"
                "避免“头痛医头、脚痛医脚”。这两项修炼在机关工作中尤其重要，因为多数问题都跨越科室边界，"
                "单靠一个科室的视角很难看清全貌。"
            ),
            Q("学而不思则罔，思而不学则殆。", "《论语·为政》"),
        ],
    },
    {
        "slug": "fifth-discipline-reading-notes-systems-thinking",
        "title": "《第五项修炼》读书笔记：系统思考从何处入手",
        "kind": READING_NOTES,
        "date": datetime.date(2024, 4, 20),
        "authors": ["zhangwei"],
        "department": "综合规划科",
        "tags": ["读书", "学习型组织", "理论学习"],
        "summary": "本月读完《第五项修炼》，重点记录书中关于系统思考的部分，以及对规划工作的几点启发。",
        "body": [
            P(
                "按照“四个一”中“每月读一本书”的要求，这个月我选读了彼得·圣吉的《第五项修炼》。"
                "全书篇幅不短，我把重点放在第五项修炼即系统思考上，因为它被作者称为整合其他四项修炼的基础。"
            ),
            H("几个印象深刻的概念"),
            UL(
                "因果回路：原因和结果往往不是一条直线，而是相互作用的环路。",
                "时间滞延：措施见效需要时间，急于求成容易导致反复调整、矫枉过正。",
                "“舍本逐末”的基本模式：用见效快的办法处理症状，反而削弱了解决根本问题的能力。",
                "杠杆点：小而有针对性的行动，有时能带来持久的显著改善。",
            ),
            P(
                "书中“啤酒游戏”的例子让我印象很深：供应链上的每个环节都按自己的判断理性决策，"
                "整体却出现了大起大落。问题不在某个人，而在结构。这提醒我们，在分析工作中出现的问题时，"
                "不要急于找“责任人”，而要先画出事情之间的关系。"
            ),
            H("对规划工作的启发"),
            P(
                "综合规划科的工作天然涉及多个领域。以往编制专项规划时，我们习惯按部门分别收集意见再汇总，"
                "各部分之间的相互影响考虑得不够。今后可以在起草前先用一张简单的关系图，"
                "把主要指标之间的相互作用标出来，再分头撰写，这样或许能减少前后矛盾。"
            ),
            P("下个月准备结合本书第十二章关于团队学习的内容，在科室集中学习时做一次分享。"),
        ],
    },
    {
        "slug": "field-research-interview-guide",
        "title": "A practical guide to field research interviews",
        "kind": RESEARCH,
        "date": datetime.date(2024, 5, 14),
        "authors": ["huangjing"],
        "department": "综合规划科",
        "tags": ["research methods", "调研"],
        "summary": "What our section learned about planning, conducting and writing up interviews during "
        "three rounds of field research (调研) in the townships.",
        "body": [
            P(
                "Field research is one of the office's most important ways of learning, and also one of "
                "the easiest to do badly. A visit that consists of a briefing in a meeting room and a "
                "short tour produces a report that repeats what the hosts wanted to say. This note "
                "collects practical advice from three rounds of research the Comprehensive Planning "
                "Section carried out in 2023 and 2024."
            ),
            H("Before the visit"),
            UL(
                "Write down the two or three questions the research must answer, and what decision it will inform.",
                "Read the existing data first, so that interviews are spent on what the figures cannot tell.",
                "Choose interviewees beyond the usual contacts: village cadres, but also farmers, shop owners and teachers.",
                "Prepare an interview guide of open questions, not a questionnaire read aloud.",
            ),
            H("During the interview"),
            P(
                "Ask about concrete events rather than opinions: 'What happened the last time the "
                "irrigation channel was repaired?' yields more than 'What do you think of the repair "
                "fund?'. Let silences last; people often add the most useful detail after a pause. One "
                "person asks, another takes notes, and the two compare notes the same evening while "
                "memories are fresh."
            ),
            H("Writing it up"),
            P(
                "Separate what was observed from what was said and from what we conclude. A research "
                "report is more convincing when each recommendation can be traced back to specific "
                "evidence. We now keep a simple table of findings, sources and confidence for every "
                "visit, and attach it to the report for colleagues who want to check our reasoning."
            ),
        ],
    },
    {
        "slug": "first-monthly-lecture-reflection",
        "title": "第一次参加月月讲的体会",
        "kind": REFLECTION,
        "date": datetime.date(2024, 5, 28),
        "authors": ["sunhao"],
        "department": "政策研究室",
        "tags": ["月月讲", "团队学习"],
        "summary": "作为新入职的干部，第一次参加机关的月月讲，谈谈听讲的收获和对这一做法的理解。",
        "body": [
            P(
                "五月的月月讲由经济发展科马强科长主讲，题目是《我市村级集体经济发展的几个问题》。"
                "这是我入职后第一次参加月月讲，原以为会是一次照本宣科的报告，没想到内容非常具体，"
                "既有数据，也有他在乡镇调研时遇到的真实案例。"
            ),
            H("讲的人收获最大"),
            P(
                "会后和马科长交流，他说为了这次讲座准备了将近一个月，查阅了不少资料，还专门回访了两个村。"
                "我这才理解月月讲的用意：每月由一位干部轮流主讲，主讲人为了讲清楚一个问题，"
                "必须把零散的经验系统化，这本身就是一次深度学习。"
            ),
            H("听的人要带着问题听"),
            P(
                "这次我提前看了讲座提纲，带着两个问题去听，讨论环节也鼓起勇气提了问。"
                "比起被动地听，带着问题听的收获明显更多。我把讲座要点和自己的思考整理成了一篇学习笔记，"
                "约一千二百字，也算完成了本周“读一篇文章”的任务。"
            ),
            P("按照轮流安排，明年我也会走上讲台。从现在起就要留心积累素材，争取讲出自己的东西。"),
        ],
    },
    {
        "slug": "village-collective-economy-research",
        "title": "关于我市村级集体经济发展情况的调研报告",
        "kind": RESEARCH,
        "date": datetime.date(2024, 6, 18),
        "authors": ["maqiang", "wulei"],
        "department": "经济发展科",
        "tags": ["调研", "乡村振兴"],
        "summary": "经济发展科在三个乡镇十二个村开展调研，梳理村级集体经济的收入来源、主要困难，并提出建议。",
        "body": [
            H("一、调研基本情况"),
            P(
                "今年四月至五月，经济发展科组成调研组，采取座谈、入户访谈和查阅台账相结合的方式，"
                "走访了三个乡镇的十二个行政村，与村干部、合作社负责人和村民代表共六十余人进行了交流。"
                "调研重点是村级集体经济的收入结构、经营方式和发展中遇到的困难。"
            ),
            H("二、主要发现"),
            P(
                "从收入来源看，多数村的集体收入主要依靠资产租赁和上级补助，经营性收入占比较低，"
                "收入结构比较单一。从经营方式看，有四个村通过成立股份经济合作社，"
                "把闲置的厂房、仓库统一盘活，收入相对稳定。从人员看，懂经营、会管理的人才不足是普遍反映的问题。"
            ),
            P(
                "调研中也发现了一些值得推广的做法。例如有的村把分散的小块土地集中流转，引入种植大户统一经营，"
                "村集体收取服务费；有的村与邻村联合建设冷库，共同承担投入、共享收益，降低了单个村的风险。"
            ),
            H("三、几点建议"),
            UL(
                "分类指导：根据各村资源禀赋，区分资产盘活型、服务创收型和联合发展型，避免“一刀切”。",
                "加强财务监管：推进村级财务公开，定期审计，防范经营风险。",
                "培养经营人才：结合乡村人才培养计划，开展集体经济经营管理培训。",
            ),
            Q("没有调查，没有发言权。", "毛泽东《反对本本主义》"),
        ],
    },
    {
        "slug": "four-ones-make-learning-routine",
        "title": "以“四个一”推动学习常态化",
        "kind": THEORY,
        "date": datetime.date(2024, 7, 9),
        "authors": ["liuyang"],
        "department": "组织人事科",
        "tags": ["四个一", "学习型组织", "学习笔记"],
        "summary": "“四个一”把学习要求分解到周、月、季、年，关键在于落实和检查。本文谈谈机关推行“四个一”的做法和体会。",
        "body": [
            P(
                "“四个一”是指每周读一篇文章、每月读一本书、每季度写一篇理论文章、每年学会一项新技能。"
                "这一要求把抽象的“加强学习”分解成了看得见、可检查的具体任务，是推动学习常态化的有效抓手。"
            ),
            H("分解到时间，落实到个人"),
            P(
                "推行“四个一”的第一步，是把它写进每位干部的个人学习计划。"
                "年初制订计划时，各科室负责人和干部一起商定本年度要读的书目、要写的理论文章方向和要学的技能，"
                "周、月的安排则随工作灵活调整。计划越具体，执行和检查就越容易。"
            ),
            H("以笔记和文章为载体"),
            P(
                "读文章、读书是否真正有收获，最好的检验是写。我们要求干部把每周、每月的阅读体会记入学习笔记，"
                "季度理论文章经科室负责人审阅后在知识库共享。这样既便于检查，也让好的文章被更多人看到。"
            ),
            H("检查要重质量，不只看数量"),
            P(
                "学习笔记有字数要求，但字数只是底线。每月笔记检查时，检查人应当关注笔记是否有自己的思考、"
                "是否联系了工作实际，而不是简单摘抄。对写得好的笔记和文章，可以在通报中点名表扬，形成示范效应。"
            ),
            Q("不积跬步，无以至千里；不积小流，无以成江海。", "《荀子·劝学》"),
        ],
    },
    {
        "slug": "writing-good-study-notes",
        "title": "写好学习笔记的几点体会",
        "kind": REFLECTION,
        "date": datetime.date(2024, 8, 15),
        "authors": ["zhoutingting"],
        "department": "综合规划科",
        "tags": ["学习笔记", "四个一"],
        "summary": "学习笔记不是摘抄本。结合一年多的实践，谈谈怎样让笔记真正帮助思考和工作。",
        "body": [
            P(
                "刚开始记学习笔记时，我的笔记基本上是摘抄：文章里的好句子抄下来，字数很快就够了，"
                "但过一段时间再翻，几乎想不起当时学到了什么。后来在科长的建议下，我调整了记笔记的方法，"
                "这里把几点体会记下来，和大家交流。"
            ),
            H("先写自己的话"),
            P(
                "读完一篇文章，先合上原文，用三五句话写下它讲了什么。写不出来，说明还没读懂，需要回头再读。"
                "摘抄可以有，但要放在自己的概括之后，作为佐证。"
            ),
            H("一定要联系工作"),
            P(
                "每条笔记的最后，我都会写一句“这和我的工作有什么关系”。有时只是一个问题，"
                "比如“这个方法能不能用在下个月的规划评估里”。这些问题后来很多都成了季度理论文章的选题。"
            ),
            H("定期回看，形成积累"),
            P(
                "每个月底，我会花半小时回看本月的笔记，把有关联的内容标出来。一年下来，"
                "笔记字数超过了一万字的要求，更重要的是，它成了我自己的一个小型知识库。"
            ),
        ],
    },
    {
        "slug": "fifth-discipline-mental-models-notes",
        "title": "Reading notes: The Fifth Discipline on mental models",
        "kind": READING_NOTES,
        "date": datetime.date(2024, 9, 10),
        "authors": ["zhaomin"],
        "department": "政策研究室",
        "tags": ["读书", "team learning", "学习型组织"],
        "summary": "Notes from the youth study group's reading of the chapter on mental models, and how "
        "we tried its exercises in a concentrated study session.",
        "body": [
            P(
                "The youth study group chose Senge's The Fifth Discipline for its autumn reading and "
                "divided the chapters among members. I took the chapter on mental models: the deeply "
                "held images of how the world works that shape what we notice and how we act, often "
                "without our being aware of them."
            ),
            H("Key ideas"),
            UL(
                "Mental models are not right or wrong in themselves; the problem is when they stay untested.",
                "Leaps of abstraction: we move from a few observations to a general belief and then treat the belief as a fact.",
                "Balancing advocacy with inquiry: state your view and your reasoning, then invite others to find its gaps.",
                "The 'left-hand column': writing down what we thought but did not say in a conversation.",
            ),
            H("Trying it out"),
            P(
                "In our September session we used the left-hand column exercise on a real case: a "
                "meeting with a township about a delayed project. Each of us wrote what was said on the "
                "right and what we were thinking on the left. Several of us had assumed the township "
                "was simply slow; the notes showed we had never asked what was blocking them."
            ),
            P(
                "The exercise felt awkward at first, but it changed the tone of the discussion. We now "
                "end each session by asking, 'What did we assume today that we have not checked?' It "
                "takes five minutes and has already led to two phone calls that resolved "
                "misunderstandings."
            ),
        ],
    },
    {
        "slug": "community-grid-governance-research",
        "title": "社区网格化治理的现状与改进建议",
        "kind": RESEARCH,
        "date": datetime.date(2024, 9, 24),
        "authors": ["guoli", "tangbo"],
        "department": "社会事业科",
        "tags": ["基层治理", "调研"],
        "summary": "对城区六个社区网格化管理运行情况的调研，分析网格员队伍、信息系统和群众参与等方面的问题。",
        "body": [
            H("一、调研背景"),
            P(
                "网格化管理是城市基层治理的重要方式。为了解我市社区网格的实际运行情况，"
                "社会事业科于八月走访了城区六个社区，与社区书记、网格员和居民代表座谈，"
                "并对部分网格员进行了跟班观察。"
            ),
            H("二、存在的问题"),
            P(
                "一是网格员任务过重。除日常巡查外，网格员还承担了大量临时性的统计、填表任务，"
                "有网格员反映，每天用于填报数据的时间超过三个小时。二是信息系统重复。"
                "不同部门要求使用不同的应用程序报送信息，同一事项往往需要录入多次。"
                "三是居民参与不足。多数居民知道有网格员，但对如何通过网格反映问题并不清楚。"
            ),
            H("三、改进建议"),
            UL(
                "清理规范网格事项，建立准入清单，未经审核的任务不得下派网格员。",
                "推动基层报表和信息系统整合，实现“一次采集、多方共享”。",
                "发挥楼栋长、志愿者作用，畅通居民参与渠道。",
            ),
            P(
                "调研组认为，网格化治理的出发点是把服务送到群众身边，关键在于让网格员有时间做好服务，"
                "而不是被表格和报送所束缚。"
            ),
        ],
    },
    {
        "slug": "governance-reading-notes-ecology",
        "title": "《习近平谈治国理政》阅读笔记：生态文明建设相关篇目",
        "kind": READING_NOTES,
        "date": datetime.date(2024, 10, 30),
        "authors": ["zhengshuang"],
        "department": "社会事业科",
        "tags": ["读书", "生态保护", "理论学习"],
        "summary": "科室集中学习期间，分工阅读书中有关生态文明建设的篇目，记录阅读安排、主要内容和讨论情况。",
        "body": [
            P(
                "十月，社会事业科的集中学习安排阅读《习近平谈治国理政》中有关生态文明建设的篇目。"
                "科室五位同志分工阅读，每人负责一至两篇，在集中学习时逐篇介绍，再共同讨论。"
                "本文是我负责部分的阅读笔记，也记录了讨论中的一些观点。"
            ),
            H("阅读内容"),
            P(
                "我负责的篇目围绕生态环境保护与经济发展的关系展开。书中多次阐述保护生态环境就是保护生产力、"
                "改善生态环境就是发展生产力的观点，并强调要用最严格的制度、最严密的法治保护生态环境。"
            ),
            Q(
                "我们既要绿水青山，也要金山银山。宁要绿水青山，不要金山银山，而且绿水青山就是金山银山。",
                "《习近平谈治国理政》",
            ),
            H("讨论情况"),
            P(
                "讨论中，大家结合本科室分管的农村人居环境工作，谈到了垃圾分类、污水处理等具体问题。"
                "有同志提出，生态保护和群众生活改善可以相互促进，关键是找准结合点；"
                "也有同志提出，基层在执行中需要更清晰的标准和更充足的运维资金。"
            ),
            H("下一步打算"),
            P(
                "计划在明年上半年结合农村人居环境整治开展一次专题调研，把读书所得和实际工作结合起来，"
                "形成一篇调研文章。"
            ),
        ],
    },
    {
        "slug": "data-sharing-in-digital-government",
        "title": "数字政府建设中的数据共享问题",
        "kind": THEORY,
        "date": datetime.date(2024, 11, 19),
        "authors": ["xuming"],
        "department": "政策研究室",
        "tags": ["数字政府", "理论学习", "digital government"],
        "summary": "数据共享是数字政府建设的基础，也是难点。本文从制度、技术和能力三个方面分析数据共享的障碍和对策。",
        "body": [
            P(
                "近年来，各地在建设数字政府方面投入很大，政务服务平台、协同办公系统、城市运行管理平台相继上线。"
                "但在实际工作中，“数据孤岛”“重复填报”等问题仍然突出。数据不能顺畅共享，"
                "系统建得再多，也难以真正提高治理效能。"
            ),
            H("制度层面：权责不清"),
            P(
                "数据由谁提供、谁使用、出了问题谁负责，很多时候缺乏明确规定。提供数据的部门担心承担安全风险，"
                "使用数据的部门又担心数据质量不可靠。建立数据共享目录和责任清单，明确“谁提供谁负责、谁使用谁负责”，"
                "是打破顾虑的前提。"
            ),
            H("技术层面：标准不一"),
            P(
                "同一个企业、同一个人，在不同系统里的编码和字段格式往往不同，数据对接需要大量人工比对。"
                "统一数据标准，特别是基础数据的标准，应当先于新系统建设。"
            ),
            H("能力层面：会用数据的人不多"),
            P(
                "数据共享的目的是用。现在不少干部习惯于“要材料”而不是“查数据”，"
                "对数据分析工具也比较陌生。把数据素养纳入干部学习内容，比如作为“每年学会一项新技能”的选项，"
                "是机关可以马上做起来的事。"
            ),
        ],
    },
    {
        "slug": "online-government-services-survey",
        "title": "政务服务“一网通办”使用情况调研",
        "kind": RESEARCH,
        "date": datetime.date(2024, 12, 17),
        "authors": ["yangxue", "lina"],
        "department": "办公室",
        "tags": ["数字政府", "调研", "digital government"],
        "summary": "通过问卷和窗口观察，了解企业和群众使用网上政务服务的情况，分析线上办理率不高的原因。",
        "body": [
            H("调研方法"),
            P(
                "十一月，办公室联合有关单位在市政务服务中心开展调研。调研采取问卷调查和现场观察相结合的方式，"
                "共回收有效问卷三百余份，并在三个办事窗口连续观察了五个工作日，记录办事群众的咨询问题和办理路径。"
            ),
            H("主要发现"),
            P(
                "问卷显示，多数受访者知道可以在网上办理业务，但实际选择线上办理的比例不高。"
                "主要原因包括：担心材料上传不符合要求被退回、部分事项线上线下要求不一致、"
                "年龄较大的群众不熟悉操作等。现场观察还发现，不少群众是在网上办理遇到问题后才来到窗口的。"
            ),
            H("对策建议"),
            UL(
                "统一线上线下办事指南，做到同一事项、同一标准。",
                "在网上办理页面提供材料样例和常见问题说明，减少退件。",
                "保留并优化线下窗口和帮办代办服务，照顾不便使用网络的群体。",
                "建立“好差评”结果分析机制，定期梳理高频问题。",
            ),
            P("调研报告已提交分管领导审阅，部分建议将在明年的工作计划中落实。"),
        ],
    },
    # ------------------------------------------------------------------ 2025
    {
        "slug": "youth-study-group-one-year",
        "title": "参加青年学习小组一年的收获",
        "kind": REFLECTION,
        "date": datetime.date(2025, 1, 14),
        "authors": ["zhaomin"],
        "department": "政策研究室",
        "tags": ["团队学习", "学习型组织"],
        "summary": "作为青年学习小组组长，回顾一年来小组的活动安排、遇到的困难和大家的成长。",
        "body": [
            P(
                "去年初，机关青年学习小组成立，我被推选为组长。一年来，小组共组织集中学习十一次、读书分享四次、"
                "外出调研两次。回头看，最大的收获不是完成了多少次活动，而是大家逐渐习惯了在一起思考问题。"
            ),
            H("从“轮流发言”到“共同讨论”"),
            P(
                "最初几次活动，基本是每人轮流念一段材料、说几句体会，气氛比较拘谨。后来我们改变了方式："
                "每次活动前由一位组员提出一个工作中的真实问题，大家围绕问题查资料、谈看法，"
                "秘书负责整理讨论纪要。讨论有了焦点，发言也就自然多了。"
            ),
            H("遇到的困难"),
            P(
                "工作忙的时候，集中学习的时间难以保证，个别月份出勤率不高。我们的办法是提前一个月排定时间，"
                "并在活动结束后把纪要共享到学习平台，请假的同志可以补学。"
            ),
            P(
                "新的一年，小组计划围绕数字政府和基层治理两个主题开展系列学习，"
                "每季度形成一篇共同署名的文章。希望更多青年干部加入进来。"
            ),
            Q("三人行，必有我师焉。择其善者而从之，其不善者而改之。", "《论语·述而》"),
        ],
    },
    {
        "slug": "a-year-of-monthly-lectures",
        "title": "Reflections on a year of monthly lectures",
        "kind": REFLECTION,
        "date": datetime.date(2025, 1, 21),
        "authors": ["lina"],
        "department": "办公室",
        "tags": ["月月讲", "team learning"],
        "summary": "The General Office organised the monthly lecture (月月讲) rotation in 2024. "
        "Here is what worked, what did not, and what we will change.",
        "body": [
            P(
                "In 2024 the General Office ran the monthly lecture rotation for the whole office: "
                "twelve lectures, given by cadres from all six departments, on subjects from village "
                "collective economies to data sharing. As the person who kept the schedule, I saw every "
                "lecture and most of the preparation behind it."
            ),
            H("What worked"),
            P(
                "The lectures that people still talk about had two things in common. The speaker chose "
                "a question from his or her own work, and the lecture included something the audience "
                "could not have read elsewhere: field notes, a worked example, a mistake and what it "
                "taught. Lectures that summarised official documents were, unsurprisingly, the least "
                "remembered."
            ),
            H("What did not"),
            P(
                "Scheduling was harder than expected. Three lectures had to be moved because of urgent "
                "work, and attendance dropped when the date changed at short notice. Discussion time "
                "was often cut to a few minutes when the lecture ran long."
            ),
            H("Changes for 2025"),
            UL(
                "Publish the full year's rotation in January, with a reserve speaker for each month.",
                "Limit each lecture to forty minutes and protect twenty minutes for questions.",
                "Ask each speaker to share an outline a week before, so listeners come with questions.",
                "Put every lecture's slides and a short summary in the knowledge library.",
            ),
        ],
    },
    {
        "slug": "basic-methods-of-investigation",
        "title": "调查研究的基本方法：从问题清单到调研报告",
        "kind": THEORY,
        "date": datetime.date(2025, 2, 25),
        "authors": ["huangjing"],
        "department": "综合规划科",
        "tags": ["调研", "理论学习", "research methods"],
        "summary": "结合科室近几年的调研实践，梳理调查研究从选题、准备、实施到成文的基本方法。",
        "body": [
            P(
                "调查研究是机关干部的基本功。调研做得好不好，直接关系到决策建议是否切合实际。"
                "本文结合科室近几年的实践，把调研的基本环节梳理如下，供大家参考。"
            ),
            H("一、选题：从问题清单出发"),
            P(
                "好的调研始于好的问题。选题应当来自工作中的真实困惑，而不是为了完成任务而调研。"
                "建议每个科室建立一份问题清单，平时遇到说不清、看不透的问题随手记下，年初从中选择调研题目。"
            ),
            H("二、准备：先读材料，再定提纲"),
            P(
                "出发前要把已有的统计数据、文件和以往调研报告读一遍，弄清楚哪些情况已经掌握、哪些需要实地了解。"
                "在此基础上拟定访谈提纲，问题要具体、开放，避免只能回答“是”或“不是”的问题。"
            ),
            H("三、实施：点面结合，多听多看"),
            P(
                "调研对象既要有典型，也要有一般；既要听干部介绍，也要听群众意见。"
                "可以“四不两直”的方式随机走访，看到的情况往往更真实。每天调研结束后，调研组应当及时碰头，"
                "整理记录，调整第二天的安排。"
            ),
            H("四、成文：用事实说话"),
            P(
                "调研报告要把情况、问题和建议讲清楚，每一条判断都应有事实和数据支撑。"
                "建议部分要具体、可操作，最好明确由谁、在什么时间、做什么，便于决策参考和落实。"
            ),
            Q("博学之，审问之，慎思之，明辨之，笃行之。", "《礼记·中庸》"),
        ],
    },
    {
        "slug": "watershed-ecological-compensation-research",
        "title": "流域生态保护补偿机制调研",
        "kind": RESEARCH,
        "date": datetime.date(2025, 3, 27),
        "authors": ["zhangwei", "huangjing"],
        "department": "综合规划科",
        "tags": ["生态保护", "调研"],
        "summary": "围绕我市主要河流上下游之间的生态保护补偿，调研现行做法、资金使用情况和存在的问题。",
        "body": [
            H("一、调研背景"),
            P(
                "流域上游地区为保护水源地，在产业发展上受到一定限制；下游地区则从良好的水质中受益。"
                "建立上下游之间的生态保护补偿机制，是平衡保护与发展的重要制度安排。"
                "为给编制相关规划提供依据，综合规划科于二月至三月开展了专题调研。"
            ),
            H("二、现行做法"),
            P(
                "目前我市在两条主要河流上开展了补偿试点，以跨界断面水质监测结果为依据："
                "水质达标或改善的，由下游向上游支付补偿资金；水质变差的，由上游向下游支付。"
                "补偿资金主要用于上游的污水处理设施运行、农业面源污染治理和护林护水公益岗位。"
            ),
            H("三、存在的问题"),
            UL(
                "补偿标准偏低，与上游实际承担的保护成本差距较大。",
                "考核指标主要是水质，对水量、生态修复等方面考虑不够。",
                "资金使用以工程为主，对上游群众增收的带动作用有限。",
            ),
            H("四、建议"),
            P(
                "建议在试点基础上逐步扩大补偿范围，完善以水质为主、兼顾水量和生态的考核指标体系；"
                "探索资金补偿与产业协作、人才交流相结合的多元补偿方式，"
                "让上游群众在保护生态中得到实实在在的收益。"
            ),
        ],
    },
    {
        "slug": "digital-government-redesigning-services",
        "title": "Digital government: from putting services online to redesigning them",
        "kind": THEORY,
        "date": datetime.date(2025, 4, 8),
        "authors": ["xuming"],
        "department": "政策研究室",
        "tags": ["digital government", "数字政府"],
        "summary": "Moving a paper process onto a website is only the first step. The real gains come "
        "when an office redesigns the service around the person who uses it.",
        "body": [
            P(
                "In the first stage of digital government, most effort went into moving existing "
                "procedures online: the same forms, the same steps, now on a screen. That was useful, "
                "but our own survey of the government service centre showed its limits. People still "
                "came to the counter, often after trying online, because the online process was "
                "just as complicated as the paper one."
            ),
            H("Start from the user's task"),
            P(
                "Redesigning a service starts by asking what the person is trying to achieve, such as "
                "opening a small shop, and mapping every step and every office involved. Seen that way, "
                "many requirements turn out to exist only because two departments do not share data. "
                "The best form is the one the applicant never has to fill in."
            ),
            H("What it asks of an office"),
            P(
                "Redesign cuts across departments, so it needs someone with the authority to convene "
                "them and the patience to test changes with real users. It also needs cadres who are "
                "comfortable reading data and sketching a process. These are skills that can be "
                "learned, and they are good candidates for the 'one new skill a year' in a personal "
                "learning plan."
            ),
            P(
                "Digital government is sometimes discussed as a technology project. Our experience "
                "suggests it is mostly a learning project: an office learning to see its work from the "
                "outside."
            ),
        ],
    },
    {
        "slug": "reading-from-the-soil-notes",
        "title": "读《乡土中国》：理解基层社会的一把钥匙",
        "kind": READING_NOTES,
        "date": datetime.date(2025, 4, 22),
        "authors": ["tangbo"],
        "department": "社会事业科",
        "tags": ["读书", "基层治理", "乡村振兴"],
        "summary": "重读费孝通先生的《乡土中国》，记录“差序格局”“礼治秩序”等概念，以及对今天基层工作的启发。",
        "body": [
            P(
                "《乡土中国》是费孝通先生根据上世纪四十年代的讲课内容整理而成的小书，篇幅不长，"
                "却是理解中国基层社会的经典。这个月我利用自学时间重读了一遍，和大学时读的感受很不一样。"
            ),
            Q("从基层上看去，中国社会是乡土性的。", "费孝通《乡土中国》"),
            H("几个核心概念"),
            UL(
                "乡土本色：人们世代定居，与土地紧密相连，形成了熟人社会。",
                "差序格局：社会关系像水面上的波纹一样，以自己为中心一圈圈向外推。",
                "礼治秩序：乡土社会主要依靠传统和习惯维持秩序，而不是依靠法律条文。",
                "长老统治与无讼：纠纷多通过教化和调解解决，打官司被视为不体面的事。",
            ),
            H("对今天基层工作的启发"),
            P(
                "七十多年过去，农村社会已经发生了巨大变化，人口流动频繁，熟人社会正在变成“半熟人社会”。"
                "但书中的很多洞察仍有意义。比如在调解邻里纠纷时，村里有威望的老人、乡贤往往比正式程序更管用；"
                "推行新政策时，先争取村民信任的人支持，常常事半功倍。"
            ),
            P(
                "读这本书也提醒我，做基层工作不能只看文件和数字，还要理解群众的生活逻辑。"
                "下次下乡调研，我准备多留一些时间和村民闲谈，而不只是开座谈会。"
            ),
        ],
    },
    {
        "slug": "preparing-my-monthly-lecture",
        "title": "月月讲轮到我：准备一次专题讲座的过程",
        "kind": REFLECTION,
        "date": datetime.date(2025, 5, 20),
        "authors": ["fengxiao"],
        "department": "组织人事科",
        "tags": ["月月讲", "四个一"],
        "summary": "第一次担任月月讲主讲人，从选题、查资料到试讲的准备过程，以及讲完之后的一点反思。",
        "body": [
            P(
                "按照机关月月讲的轮流安排，五月由我主讲。接到通知时有些紧张：面对全机关的同事，"
                "包括各位领导，讲什么、怎么讲，心里都没底。回顾整个准备过程，收获远比预想的多。"
            ),
            H("选题：讲自己熟悉的事"),
            P(
                "一开始我想讲一个宏观的题目，写了提纲才发现很多内容只能照搬材料。"
                "和科长商量后，改为讲《干部教育培训档案的数字化管理》，这是我日常负责的工作，"
                "有体会、有案例，也有没解决的问题可以和大家探讨。"
            ),
            H("准备：三周时间，两次试讲"),
            P(
                "我用了一周时间查阅资料和整理工作记录，一周时间写讲稿、做课件，最后一周在科室内部试讲了两次。"
                "第一次试讲超时近二十分钟，同事们建议删去背景介绍，把重点放在具体做法上。"
                "第二次试讲控制在了四十分钟以内。"
            ),
            H("反思"),
            P(
                "讲座结束后，有几位同事就档案查询权限提了问题，其中一个问题我当场没能回答清楚，"
                "会后查了规定再专门回复。这让我意识到，讲一遍比听十遍学得更透，"
                "而讲不清楚的地方，恰恰是自己还没真正弄懂的地方。"
            ),
            Q("纸上得来终觉浅，绝知此事要躬行。", "陆游《冬夜读书示子聿》"),
        ],
    },
    {
        "slug": "questionnaire-design-grassroots-research",
        "title": "Survey design for grassroots research: lessons from one questionnaire",
        "kind": RESEARCH,
        "date": datetime.date(2025, 6, 10),
        "authors": ["tangbo"],
        "department": "社会事业科",
        "tags": ["research methods", "基层治理", "调研"],
        "summary": "Our questionnaire on community services produced numbers we could not use. "
        "What went wrong, and how we redesigned it.",
        "body": [
            P(
                "Last year the Social Affairs Section surveyed residents of six urban communities about "
                "the services offered by their community centres. We received over four hundred "
                "answers, and almost all of them said residents were 'satisfied' or 'very satisfied'. "
                "The figures looked good and told us nothing."
            ),
            H("What went wrong"),
            UL(
                "Questions asked for general satisfaction instead of concrete experience.",
                "Questionnaires were handed out by community staff, so residents were reluctant to criticise.",
                "Only people who already used the centre were reached, mostly retirees at daytime activities.",
            ),
            H("The redesign"),
            P(
                "For this year's round we replaced satisfaction scales with questions about the last "
                "time a resident needed help: what the problem was, where they went first, how long it "
                "took to solve. Questionnaires were collected by our own staff in a sealed box, and we "
                "added evening sessions and an online version to reach working residents."
            ),
            P(
                "The new answers were less flattering and far more useful. They showed, for example, "
                "that many younger residents did not know the centre could help with residence "
                "registration at all. A good questionnaire is short, concrete and tested on five "
                "people before it goes to five hundred."
            ),
        ],
    },
    {
        "slug": "dialogue-in-concentrated-study",
        "title": "深度会谈与讨论：让集中学习不流于形式",
        "kind": THEORY,
        "date": datetime.date(2025, 6, 17),
        "authors": ["lina"],
        "department": "办公室",
        "tags": ["团队学习", "学习型组织", "team learning"],
        "summary": "集中学习容易变成“念材料、谈体会”。借鉴团队学习中深度会谈的方法，谈谈如何提高集中学习的质量。",
        "body": [
            P(
                "集中学习是机关学习的重要形式，但不少同志反映，有的集中学习流于形式：领学人念材料，"
                "大家依次谈体会，发言内容大同小异，散会后很快就忘了。怎样让集中学习真正产生效果？"
                "团队学习理论中的“深度会谈”提供了一个思路。"
            ),
            H("深度会谈与讨论的区别"),
            P(
                "圣吉把团队交流分为两种：讨论和深度会谈。讨论像打乒乓球，各方提出观点、相互说服，"
                "目的是形成决定；深度会谈则是大家暂时悬挂各自的假设，以平等的身份共同探究一个复杂问题，"
                "目的是加深理解。两者都需要，但机关的集中学习往往只有前者，甚至连讨论也不充分。"
            ),
            H("几点具体做法"),
            UL(
                "会前发放学习材料和思考题，会上不再通读全文。",
                "每次确定一个与工作相关的核心问题，围绕问题发言，而不是泛泛谈体会。",
                "主持人负责引导，鼓励不同意见，避免由职务最高的同志先定调。",
                "秘书做好讨论纪要，经组长审核后共享，下次学习从纪要中的遗留问题开始。",
            ),
            P(
                "办公室今年上半年按这种方式组织了四次集中学习，从参加者的反馈看，"
                "发言的针对性明显增强，讨论纪要也成了撰写调研文章和理论文章的重要素材。"
            ),
        ],
    },
    {
        "slug": "rural-talent-three-townships",
        "title": "乡村振兴中的人才问题：三个乡镇的调研",
        "kind": RESEARCH,
        "date": datetime.date(2025, 7, 22),
        "authors": ["wulei"],
        "department": "经济发展科",
        "tags": ["乡村振兴", "调研"],
        "summary": "对三个乡镇人才现状的调研显示，留不住、引不进、用不好是突出问题。报告分析了原因并提出建议。",
        "body": [
            H("一、基本情况"),
            P(
                "六月，经济发展科对三个乡镇的人才情况开展调研，重点了解农业技术人员、"
                "返乡创业人员和村级后备干部三类人才的数量、结构和需求，共访谈八十余人，收集问卷二百余份。"
            ),
            H("二、主要问题"),
            P(
                "一是人才外流明显。受访村中，四十岁以下的常住人口比例普遍偏低，青年人多数在外务工。"
                "二是引进渠道有限。返乡创业人员反映，在用地、贷款和技术服务等方面仍有不少困难。"
                "三是使用机制不够灵活。部分乡镇农技人员长期被抽调从事其他工作，专业特长难以发挥。"
            ),
            H("三、值得借鉴的做法"),
            P(
                "调研中也看到一些积极探索：有的乡镇建立返乡人才信息库，定期走访联系；"
                "有的村与职业院校合作开设实用技术培训班，培养本土人才；还有的地方通过“乡贤理事会”，"
                "请在外工作的本地人才为家乡发展出主意、引项目。"
            ),
            H("四、建议"),
            UL(
                "完善返乡创业扶持政策，集中解决用地、融资等突出问题。",
                "落实农技人员专岗专用，减少抽调借用。",
                "加强本土人才培养，把培训办到田间地头。",
            ),
        ],
    },
    {
        "slug": "rereading-oppose-book-worship",
        "title": "重读《反对本本主义》笔记",
        "kind": READING_NOTES,
        "date": datetime.date(2025, 8, 19),
        "authors": ["linfeng"],
        "department": "组织人事科",
        "tags": ["读书", "调研", "理论学习"],
        "summary": "《反对本本主义》是关于调查研究的经典文献。重读此文，记录文章的写作背景、主要观点和对机关调研工作的启发。",
        "body": [
            P(
                "《反对本本主义》写于1930年，原题为《调查工作》，是毛泽东同志专门论述调查研究的重要文章。"
                "文章篇幅不长，但观点鲜明、语言生动。结合机关今年开展的调研工作，我利用自学时间重读了这篇文章。"
            ),
            Q("没有调查，没有发言权。", "毛泽东《反对本本主义》"),
            H("主要观点"),
            UL(
                "对于某个问题没有调查，就停止对于该问题的发言权。",
                "调查就是解决问题，要向实际情况作调查，而不是坐在机关里空想。",
                "反对脱离实际情况的本本主义，要把理论同本地的实际情况结合起来。",
                "文章还介绍了调查的技术，比如开调查会、找熟悉情况的人深入交谈等。",
            ),
            H("对机关调研工作的启发"),
            P(
                "文中讲的“开调查会”“找熟悉情况的人”等方法，今天看来仍然非常实用。"
                "对照检查我们的调研，有时存在听汇报多、实地看得少，看“盆景”多、看一般情况少的问题。"
                "今后组织调研，应当更多地深入基层一线，听取不同方面的意见，让调研成果经得起实践检验。"
            ),
            P("这篇读书笔记约一千五百字，已计入本月学习笔记字数。"),
        ],
    },
    {
        "slug": "seeing-like-a-state-notes",
        "title": "Reading notes: Seeing Like a State",
        "kind": READING_NOTES,
        "date": datetime.date(2025, 8, 26),
        "authors": ["sunhao"],
        "department": "政策研究室",
        "tags": ["读书", "基层治理"],
        "summary": "James C. Scott's study of why large planning schemes fail, read for what it says "
        "about local knowledge and the limits of what an office can see from its desk.",
        "body": [
            P(
                "James C. Scott's Seeing Like a State examines large schemes, in many countries and "
                "periods, that set out to improve people's lives through comprehensive planning and "
                "fell short of their aims. I read it as part of my 'one book a month' for August, "
                "looking for lessons for policy research rather than for the book's wider argument."
            ),
            H("Legibility"),
            P(
                "Scott's central idea is legibility: to govern, an administration simplifies a complex "
                "reality into things it can count and map, such as standard units, registers and "
                "straight field boundaries. These simplifications are necessary, but the map is not "
                "the territory, and problems arise when a plan treats the simplified picture as "
                "complete."
            ),
            H("Practical knowledge"),
            P(
                "Scott uses the Greek word metis for the practical, local knowledge that people build "
                "up through experience: which field floods, which neighbour to ask. Such knowledge is "
                "hard to write down and easy to overlook from an office, yet plans often depend on it."
            ),
            H("What I take from it"),
            P(
                "For our work the lesson is modest and practical: leave room in a policy for local "
                "adjustment, pilot before scaling up, and treat the people who will carry out a plan as "
                "a source of knowledge, not only as its audience. Field research is one of the ways an "
                "office can see a little more than its own tables show."
            ),
        ],
    },
    {
        "slug": "my-self-study-day-plan",
        "title": "自学日怎么安排：我的个人学习计划",
        "kind": REFLECTION,
        "date": datetime.date(2025, 9, 16),
        "authors": ["yangxue"],
        "department": "办公室",
        "tags": ["四个一", "学习笔记"],
        "summary": "每周至少一天的自学时间如何用好？分享我的个人学习计划和执行中的调整。",
        "body": [
            P(
                "机关要求干部每周保证至少一天的自学时间。对于办公室这样事务性工作较多的科室来说，"
                "整块的自学时间并不容易保证。今年我尝试把个人学习计划做得更细一些，效果比往年好。"
            ),
            H("年有计划"),
            P(
                "年初，我围绕“四个一”列出了全年计划：十二本书的书目，其中一半与本职工作相关；"
                "四篇理论文章的大致方向；一项新技能，今年选的是数据分析表格的常用函数。"
            ),
            H("月有安排，周有活动"),
            P(
                "每月初，我把本月要读的书和要完成的文章写进月安排；每周把自学时间拆成两个半天，"
                "一个半天读书，一个半天写笔记或练习技能。遇到临时任务冲突，就在本周内调换，不跨周拖欠。"
            ),
            H("执行中的调整"),
            P(
                "上半年有两个月因为会务集中，读书计划没有完成。后来我调整为“一本主读、一本备读”，"
                "主读的书篇幅较长，忙的时候就改读篇幅较短的备读书目，保证每月至少读完一本。"
                "到九月为止，学习笔记已累计八千多字，全年目标有望顺利完成。"
            ),
        ],
    },
    {
        "slug": "study-notes-worth-rereading",
        "title": "Keeping study notes that are worth rereading",
        "kind": REFLECTION,
        "date": datetime.date(2025, 10, 14),
        "authors": ["zhoutingting"],
        "department": "综合规划科",
        "tags": ["学习笔记", "四个一"],
        "summary": "The character count is a floor, not a goal. A few habits that make study notes "
        "useful months later, written for colleagues new to the notes inspection.",
        "body": [
            P(
                "Every cadre has a yearly target for study notes, counted in characters, and every "
                "month the notes are inspected. It is tempting to treat the count as the goal and fill "
                "pages with copied passages. After two years of keeping notes I have found that the "
                "notes I actually reread share a few features."
            ),
            H("Write the summary first"),
            P(
                "Before copying anything, write three or four sentences in your own words about what "
                "the text argues. If you cannot, read it again. Quotations come after, as evidence, "
                "with the page number."
            ),
            H("End with a question about your work"),
            P(
                "Each note ends with one line: what this means for something I am working on. Often it "
                "is only a question. Many of these questions later became topics for my quarterly "
                "theory articles, which made those much easier to write."
            ),
            H("Link notes together"),
            P(
                "At the end of each month I spend half an hour rereading the month's notes and marking "
                "connections between them. Over a year, this turns a pile of notes into something "
                "closer to a personal library, and it makes the monthly inspection a conversation about "
                "ideas rather than a count."
            ),
        ],
    },
    {
        "slug": "reducing-burdens-on-grassroots",
        "title": "基层减负与治理效能",
        "kind": THEORY,
        "date": datetime.date(2025, 10, 21),
        "authors": ["guoli"],
        "department": "社会事业科",
        "tags": ["基层治理", "数字政府"],
        "summary": "基层减负不是减少责任，而是把基层干部的精力从文山会海和重复填报中解放出来，用于服务群众。",
        "body": [
            P(
                "近年来，为基层减负一直是改进作风的重要内容。从我们在社区、乡镇的调研看，"
                "文件会议精简、督查检查规范等措施取得了一定成效，但重复填报、多头考核等问题仍有反映。"
                "减负的目的是增效，需要从源头上找原因。"
            ),
            H("负担从哪里来"),
            P(
                "基层的很多负担来自上级机关。一项工作布置下去，往往同时要求报表格、报材料、报照片；"
                "几个部门分别开发的信息系统，需要基层重复录入同样的数据。"
                "机关在布置工作时多想一步，基层就能少跑很多路。"
            ),
            H("机关可以做什么"),
            UL(
                "布置任务前先查已有数据，能从系统中取得的，不再要求基层填报。",
                "合并同类检查和考核，减少频次，注重实效。",
                "推动信息系统整合，实现数据一次采集、多方共享。",
                "定期听取基层意见，对负担较重的事项及时清理。",
            ),
            P(
                "基层减负说到底是机关作风问题。作为机关干部，我们在学习中讨论治理效能，"
                "也应当从改进自己的工作方式做起。"
            ),
        ],
    },
    {
        "slug": "office-digitalisation-survey",
        "title": "机关内部办公数字化现状调查",
        "kind": RESEARCH,
        "date": datetime.date(2025, 11, 25),
        "authors": ["wangfang"],
        "department": "办公室",
        "tags": ["数字政府", "调研"],
        "summary": "面向全机关干部的问卷调查，了解内部办公系统的使用情况、痛点和培训需求。",
        "body": [
            H("调查方法"),
            P(
                "十一月，办公室面向全机关干部开展了内部办公数字化问卷调查，共回收有效问卷六十余份，"
                "覆盖所有科室。问卷内容包括公文流转、会议管理、档案查阅和学习平台的使用情况，"
                "以及干部对培训的需求。"
            ),
            H("主要结果"),
            P(
                "公文流转和会议通知基本实现了线上办理，干部普遍认为比过去方便。问题集中在三个方面："
                "一是部分系统需要分别登录，账号密码多；二是电子档案检索不便，很多时候还要翻纸质档案；"
                "三是年龄较大的干部对新系统的部分功能不熟悉。"
            ),
            H("培训需求"),
            P(
                "超过半数的受访干部希望参加办公软件和数据表格的实用培训，不少同志表示愿意把它作为"
                "“每年学会一项新技能”的内容。也有同志建议由熟悉系统的年轻干部“一对一”帮带。"
            ),
            H("下一步工作"),
            UL(
                "协调推进主要办公系统统一登录。",
                "分批组织办公技能实用培训，纳入年度学习计划。",
                "开展电子档案整理，完善检索功能。",
            ),
        ],
    },
    # ------------------------------------------------------------------ 2026
    {
        "slug": "central-study-group-reflection",
        "title": "中心组学习的一点感想",
        "kind": REFLECTION,
        "date": datetime.date(2026, 1, 13),
        "authors": ["sunli"],
        "department": "办公室",
        "tags": ["理论学习", "团队学习", "月月讲"],
        "summary": "回顾去年中心组的学习，谈谈领导干部如何带头学习、以学促干。",
        "body": [
            P(
                "去年，机关中心组按计划每季度至少开展一次集中学习，全年共学习六次，"
                "围绕数字政府、乡村振兴、基层治理等主题进行了专题研讨，并邀请市委党校的老师作了一次专家讲座。"
            ),
            H("领导干部要带头学"),
            P(
                "中心组学习的质量，很大程度上决定了机关的学习风气。领导干部带头学、带头讲、带头写，"
                "干部们就会把学习当回事。去年中心组成员每人都在月月讲中主讲了一次，"
                "也都按要求完成了学习笔记，这对全机关是一个很好的示范。"
            ),
            H("学习要和工作结合"),
            P(
                "中心组的研讨如果只停留在谈体会，效果有限。去年几次效果较好的研讨，"
                "都是围绕一个具体问题展开的：先由相关科室汇报情况，再请大家结合各自分管的工作发表意见，"
                "最后形成几条可以落实的措施。学习和工作结合得越紧，研讨就越有实质内容。"
            ),
            P(
                "新的一年，中心组将继续坚持问题导向，把学习成果体现在推动工作的实际成效上。"
                "也希望各科室把好的做法总结出来，放到知识库里，让全机关共享。"
            ),
            Q("问渠那得清如许？为有源头活水来。", "朱熹《观书有感》"),
        ],
    },
    {
        "slug": "ecology-and-rural-revitalisation",
        "title": "Ecological protection and rural revitalization: one problem, not two",
        "kind": THEORY,
        "date": datetime.date(2026, 2, 17),
        "authors": ["wulei", "songjia"],
        "department": "经济发展科",
        "tags": ["生态保护", "乡村振兴"],
        "summary": "Villages upstream are asked to protect the environment and to raise incomes at the "
        "same time. Treating the two as one design problem makes both more achievable.",
        "body": [
            P(
                "In our research in the townships we kept hearing the same tension. Villages near the "
                "river's source are asked to restrict polluting activities, and they are also expected "
                "to raise incomes and keep young people from leaving. Policies for the two aims usually "
                "come from different departments, with different funds and different targets."
            ),
            H("Where the two aims meet"),
            P(
                "Several of the villages we visited had found ways to make protection itself a source "
                "of income: paid posts for forest and river wardens, eco-certified tea sold at a higher "
                "price, homestays that depend on clean water and quiet hills. In each case the "
                "environmental rule became an asset rather than only a constraint."
            ),
            H("What it takes"),
            UL(
                "Compensation that reflects what protection actually costs the village.",
                "Help with marketing and certification, which small producers cannot afford alone.",
                "Joint targets for the departments involved, so that neither aim is traded away.",
            ),
            P(
                "None of this is simple, and not every village has a landscape to sell. But framing "
                "ecological protection and rural revitalization as one problem changes the questions a "
                "policy asks, and that is where better answers begin."
            ),
        ],
    },
    {
        "slug": "placed-within-reading-notes",
        "title": "《置身事内》读书笔记：理解地方政府与经济发展",
        "kind": READING_NOTES,
        "date": datetime.date(2026, 3, 10),
        "authors": ["songjia"],
        "department": "经济发展科",
        "tags": ["读书", "理论学习"],
        "summary": "兰小欢的《置身事内：中国政府与经济发展》以地方政府为主线介绍经济运行。记录本书的结构和对本职工作的启发。",
        "body": [
            P(
                "这本书是科室推荐书目之一。作者兰小欢是复旦大学经济学院的教师，本书由他的课程讲义整理而成，"
                "以地方政府的投融资活动为主线，介绍政府在经济发展中的作用，文字通俗，案例丰富。"
            ),
            H("全书结构"),
            P(
                "上篇讲微观机制，包括地方政府的事权与财权划分、财政收支、土地融资和投资等内容；"
                "下篇讲宏观现象，包括城市化与不平衡、债务与风险、国内国际经济失衡等。"
                "上篇对我们理解日常工作中的很多安排很有帮助。"
            ),
            H("几点体会"),
            UL(
                "很多看似复杂的现象，从财政和激励的角度看会更清楚。",
                "政策效果不仅取决于政策本身，还取决于执行者面临的条件和约束。",
                "读这类书要结合本地数据，比如对照本市的财政预决算报告来读，收获更大。",
            ),
            P(
                "作者在书中强调，理解政府在经济中的角色，要“置身事内”，从实际运行出发，而不是从概念出发。"
                "这一点和调查研究的精神是相通的。本书内容较多，我分两个月读完，相关笔记约三千字。"
            ),
        ],
    },
    {
        "slug": "rural-living-environment-research",
        "title": "农村人居环境整治情况调研",
        "kind": RESEARCH,
        "date": datetime.date(2026, 5, 19),
        "authors": ["zhengshuang", "guoli"],
        "department": "社会事业科",
        "tags": ["乡村振兴", "生态保护", "调研"],
        "summary": "对十个村生活垃圾、污水处理和村容村貌的调研，重点关注设施建成后的长效运行管护。",
        "body": [
            H("一、调研概况"),
            P(
                "四月至五月，社会事业科对四个乡镇的十个村开展了农村人居环境整治情况调研。"
                "这次调研延续了去年集中学习时的讨论，重点不放在设施建设数量上，"
                "而是关注设施建成后能否长期正常运行。"
            ),
            H("二、主要情况"),
            P(
                "生活垃圾收运体系基本覆盖所调研的村，村容村貌明显改善。"
                "农村生活污水处理设施在部分村已经建成，但有两个村的设施因缺少运维经费和专业人员，"
                "运行不够稳定。厕所改造总体进展顺利，个别农户反映后续维修不方便。"
            ),
            H("三、原因分析"),
            P(
                "一是重建设、轻管护，运维经费没有稳定来源；二是专业运维力量不足，村里缺少懂技术的人；"
                "三是村民参与不够充分，部分村民把环境整治看作“政府的事”。"
            ),
            H("四、建议"),
            UL(
                "明确设施运维责任主体，建立稳定的运维经费保障机制。",
                "推行专业化、市场化运维，几个村联合委托，降低成本。",
                "把环境卫生纳入村规民约，开展评比，激发村民参与热情。",
            ),
        ],
    },
    {
        "slug": "first-half-2026-learning-summary",
        "title": "把学习成果转化为工作成效：2026年上半年科室学习小结",
        "kind": REFLECTION,
        "date": datetime.date(2026, 7, 14),
        "authors": ["xuming"],
        "department": "政策研究室",
        "tags": ["学习型组织", "四个一", "团队学习"],
        "summary": "政策研究室上半年学习情况小结：集中学习、“四个一”完成情况、学习成果转化和下半年打算。",
        "body": [
            H("一、基本情况"),
            P(
                "上半年，政策研究室共组织集中学习十次，参加月月讲五次，科室干部全部按计划完成了"
                "每周读一篇文章、每月读一本书的任务，每人撰写理论文章或调研文章两篇，"
                "学习笔记人均约六千字，按进度完成了年度目标的一半以上。"
            ),
            H("二、学习成果转化"),
            P(
                "上半年科室有三篇调研文章被采纳为内部参阅材料，其中关于数据共享的建议已经在有关部门的工作中得到落实。"
                "我们体会到，学习成果转化的关键在于选题：从工作中的真问题出发，学习和研究就有了方向，成果也就有了用处。"
            ),
            H("三、存在的不足"),
            P(
                "一是集中学习时间有时被临时工作挤占；二是个别同志的学习笔记摘抄多、思考少；"
                "三是科室之间的交流还不够，不少跨领域的问题需要联合学习研讨。"
            ),
            H("四、下半年打算"),
            UL(
                "与综合规划科联合开展一次系统思考专题学习。",
                "每月笔记检查时增加一次面对面交流，重点看笔记质量。",
                "把优秀文章和讨论纪要及时放入知识库，方便其他科室参考。",
            ),
        ],
    },
    {
        "slug": "systems-thinking-in-planning",
        "title": "系统思考在综合规划中的运用",
        "kind": THEORY,
        "date": datetime.date(2026, 9, 15),
        "authors": ["zhangwei", "huangjing"],
        "department": "综合规划科",
        "tags": ["学习型组织", "理论学习", "团队学习"],
        "summary": "以一项专项规划的编制为例，说明如何用因果回路图等系统思考工具发现指标之间的相互影响。",
        "body": [
            P(
                "两年前读《第五项修炼》时，我在读书笔记中提出，可以在规划起草前先画一张关系图。"
                "今年编制一项专项规划时，科室在两位同志的牵头下真正试了一次。这里把过程和体会记录下来。"
            ),
            H("画出因果回路"),
            P(
                "我们先请各方面的同志列出规划涉及的主要指标，然后在白板上用箭头标出它们之间的相互影响，"
                "注明是同向还是反向作用。画完才发现，有两个指标之间存在明显的相互制约："
                "一项措施在提升一个指标的同时，会在两三年后拉低另一个指标。"
            ),
            H("找到时间滞延和杠杆点"),
            P(
                "关系图还帮助我们看清了时间滞延。有些投入的效果要几年后才显现，如果按年度考核，"
                "容易在见效之前就调整方向。我们在规划中为这类措施设置了中期评估节点，"
                "而不是只看年度数据。"
            ),
            H("体会"),
            P(
                "系统思考并不神秘，关键是把各自脑子里的关系画出来、摆到桌面上，让大家一起看。"
                "这个过程本身就是一次团队学习：不同科室的同志第一次发现，各自负责的指标原来是连在一起的。"
            ),
            Q("博学之，审问之，慎思之，明辨之，笃行之。", "《礼记·中庸》"),
        ],
    },
    {
        "slug": "does-concentrated-study-work",
        "title": "Measuring whether concentrated study works: a small evaluation",
        "kind": RESEARCH,
        "date": datetime.date(2026, 10, 20),
        "authors": ["liuyang"],
        "department": "组织人事科",
        "tags": ["research methods", "team learning", "学习型组织"],
        "summary": "Attendance tells us who came, not what they learned. The learning leadership group "
        "tried a simple way to evaluate concentrated study sessions, with mixed results.",
        "body": [
            P(
                "The learning leadership group assesses learning across the office, and for years our "
                "main evidence was attendance and the character count of study notes. Both are easy to "
                "measure and both say little about whether a session changed anything. This year we "
                "tried to find out a little more."
            ),
            H("What we did"),
            UL(
                "At the end of twelve sessions, participants wrote one sentence: what will you do differently?",
                "Six weeks later, we asked a sample of them whether they had done it.",
                "We compared sessions built around a work problem with sessions built around reading a text.",
            ),
            H("What we found"),
            P(
                "About half of the intentions written down had been acted on in some form after six "
                "weeks. Sessions built around a concrete work problem produced more specific intentions, "
                "and more of them were carried out. Sessions that consisted mainly of reading a text "
                "aloud produced general statements such as 'study harder', which are hard to act on or "
                "to check."
            ),
            H("Limits"),
            P(
                "The sample is small, people answered about themselves, and some departments took part "
                "more than others. We do not claim more than a direction. Still, it supports what many "
                "group leaders already suspected, and it cost very little. We propose to repeat it next "
                "year and to share the one-sentence intentions, anonymised, in the session summaries."
            ),
        ],
    },
    {
        "slug": "four-ones-year-in-review-2026",
        "title": "“四个一”实践三年回顾",
        "kind": REFLECTION,
        "date": datetime.date(2026, 11, 17),
        "authors": ["linfeng", "liuyang"],
        "department": "组织人事科",
        "tags": ["四个一", "学习笔记", "学习型组织"],
        "summary": "机关推行“四个一”已近三年。从组织人事科的角度回顾做法、变化和仍需改进之处。",
        "body": [
            P(
                "从2024年开始，机关全面推行“四个一”学习要求。近三年来，组织人事科负责汇总各科室的学习计划和完成情况，"
                "对这项工作的变化看得比较清楚。年底将至，做一个简要回顾。"
            ),
            H("看得见的变化"),
            P(
                "最直观的变化是知识库里的文章多了。三年来，全机关共享的理论文章、调研文章、心得体会和读书笔记"
                "已有数百篇，其中不少被其他科室在起草文件时引用。干部们谈论读书的时候也多了，"
                "青年学习小组还自发组织了读书分享会。"
            ),
            H("仍需改进之处"),
            P(
                "一是完成质量不平衡，有的同志为凑数而写，文章内容空泛；二是“每年学会一项新技能”的检验方式还不明确；"
                "三是部分科室的笔记检查仍以查字数为主。明年，我们计划和学习领导小组一起完善检查和评价办法，"
                "把评价重点放在学习效果上。"
            ),
            P(
                "“四个一”的意义在于养成习惯。习惯一旦形成，学习就不再是任务，而是工作的一部分。"
                "这正是建设学习型机关的目标所在。"
            ),
            Q("不积跬步，无以至千里；不积小流，无以成江海。", "《荀子·劝学》"),
        ],
    },
]


def _published_at(date: datetime.date) -> datetime.datetime:
    """The article's date at nine in the morning, local time: when it was first published."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(9, 0)))


def load_articles(stdout, password) -> dict:
    """Create the demo articles under the knowledge library if missing (idempotent by slug)."""
    index = KnowledgeIndexPage.objects.first()
    if index is None:
        stdout.write("Articles: skipped, there is no knowledge library page.")
        return {}
    people = {p.user.username: p for p in Person.objects.select_related("user")}
    departments = {d.name: d for d in Department.objects.all()}
    existing = set(ArticlePage.objects.child_of(index).values_list("slug", flat=True))

    created = 0
    for data in ARTICLES:
        if data["slug"] in existing:
            continue
        authors = [people[name] for name in data["authors"] if name in people]
        page = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            kind=data["kind"],
            date=data["date"],
            summary=data["summary"],
            department=departments.get(data["department"]),
            body=data["body"],
            live=False,
            # Kept by publish(): the article appears to have been published on its date.
            first_published_at=_published_at(data["date"]),
        )
        page.authors = authors
        page.tags.add(*data["tags"])
        index.add_child(instance=page)
        # The first author saved the draft; publishing is the loader's own act (no user), so that
        # Wagtail's publish permission check, meant for people, does not apply.
        user = authors[0].user if authors else None
        page.save_revision(user=user, log_action=True).publish()
        created += 1
    stdout.write(f"Articles: {created} created, {len(ARTICLES) - created} already there.")
    return {}
