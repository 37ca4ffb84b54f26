"""Gazette text → plain dataclasses (``ingest.model``). No RDF, no store.

Stages, one module each: ``read`` (bytes → text), ``clean`` (lines →
paragraphs), ``segment`` (masthead and notices), ``clauses`` (numbering
tree), ``responsibility`` (who does what), ``units``, ``deadlines``,
``citations``, ``tables``; ``pipeline`` runs them. Patterns live in
``regexes``.
"""

from .model import ParsedDocument
from .pipeline import parse_document, parse_file, parse_text
from .read import SourceError, find_sources

__all__ = ["ParsedDocument", "SourceError", "find_sources", "parse_document", "parse_file", "parse_text"]
