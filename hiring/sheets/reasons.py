"""Why a sheet's history record was made, stored as a code (with one argument where the text
needs it) and put into words in the reader's language when shown: an English reader never sees
批准, a Chinese one never "Created from an industry preset"."""

from django.utils.translation import gettext_lazy as _

from .models import Review

SEPARATOR = "|"
MAX_LENGTH = 100  # simple_history's history_change_reason column

CREATED_FROM_PRESET = "created-from-preset"
PRESET_CHANGED = "preset-changed"
BASICS_CHANGED = "basics-changed"
CHALLENGES_CHANGED = "challenges-changed"
KIT_CHANGED = "screening-kit-changed"
KIT_RESET = "screening-kit-reset"
DUPLICATED = "duplicated"  # argument: the title copied from
REVERTED = "reverted"  # argument: the version's time, as shown (Y-m-d H:M:S)
REVIEW = "review:"  # + a Review.Action value

TEXTS = {
    CREATED_FROM_PRESET: _("从行业模板创建"),
    PRESET_CHANGED: _("更换行业模板"),
    BASICS_CHANGED: _("修改基本信息"),
    CHALLENGES_CHANGED: _("更换核心挑战"),
    KIT_CHANGED: _("修改初筛条件"),
    KIT_RESET: _("初筛条件恢复为根据需求表生成"),
    DUPLICATED: _("复制自「%(title)s」"),
    REVERTED: _("恢复到 %(when)s 的版本"),
}
ARGUMENTS = {DUPLICATED: "title", REVERTED: "when"}


def reason(code: str, argument: str = "") -> str:
    """The stored form: `code` or `code|argument`, the argument cut to fit the column."""
    if not argument:
        return code
    return f"{code}{SEPARATOR}{argument}"[:MAX_LENGTH]


def review_reason(action: str) -> str:
    return REVIEW + Review.Action(action).value


def reason_text(stored: str | None) -> str:
    """The reason in the active language; text stored before codes is shown as it was."""
    if not stored:
        return ""
    code, _separator, argument = stored.partition(SEPARATOR)
    if code.startswith(REVIEW) and code.removeprefix(REVIEW) in Review.Action.values:
        return str(Review.Action(code.removeprefix(REVIEW)).label)
    if code not in TEXTS:
        return stored
    if code in ARGUMENTS:
        return str(TEXTS[code]) % {ARGUMENTS[code]: argument}
    return str(TEXTS[code])
