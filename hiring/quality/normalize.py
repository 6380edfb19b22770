"""Fold the ways people disguise a phrase, so one pattern sees them all.

``normalize_with_map`` returns the folded text and, for each of its characters, the index
of the original character it came from, so a finding can quote exactly what was written.

Folded:
- invisible and formatting characters (zero-width space and joiners, word joiner, soft
  hyphen, bidi controls, variation selectors, combining marks, filler characters);
- full-width and other compatibility forms (NFKC), upper case;
- traditional characters (OpenCC's t2s conversion);
- spacing and decorative punctuation between Chinese characters ("限 女 性", "男-性"),
  spacing between Chinese characters and digits ("35 岁"), and letter-spaced English
  ("f e m a l e");
- Chinese numerals (三十五 → 35, 九五后 → 95后, 一米六 → 1米6).
"""

import functools
import re
import unicodedata

import opencc

# Characters that draw nothing but are not formatting characters (category Cf) either.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cs", "Co"})
_KEPT_CONTROLS = frozenset("\n\r\t")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Emoji and signs carry meaning ("属🐍", "♍"): never dropped as decoration.
_SYMBOLS = "\u2600-\u27bf\U0001f000-\U0001faff"
_NUMERAL_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERAL_CHARS = "".join(_NUMERAL_DIGITS) + "十百"

# Spaces and decorative punctuation between two CJK characters ("限 女 性", "男-性优先"),
# and spaces between CJK and digits ("35 岁"). Clause punctuation and brackets are kept:
# they separate statements ("面向女性,优先…") and carry meaning ("客服(女)").
_SEPARATORS = re.compile(
    rf"(?<=[{_CJK}])(?:_|[^\w,;:!?。、()\[\]{{}}<>《》【】\r\n{_SYMBOLS}])+(?=[{_CJK}])"
    rf"|(?<=[{_CJK}])[ \t]+(?=\d)|(?<=\d)[ \t]+(?=[{_CJK}])"
)
# The same, in one pass without a callback: never between two Chinese numerals.
_SEPARATOR = rf"(?:_|[^\w,;:!?。、()\[\]{{}}<>《》【】\r\n{_SYMBOLS}])+"
_FOLD_SEPARATORS = re.compile(
    rf"(?<=[{_CJK}])(?:(?<![{_NUMERAL_CHARS}]){_SEPARATOR}(?=[{_CJK}])"
    rf"|{_SEPARATOR}(?=[{_CJK}])(?![{_NUMERAL_CHARS}]))"
    rf"|(?<=[{_CJK}])[ \t]+(?=\d)|(?<=\d)[ \t]+(?=[{_CJK}])"
)
# Spaces between Chinese words, where a word of two characters or more stands on one side,
# separate fields ("性别:男 学历:本科", "前台接待 身高165cm以上 五官端正"): they become a comma.
# Spaces between single characters ("限 女 性") are dropped with the other separators.
_FIELD_SPACES = re.compile(
    rf"(?<=[{_CJK}][{_CJK}])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=[{_CJK}][{_CJK}])"
)
# Three or more single Latin letters joined by spaces or dots: "f e m a l e", "m.a.l.e".
_SPACED_LETTERS = re.compile(r"(?<![a-z])[a-z](?:[ ._*·-][a-z](?![a-z])){2,}")
_NUMERAL_RUN = re.compile(f"[{_NUMERAL_CHARS}]+")
_POSITIONAL = re.compile(
    r"(?:(?P<h>[一二两三四五六七八九])百)?(?P<z>[零〇])?"
    r"(?:(?P<t>[一二两三四五六七八九])?(?P<ten>十))?(?P<u>[一二三四五六七八九])?"
)


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _is_invisible(ch: str) -> bool:
    if ch in _KEPT_CONTROLS:
        return False
    return ch in _BLANK_LETTERS or unicodedata.category(ch) in _DROPPED_CATEGORIES | {"Cc"}


def _to_simplified(chars: list[str]) -> list[str]:
    """Traditional → simplified; the whole text at once so OpenCC sees phrases, character
    by character when a phrase conversion would change the length (the map must hold)."""
    converter = _converter()
    text = "".join(chars)
    converted = converter.convert(text)
    if len(converted) == len(text):
        return list(converted)
    return [converter.convert(c) if len(converter.convert(c)) == 1 else c for c in chars]


def _chinese_number(run: str, before: str, after: str) -> str | None:
    """Arabic digits for a run of Chinese numerals, or None to leave it alone.

    Converted: anything with 十/百 that parses (三十五, 一百六十), digit strings of two or
    more (九五后, 零零后, 一六五) except "three or four" style approximations (三四, 两三),
    and single digits next to 岁/米/斤 (一米六).
    """
    if "十" in run or "百" in run:
        m = _POSITIONAL.fullmatch(run)
        if not m:
            return None
        digit = _NUMERAL_DIGITS.get
        value = digit(m["h"], 0) * 100
        if m["ten"]:
            value += (digit(m["t"]) if m["t"] else 1) * 10 + digit(m["u"], 0)
        elif m["h"] and m["u"] and not m["z"]:
            value += digit(m["u"]) * 10  # 一百六 = 160
        else:
            value += digit(m["u"], 0)
        return str(value)
    digits = [_NUMERAL_DIGITS[c] for c in run]
    if len(digits) >= 2:
        if len(digits) == 2 and digits[0] and digits[1] == digits[0] + 1:
            return None
        return "".join(map(str, digits))
    if after in ("岁", "米", "斤") or before == "米":
        return str(digits[0])
    return None


