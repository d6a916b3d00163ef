from django.urls import path, re_path

from . import views

app_name = "learning"

urlpatterns = [
    path("me/learning/", views.personal, name="personal"),
    path("me/learning/plan/", views.plan_redirect, name="plan_current"),
    path("me/learning/plan/<int:year>/", views.plan, name="plan"),
    path("me/learning/plan/<int:year>/summary/", views.plan_summary, name="plan_summary"),
    path("me/learning/plan/<int:year>/goals/", views.goal_add, name="goal_add"),
    path("me/learning/plan/<int:year>/months/", views.plan_months, name="plan_months"),
    path("me/learning/plan/<int:year>/activities/", views.activity_add, name="activity_add"),
    path("me/learning/plan/<int:year>/copy/", views.plan_copy, name="plan_copy"),
    path("me/learning/goals/<int:pk>/", views.goal_tick, name="goal_tick"),
    path("me/learning/goals/<int:pk>/delete/", views.goal_delete, name="goal_delete"),
    path("me/learning/months/<int:pk>/", views.month_tick, name="month_tick"),
    path("me/learning/activities/<int:pk>/", views.activity_tick, name="activity_tick"),
    path(
        "me/learning/activities/<int:pk>/delete/",
        views.activity_delete,
        name="activity_delete",
    ),
    path("me/learning/records/", views.records, name="records"),
    path("me/learning/records/<int:pk>/", views.record_edit, name="record_edit"),
    path("me/learning/records/<int:pk>/delete/", views.record_delete, name="record_delete"),
    path("me/learning/self-study/", views.self_study, name="self_study"),
    path("notes/", views.notes, name="notes"),
    path("notes/new/", views.note_create, name="note_create"),
    path("notes/shared/", views.notes_shared, name="notes_shared"),
    path("notes/<int:pk>/", views.note_detail, name="note"),
    path("notes/<int:pk>/edit/", views.note_edit, name="note_edit"),
    path("notes/<int:pk>/delete/", views.note_delete, name="note_delete"),
    path("inspection/", views.inspection_list, name="inspection"),
    path("inspection/status/", views.inspection_status, name="inspection_status"),
    re_path(
        r"^inspection/status/export\.(?P<fmt>csv|xlsx)$",
        views.inspection_export,
        name="inspection_export",
    ),
    path("inspection/notices/", views.notice_list, name="notices"),
    path("inspection/notices/draft/", views.notice_draft, name="notice_draft"),
    path("inspection/notices/<int:pk>/", views.notice_detail, name="notice"),
    path("inspection/notices/<int:pk>/edit/", views.notice_edit, name="notice_edit"),
    path(
        "inspection/<str:username>/<int:year>/<int:month>/",
        views.inspect_member,
        name="inspect",
    ),
    path("people/<str:username>/archive/", views.archive, name="archive"),
]
