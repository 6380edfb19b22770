"""The admin pages catalog admins work in, in real Chromium: axe-core finds no critical or
serious problem, and no page breaks the Content-Security-Policy."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from hiring.catalog.models import (
    Capability,
    ChallengeEffect,
    CoreChallenge,
    Preset,
    ScreeningTerm,
)
from hiring.common.models import ImportJob
from hiring.common.tests.accessibility import axe_violations
from hiring.quality.models import WordingRule, WordList
from hiring.sheets.tests.test_browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def admin_page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    yield page
    context.close()


def test_customised_admin_pages_pass_axe_and_the_csp(live_server, catalog, admin_amy, admin_page):
    page = admin_page
    log_in(page, live_server, "admin_amy")
    capability = Capability.objects.get(slug="education")
    preset = Preset.objects.get(slug="ecommerce")
    challenge = CoreChallenge.objects.filter(effects__isnull=False).first()
    call_command("loaddata", "wording", verbosity=0)
    rule = WordingRule.objects.first()
    word_list = WordList.objects.filter(needs_context=True).first()
    effect = ChallengeEffect.objects.first()
    term = ScreeningTerm.objects.first()
    # A finished background import whose rows had errors, as its page shows it.
    job = ImportJob.objects.create(
        owner=admin_amy,
        model="catalog.capability",
        file_name="capabilities.csv",
        data=b"",
        rows=120,
        status=ImportJob.Status.DONE,
        errors=["第 3 行：关键项不能为空。"],
        finished_at=timezone.now(),
    )
    found = {}
    for name, args in [
        ("admin:catalog_capability_changelist", []),
        ("admin:catalog_capability_change", [capability.pk]),
        ("admin:catalog_capability_history", [capability.pk]),
        ("admin:catalog_preset_changelist", []),
        ("admin:catalog_preset_change", [preset.pk]),
        ("admin:catalog_preset_history", [preset.pk]),
        # Chinese and English side by side, in a form and in an inline table.
        ("admin:catalog_corechallenge_change", [challenge.pk]),
        ("admin:quality_wordingrule_change", [rule.pk]),
        ("admin:catalog_challengeeffect_change", [effect.pk]),
        ("admin:catalog_screeningterm_change", [term.pk]),
        ("admin:quality_wordlist_changelist", []),
        ("admin:quality_wordingrule_changelist", []),
        ("admin:catalog_priority_changelist", []),
        ("admin:catalog_assessmentmethod_changelist", []),
        ("admin:quality_wordlist_change", [word_list.pk]),
        ("admin:quality_wordlist_try", []),
        ("admin:catalog_capability_import", []),
        ("admin:catalog_capability_import_job", [job.pk]),
    ]:
        page.goto(live_server.url + reverse(name, args=args))
        # The admin's scripts fetch nothing on load: the page is final at its load event.
        page.wait_for_load_state("load")
        violations = axe_violations(page)
        if violations or page.console_errors:
            found[name] = [
                *(f"{v['id']} ×{len(v['nodes'])}: {v['nodes'][0][:600]}" for v in violations),
                *page.console_errors,
            ]
        page.console_errors.clear()
    assert not found, "\n".join(f"{url}: {p}" for url, problems in found.items() for p in problems)
