from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
]
