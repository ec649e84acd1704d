"""What a format reader hands back to `load_document`, before ids, hashes and NFC are applied."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ingest.document import Page


@dataclass
class Extracted:
    """Raw pages and footnotes of one file; `heading` is the reader's best title candidate;
    `meta` holds what the reader learnt about the file (pages read by OCR, doubtful figures)."""

    pages: list[Page]
    footnotes: dict[str, str] = field(default_factory=dict)
    heading: str | None = None
    meta: dict = field(default_factory=dict)


def first_line(text: str) -> str | None:
    """The first non-blank line of `text`, stripped, or None."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None