def _drop(norm: str, origin: list[int], keep: list[bool]) -> tuple[str, list[int]]:
    return (
        "".join(c for c, k in zip(norm, keep, strict=True) if k),
        [o for o, k in zip(origin, keep, strict=True) if k],
    )


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The normalized text and, for each of its characters, the index of the original
    character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if _is_invisible(ch):
            continue
        for c in unicodedata.normalize("NFKC", ch):
            if not _is_invisible(c):
                chars.append(c)
                origin.append(i)
    norm = "".join(_to_simplified(chars)).lower()
    if len(norm) != len(origin):  # a lowercase form longer than one character ("İ")
        norm = "".join(c if len(c.lower()) != 1 else c.lower() for c in _to_simplified(chars))

    # Spaces between fields become a comma; other separators are stripped, but never
    # between two Chinese numerals ("二十~三十五岁").
    keep = [True] * len(norm)
    fields = list(_FIELD_SPACES.finditer(norm))
    if fields:
        as_list = list(norm)
        for m in fields:
            as_list[m.start()] = ","
            keep[m.start() + 1 : m.end()] = [False] * (m.end() - m.start() - 1)
        norm = "".join(as_list)
    for m in _SEPARATORS.finditer(norm):
        if norm[m.start() - 1] in _NUMERAL_CHARS and norm[m.end()] in _NUMERAL_CHARS:
            continue
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    for m in _SPACED_LETTERS.finditer(norm):
        for k in range(m.start(), m.end()):
            if not norm[k].isalpha():
                keep[k] = False
    norm, origin = _drop(norm, origin, keep)

    # Chinese numerals to Arabic.
    out: list[str] = []
    out_origin: list[int] = []
    pos = 0
    for m in _NUMERAL_RUN.finditer(norm):
        start, end = m.span()
        digits = _chinese_number(m.group(), norm[start - 1 : start], norm[end : end + 1])
        if digits is None:
            continue
        out.append(norm[pos:start])
        out_origin.extend(origin[pos:start])
        out.append(digits)
        out_origin.extend(origin[min(start + k, end - 1)] for k in range(len(digits)))
        pos = end
    out.append(norm[pos:])
    out_origin.extend(origin[pos:])
    return "".join(out), out_origin


def normalize(text: str) -> str:
    return normalize_with_map(text)[0]


# Sentence ends: a finding needs its group and its act in one clause. Full-width forms
# and characters whose compatibility form holds one of them are listed too, so the
# folded text has exactly one line break per clause break of the original.
_CLAUSE_END = re.compile(
    r"[\n\r。｡！？；!?;\u203c\u2047-\u2049\ufe15\ufe16\ufe54\ufe56\ufe57]+|\.(?=\s|$)"
)


def split_clauses(text: str, *, with_lines: bool = False):
    """The clauses of a text, as written; a question keeps its question mark. With
    `with_lines`, also the line each clause is on."""
    clauses: list[str] = []
    lines: list[int] = []
    position = 0
    line = 0
    for m in _CLAUSE_END.finditer(text):
        end = m.start() + (1 if m.group()[0] in "?？" else 0)
        if text[position:end].strip():
            clauses.append(text[position:end])
            lines.append(line)
        line += m.group().count("\n")
        position = m.end()
    if text[position:].strip():
        clauses.append(text[position:])
        lines.append(line)
    return (clauses, lines) if with_lines else clauses


@functools.cache
def _invisible() -> tuple[dict[int, None], re.Pattern[str]]:
    """Invisible characters: a translation table for the Basic Multilingual Plane and a
    pattern for the rest (only used when a text has characters beyond it)."""
    table: dict[int, None] = {}
    ranges: list[list[int]] = []
    for code in range(0x30000):
        if _is_invisible(chr(code)):
            if code <= 0xFFFF:
                table[code] = None
            elif ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    ranges += [[0xE0000, 0xE0FFF], [0xF0000, 0x10FFFF]]
    body = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return table, re.compile(f"[{body}]+")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _drop_invisible(text: str) -> str:
    table, astral = _invisible()
    text = text.translate(table)
    return astral.sub("", text) if _ASTRAL.search(text) else text


def _numerals(m: re.Match) -> str:
    text = m.string
    start, end = m.span()
    digits = _chinese_number(m.group(), text[start - 1 : start], text[end : end + 1])
    return m.group() if digits is None else digits


def _spaced(m: re.Match) -> str:
    return "".join(c for c in m.group() if c.isalpha())


def fold(text: str) -> str:
    """``normalize`` without the character map, in bulk: what the check reads.

    Line breaks are kept one for one, so a text folded as clauses joined by line breaks
    splits back into the same clauses."""
    text = _drop_invisible(text)
    if not unicodedata.is_normalized("NFKC", text):
        text = _drop_invisible(unicodedata.normalize("NFKC", text))
    text = _converter().convert(text).lower()
    text = _FIELD_SPACES.sub(",", text)
    text = _FOLD_SEPARATORS.sub("", text)
    text = _SPACED_LETTERS.sub(_spaced, text)
    return _NUMERAL_RUN.sub(_numerals, text)


def simplify_pattern(pattern: str) -> str:
    """A rule's pattern in the form the text is matched in: simplified characters.

    Only Chinese characters change, so the regular-expression syntax is left alone."""
    return _converter().convert(pattern)
