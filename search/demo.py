"""Demo search synonyms: the office's other words for what the demo library holds."""

from django.utils.translation import gettext as _

from .models import SynonymGroup

GROUPS = [
    ("数字政府、电子政务、digital government", "数字政府建设"),
    ("乡村振兴、rural revitalization、rural revitalisation", "乡村振兴战略"),
    ("学习型机关、学习型组织、learning organization", "学习型机关建设"),
    ("月月讲、月度专题讲座、monthly lecture", "干部轮流主讲的月度专题讲座"),
    (
        "四个一、four ones",
        "每周读一篇文章、每月读一本好书、每季度写一篇理论文章、每年掌握一项新技能",
    ),
    ("调查研究、调研、field research", ""),
]


def load_synonyms(stdout, password) -> dict:
    """Create the demo synonym groups that are not there yet (idempotent)."""
    created = 0
    for words, note in GROUPS:
        _group, made = SynonymGroup.objects.get_or_create(words=words, defaults={"note": note})
        created += made
    stdout.write(_("Search synonyms: %(count)s new group(s).") % {"count": created})
    return {}
