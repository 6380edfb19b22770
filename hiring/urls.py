from django.contrib import admin
from django.urls import include, path

from hiring.common.views import FaviconView

urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("hiring.accounts.urls")),
    path("sheets/", include("hiring.sheets.urls")),
    path("sheets/", include("hiring.documents.urls")),
    path("api/", include("hiring.api.urls")),
    path("jobs/", include("hiring.api.public_urls")),
    path("", include("hiring.catalog.urls")),
]
