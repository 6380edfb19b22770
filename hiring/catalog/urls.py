from django.urls import path

from hiring.home import views as home

# The home page keeps the name catalog:home that links and LOGIN_REDIRECT_URL use.
app_name = "catalog"

urlpatterns = [
    path("", home.home, name="home"),
]
