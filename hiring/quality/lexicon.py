"""The wording lexicon as compiled patterns, cached per process and rebuilt when it changes.

Where the rules come from: the ``WordingRule`` and ``WordList`` rows that admins maintain
(``make db`` loads the shipped rows from ``fixtures/wording.json``). A database without a
single rule (a fresh test database, one flushed by a test) uses the shipped file directly,
so the check never silently passes everything.

Every process keeps the compiled lexicon together with a stamp of the tables (row counts
and the latest ``updated_at``); one cheap query per check compares the stamp, so a rule
saved in admin is used by the next check in every worker, whatever the cache backend.
"""

import functools
import json
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from hiring.common import versions

from .findings import Severity
from .models import SLUG_REFERENCE, Language, WordingRule, WordList, split_alternatives
from .normalize import simplify_pattern

logger = logging.getLogger(__name__)

FIXTURE = "wording.json"
_MAX_NESTING = 5


@dataclass(frozen=True)
class CompiledRule:
    slug: str
    ground: str
    language: str
    severity: Severity
    pattern: re.Pattern[str]
    # One pattern per line: most rules share their first lines ({lawful_common}), so the
    # text masked by a shared prefix is computed once per text.
    exceptions: tuple[re.Pattern[str], ...]
    message: str
    message_en: str
    suggestion: str
    suggestion_en: str
    legal_basis: str
    legal_basis_en: str


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[CompiledRule, ...]
    stamp: tuple = ()
    # Findings per (text, language): the same preset texts are checked on every page view.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    MEMO_SIZE = 4096


def _expand(fragment: str, lists: dict[str, list[str]], depth: int = 0) -> str:
    if depth > _MAX_NESTING:
        raise re.error("word lists refer to each other in a loop")

    def replace(m: re.Match) -> str:
        name = m.group(1)
        if name not in lists:
            raise KeyError(name)
        return "(?:" + "|".join(_expand(w, lists, depth + 1) for w in lists[name]) + ")"

    return SLUG_REFERENCE.sub(replace, fragment)


def compile_alternatives(
    alternatives: list[str], *, lists: dict[str, list[str]], english: bool = False
) -> re.Pattern[str]:
    """One pattern from lines of alternatives; English ones match whole words and plurals."""
    body = "|".join(f"(?:{_expand(simplify_pattern(a), lists)})" for a in alternatives)
    if english:
        body = rf"(?<![a-z0-9])(?:{body})(?:e?s)?(?![a-z0-9])"
    return re.compile(body, re.IGNORECASE)


def _compile_rule(rule: WordingRule, lists: dict[str, list[str]]) -> CompiledRule:
    exceptions = split_alternatives(rule.exceptions)
    return CompiledRule(
        slug=rule.slug,
        ground=rule.ground,
        language=rule.language,
        severity=Severity(rule.severity),
        pattern=compile_alternatives(
            split_alternatives(rule.pattern), lists=lists, english=rule.language == Language.EN
        ),
        exceptions=tuple(compile_alternatives([line], lists=lists) for line in exceptions),
        message=rule.message,
        message_en=rule.message_en,
        suggestion=rule.suggestion,
        suggestion_en=rule.suggestion_en,
        legal_basis=rule.legal_basis,
        legal_basis_en=rule.legal_basis_en,
    )


def build_lexicon(rules, word_lists, *, stamp: tuple = ()) -> Lexicon:
    lists = {wl.slug: split_alternatives(wl.words) for wl in word_lists}
    active = sorted((r for r in rules if r.is_active), key=lambda r: (r.ground, r.order, r.slug))
    compiled = []
    for rule in active:
        try:
            compiled.append(_compile_rule(rule, lists))
        except (re.error, KeyError):
            # Admin forms refuse such a pattern; a row written by other means must not
            # take the whole check down with it.
            logger.exception("Wording rule %s has an invalid pattern; skipped", rule.slug)
    return Lexicon(rules=tuple(compiled), stamp=stamp)


def fixture_path() -> Path:
    for directory in settings.FIXTURE_DIRS:
        path = Path(directory) / FIXTURE
        if path.exists():
            return path
    raise FileNotFoundError(FIXTURE)


@functools.cache
def shipped_rows() -> tuple[list[WordingRule], list[WordList]]:
    """The rows of fixtures/wording.json as unsaved model instances (no database needed)."""
    models = {"quality.wordingrule": WordingRule, "quality.wordlist": WordList}
    rules, lists = [], []
    with open(fixture_path(), encoding="utf-8") as f:
        for entry in json.load(f):
            model = models[entry["model"]]
            fields = {
                name: value
                for name, value in entry["fields"].items()
                if name not in ("created_at", "updated_at")
            }
            (rules if model is WordingRule else lists).append(model(**fields))
    return rules, lists


def load_word_lists() -> dict[str, list[str]]:
    """Shipped word lists, overridden by those in the database."""
    lists = {wl.slug: split_alternatives(wl.words) for wl in shipped_rows()[1]}
    lists.update({wl.slug: split_alternatives(wl.words) for wl in WordList.objects.all()})
    return lists


def _stamp() -> str:
    return versions.tables_version(WordingRule, WordList)


_lock = threading.Lock()
_cached: dict[str, Lexicon] = {}


def current_lexicon() -> Lexicon:
    stamp = _stamp()
    cached = _cached.get("lexicon")
    if cached is not None and cached.stamp == stamp:
        return cached
    with _lock:
        cached = _cached.get("lexicon")
        if cached is not None and cached.stamp == stamp:
            return cached
        shipped_rules, shipped_lists = shipped_rows()
        lists = {wl.slug: wl for wl in shipped_lists}
        lists.update({wl.slug: wl for wl in WordList.objects.all()})
        rules = list(WordingRule.objects.all()) or shipped_rules
        lexicon = build_lexicon(rules, lists.values(), stamp=stamp)
        _cached["lexicon"] = lexicon
        return lexicon
