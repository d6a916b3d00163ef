"""The review of discussion summaries: one Wagtail workflow, one step in which the group leader
approves the summary (which publishes it) or sends it back to the secretary with a comment."""

from django.utils.translation import gettext as _

from wagtail.models import Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "学习小组讨论纪要审核"
TASK_NAME = "学习小组组长审核"


def ensure_summary_workflow(index_page):
    """The summary workflow, assigned to /groups/ so that every group's summaries go through it."""
    from .models import StudyGroupLeaderApprovalTask

    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = StudyGroupLeaderApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = StudyGroupLeaderApprovalTask.objects.create(name=TASK_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if not WorkflowPage.objects.filter(page=index_page).exists():
        WorkflowPage.objects.create(page=index_page, workflow=workflow)
    return workflow


def submit_for_review(summary, user):
    """Save the summary's latest text as a revision and send it to the group leader."""
    workflow = summary.get_workflow()
    if workflow is None:
        raise ValueError(_("No review workflow applies to this summary."))
    revision = summary.save_revision(user=user)
    return workflow.start(summary, user), revision
