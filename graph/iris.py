"""Content-derived IRIs (CONTRACT.md): jurisdiction, 文号, clause path, unit name.

No counters and no random ids: the same file gives the same IRIs on every
run, and a notice cited by its 文号 in one file is the very IRI of that
notice when another file brings it. Chinese characters stay readable (IRIs
allow them); only ASCII characters that IRIs forbid are percent-encoded.
"""

from __future__ import annotations

import hashlib
import re

from ingest.citations import normalise_doc_number

BASE = "https://w3id.org/govkg/id/"
ONTOLOGY = "https://w3id.org/govkg/ontology#"

_STANDARD_SEPARATORS = re.compile(r"[\s—–－-]+")
_TITLE_MARKS = re.compile(r"[\s《》〈〉“”]")
_UNSAFE_ASCII = re.compile(r"[\x00-\x20<>\"{}|\\^`#?%/\[\]]")


def segment(text: str) -> str:
    """One path segment: IRI-forbidden ASCII percent-encoded, the rest kept.

    >>> segment("焦政办〔2023〕45号")
    '焦政办〔2023〕45号'
    >>> segment("GB/T 42195")
    'GB%2FT%2042195'
    """
    return _UNSAFE_ASCII.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), text)


def digest(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def source_iri(file_name: str) -> str:
    return f"{BASE}source/{segment(file_name)}"


def gazette_iri(jurisdiction: str, year: int, issue: int) -> str:
    return f"{BASE}gazette/{segment(jurisdiction)}/{year}-{issue}"


#: The 文号 as one canonical string: spaces gone, year brackets as 〔〕.
doc_number_key = normalise_doc_number


def notice_iri(doc_number: str | None, jurisdiction: str | None, date: str | None, title: str) -> str:
    if doc_number:
        return f"{BASE}notice/{segment(doc_number_key(doc_number))}"
    return f"{BASE}notice/{segment(jurisdiction or 'unknown')}/{date or 'undated'}/{digest(title)}"


def cited_iri(doc_number: str | None, title: str) -> str:
    """A cited document: the notice IRI when it has a 文号, else from its title."""
    if doc_number and re.search(r"〔\d{4}〕|令第", doc_number_key(doc_number)):
        return f"{BASE}notice/{segment(doc_number_key(doc_number))}"
    if doc_number:
        return f"{BASE}standard/{segment(_STANDARD_SEPARATORS.sub('-', doc_number))}"
    return f"{BASE}work/{digest(_TITLE_MARKS.sub('', title))}"


def clause_iri(notice: str, path: tuple[str, ...]) -> str:
    return f"{notice}/clause/" + "/".join(segment(p) for p in path)


def assignment_iri(clause: str, role: str, unit_name: str) -> str:
    return f"{clause}/assignment/{role}/{segment(unit_name)}"


def deadline_iri(clause: str, date: str) -> str:
    return f"{clause}/deadline/{date}"


def unit_iri(jurisdiction: str | None, name: str) -> str:
    return f"{BASE}unit/{segment(jurisdiction or 'unknown')}/{segment(name)}"
