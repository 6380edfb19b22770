from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("<int:pk>/sheet/", views.sheet_preview, name="sheet_preview"),
    path("<int:pk>/sheet.pdf", views.sheet_pdf, name="sheet_pdf"),
    path("<int:pk>/posting/", views.posting_preview, name="posting_preview"),
    path("<int:pk>/posting.pdf", views.posting_pdf, name="posting_pdf"),
    path("<int:pk>/posting.txt", views.posting_text, name="posting_text"),
    path("<int:pk>/scorecard/", views.scorecard_preview, name="scorecard_preview"),
    path("<int:pk>/scorecard.pdf", views.scorecard_pdf, name="scorecard_pdf"),
]
