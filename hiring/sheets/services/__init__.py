"""Every write to a requirement sheet goes through one of these functions, each taking the
acting user and checking what they may do (see `access`):

- editing.py: creating a sheet from a preset, the wizard's steps, copies, deleting a draft;
- approval.py: submitting, approving or returning, new revisions of an approved sheet;
- revert.py: going back to an earlier recorded version.
"""

from .approval import sheet_approve, sheet_new_revision, sheet_return, sheet_submit
from .base import (
    SheetConflict,
    SheetNotEditable,
    SheetTooLarge,
    TransitionRefused,
    WizardStateTooLarge,
)
from .editing import (
    SCORECARD_FIELDS,
    ItemData,
    capability_scorecard,
    check_sheet_size,
    check_wizard_state_size,
    checked_challenge_slugs,
    generic_scorecard,
    sheet_add_capability,
    sheet_challenge_changes,
    sheet_create_from_preset,
    sheet_delete,
    sheet_duplicate,
    sheet_edited_since_preset,
    sheet_save_items,
    sheet_set_wizard_state,
    sheet_touch_step,
    sheet_update_basics,
    sheet_update_posting,
)
from .revert import sheet_revert
from .screening import KitRefused, sheet_reset_screening_kit, sheet_save_screening_kit

__all__ = [
    "SCORECARD_FIELDS",
    "ItemData",
    "SheetConflict",
    "SheetNotEditable",
    "SheetTooLarge",
    "TransitionRefused",
    "WizardStateTooLarge",
    "capability_scorecard",
    "KitRefused",
    "check_sheet_size",
    "check_wizard_state_size",
    "checked_challenge_slugs",
    "generic_scorecard",
    "sheet_add_capability",
    "sheet_challenge_changes",
    "sheet_approve",
    "sheet_create_from_preset",
    "sheet_delete",
    "sheet_duplicate",
    "sheet_edited_since_preset",
    "sheet_new_revision",
    "sheet_reset_screening_kit",
    "sheet_return",
    "sheet_revert",
    "sheet_save_items",
    "sheet_save_screening_kit",
    "sheet_set_wizard_state",
    "sheet_submit",
    "sheet_touch_step",
    "sheet_update_basics",
    "sheet_update_posting",
]
