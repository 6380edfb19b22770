"""The public page of an approved sheet's job posting, with schema.org JobPosting JSON-LD.

Only what the posting shows (`posting_view`) is published: never priorities,
assessment methods, people or internal notes.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from hiring.sheets.selectors.posting import posting_view
from hiring.sheets.selectors.sheets import sheet_items

from .models import PublicPosting
from .selectors import live_public_posting

SALARY_UNITS = {"month": "MONTH", "year": "YEAR", "day": "DAY", "hour": "HOUR"}

# Characters that could end the <script> element or open markup inside it, as JSON escapes:
# the JSON means the same, and the HTML parser never sees "</script>" or "<!--".
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def json_for_script(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    return mark_safe(text.translate(SCRIPT_ESCAPES))


def _description(view: dict) -> str:
    """The posting as the small HTML that job search reads (<p>, <ul>, <li>), escaped."""
    parts = []
    if view["summary"]:
        parts.append(format_html("<p>{}</p>", view["summary"]))
    for lines in (
        view["responsibilities"],
        view["requirements"],
        view["preferred"],
        view["benefits"],
    ):
        if lines:
            parts.append(
                format_html(
                    "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((x,) for x in lines))
                )
            )
    if view["schedule"]:
        parts.append(format_html("<p>{}</p>", view["schedule"]))
    if view["how_to_apply"]:
        parts.append(format_html("<p>{}</p>", view["how_to_apply"]))
    return "".join(parts) or view["headline"]


def job_posting_data(*, page: PublicPosting, view: dict, url: str) -> dict:
    """schema.org JobPosting with the properties job search requires (title, description,
    datePosted, hiringOrganization, jobLocation) and recommends (validThrough, employmentType,
    baseSalary, identifier, directApply)."""
    sheet = page.sheet
    organization = {"@type": "Organization", "name": settings.HIRING_ORGANIZATION["name"]}
    if settings.HIRING_ORGANIZATION["url"]:
        organization["sameAs"] = settings.HIRING_ORGANIZATION["url"]
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": view["headline"],
        "description": _description(view),
        "datePosted": timezone.localdate(page.created_at).isoformat(),
        "validThrough": f"{page.valid_through.isoformat()}T23:59:59+08:00",
        "employmentType": page.employment_type,
        "hiringOrganization": organization,
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": sheet.location,
                "addressCountry": settings.HIRING_COUNTRY,
            },
        },
        "identifier": {
            "@type": "PropertyValue",
            "name": settings.HIRING_ORGANIZATION["name"],
            "value": page.token,
        },
        "directApply": False,
        "totalJobOpenings": sheet.headcount,
        "url": url,
    }
    if sheet.salary_min is not None or sheet.salary_max is not None:
        value = {"@type": "QuantitativeValue", "unitText": SALARY_UNITS[sheet.salary_period]}
        if sheet.salary_min is not None and sheet.salary_max is not None:
            value.update(minValue=sheet.salary_min, maxValue=sheet.salary_max)
        else:
            value["value"] = sheet.salary_min if sheet.salary_min is not None else sheet.salary_max
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": settings.SALARY_CURRENCY,
            "value": value,
        }
    if sheet.schedule:
        data["workHours"] = sheet.schedule
    return data


@require_GET
def public_posting(request, token: str):
    page = live_public_posting(token=token)
    if page is None:
        raise Http404
    sheet = page.sheet
    items = list(sheet_items(sheet=sheet, included_only=True))
    view = posting_view(sheet=sheet, items=items)
    url = request.build_absolute_uri()
    response = render(
        request,
        "api/public_posting.html",
        {
            "page": page,
            "posting_view": view,
            "json_ld": json_for_script(job_posting_data(page=page, view=view, url=url)),
        },
    )
    # A public page, but one that is revoked must not live on in shared caches for long.
    response["Cache-Control"] = "public, max-age=300"
    return response
