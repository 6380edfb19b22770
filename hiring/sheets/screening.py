"""The screening kit (初筛条件): what a recruiting system filters résumés by, from the sheet.

- keyword groups (systems and tools, industry terms, languages, certificates): the catalog's
  screening terms found in the sheet's kept items, must-have when the item's priority puts it
  among the posting's requirements and the clause does not call it a plus;
- knock-out conditions: one yes/no question for every must-have (一票否决) item;
- the screening questions (必答题): the posting's, so they have one owner;
- tests to pass: the test-stage assessment methods of the important items, each with the
  score a candidate must reach (HR sets it).

A protected attribute never becomes a keyword or a knock-out: such text is left out when the
kit is derived, and refused when someone types it (`protected_findings`).

The exported layout (`kit_document`) is described by docs/screening-kit.schema.json.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from hiring.catalog.models import AssessmentMethod, Industry, ScreeningTerm, text_for_industry
from hiring.common.exports import BOM, neutralise
from hiring.common.translated import content_language
from hiring.quality.findings import Finding
from hiring.quality.wording import check_wording

from .challenges import challenges_by_slugs
from .models import RequirementSheet, ScreeningKit

SCHEMA_ID = "https://hiring.example.com/schemas/screening-kit-1.json"
LAYOUT_VERSION = 1
DEFAULT_MIN_SCORE = 60
MAX_SCORE = 100
# A clause that names a keyword as a plus does not make it a must-have.
NICE_TO_HAVE = re.compile(r"优先|加分|更佳|了解|preferred|a plus", re.IGNORECASE)
CLAUSE = re.compile(r"[;;。\n]")
LATIN = re.compile(r"^[\x00-\x7f]+$")
# How a yes/no question asks, taken off to check what it requires.
QUESTION_START = re.compile(
    r"^(?:(?:你|您|候选人|应聘者)?(?:是否|是不是|有没有|能否)(?:为|是|有|属于)?|"
    r"(?:are|is|do|does|have|has)\s+(?:you|the candidate)\s+(?:a\s+|an\s+|have\s+)?)",
    re.IGNORECASE,
)
QUESTION_END = re.compile(r"[??。.\s]+$")
TRAILING_STOP = re.compile(r"[。.;;]+$")


def protected_findings(text: str) -> list[Finding]:
    """The wording check's findings on `text` used as a screening condition. A bare word
    ("女性") or a question ("你是否为女性?") is no finding until something is required of
    it, so it is checked as the requirement a keyword or a knock-out makes of it too."""
    text = text.strip()
    if not text:
        return []
    statement = QUESTION_END.sub("", QUESTION_START.sub("", text)).strip()
    framings = [text]
    for core in dict.fromkeys([text, statement]):
        framings += [f"要求:{core}", f"要求{core}"]
        if LATIN.match(core):
            framings.append(f"must be {core}")
    for framing in framings:
        findings = check_wording(framing)
        if findings:
            return findings
    return []


def protected_message(findings: list[Finding]) -> str:
    return _("不能作为初筛条件：%(message)s") % {"message": findings[0].message}


def _is_required(item) -> bool:
    return item.priority.is_knockout or item.priority.slug in settings.POSTING_REQUIRED_PRIORITIES


def _item_text(item, industry: Industry, industry_names: list[str]) -> str:
    return text_for_industry(
        item.requirement, industry_name=industry.name, industry_names=industry_names
    )


def _keywords(items, industry: Industry, industry_names: list[str]) -> list[dict]:
    found: dict[str, dict] = {}
    for term in ScreeningTerm.objects.all():
        spellings = [s.casefold() for s in term.spellings]
        for item in items:
            clauses = [item.name, *CLAUSE.split(_item_text(item, industry, industry_names))]
            hits = [c for c in clauses if any(s in c.casefold() for s in spellings)]
            if not hits:
                continue
            required = _is_required(item) and any(not NICE_TO_HAVE.search(c) for c in hits)
            entry = found.setdefault(
                term.name,
                {"group": term.group, "term": term.name, "required": False, "sources": []},
            )
            entry["required"] = entry["required"] or required
            if item.name not in entry["sources"]:
                entry["sources"].append(item.name)
    order = list(ScreeningTerm.Group.values)
    keywords = sorted(found.values(), key=lambda entry: order.index(entry["group"]))
    return [entry for entry in keywords if not protected_findings(entry["term"])]


def knockout_question(item, text: str) -> str:
    text = TRAILING_STOP.sub("", " ".join(text.split()))
    return _("是否满足「%(name)s」的要求：%(requirement)s？") % {
        "name": item.name,
        "requirement": text,
    }


def _knockouts(items, industry: Industry, industry_names: list[str]) -> list[dict]:
    knockouts = []
    for item in items:
        if not item.priority.is_knockout:
            continue
        question = knockout_question(item, _item_text(item, industry, industry_names))
        if not protected_findings(question):
            knockouts.append({"question": question, "sources": [item.name]})
    return knockouts


def _tests(items) -> list[dict]:
    tests: dict[str, dict] = {}
    for item in items:
        if not _is_required(item):
            continue
        for method in item.methods.all():
            if method.stage != AssessmentMethod.Stage.TEST:
                continue
            entry = tests.setdefault(
                method.slug,
                {
                    "method": method.slug,
                    "name": method.name,
                    "min_score": DEFAULT_MIN_SCORE,
                    "sources": [],
                },
            )
            entry["sources"].append(item.name)
    return list(tests.values())


def derive_kit(*, sheet: RequirementSheet, items) -> dict:
    """The kit as the sheet's kept `items` (methods, priority, category loaded) make it, in
    the sheet's language: its terms, questions and test names are the sheet's content."""
    items = [item for item in items if item.included]
    with content_language(sheet.language):
        industry_names = list(Industry.objects.values_list("name", flat=True))
        return {
            "keywords": _keywords(items, sheet.industry, industry_names),
            "knockouts": _knockouts(items, sheet.industry, industry_names),
            "tests": _tests(items),
        }


@dataclass(frozen=True)
class Kit:
    """The kit a page shows: the saved one, or the derived one if none was saved."""

    keywords: list[dict]
    knockouts: list[dict]
    tests: list[dict]
    saved: bool

    @property
    def keyword_groups(self) -> list[dict]:
        groups = []
        for value, label in ScreeningTerm.Group.choices:
            keywords = [k for k in self.keywords if k["group"] == value]
            groups.append({"group": value, "label": str(label), "keywords": keywords})
        return groups


def sheet_kit(*, sheet: RequirementSheet, items) -> Kit:
    kit = ScreeningKit.objects.filter(sheet=sheet).first()
    if kit is not None:
        return Kit(kit.keywords, kit.knockouts, kit.tests, saved=True)
    return Kit(**derive_kit(sheet=sheet, items=items), saved=False)


def kit_document(*, sheet: RequirementSheet, kit: Kit) -> dict:
    """The kit as exported, laid out as docs/screening-kit.schema.json describes."""
    posting = getattr(sheet, "posting", None)
    return {
        "$schema": SCHEMA_ID,
        "layout_version": LAYOUT_VERSION,
        "sheet": {
            "id": sheet.pk,
            "title": sheet.title,
            "role_title": sheet.role_title,
            "industry": sheet.industry.name,
            "status": sheet.status,
            "version": sheet.version,
        },
        "challenges": [
            {"slug": c.slug, "name": c.name} for c in challenges_by_slugs(sheet.challenge_slugs)
        ],
        "keyword_groups": [
            {
                "group": group["group"],
                "label": group["label"],
                "keywords": [
                    {"term": k["term"], "required": k["required"], "sources": k["sources"]}
                    for k in group["keywords"]
                ],
            }
            for group in kit.keyword_groups
        ],
        "knockouts": [
            {"question": k["question"], "expected_answer": "yes", "sources": k["sources"]}
            for k in kit.knockouts
        ],
        "screening_questions": posting.screening_question_list if posting else [],
        "tests": [
            {
                "method": t["method"],
                "name": t["name"],
                "min_score": t["min_score"],
                "max_score": MAX_SCORE,
                "sources": t["sources"],
            }
            for t in kit.tests
        ],
    }


CSV_COLUMNS = ["section", "group", "text", "required", "min_score", "max_score", "sources"]


def kit_csv(document: dict) -> str:
    """One row per condition (columns: CSV_COLUMNS, documented in docs/screening-kit.md);
    text a spreadsheet would run as a formula is neutralised, with a byte order mark for
    Excel."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)

    def row(section, group, text, required, min_score, max_score, sources):
        values = [section, group, text, required, min_score, max_score, "|".join(sources)]
        writer.writerow([neutralise(value) for value in values])

    for group in document["keyword_groups"]:
        for k in group["keywords"]:
            required = "yes" if k["required"] else "no"
            row("keyword", group["group"], k["term"], required, "", "", k["sources"])
    for k in document["knockouts"]:
        row("knockout", "", k["question"], "yes", "", "", k["sources"])
    for question in document["screening_questions"]:
        row("screening_question", "", question, "yes", "", "", [])
    for t in document["tests"]:
        row("test", t["method"], t["name"], "yes", t["min_score"], t["max_score"], t["sources"])
    return BOM + out.getvalue()
