"""Split clean paragraphs into retrieval chunks (langchain-text-splitters is imported only here).

A chunk stays inside one section, carries its section path and the texts of the footnotes its
body references, and is never cut inside a figure: the splitter only breaks at whitespace, and
Vietnamese figures ("315.145", "13,96") contain none. A table row (`Paragraph.table`) is a
chunk of its own, never packed with others nor split: its line carries its title and headers,
and its section ends with the table title.
"""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.ingest.clean import FN_CLOSE, FN_OPEN, FN_SENTINEL_RE, CleanDocument, Paragraph
from assistant.ingest.document import Document
from assistant.types import Chunk

_SEPARATORS = ["\n\n", "\n", ". ", "; ", ": ", ", ", " "]


def _splitter(size: int, overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        chunk_size=size, chunk_overlap=overlap, separators=_SEPARATORS, keep_separator="end"
    )


def _groups(paragraphs: list[Paragraph], size: int) -> list[list[Paragraph]]:
    """Consecutive paragraphs of one section, packed up to `size` characters."""
    groups: list[list[Paragraph]] = []
    for p in paragraphs:
        last = groups[-1] if groups else None
        if (
            last
            and p.table is None
            and last[-1].table is None
            and last[-1].section == p.section
            and last[-1].page == p.page
            and sum(len(q.text) for q in last) + len(p.text) <= size
        ):
            last.append(p)
        else:
            groups.append([p])
    return groups


def format_footnote(fid: str, text: str) -> str:
    return f"[Chú thích {fid}] {text}"


def _anchor(piece: str, fid: str) -> str:
    """The body text that references footnote `fid`: its sentence up to the marker ("" when the
    marker is not in this piece)."""
    at = piece.find(f"{FN_OPEN}{fid}{FN_CLOSE}")
    if at < 0:
        return ""
    before = piece[:at]
    start = max(before.rfind("\n"), before.rfind(". ")) + 1
    return FN_SENTINEL_RE.sub("", before[start:]).strip()


def chunk_document(doc: Document, clean: CleanDocument, size: int = 900, overlap: int = 150) -> list[Chunk]:
    """Chunks of one document, with ids `<doc_id>:<n>` in reading order."""
    splitter = _splitter(size, overlap)
    chunks: list[Chunk] = []
    for group in _groups(clean.paragraphs, size):
        text = "\n".join(p.text for p in group)
        pieces = [text] if len(text) <= size or group[0].table else splitter.split_text(text)
        for piece in pieces:
            ids = list(dict.fromkeys(FN_SENTINEL_RE.findall(piece)))
            orphan_ids = [f for p in group for f in p.footnote_ids if f not in FN_SENTINEL_RE.findall(text)]
            if piece is pieces[-1]:
                ids += [f for f in orphan_ids if f not in ids]
            body = FN_SENTINEL_RE.sub("", piece).strip()
            if not body:
                continue
            notes = tuple(format_footnote(f, clean.footnotes[f]) for f in ids if f in clean.footnotes)
            anchors = tuple(_anchor(piece, f) for f in ids if f in clean.footnotes)
            chunks.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}:{len(chunks):04d}",
                    doc_id=doc.doc_id,
                    doc_title=doc.title,
                    source_file=doc.source_file,
                    section=group[0].section,
                    page=group[0].page,
                    text=body,
                    footnotes=notes,
                    anchors=anchors,
                )
            )
    return chunks
