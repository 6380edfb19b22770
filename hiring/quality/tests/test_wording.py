"""The discriminatory-wording rule: what it flags, what it leaves alone."""

import io
import json

import pytest
from django.core.management import call_command

from hiring.quality.findings import Severity
from hiring.quality.wording import check_wording, normalize

pytestmark = pytest.mark.django_db

FLAGGED = [
    # gender
    ("限女性", "gender"),
    ("男性优先", "gender"),
    ("限 女 性", "gender"),  # spacing
    ("男-性优先", "gender"),  # punctuation
    ("限\u200b女\u200b性", "gender"),  # zero-width spaces
    ("男性優先", "gender"),  # traditional
    ("女生优先，有耐心", "gender"),  # synonym
    ("只招女士", "gender"),
    ("妹子优先", "gender"),
    ("招小姐姐若干名", "gender"),
    ("男生优先（需搬运货物）", "gender"),
    ("先生优先", "gender"),
    ("客服专员（女）", "gender"),
    ("性别：女", "gender"),
    ("性别不限，女性优先", "gender"),  # the allow-list must not hide what follows
    ("Female only", "gender"),
    ("men preferred", "gender"),
    ("ＦＥＭＡＬＥ ＯＮＬＹ", "gender"),  # full-width
    # age
    ("35岁以下", "age"),
    ("３５岁以下", "age"),  # full-width
    ("三十五岁以下", "age"),  # Chinese numerals
    ("年龄不超过三十岁", "age"),
    ("二十至三十五岁", "age"),
    ("年龄18-30", "age"),
    ("年齡35歲以下", "age"),  # traditional
    ("35 岁 以 下", "age"),  # spacing
    ("35岁以下客户经理", "age"),  # a job title, not the customers served
    ("90后优先", "age"),
    ("95后", "age"),
    ("00后优先", "age"),
    ("九五后优先", "age"),
    ("25岁以上", "age"),  # a lower bound above the legal minimum
    ("年轻有活力者优先", "age"),
    ("under 30", "age"),
    ("aged 20–35", "age"),
    ("young and energetic", "age"),
    # marital / childbearing
    ("已婚已育", "marital"),
    ("未婚", "marital"),
    ("无生育计划", "marital"),
    ("宝妈优先", "marital"),
    ("已婚者优先", "marital"),
    ("已婚已育者優先", "marital"),  # traditional
    ("两年内不生育", "marital"),
    ("married, no plans for children", "marital"),
    # ethnicity
    ("汉族", "ethnicity"),
    ("限汉族", "ethnicity"),
    ("限 漢 族", "ethnicity"),  # traditional and spacing
    ("少数民族不要", "ethnicity"),
    ("Ethnicity: Han", "ethnicity"),
    # household registration / origin
    ("本地户口", "origin"),
    ("限本市户籍", "origin"),
    ("限本市戶口", "origin"),  # traditional
    ("非农户口", "origin"),
    ("河南人勿扰", "origin"),
    ("local hukou only", "origin"),
    # appearance, height, weight
    ("形象气质佳", "appearance"),
    ("五官端正", "appearance"),
    ("身高160以上", "appearance"),
    ("身高一米六以上", "appearance"),  # Chinese numerals
    ("身高：１６５ｃｍ", "appearance"),  # full-width
    ("體重50公斤以下", "appearance"),  # traditional
    ("颜值高", "appearance"),
    ("长相甜美", "appearance"),
    ("attractive", "appearance"),
    ("good-looking", "appearance"),
    ("height over 1.6m", "appearance"),
    # health
    ("无乙肝", "health"),
    ("乙肝携带者勿扰", "health"),
    ("无病史", "health"),
    ("無重大疾病史", "health"),  # traditional
    ("HIV negative", "health"),
    # disability
    ("身体健全", "disability"),
    ("身體健全", "disability"),  # traditional
    ("无残疾", "disability"),
    ("able-bodied", "disability"),
    ("no disabilities", "disability"),
    # invisible and formatting characters
    ("年龄\u200b35岁以下", "age"),  # zero-width space
    ("Applicants under\u200b 35", "age"),
    ("限\u2060女\u00ad性", "gender"),  # word joiner, soft hyphen
    ("男\u202e性\u202c优先", "gender"),  # bidi override and pop
    ("f e m a l e only", "gender"),  # letter-spaced English
    ("ｍａｌｅｓ ｏｎｌｙ", "gender"),  # full-width plural
    # English inflections and plurals
    ("Males preferred", "gender"),
    ("Ladies only", "gender"),
    ("Hiring girls for weekend shifts", "gender"),
    ("Divorced applicants need not apply", "marital"),
    # grounds the law names
    ("限生理女性", "gender_identity"),
    ("Transgender applicants need not apply", "gender_identity"),
    ("要求性取向正常", "orientation"),
    ("No gays", "orientation"),
    ("孕期、哺乳期员工勿扰", "marital"),
    ("入职后两年内不得休产假", "marital"),
    ("穆斯林勿扰", "religion"),
    ("Must be a practicing Christian", "religion"),
    ("White applicants preferred", "ethnicity"),
    ("US-born citizens only", "origin"),
    ("无家族病史", "genetic"),
    ("Genetic testing is part of our hiring process", "genetic"),
    ("属虎的不要", "zodiac"),
    ("O型血优先", "zodiac"),
    ("Virgos preferred", "zodiac"),
    # questions asked of candidates
    ("你结婚了吗？", "marital"),
    ("Do you plan to have children?", "marital"),
    ("How old are you?", "age"),
    ("你是哪里人？", "origin"),
    ("Where are you originally from?", "origin"),
]

