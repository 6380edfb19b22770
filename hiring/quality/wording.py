"""Quality rule: discriminatory or unlawful wording in hiring requirements.

A requirement must not restrict or prefer candidates by gender, age, marital or
childbearing status, ethnicity, household registration or origin, appearance,
health unrelated to the job, or disability (《就业促进法》《妇女权益保障法》
《残疾人保障法》《就业服务与就业管理规定》).

How it works:

1. ``normalize`` folds the evasions people use (spacing and punctuation between
   characters, full-width forms, traditional characters, Chinese numerals) into
   one plain, lowercase form, keeping a map back to the original characters so
   a finding can quote exactly what the user wrote.
2. Lawful look-alikes ("性别不限", "all genders welcome", "年满18周岁" …) are
   masked out.
3. One small table of patterns per category is matched against the rest; each
   category that matches yields one ``Finding``.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .findings import Finding, Severity

# --------------------------------------------------------------------------
# Normalization
# --------------------------------------------------------------------------

# Traditional (and a few variant) forms of the characters the patterns use.
# Deliberately small: only characters that differ and cannot be mistaken.
_TRADITIONAL = (
    "戶户戸户體体躰体優优歲岁嵗岁齡龄漢汉無无殘残歷历帶带攜携擾扰謝谢絕绝證证"
    "顏颜質质氣气輕轻婦妇媽妈寶宝單单離离異异獨独養养劃划計计產产懷怀農农業业"
    "縣县區区僅仅當当條条適适標标準准頭头髮发靚靓帥帅麗丽臉脸個个內内於于為为"
    "爲为與与時时數数兩两點点國国廣广東东陝陕雲云遼辽寧宁貴贵肅肃灣湾臺台鄉乡"
    "鎮镇們们請请須须應应屆届畢毕結结傳传檢检驗验陰阴陽阳愛爱礙碍視视聽听聾聋"
    "啞哑腳脚錄录聲声經经處处裝装嬰婴慶庆諮咨詢询稱称碼码問问題题鐘钟語语話话"
    "屬属別别較较紀纪後后過过員员歡欢淨净癇痫癲癫滿满維维壯壮貫贯長长門门蘇苏"
    "龍龙華华溫温莊庄儀仪學学級级說说對对會会從从來来專专職职務务顧顾狀状況况"
    "態态遺遗腦脑癱瘫瘓痪腎肾強强傷伤藥药醫医療疗紋纹讓让這这麼么錢钱樣样"
    "齊齐鬱郁閒闲閑闲緊紧張张擇择號号線线勞劳動动權权護护險险"
)
_TRADITIONAL_TABLE = str.maketrans(_TRADITIONAL[0::2], _TRADITIONAL[1::2])

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
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

# Spaces and decorative punctuation between two CJK characters ("限 女 性",
# "男-性"), and spaces between CJK and digits ("35 岁"). Clause punctuation and
# brackets are kept: they separate statements ("面向女性，优先…") and carry
# meaning ("客服(女)").
_SEPARATORS = re.compile(
    rf"(?<=[{_CJK}])(?:_|[^\w,;:!?。、()\[\]{{}}<>《》【】\r\n])+(?=[{_CJK}])"
    rf"|(?<=[{_CJK}])[ \t]+(?=\d)|(?<=\d)[ \t]+(?=[{_CJK}])"
)
_NUMERAL_RUN = re.compile(f"[{_NUMERAL_CHARS}]+")
_POSITIONAL = re.compile(
    r"(?:(?P<h>[一二两三四五六七八九])百)?(?P<z>[零〇])?"
    r"(?:(?P<t>[一二两三四五六七八九])?(?P<ten>十))?(?P<u>[一二三四五六七八九])?"
)


def _chinese_number(run: str, before: str, after: str) -> str | None:
    """Arabic digits for a run of Chinese numerals, or None to leave it alone.

    Converted: anything with 十/百 that parses (三十五, 一百六十), digit strings
    of two or more (九五后, 零零后, 一六五) except "three or four" style
    approximations (三四, 两三), and single digits next to 岁/米/斤 (一米六).
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


