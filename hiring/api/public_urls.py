from django.urls import path

from . import pages, public

app_name = "public"

urlpatterns = [
    path("<str:token>/", public.public_posting, name="posting"),
    path("sheets/<int:pk>/publish/", pages.publish, name="publish"),
    path("sheets/<int:pk>/unpublish/", pages.unpublish, name="unpublish"),
]
