"""The catalog's texts in Chinese and English, edited side by side in admin; each row's change
history keeps both (see hiring/common/translated.py)."""

from hiring.common.translated import register_translated

from .models import (
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

register_translated(Industry, fields=("name", "focus", "description"))
register_translated(CapabilityCategory, fields=("name", "description"))
register_translated(Priority, fields=("name", "description"))
register_translated(AssessmentMethod, fields=("name", "description"))
register_translated(
    Capability,
    fields=(
        "name",
        "requirement",
        "star_prompts",
        "scenario_prompts",
        "anchor_1",
        "anchor_3",
        "anchor_5",
    ),
    history_m2m=("default_methods", "industries"),
)
register_translated(
    Preset,
    fields=("name", "role_title", "summary", "responsibilities", "screening_questions"),
)
register_translated(PresetItem, fields=("requirement",), history_m2m=("methods",))
register_translated(
    CoreChallenge,
    fields=("name", "description", "screening_question", "screening_question_reason"),
    # Shown as a label and quoted in notes, never copied into a column of its own.
    english_max_length={"name": 80},
)
register_translated(
    ChallengeEffect, fields=("interview_prompts", "reason"), history_m2m=("methods",)
)
register_translated(ScreeningTerm, fields=("name", "aliases"))
