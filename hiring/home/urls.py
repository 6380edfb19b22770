from django.urls import path

from . import views

# The home page keeps the name catalog:home that links and LOGIN_REDIRECT_URL use.
app_name = "catalog"

urlpatterns = [
    path("", views.home, name="home"),
]
