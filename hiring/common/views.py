from django.templatetags.static import static
from django.views.generic import RedirectView


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico where a page names no icon (PDF viewers, error pages).
    The URL is looked up per request: the static manifest may not exist at import time."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("favicon.ico")
