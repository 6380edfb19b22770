from django.urls import path

from . import rendering, views

app_name = "documents"

urlpatterns = [
    path("<int:pk>/posting.txt", views.posting_text, name="posting_text"),
    path("<int:pk>/sheet.xlsx", views.sheet_xlsx, name="sheet_xlsx"),
]
for kind in rendering.KINDS:
    urlpatterns += [
        path(f"<int:pk>/{kind}/", views.document_preview, {"kind": kind}, name=f"{kind}_preview"),
        path(f"<int:pk>/{kind}.pdf", views.document_pdf, {"kind": kind}, name=f"{kind}_pdf"),
    ]