def _normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The normalized text and, for each of its characters, the index of the
    original character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_TRADITIONAL_TABLE).lower():
            chars.append(c)
            origin.append(i)
    norm = "".join(chars)

    # Strip separators, but never between two Chinese numerals ("二十~三十五岁").
    keep = [True] * len(norm)
    for m in _SEPARATORS.finditer(norm):
        if norm[m.start() - 1] in _NUMERAL_CHARS and norm[m.end()] in _NUMERAL_CHARS:
            continue
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    norm = "".join(c for c, k in zip(norm, keep, strict=True) if k)
    origin = [o for o, k in zip(origin, keep, strict=True) if k]

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
    """Fold the usual evasions so one pattern sees them all.

    NFKC (full-width → half-width), traditional → simplified for the characters
    that matter, Chinese numerals → Arabic, spaces and punctuation inserted
    between CJK characters removed, lowercase.
    """
    return _normalize_with_map(text)[0]


# --------------------------------------------------------------------------
# Pattern building blocks (over the normalized text)
# --------------------------------------------------------------------------


def _any(*words: str) -> str:
    """A non-capturing alternation of regex fragments."""
    return "(?:" + "|".join(words) + ")"


def _words(words: str) -> str:
    """An alternation of space-separated words (or fragments without spaces)."""
    return _any(*words.split())


def _en(*alternatives: str) -> str:
    """An English pattern, bounded by word edges."""
    return rf"(?<![a-z0-9]){_any(*alternatives)}(?![a-z0-9])"


# Words that turn a mention into a restriction, before or after it.
_PRE = "(?<!不)" + _words(
    "仅限 只限 限招 限 只招 仅招 只要 只收 只录用 要求 需要 需 须 必须 招聘 招募 招收 招"
)
_POST = "(?:者|人士|人员|的)?" + _words(
    "优先考虑 优先 勿扰 莫扰 免谈 不要 不考虑 不招 除外 谢绝 慎投 禁止"
)
_NO_LIMIT = _words("不限 无要求 无限制 不作要求 不做要求 均可 皆可")

