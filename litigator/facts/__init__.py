"""Facts: read case files and extract and propose case facts, each with its exact source span.

Public API (spaCy is imported lazily, inside the functions):

* :func:`read_text` – decode a .txt/.md/.docx/.pdf file;
* :func:`extract_paths` – facts of files and folders (the ``facts --format json`` contract);
* :func:`propose`, :func:`write_proposals`, :func:`accept`, :func:`unresolved_conflicts` – proposals
  for case.yaml from ``CASE/evidence/``.
"""

from __future__ import annotations

from litigator.facts.extract import extract_paths, extract_text_facts, iter_supported_files
from litigator.facts.model import (
    AcceptResult,
    DecodedText,
    Fact,
    FactsResult,
    FileEntry,
    Proposal,
    Proposals,
)
from litigator.facts.proposals import WrittenProposals, accept, propose, unresolved_conflicts, write_proposals
from litigator.facts.readers import SUPPORTED_SUFFIXES, read_text

__all__ = [
    "AcceptResult", "DecodedText", "Fact", "FactsResult", "FileEntry", "Proposal", "Proposals",
    "SUPPORTED_SUFFIXES", "accept", "extract_paths", "extract_text_facts", "iter_supported_files",
    "WrittenProposals", "propose", "read_text", "unresolved_conflicts", "write_proposals",
]
