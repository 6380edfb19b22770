"""The wording lexicon as compiled patterns, cached per process and rebuilt when it changes.

Where the rows come from: the ``WordList`` and ``WordingRule`` rows that admins maintain
(``make db`` loads the shipped rows from ``fixtures/wording.json``). A database without a
single word list (a fresh test database, one flushed by a test) uses the shipped file
directly, so the check never silently passes everything.

Patterns are compiled with RE2, whose matching time is linear in the text whatever the
pattern: a rule such as ``(a+)+$`` cannot hang a worker. Words starting or ending with a
letter or digit match on word boundaries (``bmi`` does not match "submit").

Every process keeps the compiled lexicon together with a stamp of the tables (row counts
and the latest ``updated_at``); one cheap query per check compares the stamp, so a row
saved in admin is used by the next check in every worker, whatever the cache backend.
"""

import functools
import logging
import threading
from dataclasses import dataclass, field

import re2
from django.conf import settings
from django.utils import translation

from hiring.common import versions

from .ages import AGE_HINT_PATTERN
from .findings import Severity
from .models import Kind, WordingRule, WordList
from .normalize import simplify_pattern
from .patterns import PatternError, re2_options, split_alternatives, word_pattern
from .shipped import shipped_entries

logger = logging.getLogger(__name__)

_SCAN_MEMORY = 512 << 20  # … for a scan over whole texts (its DFA cache grows as needed)


_METACHARACTERS = frozenset("\\[](){}|?*+.^$")


class Tagger:
    """Finds the words of several tagged lists in a text in one scan, and tells which list
    each match came from; the longest word found at a place wins ("宝妈" over "妈",
    "性别认同" over "性别").

    The scan has no capturing groups, so RE2 runs it as a DFA; the list of a match is then
    looked up by the matched text (most words are literal), or found by matching it against
    each list in turn (regular-expression words), remembered per distinct text.
    """

    MEMO_SIZE = 20_000

    def __init__(self, tags: list[tuple[tuple, list[str]]], lists: dict[str, list[str]]):
        self.tags: list[tuple] = []
        self._literal: dict[bytes, int] = {}
        self._full: list[tuple[int, object]] = []
        self._memo: dict[bytes, int | None] = {}
        alternatives = []
        for tag, words in tags:
            pieces = []
            for word in sorted(words, key=len, reverse=True):
                try:
                    piece = word_pattern(word, lists)
                    re2.compile(piece, re2_options())
                except (PatternError, re2.error):
                    # Admin forms refuse such a word; a row written by other means must not
                    # take the whole check down with it.
                    logger.warning("Wording list word %r is not a valid pattern; skipped", word)
                    continue
                pieces.append(piece)
                if not _METACHARACTERS & set(word):
                    key = simplify_pattern(word.strip()).lower().encode("utf-8")
                    self._literal.setdefault(key, len(self.tags))
            if pieces:
                index = len(self.tags)
                self.tags.append(tag)
                alternatives.extend(pieces)
                whole = "(?:" + "|".join(pieces) + ")"
                self._full.append((index, re2.compile(whole.encode("utf-8"), re2_options())))
        options = re2_options(longest=True)
        # Room for RE2's DFA state cache: when it fills up too often on a long text, RE2
        # falls back to a much slower matcher.
        options.max_mem = _SCAN_MEMORY
        self.scan = (
            re2.compile("|".join(alternatives).encode("utf-8"), options) if alternatives else None
        )

    @property
    def pattern(self) -> bytes:
        return self.scan.pattern if self.scan is not None else b""

    def _tag(self, text: bytes) -> int | None:
        if text in self._literal:
            return self._literal[text]
        for suffix in (b"es", b"s"):
            if text.endswith(suffix) and text[: -len(suffix)] in self._literal:
                return self._literal[text[: -len(suffix)]]
        for index, pattern in self._full:
            if pattern.fullmatch(text):
                return index
        return None

    def spans(self, data: bytes):
        """(start, end, tag index) in bytes of every non-empty match in UTF-8 `data`."""
        if self.scan is None:
            return
        memo = self._memo
        for m in self.scan.finditer(data):
            start, end = m.span()
            if end <= start:
                continue
            text = data[start:end]
            if text in memo:
                tag = memo[text]
            else:
                tag = self._tag(text)
                if len(memo) < self.MEMO_SIZE:
                    memo[text] = tag
            if tag is not None:
                yield start, end, tag


def _tagged(tags: list[tuple[tuple, list[str]]], lists: dict[str, list[str]]):
    tagger = Tagger(tags, lists)
    if tagger.scan is None:
        return None, []
    return tagger, tagger.tags


def _line_scan(words: list[str], lists: dict[str, list[str]], *, ages: bool = False):
    """One pattern without groups (RE2 runs it as a DFA) of `words` (and every place an age
    may be written), for UTF-8 bytes."""
    if not words and not ages:
        return None
    alternatives = [AGE_HINT_PATTERN] if ages else []
    for word in words:
        try:
            piece = word_pattern(word, lists)
            re2.compile(piece, re2_options())
        except (PatternError, re2.error):
            continue
        alternatives.append(piece)
    options = re2_options()
    options.max_mem = _SCAN_MEMORY
    return re2.compile("|".join(alternatives).encode(), options)


@dataclass(frozen=True)
class Message:
    ground: str
    severity: Severity
    message: str
    message_en: str
    suggestion: str
    suggestion_en: str
    legal_basis: str
    legal_basis_en: str


