"""The lexicon as admins maintain it: rows in the database, shipped rows as the fallback."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from hiring.quality.lexicon import build_lexicon, current_lexicon, shipped_rows
from hiring.quality.models import WordingRule, WordList
from hiring.quality.wording import check_wording

pytestmark = pytest.mark.django_db


@pytest.fixture
def lexicon_rows(db):
    """The shipped lexicon loaded into the database, the way `make db` loads it."""
    call_command("loaddata", "wording", verbosity=0)


def rules(text):
    return [f.rule for f in check_wording(text)]


def test_without_rows_the_shipped_rules_still_apply():
    assert not WordingRule.objects.exists()
    assert rules("限女性") == ["wording.gender"]
    assert len(current_lexicon().rules) == len([r for r in shipped_rows()[0] if r.is_active])


def test_the_fixture_loads_the_same_rules_the_fallback_uses(lexicon_rows):
    shipped_rules, shipped_lists = shipped_rows()
    assert WordingRule.objects.count() == len(shipped_rules)
    assert WordList.objects.count() == len(shipped_lists)
    from_db = current_lexicon()
    from_file = build_lexicon(shipped_rules, shipped_lists)
    assert [r.pattern.pattern for r in from_db.rules] == [
        r.pattern.pattern for r in from_file.rules
    ]


def test_reloading_the_fixture_adds_no_duplicates(lexicon_rows):
    count = WordingRule.objects.count()
    call_command("loaddata", "wording", verbosity=0)
    assert WordingRule.objects.count() == count


def test_a_new_rule_is_used_by_the_next_check(lexicon_rows):
    assert rules("须为丁克家庭") == []
    WordingRule.objects.create(
        slug="marital-dink",
        ground="marital",
        language="zh",
        pattern="丁克",
        message="{wording}是婚育状况限制。",
    )
    assert rules("须为丁克家庭") == ["wording.marital"]


def test_a_deactivated_rule_stops_matching(lexicon_rows):
    assert "wording.zodiac" in rules("属虎的不要")
    WordingRule.objects.filter(ground="zodiac").update(is_active=False)
    # update() skips auto_now; an admin save sets updated_at, and so does this:
    for rule in WordingRule.objects.filter(ground="zodiac"):
        rule.save()
    assert "wording.zodiac" not in rules("属虎的不要")


def test_a_word_added_to_a_list_is_used_by_every_rule_that_refers_to_it(lexicon_rows):
    assert rules("乌鲁木齐人勿扰") == []
    places = WordList.objects.get(slug="places")
    places.words += "\n乌鲁木齐"
    places.save()
    assert rules("乌鲁木齐人勿扰") == ["wording.origin"]


def test_english_rules_match_whole_words_and_plurals(lexicon_rows):
    WordingRule.objects.create(
        slug="marital-spinster",
        ground="marital",
        language="en",
        pattern="spinster",
        message="{wording}",
    )
    assert rules("No spinsters") == ["wording.marital"]
    assert rules("Spinsterhood studies") == []


def test_message_is_in_the_users_language(lexicon_rows):
    from django.utils import translation

    with translation.override("en"):
        (finding,) = check_wording("属虎的不要")
    assert finding.message.startswith("“属虎的不要” restricts applicants by zodiac sign")
    assert finding.basis


@pytest.mark.parametrize(
    ("field", "value"),
    [("pattern", "限(女"), ("pattern", "{no_such_list}"), ("exceptions", "[unclosed")],
)
def test_a_broken_pattern_is_refused_next_to_its_field(lexicon_rows, field, value):
    rule = WordingRule(
        slug="broken", ground="age", language="zh", pattern="年龄", message="{wording}"
    )
    setattr(rule, field, value)
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert field in error.value.message_dict


def test_a_broken_row_written_around_the_form_does_not_stop_the_check(lexicon_rows):
    WordingRule.objects.create(
        slug="broken", ground="age", language="zh", pattern="限(女", message="{wording}"
    )
    assert rules("限女性") == ["wording.gender"]


@pytest.mark.parametrize("words", ["河南\n(湖北", "河南\n{places}", "{no_such_list}"])
def test_a_broken_word_list_is_refused(lexicon_rows, words):
    places = WordList.objects.get(slug="places")
    places.words = words
    with pytest.raises(ValidationError) as error:
        places.full_clean()
    assert "words" in error.value.message_dict
