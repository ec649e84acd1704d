"""Prove every eval item against the corpus, so that a metric never rests on a wrong expectation.

For an answerable item: its evidence spans occur in its source document (after `normalize`), its
value parses from its expected answer with its unit, and the figure is in the evidence (for a
comparison, each operand is, and the arithmetic gives the value; for a list, each expected
name is). A footnote item's evidence lies in the named footnote; a page-break item's `split_at`
really straddles a page break or footnote block. For an unanswerable item: its `absent_terms`
occur nowhere (or nowhere near `absent_near`), and its `blank` is a blank the draft really left.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from assistant.eval.compare import figure_in_text, figures, parse_unit
from assistant.eval.dataset import Item
from assistant.eval.layout import footnote_problems, split_problems
from assistant.eval.textnorm import BLANK_RE, contains, match_key, normalize, normalize_blanks


class Corpus:
    """The raw and normalised text of each document of a corpus folder, by doc_id."""

    def __init__(self, corpus_dir: Path):
        manifest = json.loads((Path(corpus_dir) / "manifest.json").read_text(encoding="utf-8"))
        self.raw: dict[str, str] = {}
        for doc in manifest["documents"]:
            text = (Path(corpus_dir) / doc["source_file"]).read_text(encoding="utf-8")
            self.raw[doc["doc_id"]] = re.sub(
                r"\[bookmark:[^\]]*\]", "", unicodedata.normalize("NFC", text)
            )
        self.norm = {d: normalize(t) for d, t in self.raw.items()}
        self.key = {d: match_key(t) for d, t in self.raw.items()}


def check_items(items: list[Item], corpus_dir: Path | str) -> list[str]:
    """Every problem found, one line each ("q012: …"); an empty list means every item is proven."""
    corpus = Corpus(Path(corpus_dir))
    problems = [f"{i}: id trùng lặp" for i, n in Counter(it.id for it in items).items() if n > 1]
    for it in items:
        found = _check_answerable(it, corpus) if it.answerable else _check_unanswerable(it, corpus)
        problems += [f"{it.id}: {p}" for p in found]
    return problems


def _check_answerable(it: Item, c: Corpus) -> list[str]:
    unknown = [d for d in it.docs if d not in c.norm]
    if not it.doc_id or unknown:
        return [f"tài liệu không có trong manifest: {unknown or it.doc_id}"]
    if not it.evidence or it.value is None or not it.answer:
        return ["câu hỏi có đáp án cần answer, value và evidence"]
    out = [
        f"bằng chứng không có trong tài liệu: {e!r}"
        for e in it.evidence
        if not _in_docs(e, it.docs, c)
    ]
    dec = it.tolerance_decimals
    if not figure_in_text(it.answer, it.value, it.unit, dec):
        out.append(f"không đọc được giá trị {it.value} {it.unit or ''} từ đáp án {it.answer!r}")
    evidence = " ".join(it.evidence)
    if it.type not in ("comparison", "list") and not figure_in_text(
        evidence, it.value, it.unit, dec
    ):
        out.append(f"số liệu {it.value} {it.unit or ''} không có trong bằng chứng")
    if it.type == "comparison":
        out += _check_arithmetic(it, evidence)
    out += [f"bằng chứng không nêu {t!r}" for t in it.expected_terms if not contains(evidence, t)]
    out += _check_also_in(it, c, dec)
    if it.type == "footnote" or it.footnote:
        out += footnote_problems(it.evidence, it.footnote, [c.raw[d] for d in it.docs])
    if it.type == "page_break":
        out += split_problems(it.split_at, it.evidence, c.raw[it.doc_id], c.norm[it.doc_id])
    return out


def _check_also_in(it: Item, c: Corpus, dec: int) -> list[str]:
    """Each alternative passage occurs in some document and states the figure itself."""
    if it.also_in and len(it.evidence) != 1:
        return ["'also_in' chỉ dùng cho câu có một đoạn bằng chứng"]
    out = [
        f"đoạn thay thế không có trong tài liệu: {a!r}"
        for a in it.also_in
        if not _in_docs(a, tuple(c.norm), c)
    ]
    return out + [
        f"đoạn thay thế không nêu {it.value} {it.unit or ''}: {a!r}"
        for a in it.also_in
        if it.type != "list" and not figure_in_text(a, it.value, it.unit, dec)  # type: ignore[arg-type]
    ]


def _in_docs(span: str, docs: tuple[str, ...], c: Corpus) -> bool:
    return any(normalize(span) in c.norm[d] for d in docs)


def _operand_value(text: str) -> float:
    figs = figures(text)
    if not figs:
        raise ValueError(f"toán hạng không có số: {text!r}")
    return figs[0].value


def _check_arithmetic(it: Item, evidence: str) -> list[str]:
    if it.op is None or len(it.operands) < 2:
        return ["câu so sánh cần 'op' và ít nhất hai 'operands'"]
    out = [
        f"toán hạng {o!r} không có trong bằng chứng"
        for o in it.operands
        if not contains(evidence, o)
    ]
    vals = [_operand_value(o) for o in it.operands]
    if it.op == "sub":
        result = (vals[0] - sum(vals[1:])) / parse_unit(it.unit).scale
    elif it.op == "add":
        result = sum(vals) / parse_unit(it.unit).scale
    elif it.op == "div":
        result = vals[0] / vals[1]
    else:  # pct_change
        result = (vals[0] - vals[1]) / vals[1] * 100
    if abs(abs(result) - it.value) > 0.5 * 10 ** (-it.tolerance_decimals) + 1e-9:
        out.append(f"phép tính {it.op}{list(it.operands)} = {result:.6g}, khác value {it.value}")
    return out


def _check_unanswerable(it: Item, c: Corpus) -> list[str]:
    if it.answer is not None or it.value is not None or it.evidence:
        return ["câu không có đáp án phải để answer, value, evidence là null"]
    if not it.absent_terms and not it.blank:
        return ["câu không có đáp án cần 'absent_terms' hoặc 'blank' để chứng minh"]
    docs = it.docs or tuple(c.norm)
    unknown = [d for d in docs if d not in c.norm]
    if unknown:
        return [f"tài liệu không có trong manifest: {unknown}"]
    out: list[str] = []
    if it.blank:
        out += _check_blank(it.blank, docs, c)
    if it.absent_terms:
        out += _check_absent(it, docs, c)
    return out


def _check_blank(blank: str, docs: tuple[str, ...], c: Corpus) -> list[str]:
    span = normalize_blanks(normalize(blank))
    if not BLANK_RE.search(blank):
        return [f"'blank' không chứa chỗ trống (… hoặc ...): {blank!r}"]
    if not any(span in normalize_blanks(c.norm[d]) for d in docs):
        return [f"không thấy chỗ trống {blank!r} trong tài liệu"]
    return []


def _check_absent(it: Item, docs: tuple[str, ...], c: Corpus) -> list[str]:
    out = []
    near = match_key(it.absent_near) if it.absent_near else None
    if near and not any(near in c.key[d] for d in docs):
        return [f"'absent_near' {it.absent_near!r} không xuất hiện: kiểm tra vô nghĩa"]
    for term in it.absent_terms:
        key = match_key(term)
        for d in docs:
            text = c.key[d]
            windows = (
                [text]
                if not near
                else [
                    text[max(0, m.start() - it.absent_window) : m.end() + it.absent_window]
                    for m in re.finditer(re.escape(near), text)
                ]
            )
            if any(key in w for w in windows):
                where = f" gần {it.absent_near!r}" if near else ""
                out.append(f"{term!r} có xuất hiện{where} trong {d}: câu này trả lời được")
    return out