WARNED = [
    # soft signals: a warning with the reason, not an error
    ("加入年轻有活力的团队", "age"),
    ("Join our energetic young team", "age"),
    ("Recent graduates preferred", "age"),
    ("Ideal for digital natives", "age"),
    ("Native English speaker required", "origin"),
    ("母语为日语", "origin"),
]

LAWFUL = [
    # skills, education, experience, shifts
    "英语六级",
    "打字速度每分钟60字",
    "普通话二级甲等",
    "大专及以上学历",
    "3年以上客服经验",
    "三年以上客服经验",
    "1 year of experience",
    "typing speed 60 wpm",
    "能适应倒班",
    "能接受夜班",
    # explicit "no restriction"
    "性别不限",
    "不限性别",
    "男女不限",
    "性别：不限",
    "年龄不限",
    "年龄：不限，3年以上客服经验",
    "all genders welcome",
    "regardless of gender/age",
    # job content that merely mentions such words
    "母婴用品店客服",
    "为宝妈解答育儿和奶粉问题",
    "女装店铺客服",
    "women's apparel store",
    "为老年客户提供耐心服务",
    "为60岁以上老年客户提供电话回访",
    "负责30岁以上高端会员的VIP服务",
    "客户年龄分布在25-40岁",
    "有医疗器械（血压计、体重秤）客服经验优先",
    "质检确保产品无缺陷",
    "HIV test kits after-sales support",
    "户外用品店铺售后",
    "婚庆公司客服",
    "健康产品咨询",
    "身高体重秤售后咨询",
    "回答孕妇装尺码问题",
    "维护品牌形象",
    "民族服饰店铺客服",
    "联系人：王女士",
    "请联系张先生",
    # numbers that are not ages
    "响应时长30秒内",
    "每天处理50单",
    "35个工作日内完成培训",
    "三十五个工作日",
    "respond in under 30 seconds",
    "handle 50 tickets a day",
    # lawful requirements that sound close
    "年满18周岁",
    "会说粤语优先",
    "能到本市办公地点上班",
    "持有健康证",
    "欢迎残疾人士投递",
    "attractive salary and benefits",
    "享受婚假、产假等法定假期",
    "Paid maternity leave",
    "Support customers aged 65 and over",
    "Our users are mostly young parents",
    "Fluent English (CEFR C1) required",
    "Build native app integrations",
    "Christmas peak season overtime is paid double",
    "为身高165cm体重50kg的客户推荐M码",
    "Customer support for our genetic testing kits",
    "星座主题饰品店客服",
    "We are an LGBTQ+-friendly employer",
    "Trans and non-binary applicants are warmly welcome",
    "We make reasonable adjustments for candidates with disabilities",
]


def _categories(text):
    return [f.rule.removeprefix("wording.") for f in check_wording(text)]


@pytest.mark.parametrize(("text", "category"), FLAGGED)
def test_flags_discriminatory_wording(text, category):
    assert _categories(text) == [category]


@pytest.mark.parametrize("text", LAWFUL)
def test_leaves_lawful_text_alone(text):
    assert check_wording(text) == []


@pytest.mark.parametrize(("text", "category"), WARNED)
def test_soft_signals_are_warnings_with_a_reason(text, category):
    (finding,) = check_wording(text)
    assert finding.rule == f"wording.{category}"
    assert finding.severity == Severity.WARNING
    assert finding.suggestion


