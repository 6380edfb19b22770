"""Quality rule: discriminatory or unlawful wording in hiring texts.

A requirement, posting, screening question or interview note must not restrict, prefer,
ask about or rate candidates by a protected ground: gender, gender identity, sexual
orientation, marital or childbearing status, age, ethnicity or race, religion, household
registration or regional and national origin, appearance, health unrelated to the job,
disability, genetic information, or zodiac sign and blood type.

How it works — who is named, and what is done to them:

1. The text is split into clauses (sentences) and each clause into segments (at commas).
   Both are normalized in bulk (``normalize.fold``): invisible characters, full-width
   forms, traditional characters, spacing and Chinese numerals folded away.
2. One RE2 scan finds the clauses that mention a protected *group* ("女性", "90后",
   "gays"), a protected *topic* ("婚育状况", "blood type") or a *phrase* that is a
   restriction by itself ("五官端正"); ages are read as numbers (``ages``). Clauses without
   one are done with.
3. In a clause that mentions one, a group is a finding when an *act* is in its segment, in
   either order: exclude ("勿扰", "need not apply"), prefer ("优先"), require ("限", "must
   be"), ask ("是否", "please state", a form label "民族:") or evaluate (an interview note or
   a score). A topic is one when it is required, asked about or evaluated. A segment that is
   nothing but a group ("女,大专以上") is a requirement list entry and counts too. A line
   with an interview-note heading, where a clause or part of one is only an exclusion
   ("Reject.", "so decline", "不推荐"), or where a decision closes a part of a line that
   speaks of a candidate ("…,还是别考虑了") is a note: every mention in it is evaluated. Words
   of a list that needs context ("男", "black") count only beside an act, before a person or
   after "是" / "is". A negated step of hiring ("not to submit", "不录用") is an exclusion.
4. Lawful frames suppress: a frame next to the group (customers, products and services:
   "女性客户", "women's apparel") or a lawful statement in the segment (negation, equal
   opportunity, benefits and leave, accommodation, affirmative measures, a notice asking
   not to disclose). A frame's words are masked, so "不要求" is not the act "不要". A negator
   just before a question, requirement or rating cancels it and those after it in its segment
   ("不得向候选人打听婚育情况", "will not be assessed"), whatever words the lists hold. A
   prohibition covers what it forbids to the end of its segment ("勿以「限男性」等字眼描述岗位",
   "不得拿性取向开玩笑"); a statement that a fact does not count ("不影响录用", "played no part")
   covers its clause when nothing in it is excluded, and a topic "not considered" is none.
   A negator before a list of what is not required covers the list ("不设身高、外貌要求");
   wording taken out of a text is talked about ("remove 'ladies only'"); a role "not open to"
   a group, and declining to send or shortlist it, turn it away; an exclusion pointing back
   ("…, so don't shortlist them") or closing the clause acts on the group named before it; a
   question mark asks about all its clause names; a score out of five or ten makes a line a
   rating. Spaces between Chinese words separate the fields of a row (``normalize``).
5. Each ground found yields one ``Finding`` at its highest severity, quoting exactly what
   the user wrote.
"""

import bisect
import re

from django.utils import translation
from django.utils.translation import gettext as _

from .ages import CAP, MINIMUM, age_spans, might_hold_age
from .findings import Finding, Severity
from .lexicon import Lexicon, current_lexicon
from .models import Act, Ground, Kind
from .normalize import fold, normalize, normalize_with_map, split_clauses

__all__ = ["check_wording", "normalize"]

_SEVERITY_RANK = {severity: severity.rank for severity in Severity}
_SEGMENT_BREAKS = frozenset(",，–—")  # a dash joins clauses in chat: "… – not a culture fit"
_NUMBER_DASH = re.compile(r"\d[–—]\d")  # … but not numbers: "18–25"
_NEAR = 4.0  # units (a word, or two Chinese characters) between a frame and a mention
_MAX_CLAUSE = 2000  # longer clauses are read in pieces of this many characters
# Requirements that say how much, not who: they do not outweigh a frame ("包裹,单件一般不超过
# 15公斤", "岗位职责:为60岁以上老年客户…").
_WEAK_REQUIREMENT = re.compile(
    r"[:：]|以上|以下|以内|之内|不超过|不低于|不高于|不少于|不大于|不小于|至少|最低|最高|上限|下限|"
    r"at least|at most|minimum|maximum|min|max|less than|more than|no more than|no less than|"
    r"or more|or less|or taller"
)
_UNIVERSAL = re.compile(r"\b(?:all|every|each|any)\b|所有|各位|每位|每个")
# Grounds the law allows measures in favour of (PRC: 残疾人就业条例, 民族区域自治法; Taiwan:
# 身心障礙者權益保障法, 原住民族工作權保障法).
_AFFIRMATIVE_GROUNDS = frozenset({Ground.DISABILITY, Ground.ETHNICITY})
_TOPIC_ACTS = frozenset({Act.REQUIRE, Act.ASK, Act.EVALUATE, Act.PREFER})


def _units(text: str) -> float:
    """Distance in words: an English word counts 1, a Chinese character ½."""
    units = 0.0
    in_word = False
    for ch in text:
        if ch.isascii():
            if ch.isalnum():
                if not in_word:
                    units += 1
                in_word = True
            else:
                in_word = False
        else:
            in_word = False
            if ch.isalpha():
                units += 0.5
    return units


def _gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    if a[1] <= b[0]:
        return _units(text[a[1] : b[0]])
    if b[1] <= a[0]:
        return _units(text[b[1] : a[0]])
    return 0.0


def _char_offsets(text: str, data: bytes):
    """Byte offset in `data` (text in UTF-8) → character offset in `text`."""
    if len(data) == len(text):
        return int
    return lambda offset: len(data[:offset].decode("utf-8", "ignore"))


class _Reader:
    """The matches of the lexicon's patterns in a batch of clauses: one scan of the batch per
    pattern (RE2's Python wrapper costs more per call than per character)."""

    def __init__(self, clauses: list[str], lexicon: Lexicon):
        self.lexicon = lexicon
        self.clauses = clauses
        self.data = [clause.encode("utf-8") for clause in clauses]
        self.joined = b"\n".join(self.data)
        self.starts = []
        position = 0
        for data in self.data:
            self.starts.append(position)
            position += len(data) + 1
        self._cache: dict = {}

    def spans(self, key, pattern, index: int) -> list[tuple[int, int, int]]:
        """(start, end, tag index) in characters of `pattern`'s matches in clause `index`."""
        if key not in self._cache:
            # Only the clauses with a match get a list: on a long text most have none, and
            # a list per clause per pattern is work for the garbage collector on every pass.
            per_clause: dict[int, list] = {}
            if pattern is not None:
                for start, end, tag in pattern.spans(self.joined):
                    i = bisect.bisect_right(self.starts, start) - 1
                    base = self.starts[i]
                    if end - base <= len(self.data[i]):
                        per_clause.setdefault(i, []).append((start - base, end - base, tag))
            self._cache[key] = per_clause
        found = self._cache[key].get(index)
        if not found:
            return []
        to_char = _char_offsets(self.clauses[index], self.data[index])
        return [(to_char(start), to_char(end), tag) for start, end, tag in found]