# A plausible candidate age (16 to 69) with no neighbouring digits.
_N = r"(?<![\d.])(?:1[6-9]|[2-6]\d)(?![\d.])"
# Ages of the people served, not of the candidate: "60岁以上老年客户", "30岁以上高端会员".
_NOT_CUSTOMERS = (
    r"(?![^,;。!?\n\d]{0,3}"
    + _words(
        "老人 老年 长辈 客户 顾客 用户 宝宝 婴 幼 儿童 孩子 小孩 学生 "
        "人群 会员 群体 患者 消费者 朋友 家庭 买家"
    )
    + "(?!经理|专员|代表|顾问|主管|服务|成功))"  # 客户经理 is a job, not a customer
)
_AGE_RANGE = _words("- ~ 至 到 — –")
_AGE_TAIL = (
    rf"(?:\s*周?岁)?(?:\s*{_AGE_RANGE}\s*{_N}\s*周?岁?)?"
    r"(?:\s*(?:及|或)?\s*(?:以下|以内|之内|以上|左右|之间|上下))?"
)
# The rest of a height or weight: "1米6以上", "165cm", "50公斤以下".
_MEASURE_TAIL = (
    r"[\d.]*\s*(?:米\s*\d*)?\s*(?:cm|厘米|公分|m(?![a-z])|斤|公斤|千克|kg)?"
    r"\s*(?:及|或)?\s*(?:以上|以下|以内|左右)?"
)
_MEASURE_EN = r"\d+(?:\.\d+)?\s*(?:kgs?|lbs?|pounds|jin|cm|m|meters?|metres?|ft|feet|inches|in)?"
# 女性, 女生, 女士 …, the synonyms, and a bare 男/女 (but not 女装, 男鞋, 男女 …)
_GENDER = _words(
    "[男女](?:性|生|士|孩子|孩|子|同学|员工|同事|客服|青年|工) "
    "妹子 妹纸 小姐姐 小哥哥 小姐 先生 姑娘 小伙子 小伙 "
    "[男女](?![男女装鞋包款式童婴友神王权方排频])"
)
_GENDER_EN = "(?:female|male|women|woman|men|man|girls?|boys?|ladies|lady|gentlemen)"
_PLACES = _words(
    "河南 河北 山东 山西 湖南 湖北 广东 广西 四川 贵州 云南 陕西 甘肃 "
    "青海 江西 安徽 江苏 浙江 福建 黑龙江 吉林 辽宁 东北 新疆 西藏 "
    "内蒙古 内蒙 宁夏 海南 重庆 天津 北京 上海 台湾 香港 澳门 潮汕 "
    "温州 深圳 广州 杭州 成都 武汉 南京 苏州 西安 郑州 长沙 沈阳 "
    "哈尔滨 青岛 厦门 东莞 农村 外地 外省 本地 本省 本市 当地"
)
_PROTECTED = _words(
    "性别 年龄 年纪 婚否 婚姻状况 婚姻 婚育 生育 民族 户籍 户口 籍贯 地域 身高 体重 外貌 相貌"
)
_PROTECTED_LIST = rf"{_PROTECTED}(?:[、,/和与及]?{_PROTECTED})*"
_PROTECTED_EN = _any(
    "gender|sex|age|marital status|ethnicity|race|origin|hukou|appearance|disability|health status"
)

# Lawful look-alikes, masked before the categories are matched.
_ALLOWED = re.compile(
    _any(
        # 性别不限, 年龄：不限, 性别年龄不限, 不限性别, 不论性别、年龄, 男女不限
        rf"{_PROTECTED_LIST}\s*:?\s*{_NO_LIMIT}",
        rf"(?:不限|不论|不分|无论|不问){_PROTECTED_LIST}",
        r"不限男女|男女不限",
        r"(?:不限|不分)?男女生?(?:不限|均可|皆可|都可|不分|平等|均欢迎|皆宜)?(?=[,;。!?]|$|均|皆|都)",
        # Ages of the people served: "客户年龄分布在25-40岁".
        r"(?:客户|顾客|用户|会员|消费者|买家)的?(?:年龄|年龄段|年龄层)[^,;。!?\n]*",
        # The legal minimum working age is a lawful requirement.
        r"(?:年龄|年纪)?\s*:?\s*(?:要求|须|需|必须|应)?\s*"
        r"(?:年满|满|不低于|不小于|不少于|大于等于)?\s*(?<!\d)1[68]\s*周?岁?\s*(?:及|或)?以上",
        r"(?:年满|满|不低于|不小于|不少于|大于等于)\s*(?<!\d)1[68]\s*周?岁",
        # A young team is not a young candidate.
        r"年轻(?:化|有活力|有朝气|活力)?的?(?:团队|公司|氛围|企业|品牌)|团队(?:氛围)?年轻化?",
        _en(
            r"all genders?(?: welcome)?",
            r"any gender",
            r"(?:gender|sex)[- ]neutral",
            r"both (?:male and female|men and women)",
            r"(?:men and women|male and female)(?: candidates| applicants)? (?:are )?"
            r"(?:equally )?welcome",
            r"(?:gender|age|sex|race|ethnicity)\s*:\s*"
            r"(?:any|not required|no requirement|unlimited|n/?a)",
            rf"(?:regardless of|irrespective of|no matter (?:the|their))"
            rf"(?:\s*(?:,|/|or|and)?\s*{_PROTECTED_EN})+",
            r"any age|all ages|no age (?:limit|requirement)",
            r"all ethnicities|any ethnicity",
            r"equal opportunit(?:y|ies)(?: employer)?",
            r"(?:aged?|over|above)\s*1[68]\s*"
            r"(?:\+|(?:years? old\s*)?(?:or|and) (?:older|above|over))",
            r"at least\s*1[68](?:\s*years?(?: old| of age)?)?",
            r"1[68]\s*\+",
            r"young(?: and \w+)? (?:team|company|startup|brand)",
            r"young (?:customers?|clients?|users?|audience|parents|families)",
        ),
    )
)