def test_an_exclusion_outranks_a_soft_signal_on_the_same_ground():
    (finding,) = check_wording("Join our young team; applicants under 30 only")
    assert finding.severity == Severity.ERROR
    assert "under 30" in finding.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("限 女 性", "限女性"),
        ("男-性优先", "男性优先"),
        ("３５岁以下", "35岁以下"),
        ("ＡＢＣ", "abc"),
        ("男性優先", "男性优先"),
        ("戶口、體重、歲", "户口、体重、岁"),
        ("三十五岁以下", "35岁以下"),
        ("年龄不超过三十岁", "年龄不超过30岁"),
        ("二十至三十五岁", "20至35岁"),
        ("九零后", "90后"),
        ("身高一米六五", "身高1米65"),
        ("五官端正", "五官端正"),
        ("英语六级", "英语六级"),
        ("限女性，35岁以下", "限女性,35岁以下"),
        ("年\u200b龄\u2060３５\u00ad岁", "年龄35岁"),
        ("\u202eFEMALE\u202c", "female"),
        ("年齡體重，乾淨", "年龄体重,干净"),  # OpenCC, not a hand table
        ("m.a.l.e only", "male only"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_one_finding_per_category_even_with_two_matches():
    findings = check_wording("限女性，女生优先")
    assert [f.rule for f in findings] == ["wording.gender"]
    assert "限女性" in findings[0].message
    assert "女生优先" in findings[0].message


def test_two_categories_give_two_findings():
    findings = check_wording("限女性，35岁以下")
    assert sorted(f.rule for f in findings) == ["wording.age", "wording.gender"]


@pytest.mark.parametrize(("text", "category"), FLAGGED[:84:6])
def test_finding_fields(text, category):
    (finding,) = check_wording(text)
    assert finding.rule == f"wording.{category}"
    assert finding.severity == Severity.ERROR
    assert finding.message
    assert finding.suggestion


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("限女性", "限女性"),
        ("客服要求：限 女 性，有耐心", "限 女 性"),
        ("年龄不超过三十岁", "年龄不超过三十岁"),
        ("形象气质佳", "形象气质佳"),
        ("Female only", "Female only"),
        (
            "年龄\u200b35岁以下",
            "年龄\u200b35岁以下",
        ),  # the user's own characters, invisible ones too
        ("體重50公斤以下", "體重50公斤以下"),
    ],
)
def test_message_and_suggestion_quote_the_original_wording(text, wording):
    (finding,) = check_wording(text)
    assert wording in finding.message
    assert wording in finding.suggestion


def test_message_names_category_and_reason():
    (finding,) = check_wording("限女性")
    assert "性别" in finding.message
    assert "就业促进法" in finding.message


def test_blank_text():
    assert check_wording("") == []
    assert check_wording("   ") == []


def test_command_writes_one_json_line_per_non_blank_line():
    out = io.StringIO()
    call_command(
        "check_wording", stdin=io.StringIO("限女性，35岁以下\n\n3年以上客服经验\n"), stdout=out
    )
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["text"] == "限女性，35岁以下"
    assert sorted(f["rule"] for f in first["findings"]) == ["wording.age", "wording.gender"]
    assert all(f["severity"] == "error" and f["message"] for f in first["findings"])
    assert second == {"text": "3年以上客服经验", "findings": []}
    assert "限女性" in lines[0]  # ensure_ascii=False


def test_command_reports_an_undecodable_line_and_goes_on():
    out = io.StringIO()
    stream = io.BytesIO("限女性\n".encode() + b"\xff\xfe broken\n" + "35岁以下\n".encode())
    call_command("check_wording", stdin=stream, stdout=out)
    first, second, third = (json.loads(line) for line in out.getvalue().splitlines())
    assert [f["rule"] for f in first["findings"]] == ["wording.gender"]
    assert second["line"] == 2 and "UTF-8" in second["error"]
    assert "findings" not in second
    assert [f["rule"] for f in third["findings"]] == ["wording.age"]


def test_command_accepts_a_language():
    out = io.StringIO()
    call_command("check_wording", "--language", "en", stdin=io.StringIO("male only\n"), stdout=out)
    (line,) = out.getvalue().splitlines()
    assert [f["rule"] for f in json.loads(line)["findings"]] == ["wording.gender"]


