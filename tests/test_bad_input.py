"""Bad input gets a clear message naming the file, and loses nothing."""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

from graph.load import ingest_paths
from ingest import SourceError, parse_file
from ingest.read import decode_bytes, read_source

GOOD = FIXTURES / "docs" / "provincial_zhejiang.txt"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\n  \n", "empty file"),
    ("binary.txt", bytes(range(256)) * 8, "binary file"),
    ("controls.txt", b"\x01\x02\x03\x04\x05abc\x06\x07\x08" * 100, "binary file"),
    ("latin1.txt", "café à la crème".encode("latin-1") + b"\xff\xfe\xfa", "not UTF-8 or GB18030"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_unreadable_files_are_refused_with_their_name(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert name in str(info.value) and message in str(info.value)


ENCODINGS = [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),
]


@pytest.mark.parametrize(("codec", "detected"), ENCODINGS)
def test_encodings_are_detected(codec, detected):
    text = GOOD.read_text(encoding="utf-8")
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded.lstrip("\ufeff") == text and encoding == detected


def test_gb18030_only_characters(tmp_path):
    text = GOOD.read_text(encoding="utf-8").replace("浙江省人民政府关于", "浙江省人民政府关于㐀")
    path = write(tmp_path, "gb18030.txt", text.encode("gb18030"))
    assert parse_file(path).notices[0].title.startswith("浙江省人民政府关于㐀")


def test_file_not_found():
    with pytest.raises(SourceError, match="missing.txt: file not found"):
        read_source(FIXTURES / "missing.txt")


def test_enormous_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # a 50 MB sparse file
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(SourceError, match=r"huge.txt: file too large \(52.4 MB > 20 MB limit"):
        read_source(path, max_bytes=20_000_000)


def test_file_with_no_notices_is_a_warning(tmp_path):
    path = write(tmp_path, "prose.txt", "这是一段没有文号、没有标题的普通文字。\n\n第二段文字。\n".encode())
    doc = parse_file(path)
    assert doc.notices == [] and "no notices found" in doc.warnings[0].message


def test_truncated_notice_keeps_what_is_there(tmp_path):
    text = GOOD.read_text(encoding="utf-8")
    cut = text[: text.index("（二）")]  # the file ends in the middle of the notice
    doc = parse_file(write(tmp_path, "truncated.txt", cut.encode()))
    notice = doc.notices[0]
    assert notice.doc_number == "浙政发〔2023〕18号" and notice.date is None
    tasks = [c for top in notice.clauses for c in top.walk() if c.assignments]
    assert len(tasks) == 1


def test_header_without_body_is_reported(tmp_path):
    path = write(tmp_path, "header.txt", "某市人民政府关于某事的通知\n\n某政〔2024〕1号\n".encode())
    doc = parse_file(path)
    assert "no body (truncated?)" in doc.warnings[0].message


def test_hostile_text_does_not_break_the_graph(tmp_path, store):
    """Markup, IRI-breaking characters and quotes end up as literals, nothing more."""
    hostile = (
        '某市人民政府关于<script>alert("x")</script>的通知\n\n某政〔2024〕9号\n\n各区人民政府：\n\n'
        '一、处理 > < " \\ } { 字符。（市财政局牵头，"市商务局"配合）\n\n'
        "二、注入 } ; DROP ALL ; INSERT DATA { <a> <b> <c> } 。（市审计局负责）\n\n2024年1月1日\n"
    )
    path = write(tmp_path, "hostile.txt", hostile.encode())
    report = ingest_paths([path], store, max_bytes=1_000_000)
    assert not report.failed
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?a a gk:Assignment }").rows[0]["n"].value == "3"
    assert store.named_graphs() == ["https://w3id.org/govkg/id/source/hostile.txt"]


def test_one_bad_file_does_not_stop_the_others(tmp_path, store):
    write(tmp_path, "a_empty.txt", b"")
    write(tmp_path, "b_binary.txt", b"\x00\x01\x02" * 100)
    (tmp_path / "c_good.txt").write_bytes(GOOD.read_bytes())
    report = ingest_paths([tmp_path, tmp_path / "nope.txt"], store, max_bytes=1_000_000)
    assert [f.ok for f in report.files] == [False, False, True]
    assert "a_empty.txt: empty file" in report.files[0].error
    assert report.problems == [f"{tmp_path / 'nope.txt'}: file not found"]
    assert store.named_graphs() == ["https://w3id.org/govkg/id/source/c_good.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any directory")
def test_unreadable_store_directory(tmp_path):
    from graph.store import OxigraphStore, StoreError

    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    with pytest.raises(StoreError, match="cannot open store"):
        OxigraphStore(locked / "store")


def test_store_path_that_is_a_file(tmp_path):
    from graph.store import OxigraphStore, StoreError

    not_a_dir = tmp_path / "store"
    not_a_dir.write_text("not a store")
    with pytest.raises(StoreError, match="cannot open store"):
        OxigraphStore(not_a_dir)
    with pytest.raises(StoreError, match="no store here"):
        OxigraphStore(tmp_path / "empty", read_only=True)
