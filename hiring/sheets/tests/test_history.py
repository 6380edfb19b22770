import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.catalog.models import AssessmentMethod, Preset, PresetItem
from hiring.sheets import services
from hiring.sheets.models import RequirementSheet
from hiring.sheets.selectors.detail import preset_differences
from hiring.sheets.selectors.history import sheet_timeline
from hiring.sheets.selectors.sheets import sheet_items

from .factories import make_sheet
from .wizard_client import WizardClient


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def edit_item(client, sheet, name, requirement, methods=None):
    wizard = WizardClient(client, sheet.pk)
    step = sheet.items.get(name=name).category.slug
    data = wizard.page_data(step)
    prefix = next(k[: -len("-name")] for k, v in data.items() if k.endswith("-name") and v == name)
    data[f"{prefix}-requirement"] = requirement
    if methods is not None:
        data[f"{prefix}-methods"] = [str(m.pk) for m in methods]
    assert wizard.post(step, data, action="save").status_code == 302


def test_history_lists_who_changed_what_with_a_readable_diff(client, sheet, hr_alice):
    client.force_login(hr_alice)
    interview = AssessmentMethod.objects.get(slug="interview")
    edit_item(client, sheet, "共情能力", "能在 3 分钟内安抚情绪激动的客户", methods=[interview])

    page = client.get(reverse("sheets:history", args=[sheet.pk]))

    assert page.status_code == 200
    entry = next(e for e in page.context["entries"] if e.what == "修改条目「共情能力」")
    assert entry.who == "hr_alice"
    changes = {c.label: (c.old, c.new) for c in entry.changes}
    assert changes["具体要求"][1] == "能在 3 分钟内安抚情绪激动的客户"
    assert changes["评估方式"][1] == "面试"
    assert "能在 3 分钟内安抚情绪激动的客户" in page.text
    assert any(e.what == "创建需求表" for e in page.context["entries"])


def test_history_lists_posting_changes_and_added_items(client, sheet, hr_alice):
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("posting")
    data["posting-benefits"] = "六险一金"
    wizard.post("posting", data, action="save")

    entries = sheet_timeline(sheet=sheet)

    posting = next(e for e in entries if e.what == "修改职位发布")
    assert ("薪资福利", "六险一金") in [(c.label, c.new) for c in posting.changes]
    created = next(e for e in entries if e.what == "创建需求表")
    assert "添加条目「共情能力」" in [part.what for part in created.parts]


def test_the_items_a_sheet_was_created_with_are_listed_under_its_creation(client, sheet, hr_alice):
    client.force_login(hr_alice)
    entries = sheet_timeline(sheet=sheet)
    created = next(e for e in entries if e.what == "创建需求表")
    added = {part.what for part in created.parts}
    assert added == {f"添加条目「{item.name}」" for item in sheet.items.all()}
    assert not any(e.what.startswith("添加条目") for e in entries)

    edit_item(client, sheet, "共情能力", "能在 3 分钟内安抚情绪激动的客户")
    entries = sheet_timeline(sheet=sheet)
    assert entries[0].what == "修改条目「共情能力」"
    assert len(next(e for e in entries if e.what == "创建需求表").parts) == len(added)
    page = client.get(reverse("sheets:history", args=[sheet.pk])).text
    assert f"同时改动了 {len(added)} 处条目或职位发布" in page


def test_a_draft_can_be_reverted_to_an_earlier_version(client, sheet, hr_alice):
    client.force_login(hr_alice)
    original = {i.name: i.requirement for i in sheet.items.all()}
    edit_item(client, sheet, "共情能力", "第一次修改")
    wizard = WizardClient(client, sheet.pk)
    basics = wizard.page_data("basics")
    basics["basics-location"] = "上海市浦东新区"
    wizard.post("basics", basics, action="save")
    first = sheet.history.order_by("history_date").first()
    sheet.refresh_from_db()

    response = client.post(
        reverse("sheets:revert", args=[sheet.pk, first.history_id]),
        {"sheet_version": sheet.version},
    )

    assert response["Location"] == reverse("sheets:detail", args=[sheet.pk])
    sheet.refresh_from_db()
    assert sheet.location == "杭州市余杭区"
    assert {i.name: i.requirement for i in sheet.items.all()} == original
    assert sheet.reviews.filter(action="reverted").exists()
    assert "恢复到" in client.get(reverse("sheets:history", args=[sheet.pk])).text


