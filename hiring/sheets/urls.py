from django.urls import path

from . import views
from .wizard import SheetWizardView

app_name = "sheets"

# Login, permission and no-store for every view here: hiring/urls.py.
wizard = SheetWizardView.as_view(url_name="sheets:wizard")

urlpatterns = [
    path("", views.sheet_list, name="list"),
    path("new/", views.sheet_new, name="new"),
    path("<int:pk>/", views.sheet_detail, name="detail"),
    path("<int:pk>/edit/", views.sheet_edit, name="edit"),
    path("<int:pk>/edit/<str:step>/", wizard, name="wizard"),
    path("<int:pk>/duplicate/", views.sheet_duplicate, name="duplicate"),
    path("<int:pk>/delete/", views.sheet_delete, name="delete"),
    path("<int:pk>/submit/", views.sheet_submit, name="submit"),
    path("<int:pk>/review/", views.sheet_review, name="review"),
    path("<int:pk>/revision/", views.sheet_new_revision, name="new_revision"),
    path("<int:pk>/history/", views.sheet_history, name="history"),
    path("<int:pk>/history/<int:history_id>/revert/", views.sheet_revert, name="revert"),
    path("<int:pk>/screening/", views.sheet_screening, name="screening"),
    path("<int:pk>/screening/reset/", views.sheet_screening_reset, name="screening_reset"),
    path("<int:pk>/screening/print/", views.sheet_screening_print, name="screening_print"),
    path(
        "<int:pk>/screening.<str:fmt>",
        views.sheet_screening_export,
        name="screening_export",
    ),
]
