"""Measure the wording check against a labelled corpus: recall and false alarms per ground."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Severity
from .lexicon import Lexicon
from .wording import check_wording

CORPUS = Path(__file__).parent / "corpus" / "wording.tsv"
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
EXPECTATIONS = ("error", "warning", "ok")
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


def language_of(code: str, text: str) -> str:
    """zh-Hans, zh-Hant or en. A corpus line marked plain "zh" is Traditional when
    converting it to Simplified changes it."""
    code = code.strip()
    if code.lower() in ("zh-hans", "zh-hant", "en"):
        return {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}[code.lower()]
    if code.lower().startswith("zh"):
        from .normalize import simplify_pattern

        return "zh-Hant" if simplify_pattern(text) != text else "zh-Hans"
    return code


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Case:
    line: int
    expect: str  # error, warning or ok
    ground: str
    language: str
    text: str


@dataclass
class Tally:
    flag: int = 0  # cases that must be flagged
    caught: int = 0  # … flagged on their ground at the expected severity
    lawful: int = 0  # lawful look-alikes
    false_alarms: int = 0  # … given any finding at all
    misses: list = field(default_factory=list)
    alarms: list = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.caught / self.flag if self.flag else None

    @property
    def false_alarm_rate(self) -> float | None:
        return self.false_alarms / self.lawful if self.lawful else None


def read_corpus(path: Path | str) -> list[Case]:
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4 or parts[0] not in EXPECTATIONS:
                raise CorpusError(f"line {number}: expected 'expect<TAB>ground<TAB>lang<TAB>text'")
            expect, ground, language, text = parts
            text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
            cases.append(Case(number, expect, ground, language_of(language, text), text))
    return cases


def evaluate(cases: list[Case], *, lexicon: Lexicon) -> dict[tuple[str, str], Tally]:
    """Tallies keyed by (ground, language); a flagged case counts as caught only when a
    finding names its ground with the expected severity."""
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for case in cases:
        findings = check_wording(case.text, lexicon=lexicon)
        tally = tallies[(case.ground, case.language)]
        if case.expect == "ok":
            tally.lawful += 1
            if findings:
                tally.false_alarms += 1
                tally.alarms.append((case, findings))
            continue
        tally.flag += 1
        wanted = Severity(case.expect)
        if any(f.rule == f"wording.{case.ground}" and f.severity == wanted for f in findings):
            tally.caught += 1
        else:
            tally.misses.append((case, findings))
    return dict(tallies)


def combine(tallies: list[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total.flag += t.flag
        total.caught += t.caught
        total.lawful += t.lawful
        total.false_alarms += t.false_alarms
        total.misses += t.misses
        total.alarms += t.alarms
    return total