def test_revert_restores_a_deleted_custom_item_and_its_methods(client, sheet, hr_alice):
    client.force_login(hr_alice)
    before = sheet.history.order_by("-history_date").first()
    item = sheet.items.get(name="共情能力")
    methods = set(item.methods.values_list("slug", flat=True))
    item.methods.clear()
    item.delete()

    services.sheet_revert(
        sheet=sheet, actor=hr_alice, history_id=before.history_id, expected_version=sheet.version
    )

    restored = sheet.items.get(name="共情能力")
    assert set(restored.methods.values_list("slug", flat=True)) == methods


def test_only_the_owner_may_revert_and_only_a_draft(client, sheet, hr_alice, hr_carol):
    first = sheet.history.first()
    client.force_login(hr_carol)
    assert (
        client.post(
            reverse("sheets:revert", args=[sheet.pk, first.history_id]),
            {"sheet_version": sheet.version},
        ).status_code
        == 403
    )
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="approved")
    client.force_login(hr_alice)
    response = client.post(
        reverse("sheets:revert", args=[sheet.pk, first.history_id]),
        {"sheet_version": sheet.version},
        follow=True,
    )
    assert "只有草稿或被退回的需求表" in response.text


def test_a_stale_revert_is_refused(client, sheet, hr_alice):
    client.force_login(hr_alice)
    first = sheet.history.first()
    response = client.post(
        reverse("sheets:revert", args=[sheet.pk, first.history_id]),
        {"sheet_version": sheet.version - 1},
        follow=True,
    )
    assert "已被修改" in response.text


def history_page_queries(client, sheet) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("sheets:history", args=[sheet.pk])).status_code == 200
    return len(queries)


def test_history_page_queries_do_not_grow_with_changes(client, sheet, hr_alice):
    client.force_login(hr_alice)
    for n in range(3):
        edit_item(client, sheet, "共情能力", f"修改 {n}")
    few = history_page_queries(client, sheet)
    for n in range(3, 9):
        edit_item(client, sheet, "共情能力", f"修改 {n}")
    assert history_page_queries(client, sheet) == few


def test_lineage_shows_items_that_differ_from_the_current_preset(client, sheet, hr_alice):
    client.force_login(hr_alice)
    assert preset_differences(sheet=sheet, items=list(sheet_items(sheet=sheet))) == []

    edit_item(client, sheet, "共情能力", "改过的要求")
    dropped = sheet.items.get(name="学历")
    dropped.included = False
    dropped.save()
    preset_item = PresetItem.objects.get(preset__slug="ecommerce", capability__slug="communication")
    preset_item.requirement = "模板后来改了"
    preset_item.save()

    diffs = {
        (d.kind, d.name): d
        for d in preset_differences(sheet=sheet, items=list(sheet_items(sheet=sheet)))
    }

    assert diffs[("changed", "共情能力")].fields == ("具体要求",)
    assert ("dropped", "学历") in diffs
    assert ("changed", "沟通表达") in diffs  # the preset moved on since the sheet was made
    page = client.get(reverse("sheets:detail", args=[sheet.pk]))
    assert "与行业模板的差异" in page.text and "已去掉" in page.text
    assert Preset.objects.get(slug="ecommerce").name in page.text


def test_a_save_that_changes_nothing_writes_no_history(client, sheet, hr_alice):
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    before = len(sheet_timeline(sheet=sheet))
    records = (sheet.history.count(), sheet.posting.history.count())
    for step in ["basics", "hard", "core", "posting"]:
        assert wizard.post(step, wizard.page_data(step), action="save").status_code == 302

    assert (sheet.history.count(), sheet.posting.history.count()) == records
    assert len(sheet_timeline(sheet=sheet)) == before
    sheet.refresh_from_db()
    assert sheet.version > 1  # each save still claimed a version against concurrent edits