# --------------------------------------------------------------------------
# Categories: one small pattern table each.
# --------------------------------------------------------------------------

_PATTERNS: dict[str, list[str]] = {
    "gender": [
        rf"{_PRE}\s*:?\s*(?:是)?\s*{_GENDER}",  # 限女性, 只招女士, 招小姐姐, 要求：女
        rf"{_GENDER}\s*{_POST}",  # 男性优先, 妹子优先, 先生优先
        rf"(?:招聘|招收|录用|员工|人员|岗位|客服)以?{_GENDER}为主",
        r"性别\s*:?\s*(?:要求|限)?\s*:?\s*(?:仅限|限)?\s*[男女](?:性|生|士)?(?![男女])",  # 性别：女
        r"\(\s*(?:限|仅限)?\s*[男女](?:性|生)?\s*\)",  # 客服（女）
        _en(
            rf"{_GENDER_EN}(?:\s+(?:applicants?|candidates?|staff|employees?|agents?))?"
            r"\s+(?:only|preferred|wanted|needed)",
            r"(?:only|must be|should be|preferably|prefer|preference (?:for|to)|hiring|recruiting"
            rf"|seeking)\s+(?:an?\s+)?{_GENDER_EN}(?!')",
            r"gender\s*:\s*(?:female|male|f|m)",
        ),
    ],
    "age": [
        rf"{_N}\s*(?:周?岁)?\s*{_AGE_RANGE}\s*{_N}\s*周?岁{_NOT_CUSTOMERS}",  # 20至35岁
        rf"{_N}\s*周?岁\s*(?:及|或)?\s*"
        + _words("以下 以内 之内 之下 以前 之前 前 内 以上 之上 左右 上下")
        + _NOT_CUSTOMERS,  # 35岁以下
        _words(
            "不超过 不得超过 不能超过 不要超过 不大于 不高于 低于 小于 未满 不满 "
            "最好在 年满 满 大于 超过 高于 不低于 不小于"
        )
        + rf"\s*{_N}\s*周?岁",  # 不超过30岁
        _words("年龄 年纪 岁数")
        + r"(?:要求|限制|限|范围|须|需|应|在|为|最好|不超过|不得超过|不大于|不高于|低于|小于"
        r"|以下|上限|下限|大于|超过|不低于|控制在|介于|:|\s)*" + _N + _AGE_TAIL,  # 年龄18-30
        rf"(?<![\d.])(?:[5-9][05]|00)\s*后(?![台端续勤期面来]){_NOT_CUSTOMERS}(?:{_POST})?",  # 90后
        r"(?:19[5-9]\d|20[01]\d)\s*年?\s*(?:以后|之后|后|以前|之前|前)\s*出生",
        r"出生(?:年份|日期)?\s*(?:在|于)\s*(?:19|20)\d\d",
        r"年轻(?!的?\s*(?:客户|顾客|用户|消费者|群体|人群|妈妈|父母|家庭))|年纪轻|大龄|超龄",
        _en(
            r"(?:under|below|younger than|not older than|no older than|not over"
            rf"|max(?:imum)? age(?: of)?)\s+{_N}"
            r"(?:\s*(?:years?|yrs?)\s*(?:old|of age)|\s*y/?o|(?=\s*(?:$|[,.;:!?)\]])))",
            r"aged?\s*(?:limit|requirement|range|:|between|under|below|max(?:imum)?|up to|from"
            rf"|\s)*{_N}(?:\s*(?:-|–|—|~|to|and)\s*{_N})?"
            r"(?:\s*(?:years?\s*old|yrs?(?:\s*old)?|y/?o))?",
            rf"{_N}\s*(?:-|–|—|~|to)\s*{_N}\s*(?:years?\s*old|yrs?(?:\s*old)?|y/?o)",
            rf"between\s+{_N}\s+and\s+{_N}\s*(?:years?\s*old|yrs?)",
            rf"{_N}\s*(?:years?\s*old\s*)?or\s+(?:younger|under|below|less)",
            rf"(?:over|above|older than|at least)\s+{_N}\s*(?:years?\s*old|yrs?\s*old|y/?o)",
            r"born\s+(?:after|before|in|between)\s+(?:the\s+)?(?:19|20)?\d0'?s",
            r"born\s+(?:after|before|in)\s+(?:19[5-9]\d|20[01]\d)",
            r"post-?(?:80|85|90|95|00)s?|gen(?:eration)?[- ]?z|millennials?",
            # last, so "younger than 35" is quoted whole
            r"young(?:er)?(?! (?:customers?|clients?|users?|audience|children|kids|parents"
            r"|families))",
        ),
    ],
    "marital": [
        _words("已婚 未婚 已育 未育 离异 丧偶 婚否 婚育(?!假) 婚姻(?:状况|状态|情况)")
        + rf"+(?:{_POST})?",  # 已婚已育, 已婚者优先
        _words("生育 婚育 怀孕 备孕 结婚 要孩子 生孩子 生小孩 二胎 三胎")
        + _words("计划 打算 安排 意向 要求 状况 情况"),  # 生育计划
        r"(?:无|没有|暂无|不|暂不|近期不|近期无|(?:近|\d|[一二两三])\s*年内?\s*(?:不|无))\s*"
        + _words("生育 生孩子 生小孩 要孩子 怀孕 备孕 结婚 要二胎 生二胎"),
        _words("宝妈 辣妈 全职妈妈 单身 有孩子 有小孩 孕妇 孕期 哺乳期 怀孕 备孕")
        + rf"(?:女性)?{_POST}",  # 宝妈优先, 孕妇勿扰
        r"(?<!不)(?:限|仅限|只招|只要|要求|需|须|招聘?)\s*(?:宝妈|辣妈|单身)",
        r"孕检|妊娠测试|怀孕测试|验孕",
        _en(
            r"married|unmarried|divorced|marital status|childless",
            r"single(?:\s+(?:applicants|candidates|women|men))?\s+(?:only|preferred)",
            r"(?:no|without)\s+(?:plans?|intention)\s+(?:for|to have)\s+"
            r"(?:children|kids|a baby|babies|pregnancy)",
            r"no (?:children|kids)(?!')",
            r"(?:not|no) (?:currently )?pregnant|pregnancy test",
            r"(?:moms?|mums?|mothers)\s+(?:only|preferred)",
        ),
    ],
    "ethnicity": [
        r"汉族",
        r"(?<!不)(?:限|仅限|只招|只要|要求|需|须)\s*汉人",
        _words("少数民族 维吾尔族 维族 藏族 回族 蒙古族 彝族 壮族 苗族 满族 朝鲜族")
        + rf"(?:人|同胞)?{_POST}",  # 少数民族不要
        r"民族\s*(?::|要求|限)\s*:?\s*(?:汉|[^\s,;。:]{1,3}族)",  # 民族：汉
        _en(
            r"ethnicit(?:y|ies)",
            r"ethnic\s+(?:han|minorit(?:y|ies)|background|groups?|origin)",
            r"han\s+(?:chinese\s+)?(?:only|preferred)",
            r"race\s*:",
        ),
    ],
    "origin": [
        rf"(?:{_PLACES}|城镇|农业|非农|本区|本县|[{_CJK}]{{1,2}}[省市县区])\s*"
        r"(?:户口|户籍|籍贯|常住户口)",  # 本地户口, 限本市户籍
        r"非农|籍贯",
        r"(?:户口|户籍|籍贯|生源地|出生地)\s*:?\s*"
        r"(?:要求|限|须|需|为|在|所在地|必须|优先|限制)",
        rf"(?<!不)(?:限|仅限|只招|只要|要求|需|须|必须|持有|持)\s*(?:{_PLACES})?\s*(?:户口|户籍)",
        r"(?<!不)(?:仅限|只限|限|只招|只要)\s*(?:本地|本市|本省|当地)(?:人|籍|居民)?"
        r"(?!办公|上班|工作|到岗|面试|通勤|培训)",  # 限本地 (but 限本地办公 is a location)
        rf"{_PLACES}(?:人|籍|户口|户籍|老乡)?{_POST}",  # 河南人勿扰, 本地人优先
        rf"(?:谢绝|拒绝|不招|不要|不收)\s*{_PLACES}(?:人|籍)",
        _en(
            r"hukou|household registration|place of origin|native place|hometown\s*:",
            r"(?:locals?|natives?)(?:\s+(?:residents?|people|candidates|applicants))?"
            r"\s+(?:only|preferred)",
            r"local\s+(?:residents?|people|candidates|applicants)\s+(?:only|preferred)",
        ),
    ],
    "appearance": [
        r"(?<!品牌)(?<!公司)(?<!企业)(?<!店铺)(?<!产品)(?:个人)?形象(?:气质)?"
        r"(?:佳|好|良好|端庄|出众|姣好|优雅|较好)",  # 形象气质佳 (but not 品牌形象良好)
        r"形象气质|气质(?:佳|好|出众|优雅|较好|甜美)",
        r"五官(?:端正|标致|精致|清秀)",
        _words(
            "相貌 容貌 长相 外貌 样貌 颜值 面容 貌美 靓丽 帅气 美女 帅哥 肤白 "
            "苗条 高挑 偏胖 肥胖 胖子 过胖 太胖 偏瘦"
        ),
        r"(?:外表|外形)(?:甜美|好|佳|靓丽|出众|端正|清秀|漂亮|条件)",
        r"长得(?:好看|漂亮|帅|美|端正|甜|可爱)|(?:人|外表|年轻|形象)漂亮",
        r"漂亮(?:大方|优先|者优先|女孩|女生|妹子|姑娘)",
        r"身材(?:好|佳|匀称|苗条|高挑|标准|适中|姣好|好看|要求)",
        # 身高160以上, 身高：165cm (but not 身高体重秤)
        r"身高(?!\s*(?:体重)?(?:秤|仪|计|测量))"
        r"(?:要求|须|需|必须|应|在|为|限|不低于|不少于|不矮于|高于|超过|大于|达到|不高于|不超过"
        r"|低于|小于|控制在|最好|:|\s)*"
        rf"(?:\d{_MEASURE_TAIL}|要求|限制|达标|优势|条件|出众)",
        r"体重(?!\s*(?:秤|仪|计|管理|测量))"
        r"(?:要求|须|需|必须|应|在|为|限|不超过|不高于|低于|小于|控制在|最好|:|\s)*"
        rf"(?:\d{_MEASURE_TAIL}|要求|限制|标准|适中|匀称)",
        r"(?<![\d.])1\s*(?:\.\s*[5-9]\d?\s*(?:米|m(?![a-z]))|米\s*[5-9]\d?)"
        r"\s*(?:以上|及以上|左右|以下)",  # 1米6以上
        r"(?<![\d.])1[5-9]\d\s*(?:cm|厘米|公分)",  # 165cm
        _en(
            r"attractive(?!\s+(?:salary|salaries|pay|compensation|package|benefits?|bonus(?:es)?"
            r"|commissions?|offers?|rates?|wages?|prices?|discounts?|remuneration|incentives?"
            r"|career|working|terms))",
            r"good[- ]looking|handsome|photogenic",
            r"(?:good|pleasant|nice) (?:appearance|looks|figure)",
            r"(?:pretty|beautiful) (?:girls?|women|ladies|face|appearance)",
            r"(?:slim|slender) (?:figure|build|body)",
            r"height\s*(?:requirement|of|:|over|above|at least|minimum|min\.?|>=?|\s)*"
            + _MEASURE_EN,
            r"(?:over|above|at least)\s*1\.[5-9]\d?\s*m",
            r"weight\s*(?:requirement|under|below|less than|no more than|max(?:imum)?|:|<=?|\s)*"
            + _MEASURE_EN,
        ),
    ],
    "health": [
        r"乙肝(?!疫苗)|乙型肝炎|大三阳|小三阳|两对半|hbsag",
        r"(?:无|没有|不得有|不能有)\s*(?:任何)?\s*(?:重大|既往|遗传|家族|慢性|传染|精神|严重)?\s*"
        r"(?:疾病史|病史|疾病|传染病|慢性病|遗传病|精神病|病)",  # 无病史
        r"病史|既往史|病毒携带|病原携带|携带者",
        _words(
            "抑郁症 精神病 精神疾病 癫痫 糖尿病 高血压 心脏病 肝病 肺结核 "
            "结核病? 皮肤病 传染病 慢性病 重大疾病"
        )
        + rf"(?:患者|史)?{_POST}",
        r"(?:hiv|艾滋病?)\s*(?:检测)?\s*(?:阴性|合格)|(?:无|非)\s*(?:hiv|艾滋)",
        rf"(?:hiv|艾滋病?)(?:感染者|携带者|患者)?{_POST}",
        _en(
            r"hiv(?:[- ]?(?:negative|positive|free)|[- ]?test(?:ing)?(?! kits?)|\+|-)",
            r"hepatitis(?:[- ]?b)?|hbv",
            r"(?:no|free of|without)\s+(?:any\s+)?(?:history of\s+)?"
            r"(?:illness(?:es)?|diseases?|chronic (?:illness|disease)s?|medical history"
            r"|mental illness|infectious diseases?)",
            r"medical history|(?:disease|illness|virus) carriers?",
        ),
    ],
    "disability": [
        r"(?:身体|四肢|肢体|五官|身心|体格|生理)健全|健全人",  # 身体健全
        r"(?:无|没有|不得有|不能有|非)\s*(?:任何)?\s*"
        r"(?:(?:身体|肢体|生理)(?:残疾|残障|缺陷|残缺)|残疾|残障)",  # 无残疾 (not 产品无缺陷)
        r"身体(?:缺陷|残疾)",
        rf"(?:残疾|残障|聋哑|盲人|视障|听障|肢残|坐轮椅)(?:人)?{_POST}",
        _en(
            r"able[- ]?bodied|physically (?:sound|intact|whole)|not (?:be )?disabled",
            r"(?:no|without)\s+(?:any\s+)?(?:physical\s+)?"
            r"(?:disabilit(?:y|ies)|handicaps?|impairments?)",
            r"disabled (?:people|persons?|applicants|candidates) (?:need not|not|excluded)",
        ),
    ],
}


