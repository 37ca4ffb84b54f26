"""How responsibility statements are found and read: (text, expected) tables."""

import pytest
from factories import inherited, pairs, read

from ingest.responsibility import find_statement

# (statement content, expected "CODE:unit,unit …")
STATEMENTS = [
    # parenthetical with every role word
    (
        "市工业和信息化局牵头，市发展改革委、交通运输局配合，各县（市、区）政府、市城乡一体化示范区管委会负责落实",
        "L:市工业和信息化局 S:市发展改革委,市交通运输局 I:各县（市、区）政府,市城乡一体化示范区管委会",
    ),
    # two leads, named outside body kept as written
    ("市发展改革委、交通运输局牵头，市生态环境局、焦作车务段配合", "L:市发展改革委,市交通运输局 S:市生态环境局,焦作车务段"),
    # 责任单位 line: everything responsible, county governments included
    ("责任单位：市民政局、市卫生健康委，各县（市、区）政府", "R:市民政局,市卫生健康委,各县（市、区）政府"),
    # 按职责分工负责 with 等 dropped
    ("市生态环境局牵头，市科技局、焦作海关等按职责分工负责", "L:市生态环境局 R:市科技局,焦作海关"),
    # a segment without a role word takes the next segment's 负责
    ("市人力资源社会保障局，各县〔市、区〕人民政府等按职责分工负责", "R:市人力资源社会保障局,各县（市、区）政府"),
    # … but not a 落实, which belongs to the governments before it
    ("市生态环境局牵头，市环委会各成员单位，各县（市、区）政府负责落实", "L:市生态环境局 R:市环委会各成员单位 I:各县（市、区）政府"),
    # labelled formats, full- and half-width colons
    ("牵头单位：市发展改革委；配合单位：市财政局、市商务局", "L:市发展改革委 S:市财政局,市商务局"),
    ("牵头单位:市发展改革委,参与单位:市财政局", "L:市发展改革委 S:市财政局"),
    ("责任部门：市应急管理局", "R:市应急管理局"),
    ("牵头：市财政局；配合：市税务局、市人行", "L:市财政局 S:市税务局,市人行"),
    ("责任分工：市工业和信息化局、发展改革委按职责分工负责", "R:市工业和信息化局,市发展改革委"),
    # half-width punctuation throughout
    ("市发展改革委牵头,市财政局配合", "L:市发展改革委 S:市财政局"),
    # 参与 / 协助 / 协同 / 支持 are support
    ("市生态环境局牵头，市公安局参与，市交通运输局协助", "L:市生态环境局 S:市公安局,市交通运输局"),
    # shared trailing word: 中站区、博爱县政府
    ("市自然资源和规划局牵头，沁阳市、孟州市、中站区政府负责落实", "L:市自然资源和规划局 I:沁阳市政府,孟州市政府,中站区政府"),
    # shared trailing word 管委会
    ("责任单位：市城乡一体化示范区、开发区管委会", "R:市城乡一体化示范区管委会,市开发区管委会"),
    # bracketed alias after a department
    ("市工业和信息化局、财政局〔国资委〕按职责分工负责", "R:市工业和信息化局,市财政局"),
    # 按职责推进实施 is responsible
    ("市商务局按职责推进实施", "R:市商务局"),
    # 及 separates two names
    ("责任单位：市12345政务服务便民热线中心及市直相关部门", "R:市12345政务服务便民热线中心,市直相关部门"),
    # traditional characters are read as simplified upstream; abbreviations map to one unit
    ("市发改委牵头，市工信局配合", "L:市发展改革委 S:市工业和信息化局"),
    # 各市、县（市、区）政府 is one collective
    ("省发展改革委牵头，各市、县（市、区）政府负责落实", "L:省发展改革委 I:各市、县（市、区）政府"),
]


@pytest.mark.parametrize(("statement", "expected"), STATEMENTS)
def test_parse_responsibility(statement, expected):
    assert read(statement) == pairs(expected)


def test_first_listed_is_lead_when_declared():
    assert read("责任单位：县水利局、县财政局", "青田县", first_is_lead=True) == pairs("L:县水利局 R:县财政局")
    # 分别牵头 overrides the declaration
    assert read("县水利局、县财政局分别牵头，县商务局配合", "青田县", first_is_lead=True) == pairs(
        "L:县水利局,县财政局 S:县商务局"
    )


def test_no_lead_means_lead_when_declared():
    assert read("责任单位：市财政局、市商务局", no_lead_means_lead=True) == pairs("L:市财政局,市商务局")
    assert read("市财政局牵头，市商务局配合", no_lead_means_lead=True) == pairs("L:市财政局 S:市商务局")


INHERITANCE = [
    (
        "市生态环境局牵头，各县〔市、区〕政府落实。以下各项任务均需各县〔市、区〕政府、市城乡一体化示范区管委会落实，不再列出",
        "I:各县（市、区）政府,市城乡一体化示范区管委会",
    ),
    (
        "责任单位：市发展改革委、交通运输局按职责分工负责，以下均含各县（市、区）政府、市城乡一体化示范区管委会，不再列出",
        "R:各县（市、区）政府,市城乡一体化示范区管委会",
    ),
    ("责任单位：市科技局；本条及以下均需各县〔市、区〕政府落实，不再逐一列出", "I:各县（市、区）政府"),
    ("责任单位：市财政局。以下各项任务责任单位均包括市审计局", "R:市审计局"),
]


@pytest.mark.parametrize(("statement", "expected"), INHERITANCE)
def test_inheritance_statements(statement, expected):
    assert inherited(statement) == pairs(expected)
    # the stating task holds them as its own too
    assert set(pairs(expected)) <= set(read(statement))


FIND = [
    ("推进黑臭水体治理。（市住房城乡建设局牵头，各县（市、区）政府负责落实）", "市住房城乡建设局牵头，各县（市、区）政府负责落实"),
    ("推进黑臭水体治理。(市住房城乡建设局牵头,市财政局配合)。", "市住房城乡建设局牵头,市财政局配合"),
    ("责任单位：市民政局、市残联", "责任单位：市民政局、市残联"),
    ("（市委宣传部、市发展改革委、农业农村局）", "市委宣传部、市发展改革委、农业农村局"),
    # page furniture glued after the statement
    ("…招聘。（责任单位：市卫生健康委、市委编办）焦作市人民政府办公室", "责任单位：市卫生健康委、市委编办"),
    # not statements
    ("支持文化产业发展（含旅游）。", None),
    ("按规定给予补贴（由财政负责支付，不得挪用）", None),
    ("对新创建的县（市、区）", None),
    ("（市财政局）", "市财政局"),  # alone in its paragraph: one name is enough
    ("加强监管（市财政局）", None),  # at a paragraph's end a single name could be anything
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_statement(text, expected):
    found = find_statement(text)
    assert (found.content if found else None) == expected
