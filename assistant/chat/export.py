"""A whole conversation carried into its own document: Markdown and DOCX (python-docx).

Each turn gives the question, how it was understood, the answer, then every figure with its
source document, section, page and the quoted sentence it was taken from. Figures chosen as
facts carry their sentence; for other answers the sentence of each cited passage that writes
the answer's figure is quoted.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.errors import BaocaoError
from assistant.ingest.facts import split_sentences
from assistant.numbers import find_numbers

TITLE = "Hội thoại tra cứu số liệu báo cáo"
_CITE = re.compile(r"\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")


def figure_sources(turn: dict) -> list[dict]:
    """{figure, what, doc_title, section, page, sentence} for each figure of an answer."""
    if turn.get("refused"):
        return []
    cites = turn.get("citations") or []
    out = []
    for f in turn.get("facts") or []:
        if not f.get("sentence"):
            continue  # a computed figure: its operands are listed
        hit = _cited(cites, f.get("citation"))
        out.append({"figure": f"{f.get('text', '')} {f.get('unit') or ''}".strip(), "what": f.get("indicator") or "",
                    "doc_title": f.get("doc_title") or hit.get("doc_title", ""), "section": f.get("section") or hit.get("section", ""),
                    "page": f.get("page") if f.get("page") is not None else hit.get("page"), "sentence": f["sentence"]})
    return out or _from_passages(turn.get("answer") or "", cites)


def _cited(cites: list[dict], n) -> dict:
    return cites[n - 1] if isinstance(n, int) and 0 < n <= len(cites) else {}


def _from_passages(answer: str, cites: list[dict]) -> list[dict]:
    out = []
    for m in find_numbers(_CITE.sub(" ", answer)):
        if m.value is None or (m.text.isdigit() and len(m.text) == 4):
            continue  # a year names the period, not a figure
        for c in cites:
            sentence = next((s for s in split_sentences(" ".join(c.get("text", "").split())) if m.text in s), None)
            if sentence:
                out.append({"figure": m.text, "what": "", "doc_title": c.get("doc_title", ""),
                            "section": c.get("section", ""), "page": c.get("page"), "sentence": sentence})
                break
    return out


def source_text(s: dict) -> str:
    page = f", trang {s['page']}" if s.get("page") is not None else ""
    section = f", mục {s['section']}" if s.get("section") else ""
    return f"{s['doc_title']}{section}{page}"


def to_markdown(turns: list[dict]) -> str:
    lines = [f"# {TITLE}", ""]
    for n, t in enumerate(turns, 1):
        lines += [f"## {n}. {t.get('question', '')}", ""]
        if t.get("standalone_question") and t["standalone_question"] != t.get("question"):
            lines += [f"*Câu hỏi được hiểu là: {t['standalone_question']}*", ""]
        lines += [t.get("answer", "").strip(), ""]
        sources = figure_sources(t)
        if sources:
            lines += ["**Số liệu và nguồn:**", ""]
            lines += [f"- **{s['figure']}**{' — ' + s['what'] if s['what'] else ''} — {source_text(s)}: “{s['sentence']}”"
                      for s in sources]
            lines.append("")
    return "\n".join(lines)


def to_docx(turns: list[dict], path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading(TITLE, level=1)
    for n, t in enumerate(turns, 1):
        doc.add_heading(f"{n}. {t.get('question', '')}", level=2)
        if t.get("standalone_question") and t["standalone_question"] != t.get("question"):
            doc.add_paragraph().add_run(f"Câu hỏi được hiểu là: {t['standalone_question']}").italic = True
        for para in (t.get("answer") or "").strip().split("\n"):
            doc.add_paragraph(para.replace("**", ""))
        for s in figure_sources(t):
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(s["figure"]).bold = True
            p.add_run(f"{' — ' + s['what'] if s['what'] else ''} — Nguồn: {source_text(s)}: ")
            p.add_run(f"“{s['sentence']}”").italic = True
    tmp = path.with_name(path.name + ".tmp")
    doc.save(str(tmp))
    tmp.replace(path)  # never a half-written file under the final name
    return path


def write_export(conversations, path: Path) -> Path:
    """All turns of `conversations` (each with `.turns`) into `path` (.docx or .md)."""
    turns = [t for c in conversations for t in c.turns]
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return to_docx(turns, path)
    if suffix in (".md", ".markdown"):
        path.write_text(to_markdown(turns), encoding="utf-8")
        return path
    raise BaocaoError(f"Không xuất được ra {path.name}: chỉ hỗ trợ .docx và .md")


def write_both(turns: list[dict], folder: Path) -> list[Path]:
    """The conversation as `hoi-thoai.docx` and `hoi-thoai.md` in `folder` (the web app's downloads)."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "hoi-thoai.md"
    md.write_text(to_markdown(turns), encoding="utf-8")
    return [to_docx(turns, folder / "hoi-thoai.docx"), md]
