"""Wording-check benchmark: the check against a bare scan of the same text, in one run.

Run with `make bench` (or `.venv/bin/python bench/wording.py`). Builds posting-like text
(requirement and posting lines from the shipped catalog and presets, with the labelled
corpus's lines mixed in, so some clauses are discriminatory and many mention a protected
group lawfully) of 1 MB and 10 MB, each as one line and as many unique lines, then times

- `check_wording` with the shipped lexicon, and
- two peers, each one compiled alternation of every literal vocabulary word of the same
  lexicon scanned over the same text in lower case: with RE2 (a DFA, one pass: the fastest
  bare scan there is, and the one the target is measured against) and with Python's `re`
  (what a scan written without RE2 would use; it tries the alternatives at every position),

and prints processor time (the best of three untraced runs) and peak memory (a further run
under tracemalloc) of each, the ratio check / bare scan, and how the 10 MB time compares with 1 MB.
Targets: the check within 10 × the bare scan, and 10 MB within 12 × 1 MB.
"""

import gc
import json
import os
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import re2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.TemporaryDirectory(prefix="bench-wording-")
os.environ["DJANGO_SETTINGS_MODULE"] = "hiring.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{TMP.name}/bench.sqlite3"
os.environ["CACHE_URL"] = "locmemcache://"

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from hiring.quality.evaluation import CORPUS, read_corpus  # noqa: E402
from hiring.quality.lexicon import shipped_lexicon  # noqa: E402
from hiring.quality.wording import check_wording  # noqa: E402

MB = 1 << 20
RATIO_TARGET = 10
SCALE_TARGET = 12
REPEAT = 3


def posting_lines() -> list[str]:
    """Requirement, prompt and posting texts of the shipped catalog and presets, and the
    corpus lines: about one line in six of the mix mentions a protected ground."""
    lines = []
    for name in ("catalog.json", "presets.json"):
        for row in json.loads((ROOT / "fixtures" / name).read_text(encoding="utf-8")):
            for value in row["fields"].values():
                if isinstance(value, str) and len(value) > 8:
                    lines.extend(part.strip() for part in value.splitlines() if part.strip())
    neutral = lines * 3
    corpus = [case.text for case in read_corpus(CORPUS)]
    # Corpus lines spread evenly among the neutral ones, so that a text of any size holds the
    # same mix: cut after a whole number of runs of this list plus part of one, a text must
    # not end in neutral lines only (1 MB would hold fewer flagged clauses per MB than 10 MB,
    # and the scaling would measure the mix, not the check).
    mixed = []
    step = len(neutral) / len(corpus)
    for index, line in enumerate(corpus):
        mixed.extend(neutral[round(index * step) : round((index + 1) * step)])
        mixed.append(line)
    return mixed


def build_text(size: int, *, one_line: bool) -> str:
    lines = posting_lines()
    parts = []
    total = 0
    index = 0
    while total < size:
        line = lines[index % len(lines)]
        if not one_line:
            line = f"{line}(编号 {index})"  # every line unique: no cache can help
        parts.append(line)
        total += len(line.encode("utf-8")) + 1
        index += 1
    return ("；" if one_line else "\n").join(parts)


def best_time(function, text: str) -> float:
    """Processor seconds of this process, the best of REPEAT runs."""
    elapsed = float("inf")
    for _run in range(REPEAT):
        gc.collect()
        started = time.process_time()
        function(text)
        elapsed = min(elapsed, time.process_time() - started)
    return elapsed


def measure(function, text: str) -> tuple[float, float]:
    """Processor seconds of this process (the best of REPEAT untraced runs; on a machine
    busy with other work, wall-clock time measures that work as much as the check) and peak
    MB allocated (a further run under tracemalloc)."""
    elapsed = best_time(function, text)
    gc.collect()
    tracemalloc.start()
    function(text)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / MB


def main():
    lexicon = shipped_lexicon()
    words = sorted(lexicon.words, key=len, reverse=True)
    options = re2.Options()
    options.max_mem = 512 << 20  # room for the DFA of a few thousand words
    bare = re2.compile("|".join(map(re.escape, words)).encode("utf-8"), options)

    plain = re.compile("|".join(map(re.escape, words)))

    def scan(text: str) -> int:
        return sum(1 for _match in bare.finditer(text.lower().encode("utf-8")))

    def plain_scan(text: str) -> int:
        return sum(1 for _match in plain.finditer(text.lower()))

    def check(text: str) -> int:
        lexicon.memo.clear()
        return len(check_wording(text, lexicon=lexicon))

    print(
        f"Wording check against a bare RE2 scan ({len(words)} vocabulary words in one alternation)"
    )
    header = (
        f"{'text':<26} {'check s':>8} {'check MB':>9} {'re2 s':>8} {'re2 MB':>8} {'ratio':>6}"
        f" {'re s':>7} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    results = {}
    failures = []
    with translation.override("zh-hans"):
        check("预热:限女性,35岁以下")  # compile-time caches (OpenCC, character classes)
        for one_line in (True, False):
            for size in (1, 10):
                text = build_text(size * MB, one_line=one_line)
                label = f"{size} MB, " + ("one line" if one_line else "unique lines")
                check_time, check_peak = measure(check, text)
                scan_time, scan_peak = measure(scan, text)
                plain_time = best_time(plain_scan, text)
                ratio = check_time / scan_time
                results[(one_line, size)] = check_time
                print(
                    f"{label:<26} {check_time:>8.2f} {check_peak:>9.1f} {scan_time:>8.2f} "
                    f"{scan_peak:>8.1f} {ratio:>5.1f}× {plain_time:>7.2f} "
                    f"{check_time / plain_time:>5.1f}×"
                )
                if ratio > RATIO_TARGET:
                    failures.append(f"{label}: {ratio:.1f} × the bare scan")
    for one_line in (True, False):
        scale = results[(one_line, 10)] / results[(one_line, 1)]
        kind = "one line" if one_line else "unique lines"
        print(f"10 MB / 1 MB ({kind}): {scale:.1f}×")
        if scale > SCALE_TARGET:
            failures.append(f"{kind}: 10 MB took {scale:.1f} × 1 MB")
    print(
        f"targets: check ≤ {RATIO_TARGET} × the RE2 scan, 10 MB ≤ {SCALE_TARGET} × 1 MB: "
        + ("met" if not failures else "MISSED (" + "; ".join(failures) + ")")
    )


if __name__ == "__main__":
    main()
