"""The job posting as candidates read it."""

from django.conf import settings

from ..models import RequirementSheet, SheetItem


def posting_view(*, sheet: RequirementSheet, items: list[SheetItem]) -> dict:
    """The public content of the job posting: no priorities, methods or internal notes."""
    required_slugs = set(settings.POSTING_REQUIRED_PRIORITIES)
    posting = sheet.posting
    requirements, preferred, moved = [], [], []
    for item in items:
        if not item.included:
            continue
        line = f"{item.name}:{item.requirement}"
        if item.category.slug != "bonus" and item.priority.slug in required_slugs:
            requirements.append(line)
        else:
            preferred.append(line)
            if item.category.slug == "hard":
                moved.append(item.name)
    return {
        "headline": posting.headline or sheet.role_title,
        "employer": settings.EMPLOYER_NAME,
        "summary": posting.summary,
        "responsibilities": posting.responsibility_list,
        "requirements": requirements,
        "preferred": preferred,
        # Hard requirements of a priority too low to be required: told to HR, not to candidates.
        "moved_to_preferred": moved,
        "salary": sheet.salary_display,
        "benefits": posting.benefit_list,
        "location": sheet.location,
        "schedule": sheet.schedule,
        "headcount": sheet.headcount,
        "process_steps": posting.process_step_list,
        "screening_questions": posting.screening_question_list,
        "how_to_apply": posting.how_to_apply,
    }
