from django.urls import path

from . import public

app_name = "public"

urlpatterns = [
    path("<str:token>/", public.public_posting, name="posting"),
]