def _analyse(
    clause: str, lexicon: Lexicon, *, note: bool = False, reader=None, index: int = 0
) -> list[tuple[str, Severity, int, int]]:
    """(ground, severity, start, end) of every finding in one normalized clause (clause
    `index` of `reader`'s batch, when given); in a `note` (an interview note or verdict)
    every mention counts as evaluated."""
    if reader is None:
        reader = _Reader([clause], lexicon)
    found_mentions = reader.spans("mentions", lexicon.mentions, index)
    if not found_mentions and not might_hold_age(clause):
        return []

    frames = []  # (start, end, kind, ground)
    masked = clause
    chars = None
    for f_start, f_end, tag in reader.spans("frames", lexicon.frames, index):
        kind, ground = lexicon.frame_tags[tag]
        if kind == Kind.FRAME and (
            _DEMAND.match(clause, f_end)
            or _NOT_A_FRAME.match(clause, f_end)
            or _STAFF_BEFORE.search(clause, 0, f_start)
        ):
            # The client as the one who asks ("客户硬性要求", "client wants"), a title ("store
            # manager") or a numbered label ("item 12").
            continue
        frames.append((f_start, f_end, kind, ground))
        if not ground:
            chars = chars or list(clause)
            chars[f_start:f_end] = " " * (f_end - f_start)
    if chars is not None:
        masked = "".join(chars)

    mentions = []  # (start, end, kind, ground, severity)
    # Read on the clause as written: a frame word inside a longer mention ("local
    # residents") leaves the mention whole; one inside a frame ("女装") is dropped below.
    in_context = []  # mentions of words that count only in context ("男", "black")
    for m_start, m_end, tag in found_mentions:
        kind, ground, severity, strict = lexicon.mention_tags[tag]
        if kind != Kind.PHRASE and any(
            f_start <= m_start and m_end <= f_end and not f_ground
            for f_start, f_end, _k, f_ground in frames
        ):
            continue
        if kind == Kind.GROUP and _POSSESSIVE.search(masked, 0, m_start):
            kind = str(Kind.TOPIC)  # "the candidate's disability" is a fact, not a group
        mention = (m_start, m_end, kind, ground, severity)
        if strict and not _PERSON.match(masked, m_end) and not _COPULA.search(masked, 0, m_start):
            in_context.append(mention)
            continue
        mentions.append(mention)
    for span in age_spans(masked):
        if span.kind == MINIMUM:
            frames.append((span.start, span.end, str(Kind.FRAME), Ground.AGE))
            continue
        kind = Kind.PHRASE if span.kind == CAP else Kind.GROUP
        mentions.append((span.start, span.end, str(kind), Ground.AGE, Severity.ERROR))
    if not mentions and not in_context:
        return []
    # Acts inside a lawful frame are none: "不要求" is not "不要".
    masked_spans = [(f_start, f_end) for f_start, f_end, _k, f_ground in frames if not f_ground]
    acts = []  # (start, end, act)
    for a_start, a_end, tag in reader.spans("acts", lexicon.acts, index):
        if any(
            f_start < a_end
            and a_start < f_end
            and not (a_start <= f_start and f_end <= a_end)
            # … unless the act reads on past the frame: "please don't put forward"
            and not (f_start < a_start < f_end < a_end)
            for f_start, f_end in masked_spans
        ):
            continue  # "不要求" is no "不要"; but "别往殡葬服务热线推" holds a frame and stays
        act, strict = lexicon.act_tags[tag]
        # An act of a list that needs context counts only right beside a mention.
        if strict and not any(
            _next_to_act(masked, m, [(a_start, a_end, act)]) for m in mentions + in_context
        ):
            continue
        acts.append((a_start, a_end, act))
    # A word inside a group's name is no act: "non" in "non-binary".
    acts = [
        a
        for a in acts
        if a[2] != Act.EXCLUDE
        or not any(
            m[0] <= a[0] and a[1] <= m[1] and m[1] - m[0] > a[1] - a[0]
            for m in mentions + in_context
        )
    ]
    acts = _without_negated(masked, acts, mentions + in_context)
    # A frame an act reads on past, or holds, is no frame: "please don't put forward", "超龄简历
    # 一律不看".
    frames = [
        f
        for f in frames
        if not any(
            act == Act.EXCLUDE
            and (
                f[0] < a_start < f[1] < a_end
                or a_start <= f[0]
                and f[1] <= a_end
                and a_end - a_start > f[1] - f[0]
            )
            for a_start, a_end, act in acts
        )
    ]
    forbidden = _prohibitions(masked)
    # "played no part": the "no" of a statement that a fact does not count excludes nobody.
    not_scored = [m.span() for m in _NOT_SCORED.finditer(clause)]
    acts = [a for a in acts if not any(start <= a[0] and a[1] <= end for start, end in not_scored)]
    if forbidden:
        # What a prohibition forbids is talked about, not done: "勿以「限男性」等字眼描述岗位",
        # "不得拿性取向开玩笑", "don't ask about marital status".
        def _forbidden(start: int, end: int) -> bool:
            return any(f_start <= start and end <= f_end for f_start, f_end in forbidden)

        acts = [a for a in acts if not _forbidden(a[0], a[1])]
        mentions = [m for m in mentions if not _forbidden(m[0], m[1])]
        in_context = [m for m in in_context if not _forbidden(m[0], m[1])]
    mentions += [
        m
        for m in in_context
        # One Chinese character ("满", "回") is part of too many words: only a person after it.
        if _units(masked[m[0] : m[1]]) > 0.5
        and not any(a_start < m[1] and m[0] < a_end for a_start, a_end, _act in acts)
        and _next_to_act(masked, m, acts)
    ]
    if not mentions:
        return []
    for ground in {mention[3] for mention in mentions}:
        if ground in lexicon.ground_frames:
            pattern, tags = lexicon.ground_frames[ground]
            for f_start, f_end, tag in reader.spans(("ground", ground), pattern, index):
                kind, f_ground = tags[tag]
                if any(
                    a <= f_start and f_end <= b and b - a > f_end - f_start for a, b, _act in acts
                ):
                    continue  # "不欢迎" is an act, not a welcome
                frames.append((f_start, f_end, kind, f_ground))

    breaks = [
        i
        for i, ch in enumerate(masked)
        if ch in _SEGMENT_BREAKS and not _NUMBER_DASH.match(masked, max(0, i - 1))
    ]

    def segment(position: int) -> int:
        return bisect.bisect_right(breaks, position)

    def segment_text(index: int) -> tuple[int, int]:
        start = breaks[index - 1] + 1 if index > 0 else 0
        end = breaks[index] if index < len(breaks) else len(masked)
        return start, end

    def excluded_later(seg: int) -> bool:
        """An exclusion in a later segment points back to what came before: "…, so don't
        shortlist them", "…,这类人别要"."""
        return any(
            act == Act.EXCLUDE
            and segment(a_start) > seg
            and (
                _BACK_REFERENCE.match(masked, a_end)
                or _BACK_REFERENCE_BEFORE.search(masked, 0, a_start)
            )
            for a_start, a_end, act in acts
        )

    def _listed_before(seg: int, f_seg: int, f_start: int, f_end: int, ground: str) -> bool:
        """The mention opens a list of its ground that a lawful statement closes ("turbans,
        hijabs and kippahs can be worn"): each segment up to the statement holds only
        mentions of that ground, with no act before the statement."""
        if any(seg <= segment(a_start) and a_start < f_start for a_start, _e, _a in acts):
            return False
        for index in range(seg, f_seg + 1):
            s_start, s_end = segment_text(index)
            if index == f_seg:
                s_end = f_start
            own = [m for m in mentions if s_start <= m[0] and m[1] <= s_end]
            if (
                index == f_seg
                and not own
                and not _units(masked[s_start:s_end])
                and not _units(masked[f_end:])
            ):
                continue  # the statement closes the clause alone: "tattoos, piercings – all fine"
            if not own or any(m[3] != ground for m in own):
                return False
            rest = masked[s_start:s_end]
            for m_start, m_end, *_rest in sorted(own, reverse=True):
                rest = rest[: m_start - s_start] + rest[m_end - s_start :]
            if _units(rest) > 2:
                return False
        return True

    # A question mark asks about everything its clause names, when nothing in it is a frame:
    # "has anyone in your family had heart disease, cancer or diabetes?" (but not "do you offer
    # discounts for seniors, students or veterans?").
    stripped = masked.rstrip()
    question = len(stripped) - 1 if stripped.endswith("?") and not frames else -1
    found = []
    for start, end, kind, ground, severity in mentions:
        seg = segment(start)
        span = (start, end)
        own_acts = [
            (
                _gap(masked, span, (a_start, a_end)),
                act,
                a_start < start and not _WEAK_REQUIREMENT.fullmatch(masked[a_start:a_end]),
            )
            for a_start, a_end, act in acts
            if segment(a_start) == seg and not (a_start < end and start < a_end)
        ]
        # An exclusion or preference, or a requirement written before the mention ("must
        # be a practising Christian"), outweighs a frame further away.
        closest_act = min(
            (
                gap
                for gap, act, before in own_acts
                if act in (Act.EXCLUDE, Act.PREFER) or (act == Act.REQUIRE and before)
            ),
            default=None,
        )
        closest_exclusion = min(
            (gap for gap, act, _before in own_acts if act == Act.EXCLUDE), default=None
        )
        preferred = any(act == Act.PREFER for _gap_, act, _before in own_acts)
        lawful = False
        for f_start, f_end, f_kind, f_ground in frames:
            if f_ground and f_ground != ground:
                continue
            overlaps = f_start < end and start < f_end
            inside = start <= f_start and f_end <= end and f_end - f_start < end - start
            f_seg = segment(f_start)
            if overlaps and f_start <= start and end <= f_end:
                lawful = True  # the mention is part of a lawful compound: "女装", "男女不限"
            elif f_kind == Kind.LAWFUL:
                # A lawful statement holds for its segment and those after it in the clause
                # ("regardless of race, religion, sex or age") until a "but".
                lawful = not inside and (
                    (
                        f_seg == seg
                        # "…should be screened out regardless of visa status"
                        and not any(
                            act in (Act.EXCLUDE, Act.PREFER) and end <= a_start and a_end <= f_start
                            for a_start, a_end, act in acts
                        )
                    )
                    or (
                        f_seg < seg
                        and (
                            f_ground
                            or closest_exclusion is None
                            and (
                                not preferred
                                # the statement's own list goes on: "never ask about marital
                                # status, pregnancy or family plans"
                                or all(
                                    _LIST_GOES_ON.match(masked, breaks[k] + 1)
                                    for k in range(f_seg, seg)
                                )
                            )
                        )
                        and not _contrast(masked, f_seg, seg, segment_text)
                    )
                    or (f_seg > seg and _listed_before(seg, f_seg, f_start, f_end, ground))
                    # An affirmative measure for this ground covers the clause it is in: "本岗位为
                    # 残疾人专项招聘岗位,持证人员优先录用,…按比例就业".
                    or (
                        f_seg > seg
                        and f_ground == ground
                        and ground in _AFFIRMATIVE_GROUNDS
                        and closest_exclusion is None
                        and not _contrast(masked, seg, f_seg, segment_text)
                    )
                )
            elif not overlaps and f_seg != seg:
                continue
            elif severity == Severity.WARNING:
                continue  # a signal stays one whoever the team serves
            elif inside:
                # "乙肝患者" in "为乙肝患者提供…", but not in "乙肝患者勿扰", "wheelchair
                # users …, so don't shortlist them" or a phrase.
                lawful = (
                    kind != Kind.PHRASE
                    and closest_exclusion is None
                    and not note  # a note speaks of the person: "wheelchair user – not worth …"
                    and not excluded_later(seg)
                )
            elif note:
                # A note cites customers as its excuse; only "女性客户" stays a customer.
                lawful = f_start >= end and masked[end:f_start].strip() in ("", "的", "'s")
            else:
                gap = 0.0 if overlaps else _gap(masked, span, (f_start, f_end))
                lawful = gap <= _NEAR
                # What a frame is about stays its subject whatever is said of the frame:
                # "knowledge of Western and Chinese horoscopes is a plus".
                subject = (
                    lawful
                    and f_end <= start
                    and _SUBJECT.match(clause, f_start)
                    and not _BREAK.search(masked, f_end, start)
                    and not any(f_end <= a_start and a_end <= start for a_start, a_end, _a in acts)
                )
                if not subject and closest_act is not None and closest_act < gap:
                    lawful = False  # "Mums preferred for our baby-products helpline"
                if closest_exclusion is not None and closest_exclusion <= gap:
                    lawful = False  # "不招乙肝患者"
            if lawful:
                break
        if lawful:
            continue
        if closest_exclusion is None or kind == Kind.TOPIC:
            s_start, s_end = segment_text(seg)
            whole = closest_exclusion is None
            if _NOT_SCORED.search(
                clause, 0 if whole else s_start, len(clause) if whole else s_end
            ) or (
                kind == Kind.TOPIC
                and (
                    _NOT_CONSIDERED.search(clause, s_start, s_end)
                    or _NEGATED_TOPIC.search(masked, s_start, start)
                )
            ):
                continue  # "口音不计分", "不影响录用"; a topic "not considered": "不考虑身高"
        if kind == Kind.PHRASE:
            found.append((ground, severity, start, end))
            continue
        wanted = None if kind == Kind.GROUP else _TOPIC_ACTS
        acted = note
        for a_start, a_end, act in acts:
            if start <= a_start and a_end <= end:
                continue  # the act is a word inside the mention itself
            if (
                wanted is not None
                and act not in wanted
                # "不得信仰宗教": an exclusion right before a topic forbids it (in English "no"
                # before a topic is a request: "no photos please").
                and not (
                    act == Act.EXCLUDE
                    and a_end <= start
                    and not masked[a_end:start].strip()
                    and not masked[a_start:a_end].isascii()
                )
            ):
                continue
            a_seg = segment(a_start)
            if a_seg == seg or (act == Act.ASK and a_start == question):
                acted = True  # a question mark asks about all its clause names
            elif a_seg == seg + 1 and (
                _units(masked[segment_text(a_seg)[0] : a_start]) <= 1
                or not any(segment(m[0]) == a_seg for m in mentions)
            ):
                acted = True  # "已婚已育者,优先考虑"; "…查经祷告会,新进同仁须全员参加"
            elif (
                a_seg == seg - 1
                and kind == Kind.GROUP
                and act in (Act.PREFER, Act.REQUIRE, Act.EXCLUDE)
                and not _WEAK_REQUIREMENT.fullmatch(masked[a_start:a_end])
                and _units(masked[a_end:start]) <= 3
                and not any(a_end <= m[0] and m[1] <= start for m in mentions)
            ):
                acted = True  # adjectives between commas: "looking for a warm, friendly lady"
            elif (
                a_seg > seg
                and act == Act.EXCLUDE
                and _TRAILER.fullmatch(masked, a_end)
                and not any(seg < segment(m[0]) <= a_seg for m in mentions)
            ):
                # A decision closing the clause, with no one else named since: "回族的吃饭还得
                # 单独安排,麻烦,客服中心这边就不要了吧".
                acted = True
            if acted:
                break
        if not acted and kind == Kind.GROUP:
            s_start, s_end = segment_text(seg)
            rest = masked[s_start:start] + masked[end:s_end]
            # A requirement-list entry: "女,大专以上" (not "All parents, regardless of …", nor
            # a negated statement: "不检测乙肝", "no genetic testing").
            acted = (
                _units(rest) <= 2
                and not _UNIVERSAL.search(rest)
                and not _NEGATOR_WORD.search(masked[s_start:start])
                and not _NEGATOR_WORD.search(masked[end:s_end])  # "带地方口音不扣分"
                and not _CANDIDATE.search(rest)  # "候选人45岁": a description, not a requirement
            )
        if acted:
            # Quote the act with the mention when they are written together: "限女性".
            near = [
                (a_start, a_end)
                for a_start, a_end, act in acts
                if segment(a_start) == seg
                and not (a_start < end and start < a_end)
                and _units(masked[min(end, a_end) : max(start, a_start)]) <= 1
                and not _BREAK.search(masked[min(end, a_end) : max(start, a_start)])
            ]
            for a_start, a_end in near[:1]:
                start, end = min(start, a_start), max(end, a_end)
            found.append((ground, severity, start, end))
    return found


