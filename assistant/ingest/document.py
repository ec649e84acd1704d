"""The loaded form of a source file, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    """Raw text of one page (PDF), or of the whole file when pages are unknown (`number=None`)."""

    number: int | None
    text: str


@dataclass
class Document:
    doc_id: str
    title: str
    source_file: str  # file name inside corpus/
    sha256: str
    pages: list[Page]
    # Footnotes the loader already separated (DOCX has real ones): number -> text.
    # For TXT and PDF the footnote blocks are still inside the page text; the cleaner finds them.
    footnotes: dict[str, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # manifest entry: issuer, doc_type, date, period…
