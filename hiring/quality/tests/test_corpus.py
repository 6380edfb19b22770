"""The labelled corpus: large enough, spread over every ground, and the check meets its target."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hiring.quality.evaluation import CORPUS, combine, evaluate, read_corpus
from hiring.quality.lexicon import current_lexicon
from hiring.quality.models import Ground

pytestmark = pytest.mark.django_db


def test_corpus_is_large_and_covers_every_ground_in_both_languages():
    cases = read_corpus(CORPUS)
    flagged = [c for c in cases if c.expect != "ok"]
    lawful = [c for c in cases if c.expect == "ok"]
    assert len(cases) >= 400
    assert len(flagged) >= 200
    assert len(lawful) >= 200
    per_ground = Counter((c.ground, c.language.split("-")[0]) for c in flagged)
    for ground in Ground.values:
        for language in ("zh", "en"):
            assert per_ground[(ground, language)] >= 5, (ground, language)
    assert {c.ground for c in cases} <= set(Ground.values) | {"none"}
    assert len({c.text for c in cases}) == len(cases), "duplicate texts"


def test_the_check_meets_its_target_on_the_corpus():
    tallies = evaluate(read_corpus(CORPUS), lexicon=current_lexicon())
    total = combine(list(tallies.values()))
    assert total.recall >= 0.98, [(c.text, f) for c, f in total.misses]
    assert total.false_alarm_rate <= 0.01, [(c.text, f) for c, f in total.alarms]
    for ground in Ground.values:
        per_ground = combine([t for (g, _lang), t in tallies.items() if g == ground])
        assert per_ground.recall >= 0.9, (ground, [c.text for c, _f in per_ground.misses])


def test_evaluate_command_prints_figures_per_ground():
    out = io.StringIO()
    call_command("check_wording", "--evaluate", str(CORPUS), stdout=out)
    lines = out.getvalue().splitlines()
    for ground in Ground.values:
        assert any(line.split()[:2] == [ground, "zh-Hans"] for line in lines), ground
        assert any(line.split()[:2] == [ground, "en"] for line in lines), ground
    total = next(line for line in lines if line.split()[:2] == ["total", "all"])
    assert "%" in total
    assert lines[-1].endswith("met")


def test_evaluate_command_fails_when_the_target_is_missed(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(
        "error\tgender\tzh\t限女性\n"
        "error\tage\ten\tthe role suits someone who remembers the fax machine\n"
        "ok\tnone\tzh\t3年以上客服经验\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_wording", "--evaluate", str(corpus), "--show-errors", stdout=out)
    assert "missed (line 2, error)" in out.getvalue()
    assert "MISSED" in out.getvalue()


def test_evaluate_command_refuses_a_malformed_corpus(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text("限女性 without columns\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 1"):
        call_command("check_wording", "--evaluate", str(corpus), stdout=io.StringIO())


def test_figures_are_given_per_script_and_language(tmp_path):
    """A line marked plain "zh" counts as Traditional when it is written in Traditional."""
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(
        "error\tgender\tzh\t限女性\n"
        "error\tgender\tzh\t限女性,有呼叫中心經驗\n"
        "error\tgender\tzh-Hant\t男士優先\n"
        "error\tgender\ten\tFemale only\n"
        "ok\tgender\ten\tHelp female customers choose skincare\n",
        encoding="utf-8",
    )
    assert [c.language for c in read_corpus(corpus)] == [
        "zh-Hans",
        "zh-Hant",
        "zh-Hant",
        "en",
        "en",
    ]
    out = io.StringIO()
    call_command("check_wording", "--evaluate", str(corpus), stdout=out)
    rows = {tuple(line.split()[:2]): line.split() for line in out.getvalue().splitlines()}
    assert rows[("gender", "zh-Hant")][1:4] == ["zh-Hant", "2", "2"]
    assert rows[("total", "zh-Hans")][2:4] == ["1", "1"]
    assert rows[("total", "en")][2:7] == ["1", "1", "100.0%", "1", "0"]


@pytest.mark.parametrize("batch", sorted((CORPUS.parent / "batches").glob("batch-*.tsv")))
def test_each_fresh_batch_keeps_its_figures_from_before_tuning(batch):
    before = batch.with_name(batch.stem + ".before.txt")
    assert before.exists()
    figures = before.read_text(encoding="utf-8")
    assert "total" in figures and "zh-Hant" in figures
    assert read_corpus(batch)