# Who is named, and what is done to them -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the group first and the act after it, or the act first
        ("河南籍求职者恕不录用", "origin"),
        ("恕不录用河南籍求职者", "origin"),
        ("Muslims need not apply", "religion"),
        ("No Muslims", "religion"),
        ("Divorcees will not be considered", "marital"),
        # screening questions and form fields that ask for the fact
        ("Are you married?", "marital"),
        ("婚育状况:____", "marital"),
        ("请注明你的血型", "zodiac"),
        ("你是不是同性恋?", "orientation"),
        # interview notes and scorecard criteria
        ("面试评价:候选人是回族,不推荐", "ethnicity"),
        ("Interview notes: uses a wheelchair. Reject.", "disability"),
        ("Scorecard: attractiveness (1-5)", "appearance"),
    ],
)
def test_a_group_or_topic_with_an_act_in_either_order_is_a_finding(text, category):
    assert category in _categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("年龄35岁以下", "age"),
        ("三十五周岁以内", "age"),
        ("Applicants under 35 only", "age"),
        ("Must be no older than 40", "age"),
        ("1990年以后出生", "age"),
        ("Born after 1995", "age"),
        ("95后优先", "age"),
        ("七年級生優先", "age"),
        ("Gen Z candidates preferred", "age"),
        ("Millennials preferred", "age"),
        ("过了30的就别投了", "age"),
        ("Candidates in their 20s preferred", "age"),
    ],
)
def test_ages_birth_years_and_generations_are_read_as_numbers(text, category):
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Must be at least 18",
        "年满18周岁",
        "18 or older to work night shifts",
        "Respond to tickets in under 30 seconds",
        "3年以上客服经验,35个工作日内完成培训",
        "为60岁以上老年客户提供电话回访",
    ],
)
def test_numbers_that_are_not_age_limits_pass(text):
    assert check_wording(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # negation and notices asking not to disclose
        "入职体检不检测乙肝",
        "We do not ask about marital status",
        "请勿在简历中注明年龄和婚育状况",
        "Please do not include your date of birth",
        # customers, products and services
        "为女性客户推荐护肤品",
        "Support customers aged 65 and over",
        "基因检测产品的售后客服",
        # benefits, accommodation, equal opportunity, affirmative measures
        "享受婚假、产假、陪产假",
        "We make reasonable adjustments for candidates with disabilities",
        "We welcome applicants regardless of religion, sex or age",
        "公司按规定安置残疾人就业",
        # a note that says the fact played no part
        "面试评价:候选人因宗教原因需调班,已安排,不影响评价",
    ],
)
def test_lawful_frames_suppress(text):
    assert check_wording(text) == []


def test_a_lawful_statement_does_not_cover_what_follows_a_but():
    assert _categories("年龄不限,但35岁以上请勿投递") == ["age"]


def test_a_note_is_one_line_of_a_longer_text():
    text = "负责处理客户投诉\n面试备注:沟通流畅,通过\n女性客户居多,需要耐心"
    assert check_wording(text) == []


def test_emoji_zodiac_and_pinyin_slang_are_read():
    assert "zodiac" in _categories("属🐍的不要")
    assert "gender" in _categories("只招mm")