# A statement that a fact does not count: for anything named in its clause (when nothing is
# excluded there) …
_NOT_SCORED = re.compile(
    r"不计分|不扣分|不加分|无所谓|不重要|没关系|不取决于|不在[^,，。;；]{0,8}范围|未(?:被)?(?:列入|纳入|计入|作为|考虑|影响)|"
    r"与[^,，。;；]{0,8}无关|\bneither \w+ nor (?:considered|used|scored|rated)\b|"
    r"不计入|不列入(?!考虑)|不纳入|不影响|不作为(?:录用|评分|评价|考核|筛选)|不是筛选条件|"
    r"\b(?:plays? no part|played no part|no part in|not on (?:the|our) scorecard|"
    r"not an? (?:\w+ )?(?:criterion|factor|filter)|doesn't matter|does not matter|"
    r"(?:nobody|no one) cares|"
    r"not scored|not counted|no bearing|zero bearing|nothing to do with|"
    r"(?:does|do|did) not depend on|doesn't depend on|no role|not used (?:in|for)|not a factor|"
    r"never a factor|not part of|no impact|no effect|never (?:came|comes|come) up|not relevant|"
    r"(?:is|are) not on (?:the|our)|"
    r"(?:didn't|did not|doesn't|does not) come up|(?:was|were)(?:n't| not| never) (?:discussed|"
    r"raised|brought up))\b"
)
# … and, for a topic (not a group of people), that it is not considered: "不考虑身高" (but "不考虑
# 女性" excludes women).
_NOT_CONSIDERED = re.compile(
    r"不考虑|未考虑|不看|不问|不计|不涉及|(?:不|不会|唔|唔会|没有?|并无)设|不含|不包括|不包含|"
    r"\b(?:not|never) (?:be )?(?:considered|requested|asked|discussed|"
    r"taken into account|assessed|evaluated|recorded|collected)\b"
)
# A negator right before a topic: "never your date of birth", "no photo", "not the candidate's
# age", "not your family's medical history".
_NEGATED_TOPIC = re.compile(
    r"\b(?:never|not|no)\s+(?:your|their|his|her|the|any|a)?\s*"
    r"(?:[\w-]+'s\s+)?$"
)
# Whose fact a word names: "the candidate's disability", "候选人的宗教信仰".
_POSSESSIVE = re.compile(
    r"(?:\b(?:candidate|applicant|person|employee|hire)'s|\b(?:her|his|their|your))\s+$|"
    r"(?:候选人|应聘者|应征者|求职者|员工)的$"
)
# A verb of demanding right after a word for customers or clients makes them the source of a
# demand, not the people served.
_DEMAND = re.compile(
    r"\s*(?:的|'s)?\s*(?:硬性要求|要求|想要|指定|希望|要|说|instructions?|requests?|requirements?|"
    r"\b(?:wants?|wanted|asked|asks|requires?|required|prefers?|preferred|insists?|insisted|"
    r"says|said|feels|would rather|likes?|loves?|expects?|expected|judge|mind|complain)\b)"
)
# After a word for customers, products or services: a title of a person who works there ("store
# manager", "客户经理") or a number ("item 12"): no one served, nothing sold.
_NOT_A_FRAME = re.compile(
    r"(?:[^\S\n]+\d|\s*(?:managers?|owners?|leads?|directors?|supervisors?|heads?|team leads?)\b|"
    r"\s*(?:经理|主管|店长|负责人|总监|组长))"
)
# Before a word for customers: staff ("team members", "store staff").
_STAFF_BEFORE = re.compile(r"\b(?:team|staff|crew|store|shop|floor)\s+$")
# Knowledge of a subject: "knowledge of Western and Chinese horoscopes".
_SUBJECT = re.compile(
    r"(?:knowledge|experience|familiarity|understanding|expertise|background)\s+"
    r"(?:of|about|with|on|in)\b"
)
# A word saying what a person is, right before a word of a list that needs context: "她是TG",
# "candidate is openly bi".
_COPULA = re.compile(
    r"(?:是|係|\b(?:is|she's|he's|they're|are)(?:\s+openly|\s+from)?|\bopenly)\s*$"
)
# The person a note speaks of: "候选人", "她", "the candidate", "she".
_CANDIDATE = re.compile(
    r"候选人|应聘者|应征者|求职者|面试者|此人|这位|那位|这个人|那个人|那个|这个就|这个也|[他她佢]|"
    r"\b(?:candidates?|applicants?|interviewees?|she|he|her|him|his)\b"
)
_BREAK = re.compile(r"[,，、;；:：()（）\[\]<>《》【】]")
# A word for a person right after a mention: "男的", "女客服", "black candidates".
_PERSON = re.compile(
    r"\s*(?:的|者|人|性|生|士|们|员工|同事|候选人|应聘者|求职者|同学|客服|坐席|销售|前台|主播|员"
    r"|(?:candidates?|applicants?|people|persons?|staff|employees?|workers?|agents?|reps?"
    r"|representatives?|hires?|ones?|guys?|folks?|individuals?|members?|colleagues?|talent)\b)"
)