def test_the_first_posting_save_from_a_browser_lists_only_what_changed(client, sheet, hr_alice):
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("posting")
    # A browser sends every textarea's line breaks as CRLF, changed or not.
    data = {
        key: value.replace("\n", "\r\n") if isinstance(value, str) else value
        for key, value in data.items()
    }
    data["posting-benefits"] = "五险一金\r\n带薪年假"
    assert wizard.post("posting", data, action="save").status_code == 302

    (entry,) = [e for e in sheet_timeline(sheet=sheet) if e.what == "修改职位发布"]
    assert [(c.label, c.old, c.new) for c in entry.changes] == [
        ("薪资福利", "—", "五险一金\n带薪年假")
    ]


def test_history_names_the_person_the_service_acted_for(sheet, hr_alice):
    # No request at all: the service itself says who made the change.
    interview = AssessmentMethod.objects.get(slug="interview")
    item = sheet.items.get(name="共情能力")
    services.sheet_save_items(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        category_id=item.category_id,
        items=[
            services.ItemData(
                pk=item.pk,
                name=item.name,
                requirement="能在 3 分钟内安抚情绪激动的客户",
                priority=item.priority,
                methods=[interview],
                order=item.order,
            )
        ],
        step="core",
    )
    entry = next(e for e in sheet_timeline(sheet=sheet) if e.what == "修改条目「共情能力」")
    assert entry.who == "hr_alice"
    assert sheet.history.latest("history_date").history_user == hr_alice


def test_revert_asks_first_and_changes_nothing_until_confirmed(client, sheet, hr_alice):
    client.force_login(hr_alice)
    first = sheet.history.order_by("history_date").first()
    edit_item(client, sheet, "共情能力", "第一次修改")
    url = reverse("sheets:revert", args=[sheet.pk, first.history_id])

    page = client.get(url)

    assert page.status_code == 200 and "确认恢复" in page.text
    assert sheet.items.get(name="共情能力").requirement == "第一次修改"
    history = client.get(reverse("sheets:history", args=[sheet.pk])).text
    assert f'href="{url}"' in history  # the history's button opens the question, it posts nothing
    sheet.refresh_from_db()
    client.post(url, {"sheet_version": sheet.version})
    assert sheet.items.get(name="共情能力").requirement != "第一次修改"


def test_revert_restores_a_method_renamed_in_admin_since(client, sheet, hr_alice):
    client.force_login(hr_alice)
    item = sheet.items.get(name="共情能力")
    methods = set(item.methods.values_list("pk", flat=True))
    assert methods
    before = sheet.history.order_by("-history_date").first()
    edit_item(client, sheet, "共情能力", "只看简历", methods=[])
    for method in AssessmentMethod.objects.filter(pk__in=methods):
        method.name = f"{method.name}(新版)"
        method.save()
    sheet.refresh_from_db()

    services.sheet_revert(
        sheet=sheet, actor=hr_alice, history_id=before.history_id, expected_version=sheet.version
    )

    assert set(sheet.items.get(name="共情能力").methods.values_list("pk", flat=True)) == methods


def test_saving_an_item_takes_the_same_queries_for_one_method_or_all(sheet, hr_alice):
    item = sheet.items.get(name="共情能力")
    every = list(AssessmentMethod.objects.all())
    assert len(every) >= 10
    counts = []
    # From none, one method is added and taken away, then all of them are: the first save,
    # dropping the preset's methods, only sets the scene.
    for methods in [[], every[:1], [], every, []]:
        sheet.refresh_from_db()
        data = services.ItemData(
            pk=item.pk,
            name=item.name,
            requirement=f"{len(methods)} 种评估方式",
            priority=item.priority,
            methods=list(methods),
            order=item.order,
        )
        with CaptureQueriesContext(connection) as queries:
            services.sheet_save_items(
                sheet=sheet,
                actor=hr_alice,
                expected_version=sheet.version,
                category_id=item.category_id,
                items=[data],
                step="core",
            )
        counts.append(len(queries))
        assert set(item.methods.all()) == set(methods)
    added_one, removed_one, added_all, removed_all = counts[1:]
    assert added_one == added_all, counts
    assert removed_one == removed_all, counts
