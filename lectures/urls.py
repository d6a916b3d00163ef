from django.urls import path

from . import views

app_name = "lectures"

urlpatterns = [
    path("calendar.ics", views.calendar_ics, name="calendar"),
    path("feeds/<str:token>.ics", views.private_feed, name="private_feed"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("rotation/", views.rotation_current, name="rotation_current"),
    path("rotation/mine/", views.rotation_mine, name="rotation_mine"),
    path("rotation/<int:year>/", views.rotation_year, name="rotation"),
]