def _next_to_act(text: str, mention: tuple, acts: list) -> bool:
    """Whether an act is written right beside the mention, nothing but a space between: "限男",
    "男优先", "only men"."""
    start, end = mention[0], mention[1]
    for a_start, a_end, _act in acts:
        if a_start < end and start < a_end or not any(c.isalnum() for c in text[a_start:a_end]):
            continue  # inside the mention, or punctuation ("性别:" is a form label, "she:" none)
        between = text[a_end:start] if a_end <= start else text[end:a_start]
        if not between.strip() or _DETERMINER.fullmatch(between):
            return True
    return False


# Words that may stand between an act and the group it acts on: "avoid the … applicants",
# "贵州的不收".
_DETERMINER = re.compile(
    r"\s*(?:(?:的|\b(?:the|any|all|those|these|a|an|me|us|anyone|anybody|someone|somebody|people|"
    r"candidates?|applicants?|with|from|who|that)\b)\s*){1,3}"
)


# Negation of asking, requiring or rating: "不得询问是否已婚", "外貌不列入评分", "we do not ask
# whether…", "is never assessed". A negator written just before such an act (an adverb or two
# between) cancels it and the acts of the same kinds after it in the segment, until a "but";
# an exclusion or a preference stays one ("不招", "not hiring" are words of their own or
# exclusions, not negated preferences).
_NEGATED_ACTS = frozenset({Act.ASK, Act.REQUIRE, Act.EVALUATE})
_NEGATOR = re.compile(
    r"(?:(?:不得|不会|不能|不可|不应|不该|不准|不要|不必|不用|不再|从不|绝不|从未|请勿|切勿|千万别|"
    r"请别|请不要|禁止|严禁|无需|无须|毋须|毋需|避免|停止|勿|(?<![特区分告识级类个差派鉴辨离道惜送性])别|"
    r"唔会|唔好|唔准|唔可以|唔应该|唔使|唔|"
    r"不|没有|没|未曾)"
    r"(?:向.{0,5}?|对.{0,5}?|据此|以此|因此|借此|主动|直接|刻意|特意|再|去|随意|擅自|私下|"
    r"额外|列入|纳入|计入|作为|进行|以|将|把)?"
    r"(?:作|做|作出|提出|设|设置|有)?(?:任何|什么|特别|特殊|过多)?"
    # A verb of asking or judging that is no act by itself: "别问「有没有男朋友」".
    r"(?:问|打听|询问|过问|追问|评论|议论|提及|猜测|推测|猜)?[\"“”'‘’「」『』]?"
    r"|\b(?:not|never|don't|doesn't|didn't|do not|does not|did not|won't|will not|wouldn't|"
    r"would not|shouldn't|should not|must not|mustn't|cannot|can't|no longer|stop|avoid|"
    r"refrain from|without)"
    r"(?:\s+(?:\w+ly|be|been|being|ever|even|also|going to|have to|need to|to|get|got|one of|"
    r"part of|a|an|the|our|any|used in|used for|counted in|included in))*\s+)$"
)
_NEGATOR_WORD = re.compile(
    r"不得|不会|不能|不可|不必|不用|不再|从不|绝不|请勿|切勿|勿|别|禁止|严禁|无需|无须|避免|停止|不[^限要]"
    r"|\b(?:not|never|don't|doesn't|do not|does not|won't|will not|stop|avoid)\b"
)
# Requirements that are a step of hiring a person, or a role's being open to them: negated, they
# turn the person away ("not to submit", "not open to").
_HIRING_VERB = re.compile(
    r"submit|submitting|send|sending|hire|hiring|shortlist|shortlisting|interview|interviewing|"
    r"consider|considering|progress|proceed|recommend|put forward|open to|open for|available to|"
    r"录用|录取|聘用|考虑|推荐|安排面试|安排复试|安排二面|安排终面"
)
_NEGATION_WINDOW = 16  # characters before an act read for its negator


