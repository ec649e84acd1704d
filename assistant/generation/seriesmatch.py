"""Which facts are figures of one indicator: the matching rules of a series.

A fact belongs to the indicator asked when (1) its own indicator phrase carries the words asked
(idf-weighted, abbreviations both ways), or its own phrase is a part of them and the words
that lead to the figure since the previous figure carry them ("Tổng mức bán lẻ …; giá trị cả
năm đạt 40.500 tỷ đồng"); (2) its own phrase names nothing else ("dịch vụ", "đầu người",
"các xã đặc biệt khó khăn"); (3) its role fits: a growth series takes growth rates in %,
a level series levels, counts and shares; (4) place and opposite (thu/chi, xuất/nhập) checks
are factpick's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from assistant.generation.factpick import FactIndex, mismatch, with_folded
from assistant.generation.request import ABBREVIATIONS, Request, parse_request, terms_of
from assistant.ingest.lexfold import normalize_tone
from assistant.ingest.periods import find_period_spans
from assistant.numbers import find_numbers
from assistant.types import Fact

# Words an indicator phrase may carry beyond the words asked without naming another indicator:
# how it is measured or stated ("tốc độ", "bình quân", "phấn đấu", "đạt", "kết quả").
NEUTRAL = set(  # a word list reads best as one string
    "tốc độ kinh tế bình quân hằng hàng năm giá hiện hành so sánh tổng toàn địa bàn tỉnh phấn đấu "
    "đạt ước đến lên mức quy mô chung trên khoảng dự kiến kế hoạch mục tiêu chỉ tiêu giai đoạn "
    "nhiệm kỳ thời điểm trong có cao hơn vượt duy trì tiếp tục bảo đảm đảm thành phố nước "
    "cả số lượng hiện nay tính thực hiện được giá trị kết quả hết huy động lũy kế khá mạnh nhẹ "
    "tích cực cùng".split()
)
# Qualifiers of the whole economy or society, and the same indicator written another way.
# "mục tiêu Đại hội", "chỉ tiêu Nghị quyết" say whose target it is, not what it measures.
_NEUTRAL_PHRASES = re.compile(r"(?i)\b(?:toàn xã hội|tiêu dùng xã hội|(?:mục tiêu|chỉ tiêu) (?:đại hội|nghị quyết))\b")
_SYNONYMS = [(re.compile(r"(?i)\btốc độ tăng(?! trưởng)\b"), "tăng trưởng"),
             (re.compile(r"(?i)\s*/\s*người\b"), " bình quân đầu người"),
             # the statistical name, often shortened: "vốn đầu tư (phát triển) toàn xã hội"
             (re.compile(r"(?i)\bvốn đầu tư toàn xã hội\b"), "vốn đầu tư phát triển toàn xã hội")]
MIN_COVER = 0.99  # share of the asked words (idf-weighted) the indicator must carry: all
_GROWTH_WORDS = ("trưởng",)
_GROWTH_TERMS = {"trưởng", "tốc", "độ", "truong", "toc", "do"}
_RATE_TERMS = {"tỷ", "lệ", "ty", "le"}


def normalize(text: str) -> str:
    for rx, repl in _SYNONYMS:
        text = rx.sub(repl, text)
    return text


_FULL = {a: " ".join(normalize_tone(w) for w in full.split()) for a, full in ABBREVIATIONS.items()}


def abbreviations_in(text: str) -> list[str]:
    """Abbreviations whose full phrase is written in `text`, stopwords included ("chỉ số sản
    xuất công nghiệp" is "iip" although "chỉ" and "số" are stopwords of a question)."""
    words = " " + " ".join(normalize_tone(w.lower()) for w in re.findall(r"[^\W\d_]+", text)) + " "
    return [a for a, full in _FULL.items() if f" {full} " in words]


@lru_cache(maxsize=16384)
def terms(text: str) -> frozenset[str]:
    text = normalize(text)
    return frozenset(with_folded(terms_of(text) + abbreviations_in(text)))


def series_request(indicator: str, places: list[str], place: str | None = None) -> Request:
    req = parse_request(normalize(indicator), places)
    asked = list(dict.fromkeys(req.terms + abbreviations_in(normalize(indicator))))
    return replace(req, terms=asked, periods=[], kind="any", role=None, unit=None, noun=None,
                   place=place or req.place)


def is_growth(req: Request) -> bool:
    return any(w in req.terms for w in _GROWTH_WORDS)


def cover(index: FactIndex, req: Request, text: str) -> float:
    have = terms(text)
    total = sum(index.idf(t) for t in req.terms) or 1.0
    return sum(index.idf(t) for t in req.terms if t in have) / total


def foreign_words(indicator: str, req: Request, growth: bool = False) -> list[str]:
    """Words of the fact's own indicator (qualifiers in brackets aside) that were not asked and
    are not neutral: what makes it another indicator. In a growth series the size ("quy mô
    GRDP tăng 21%", a nominal growth) is another indicator than the growth asked."""
    asked = with_folded(terms_of(" ".join(req.terms)))
    text = _NEUTRAL_PHRASES.sub(" ", re.sub(r"\([^)]*(?:\)|$)", " ", normalize(indicator)))
    neutral = NEUTRAL - {"quy", "mô"} if growth else NEUTRAL
    return [w for w in terms_of(text, expand=False) if w not in asked and w not in neutral]


def lead(f: Fact) -> tuple[str, str]:
    """(the words leading to the figure since the previous figure of its sentence, the words
    of a figure it is a bracketed part of). A figure in brackets right after another is led by
    that figure's words too: "68,5 nghìn tỷ đồng (mục tiêu … đạt 56.000 tỷ đồng)"; in "9.990 tỷ
    đồng (trong đó: vốn ĐTPT 9.365 tỷ đồng …)" it is a part of that other figure."""
    figures = _figures(f.sentence)
    prev = [(a, b) for a, b in figures if b <= f.start]
    own = f.sentence[prev[-1][1] if prev else 0 : f.start]
    if not prev or not re.match(r"^[^()]*\(", own) or ")" in own:
        return own, ""
    before = [(a, b) for a, b in figures if b <= prev[-1][0]]
    parent = f.sentence[before[-1][1] if before else 0 : prev[-1][0]]
    if _PART.match(own.split("(", 1)[1]):
        return own.split("(", 1)[1], parent
    return parent + f.sentence[prev[-1][0] : f.start], ""


@lru_cache(maxsize=8192)
def _figures(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the figures of a sentence: not years, not numbers inside a period phrase."""
    periods = find_period_spans(sentence)
    return tuple((m.start, m.end) for m in find_numbers(sentence)  # "145/182" (value None) is read on
                 if m.value is not None and not _is_year(m.text)   # with its words, not a boundary
                 and not any(a <= m.start < b for a, b, _ in periods))


_PART = re.compile(r"(?i)\s*(?:trong đó|gồm|bao gồm)\b")


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def role_ok(f: Fact, growth: bool) -> bool:
    if growth:
        rate = f.role == "change" or (f.role == "level" and any(w in f.indicator.lower() for w in ("tăng", "tốc độ")))
        plan_basis = bool(f.basis) and any(w in f.basis for w in ("kế hoạch", "mục tiêu", "dự toán"))
        return rate and f.unit == "%" and not plan_basis
    return f.role in ("level", "count", "share_whole")


def names_indicator(index: FactIndex, f: Fact, req: Request, growth: bool = False) -> bool:
    if foreign_words(f.indicator, req, growth):
        return False  # names another indicator
    own, parent = lead(f) if "(" in f.sentence[: f.start] else (None, "")
    if parent and foreign_words(parent, req, growth):
        return False  # a part of another figure
    # "GRDP ước tăng 11,03%": the growth is the figure's role, not a word it must carry; so is
    # the rate of a share ("145/182 xã, chiếm 79,7%" for "tỷ lệ xã đạt chuẩn …")
    implied = _GROWTH_TERMS if growth else _RATE_TERMS if f.role == "share_whole" else set()
    req = replace(req, terms=[t for t in req.terms if t not in implied] or req.terms)
    if cover(index, req, f.indicator) >= MIN_COVER:
        return True
    return cover(index, req, own if own is not None else lead(f)[0]) >= MIN_COVER


def candidates(index: FactIndex, req: Request) -> list[int]:
    """Facts whose own indicator or context (heading, words before the figure) has an asked word."""
    asked = with_folded(req.terms)
    return [i for i, (own, ctx) in enumerate(zip(index.terms, index.context_terms))
            if not asked.isdisjoint(own) or not asked.isdisjoint(ctx)]


def matching_facts(index: FactIndex, req: Request, growth: bool) -> list[Fact]:
    out = []
    for i in candidates(index, req):
        f = index.facts[i]
        if f.period is None or not role_ok(f, growth):
            continue
        if names_indicator(index, f, req, growth) and not mismatch(f, req, index.doc_places.get(f.doc_id)):
            out.append(f)
    return out
