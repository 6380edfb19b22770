from django import template

from hiring.sheets import access

from ..forms import PublishForm
from ..selectors import open_public_posting

register = template.Library()


@register.inclusion_tag("api/_public_posting.html", takes_context=True)
def public_posting_panel(context, sheet):
    """The public page of an approved sheet: its link for whoever sees the sheet, and the
    controls to open or close it for its author."""
    request = context["request"]
    if sheet.status != sheet.Status.APPROVED:
        return {"show": False}
    page = open_public_posting(sheet=sheet)
    may_publish = access.may_publish.test(request.user, sheet)
    return {
        "show": page is not None or may_publish,
        "sheet": sheet,
        "page": page,
        "url": request.build_absolute_uri(page_url(page)) if page else "",
        "may_publish": may_publish,
        "form": PublishForm() if may_publish and page is None else None,
        "csrf_token": context.get("csrf_token"),
    }


def page_url(page) -> str:
    from django.urls import reverse

    return reverse("public:posting", args=[page.token])
