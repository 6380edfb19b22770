"""The lexicon as admins maintain it: word lists and messages in the database, shipped rows
as the fallback; patterns that cannot hang a worker."""

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


def add_words(slug, words):
    word_list = WordList.objects.get(slug=slug)
    word_list.words += "\n" + words
    word_list.full_clean()
    word_list.save()


def test_without_rows_the_shipped_lexicon_still_applies():
    assert not WordList.objects.exists()
    assert rules("限女性") == ["wording.gender"]
    assert current_lexicon().mention_tags


def test_the_fixture_loads_the_same_lexicon_the_fallback_uses(lexicon_rows):
    shipped_rules, shipped_lists = shipped_rows()
    assert WordingRule.objects.count() == len(shipped_rules)
    assert WordList.objects.count() == len(shipped_lists)
    from_db = current_lexicon()
    from_file = build_lexicon(shipped_rules, shipped_lists)
    assert from_db.mentions.pattern == from_file.mentions.pattern
    assert from_db.acts.pattern == from_file.acts.pattern
    assert from_db.frames.pattern == from_file.frames.pattern


def test_reloading_the_fixture_adds_no_duplicates(lexicon_rows):
    count = WordList.objects.count()
    call_command("loaddata", "wording", verbosity=0)
    assert WordList.objects.count() == count


def test_a_group_word_added_in_admin_is_used_with_every_act(lexicon_rows):
    assert rules("须为协议婚人士") == []
    add_words("marital-groups", "协议婚")
    assert rules("须为协议婚人士") == ["wording.marital"]
    assert rules("协议婚人士勿扰") == ["wording.marital"]
    assert rules("你是协议婚吗?") == ["wording.marital"]
    assert rules("为协议婚人士客户推荐旅游套餐") == []  # customers: a lawful frame


def test_a_new_act_applies_to_every_ground(lexicon_rows):
    assert rules("女性投递者敬谢不敏") == []
    add_words("act-exclude", "敬谢不敏")
    assert rules("女性投递者敬谢不敏") == ["wording.gender"]
    assert rules("穆斯林投递者敬谢不敏") == ["wording.religion"]


def test_a_new_lawful_frame_suppresses_its_segment(lexicon_rows):
    assert rules("女性优先,岗位为女性专项计划") == ["wording.gender"]
    add_words("frame-lawful", "专项计划")
    assert rules("女性优先,岗位为女性专项计划") == ["wording.gender"]  # other segment
    assert rules("女性专项计划岗位,女性优先") == ["wording.gender"]  # not before a "but"…
    assert rules("岗位为女性专项计划,女性优先") == ["wording.gender"]  # …nor a preference


def test_a_deactivated_list_stops_matching(lexicon_rows):
    assert "wording.zodiac" in rules("属虎的不要")
    for word_list in WordList.objects.filter(ground="zodiac"):
        word_list.is_active = False
        word_list.save()
    assert "wording.zodiac" not in rules("属虎的不要")


def test_english_words_match_on_word_boundaries_and_plurals(lexicon_rows):
    assert rules("Please submit your CV") == []
    assert rules("A sheet that was submitted yesterday") == []
    assert rules("BMI须在正常范围") == ["wording.appearance"]
    add_words("marital-groups", "spinster")
    assert rules("No spinsters") == ["wording.marital"]
    assert rules("Spinsterhood studies must be cited") == []
    # A word ending in an optional Chinese character is still a whole word without it.
    add_words("gender-identity-groups", "zz的?")
    assert rules("zz的不要") == ["wording.gender_identity"]
    assert rules("zz不要") == ["wording.gender_identity"]
    assert rules("zzt不要") == []


def test_message_is_in_the_users_language(lexicon_rows):
    from django.utils import translation

    with translation.override("en"):
        (finding,) = check_wording("属虎的不要")
    assert "restricts applicants by zodiac sign" in finding.message
    assert "属虎的不要" in finding.message
    assert finding.basis


def test_a_message_row_changed_in_admin_is_used(lexicon_rows):
    rule = WordingRule.objects.get(slug="zodiac")
    rule.message = "{wording}:与能力无关。"
    rule.save()
    (finding,) = check_wording("属虎的不要")
    assert finding.message == "「属虎的不要」:与能力无关。"


@pytest.mark.parametrize("words", ["限(女", "{no_such_list}", "(?<!不)限女"])
def test_a_broken_pattern_is_refused_next_to_its_field(lexicon_rows, words):
    word_list = WordList(slug="broken", kind="group", ground="gender", words=words)
    with pytest.raises(ValidationError) as error:
        word_list.full_clean()
    assert "words" in error.value.message_dict


def test_a_group_needs_its_ground_and_an_act_its_kind(lexicon_rows):
    with pytest.raises(ValidationError) as error:
        WordList(slug="no-ground", kind="group", words="丁克").full_clean()
    assert "ground" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        WordList(slug="no-act", kind="act", words="婉谢").full_clean()
    assert "act" in error.value.message_dict


def test_a_catastrophic_pattern_cannot_hang_the_check(lexicon_rows):
    """`(a+)+$` takes exponential time in a backtracking engine on "aaa…b"; RE2 matches it
    in time linear in the text, so this test ends (a backtracking engine would not)."""
    word_list = WordList(slug="greedy", kind="group", ground="gender", words="(a+)+$")
    word_list.full_clean()
    word_list.save()
    text = "限" + "a" * 20_000 + "b"
    assert rules(text) == []
    assert rules("限" + "a" * 50) == ["wording.gender"]


def test_a_broken_row_written_around_the_form_does_not_stop_the_check(lexicon_rows):
    WordList.objects.create(slug="broken", kind="group", ground="age", words="限(女\n大龄")
    assert rules("限女性") == ["wording.gender"]
    assert rules("大龄勿扰") == ["wording.age"]


def test_a_word_that_needs_context_counts_only_beside_an_act_or_a_person(lexicon_rows):
    WordList.objects.create(
        slug="gender-in-context",
        description="也有别的意思的词",
        kind="group",
        ground="gender",
        needs_context=True,
        words="靓仔",
    )
    assert rules("靓仔优先") == ["wording.gender"]
    assert rules("只要靓仔") == ["wording.gender"]
    assert rules("靓仔们请勿投递") == ["wording.gender"]
    # Elsewhere in the segment an act is not about the word: "靓仔" here is a brand.
    assert rules("熟悉靓仔烧腊的菜单,须有一年经验") == []
