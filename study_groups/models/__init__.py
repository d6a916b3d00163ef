from .digests import SentDigest
from .groups import GroupKind, MeetingInterval, StudyGroupIndexPage, StudyGroupPage
from .sessions import StudySession
from .summaries import (
    DiscussionSummaryPage,
    FollowUpTask,
    StudyGroupLeaderApprovalTask,
    SummaryTag,
)
from .threads import (
    Notification,
    NotificationKind,
    Post,
    PostAttachment,
    Thread,
    ThreadTag,
)

__all__ = [
    "DiscussionSummaryPage",
    "FollowUpTask",
    "GroupKind",
    "MeetingInterval",
    "Notification",
    "NotificationKind",
    "Post",
    "PostAttachment",
    "SentDigest",
    "StudyGroupIndexPage",
    "StudyGroupLeaderApprovalTask",
    "StudyGroupPage",
    "StudySession",
    "SummaryTag",
    "Thread",
    "ThreadTag",
]
