from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views
from .docs import SwaggerView

app_name = "api"

urlpatterns = [
    path("v1/sheets/", views.SheetListView.as_view(), name="sheet-list"),
    path("v1/sheets/<int:pk>/", views.SheetDetailView.as_view(), name="sheet-detail"),
    path("v1/sheets/<int:pk>/posting/", views.SheetPostingView.as_view(), name="sheet-posting"),
    path("v1/sheets/<int:pk>/submit/", views.SheetSubmitView.as_view(), name="sheet-submit"),
    path("v1/sheets/<int:pk>/approve/", views.SheetApproveView.as_view(), name="sheet-approve"),
    path("v1/sheets/<int:pk>/return/", views.SheetReturnView.as_view(), name="sheet-return"),
    path("v1/catalog/capabilities/", views.CapabilityListView.as_view(), name="capabilities"),
    path("v1/catalog/presets/", views.PresetListView.as_view(), name="presets"),
    path("v1/catalog/priorities/", views.PriorityListView.as_view(), name="priorities"),
    path("v1/catalog/methods/", views.MethodListView.as_view(), name="methods"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SwaggerView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^v1/", views.NotFoundView.as_view(), name="not-found"),
]
