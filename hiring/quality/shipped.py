"""The wording lexicon as shipped in ``fixtures/wording.json``, read without the database.

`make db` loads the same file into the tables that admins maintain; the check falls back on
it when the tables are empty, and a word list is validated against its lists.
"""

import functools
import json
from pathlib import Path

from django.conf import settings

from .patterns import split_alternatives

FIXTURE = "wording.json"


def fixture_path() -> Path:
    for directory in settings.FIXTURE_DIRS:
        path = Path(directory) / FIXTURE
        if path.exists():
            return path
    raise FileNotFoundError(FIXTURE)


@functools.cache
def shipped_entries() -> tuple[dict, ...]:
    """The fixture's entries as Django serializes them: model label and fields."""
    with open(fixture_path(), encoding="utf-8") as f:
        return tuple(json.load(f))


def shipped_word_lists() -> dict[str, list[str]]:
    """Each shipped word list's alternatives, by slug."""
    return {
        entry["fields"]["slug"]: split_alternatives(entry["fields"]["words"])
        for entry in shipped_entries()
        if entry["model"] == "quality.wordlist"
    }
