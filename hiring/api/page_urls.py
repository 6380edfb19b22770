from django.urls import path

from . import pages

# The pages a person uses to connect other systems: their own access tokens, and the public
# posting page of a sheet. Private and behind a role: see hiring/urls.py.
app_name = "integrations"

urlpatterns = [
    path("api/tokens/", pages.token_list, name="tokens"),
    path("api/tokens/<int:pk>/revoke/", pages.token_revoke, name="token_revoke"),
    path("sheets/<int:pk>/publish/", pages.publish, name="publish"),
    path("sheets/<int:pk>/unpublish/", pages.unpublish, name="unpublish"),
]