def test_a_long_text_gets_each_ground_once_with_its_wordings():
    text = "\n".join(["限女性"] * 500 + ["负责售后"] * 500 + ["35岁以下"] * 500)
    findings = check_wording(text)
    assert [f.rule for f in findings] == ["wording.gender", "wording.age"]
    assert "限女性" in findings[0].message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Turbans, hijabs and kippahs can be worn with the uniform.", []),
        ("Turbans, hijabs and kippahs are not allowed with the uniform.", ["religion"]),
        ("女，不限学历", ["gender"]),
    ],
)
def test_a_lawful_statement_closing_a_list_covers_the_whole_list(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize("text", ["徵才條件：民國80年次以後出生者", "限85年次以後出生"])
def test_taiwanese_birth_years_are_read_as_an_age_limit(text):
    assert _categories(text) == ["age"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("面试官不得向候选人打听婚育情况", []),
        ("我们从不要求应聘者说明宗教信仰", []),
        ("婚否不作为考核内容", []),
        ("Interviewers must never ask candidates about their religion.", []),
        ("Your age will not be assessed at any stage.", []),
        ("Please don't ask applicants whether they have children.", []),
        # The negation covers its own segment, not an exclusion after it.
        ("面试时不得询问是否已婚，已婚者不予录用", ["marital"]),
        ("Do not ask about religion, but Muslims need not apply", ["religion"]),
        ("有忧郁症病史者请勿应征", ["health"]),
    ],
)
def test_a_negated_question_requirement_or_rating_is_none(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # What a prohibition forbids is talked about, not done.
        ("勿以“限男性”“女士优先”等字眼描述岗位要求", []),
        ("同事之间不得拿性取向开玩笑、起外号", []),
        ("面试问题清单不得包含宗教信仰相关内容", []),
        ("面试评估表里别写星座血型这些", []),
        ('Interviewers: no "do you have a girlfriend?" small talk', []),
        # A prohibition holds to the end of its segment only.
        ("别问她年龄，35岁以上不要", ["age"]),
        # A negator before a verb of hiring is an exclusion, whoever it names.
        ("孕妇请勿投递", ["marital"]),
        ("别要女的", ["gender"]),
        ("Please don't put forward any trans applicants", ["gender_identity"]),
    ],
)
def test_a_prohibition_covers_what_it_forbids(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    "text",
    [
        "对应聘者的身高、长相及体型不作任何要求",
        "带地方口音不扣分",
        "Appearance is not one of our criteria.",
        "候选人45岁，之前做了十年银行客服，经验很匹配，约二面",
    ],
)
def test_a_negation_after_the_mention_or_a_description_of_a_candidate_is_none(text):
    assert _categories(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("她说家里有遗传性耳聋，以后可能听力下降，电话客服还是别考虑了", ["genetic"]),
        ("HR群里说：这个是穆斯林，吃饭都得单独搞，麻烦，换一个。", ["religion"]),
        ("Candidate mentioned she's a Jehovah's Witness, so don't progress.", ["religion"]),
        # A decision about something else, in a line about no candidate, is no note.
        ("穆斯林客户较多的门店，退货申请一律不予通过", []),
    ],
)
def test_a_decision_closing_a_line_about_a_candidate_makes_it_a_note(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Declining to put a person forward turns them away.
        ("Better not to submit anyone who's openly gay for the desk.", ["orientation"]),
        # A word with other senses counts after a word saying what the person is.
        ("HR私聊：这个候选人是TG，业务那边接受不了，就说岗位已招满吧。", ["gender_identity"]),
        ("Avoid the Somali applicants.", ["origin"]),
        # An affirmative measure covers the clause it is written in, for the grounds the law
        # allows one for; an age limit stays one whatever follows it.
        ("本岗位为残疾人专项招聘岗位，持证人员优先录用，支持居家办公", []),
        ("要求28岁以下，有无经验均可", ["age"]),
        # Customer service about the topic.
        ("血型检测试剂盒电商客服：需解答ABO血型自测操作问题", []),
        ("酒类电商客服需年满18周岁，平台规定涉及酒类销售的岗位不能安排未成年人", []),
    ],
)
def test_who_is_named_and_what_is_done_to_them(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A fact that does not count, for whatever the clause names …
        ("候选人入职前告知怀孕，不影响录用及入职日期", []),
        ("候选人口音不计分，只评估表达是否清楚", []),
        # … and a topic not considered; a group "not considered" is turned away.
        ("面试评估不考虑身高、体重和相貌。", []),
        ("Disability status was not considered in the hiring decision.", []),
        ("女性不考虑", ["gender"]),
        # A wording removed from a form is talked about.
        ('Please remove the "presentation/looks" row from legacy scorecards.', []),
        ("公司不会在招聘任何环节询问候选人的性取向", []),
        ("本職缺為全遠端語音客服，無任何外貌要求", []),
    ],
)
def test_a_fact_that_does_not_count_is_none(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    "text",
    [
        # "non" in "non-binary" is no exclusion.
        "All applicants, including trans and non-binary people, are welcome.",
        "We only ask for dates of employment history, never your date of birth.",
        "但公司自身招聘不采集员工任何基因或家族遗传信息",
        # A pattern ending in an optional letter keeps its word boundary: "marks?" is no "marker".
        "You'll help customers update the gender marker on their account after transitioning.",
        'Scorecard update: "sweet/feminine voice" replaced with "clear, friendly tone".',
    ],
)
def test_lawful_lines_about_the_topic_are_none(text):
    assert _categories(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("We serve customers from every background; race plays no part in hiring.", []),
        ("Interviewers: gender is not on the scorecard and must not be discussed.", []),
        ("The candidate's disability was not considered.", []),
        ("Disabled applicants were not considered.", ["disability"]),
        ("简历不用贴照片，我们只看经验", []),
        ("简历筛选系统已屏蔽出生日期和年龄字段。", []),
        ("本公司歡迎各年齡層人士應徵，中高齡者亦歡迎。", []),
        # A count of work is no age.
        ("Must be comfortable handling 40+ chats a day.", []),
        ("40+勿扰", ["age"]),
    ],
)
def test_what_plays_no_part_and_whose_fact_it_is(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # The client as the one who demands is no customer frame.
        ("Must-haves: Female (client request), 2+ yrs inbound CS", ["gender"]),
        # A lawful statement after an exclusion does not cover whom it turned away.
        ("Applicants from Nigeria should be screened out regardless of visa status.", ["origin"]),
        ("35+❌ 别私信了", ["age"]),
        ("在线客服，女163以上，男175以上", ["gender", "appearance"]),
        ("Whether you're married or have kids played no part in our decision.", []),
    ],
)
def test_demands_exclusions_and_limits_written_loosely(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("本次评分只依据模拟通话和打字测试，候选人性别未纳入任何考量。", []),
        ("候选人主动提到需接送孩子，组长确认可调整为早班，与录用决定无关。", []),
        ("老年大学招聘书法课兼职教师", []),
        ("須持有香港註冊護士資格。", []),
        ("经理微信：张婷那个别要了，女生上夜班不方便。", ["gender"]),
        ("Candidate is autistic – not a culture fit.", ["disability"]),
        ("Prefer a female receptionist – clients like hearing a girl's voice.", ["gender"]),
    ],
)
def test_notices_institutions_licences_and_decisions(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("HR chat: skip him, he mentioned he's on antidepressants.", ["health"]),
        ("She just told us she's pregnant, so withdraw the offer.", ["marital"]),
        ("家里有精神病史的不收", ["genetic"]),
        ("招聘启事中不得出现“限男”“限女”等字样，请各门店自查。", []),
        ("Shift allocation does not depend on whether you are a man or a woman.", []),
        ("龙年春节值班，三倍工资🧧", []),
    ],
)
def test_decisions_family_history_and_dates(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A dash joins clauses in chat and notes.
        (
            "She mentioned her BRCA result in small talk – client sees that as a risk, so pass.",
            ["genetic"],
        ),
        ("Bilingual Support Specialist (EN/中文) – female pref.", ["gender"]),
        # A prohibition pointing back with "it" covers what it points to.
        ("If a candidate volunteers family medical history, don't write it down.", []),
        ("评分表不设年龄项，面试官不得以年龄评价候选人", []),
        ("面试评分表：男性+2分", ["gender"]),
    ],
)
def test_dashes_back_references_and_points(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Single applicants preferred due to flexible shift needs.", ["marital"]),
        ("Must be U.S.-born.", ["origin"]),
        ("心理健康状况不在面试考察范围内", []),
        ("We guarantee an interview to disabled applicants who meet the minimum criteria.", []),
        ("Part-time shifts are open to retirees and students alike.", []),
    ],
)
def test_preferences_birthplaces_and_inclusive_offers(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Strong Excel and SQL skills required; Power BI is a plus.", []),
        ("Must be able to lift 25 kg, with or without reasonable accommodation.", []),
        ("He's like 55, he's not going to keep up with our stack. Pass.", ["age"]),
        ("She just got married, she'll be on mat leave. Let's go with the other one.", ["marital"]),
    ],
)
def test_software_loads_and_decisions_in_chat(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A role not open to a group turns it away.
        ("This position is not open to transgender people.", ["gender_identity"]),
        # An exclusion pointing back ("them") acts on the group named before it, even where the
        # group's name holds a word for people served ("users").
        ("Wheelchair users can't manage the stairs here, so don't shortlist them.", ["disability"]),
        ("Wheelchair users are welcome; there are lifts on every floor.", []),
        # A decision with the step of hiring it declines closes a note.
        ("His father had Huntington's — hereditary, not a long-term hire.", ["genetic"]),
        ("候选人是跨性别，怕客户有意见，先别约复试", ["gender_identity"]),
        # A fact that never came up played no part.
        ("Religion never came up; she was rejected for missing the second interview.", []),
        # What is offered to a group, and knowledge of a subject, are no acts on people.
        ("We provide large-print screens for visually impaired agents.", []),
        (
            "Knowledge of Chinese and Western horoscopes is a plus for our astrology app writers.",
            [],
        ),
        # A title ("store manager") and a numbered label ("item 3") serve no one.
        (
            "The role requires a 'born female' candidate, per the store manager.",
            ["gender_identity"],
        ),
        ("Item 3: has either of your parents had cancer?", ["health", "genetic"]),
        ("话务岗，不出镜，对身高外貌无任何要求", []),
        ("皮肤太黑的不考虑", ["ethnicity"]),
    ],
)
def test_open_roles_pointing_back_and_what_is_offered(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A negator before a list of what is not required covers the whole list …
        ("本岗位不设身高、外貌要求", []),
        ("The scorecard has no field for sex or age.", []),
        # … but "无" before each entry is a requirement of each.
        ("无精神病史、无传染病史", ["health"]),
        # A decision closing the clause acts on the group named before it, and in a note a
        # group's own words ("user") are no customers.
        ("回族的吃饭还得单独安排，麻烦，这边就不要了吧", ["ethnicity"]),
        (
            "Wheelchair user – the office has stairs, so probably not worth interviewing.",
            ["disability"],
        ),
        ("Candidate 2 is pregnant – let's just tell her the role was filled.", ["marital"]),
        # "不看" before a topic leaves it out; after a group it turns the group away.
        ("面试不看长相", []),
        ("40岁以上的不看", ["age"]),
        ("GINA bars asking about family medical history.", []),
    ],
)
def test_negated_lists_closing_decisions_and_cover_stories(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("入职体检不检查乙肝项目", []),
        ("简历中请勿附照片", []),
        ("女性请勿投递", ["gender"]),
        ("他说之前得过癌症，稳妥点选别人吧", ["health"]),
        ("候选人是原住民，先保留", ["ethnicity"]),
    ],
)
def test_checks_not_made_photos_not_asked_for_and_quiet_decisions(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Wording taken out of a text is talked about, not used.
        ('Pls remove "ladies only" from the JD before it goes live.', []),
        # Cantonese negators cancel a question as Mandarin ones do.
        ("我哋唔會問應徵者嘅性別認同", []),
        # What staff may do is a benefit.
        ("女性同仁夜班下班可搭乘公司接駁車", []),
        # Ages written with a comparison sign.
        ("年龄≤32，大专及以上", ["age"]),
        ("年龄≥18周岁", []),
        # Declining to send or shortlist people turns them away; a country keeps its article.
        ("Client asked us not to send Black riders to their building.", ["ethnicity"]),
        ("Please send black and white copies of your ID.", []),
        ("Let's not shortlist anyone from the Philippines again.", ["origin"]),
        # A statement closing a list on its own covers the list; one about something else not.
        ("Tattoos, piercings, dyed hair – all fine.", []),
        ("工作轻松，适合女孩子，无需加班", ["gender"]),
        ("兔年团建报名表已发群里，自愿参加", []),
    ],
)
def test_removed_wording_cantonese_negators_and_comparison_signs(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Spaces between Chinese words separate the fields of a row; between single characters
        # they are decoration.
        ("前台接待 身高165cm以上 五官端正", ["appearance"]),
        ("大客户销售经理 性别:男 学历:本科", ["gender"]),
        ("限 女 性", ["gender"]),
        ("女性客户 优先接待", []),
        # Adjectives between commas keep the act with its group …
        ("Looking for a warm, friendly lady for our front desk.", ["gender"]),
        # … but not with a topic of the job.
        ("医院检验科招聘技师，负责血型鉴定与交叉配血", []),
        # A score out of five or ten makes a line a rating.
        ("Strong foreign accent. Communication 2/5.", ["origin"]),
    ],
)
def test_fields_separated_by_spaces_adjectives_and_scores(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Ages said in passing: "都快40了", a two-digit birth year "85年的".
        ("这个简历85年的，都快40了，算了", ["age"]),
        ("已经做了3年了，都快熟练了", []),
        # "所有" says who a requirement is for; it is no lawful statement by itself.
        ("所有录用人员须提供HIV阴性证明。", ["health"]),
        ("Note to recruiters: don't filter CVs by hukou.", []),
        ("Pride month: the support team is volunteering at the parade, everyone welcome!", []),
        ("排班可配合員工宗教節日調整，請提前告知主管", []),
        ("Pls check with candidates if they're planning a baby before round 2.", ["marital"]),
    ],
)
def test_ages_in_passing_requirements_for_all_and_events(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A dash between numbers is a range, not a break; team members are staff.
        ("We're after team members aged 18–25 for the flagship store.", ["age"]),
        # A question mark asks about all its clause names.
        (
            "Does anyone in your immediate family have a history of heart disease, cancer or "
            "diabetes?",
            ["health", "genetic"],
        ),
        # A decision with the role it closes: "go with the other one for the contract".
        (
            "She's just got married, so kids are on the cards. Go with the other one for the "
            "12-month contract.",
            ["marital"],
        ),
        # Wording that may not be said is talked about.
        ('Job posts can\'t say "male only" anymore.', []),
        ("不要凭声音猜客户是先生还是女士", []),
        ("Agency brief: no candidates from Anhui or Henan.", ["origin"]),
    ],
)
def test_ranges_questions_roles_and_wording_that_may_not_be_said(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "ts" is a word; the "ts" of "TST" is none.
        ("Shift covers tour groups at our TST flagship – Putonghua essential.", []),
        # A test's pass mark is no age; a score against an age is one.
        ("Pls make sure all candidates pass the Versant test (min 58) before endorsing.", []),
        ("Scorecard: deduct 3 points for candidates over 45.", ["age"]),
        ("Pls avoid hiring JWs, they won't do the Xmas promos.", ["religion"]),
    ],
)
def test_short_words_pass_marks_and_avoided_hires(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A blank to fill in asks for what its label names.
        ("血型：____ 星座：____（必填）", ["zodiac"]),
        ("提醒各位面试官：年龄不是筛选条件。", []),
        ("Uniform policy: headscarves, turbans and kippahs are all welcome.", []),
    ],
)
def test_blanks_to_fill_in_and_what_is_not_a_criterion(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Quoted wording a reviewer takes out is talked about, not used …
        ('"限本地人"这条删掉吧，改成"熟悉本市区域优先"', []),
        ('JD里"30岁以下"已删，改成"1年以上客服经验"', []),
        ('Reviewer note: please take "female preferred" out of row 3.', []),
        # … while the same wording in use is flagged.
        ("限本地人，熟悉本市区域优先", ["origin"]),
        # A prohibition covers the examples that follow it.
        (
            "GINA reminder: managers must not request or use genetic information, including "
            "family medical history.",
            [],
        ),
    ],
)
def test_wording_a_reviewer_removes_and_examples_of_what_is_forbidden(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A lawful statement's own list goes on past a comma …
        (
            "We never ask about marital status, pregnancy or family plans at any stage of the "
            "hiring process.",
            [],
        ),
        # … but a new statement after it is read on its own.
        ("We never ask about marital status, but we prefer single candidates.", ["marital"]),
        ("审批意见：“无宗教信仰”这条必须删，招聘不能问信仰", []),
    ],
)
def test_lists_after_a_lawful_statement_and_wording_that_must_go(text, flagged):
    assert _categories(text) == flagged


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a decision naming its object closes a note on the candidate named before it
        ("Candidate is trans. Customers might mind, so we're passing on her.", "gender_identity"),
        # "佳" right after a group prefers it
        ("處女座、摩羯座佳", "zodiac"),
        ("女性佳", "gender"),
        # a country and where someone came from
        ("他是越南來的，老闆說就算了", "origin"),
    ],
)
def test_decisions_preferences_and_countries_of_origin(text, category):
    assert _categories(text) == [category]


