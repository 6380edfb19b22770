from django.urls import path

from . import views
from .wizard import SheetWizardView

app_name = "sheets"

wizard = SheetWizardView.as_view(url_name="sheets:wizard")

urlpatterns = [
    path("", views.sheet_list, name="list"),
    path("new/", views.sheet_new, name="new"),
    path("<int:pk>/", views.sheet_detail, name="detail"),
    path("<int:pk>/edit/", views.sheet_edit, name="edit"),
    path("<int:pk>/edit/<str:step>/", wizard, name="wizard"),
    path("<int:pk>/duplicate/", views.sheet_duplicate, name="duplicate"),
    path("<int:pk>/delete/", views.sheet_delete, name="delete"),
]
