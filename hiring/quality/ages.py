"""Ages written as numbers: limits, ranges, birth years and generation labels.

Read from the normalized text (Arabic digits, lower case, simplified characters), so
"三十五岁以下", "35 歲以下" and "35岁以下" are one case. Each span is one of:

- ``CAP``: an upper limit on age, a range or a birth-year limit ("35岁以下", "aged 20-30",
  "no older than 30", "1990年以后出生", "born after 1995", "under-35s"): a restriction by
  itself;
- ``VALUE``: an age, a lower bound above the working age, a generation ("90后", "七年级生",
  "in your 20s", "born in the 1990s"): a protected group that needs an act to be a finding
  ("90后优先", "40岁以上勿扰");
- ``MINIMUM``: a lower bound at or below the legal working age ("年满18周岁", "at least 18",
  "18 or older"): lawful.
"""

import re
from dataclasses import dataclass

CAP, VALUE, MINIMUM = "cap", "value", "minimum"
WORKING_AGE = 18
_LOW, _HIGH = 14, 75  # numbers outside are not ages

_N = r"(\d{1,2})"
_YEARS = r"(?:周岁|岁|years?[\s-]*old|yrs?[\s-]*old|years?\s*of\s*age|y/?o\b)"
_AGE_WORD = re.compile(r"年龄|年纪|岁数|\bages?d?\b|\bold(?:er)?\b|\byoung(?:er)?\b|出生|\bborn\b")
# A number followed by one of these is a count of something else ("under 30 seconds").
_UNIT_AFTER = re.compile(
    r"\s*(?:%|k\b|kg|cm|mm|m\b|km|lbs?|元|块|万|千|分|秒|天|日|周(?!岁)|月|小时|个|单|件|次|人|名|条|字|"
    r"年(?!龄|纪|代|级|以|之|后|前|出生)|"
    # … an English count may have a word before its unit: "60+ inbound calls".
    r"(?:(?!young|old|older|younger|aged)[a-z-]+\s+)?(?:sec|min|hour|hr|day|week|month|"
    r"year(?!s?\s*old|s?\s*of\s*age)|wpm|word|call|ticket|chat|character|case|order|"
    r"customer|user|people|staff|agent|employee|percent|point|score|item|minute))",
)
_CAPS = [
    # 35岁以下 / 35周岁以内 / 35 or younger / 35 and under
    re.compile(
        rf"{_N}\s*{_YEARS}?\s*(?:及|或)?(?:以下|以内|之内|之下|以前)|"
        rf"{_N}\s*{_YEARS}?\s*(?:or|and)\s*(?:younger|under|below)"
    ),
    # 不超过35 / under 35 / no older than 30 / max age 40 / age limit: 35 / 上限35
    re.compile(
        r"(?:不超过|不大于|不高于|不能超过|不得超过|小于|低于|未满|不满|上限|最大|最高|≤|<=?|＜|"
        r"\bunder\b-?|\bbelow\b|\byounger\s+than\b|\bno\s+older\s+than\b|\bnot\s+older\s+than\b|"
        r"\bnot\s+over\b|\bless\s+than\b|\bat\s+most\b|\bup\s+to\b|\bmax(?:imum)?\b\.?|"
        r"\bage\s+limit\b|\bage\s+cap\b|\bcut-?off\b)"
        rf"\s*(?:age\s*|年龄\s*)?(?:of\s*|is\s*|:\s*|为\s*|是\s*)?(?:the\s+age\s+of\s*)?{_N}"
        rf"(?:\s*{_YEARS})?"
    ),
    # under-35s
    re.compile(r"\bunder-?(\d{2})s\b"),
]
_RANGES = re.compile(
    rf"{_N}\s*{_YEARS}?\s*(?:-|~|～|—|–|至|到|\bto\b|\band\b)\s*{_N}\s*(?:{_YEARS}|之间|\b)"
)
_BETWEEN = re.compile(rf"\bbetween\s*{_N}\s*(?:and|-|to)\s*{_N}")
_LOWER = re.compile(
    rf"(?:年满|满|超过|过了|大于|高于|≥|>=?|＞|\bover\b|\babove\b|\bolder\s+than\b|\bat\s+least\b|"
    rf"\bminimum(?:\s+age)?\b:?|\bmin\.?\b)\s*(?:the\s+age\s+of\s*)?{_N}\s*{_YEARS}?|"
    rf"{_N}\s*{_YEARS}?\s*(?:及|或)?(?:以上|之上|\+|or\s+(?:older|over|above|more)|and\s+(?:over|above|up|older))"
)
_VALUES = re.compile(
    r"\b(?:he's|she's|he is|she is|candidate is|applicant is)\s+(?:only\s+|already\s+|nearly\s+|"
    r"almost\s+|like\s+|about\s+|around\s+)?(\d{2})\b"
    r"(?!\s*(?:%|k\b|mins?|minutes?|hours?|years? of|wpm|calls|tickets))|"
    rf"{_N}\s*{_YEARS}|{_N}\s*多(?:岁|了)|(?:快|都快|都|已经)\s*{_N}\s*了|(?<![\d年])(?:[6-9]\d|0\d)\s*年的|\baged?\s*:?\s*{_N}\b|\bin\s+(?:their|your|his|her)\s+(?:\d0s|"
    r"twenties|thirties|forties|fifties)|\b(?:twenty|thirty|forty|fifty)-?somethings?\b|"
    r"\b(?:early|mid|late)[- ]?(?:\d0)s\b|\bgraduated\s+(?:from\s+)?(?:high\s+school|college|"
    r"university|school)\s+in\s+(?:19|20)\d\d|(?:19|20)\d\d\s*年?(?:高中|大学|中专|初中)?毕业"
)
# 80后 / 95后 / 00后 (a two-digit birth year, mainland usage); 七年级生 (Taiwanese usage).
_GENERATIONS = re.compile(
    r"(?<!\d)(?:[0-9][05])\s*后(?!台|端|续|期|勤|来|面|方|果)|[五六七八九5-9]\s*年级生|"
    r"\b(?:19|20)?[0-9]0s\s+(?:babies|kids|generation|born)|"
    r"\b(?:gen(?:eration)?\s*[xyz]|millennials?|zoomers?|boomers?|baby\s+boomers?)\b|"
    r"[xyz]\s*世代|千禧一代|\b(?:19|20)\d0后"
)
# Birth years: "1990年以后出生", "90年后出生", "born after 1995", "born in the 1990s".
_BIRTH_LIMIT = re.compile(
    r"(?:(?:19|20)?\d\d)\s*年?\s*(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*日\s*)?(?:及|或)?"
    r"(?:以后|之后|以前|之前|后|前)\s*(?:出生|生)|"
    r"\bborn\s+(?:on\s+or\s+)?(?:after|before|since|between|from)\s+(?:the\s+)?(?:\d{1,2}\s+\w+\s+)?"
    r"(?:19|20)\d\d|"
    # Taiwanese usage counts years from 1912: "民国80年次以后出生", "80年次以后"
    r"(?:民国\s*)?\d{2,3}\s*年次\s*(?:及|或)?(?:以后|之后|以前|之前|后|前)\s*(?:出生|生)?"
)
_BIRTH_VALUE = re.compile(
    r"\bborn\s+in\s+(?:the\s+)?(?:19|20)?\d0s|\bborn\s+in\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s*年?\s*(?:至|到|-|~)\s*(?:19|20)\d\d\s*年?\s*(?:间|之间)?\s*出生|"
    r"(?:19|20)\d\d\s*年\s*(?:\d{1,2}\s*月\s*)?出生"
)
# Where an age may be written: a clause without one of these holds none.
AGE_HINT_PATTERN = (
    r"\b(?:he's|she's|he is|she is|candidate is|applicant is)\s+(?:\w+\s+)?\d|"
    r"\d\s*(?:周?岁|多|后|年级|s\b|\+|了|年的)|[≤≥<>＜＞]\s*\d|\d[\s-]*(?:years?|yrs?)[\s-]*(?:old|of\s*age)|年龄|年纪|岁数|"
    r"\bage[sd]?\b|\bold|\byoung|出生|\bborn\b|\d\s*(?:以下|以内|之内|以上)|不超过|未满|上限|"
    r"(?:\bmax|\bmin|\bover|\babove|\bunder|\bbelow|\bbetween|\bleast|\bmost|\bthan)\S*\s*\d|(?:满|过了|超过|大于)\s*\d|"
    r"\bgen\b|\bgeneration|millennial|boomer|zoomer|"
    r"世代|千禧|年次|\btwent|\bthirt|\bfort|\bfift|年级生|届|\bclass\s+of\b|\bgrad"
)
AGE_HINT = re.compile(AGE_HINT_PATTERN)


