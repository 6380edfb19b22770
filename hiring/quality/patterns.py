"""Word-list alternatives as RE2 patterns, and the checks an admin's pattern must pass.

Knows no model: `models.WordList.clean` validates a list with it, and `lexicon` builds the
compiled lexicon with it.
"""

import re

import re2

from .normalize import simplify_pattern

# ``{name}`` inside a pattern stands for the word list of that name.
SLUG_REFERENCE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_MAX_NESTING = 5
MAX_MEMORY = 64 << 20  # bytes RE2 may use for one compiled pattern


def split_alternatives(text: str) -> list[str]:
    """One alternative per line; blank lines and lines starting with "#" are notes."""
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


class PatternError(ValueError):
    pass


def re2_options(*, longest: bool = False) -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.longest_match = longest
    options.max_mem = MAX_MEMORY
    return options


def _non_capturing(fragment: str) -> str:
    """Turn every capturing "(" into "(?:", so tags stay the only groups."""
    out = []
    i, in_class = 0, False
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            out.append(fragment[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(" and not fragment.startswith("?", i + 1):
            out.append("(?:")
            i += 1
            continue
        elif ch == "(" and fragment.startswith("?P<", i + 1):
            end = fragment.find(">", i)
            out.append("(?:")
            i = end + 1 if end > 0 else i + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _expand(fragment: str, lists: dict[str, list[str]], depth: int = 0) -> str:
    if depth > _MAX_NESTING:
        raise PatternError("word lists refer to each other in a loop")

    def replace(m) -> str:
        name = m.group(1)
        if name not in lists:
            raise PatternError(f"unknown list {{{name}}}")
        return "(?:" + "|".join(_expand(w, lists, depth + 1) for w in lists[name]) + ")"

    return SLUG_REFERENCE.sub(replace, fragment)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def word_pattern(alternative: str, lists: dict[str, list[str]]) -> str:
    """One alternative as a pattern: expanded, simplified, on word boundaries when it starts
    or ends with a letter or digit, plurals included for plain English words."""
    body = _non_capturing(_expand(simplify_pattern(alternative), lists))
    raw = alternative.strip()
    prefix = r"\b" if _is_word_char(raw[0]) else ""
    suffix = ""
    if _is_word_char(raw[-1]):
        plural = r"(?:e?s)?" if raw[-1].isalpha() and raw.replace(" ", "").isalpha() else ""
        suffix = plural + r"\b"
    elif len(raw) > 1 and raw[-1] == "?" and _is_word_char(raw[-2]) and raw[-3:-2] != "\\":
        suffix = r"\b"  # "marks?" does not match "marker"
    elif len(raw) > 2 and raw[-1] == "?" and not raw[-2].isascii() and _is_word_char(raw[-3]):
        # "ts的?" is "ts的", or "ts" as a whole word (not the "ts" of "tst").
        full = _non_capturing(_expand(simplify_pattern(raw[:-1]), lists))
        base = _non_capturing(_expand(simplify_pattern(raw[:-2]), lists))
        return rf"{prefix}(?:(?:{full})|(?:{base})\b)"
    return f"{prefix}(?:{body}){suffix}"


def compile_words(alternatives: list[str], *, lists: dict[str, list[str]]):
    """One RE2 pattern from lines of alternatives (used to validate a list)."""
    try:
        return re2.compile(
            "|".join(word_pattern(a, lists) for a in alternatives) or r"[^\x00-\x{10ffff}]",
            re2_options(),
        )
    except re2.error as error:
        raise PatternError(_describe(error)) from error


def _describe(error: Exception) -> str:
    text = str(error.args[0] if error.args else error)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return text
