import socket

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hiring.sheets import services
from hiring.sheets.models import RequirementSheet, Review

from .factories import make_sheet
from .wizard_client import WizardClient


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    hr_alice.email = "alice@example.com"
    hr_alice.save(update_fields=["email"])
    manager_bob.email = "bob@example.com"
    manager_bob.save(update_fields=["email"])
    return make_sheet(owner=hr_alice, manager=manager_bob)


def status(sheet) -> str:
    return RequirementSheet.objects.get(pk=sheet.pk).status


def submit(client, sheet):
    return client.post(reverse("sheets:submit", args=[sheet.pk]), follow=True)


def decide(client, sheet, decision, comment="", version=None):
    if version is None:
        version = RequirementSheet.objects.get(pk=sheet.pk).version
    return client.post(
        reverse("sheets:review", args=[sheet.pk]),
        {"decision": decision, "comment": comment, "sheet_version": version},
        follow=True,
    )


def test_the_whole_approval_round_trip(
    client, sheet, hr_alice, manager_bob, django_capture_on_commit_callbacks
):
    client.force_login(hr_alice)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, sheet)
    assert status(sheet) == "submitted"
    assert mail.outbox[-1].to == ["bob@example.com"] and sheet.title in mail.outbox[-1].subject

    client.force_login(manager_bob)
    with django_capture_on_commit_callbacks(execute=True):
        page = decide(client, sheet, "return", "薪资范围请与财务确认")
    assert status(sheet) == "returned"
    assert mail.outbox[-1].to == ["alice@example.com"]
    assert "薪资范围请与财务确认" in mail.outbox[-1].body

    client.force_login(hr_alice)
    page = client.get(reverse("sheets:detail", args=[sheet.pk]))
    assert "退回意见" in page.text and "薪资范围请与财务确认" in page.text
    wizard = WizardClient(client, sheet.pk)
    basics = wizard.page_data("basics")
    basics["basics-salary_max"] = "10000"
    assert wizard.post("basics", basics).status_code == 302  # a returned sheet is a draft again
    submit(client, sheet)
    assert status(sheet) == "submitted"

    client.force_login(manager_bob)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, sheet, "approve", "同意")
    assert status(sheet) == "approved"
    assert "已批准" in mail.outbox[-1].subject

    actions = list(
        Review.objects.filter(sheet=sheet)
        .order_by("created_at", "pk")
        .values_list("action", "actor__username", "comment")
    )
    assert actions == [
        ("submitted", "hr_alice", ""),
        ("returned", "manager_bob", "薪资范围请与财务确认"),
        ("submitted", "hr_alice", ""),
        ("approved", "manager_bob", "同意"),
    ]
    page = client.get(reverse("sheets:detail", args=[sheet.pk]))
    for label in ["提交审批", "退回修改", "批准"]:
        assert label in page.text


def test_errors_in_the_quality_check_block_submission(client, sheet, hr_alice):
    item = sheet.items.filter(category__slug="core").first()
    item.requirement = "限女性,35岁以下"
    item.save()
    client.force_login(hr_alice)

    page = client.get(reverse("sheets:detail", args=[sheet.pk]))
    assert "性别" in page.text and "违反" in page.text  # the reason is shown
    response = submit(client, sheet)

    assert status(sheet) == "draft"
    assert "修正后才能提交" in response.text


def test_warnings_do_not_block_submission(client, sheet, hr_alice):
    RequirementSheet.objects.filter(pk=sheet.pk).update(schedule="")
    client.force_login(hr_alice)
    submit(client, sheet)
    assert status(sheet) == "submitted"


def test_approving_a_draft_is_refused(client, sheet, manager_bob):
    client.force_login(manager_bob)
    response = decide(client, sheet, "approve")
    assert status(sheet) == "draft"
    assert "只有待审批的需求表" in response.text


def test_hr_cannot_approve_their_own_sheet(sheet, hr_alice):
    RequirementSheet.objects.filter(pk=sheet.pk).update(hiring_manager=hr_alice, status="submitted")
    sheet.refresh_from_db()
    with pytest.raises(services.TransitionRefused, match="不能审批自己"):
        services.sheet_approve(sheet=sheet, actor=hr_alice)
    assert status(sheet) == "submitted"


def test_hr_gets_no_review_form_and_their_post_is_refused(client, sheet, hr_alice):
    client.force_login(hr_alice)
    submit(client, sheet)
    page = client.get(reverse("sheets:detail", args=[sheet.pk]))
    assert "提交审批结果" not in page.text
    decide(client, sheet, "approve")
    assert status(sheet) == "submitted"


@pytest.mark.parametrize(
    "who, review_code",
    [
        # Another manager does not even learn that the sheet exists.
        ("manager_dave", 404),
        # HR colleagues see every sheet but decide none.
        ("hr_carol", 403),
        ("outsider_eve", 403),
        ("admin_amy", 403),
    ],
)
def test_strangers_cannot_act_at_all(client, sheet, request, who, review_code):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="submitted")
    client.force_login(request.getfixturevalue(who))
    decision = {"decision": "approve", "sheet_version": sheet.version}
    response = client.post(reverse("sheets:review", args=[sheet.pk]), decision)
    assert response.status_code == review_code
    # Only the author submits: everyone else is refused, whatever they may see.
    assert client.post(reverse("sheets:submit", args=[sheet.pk])).status_code == 403
    assert status(sheet) == "submitted"
    assert not Review.objects.filter(sheet=sheet).exists()


