"""Property tests for the normalisers: idempotent, offset-preserving, separator-free."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.iris import doc_number_key, segment
from ingest.citations import normalise_doc_number
from ingest.clean import to_simplified
from ingest.units import UnitContext, canonical_name, clean_unit_text, split_unit_list

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from(list("、，,；（）()〔〕[]【】 　“”等"))
TEXT = st.text(st.one_of(CJK, PUNCT, st.characters(min_codepoint=0x30, max_codepoint=0x39)), max_size=40)
SUFFIX = st.sampled_from(["局", "委", "办", "中心", "政府", "管委会", "公司", "段"])
UNIT = st.builds(lambda prefix, body, suffix: prefix + body + suffix,
                 st.sampled_from(["", "市", "县", "省", "各"]), st.text(CJK, min_size=1, max_size=6), SUFFIX)


@given(TEXT)
def test_clean_unit_text_is_idempotent(text):
    once = clean_unit_text(text)
    assert clean_unit_text(once) == once


@given(TEXT)
def test_clean_unit_text_uses_round_full_width_brackets(text):
    assert not set("()〔〕[]") & set(clean_unit_text(text))


@given(UNIT)
def test_canonical_name_is_idempotent(name):
    ctx = UnitContext(jurisdiction="某市")
    once = canonical_name(name, ctx)
    assert canonical_name(once, ctx) == once and "人民政府" not in once


@given(st.lists(UNIT, min_size=1, max_size=6))
def test_split_unit_list_recovers_the_items(items):
    assert split_unit_list("、".join(items)) == [i.strip() for i in items]


@given(st.lists(UNIT, min_size=1, max_size=6), st.sampled_from(["、", "，", ",", "；"]))
def test_split_unit_list_leaves_no_top_level_separator(items, sep):
    for part in split_unit_list(sep.join(items)):
        depth = 0
        for ch in part:
            depth += ch in "（(〔[［“《"
            depth -= ch in "）)〕]］”》"
            assert depth > 0 or ch not in "、，,；;"


NUMBERS = st.builds(
    lambda agency, open_, year, close, seq, spaces: f"{agency}{spaces}{open_}{year}{close}{spaces}{seq}号",
    st.text(CJK, min_size=1, max_size=5),
    st.sampled_from(["〔", "[", "［", "(", "（", "【"]),
    st.integers(1990, 2099),
    st.sampled_from(["〕", "]", "］", ")", "）", "】"]),
    st.integers(1, 999),
    st.sampled_from(["", " ", "  "]),
)


@given(NUMBERS)
def test_doc_number_normalisation_is_idempotent_and_canonical(number):
    once = normalise_doc_number(number)
    assert normalise_doc_number(once) == once == doc_number_key(number)
    assert " " not in once and "〔" in once and "〕" in once


@settings(max_examples=200)
@given(st.text(max_size=60))
def test_to_simplified_keeps_every_offset(text):
    assert len(to_simplified(text)) == len(text)


@given(st.text(max_size=40))
def test_iri_segments_have_no_forbidden_ascii(text):
    assert not set(segment(text)) & set(' <>"{}|\\^`#?/')
