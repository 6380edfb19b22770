"""Quality rule: discriminatory or unlawful wording in hiring texts.

A requirement, posting or interview question must not restrict or prefer candidates by a
protected ground: gender, gender identity, sexual orientation, marital or childbearing
status, age, ethnicity or race, religion, household registration or regional and national
origin, appearance, health unrelated to the job (such as carrying hepatitis B), disability,
genetic information, or zodiac sign and blood type.

How it works:

1. ``normalize_with_map`` folds the evasions people use (invisible characters, full-width
   forms, traditional characters, spacing, Chinese numerals) into one plain, lowercase
   form, keeping a map back to the original characters so a finding quotes exactly what
   the user wrote.
2. Each rule of the admin-maintained lexicon (``WordingRule``) first masks its lawful
   look-alikes ("性别不限", "老年客户", "all genders welcome" …), then matches its pattern.
3. Each ground that matches yields one ``Finding`` at the highest severity found: an
   exclusion or preference is an error, a soft signal (an age proxy such as "energetic
   young team") a warning.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from .findings import Finding, Severity
from .lexicon import CompiledRule, Lexicon, current_lexicon
from .models import Ground
from .normalize import normalize, normalize_with_map

__all__ = ["check_wording", "normalize"]

_SEVERITY_RANK = {severity: severity.rank for severity in Severity}


def _mask(norm: str, exceptions) -> str:
    """Blank out lawful look-alikes; commas keep positions and act as clause breaks."""
    return exceptions.sub(lambda m: "," * len(m.group()), norm)


def _masked(norm: str, exceptions: tuple, cache: dict[tuple, str]) -> str:
    """The text with every exception masked, reusing the work done for a shared prefix."""
    key = tuple(e.pattern for e in exceptions)
    if key not in cache:
        cache[key] = _mask(_masked(norm, exceptions[:-1], cache), exceptions[-1])
    return cache[key]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _localized(rule: CompiledRule, name: str) -> str:
    english = (translation.get_language() or "").startswith("en")
    return (english and getattr(rule, f"{name}_en")) or getattr(rule, name)


def _finding(rule: CompiledRule, quoted: str) -> Finding:
    return Finding(
        rule=f"wording.{rule.ground}",
        severity=rule.severity,
        message=_localized(rule, "message").replace("{wording}", quoted),
        suggestion=_localized(rule, "suggestion").replace("{wording}", quoted),
        basis=_localized(rule, "legal_basis"),
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


def _check(text: str, lexicon: Lexicon) -> list[Finding]:
    norm, origin = normalize_with_map(text)
    masked: dict[tuple, str] = {(): norm}
    hits: dict[str, list[tuple[CompiledRule, list[tuple[int, int]]]]] = {}
    for rule in lexicon.rules:
        target = _masked(norm, rule.exceptions, masked)
        spans = [m.span() for m in rule.pattern.finditer(target) if m.end() > m.start()]
        if spans:
            hits.setdefault(rule.ground, []).append((rule, spans))

    findings = []
    order = list(Ground.values)
    for ground in sorted(hits, key=lambda g: order.index(g) if g in order else len(order)):
        matched = hits[ground]
        top = min(_SEVERITY_RANK[rule.severity] for rule, _spans in matched)
        at_top = [(r, s) for r, s in matched if _SEVERITY_RANK[r.severity] == top]
        wordings: list[str] = []
        for start, end in _merged([span for _r, spans in at_top for span in spans]):
            wording = text[origin[start] : origin[end - 1] + 1].strip()
            if wording and wording not in wordings:
                wordings.append(wording)
        quoted = _("、").join(_("「%(wording)s」") % {"wording": w} for w in wordings)
        findings.append(_finding(at_top[0][0], quoted))
    return findings
