"""Generated hostile input through every form and filter of the sheets: never a 5xx, never
unescaped, and what was saved before is never lost."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from hiring.common.tests.hostile import (
    MARK,
    assert_page_is_safe,
    hostile_settings,
    ids,
    numbers,
    shown,
    text,
)
from hiring.sheets.models import JobPosting, RequirementSheet
from hiring.sheets.wizard import STEP_NAMES

from .factories import make_sheet
from .wizard_client import WizardClient

TEXT_FIELDS = {
    "title",
    "role_title",
    "department",
    "location",
    "schedule",
    "name",
    "requirement",
    "headline",
    "summary",
    "responsibilities",
    "benefits",
    "process_steps",
    "screening_questions",
    "how_to_apply",
}
NUMBER_FIELDS = {"salary_min", "salary_max", "headcount", "order"}


def field_name(key: str) -> str:
    return key.rsplit("-", 1)[-1]


def snapshot(pk: int) -> tuple:
    """Everything a user saved on the sheet (not the bookkeeping of the wizard)."""
    sheet = RequirementSheet.objects.select_related("posting").get(pk=pk)
    basics = tuple(
        getattr(sheet, RequirementSheet._meta.get_field(f).attname)
        for f in RequirementSheet.BASIC_FIELDS
    )
    items = tuple(
        sorted(
            (i.pk, i.name, i.requirement, i.priority_id, i.included, i.order)
            + tuple(sorted(m.pk for m in i.methods.all()))
            for i in sheet.items.prefetch_related("methods")
        )
    )
    posting = tuple(getattr(sheet.posting, f) for f in JobPosting.EDITABLE_FIELDS)
    return (sheet.status, sheet.preset_id, basics, items, posting)


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


@pytest.mark.parametrize("step", STEP_NAMES)
@hostile_settings
@given(data=st.data())
def test_hostile_input_through_every_wizard_step(client, sheet, hr_alice, step, data):
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    page = wizard.page_data(step)
    before = snapshot(sheet.pk)

    # The draws never depend on the page (it changes as examples save): a slot picks a field
    # by position and brings both a text and a number; the field's kind decides which is sent.
    slots = data.draw(
        st.lists(st.tuples(st.integers(0, 10**6), text, numbers), min_size=1, max_size=5)
    )
    names = sorted(page)
    keys = []
    for position, typed_text, typed_number in slots:
        key = names[position % len(names)]
        page[key] = typed_text if field_name(key) in TEXT_FIELDS else typed_number
        keys.append(key)
    if step in {"hard", "core", "value", "bonus"} and data.draw(st.booleans(), label="add"):
        page["add_capability"] = data.draw(text, label="add_capability")
    action = data.draw(st.sampled_from(["next", "save", "goto"]), label="action")
    goto = data.draw(st.sampled_from([*STEP_NAMES, "done", "", MARK, "\x00"]), label="goto")

    response = wizard.post(step, page, action=action, goto=goto)

    assert_page_is_safe(response)
    typed = {
        key: page[key]
        for key in keys
        if field_name(key) in TEXT_FIELDS and isinstance(page[key], str)
    }
    management_touched = any(field_name(k) not in TEXT_FIELDS | NUMBER_FIELDS for k in keys)
    if response.status_code != 302:
        # Refused: nothing that was saved has changed, and what was typed is on the page.
        assert snapshot(sheet.pk) == before
        if response.status_code == 200 and not management_touched:
            for key, value in typed.items():
                assert escape(shown(value)) in response.content.decode(), key
        return
    kept = RequirementSheet.objects.get(pk=sheet.pk).wizard_state.get("step_data", {})
    if step in kept:
        # Left unfinished: nothing saved changed, and the input is there on return.
        assert snapshot(sheet.pk) == before
        if not management_touched:
            again = client.get(wizard.url(step)).content.decode()
            for key, value in typed.items():
                assert escape(shown(value)) in again, key


@pytest.mark.parametrize("field", ["methods", "priority"])
@pytest.mark.parametrize("value", [str(2**63), str(-(2**63) - 1), "9" * 40])
def test_an_id_no_database_integer_holds_is_an_invalid_choice(
    client, sheet, hr_alice, field, value
):
    # SQLite raises on such a number where PostgreSQL finds no row: either way the user gets
    # the step back with the error next to the field, and nothing saved changes.
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    page = wizard.page_data("core")
    before = snapshot(sheet.pk)
    page["core-0-" + field] = [value] if field == "methods" else value

    response = wizard.post("core", page, action="save")

    assert response.status_code == 200
    (row, *_rest) = wizard.rows(response)
    assert field in row.errors
    assert snapshot(sheet.pk) == before


@hostile_settings
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            "title": text,
            "preset": ids,
            "role_title": text,
            "department": text,
            "headcount": numbers,
            "location": text,
            "schedule": text,
            "salary_min": numbers,
            "salary_max": numbers,
            "salary_period": text,
            "hiring_manager": ids,
        },
    )
)
def test_hostile_input_through_the_new_sheet_form(client, catalog, hr_alice, manager_bob, fields):
    client.force_login(hr_alice)
    count = RequirementSheet.objects.count()
    response = client.post(reverse("sheets:new"), fields)
    assert_page_is_safe(response)
    if response.status_code == 302:
        sheet = RequirementSheet.objects.latest("pk")
        assert sheet.title == shown(fields["title"]).strip()
        assert sheet.location == shown(fields["location"]).strip()
    else:
        assert RequirementSheet.objects.count() == count
        for key in ["title", "role_title", "department", "location", "schedule"]:
            if key in fields:
                assert escape(shown(fields[key])) in response.content.decode(), key


@hostile_settings
@given(
    query=st.dictionaries(
        st.sampled_from(["q", "status", "industry", "page", MARK]),
        st.one_of(text, numbers),
        max_size=4,
    )
)
def test_hostile_list_filters(client, sheet, hr_alice, manager_bob, query):
    for user in [hr_alice, manager_bob]:
        client.force_login(user)
        response = client.get(reverse("sheets:list"), query)
        assert response.status_code == 200
        assert_page_is_safe(response)


@hostile_settings
@given(
    form=st.fixed_dictionaries(
        {},
        optional={
            "decision": st.one_of(st.sampled_from(["approve", "return"]), text),
            "comment": text,
            "sheet_version": numbers,
        },
    )
)
def test_hostile_input_through_the_review_form(client, sheet, manager_bob, form):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="submitted")
    before = snapshot(sheet.pk)
    client.force_login(manager_bob)

    response = client.post(reverse("sheets:review", args=[sheet.pk]), form)

    assert_page_is_safe(response)
    after = snapshot(sheet.pk)
    if after[0] == "submitted":
        assert after == before
        if response.status_code == 200 and "comment" in form:
            assert escape(shown(form["comment"])) in response.content.decode()
    else:
        assert after[0] in {"approved", "returned"} and after[1:] == before[1:]
        assert sheet.reviews.latest("pk").comment == shown(form.get("comment", "")).strip()


@hostile_settings
@given(pk=st.integers(min_value=-(2**70), max_value=2**70), step=st.sampled_from(STEP_NAMES))
def test_hostile_sheet_ids(client, sheet, hr_alice, pk, step):
    client.force_login(hr_alice)
    if pk < 0:
        return  # not a URL the site has: <int:pk> takes digits only
    for url in [
        reverse("sheets:detail", args=[pk]),
        reverse("sheets:wizard", kwargs={"pk": pk, "step": step}),
        reverse("documents:sheet_pdf", args=[pk]),
        reverse("documents:posting_text", args=[pk]),
    ]:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (url, response.status_code)


@hostile_settings
@given(title=text)
def test_hostile_input_through_the_duplicate_form(client, sheet, hr_alice, title):
    client.force_login(hr_alice)
    count = RequirementSheet.objects.count()
    response = client.post(reverse("sheets:duplicate", args=[sheet.pk]), {"title": title})
    assert_page_is_safe(response)
    if response.status_code == 302:
        assert RequirementSheet.objects.latest("pk").title == shown(title).strip()
    else:
        assert RequirementSheet.objects.count() == count
        assert escape(shown(title)) in response.content.decode()