@dataclass(frozen=True)
class Category:
    key: str
    name: Promise
    reason: Promise
    suggestion: Promise
    pattern: re.Pattern[str]


_TEXTS = {
    "gender": (
        gettext_lazy("性别"),
        gettext_lazy("违反《就业促进法》和《妇女权益保障法》关于男女平等就业的规定"),
        gettext_lazy("删除%(wording)s，改写为岗位真正需要的能力，如“善于倾听、耐心细致”。"),
    ),
    "age": (
        gettext_lazy("年龄"),
        gettext_lazy(
            "年龄与客服岗位的履职能力无关，属于《就业服务与就业管理规定》禁止的歧视性招聘内容"
        ),
        gettext_lazy(
            "删除%(wording)s；如需要经验或排班适应能力，直接写明，如“1年以上客服经验”“能适应倒班”。"
        ),
    ),
    "marital": (
        gettext_lazy("婚育状况"),
        gettext_lazy("违反《妇女权益保障法》关于不得将婚姻、生育状况作为录用条件的规定"),
        gettext_lazy(
            "删除%(wording)s，面试中也不要询问婚育情况；如关注出勤，写明排班要求，如“能适应倒班”。"
        ),
    ),
    "ethnicity": (
        gettext_lazy("民族"),
        gettext_lazy("违反《就业促进法》关于各民族劳动者享有平等劳动权利的规定"),
        gettext_lazy(
            "删除%(wording)s；如岗位需要某种语言能力，直接写明，如“能用维吾尔语接待客户”。"
        ),
    ),
    "origin": (
        gettext_lazy("户籍或地域"),
        gettext_lazy("违反《就业促进法》关于城乡劳动者平等就业、不得设置歧视性限制的规定"),
        gettext_lazy(
            "删除%(wording)s；如需要方言或到岗地点，直接写明，如“会说粤语”“能到本市办公地点上班”。"
        ),
    ),
    "appearance": (
        gettext_lazy("外貌"),
        gettext_lazy("外貌、身高、体重与客服岗位的工作能力无关，属于歧视性招聘内容"),
        gettext_lazy("删除%(wording)s，改写为岗位需要的表现，如“表达清晰、服务礼貌得体”。"),
    ),
    "health": (
        gettext_lazy("健康状况"),
        gettext_lazy(
            "违反《就业促进法》关于不得以传染病病原携带者为由拒绝录用的规定，"
            "与岗位无关的健康状况不得作为录用条件"
        ),
        gettext_lazy(
            "删除%(wording)s，也不要安排乙肝等与岗位无关的检测；如有法定的健康证要求，写明依据。"
        ),
    ),
    "disability": (
        gettext_lazy("残疾状况"),
        gettext_lazy("违反《就业促进法》和《残疾人保障法》关于残疾人平等就业的规定"),
        gettext_lazy(
            "删除%(wording)s；如岗位确有身体条件要求，写明具体工作内容，"
            "如“能长时间使用电脑和耳麦”。"
        ),
    ),
}