def _without_negated(text: str, acts: list, mentions: list) -> list:
    """`acts` less those a negator cancels (see `_NEGATOR`); a negator inside a mention
    ("性别" ends in 别) is none."""
    if not acts:
        return acts
    kept = []
    negated_from = None  # the segment start up to which a negation holds, as (start, end)
    for a_start, a_end, act in acts:
        if negated_from is not None:
            start, end = negated_from
            between = text[end:a_start]
            if (
                act in _NEGATED_ACTS
                and not _BREAK.search(between)
                and not _CONTRAST.search(between)
            ):
                negated_from = (start, a_end)
                continue
            negated_from = None
        if act in _NEGATED_ACTS:
            window_start = max(0, a_start - _NEGATION_WINDOW)
            m = _NEGATOR.search(text, window_start, a_start)
            if (
                m
                and not _BREAK.search(m.group())
                and not any(
                    m_start < m.start() + 1 and m.start() < m_end
                    for m_start, m_end, *_r in mentions
                )
            ):
                if _HIRING_VERB.fullmatch(text, a_start, a_end):
                    # "not to submit", "不录用": declining to put a person forward excludes them.
                    kept.append((m.start(), a_end, Act.EXCLUDE))
                    continue
                negated_from = (m.start(), a_end)
                # The negator is no exclusion of its own ("不得" in "不得询问", "not" in "do
                # not ask").
                kept = [k for k in kept if not (m.start() <= k[0] and k[1] <= a_start)]
                continue
            if (
                act == Act.REQUIRE
                and _REQUIREMENT_NOUN.fullmatch(text, a_start, a_end)
                and (start := _negated_list(text, a_start, mentions)) is not None
            ):
                # "不设身高、外貌要求", "no height or weight requirements": the negator stands
                # before the list of what is not required.
                kept = [k for k in kept if not (start <= k[0] and k[1] <= a_start)]
                continue
        kept.append((a_start, a_end, act))
    return kept


