"""The English catalog: complete, compiled, and actually used when a user picks English."""

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from hiring.quality.wording import check_wording
from hiring.sheets.models import RequirementSheet

MESSAGES = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO = MESSAGES / "django.po"
MO = MESSAGES / "django.mo"

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _entries(po: Path) -> list[dict]:
    """The .po file as a list of entries: flags plus every msgid/msgstr field, unquoted."""
    entries = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set(), "fields": {}}
        field = None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry["fields"][field] += ast.literal_eval(line)
            else:
                field, _, value = line.partition(" ")
                entry["fields"][field] = ast.literal_eval(value)
        if entry["fields"]:
            entries.append(entry)
    return entries


@pytest.fixture(scope="session", autouse=True)
def english_catalog():
    """Compile the .mo when it is missing or older than the .po, so plain pytest works."""
    if not MO.exists() or MO.stat().st_mtime < PO.stat().st_mtime:
        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            pytest.fail("django.mo is missing or stale and msgfmt (gettext) is not installed")
        tmp = MO.with_name(f"django.{os.getpid()}.mo.tmp")
        subprocess.run([msgfmt, "--check", "-o", str(tmp), str(PO)], check=True, timeout=60)
        tmp.replace(MO)
        # Drop catalogs Django may already have loaded without the new .mo.
        with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
            pass


@pytest.fixture(autouse=True)
def keep_the_active_language():
    """LocaleMiddleware activates the request's language in this thread and leaves it active;
    restore the previous language so tests that run later still see the default (zh-hans)."""
    with translation.override(translation.get_language()):
        yield


# (a) The catalog is complete ------------------------------------------------------------


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = _entries(PO)
    header, messages = entries[0], entries[1:]
    assert header["fields"]["msgid"] == ""
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["fields"]["msgstr"]
    assert "charset=UTF-8" in header["fields"]["msgstr"]
    assert len(messages) > 300

    fuzzy = [e["fields"]["msgid"] for e in entries if "fuzzy" in e["flags"]]
    untranslated = [
        e["fields"]["msgid"]
        for e in messages
        if not all(v for k, v in e["fields"].items() if k.startswith("msgstr"))
    ]
    assert fuzzy == []
    assert untranslated == []


def test_translations_are_english():
    leftovers = [
        (e["fields"]["msgid"], value)
        for e in _entries(PO)[1:]
        for key, value in e["fields"].items()
        if key.startswith("msgstr") and CJK.search(value)
    ]
    assert leftovers == []


def test_msgfmt_accepts_the_catalog():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(PO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # Placeholders are checked by --check; the statistics go to stderr.
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


# (b) Real strings come out in English ----------------------------------------------------


def test_status_labels_are_english():
    with translation.override("en"):
        assert str(RequirementSheet.Status.DRAFT.label) == "Draft"
        assert str(RequirementSheet.Status.SUBMITTED.label) == "Awaiting approval"
    with translation.override(settings.LANGUAGE_CODE):
        assert str(RequirementSheet.Status.DRAFT.label) == "草稿"  # the default stays Chinese


def test_salary_is_shown_in_english():
    sheet = RequirementSheet(salary_min=6000, salary_max=None, salary_period="month")
    with translation.override("en"):
        assert sheet.salary_display == "from 6,000 CNY/month"


@pytest.mark.django_db
def test_wording_findings_are_english():
    with translation.override("en"):
        (finding,) = check_wording("限女性")
    assert finding.rule == "wording.gender"
    assert finding.message.startswith("“限女性” restricts applicants by gender")
    assert "Employment Promotion Law" in finding.message
    assert "Law on the Protection of Women's Rights and Interests" in finding.message
    assert "就业促进法" not in finding.message
    assert finding.suggestion.startswith("Remove “限女性”")


@pytest.mark.django_db
def test_age_finding_names_the_employment_services_provisions():
    with translation.override("en"):
        (finding,) = check_wording("35岁以下")
    assert finding.rule == "wording.age"
    assert "Provisions on Employment Services and Employment Management" in finding.message


def test_plurals_follow_english_rules():
    # A variable, not a literal: makemessages must not list this file as a source.
    headcount = "招 %(counter)s 人"
    with translation.override("en"):
        assert translation.ngettext(headcount, headcount, 1) == "%(counter)s opening"
        assert translation.ngettext(headcount, headcount, 3) == "%(counter)s openings"


# (c) Pages render in English for a user who picked English -------------------------------


def _choose_english(client):
    response = client.post(reverse("set_language"), {"language": "en"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def _without_language_menu(html: str) -> str:
    """The language menu lists each language in its own tongue (简体中文): leave it out."""
    return re.sub(r"<select.*?</select>", "", html, flags=re.S)


def test_home_page_is_english(client, catalog, hr_alice):
    client.force_login(hr_alice)
    _choose_english(client)

    response = client.get(reverse("catalog:home"))

    assert response.status_code == 200
    html = response.text
    assert '<html lang="en">' in html
    assert "<title>Home · Customer Service Hiring Requirements</title>" in html
    for text in (
        'href="/">Home</a>',
        ">Requirement sheets</a>",
        "Log out",
        '<h2 class="h4 mb-1">Industry presets</h2>',
        "My sheets",
        "Start from an industry preset to write a hiring requirement sheet",
        "New sheet from this preset",
    ):
        assert text in html
    assert re.search(r"\b\d+ items\b", html)
    for chinese in ("退出登录", "查看需求表", "用此模板新建", "从行业模板开始", "客服招聘需求表"):
        assert chinese not in html

    nav = re.search(r"<nav.*?</nav>", html, flags=re.S).group()
    assert not CJK.search(_without_language_menu(nav))
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)
    assert headings and not any(CJK.search(h) for h in headings)


def test_login_page_is_english(client):
    _choose_english(client)

    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    html = response.text
    assert '<html lang="en">' in html
    assert "<title>Log in · Customer Service Hiring Requirements</title>" in html
    assert '<h1 class="h4 mb-3">Log in</h1>' in html
    assert ">Log in</button>" in html
    assert "Username" in html and "Password" in html
    assert "登录" not in html
    nav = re.search(r"<nav.*?</nav>", html, flags=re.S).group()
    assert not CJK.search(nav)


def test_pages_stay_chinese_by_default(client, catalog, hr_alice):
    """No Accept-Language header and no language cookie: LANGUAGE_CODE (zh-hans) applies."""
    client.force_login(hr_alice)

    html = client.get(reverse("catalog:home")).text

    assert '<html lang="zh-hans">' in html
    assert "退出登录" in html and "Log out" not in html