CATEGORIES: tuple[Category, ...] = tuple(
    Category(key, name, reason, suggestion, re.compile(_any(*_PATTERNS[key])))
    for key, (name, reason, suggestion) in _TEXTS.items()
)


# --------------------------------------------------------------------------
# The rule
# --------------------------------------------------------------------------


def _mask_allowed(norm: str) -> str:
    """Blank out lawful look-alikes; commas keep positions and act as clause breaks."""
    return _ALLOWED.sub(lambda m: "," * len(m.group()), norm)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def check_wording(text: str) -> list[Finding]:
    """One ERROR finding per category of discriminatory wording found in text."""
    if not text or not text.strip():
        return []
    norm, origin = _normalize_with_map(text)
    masked = _mask_allowed(norm)
    findings = []
    for category in CATEGORIES:
        spans = [m.span() for m in category.pattern.finditer(masked) if m.end() > m.start()]
        if not spans:
            continue
        wordings: list[str] = []
        for start, end in _merged(spans):
            wording = text[origin[start] : origin[end - 1] + 1].strip()
            if wording and wording not in wordings:
                wordings.append(wording)
        quoted = _("、").join(_("「%(wording)s」") % {"wording": w} for w in wordings)
        findings.append(
            Finding(
                rule=f"wording.{category.key}",
                severity=Severity.ERROR,
                message=_("%(wording)s是%(category)s限制，%(reason)s。")
                % {"wording": quoted, "category": category.name, "reason": category.reason},
                suggestion=str(category.suggestion) % {"wording": quoted},
            )
        )
    return findings