_REQUIREMENT_NOUN = re.compile(r"要求|限制|门槛|requirements?|restrictions?|limits?|criteria")
_LIST_NEGATOR = re.compile(r"不设|不作|不做|没有|并无|无|\b(?:no|without)\b")
_LIST_JOINER = re.compile(r"(?:[\s、/&和与及或跟的]|\b(?:and|or|any)\b|任何|特别|特殊)*")


def _negated_list(text: str, a_start: int, mentions: list) -> int | None:
    """Where a negator starts that stands before a list of mentions and then the requirement
    at `a_start`, with nothing but the mentions and words joining them between."""
    start = max(text.rfind(ch, 0, a_start) for ch in ",，;；:：") + 1
    # The list may run on over commas: "we set no looks, height or weight requirements".
    while True:
        for m in _LIST_NEGATOR.finditer(text, start, a_start):
            rest = text[m.end() : a_start]
            inside = [x for x in mentions if m.end() <= x[0] and x[1] <= a_start]
            if not inside:
                continue
            for m_start, m_end, *_r in sorted(inside, reverse=True):
                rest = rest[: m_start - m.end()] + " " + rest[m_end - m.end() :]
            if _LIST_JOINER.fullmatch(rest.replace(",", " ").replace("，", " ")):
                return m.start()
        if start < 2 or text[start - 1] not in ",，":
            return None
        start = max(text.rfind(ch, 0, start - 1) for ch in ",，;；:：") + 1


# A prohibition: a negator of command ("不得", "请勿", "别", "do not", "never") followed, a few
# words on, by a verb of asking, noting, judging or speaking, not of hiring ("别要女的", "avoid
# the … applicants" stay exclusions). It holds to the end of its segment.
_PROHIBITION = re.compile(
    r"(?:不得|严禁|禁止|请勿|切勿|勿|不要|不准|不许|不应|不应该|不该|千万别|请别|(?<![特区分告识级类个差派鉴辨离道惜送性])别|"
    r"避免|杜绝|不可以|不能|不会|从不|绝不)"
    r"[^,，;；:：。!！?？]{0,10}?"
    r"(?:问|询问|打听|追问|过问|提问|提及|提到|提起|谈论|谈及|聊|讨论|评论|议论|开玩笑|玩笑|取笑|起外号|写|填|"
    r"记录|登记|采集|收集|要求|包含|涉及|设置|列入|纳入|作为|考察|评估|评价|评分|打分|扣分|加分|检测|猜测|推测|"
    r"标注|描述|透露|披露|歧视|区别对待|使用|用|以|拿|因|基于|根据|据此|按|按照|依|依据|依照|对|就|向|"
    r"出现|含有|写有|带有|"
    r"附|附上|上传|提交|凭|猜|默认)"
    r"|\b(?:do not|don't|never|must not|mustn't|should not|shouldn't|may not|cannot|can't|"
    r"not allowed to|are not to|is not to|refrain from|avoid|stop|no longer|please don't|"
    r"please do not|bars?|prohibits?|forbids?)(?:\s+\w+ly)?(?:\s+(?:to|be|ever|even|also|make))?\s+"
    r"(?:ask|asking|asked|inquire|inquiring|enquire|enquiring|request|requesting|require|requiring|"
    r"collect|collecting|record|recording|note|noting|write|writing|mention|mentioning|discuss|"
    r"discussing|comment|commenting|joke|joking|use|using|include|including|list|listing|rate|"
    r"rating|rated|score|scoring|scored|assess|assessing|assessed|judge|judging|judged|mark|"
    r"marking|guess|guessing|estimate|estimating|speculate|speculating|assume|assuming|assumptions|"
    r"base|basing|based|"
    r"factor|factored|treat|treating|discriminate|discriminating|store|storing|share|sharing|"
    r"disclose|look at|probe|probing|bring up|raise|raising|pry|prying|query|querying|discussed|"
    r"filter|filtering|screen|screening|sort|sorting|"
    r"mentioned|noted|recorded|raised|included|listed|requested|collected|"
    r"consider(?:ed|ing)? (?:it|this|that|them|these|such)|take (?:it|this|that|them) into account|"
    r"used|used in|taken into account|a factor|part of)\b"
    r"|不(?:采集|收集|登记|记录|询问|过问|打听|查询|核查|检测|检查|要求提供)"
    r"|(?:不|无)(?:用|需要?|必|须)(?:贴|附|提供|上传|填写?)"
    r"|\bno\s*[\"“'‘]"
    # Wording taken out of a text is talked about: "remove 'ladies only' from the JD".
    r"|\b(?:remove|delete|strike out|take out|stop putting|stop using|stop writing|can't say|"
    r"cannot say|can't use|cannot use|can't write|cannot write)\s*[\"“'‘]"
    r"|(?:删掉|删除|去掉|拿掉|改掉|不要再写)\s*[\"“”'‘「『]"
    r"|\bno (?:questions?|small talk|comments?|remarks?|jokes?|assumptions?)"
    r" (?:about|on|regarding)\b"
)


