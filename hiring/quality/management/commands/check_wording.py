"""Check texts for discriminatory wording: one text per line in, one JSON line out.

With --evaluate FILE, measure the check against a labelled corpus instead and print recall
and false-alarm rate per protected ground and language.
"""

import io
import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from hiring.quality.evaluation import (
    LANGUAGES,
    CorpusError,
    Tally,
    combine,
    evaluate,
    read_corpus,
)
from hiring.quality.lexicon import current_lexicon
from hiring.quality.models import Ground
from hiring.quality.wording import check_wording

RECALL_TARGET = 0.98
FALSE_ALARM_TARGET = 0.01


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


class Command(BaseCommand):
    help = (
        "Reads one text per line from standard input (UTF-8, blank lines skipped) and writes "
        'one JSON object per line: {"text": ..., "findings": [{"rule", "severity", "message", '
        '"suggestion"}]}. A line that is not valid UTF-8 gives {"line": N, "error": ...}. '
        "With --evaluate FILE, prints recall and false-alarm rate per ground for a labelled "
        "corpus (see hiring/quality/corpus/wording.tsv) and exits 1 if a target is missed."
    )
    # call_command(stdin=...) passes the stream through the options.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "-l",
            "--language",
            default=None,
            help="Language of the messages, e.g. zh-hans or en (default: LANGUAGE_CODE).",
        )
        parser.add_argument(
            "--evaluate",
            metavar="FILE",
            default=None,
            help="Evaluate against a labelled corpus (TSV: expect, ground, language, text).",
        )
        parser.add_argument(
            "--show-errors",
            action="store_true",
            help="With --evaluate, also list every missed case and every false alarm.",
        )

    def handle(self, *args, **options):
        if getattr(self.stdout, "_out", None) is sys.stdout and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        with translation.override(options["language"] or settings.LANGUAGE_CODE):
            if options["evaluate"]:
                self._evaluate(options["evaluate"], show_errors=options["show_errors"])
            else:
                self._check_lines(options.get("stdin") or sys.stdin)

    # stdin → JSON lines ---------------------------------------------------------------------

    def _raw_lines(self, stream):
        """Lines as bytes when the stream can give bytes, so one bad line cannot stop the rest."""
        if isinstance(stream, io.TextIOBase) and hasattr(stream, "buffer"):
            stream = stream.buffer
        yield from stream

    def _check_lines(self, stream):
        lexicon = current_lexicon()
        for number, raw in enumerate(self._raw_lines(stream), start=1):
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    self._write(
                        {
                            "line": number,
                            "error": f"not valid UTF-8 at byte {error.start}: {error.reason}",
                        }
                    )
                    continue
            text = raw.strip()
            if not text:
                continue
            findings = [
                {
                    "rule": f.rule,
                    "severity": str(f.severity),
                    "message": f.message,
                    "suggestion": f.suggestion,
                }
                for f in check_wording(text, lexicon=lexicon)
            ]
            self._write({"text": text, "findings": findings})

    def _write(self, obj: dict):
        self.stdout.write(json.dumps(obj, ensure_ascii=False))

    # --evaluate -----------------------------------------------------------------------------

    def _evaluate(self, path: str, *, show_errors: bool):
        try:
            cases = read_corpus(path)
        except (OSError, CorpusError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read the corpus {path}: {error}") from error
        tallies = evaluate(cases, lexicon=current_lexicon())
        grounds = list(Ground.values) + sorted({g for g, _lang in tallies} - set(Ground.values))

        header = f"{'ground':<16} {'lang':<7} {'flag':>5} {'caught':>6} {'recall':>7}"
        header += f" {'lawful':>6} {'alarms':>6} {'false alarms':>12}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for ground in grounds:
            for language in LANGUAGES:
                if (ground, language) in tallies:
                    self._row(ground, language, tallies[(ground, language)])
            per_ground = [t for (g, _lang), t in tallies.items() if g == ground]
            if len(per_ground) > 1:
                self._row(ground, "all", combine(per_ground))
        self.stdout.write("-" * len(header))
        for language in LANGUAGES:
            self._row(
                "total",
                language,
                combine([t for (_g, lang), t in tallies.items() if lang == language]),
            )
        total = combine(list(tallies.values()))
        self._row("total", "all", total)

        if show_errors:
            for case, findings in total.misses:
                got = ", ".join(f"{f.rule}/{f.severity}" for f in findings) or "nothing"
                self.stdout.write(f"missed (line {case.line}, {case.expect}): {case.text}  → {got}")
            for case, findings in total.alarms:
                got = ", ".join(f"{f.rule}/{f.severity}" for f in findings)
                self.stdout.write(f"false alarm (line {case.line}): {case.text}  → {got}")

        met = (total.recall or 0) >= RECALL_TARGET and (
            total.false_alarm_rate or 0
        ) <= FALSE_ALARM_TARGET
        self.stdout.write(
            f"target: recall ≥ {RECALL_TARGET:.0%}, false alarms ≤ {FALSE_ALARM_TARGET:.0%}: "
            + ("met" if met else "MISSED")
        )
        if not met:
            raise CommandError("The corpus evaluation misses its target.", returncode=1)

    def _row(self, ground: str, language: str, tally: Tally):
        self.stdout.write(
            f"{ground:<16} {language:<7} {tally.flag:>5} {tally.caught:>6} "
            f"{_percent(tally.recall):>7} {tally.lawful:>6} {tally.false_alarms:>6} "
            f"{_percent(tally.false_alarm_rate):>12}"
        )
