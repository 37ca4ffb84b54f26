"""Every pattern ingest uses, in one place, each with examples.

The patterns follow the conventions of Chinese official documents (GB/T 9704
layout, the numbering levels 一、 （一） 1. （1）, the 文号 form
``机关代字〔年份〕序号``, and the wording of responsibility statements), never
names taken from a particular city. Chinese has no spaces, so boundaries are
written with explicit character classes below rather than ``\\b``.

The patterns run on text that ``clean`` has normalised: traditional
characters read as simplified, markdown marks removed. Brackets are *not*
normalised there, so patterns accept full-width and half-width forms.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- classes
#: CJK ideographs (BMP blocks used by official text, plus compatibility).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Chinese numerals as used in labels and dates (〇 and 零 both appear).
CN_DIGITS = "零〇一二三四五六七八九十百千两"
#: Opening and closing round brackets, full- and half-width.
OPEN = "（("
CLOSE = "）)"
#: Characters that close a sentence; a paragraph ending in one is complete.
SENTENCE_END = "。！？；!?;"

# ---------------------------------------------------------------- labels
#: Numbering labels at the start of a paragraph, by level (GB/T 9704 §7.3.3
#: gives 一、 （一） 1. （1）; regulations use 第N章 / 第N条).
#: Each entry is (level, pattern). Lower level = higher in the tree.
#:
#: >>> LABEL_PATTERNS[2][1].match("（十二）推进文化产业园区建设").group("label")
#: '（十二）'
#: >>> LABEL_PATTERNS[3][1].match("10. 加强人才队伍建设").group("label")
#: '10.'
#: >>> LABEL_PATTERNS[3][1].match("2.5微克") is None
#: True
LABEL_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^(?P<label>第[{CN_DIGITS}\d]+[章编])\s*")),
    (1, re.compile(rf"^(?P<label>第[{CN_DIGITS}\d]+条)\s*")),
    (2, re.compile(r"^(?P<label>[一二三四五六七八九十]+)\s*[、．.](?!\d)\s*")),
    (3, re.compile(rf"^(?P<label>[{OPEN}]\s*[一二三四五六七八九十]+\s*[{CLOSE}])\s*")),
    (4, re.compile(r"^(?P<label>\d{1,3})\s*[.．、](?![\d％%])\s*")),
    (5, re.compile(rf"^(?P<label>[{OPEN}]\s*\d{{1,3}}\s*[{CLOSE}])\s*")),
    (6, re.compile(r"^(?P<label>[①-⑳])\s*")),
]
# Chapters (0) and articles (1) sit above 一、 in regulations; 一、 sits above
# （一） and so on. A document that skips a level still nests correctly because
# the tree is built with a stack ordered by these levels.

#: A label alone is not a clause when what follows looks like a number
#: (``1. 5万元``) or a date; ``label_of`` checks the remainder with this.
LABEL_NOT_TEXT = re.compile(r"^[\d%％]")

# ---------------------------------------------------------------- 文号
#: A document number (文号) as printed: 机关代字 + 〔year〕 + 序号 + 号.
#: Other brackets and stray spaces are accepted and normalised later.
#:
#: >>> DOC_NUMBER.search("焦政办〔2023〕45号").group(0)
#: '焦政办〔2023〕45号'
#: >>> DOC_NUMBER.search("菏政办字 〔2023〕1号").group("agency")
#: '菏政办字'
#: >>> DOC_NUMBER.search("京政办发[2016]26号").group("year")
#: '2016'
DOC_NUMBER = re.compile(
    rf"(?P<agency>[{CJK}][{CJK}A-Za-z]{{0,11}}?)\s*"
    r"[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]\s*"
    r"第?\s*(?P<seq>\d{1,5})\s*号"
)
#: A paragraph that is nothing but a 文号 (the line under a notice's title).
DOC_NUMBER_LINE = re.compile(rf"^\s*{DOC_NUMBER.pattern}\s*$")
#: Numbers of laws and orders printed without a year bracket.
#:
#: >>> ORDER_NUMBER.search("（国务院令第755号）").group(0)
#: '国务院令第755号'
ORDER_NUMBER = re.compile(rf"[{CJK}]{{1,12}}令第\s*\d+\s*号")
#: A government order's header (政府令): ``焦作市人民政府令`` then ``第 15 号`` on its own line.
ORDER_HEADER = re.compile(rf"^(?P<body>[{CJK}]{{2,20}}?(?:人民政府|政府))\s*令$")
ORDER_SERIAL = re.compile(rf"^第\s*(?P<n>[0-9{CN_DIGITS}]+)\s*号$")
#: Standard numbers: GB, GB/T, HJ, JGJ, TSG, DB41/T … with an optional year.
#:
#: >>> STANDARD_NUMBER.search("（GB/T42195—2022）").group(0)
#: 'GB/T42195—2022'
#: >>> STANDARD_NUMBER.search("《加氢站技术规范》（GB 50516）").group(0)
#: 'GB 50516'
STANDARD_NUMBER = re.compile(
    r"(?:GB|GBZ|HJ|JGJ|CJJ|TSG|DB\d{2}|[A-Z]{2,4})(?:/[TZ])?\s?\d+(?:\.\d+)?(?:\s?[—–\-－]\s?\d{4})?"
    rf"|[{CJK}]{{1,3}}标\s?\d+[—–\-－]\d{{4}}"
)

# ---------------------------------------------------------------- dates
#: A full date in Arabic or Chinese numerals.
#:
#: >>> DATE.search("2023年9月8日").group(0)
#: '2023年9月8日'
#: >>> DATE.search("二〇二三年九月八日").group("y")
#: '二〇二三'
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{CN_DIGITS}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日"
)
#: A paragraph that is only a date, possibly in brackets: the signing date.
DATE_LINE = re.compile(rf"^\s*[{OPEN}]?\s*{DATE.pattern}\s*[{CLOSE}]?\s*$")

# ---------------------------------------------------------------- gazette
#: The masthead of a gazette issue: ``焦作市人民政府公报``.
GAZETTE_MASTHEAD = re.compile(rf"^(?P<publisher>[{CJK}]{{2,20}}?(?:人民政府|政府|人民代表大会常务委员会))(?:办公[室厅])?公报$")
#: ``2023年第5号（总第131号）`` or ``2023年第5期（总第131期）``.
GAZETTE_ISSUE = re.compile(
    r"^(?P<year>\d{4})\s*年\s*第\s*(?P<issue>\d{1,3})\s*[号期]"
    rf"(?:\s*[{OPEN}]\s*总第\s*(?P<cum>\d{{1,5}})\s*[号期]\s*[{CLOSE}])?\s*$"
)
#: Table-of-contents heading and entries (dotted leaders or page numbers).
TOC_HEADING = re.compile(r"^目\s*录$")
TOC_ENTRY = re.compile(rf"(?:…{{2,}}|\.{{4,}}|·{{4,}}|[{OPEN}]\d{{1,3}}[{CLOSE}]\s*$)")

# ---------------------------------------------------------------- notices
#: Document types, longest first, so 实施意见 is read before 意见. The genre
#: recorded is the last word (SPEC.md): 实施意见 → 意见, 实施方案 → 方案.
GENRES = (
    "讲话", "通知", "决定", "意见", "办法", "方案", "通报", "批复", "公告", "通告",
    "规定", "细则", "规划", "计划", "措施", "要点", "报告", "纪要", "命令", "函", "令",
)
#: A title ends with a genre word, possibly spaced out (``通 知``).
TITLE_END = re.compile(rf"(?P<genre>{'|'.join(' ?'.join(g) for g in GENRES)})\s*(?:[{OPEN}](?:试行|暂行|修订|修正|草案|征求意见稿)[{CLOSE}])?\s*$")
#: The issuer precedes 关于 in a title: ``焦作市人民政府办公室关于印发…的通知``.
TITLE_ISSUER = re.compile(rf"^(?P<issuer>[{CJK}（）()、\s]{{2,60}}?)\s*关于")
#: A title with its 文号 in brackets on the same line: ``…关于…的通知（焦政〔2023〕5号）``.
TITLE_WITH_NUMBER = re.compile(rf"^(?P<title>.{{4,150}}?)\s*[{OPEN}](?P<number>{DOC_NUMBER.pattern})[{CLOSE}]\s*$")
#: A speech title: ``在全市经济工作会议上的讲话``.
SPEECH_TITLE = re.compile(rf"^[{CJK}\s“”《》（）()·、0-9—-]{{4,80}}(?:上|时|中)的讲话$")
#: The speaker line under a speech title: a 2–4 character name, optionally
#: spaced (``王 伟``), optionally followed by the date in brackets.
SPEAKER_LINE = re.compile(rf"^(?P<name>[{CJK}](?:\s*[{CJK}]){{1,3}})(?:\s*[{OPEN}].*[{CLOSE}])?$")
#: The addressee line (主送机关) ends with a full-width colon.
ADDRESSEE = re.compile(r"^各[^。]{2,120}[：:]")
#: Jurisdiction from a body's name: ``焦作市人民政府办公室`` → 焦作市.
JURISDICTION = re.compile(
    rf"^(?P<j>[{CJK}]{{1,10}}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|区|旗))"
    r"(?:人民政府|政府|委员会|人民代表大会|党委|委员会办公室|[^，。]{0,12}?(?:局|委|办|厅|部|室|院|中心))"
)
#: An attachment list (``附件：1. …``) or the attachment heading (``附件 2``).
ATTACHMENT_LIST = re.compile(r"^[-\s]*附\s*件\s*\d*\s*[：:]")
ATTACHMENT_HEADING = re.compile(r"^附\s*件\s*\d*\s*$")
#: The attached document's own title is announced as 《…》 in the preamble
#: (``现将《…》印发给你们``, ``《…》已经市政府同意``): not a citation.
ATTACHED_TITLE = re.compile(r"《(?P<title>[^《》]{2,120})》\s*(?:已经|已|印发|现印发|经)")
ATTACHED_TITLE_BEFORE = re.compile(r"(?:现将|将|把)\s*《(?P<title>[^《》]{2,120})》")

# ---------------------------------------------------------------- responsibility
#: A labelled responsibility line or segment: ``责任单位：…``. The label
#: decides the role of the units that follow unless they carry a role word.
#:
#: >>> RESPONSIBILITY_LABEL.match("责任单位：市民政局").group("label")
#: '责任单位'
#: >>> RESPONSIBILITY_LABEL.match("牵头单位:市发展改革委").group("label")
#: '牵头单位'
#: >>> RESPONSIBILITY_LABEL.match("牵头：市财政局").group("label")
#: '牵头'
RESPONSIBILITY_LABEL = re.compile(
    r"^\s*(?P<label>(?:责任|牵头|配合|参与|协办|协助|主办|实施|落实)(?:单位|部门)|责任分工|责任主体|分工|牵头|配合|参与|协办|协助)\s*[：:]\s*"
)
#: A labelled time limit after a task (``完成时限：2024年6月底前``): it belongs to the task.
DEADLINE_LABEL = re.compile(r"^\s*[（(]?(?:完成时限|完成时间|时限要求|时间节点|完成期限|办结时限)\s*[：:]")
#: The role each label implies.
LABEL_ROLES = {
    "牵头": "lead",
    "主办": "lead",
    "配合": "support",
    "参与": "support",
    "协办": "support",
    "协助": "support",
    "落实": "implementer",
    "实施": "responsible",
    "责任": "responsible",
    "分工": "responsible",
}
#: A role word at the end of a segment, after its units. Order matters:
#: 负责落实 before 负责, 按职责分工负责 before 负责. ``等`` / ``等部门`` before the
#: role word is allowed and dropped.
#:
#: >>> ROLE_SUFFIX.search("市发展改革委、交通运输局牵头").group("role")
#: '牵头'
#: >>> ROLE_SUFFIX.search("各县（市、区）政府负责落实").group("role")
#: '负责落实'
#: >>> ROLE_SUFFIX.search("焦作海关等按职责分工负责").group("role")
#: '按职责分工负责'
ROLE_SUFFIX = re.compile(
    r"(?:等(?:部门|单位|有关部门|相关部门|相关单位)?)?"
    r"(?P<role>(?:分别|共同|联合|负责)?牵头(?:负责|实施|落实|推进)?"
    r"|(?:负责|具体|抓好|组织)?落实"
    r"|(?:按职责分工|按照职责分工|按职责|按照职责|按分工|按照分工|按职能)?(?:具体|分别|共同)?负责(?:实施|推进)?"
    r"|(?:按职责)?推进实施"
    r"|(?:积极|共同|协同)?(?:配合|参与|协助|协同|支持)"
    r")\s*[。.]?\s*$"
)
#: How each role word is read (SPEC.md; CONTRACT.md).
def role_of_word(word: str) -> str:
    """Map a matched role word to a role name.

    >>> role_of_word("分别牵头"), role_of_word("负责落实"), role_of_word("按职责分工负责")
    ('lead', 'implementer', 'responsible')
    """
    if "牵头" in word:
        return "lead"
    if word.endswith("落实"):
        return "implementer"
    if any(w in word for w in ("配合", "参与", "协助", "协同", "支持")):
        return "support"
    return "responsible"


#: Page furniture glued after a closing bracket by PDF extraction
#: (``…管委会）焦作市人民政府办公室``): a body's name or the gazette's name.
TRAILING_FURNITURE = re.compile(rf"[{CJK}]{{2,16}}(?:人民政府|政府|办公室|办公厅|公报)\s*$")
#: Words that make a bracketed remark a responsibility statement. A
#: parenthetical at the end of a paragraph is read as one only when it
#: contains a label or ends with a role word.
STATEMENT_HINT = re.compile(r"牵头|配合|参与|协助|协同|负责|落实|责任单位|责任部门|牵头单位|分工|推进实施")

#: "The following tasks all involve X, not listed again": X applies to every
#: later task of the notice (``inherited``).
#:
#: >>> m = INHERITANCE.search("以下各项任务均需各县〔市、区〕政府落实，不再列出")
#: >>> m.group("body")
#: '各县〔市、区〕政府落实'
#: >>> INHERITANCE.search("以下均含各县（市、区）政府、市管委会，不再列出").group("body")
#: '各县（市、区）政府、市管委会'
#: >>> INHERITANCE.search("以下各项任务责任单位均包括市财政局").group("body")
#: '市财政局'
INHERITANCE = re.compile(
    r"以下(?:各项|所有|其他|全部)?(?:任务|工作|措施|事项|条款|政策)?(?:的)?(?:责任单位|责任部门)?"
    r"(?:均|都|全部|皆)?(?:需|须|由|含|包含|包括|为|要求)?"
    r"(?P<body>[^。；]+?)\s*(?:[，,]\s*(?:均)?不再(?:逐一|一一|单独|重复)?(?:列出|列明|标注)|[。；]|$)"
)
INHERITANCE_MARK = re.compile(r"(?:本(?:条|项|款|任务|措施)(?:及|和))?以下[^。；]{0,40}?(?:不再(?:逐一|一一|单独|重复)?(?:列出|列明|标注)|均包括|均含|均需|均由)")

#: Declarations that change how later lists are read, for the rest of the
#: document (SPEC.md "Conventions the corpus does not show").
#:
#: >>> bool(FIRST_IS_LEAD.search("排在第一位的为牵头单位"))
#: True
#: >>> bool(FIRST_IS_LEAD.search("列第一位为牵头或汇总单位"))
#: True
FIRST_IS_LEAD = re.compile(r"(?:排在|排|列在|列于|列)?第一(?:位|个)(?:的)?(?:单位)?(?:为|是)牵头")
#: >>> bool(NO_LEAD_MEANS_LEAD.search("无牵头单位的，责任单位即为牵头单位"))
#: True
NO_LEAD_MEANS_LEAD = re.compile(r"(?:无|没有|未明确)牵头单位的[，,]?\s*(?:责任单位|所列单位)?(?:即|均)?为牵头单位")
#: ``X、Y分别牵头``: each of them leads (overrides FIRST_IS_LEAD).
EACH_LEADS = re.compile(r"分别牵头|共同牵头")

# ---------------------------------------------------------------- units
#: Endings of department-like unit names (SPEC.md): these take a shared 市
#: prefix, the others (named outside bodies) are kept as written.
DEPARTMENT_SUFFIX = re.compile(
    r"(?:局|委|办|厅|部|中心|会|室|处|科|队|院|社|所|站|组|馆|署|联|团|委员会|办公室|管委会|支队|大队)$"
)
#: Place names that take a shared trailing word (``中站区、博爱县政府``).
PLACE_NAME = re.compile(rf"^[{CJK}]{{1,12}}(?:市|县|区|旗|镇|乡|街道|示范区|开发区|高新区|新区|园区)$")
#: Trailing words a list can share: ``城乡一体化示范区、开发区管委会``.
SHARED_TAIL = re.compile(r"(?:人民政府|政府|管委会|管理委员会|党委|党工委)$")
#: Collective names: each/all/relevant units rather than one body.
COLLECTIVE = re.compile(r"^(?:各|有关|相关|市直|省直|县直|其他)|成员单位$|各成员单位|相关(?:部门|单位)$|有关(?:部门|单位)$")
#: Governments of a place: ``焦作市人民政府``, ``中站区政府``.
GOVERNMENT = re.compile(r"(?:人民政府|政府|管委会|管理委员会)$")
#: Internal offices and task forces (领导小组办公室, 工作专班).
INTERNAL_OFFICE = re.compile(r"(?:领导小组|指挥部|工作专班|专班|联席会议)(?:办公室)?$")
#: A bracketed alias after a department: ``财政局〔国资委〕`` → 财政局.
BRACKET_ALIAS = re.compile(r"[〔（(\[［](?P<alias>[^〔〕（）()\[\]［］、]{1,12}(?:局|委|办|厅|部|中心|会|室))[〕）)\]］]$")
#: Trailing 等/等部门 after a list item.
TRAILING_ETC = re.compile(r"(?:等(?:部门|单位|有关部门|相关部门|相关单位|单位部门)?|各有关单位)$")
#: ``（以下简称X）``: the text declares a short name for a unit.
SHORT_NAME = re.compile(rf"(?P<full>[{CJK}（）()]{{3,40}}?)[（(]以下简称[“\"]?(?P<short>[{CJK}]{{2,15}})[”\"]?[）)]")

# ---------------------------------------------------------------- deadlines
#: Dated commitments (SPEC.md "deadlines"). Each alternative names its parts;
#: ``deadlines.find_deadlines`` turns a match into the last day of the period.
#:
#: >>> [m.group(0) for m in DEADLINE.finditer("2023年底前，培育不少于2家")]
#: ['2023年底前']
#: >>> [m.group(0) for m in DEADLINE.finditer("2024年10月底前，全面完成")]
#: ['2024年10月底前']
#: >>> [m.group(0) for m in DEADLINE.finditer("2019—2021年，实施")]
#: ['2019—2021年']
DEADLINE = re.compile(
    r"(?P<lead>到|至|截至|截止到|截止|延长至|于|在)?\s*"
    r"(?:"
    r"(?P<range_start>\d{4})\s*(?:年)?\s*(?:[—–\-－~～]|至|到)\s*(?P<range_end>\d{4})\s*年(?![\d])"
    r"|(?P<list>\d{4}(?:\s*[、和]\s*\d{4})+)\s*年"
    r"|(?P<year>\d{4})\s*年\s*"
    r"(?:(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日|(?P<mend>底|末|份|中旬|下旬|上旬)?)"
    r"|(?P<yend>年?底|年末)"
    r"|(?P<half>上半年|下半年)"
    r"|(?P<quarter>第?[一二三四1-4]季度)"
    r")?"
    r")"
    r"(?P<tail>前|之前|以前|止)?"
)
#: Contexts that make a year a start, a baseline or part of a name rather
#: than a deadline: ``2018年7月1日起``, ``较2015年``, ``以2022年…为基准``.
DEADLINE_START = re.compile(r"^\s*(?:起|开始|以来|至今|之后|以后|后|度|版|届|级)")
DEADLINE_BASELINE_BEFORE = re.compile(r"(?:较|比|相比|与|同|以|自|从|于|对|截至目前|为)\s*$")
DEADLINE_BASELINE_AFTER = re.compile(r"^\s*(?:相比|比较|为基准|为基数|基础上|的基础|水平|同期|全省排名)")

# ---------------------------------------------------------------- citations
#: A title in book-title marks 《…》, possibly nesting 〈…〉, with an optional
#: document number in brackets right after it.
#:
#: >>> m = CITATION.search("根据《河南省人民政府办公厅关于推进…的实施意见》（豫政办〔2023〕35号）精神")
#: >>> m.group("title"), m.group("number")
#: ('河南省人民政府办公厅关于推进…的实施意见', '豫政办〔2023〕35号')
CITATION = re.compile(
    r"《(?P<title>[^《》]{2,150})》"
    r"(?:\s*[（(]\s*(?P<number>[^（）()]{2,40}?)\s*[）)])?"
)
#: Titles that are not policy documents: certificates, licences, forms,
#: books, newspapers, programmes.
NOT_A_POLICY = re.compile(r"(?:证|证书|许可证|执照|表|单|卡|报|杂志|书|册|名录|名单|手册)$")
#: Words that make a 《》 title a policy, law, plan or standard.
POLICY_WORD = re.compile(
    r"(?:法|条例|规定|办法|细则|意见|通知|决定|方案|规划|计划|纲要|目录|清单|标准|规范|规程|规则|"
    r"指南|措施|政策|要点|决议|公告|通告|批复|准则|要求|制度)(?:（[^）]*）)?$"
)

#: 文号 prefixes by level. National bodies use 国发, 国办发, 中发 …; ministries
#: use a two-character 部委 code + 发/函 (``财建``, ``环大气``).
NATIONAL_PREFIX = re.compile(r"^(?:国|中|中办|国办|厅字|中组|财|发改|工信|环|生态|人社|教|民|农|商|交|建|自然资|应急|国市监|市监|银保监|国税|税总|卫|医保)")
#: One-character abbreviations of provinces (used as 文号 prefixes: 豫政, 京政办发).
PROVINCE_ABBREVIATIONS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵黔云滇陕秦甘陇青台蒙桂藏宁新港澳"
PROVINCIAL_PREFIX = re.compile(rf"^[{PROVINCE_ABBREVIATIONS}](?:政|发|办|委|财|发改|工信|环|人社|教|民|农|商|交|建|自然资|卫|医保|市监|应急|文旅)")
#: National issuers named in a title.
NATIONAL_ISSUER = re.compile(
    r"^(?:中共中央|国务院|全国人民代表大会|全国人大|中央|国家|中华人民共和国|最高人民|"
    r"(?:工业和信息化|财政|生态环境|交通运输|住房和城乡建设|自然资源|农业农村|商务|教育|民政|"
    r"人力资源和社会保障|水利|文化和旅游|应急管理|公安|司法|科学技术|审计|退役军人事务)部)"
)
PROVINCIAL_ISSUER = re.compile(rf"^[{CJK}]{{2,8}}(?:省|自治区)(?!市)")