def _prohibitions(text: str) -> list[tuple[int, int]]:
    """Spans from each prohibition to the end of its segment (and of the examples that follow
    it: "…, including family medical history"), and of each quoted wording a note removes."""
    spans = []
    for m in _PROHIBITION.finditer(text):
        # "…family medical history, don't write it down": a pronoun points back to the start.
        start = 0 if _BACK_REFERENCE.match(text, m.end()) else m.start()
        end = len(text)
        for i in range(m.end(), len(text)):
            if (
                text[i] in _SEGMENT_BREAKS
                and not _EXAMPLES.match(text, i + 1)
                and not _LIST_GOES_ON.match(text, i + 1)
            ):
                end = i
                break
            if _CONTRAST.match(text, i) and i > m.end():
                end = i
                break
        spans.append((start, end))
    spans += [m.span() for m in _REMOVED_QUOTE.finditer(text)]
    return spans


# Examples that continue what a prohibition forbids: "…, including family medical history".
_EXAMPLES = re.compile(r"\s*(?:including|such as|e\.g\.|包括|比如|例如)")
# A list that goes on after a comma: "never ask about marital status, pregnancy or family plans".
_LIST_GOES_ON = re.compile(r"\s*(?:[\w'-]+\s+){0,3}?(?:or|and|nor)\s")
# Quoted wording that a note takes out: '"限本地人"这条删掉吧', 'take "female preferred" out of
# row 3', '第8题"是否患有抑郁症"已撤下'.
_REMOVED_QUOTE = re.compile(
    # (a closing quote between two Chinese characters is folded away)
    r"[\"“「『][^\"”」』]{1,40}?[\"”」』]?[^,，。;；\"“「『]{0,8}?"
    r"(?:删掉|删去|已删|删除|必须删|要删|撤下|去掉|拿掉|改掉|\bout of\b|\bremoved\b|\bdeleted\b)"
)


_BACK_REFERENCE = re.compile(r"\s*(?:it|this|that|them|these|此|这些|这个|它)\b")
# A word pointing back written just before an exclusion: "…,这类人别要", "…, those are a no".
_BACK_REFERENCE_BEFORE = re.compile(
    r"(?:这类人?|这种人?|此类人?|这样的人?|\b(?:those|these|such)(?: \w+)?)\s*$"
)


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of one ground, joined when only a word or two without punctuation lies between
    them ("年龄" and "35岁以下" are one wording)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged:
            between = text[merged[-1][1] : start]
            if start <= merged[-1][1] or (_units(between) <= 1 and not _BREAK.search(between)):
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                continue
        merged.append((start, end))
    return merged


_CONTRAST = re.compile(r"\s*(?:但|但是|不过|可是|然而|除了|\bbut\b|\bhowever\b|\bexcept\b)")


def _contrast(text: str, first: int, last: int, segment_text) -> bool:
    """Whether a segment after `first` up to `last` opens with "but"."""
    return any(
        _CONTRAST.match(text, segment_text(index)[0]) for index in range(first + 1, last + 1)
    )


def _pieces(clause: str) -> list[str]:
    if len(clause) <= _MAX_CLAUSE:
        return [clause]
    return [clause[i : i + _MAX_CLAUSE] for i in range(0, len(clause), _MAX_CLAUSE)]


def _localized(message, name: str) -> str:
    english = (translation.get_language() or "").startswith("en")
    return (english and getattr(message, f"{name}_en")) or getattr(message, name)


def _finding(lexicon: Lexicon, ground: str, severity: Severity, quoted: str) -> Finding:
    message = lexicon.message(ground, severity)
    if message is None:
        label = Ground(ground).label if ground in Ground.values else ground
        return Finding(
            rule=f"wording.{ground}",
            severity=severity,
            message=_("%(wording)s涉及%(ground)s，属于歧视性招聘内容。")
            % {"wording": quoted, "ground": label},
        )
    return Finding(
        rule=f"wording.{ground}",
        severity=severity,
        message=_localized(message, "message").replace("{wording}", quoted),
        suggestion=_localized(message, "suggestion").replace("{wording}", quoted),
        basis=_localized(message, "legal_basis"),
    )


def check_wording(text: str, *, lexicon: Lexicon | None = None) -> list[Finding]:
    """One finding per protected ground found in text, at the highest severity found.

    Pass `lexicon` when checking many texts in a row (one stamp query instead of one per text).
    """
    if not text or not text.strip():
        return []
    if lexicon is None:
        lexicon = current_lexicon()
    key = (text, translation.get_language())
    if key in lexicon.memo:
        return list(lexicon.memo[key])
    findings = _check(text, lexicon)
    if len(lexicon.memo) >= lexicon.MEMO_SIZE:
        lexicon.memo.clear()
    lexicon.memo[key] = tuple(findings)
    return findings


def _scan(pattern, folded: bytes, starts: list[int]) -> set[int]:
    """Indexes of the clauses (lines of `folded`, starting at `starts`) where `pattern`
    matches."""
    hit: set[int] = set()
    if pattern is None:
        return hit
    for m in pattern.finditer(folded):
        start, end = m.span()
        first = bisect.bisect_right(starts, start) - 1
        hit.add(first)
        if end - start > 1 and b"\n" in folded[start:end]:  # running over a clause end
            hit.add(bisect.bisect_right(starts, end - 1) - 1)
    return hit


_LINE_BREAK = re.compile(b"\n")
# What may follow a decision at the end of a clause: the step of hiring it declines ("先别约复试",
# "not a long-term hire", "don't book the final round"), then particles, emoji, "for now".
_TRAILER = re.compile(
    r"(?:\s*(?:(?:a|an|the|her|him|them|for|to|in|into|给|约|安排|进|排)\s*){0,2}"
    r"(?:[\w-]+\s+){0,2}(?:hire|fit|match|interviews?|interviewing|round|offer|call ?back|"
    r"shortlist|"
    r"contract|role|job|position|account|team|desk|counter|line|shift|store|branch|"
    r"复试|面试|二面|三面|终面|笔试|offer|下一轮|第[二三]轮|[二三]轮))?"
    r"[\s了吧啦啊呀哈嘛咯喔哦噢啰罗喇囉先算他她佢\W]*"
    r"(?:\b(?:(?:on\s+)?(?:him|her|them)|for now|then|thanks|please|pls|lol|tbh|sorry|i think|imo)"
    r"\b[\s\W]*)*"
)
_PIECE = re.compile(r"[^,，;；–—]+")


