"""Table-driven tests of the other patterns: labels, 文号, dates, deadlines, citations, units, line repair."""

import pytest

from ingest import regexes as rx
from ingest.citations import find_citations, normalise_doc_number
from ingest.clauses import label_of
from ingest.clean import clean_lines
from ingest.deadlines import find_deadlines
from ingest.segment import iso_date
from ingest.units import UnitContext, parse_unit_list

LABELS = [
    ("一、总体目标", ("一、", "一", 2)),
    ("二. 主要措施", ("二、", "二", 2)),
    ("（十二）推进文化产业园区建设", ("（十二）", "（十二）", 3)),
    ("(三)推进智慧水务", ("(三)", "(三)", 3)),
    ("10. 加强人才队伍建设", ("10.", "10.", 4)),
    ("3．实行动态调整机制", ("3.", "3.", 4)),
    ("（1）炭素行业", ("（1）", "（1）", 5)),
    ("(2) 加大民用散煤替代", ("(2)", "(2)", 5)),
    ("①建立台账", ("①", "①", 6)),
    ("第三条 市审计局依法审计", ("第三条", "第三条", 1)),
    ("第一章 总 则", ("第一章", "第一章", 0)),
    # not labels
    ("2025年，基本建成", None),
    ("2.5微克/立方米", None),
    ("100%覆盖", None),
    ("（市、区）政府", None),
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_label_of(text, expected):
    label = label_of(text)
    assert (None if label is None else (label.label, label.path_label, label.level)) == expected


DOC_NUMBERS = [
    ("焦政办〔2023〕45号", "焦政办〔2023〕45号"),
    ("菏政办字 〔2023〕1号", "菏政办字〔2023〕1号"),
    ("京政办发[2016]26号", "京政办发〔2016〕26号"),
    ("豫政 （2024） 12 号", "豫政〔2024〕12号"),
    ("国办发［2022］32号", "国办发〔2022〕32号"),
]


@pytest.mark.parametrize(("printed", "expected"), DOC_NUMBERS)
def test_doc_number_lines(printed, expected):
    assert rx.DOC_NUMBER_LINE.match(printed)
    assert normalise_doc_number(printed) == expected


@pytest.mark.parametrize("text", ["（焦政〔2023〕15号）（3）", "根据焦政〔2023〕15号文件精神，", "2023年第5号（总第131号）"])
def test_not_doc_number_lines(text):
    assert not rx.DOC_NUMBER_LINE.match(text)


DATES = [("2023年9月8日", "2023-09-08"), ("二〇二三年九月八日", "2023-09-08"), ("2024年12月31日", "2024-12-31"),
         ("二〇二四年十二月三十一日", "2024-12-31")]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates(text, expected):
    assert iso_date(rx.DATE.search(text)) == expected


# (text, year of the notice, expected (date, printed) pairs)
DEADLINES = [
    ("2023年底前，培育不少于2家评估机构", 2023, [("2023-12-31", "2023年底前")]),
    ("到2023年底，建成30个", 2023, [("2023-12-31", "到2023年底")]),
    ("2024年10月底前全面完成", 2024, [("2024-10-31", "2024年10月底前")]),
    ("2025年9月底前完成改造", 2024, [("2025-09-30", "2025年9月底前")]),
    ("到2025年，覆盖率达到95%", 2023, [("2025-12-31", "到2025年")]),
    ("2025年所有乡镇敬老院完成转型", 2023, [("2025-12-31", "2025年")]),
    ("执行期限至2025年12月31日", 2023, [("2025-12-31", "至2025年12月31日")]),
    ("2024年上半年完成", 2024, [("2024-06-30", "2024年上半年")]),
    ("2019—2021年，实施三年行动", 2019, [("2021-12-31", "2019—2021年")]),
    ("2023年至2025年全市比例分别达到30%、60%、100%", 2023, [("2025-12-31", "2023年至2025年")]),
    ("2024、2025年分别创建35、18家", 2024, [("2024-12-31", "2024、2025年"), ("2025-12-31", "2024、2025年")]),
    ("2024年第三季度完成", 2024, [("2024-09-30", "2024年第三季度")]),
    # not deadlines
    ("年底前完成", 2023, []),
    ("12月底前完成排查", 2024, []),
    ("自2018年7月1日起施行", 2018, []),
    ("2023年起实施", 2023, []),
    ("较2015年下降10%", 2020, []),
    ("以2022年全省排名为基准", 2023, []),
    ("2022年未缴费月度可补缴", 2023, []),
    ("落实2024-2025年节能降碳行动方案", 2024, []),
    ("按照《焦作市2023年重点工作方案》执行", 2023, []),
    ("实施三年攻坚行动（2023—2025年）", 2023, []),
]


@pytest.mark.parametrize(("text", "year", "expected"), DEADLINES)
def test_deadlines(text, year, expected):
    assert [(d.date, d.text) for d in find_deadlines(text, 1, year)] == expected


CITATIONS = [
    ("根据《河南省人民政府办公厅关于推进基本养老服务体系建设的实施意见》（豫政办〔2023〕35号）精神",
     [("河南省人民政府办公厅关于推进基本养老服务体系建设的实施意见", "豫政办〔2023〕35号", "provincial")]),
    ("根据《老年人能力评估规范》（GB/T42195—2022）开展评估", [("老年人能力评估规范", "GB/T42195—2022", "standard")]),
    ("为贯彻《国务院办公厅关于加快推进“一件事一次办”的指导意见》（国办发〔2022〕32号）",
     [("国务院办公厅关于加快推进“一件事一次办”的指导意见", "国办发〔2022〕32号", "national")]),
    ("落实《促进个体工商户发展条例》（国务院令第755号）", [("促进个体工商户发展条例", "国务院令第755号", "national")]),
    ("按照《焦作市人民政府办公室关于促进砂石行业健康有序发展的实施意见》（焦政办〔2021〕6号）要求",
     [("焦作市人民政府办公室关于促进砂石行业健康有序发展的实施意见", "焦政办〔2021〕6号", "municipal")]),
    ("落实国家《产业结构调整指导目录》", [("产业结构调整指导目录", None, "national")]),
    ("符合《划拨用地目录》的", [("划拨用地目录", None, "national")]),
    ("根据《青田县农村供水管理办法》", [("青田县农村供水管理办法", None, "county")]),
    ("对照《浙江省基本养老服务清单》", [("浙江省基本养老服务清单", None, "provincial")]),
    # not citations: certificates, the notice's own attachment
    ("持有《中华人民共和国残疾人证》的老年人", []),
    ("现将《焦作市停车管理办法》印发给你们", []),
]


def test_a_county_citing_its_own_series_is_county_level():
    found = find_citations([(1, "按照《青田县人民政府关于加强供水管理的意见》（青政发〔2022〕3号）要求")], set(), "青政办发", "青田", "county")
    assert [(c.doc_number, c.level) for c in found] == [("青政发〔2022〕3号", "county")]


@pytest.mark.parametrize(("text", "expected"), CITATIONS)
def test_citations(text, expected):
    from ingest.citations import attached_titles

    found = find_citations([(1, text)], attached_titles(text), "焦政办", "焦作")
    assert [(c.title, c.doc_number, c.level) for c in found] == expected


UNITS = [
    ("市交通运输局、发展改革委、焦作车务段", ["市交通运输局", "市发展改革委", "焦作车务段"]),
    ("市文化广电和旅游局、国网焦作供电公司、人行焦作市中心支行", ["市文化广电和旅游局", "国网焦作供电公司", "人行焦作市中心支行"]),
    ("各县〔市、区〕人民政府、市城乡一体化示范区管委会", ["各县（市、区）政府", "市城乡一体化示范区管委会"]),
    ("各县(市、区)政府", ["各县（市、区）政府"]),
    ("市财政局〔国资委〕", ["市财政局"]),
    ("市民政局、团市委、市妇联", ["市民政局", "团市委", "市妇联"]),
    ("市生态环境局、城市管理局、市场监管局", ["市生态环境局", "市城管局", "市市场监管局"]),
    ("各区人民政府", ["各区政府"]),
    ("丽水开发区管委会、市财政局", ["丽水开发区管委会", "市财政局"]),
    ("县水利局、财政局", ["县水利局", "县财政局"]),
    ("省发展改革委、财政厅", ["省发展改革委", "省财政厅"]),
    ("市发展改革委等部门", ["市发展改革委"]),
]


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_unit_lists(text, expected):
    jurisdiction = "丽水市" if "丽水" in text else "焦作市"
    assert [u.name for u in parse_unit_list(text, UnitContext(jurisdiction=jurisdiction))] == expected


def test_short_name_declared_in_text_merges_units():
    from ingest import parse_text

    text = (
        "某市人民政府办公室关于加强金融服务的通知\n\n某政办〔2024〕1号\n\n各区人民政府：\n\n"
        "国家金融监督管理总局某市监管分局（以下简称某市金融监管分局）负责指导。\n\n"
        "一、加强信贷投放。（某市金融监管分局牵头，市财政局配合）\n\n2024年1月2日\n"
    )
    doc = parse_text(text)
    lead = [a.unit.name for c in doc.notices[0].all_clauses() for a in c.assignments if a.role.value == "lead"]
    assert lead == ["国家金融监督管理总局某市监管分局"]


LINE_REPAIR = [
    # a sentence broken at a page end is one paragraph again
    ("2. 制定清单。对照要求，明确具体服务对象、内\n\n容、标准等。", ["2. 制定清单。对照要求，明确具体服务对象、内容、标准等。"]),
    # a 责任单位 line broken inside a bracket
    ("责任单位：市民政局、市卫生健康委，各县\n\n（市、区）政府、市示范区管委会", ["责任单位：市民政局、市卫生健康委，各县（市、区）政府、市示范区管委会"]),
    # page numbers, rules and file-name debris between pages are dropped
    ("一、总体目标\n\n- 3 -\n\n04公报.p\n\n---\n\n到2025年，基本建成。", ["一、总体目标", "到2025年，基本建成。"]),
    # a heading is not joined to the body after it
    ("一、总体目标\n\n以习近平新时代中国特色社会主义思想为指导，坚持", ["一、总体目标", "以习近平新时代中国特色社会主义思想为指导，坚持"]),
    # markdown marks and HTML tags go, text stays
    ("### （一）深入打好PM<sub>2.5</sub>污染防治攻坚战", ["（一）深入打好PM2.5污染防治攻坚战"]),
    ("**一、实施贷款贴息。**对全市企业给予贴息。", ["一、实施贷款贴息。对全市企业给予贴息。"]),
    # a remark closing a paragraph ends it
    ("推进治理。（市水利局牵头，市财政局配合）\n\n本意见自印发之日起施行。", ["推进治理。（市水利局牵头，市财政局配合）", "本意见自印发之日起施行。"]),
    # traditional characters are read as simplified
    ("(市城市管理委牽頭,市交通委配合)", ["(市城市管理委牵头,市交通委配合)"]),
]


@pytest.mark.parametrize(("text", "expected"), LINE_REPAIR)
def test_clean_lines(text, expected):
    assert [p.text for p in clean_lines(text)] == expected


def test_clean_lines_keep_source_lines():
    paragraphs = clean_lines("标题\n\n第一段，没有\n结束。\n\n第二段。")
    assert [(p.line, p.end_line) for p in paragraphs] == [(1, 1), (3, 4), (6, 6)]


def test_a_single_document_without_a_doc_number():
    from ingest import parse_text

    text = ("某市城市绿化管理办法\n\n第一条 为加强城市绿化管理，制定本办法。\n\n"
            "第二条 城市绿化由市城市管理局统筹（市城市管理局牵头，市自然资源和规划局配合）。\n")
    [notice] = parse_text(text).notices
    assert (notice.title, notice.genre, notice.doc_number) == ("某市城市绿化管理办法", "办法", None)
    [task] = [c for top in notice.clauses for c in top.walk() if c.assignments]
    assert task.label == "第二条" and [a.role.value for a in task.assignments] == ["lead", "support"]


def test_a_government_order_is_a_notice():
    from ingest import parse_text

    text = ("菏泽市人民政府令\n\n第 15 号\n\n《菏泽市城市绿化管理办法》已经市政府常务会议通过，现予公布。\n\n"
            "市长  王某某\n\n2024年1月10日\n\n菏泽市城市绿化管理办法\n\n第一条 为加强城市绿化管理，制定本办法。\n\n"
            "第二条 城市绿化由市城市管理局统筹（市城市管理局牵头，市自然资源和规划局配合）。\n")
    [notice] = parse_text(text).notices
    assert (notice.doc_number, notice.title, notice.genre, notice.date, notice.issuer) == (
        "菏泽市人民政府令第15号", "菏泽市城市绿化管理办法", "办法", "2024-01-10", "菏泽市人民政府")
    assert notice.citations == []  # the promulgated rules are the order's own document


def test_a_doc_number_printed_after_the_title():
    from ingest import parse_text

    text = ("某市人民政府关于加强安全生产的通知（某政〔2024〕7号）\n\n各区人民政府：\n\n"
            "一、落实企业主体责任。（市应急管理局牵头，市公安局配合）\n\n2024年5月6日\n")
    [notice] = parse_text(text).notices
    assert (notice.doc_number, notice.title, notice.date) == ("某政〔2024〕7号", "某市人民政府关于加强安全生产的通知", "2024-05-06")


@pytest.mark.parametrize(("title", "genre"), [
    ("某市人民政府关于印发某办法的通知", "通知"),
    ("某市人民政府办公室关于扶持个体工商户健康发展的实施意见", "意见"),
    ("某市城市道路停车管理办法（试行）", "办法"),
    ("某市人民政府关于印发某方案的 通 知", "通知"),
    ("在全市经济工作会议上的讲话", "讲话"),
])
def test_genre_is_the_last_document_type_word(title, genre):
    from ingest.pipeline import _genre

    assert _genre(title) == genre
