"""Stage 1, read: bytes on disk to text, or a clear reason why not.

Gazettes come as UTF-8 (with or without BOM) or, from older systems, as
GBK/GB18030. Both are tried strictly: a byte sequence that is valid UTF-8 is
read as UTF-8; otherwise GB18030 (a superset of GBK and GB2312) must decode
it without error. Binary files (NUL bytes, control characters) and empty
files are refused with a message naming the file.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """A file that cannot be ingested; the message names the file and why."""


@dataclass(frozen=True)
class SourceText:
    name: str
    path: Path
    text: str
    encoding: str
    n_bytes: int


#: Text files bigger than this are refused unless the caller raises the limit.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SUFFIXES = (".txt", ".md")


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one gazette file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise SourceError(f"{path}: is a directory")
    if size > max_bytes:
        raise SourceError(
            f"{path}: file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit; raise it with --max-file-mb)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    text, encoding = decode_bytes(data, str(path))
    return SourceText(name=path.name, path=path, text=text, encoding=encoding, n_bytes=len(data))


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode gazette bytes, returning (text, encoding name)."""
    if not data.strip():
        raise SourceError(f"{name}: empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:].decode("utf-8", errors="strict"), name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), name), "utf-16"
        except UnicodeDecodeError:
            raise SourceError(f"{name}: invalid UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise SourceError(f"{name}: binary file (contains NUL bytes), not gazette text")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        return _checked(text, name), encoding
    raise SourceError(f"{name}: not UTF-8 or GB18030/GBK text (undecodable bytes)")


def _checked(text: str, name: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.01:
        raise SourceError(f"{name}: binary file (control characters), not gazette text")
    return text


def find_sources(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and directories (recursively) into gazette files.

    Returns the files in a stable order and messages for paths that do not
    exist, so one missing path does not stop the others.
    """
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                problems.append(f"{path}: no .txt or .md files in directory")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: file not found")
    return files, problems
