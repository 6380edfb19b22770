"""Saving a sheet's screening kit (初筛条件), or going back to the one derived from the sheet."""

from django.db import transaction
from django.utils.translation import gettext as _

from hiring.catalog.models import AssessmentMethod, ScreeningTerm
from hiring.common.translated import content_language

from .. import reasons
from ..models import RequirementSheet, ScreeningKit
from ..screening import MAX_SCORE, protected_findings, protected_message
from .base import claim_version, record_history

# The longest keyword and knock-out question (the form fields say the same).
TERM_MAX = 40
QUESTION_MAX = 300


class KitRefused(Exception):
    """The kit holds something it must not; `errors` maps "section-index-field" to a message
    for the user."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _checked(
    keywords: list[dict], knockouts: list[dict], tests: list[dict], *, language: str
) -> dict:
    groups = set(ScreeningTerm.Group.values)
    # A test's name is kept in the kit, as the sheet's content: in the sheet's language.
    with content_language(language):
        tests_query = AssessmentMethod.objects.filter(stage=AssessmentMethod.Stage.TEST)
        methods = {m.slug: m.name for m in tests_query}
    errors = {}
    clean = {"keywords": [], "knockouts": [], "tests": []}
    for index, keyword in enumerate(keywords):
        term = keyword["term"].strip()
        if keyword["group"] not in groups:
            errors[f"keywords-{index}-group"] = _("请选择关键词分组。")
        if not term or len(term) > TERM_MAX:
            errors[f"keywords-{index}-term"] = _("关键词应为 1 到 %(max)d 个字。") % {
                "max": TERM_MAX
            }
        elif findings := protected_findings(term):
            errors[f"keywords-{index}-term"] = protected_message(findings)
        clean["keywords"].append(
            {
                "group": keyword["group"],
                "term": term,
                "required": bool(keyword["required"]),
                "sources": list(keyword.get("sources", [])),
            }
        )
    for index, knockout in enumerate(knockouts):
        question = knockout["question"].strip()
        if not question or len(question) > QUESTION_MAX:
            errors[f"knockouts-{index}-question"] = _("问题应为 1 到 %(max)d 个字。") % {
                "max": QUESTION_MAX
            }
        elif findings := protected_findings(question):
            errors[f"knockouts-{index}-question"] = protected_message(findings)
        clean["knockouts"].append(
            {"question": question, "sources": list(knockout.get("sources", []))}
        )
    for index, test in enumerate(tests):
        if test["method"] not in methods:
            errors[f"tests-{index}-method"] = _("请选择一种测评方式。")
        score = test["min_score"]
        if not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
            errors[f"tests-{index}-min_score"] = _("达标分数应在 0 到 %(max)d 之间。") % {
                "max": MAX_SCORE
            }
        clean["tests"].append(
            {
                "method": test["method"],
                "name": methods.get(test["method"], ""),
                "min_score": score,
                "sources": list(test.get("sources", [])),
            }
        )
    if errors:
        raise KitRefused(errors)
    return clean


@transaction.atomic
def sheet_save_screening_kit(
    *,
    sheet: RequirementSheet,
    actor,
    expected_version: int,
    keywords: list[dict],
    knockouts: list[dict],
    tests: list[dict],
) -> ScreeningKit:
    """Saves the kit as the sheet's own; a protected attribute as a keyword or knock-out,
    an unknown test or a score out of range is refused (`KitRefused`), nothing saved."""
    values = _checked(keywords, knockouts, tests, language=sheet.language)
    claim_version(
        sheet=sheet, actor=actor, expected_version=expected_version, last_step=sheet.last_step
    )
    kit = ScreeningKit.objects.filter(sheet=sheet).first() or ScreeningKit(sheet=sheet)
    changed = kit.pk is None or any(getattr(kit, k) != v for k, v in values.items())
    if changed:
        for name, value in values.items():
            setattr(kit, name, value)
        kit.full_clean()
        kit._history_user = actor
        kit.save()
        record_history(sheet, actor=actor, reason=reasons.KIT_CHANGED)
    return kit


@transaction.atomic
def sheet_reset_screening_kit(*, sheet: RequirementSheet, actor, expected_version: int) -> None:
    """Drops the saved kit: the sheet's kit is derived from its items again."""
    claim_version(
        sheet=sheet, actor=actor, expected_version=expected_version, last_step=sheet.last_step
    )
    kit = ScreeningKit.objects.filter(sheet=sheet).first()
    if kit is not None:
        kit._history_user = actor
        kit.delete()
        record_history(sheet, actor=actor, reason=reasons.KIT_RESET)
