"""Check texts for discriminatory wording: one text per line in, one JSON line out."""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from hiring.quality.wording import check_wording


class Command(BaseCommand):
    help = (
        "Reads one text per line from standard input (UTF-8, blank lines skipped) and writes "
        'one JSON object per line: {"text": ..., "findings": [{"rule", "severity", "message"}]}.'
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

    def handle(self, *args, **options):
        stream = options.get("stdin") or sys.stdin
        if stream is sys.stdin and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
        if getattr(self.stdout, "_out", None) is sys.stdout and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        with translation.override(options["language"] or settings.LANGUAGE_CODE):
            for line in stream:
                text = line.strip()
                if not text:
                    continue
                findings = [
                    {"rule": f.rule, "severity": str(f.severity), "message": f.message}
                    for f in check_wording(text)
                ]
                self.stdout.write(
                    json.dumps({"text": text, "findings": findings}, ensure_ascii=False)
                )