def test_returning_needs_a_comment(client, sheet, hr_alice, manager_bob):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="submitted")
    client.force_login(manager_bob)
    response = decide(client, sheet, "return", "   ")
    assert status(sheet) == "submitted"
    assert "请写明需要修改的地方" in response.text


def test_an_approved_sheet_is_read_only_and_a_revision_is_an_editable_copy(client, sheet, hr_alice):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="approved")
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)

    response = client.get(wizard.url("core"), follow=True)
    assert "不能再编辑" in response.text
    with pytest.raises(services.SheetNotEditable):
        services.sheet_update_posting(
            sheet=RequirementSheet.objects.get(pk=sheet.pk),
            actor=sheet.owner,
            expected_version=sheet.version,
            posting_data={},
            step="posting",
        )
    client.post(reverse("sheets:delete", args=[sheet.pk]))
    assert RequirementSheet.objects.filter(pk=sheet.pk).exists()

    response = client.post(reverse("sheets:new_revision", args=[sheet.pk]))
    revision = RequirementSheet.objects.get(revision_of=sheet)
    assert response["Location"] == reverse("sheets:wizard", args=[revision.pk, "basics"])
    assert revision.status == "draft" and revision.items.count() == sheet.items.count()
    assert Review.objects.filter(sheet=sheet, action="revision").exists()


def test_a_draft_has_no_revision(sheet, hr_alice):
    with pytest.raises(services.TransitionRefused):
        services.sheet_new_revision(sheet=sheet, actor=hr_alice)


def test_a_manager_cannot_submit_and_other_hr_cannot_submit_alices_sheet(
    client, sheet, manager_bob, hr_carol
):
    client.force_login(manager_bob)
    assert client.post(reverse("sheets:submit", args=[sheet.pk])).status_code == 403
    client.force_login(hr_carol)
    assert client.post(reverse("sheets:submit", args=[sheet.pk])).status_code == 403
    assert status(sheet) == "draft"


def test_submitting_makes_open_wizard_pages_stale(client, sheet, hr_alice):
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("core")
    submit(client, sheet)
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="returned")
    assert wizard.post("core", data).status_code == 409


def test_a_decision_on_an_outdated_page_is_refused(client, sheet, hr_alice, manager_bob):
    client.force_login(hr_alice)
    submit(client, sheet)
    seen = RequirementSheet.objects.get(pk=sheet.pk).version
    client.force_login(manager_bob)
    decide(client, sheet, "return", "请补充薪资")
    client.force_login(hr_alice)
    submit(client, sheet)

    client.force_login(manager_bob)
    response = decide(client, sheet, "approve", version=seen)  # an older tab

    assert status(sheet) == "submitted"
    assert "请查看最新内容后再审批" in response.text


def test_only_the_owner_makes_one_revision_at_a_time(sheet, hr_alice, hr_carol):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="approved")
    sheet.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.sheet_new_revision(sheet=sheet, actor=hr_carol)
    first = services.sheet_new_revision(sheet=sheet, actor=hr_alice)
    with pytest.raises(services.TransitionRefused, match=f"#{first.pk}"):
        services.sheet_new_revision(sheet=sheet, actor=hr_alice)


def test_an_approved_revision_archives_its_original(sheet, hr_alice, manager_bob):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="approved")
    sheet.refresh_from_db()
    revision = services.sheet_new_revision(sheet=sheet, actor=hr_alice)
    services.sheet_submit(sheet=revision, actor=hr_alice)
    services.sheet_approve(sheet=revision, actor=manager_bob)

    assert status(revision) == "approved"
    assert status(sheet) == "archived"
    assert sheet.reviews.filter(action="archived").exists()


def test_a_title_with_a_line_break_still_submits_and_mails_one_line(
    client, sheet, hr_alice, manager_bob, django_capture_on_commit_callbacks
):
    RequirementSheet.objects.filter(pk=sheet.pk).update(title="电商客服\r\nBcc: x@example.com")
    client.force_login(hr_alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sheets:submit", args=[sheet.pk]))
    assert response.status_code == 302
    assert status(sheet) == "submitted"
    message = mail.outbox[-1]
    assert message.to == ["bob@example.com"]
    assert message.subject == "待审批：电商客服 Bcc: x@example.com"
    assert message.message()["Bcc"] is None  # the line break did not start a header


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_cannot_be_reached_does_not_undo_or_break_an_approval(
    client, sheet, hr_alice, manager_bob, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    settings.EMAIL_TIMEOUT = 5
    RequirementSheet.objects.filter(pk=sheet.pk).update(title="退回\n再批")
    client.force_login(hr_alice)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("sheets:submit", args=[sheet.pk])).status_code == 302
    client.force_login(manager_bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, sheet, "approve", "好")

    assert response.status_code == 200 and "已批准" in response.text
    assert status(sheet) == "approved"
    failures = [r for r in caplog.records if r.name.startswith("hiring.sheets.services")]
    assert len(failures) == 2 and all(r.levelname == "ERROR" for r in failures)
    assert "alice@example.com" in failures[-1].getMessage()
