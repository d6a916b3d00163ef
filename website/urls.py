from django.conf import settings
from django.contrib.auth.decorators import login_not_required, login_required
from django.urls import include, path, re_path
from django.views.i18n import set_language
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

handler500 = home_views.server_error

urlpatterns = [
    path("", include("people.urls")),
    # Switching language must work before signing in too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz", home_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("knowledge.urls")),
    path("attendance/", include("attendance.urls")),
    path("", include("learning.urls")),
    path("", include("search.urls")),
    path("lectures/", include("lectures.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only images are served from media in development; documents always go through the
    # application so that their page's privacy applies.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            login_required(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
