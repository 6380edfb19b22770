"""History reasons were stored as text in the editor's language; they become codes that the
history page words in the reader's language (see hiring/sheets/reasons.py). The texts below
are the ones the app wrote, in Chinese and in English, frozen here as they were."""

import re

from django.db import migrations

FIXED = {
    "从行业模板创建": "created-from-preset",
    "Created from an industry preset": "created-from-preset",
    "更换行业模板": "preset-changed",
    "Changed the industry preset": "preset-changed",
    "修改基本信息": "basics-changed",
    "Edited the basic information": "basics-changed",
    "提交审批": "review:submitted",
    "Submit for approval": "review:submitted",
    "批准": "review:approved",
    "Approve": "review:approved",
    "退回修改": "review:returned",
    "Return for changes": "review:returned",
    "创建新修订": "review:revision",
    "Create new revision": "review:revision",
    "恢复到早先版本": "review:reverted",
    "Revert to an earlier version": "review:reverted",
    "归档": "review:archived",
    "Archive": "review:archived",
}
WITH_ARGUMENT = [
    (re.compile(r"^复制自「(.*)」$", re.S), "duplicated"),
    (re.compile(r"^Copied from “(.*)”$", re.S), "duplicated"),
    (re.compile(r"^恢复到 (.*) 的版本$", re.S), "reverted"),
    (re.compile(r"^Reverted to the version of (.*)$", re.S), "reverted"),
]


def to_code(text: str) -> str | None:
    if text in FIXED:
        return FIXED[text]
    for pattern, code in WITH_ARGUMENT:
        match = pattern.match(text)
        if match:
            return f"{code}|{match.group(1)}"[:100]
    return None


def reasons_to_codes(apps, schema_editor):
    Record = apps.get_model("sheets", "HistoricalRequirementSheet")
    records = Record.objects.exclude(history_change_reason__isnull=True).exclude(
        history_change_reason=""
    )
    for record in records.only("history_id", "history_change_reason").iterator():
        code = to_code(record.history_change_reason)
        if code is not None and code != record.history_change_reason:
            Record.objects.filter(history_id=record.history_id).update(history_change_reason=code)


class Migration(migrations.Migration):
    dependencies = [
        ("sheets", "0005_review_permission"),
    ]

    operations = [
        migrations.RunPython(reasons_to_codes, migrations.RunPython.noop),
    ]
