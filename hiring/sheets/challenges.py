"""What a preset and a sheet's core challenges (核心挑战) make of the sheet's items.

`plan_items` computes, in memory, the items a sheet gets from its preset once its challenges
have adjusted them: priorities raised or lowered, capabilities added, assessment methods added
or emphasised, interview questions appended — each adjustment with a note that names the
challenge and says why. The services write the plan; the wizard compares a sheet with the plan
to tell whether someone edited it since. Catalog rows are only read.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from hiring.catalog.models import (
    AssessmentMethod,
    ChallengeEffect,
    CoreChallenge,
    Industry,
    Preset,
    Priority,
    split_lines,
)
from hiring.quality.findings import Finding, Severity
from hiring.quality.snapshot import SheetSnapshot


@dataclass
class PlannedItem:
    """One item as the preset and the challenges make it (SheetItem field values)."""

    capability_id: int
    category_id: int
    name: str
    requirement: str
    priority_id: int
    method_ids: list[int]
    order: int
    scorecard: dict[str, str]
    notes: list[str] = field(default_factory=list)

    @property
    def challenge_note(self) -> str:
        return "\n".join(self.notes)

    def state(self) -> tuple:
        """What an item of the sheet must still hold to count as not edited since."""
        return (
            self.requirement,
            self.priority_id,
            frozenset(self.method_ids),
            self.scorecard.get("interview_prompts", ""),
            self.challenge_note,
        )


def item_state(item) -> tuple:
    """`PlannedItem.state` of a sheet item (its methods prefetched)."""
    return (
        item.requirement,
        item.priority_id,
        frozenset(m.pk for m in item.methods.all()),
        item.interview_prompts,
        item.challenge_note,
    )


def challenges_by_slugs(slugs: Iterable[str]) -> list[CoreChallenge]:
    """The active challenges of `slugs`, in the catalog's order, effects loaded; a slug that
    no longer exists is left out."""
    slugs = list(slugs)
    if not slugs:
        return []
    effects = ChallengeEffect.objects.select_related(
        "capability__category", "priority", "capability__default_priority"
    ).prefetch_related("methods", "capability__default_methods", "capability__industries")
    return list(
        CoreChallenge.objects.filter(slug__in=slugs, is_active=True).prefetch_related(
            Prefetch("effects", queryset=effects)
        )
    )


def _effect_note(*, challenge: CoreChallenge, effect: ChallengeEffect, actions: list[str]) -> str:
    return _("因「%(challenge)s」%(actions)s。理由：%(reason)s") % {
        "challenge": challenge.name,
        "actions": _("，").join(actions),
        "reason": effect.reason,
    }


def _applies_to(capability, industry: Industry) -> bool:
    industries = list(capability.industries.all())
    return capability.is_active and (not industries or industry in industries)


def plan_items(
    *,
    preset: Preset | None,
    challenges: list[CoreChallenge],
    industry: Industry,
    scorecard_for,
) -> dict[int, PlannedItem]:
    """The items by capability id. `scorecard_for(capability)` gives the prompts and anchors
    a new item of that capability starts with (see `services.capability_scorecard`)."""
    planned: dict[int, PlannedItem] = {}
    if preset is not None:
        preset_items = preset.items.select_related("capability").prefetch_related("methods")
        for source in preset_items:
            capability = source.capability
            planned[capability.pk] = PlannedItem(
                capability_id=capability.pk,
                category_id=capability.category_id,
                name=capability.name,
                requirement=source.requirement,
                priority_id=source.priority_id,
                method_ids=[m.pk for m in source.methods.all()],
                order=source.order,
                scorecard=scorecard_for(capability),
            )
    if not challenges:
        return planned
    priorities = {p.pk: p for p in Priority.objects.all()}
    methods = {m.pk: m for m in AssessmentMethod.objects.all()}
    for challenge in challenges:
        for effect in challenge.effects.all():
            capability = effect.capability
            item = planned.get(capability.pk)
            actions = []
            if item is None:
                if not (effect.add_if_missing and _applies_to(capability, industry)):
                    continue
                last = max(
                    (i.order for i in planned.values() if i.category_id == capability.category_id),
                    default=0,
                )
                item = PlannedItem(
                    capability_id=capability.pk,
                    category_id=capability.category_id,
                    name=capability.name,
                    requirement=capability.requirement,
                    priority_id=effect.priority_id or capability.default_priority_id,
                    method_ids=[m.pk for m in capability.default_methods.all()],
                    order=last + 1,
                    scorecard=scorecard_for(capability),
                )
                planned[capability.pk] = item
                actions.append(
                    _("新增此项（优先级%(priority)s）")
                    % {"priority": priorities[item.priority_id].name}
                )
            elif effect.priority_id and effect.priority_id != item.priority_id:
                before, after = priorities[item.priority_id], priorities[effect.priority_id]
                template = _("提高为%(priority)s") if after.order < before.order else None
                template = template or _("降低为%(priority)s")
                actions.append(template % {"priority": after.name})
                item.priority_id = after.pk
            for method in effect.methods.all():
                if method.pk in item.method_ids:
                    actions.append(
                        _("重点考察「%(method)s」") % {"method": methods[method.pk].name}
                    )
                else:
                    item.method_ids.append(method.pk)
                    actions.append(_("增加评估方式「%(method)s」") % {"method": method.name})
            have = split_lines(item.scorecard.get("interview_prompts", ""))
            new_prompts = [p for p in effect.prompt_list if p not in have]
            if new_prompts:
                item.scorecard = {
                    **item.scorecard,
                    "interview_prompts": "\n".join([*have, *new_prompts]),
                }
                actions.append(_("增加面试追问"))
            if actions:
                item.notes.append(_effect_note(challenge=challenge, effect=effect, actions=actions))
    return planned


def screening_questions(challenges: list[CoreChallenge]) -> list[str]:
    return [c.screening_question for c in challenges if c.screening_question]


@dataclass(frozen=True)
class ChallengeChange:
    """How changing the challenges changes one item, for the page that asks first."""

    kind: str  # "added", "removed", "changed"
    name: str
    notes: tuple[str, ...]
    edited: bool  # the item no longer holds what the old challenges made of it

    @property
    def kind_label(self) -> str:
        return str({"added": _("新增"), "removed": _("移除"), "changed": _("调整")}[self.kind])


def plan_changes(
    *, before: dict[int, PlannedItem], after: dict[int, PlannedItem], items: dict[int, object]
) -> list[ChallengeChange]:
    """What moving from plan `before` to plan `after` does to the sheet's `items` (by
    capability id, methods prefetched); an item unaffected by the move is not listed."""
    changes = []
    for capability_id in [*before, *(pk for pk in after if pk not in before)]:
        old, new = before.get(capability_id), after.get(capability_id)
        if old is not None and new is not None and old.state() == new.state():
            continue
        item = items.get(capability_id)
        if new is None:
            if item is None:
                continue
            kind, name, notes = "removed", item.name, ()
        else:
            kind = "added" if item is None else "changed"
            name = new.name
            notes = tuple(new.notes) or (_("恢复为行业模板的设置"),)
        edited = item is not None and (old is None or item_state(item) != old.state())
        if item is not None and not item.included:
            edited = True
        changes.append(ChallengeChange(kind, name, notes, edited))
    return changes


# --- the quality check's view of the challenges ---------------------------------------------


@dataclass
class ChallengeSnapshot(SheetSnapshot):
    """The quality check's snapshot with the sheet's challenges (effects loaded)."""

    challenges: list = field(default_factory=list)


def challenge_fit(snap: SheetSnapshot) -> list[Finding]:
    """A challenge asks for a method, an item or a priority that the sheet no longer has:
    usually an edit made after the challenge adjusted the sheet."""
    findings = []
    items = {item.capability_id: item for item in snap.items if item.capability_id}
    industry = getattr(snap.sheet, "industry", None)
    for challenge in getattr(snap, "challenges", ()):
        for effect in challenge.effects.all():
            capability = effect.capability
            item = items.get(capability.pk)
            if item is None:
                if effect.add_if_missing and _applies_to(capability, industry):
                    findings.append(
                        Finding(
                            rule="challenge.missing_item",
                            severity=Severity.WARNING,
                            message=_("针对「%(challenge)s」，需求表应包含「%(name)s」，现在没有。")
                            % {"challenge": challenge.name, "name": capability.name},
                            suggestion=effect.reason,
                            field="items",
                            step=capability.category.slug,
                        )
                    )
                continue
            have = {m.pk for m in item.methods.all()}
            for method in effect.methods.all():
                if method.pk in have:
                    continue
                findings.append(
                    Finding(
                        rule="challenge.missing_method",
                        severity=Severity.WARNING,
                        message=_(
                            "针对「%(challenge)s」，「%(name)s」应使用「%(method)s」评估，"
                            "现在的评估方式中没有。"
                        )
                        % {"challenge": challenge.name, "name": item.name, "method": method.name},
                        suggestion=_("在「%(name)s」的评估方式中加上「%(method)s」。%(reason)s")
                        % {"name": item.name, "method": method.name, "reason": effect.reason},
                        field="methods",
                        item_id=item.pk,
                        step=item.category.slug,
                    )
                )
            wanted = effect.priority
            if wanted is not None and item.priority.order > wanted.order:
                findings.append(
                    Finding(
                        rule="challenge.priority",
                        severity=Severity.TIP,
                        message=_(
                            "针对「%(challenge)s」，建议「%(name)s」的优先级为%(wanted)s，"
                            "现在是%(now)s。"
                        )
                        % {
                            "challenge": challenge.name,
                            "name": item.name,
                            "wanted": wanted.name,
                            "now": item.priority.name,
                        },
                        suggestion=effect.reason,
                        field="priority",
                        item_id=item.pk,
                        step=item.category.slug,
                    )
                )
    return findings