@dataclass(frozen=True)
class Lexicon:
    # Mentions: protected groups, topics and self-standing phrases, tagged
    # (kind, ground, severity, needs context); one group per tag, in that order.
    mentions: object
    mention_tags: tuple
    # Acts on a mention, tagged (act, needs context).
    acts: object
    act_tags: tuple
    # Lawful frames for every ground, tagged (kind, ground): FRAME next to a mention,
    # LAWFUL anywhere in its segment; and per ground, those for that ground only.
    frames: object
    frame_tags: tuple
    ground_frames: dict
    messages: dict
    # Everything a clause must hold to be read closely (mentions and possible ages), on
    # UTF-8 bytes: see wording.flagged_clauses.
    trigger: object = None
    # Interview notes and verdicts ("面试评价:", "reject"): a text holding one is a note, and
    # every protected group or topic it mentions is being evaluated.
    note_scan: object = None  # on bytes, like `trigger`
    fair_scan: object = None  # "不影响评价", "irrelevant": the note says the fact played no part
    words: tuple = ()  # every literal vocabulary word (for the benchmark's bare scan)
    stamp: tuple = ()
    # Findings per (text, language): the same preset texts are checked on every page view.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    MEMO_SIZE = 4096

    def message(self, ground: str, severity: Severity) -> Message | None:
        return self.messages.get((ground, severity)) or self.messages.get((ground, Severity.ERROR))


def build_lexicon(rules, word_lists, *, stamp: tuple = ()) -> Lexicon:
    word_lists = [wl for wl in word_lists if getattr(wl, "is_active", True)]
    lists = {wl.slug: split_alternatives(wl.words) for wl in word_lists}
    mention_groups: dict[tuple, list[str]] = {}
    act_groups: dict[tuple, list[str]] = {}
    frame_groups: dict[tuple, list[str]] = {}
    for wl in sorted(word_lists, key=lambda w: w.slug):
        words = lists[wl.slug]
        if wl.kind in (Kind.GROUP, Kind.TOPIC, Kind.PHRASE) and wl.ground:
            strict = bool(getattr(wl, "needs_context", False)) and wl.kind == Kind.GROUP
            key = (str(wl.kind), wl.ground, Severity(wl.severity or "error"), strict)
            mention_groups.setdefault(key, []).extend(words)
        elif wl.kind == Kind.ACT and wl.act:
            strict = bool(getattr(wl, "needs_context", False)) and wl.act not in ("note", "fair")
            act_groups.setdefault((wl.act, strict), []).extend(words)
        elif wl.kind in (Kind.FRAME, Kind.LAWFUL):
            frame_groups.setdefault((str(wl.kind), wl.ground or ""), []).extend(words)
    note_scan = _line_scan(act_groups.pop(("note", False), []), lists)
    fair_scan = _line_scan(act_groups.pop(("fair", False), []), lists)
    mentions, mention_tags = _tagged(sorted(mention_groups.items()), lists)
    trigger = _line_scan([w for words in mention_groups.values() for w in words], lists, ages=True)
    acts, act_tags = _tagged(sorted(act_groups.items()), lists)
    frames, frame_tags = _tagged(sorted(i for i in frame_groups.items() if not i[0][1]), lists)
    ground_frames = {}
    for ground in sorted({g for _kind, g in frame_groups if g}):
        pattern, tags = _tagged(sorted(i for i in frame_groups.items() if i[0][1] == ground), lists)
        if pattern is not None:
            ground_frames[ground] = (pattern, tuple(tags))
    messages = {}
    for rule in sorted(
        (r for r in rules if r.is_active), key=lambda r: (r.ground, r.order, r.slug)
    ):
        key = (rule.ground, Severity(rule.severity))
        messages.setdefault(
            key,
            Message(
                ground=rule.ground,
                severity=Severity(rule.severity),
                message=rule.message_zh_hans,
                message_en=rule.message_en or "",
                suggestion=rule.suggestion_zh_hans or "",
                suggestion_en=rule.suggestion_en or "",
                legal_basis=rule.legal_basis_zh_hans or "",
                legal_basis_en=rule.legal_basis_en or "",
            ),
        )
    literal = tuple(
        sorted(
            {
                w
                for key, words in mention_groups.items()
                for w in words
                if not any(c in w for c in "\\[](){}|?*+.^$")
            }
        )
    )
    return Lexicon(
        mentions=mentions,
        mention_tags=tuple(mention_tags),
        acts=acts,
        act_tags=tuple(act_tags),
        frames=frames,
        frame_tags=tuple(frame_tags),
        ground_frames=ground_frames,
        trigger=trigger,
        note_scan=note_scan,
        fair_scan=fair_scan,
        messages=messages,
        words=literal,
        stamp=stamp,
    )


@functools.cache
def shipped_rows() -> tuple[list[WordingRule], list[WordList]]:
    """The rows of fixtures/wording.json as unsaved model instances (no database needed)."""
    models = {"quality.wordingrule": WordingRule, "quality.wordlist": WordList}
    rules, lists = [], []
    for entry in shipped_entries():
        model = models[entry["model"]]
        fields = {
            name: value
            for name, value in entry["fields"].items()
            if name not in ("created_at", "updated_at")
        }
        # The file's untranslated fields hold the Chinese text, whatever language is active.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            (rules if model is WordingRule else lists).append(model(**fields))
    return rules, lists


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
        # Lists in the database replace the shipped ones whole, so that a list an admin
        # deleted is gone; with no rows at all, the shipped file keeps the check working.
        database_lists = list(WordList.objects.all())
        if database_lists:
            lists = {wl.slug: wl for wl in database_lists}
        rules = list(WordingRule.objects.all()) or shipped_rules
        lexicon = build_lexicon(rules, lists.values(), stamp=stamp)
        _cached["lexicon"] = lexicon
        return lexicon


def shipped_lexicon() -> Lexicon:
    """The lexicon of fixtures/wording.json alone (benchmarks, no database)."""
    rules, lists = shipped_rows()
    return build_lexicon(rules, lists)
