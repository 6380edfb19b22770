"""Swagger UI for /api/v1/, served by the app (drf-spectacular-sidecar) under the site's CSP:
no inline script (the split view loads its start-up script from a URL) and no inline style."""

from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    title = "Hiring requirement sheets API"
