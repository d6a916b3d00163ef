from django.urls import path

from . import views

app_name = "attendance"

urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.my_attendance, name="mine"),
    path("reports/", views.report, name="report"),
    path("reports/export.<str:fmt>", views.report_export, name="report_export"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/export.<str:fmt>", views.person_export, name="person_export"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/roster/", views.roster, name="roster"),
    path("events/<int:pk>/export.<str:fmt>", views.event_export, name="event_export"),
]