@dataclass(frozen=True)
class AgeSpan:
    start: int
    end: int
    kind: str


def _is_age(text: str, m: re.Match, number: int, *, explicit: bool) -> bool:
    """An age when it says so ("岁", "years old") or, with no unit after it, when the clause
    speaks of age or the limit is written in English ("applicants under 35")."""
    if not _LOW <= number <= _HIGH:
        return False
    if explicit:
        return True
    if _UNIT_AFTER.match(text, m.end()) or _SCORE_WORD.search(text):
        return False  # "under 30 seconds", "Versant test (min 58)"
    return bool(_AGE_WORD.search(text)) or bool(re.search(r"[a-z]{2}", m.group()))


# A clause about a test or a score: its bare numbers are marks, not ages.
_SCORE_WORD = re.compile(r"\b(?:tests?|typing|wpm|versant|ielts|toefl|toeic|hsk)\b|测试|考试")

_QUICK = re.compile(
    r"\d|\bgen|millennial|boomer|zoomer|世代|千禧|年级生|\btwent|\bthirt|\bfort|\bfift"
)


def might_hold_age(text: str) -> bool:
    return bool(_QUICK.search(text)) and bool(AGE_HINT.search(text))


def age_spans(text: str) -> list[AgeSpan]:
    """The ages in one normalized clause."""
    if not might_hold_age(text):
        return []
    spans: list[AgeSpan] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, kind: str):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        spans.append(AgeSpan(start, end, kind))

    for m in _BIRTH_LIMIT.finditer(text):
        add(m, CAP)
    for m in _BIRTH_VALUE.finditer(text):
        add(m, VALUE)
    for pattern in (_RANGES, _BETWEEN):
        for m in pattern.finditer(text):
            low, high = int(m.group(1)), int(m.group(2))
            explicit = bool(re.search(_YEARS + "|之间", m.group()))
            if low < high and _is_age(text, m, high, explicit=explicit):
                add(m, CAP if high < 60 else VALUE)
    for pattern in _CAPS:
        for m in pattern.finditer(text):
            number = int(next(g for g in m.groups() if g))
            explicit = bool(re.search(_YEARS, m.group()))
            if _is_age(text, m, number, explicit=explicit) and number > WORKING_AGE:
                add(m, CAP)
    for m in _LOWER.finditer(text):
        number = int(next(g for g in m.groups() if g))
        # "35+", "过了30" (colloquial: past thirty) say age without the word.
        explicit = bool(re.search(_YEARS, m.group())) or (
            ("+" in m.group() or "过了" in m.group()) and not _UNIT_AFTER.match(text, m.end())
        )
        if _is_age(text, m, number, explicit=explicit):
            add(m, MINIMUM if number <= WORKING_AGE else VALUE)
    for m in _VALUES.finditer(text):
        groups = [g for g in m.groups() if g]
        number = int(groups[0]) if groups else 30
        if _LOW <= number <= _HIGH:
            add(m, VALUE)
    for m in _GENERATIONS.finditer(text):
        add(m, VALUE)
    return sorted(spans, key=lambda s: s.start)