def _verdict_lines(clauses: list[str], lines: list[int], wanted: set[int], lexicon) -> set[int]:
    """Lines of `wanted` where a clause or a part of one between commas is a verdict: an
    exclusion and at most a word besides ("Reject.", "so decline", "不推荐", "pass吧"), whatever
    exclusions the lists hold. Such a line is a note on the candidate it names."""
    found: set[int] = set()
    if lexicon.acts is None or not wanted:
        return found
    exclude = {i for i, tag in enumerate(lexicon.act_tags) if tag[0] == Act.EXCLUDE}
    # Lines that speak of a candidate ("候选人", "she"), found once per clause.
    about_candidate = {
        line
        for clause, line in zip(clauses, lines, strict=False)
        if line in wanted and _CANDIDATE.search(clause)
    }
    for clause, line in zip(clauses, lines, strict=False):
        if line not in wanted or line in found:
            continue
        for piece in _PIECE.finditer(clause):
            text = piece.group()
            data = text.encode("utf-8")
            spans = [(a, b) for a, b, tag in lexicon.acts.spans(data) if tag in exclude]
            if not spans:
                continue
            rest = data
            for a, b in sorted(spans, reverse=True):
                rest = rest[:a] + b" " + rest[b:]
            if _units(rest.decode("utf-8", "ignore")) <= 1:
                found.add(line)
                break
            # A decision that closes a part of a line about a candidate: "…，还是别考虑了",
            # "…, recommend decline".
            last = max(b for _a, b in spans)
            if line in about_candidate and _TRAILER.fullmatch(
                data[last:].decode("utf-8", "ignore")
            ):
                found.add(line)
                break
    return found


def flagged_clauses(text: str, lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """(original clause, its folded form, "note" / "fair note" / "") for every clause that
    mentions a protected group, topic or phrase or may state an age: one scan of the whole
    folded text.

    A clause is in a note when its line holds an interview-note heading or verdict
    ("面试评价:", "Reject."), in a fair note when that line also says the protected fact
    played no part ("不影响评价")."""
    clauses, lines = split_clauses(text, with_lines=True)
    folded = fold("\n".join(clauses))
    normalized = folded.split("\n")
    if len(normalized) != len(clauses):  # a character folded into a line break
        normalized = [fold(clause).replace("\n", " ") for clause in clauses]
        folded = "\n".join(normalized)
    encoded = folded.encode("utf-8")
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(encoded)]
    hit = _scan(lexicon.trigger, encoded, starts)
    notes: set[int] = set()
    fair: set[int] = set()
    if hit:
        wanted = {lines[i] for i in hit if i < len(lines)}
        # Notes are read only on the lines that hold a mention: on a long text, most do not.
        ours = [i for i, line in enumerate(lines) if line in wanted]
        part = b"\n".join(normalized[i].encode("utf-8") for i in ours)
        part_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(part)]

        def line_hits(pattern) -> set[int]:
            return {lines[ours[i]] for i in _scan(pattern, part, part_starts) if i < len(ours)}

        notes = line_hits(lexicon.note_scan)
        notes |= _verdict_lines(normalized, lines, wanted, lexicon)
        if notes:
            fair = line_hits(lexicon.fair_scan)
    result = []
    for i in sorted(hit):
        if i >= len(clauses):
            continue
        line = lines[i]
        kind = ("fair note" if line in fair else "note") if line in notes else ""
        result.append((clauses[i], normalized[i], kind))
    return result


def _check(text: str, lexicon: Lexicon) -> list[Finding]:
    by_ground: dict[str, dict[str, Severity]] = {}
    flagged = [
        (original, folded, kind)
        for original, folded, kind in flagged_clauses(text, lexicon)
        if kind != "fair note"
    ]
    pieces = [(n, piece) for n, (_o, folded, _k) in enumerate(flagged) for piece in _pieces(folded)]
    reader = _Reader([piece for _n, piece in pieces], lexicon)
    found_by_clause: dict[int, list] = {}
    for index, (n, piece) in enumerate(pieces):
        note = flagged[n][2] == "note"
        found = _analyse(piece, lexicon, note=note, reader=reader, index=index)
        found_by_clause.setdefault(n, []).extend(found)
    for n, (original, folded, kind) in enumerate(flagged):
        note = kind == "note"
        found = found_by_clause.get(n, [])
        if not found:
            continue
        quotes = [(ground, severity, original.strip()[:80]) for ground, severity, _s, _e in found]
        if len(original) <= _MAX_CLAUSE:
            # Quote exactly what was written: the clause's character map, and the clause read
            # again only when the map's form differs from the folded one.
            if len(original) == len(folded):  # folding changed characters, not their places
                norm, origin = folded, range(len(folded))
            else:
                norm, origin = normalize_with_map(original)
            exact = found if norm == folded else _analyse(norm, lexicon, note=note)
            if exact:
                quotes = []
                for ground, severity in dict.fromkeys((g, s) for g, s, _a, _b in exact):
                    spans = [(a, b) for g, s, a, b in exact if (g, s) == (ground, severity)]
                    for start, end in _merge(norm, spans):
                        quote = original[origin[start] : origin[end - 1] + 1].strip()
                        quotes.append((ground, severity, quote))
        for ground, severity, quote in quotes:
            wordings = by_ground.setdefault(ground, {})
            if len(wordings) < 50 and quote:
                wordings.setdefault(quote, severity)
            elif not wordings:
                wordings[original.strip()[:80]] = severity

    findings = []
    order = list(Ground.values)
    for ground in sorted(by_ground, key=lambda g: order.index(g) if g in order else len(order)):
        hits = by_ground[ground]
        top = min(_SEVERITY_RANK[severity] for severity in hits.values())
        severity = next(s for s in hits.values() if _SEVERITY_RANK[s] == top)
        wordings = [quote for quote, s in hits.items() if _SEVERITY_RANK[s] == top][:5]
        quoted = _("、").join(_("「%(wording)s」") % {"wording": w} for w in wordings)
        findings.append(_finding(lexicon, ground, severity, quoted))
    return findings