@pytest.mark.parametrize(
    "text",
    [
        "越南来的客户很多，需要耐心解答",
        "本公司招聘唔會設性別限制",
        "我们不会设年龄限制",
        "最佳服务奖",
    ],
)
def test_customers_from_abroad_and_limits_not_set_pass(text):
    assert check_wording(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a negator before a list that runs on over commas covers the whole list
        "On camera two hours a day; we set no looks, height or weight requirements.",
        # "不得按…筛" forbids screening by it
        "招聘专员不得按毕业年份或年龄筛简历",
        "Scorecard reminder: do not estimate or record the candidate's age.",
    ],
)
def test_lists_not_required_and_screening_forbidden_pass(text):
    assert check_wording(text) == []


def test_a_list_required_over_commas_is_still_flagged():
    assert _categories("We require good looks, height over 170 cm or a slim build.") == [
        "appearance"
    ]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "要" right before a group requires it
        ("机坪协调岗要男的", "gender"),
        ("外教顾问要白人", "ethnicity"),
        ("Scorecard item: Facial features / overall look (1–5).", "appearance"),
        ("申請表：您目前是否正在服用任何精神科藥物？□是 □否", "health"),
    ],
)
def test_wanting_a_group_and_asking_about_medication(text, category):
    assert _categories(text) == [category]


@pytest.mark.parametrize(
    "text",
    [
        "Able to handle 60+ inbound calls per shift",
        "Typing speed of 60+ characters per minute",
        "需要耐心解答顾客的问题",
    ],
)
def test_counts_of_calls_and_characters_are_no_ages(text):
    assert check_wording(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a decision declining the next round closes the clause on the group named before it
        ("應徵者是南亞裔，前台唔太適合，唔好約第二輪。", "ethnicity"),
        ("ATS filter request: prioritise male candidates for the night shifts.", "gender"),
        ("請確認應徵者的生理性別，與證件不符的一律不考慮。", "gender_identity"),
        ("面試評語：右手不太方便，打字應該很慢，直接淘汰。", "disability"),
    ],
)
def test_next_rounds_priorities_and_checks_on_a_fact(text, category):
    assert _categories(text) == [category]
