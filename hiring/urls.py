"""The site's URLs, and the policies each app's pages get where they are included (see
`hiring.policies`): a view added to one of these URLconfs is private and checked at once."""

from django.contrib import admin
from django.urls import include, path

from hiring.common.views import FaviconView
from hiring.policies import private_pages, with_csp
from hiring.sheets.access import CATALOG_CHANGE, VIEW

# django-import-export's admin pages have one inline handler and two style attributes, and
# simple_history's object history one style attribute; these hashes allow exactly those
# texts, on admin pages only, nothing else inline.
ADMIN_CSP = {
    "script-src-attr": [
        "'unsafe-hashes'",
        "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='",  # onSelectToggleChange(event)
    ],
    "style-src-attr": [
        "'unsafe-hashes'",
        "'sha256-mHgUAqxc8GPXM/QhzkHrHujcrQTU9fd6ZjWz+icxKcA='",  # padding: 0;
        "'sha256-+YWRMZ88jMyO7jVlBA52tZADiPobPIUA8LAWee68Fvs='",  # font-weight: bold;
        "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",  # border-top: 0 (object history)
    ],
}

urlpatterns = [
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("admin/", with_csp(admin.site.urls, ADMIN_CSP)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("hiring.accounts.urls")),
    path("sheets/", private_pages("hiring.sheets.urls", permissions=(VIEW,))),
    path("sheets/", private_pages("hiring.documents.urls", permissions=(VIEW,))),
    # The JSON API authenticates and answers by itself (tokens, problem details).
    path("api/", include("hiring.api.urls")),
    # Public posting pages: opt-in per approved sheet, behind an unguessable token.
    path("jobs/", include("hiring.api.public_urls")),
    path("", private_pages("hiring.api.page_urls", permissions=(VIEW, CATALOG_CHANGE))),
    # The home page: each role starts from what it works on (catalog admins included).
    path("", private_pages("hiring.home.urls", permissions=(VIEW, CATALOG_CHANGE))),
]
