"""Answer a question from retrieved passages: select evidence sentences, let the model phrase
the answer, verify every figure in code, and repair or refuse when a figure is unsupported.

Paths (Answer.mode): "llm" (model answer, every figure verified), "extractive" (the evidence
sentence quoted: used when the model's answer fails verification, or when configured),
"computed" (arithmetic across two figures, done here), "refusal".
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

from assistant.generation import arith, compare, derive, listfind, qualifiers
from assistant.generation import listing as lists
from assistant.generation.factpick import FactIndex, base_fits, body_names_missing, choose, mismatch, noun_follows, with_folded
from assistant.generation.generator import Generator
from assistant.generation.prompts import Prompts
from assistant.generation.queue import Waiting
from assistant.generation.request import (
    _CHANGE_ASK,
    ABBREVIATIONS,
    PLACE_ALIASES,
    STOPWORDS as ASKING_WORDS,
    Request,
    expand_abbreviations,
    known_places,
    missing_phrases,
    parse_request,
    split_within,
    terms_of,
)
from assistant.generation.select import (
    Sentence,
    TermWeights,
    _strip_periods,
    candidate_sentences,
    content_terms,
    coverage,
)
from assistant.generation.series import build_series
from assistant.generation.seriesask import series_answer, series_question
from assistant.generation.remaining import split_gap, split_remaining
from assistant.generation.twopart import split_parts
from assistant.generation.verify import verify_answer
from assistant.generation.write import describe, figure_phrase, write_answer, write_refusal
from assistant.ingest.facts import PLACE_RE, bare_place, same_place
from assistant.ingest.gazetteer import PROVINCES
from assistant.ingest.lexfold import fold, normalize_tone
from assistant.ingest.periods import compatible, doc_period, find_period_spans, find_periods
from assistant.numbers import find_numbers, format_vn, read_unit, unit_of
from assistant.retrieval.search import Filters, Searcher, clean_question
from assistant.types import Answer, Hit

log = logging.getLogger(__name__)
NOT_FOUND = "KHÔNG CÓ TRONG TÀI LIỆU"
_FIGURE_CUES = ("bao nhieu", "may ", "ty le", "%", "toc do", "quy mo", "gia tri", "so luong",
                "tong so", "muc tang", "dat bao", "tang bao", "giam bao", "chiem",
                "tang hay giam", "giam hay tang", "tang hoac giam")  # the direction is a figure's sign

# A unit where a figure should be: "Tổng thu … là  tỷ đồng", "đạt % kế hoạch"
_BLANK_FIGURE = re.compile(r"(?i)(?:\blà|\bđạt|\bbằng|\bkhoảng|\bcó|\btăng|\bgiảm|:)\s+(?:tỷ|triệu|nghìn|%|phần trăm|đồng|USD|ha|tấn|người|lượt)(?!\w)")
# Words of time and degree that name no indicator: a report that never writes "hết" ("đến hết
# 9 tháng") still answers the question. "chưa" is not one of them: "chưa giải ngân" is another figure.
_NAMES_NOTHING = {"hết", "cuối", "vẫn", "nữa", "lại", "riêng", "hiện", "tại",
                  # how a question points at the report, not what it asks about ("được nêu trong báo cáo")
                  "nêu", "ghi", "nhắc", "đề", "cập", "chừng", "xấp", "xỉ", "đặt", "dẫn",
                  "ngoái"}  # "năm ngoái": the year before, named by the period words around it


def unknown_province(question: str, unknown: set[str]) -> str | None:
    """A province of the gazetteer named bare in the question whose every word no report uses:
    the question is about a place the index has no report on, not about an unknown indicator."""
    folded = fold(question.lower())
    for name in PROVINCES:
        words = normalize_tone(name.lower()).split()
        if all(w in unknown for w in words) and re.search(rf"(?<!\w){re.escape(fold(name.lower()))}(?!\w)", folded):
            return name
    gone = {fold(w.lower()) for w in unknown}
    for alias, bare in PLACE_ALIASES.items():  # "TP.HCM", "BR-VT"
        if all(w in gone for w in re.findall(r"\w+", alias)) and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", folded):
            return next(n for n in PROVINCES if fold(n.lower()) == bare)
    return None


@dataclass
class AnswerOptions:
    k: int = 5
    min_coverage: float = 0.6
    max_sentences: int = 3
    max_tokens: int = 160
    mode: str = "hybrid"  # "hybrid": model first, extractive repair; "extractive"; "llm" (no repair)
    facts: bool = True  # figures chosen among facts; False: only the sentence path (qualitative answers)


# A figure left blank in a draft: "đạt ….% mục tiêu", "thu hút được ....... tỷ USD", "xếp thứ.../63".
_BLANK = re.compile(r"(?:…[.…]*|\.{3,}[.…]*)\s*(?:%|/\d|(?:nghìn |triệu |tỷ )?(?:tỷ|triệu|nghìn|đồng|USD|ha|người))")


def wants_list(question: str) -> bool:
    f = fold(question.lower())
    return (" nao" in f and any(c in f for c in ("nhung ", "cac "))) or lists.asked_where(f) or any(
        c in f for c in ("gom nhung", "liet ke", "ke ten", "nhung gi", "nhiem vu gi", "giai phap gi")) or (
        lists.asks_what_items(question))


_HOW = re.compile(r"\b(?:ra sao|the nao|ra lam sao|tai sao|vi sao|nguyen nhan)\b")


def asks_how(question: str) -> bool:
    """"Lĩnh vực văn hóa, xã hội phát triển ra sao?": a question of how or why that names no
    figure is answered from the sentences, never by one figure of them."""
    if _HOW.search(fold(question.lower())) is None or wants_figure(question):
        return False
    return not changed_against(question)


_WHY = re.compile(r"\b(?:tai sao|vi sao|nguyen nhan|do dau)\b")
_AGAINST_PERIOD = re.compile(r"(?i)(?<!\w)so\s+(?:với\s+)?(?:cùng\s+kỳ|(?:năm|tháng|quý|kỳ)\b|cuối|đầu|\d)")


def changed_against(question: str) -> bool:
    """"IIP 11 tháng thay đổi thế nào so với cùng kỳ?": how an indicator changed against a basis
    asks for its change, a figure (not why it changed)."""
    return (_CHANGE_ASK.search(question) is not None and _AGAINST_PERIOD.search(question) is not None
            and _WHY.search(fold(question.lower())) is None)


def wants_figure(question: str) -> bool:
    f = re.sub(r"[^\w%]+", " ", fold(question.lower())) + " "  # "thứ mấy?" asks a figure too
    return any(c in f for c in _FIGURE_CUES)


_RANK = re.compile(r"(?i)(?:thứ|hạng|top)\s*\d|\d+/\d+")


def _figures(text: str):
    """The figures of a sentence that can answer "bao nhiêu": not the years, months and dates
    of its periods, nor a document's number ("Quyết định số 12/QĐ-UBND"); a ratio "38/63" is."""
    spans = [(a, b) for a, b, _ in find_period_spans(text)]
    out = []
    for m in find_numbers(text):
        if any(a <= m.start < b for a, b in spans) or text[m.end : m.end + 1] == "/":
            continue
        if m.value is None:
            parts = [int(x) for x in m.text.split("/")]
            if len(parts) != 2 or parts[0] > parts[1] or parts[1] >= 1900:
                continue  # a date, not a ratio
        out.append(m)
    return out


def states_asked_unit(text: str, req: Request) -> bool:
    """A sentence quoted for "bao nhiêu tấn / lượt khách / dự án …" must write one of its
    figures with that unit (or that counted noun): a sentence whose figures are all of other
    things does not answer it, however many of the question's words it shares."""
    return bool(asked_figures(text, req))


def asked_figures(text: str, req: Request) -> list:
    """The figures of a sentence written with the unit (or counted noun) asked; all its figures
    when none was asked."""
    unit, noun = req.unit, req.noun
    if noun and normalize_tone(noun.split()[0]) in ASKING_WORDS:
        noun = None  # "bao nhiêu vào …", "bao nhiêu so với …": no noun was asked
    figures = _figures(text)
    if req.role == "rank" and not any(_RANK.search(text[max(0, m.start - 12) : m.end]) for m in figures):
        return []  # "xếp thứ mấy": a sentence that names the index but no place in a ranking
    if not unit and not noun:
        return figures
    out = []
    for m in figures:
        have = read_unit(text, m.end).base or ("%" if m.percent else "")
        if unit == "%" and have == "điểm %" and req.role != "change":
            continue  # a rate asked ("tỷ lệ … bao nhiêu %") is not a contribution in points
        if unit and base_fits(have, unit):
            out.append(m)
        elif not unit and (noun_follows(text, m.end, noun) or (have and fold(have).endswith(fold(noun)))):
            out.append(m)
    return out


_RATE_ASKED = re.compile(r"\bty (?:le|trong)\b")
_CHANGE_ASKED = re.compile(r"\b(?:tang|giam|toc do)\b")
# a percentage written as a change: "tăng 5%", "tăng trưởng 14,5%", "tốc độ tăng bình quân ước đạt 9%"
_CHANGE_BEFORE = re.compile(r"\b(?:tang truong|tang|giam|toc do tang)(?: (?:dat|uoc dat|khoang|binh quan|len|them))*\s*$")


def rate_as_change(text: str, question: str) -> bool:
    """A rate asked ("tỷ lệ dân số đô thị bao nhiêu", no change named) and every percentage of the
    sentence a change ("mục tiêu tăng trưởng 14,5%"): a growth figure is not the rate."""
    fq = fold(question.lower())
    if not _RATE_ASKED.search(fq) or _CHANGE_ASKED.search(fq):
        return False
    shares = [m for m in _figures(text) if m.percent]
    return bool(shares) and all(_CHANGE_BEFORE.search(fold(text[max(0, m.start - 40) : m.start].lower()))
                                for m in shares)


_MONEY_ASKED = re.compile(r"\b(?:doanh thu|kim ngach|du no|von dau tu|von dang ky|so tien|kinh phi|tong thu|tong chi|"
                          r"thu ngan sach|chi ngan sach)\b")


def money_unstated(text: str, question: str, req: Request) -> bool:
    """An amount of money asked by name ("doanh thu thương mại điện tử … bao nhiêu") with no unit
    typed, and no figure of the sentence in money: its counts and shares are of other things."""
    f = fold(question.lower())
    if req.unit or req.role not in (None, "level") or not _MONEY_ASKED.search(f) or "%" in question \
            or re.search(r"\b(?:ty le|phan tram|bao nhieu lan|gap)\b", f):
        return False
    return not any(read_unit(text, m.end).base in ("đồng", "USD") for m in _figures(text))


_LEVEL_WORDS = {"huyen", "xa", "thi", "tran", "thanh", "pho", "phuong", "quan"}


def item_named(item: str, question: str) -> bool:
    """The label of a listed item ("Mũi Điện 286.300 lượt", "thị xã Giá Rai 548 ha") is named by the
    question: its own words, the level of a place aside, are all asked."""
    figures = _figures(item)
    label = item[: figures[0].start] if figures else item
    own = {fold(w) for w in terms_of(label, expand=False)} - _LEVEL_WORDS
    return bool(own) and own <= {fold(w) for w in terms_of(question, expand=False)}


def breakdown_only(text: str, question: str) -> bool:
    """"Số giấy chứng nhận cấp lần đầu: huyện A 512 giấy; huyện B 468 giấy; …": a breakdown, one
    figure per item, none of which the question names, does not answer "bao nhiêu" for the
    whole (its total is not written here)."""
    body = text.split(":", 1)[1] if ":" in text else text
    parts = [x for x in body.split(";") if x.strip()]
    if len(parts) < 3 or not re.search(r"\b(?:bao nhieu|may)\b", fold(question.lower())):
        return False
    labels = []
    for part in parts:
        figures = _figures(part)
        if len(figures) != 1:
            return False
        labels.append(part[: figures[0].start])
    return not any(item_named(label, question) for label in labels)


_GROWTH_ASKED = re.compile(r"\b(?:toc do (?:tang|giam)|tang truong|tang bao nhieu|giam bao nhieu|tang may|giam may|"
                           r"tang (?:them|len)|giam (?:di|xuong))\b")


def change_unstated(text: str, question: str, req: Request) -> bool:
    """A growth or change asked ("tốc độ tăng GRDP", "tăng bao nhiêu %") and no figure of the
    sentence written as one ("tăng 5%", "giảm 1.200 ha", "tăng trưởng 7,1%"): a level or a share
    ("quy mô GRDP … chiếm 31,1%") is quoted for no growth."""
    if req.role != "change" or not _GROWTH_ASKED.search(fold(question.lower())):
        return False
    figures = _figures(text)
    return bool(figures) and not any(
        re.search(r"\b(?:tang|giam|cao hon|thap hon|nhieu hon|it hon)\b", fold(text[: m.start].lower()))
        for m in figures)


# "Thu nội địa trừ thu tiền sử dụng đất đạt …": what the figure leaves out ("phòng trừ sâu bệnh",
# "khấu trừ" are other words)
_EXCLUDED = re.compile(r"(?i)(?<!phòng )(?<!khấu )(?<!diệt )(?<!\w)(?:trừ|không kể|không tính)\s+"
                       r"((?:[^\W\d_]+\s+){0,6}?[^\W\d_]+)(?=\s+(?:đạt|tăng|giảm|ước|là|chiếm|bằng)(?!\w)|\s*[,;:(]|\s+\d)")


def excluded_only(text: str, question: str) -> bool:
    """The words that set the asked indicator apart are written in the sentence only in what its
    figure leaves out ("thu tiền SDĐ … tăng bao nhiêu" against "thu nội địa trừ thu tiền sử dụng
    đất … tăng 21,6%"): the figure is of the rest, not of what was asked."""
    spans = [m.span(1) for m in _EXCLUDED.finditer(text)]
    if not spans or re.search(r"(?i)(?<!\w)(?:trừ|không kể|không tính)\s", question):
        return False  # nothing left out, or the question asks for the rest itself
    outside = list(text)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    asked = set(terms_of(question, expand=True))
    inside = asked & set(terms_of(" ".join(text[a:b] for a, b in spans), expand=True))
    only = inside - set(terms_of("".join(outside), expand=True))
    return len(only) >= 2 and 2 * len(only) >= len(inside)


def qualified(text: str, question: str, req: Request) -> bool:
    """The sentence's figures are of the part of a closed set the question names (crop season,
    quarter, sector, town or country, exports or imports, domestic or foreign capital), and it is
    not a mere breakdown by such a set when the question asks the whole. See qualifiers.py."""
    figures = _figures(text)
    if qualifiers.clashes(question, text) or qualifiers.parts_only(question, text, figures):
        return False
    if rate_as_change(text, question) or excluded_only(text, question) or change_unstated(text, question, req) \
            or breakdown_only(text, question) or money_unstated(text, question, req):
        return False
    fitting = asked_figures(text, req)
    if not fitting or not qualifiers.asked(question):
        return True
    labels = dict(zip((m.start for m in figures), qualifiers.labels(text, figures)))
    return any(not qualifiers.figure_clashes(question, text, m, labels.get(m.start, {})) for m in fitting)


class Answerer:
    def __init__(self, searcher: Searcher, generator: Generator | None, prompts: Prompts,
                 options: AnswerOptions | None = None):
        self.searcher = searcher
        self.generator = generator
        self.prompts = prompts
        self.opts = options or AnswerOptions()
        self.weights = TermWeights([c.full_text for c in searcher.data.chunks])
        self.system = prompts.render("system")
        places = {d: m.get("place") for d, m in searcher.documents.items()}
        self.facts = FactIndex(searcher.data.facts, places,
                               {d: doc_period(m) for d, m in searcher.documents.items()})
        # what the reports name: their words, and the indicators the facts give their figures
        # ("dịch vụ chiếm 41,2%" is the "tỷ trọng dịch vụ" a question may ask for)
        named = [c.full_text + " " + c.section for c in searcher.data.chunks] + [f.indicator for f in searcher.data.facts]
        # words of a measure any figure may be asked by, written or not: "chiếm 14,2%" is a "tỷ lệ"
        named += ["tỷ lệ tỷ trọng tốc độ tăng trưởng"]
        self.vocabulary = with_folded(list({normalize_tone(w.lower()) for t in named for w in re.findall(r"[^\W\d_]+", t)}))
        # each report's issuer without its place, as folded words ("ngan hang nha nuoc chi nhanh")
        issuers = (re.split(r"\s+(?:tỉnh|thành phố|huyện|thị xã|quận)\s", str(m.get("issuer") or ""), maxsplit=1)[0]
                   for m in searcher.documents.values())
        self._issuer_phrases = sorted({" " + " ".join(w) + " " for w in (re.findall(r"\w+", fold(i.lower())) for i in issuers)
                                       if len(w) >= 3})

    # -- public -----------------------------------------------------------------------------
    def warm(self) -> None:
        """Evaluate the fixed system prompt once, so llama.cpp's prefix cache holds it and the
        first real question only pays for its own passages."""
        if self.generator is not None:
            for _ in self.generator.stream([{"role": "system", "content": self.system},
                                            {"role": "user", "content": "Xin chào"}], 1):
                pass

    def ask(self, question: str, history=None, doc_ids: list[str] | None = None, focus=()) -> Answer:
        final = None
        for kind, payload in self.stream(question, history, doc_ids, focus):
            if kind == "final":
                final = payload
        assert isinstance(final, Answer)
        return final

    def stream(self, question: str, history=None, doc_ids: list[str] | None = None,
               focus=()) -> Iterator[tuple[str, object]]:
        """`focus`: the sentences of the facts a conversation last showed; a component or a
        reference ("trong đó …", "các dự án đó") prefers figures written in them."""
        t0 = time.perf_counter()
        q = clean_question(question, self.searcher.max_question_chars)
        standalone = self.searcher.restore(q)  # follow-ups are resolved before (chat/state.py)
        filters = Filters(doc_ids=doc_ids or None)
        hits = self.searcher.search(standalone, self.opts.k, filters=filters)
        timings = {"retrieve_s": time.perf_counter() - t0}
        yield ("evidence", hits)
        trend = self._series_answer(q, standalone, doc_ids) if self._use_facts() else None
        if trend is not None:  # "… qua các năm", "… từ 2022 đến nay": the series as a table
            trend.standalone_question = standalone
            trend.timings = {**timings, "total_s": time.perf_counter() - t0}
            yield ("final", trend)
            return
        left = split_remaining(standalone) if self._use_facts() else None
        rest = self._remaining(q, left, filters) if left else None
        if rest is not None:  # "còn bao nhiêu … chưa giải ngân so với kế hoạch": plan less done, computed
            rest.standalone_question = standalone
            rest.timings = {**timings, "total_s": time.perf_counter() - t0}
            rest.timings.setdefault("first_token_s", rest.timings["total_s"])
            yield ("final", rest)
            return
        short = split_gap(standalone, self.facts.places) if self._use_facts() and not left else None
        rest = derive.gap(self, q, short, filters) if short else None
        if rest is not None:  # "còn phải thu bao nhiêu nữa mới đạt dự toán", "vượt dự toán bao nhiêu"
            rest.standalone_question, rest.timings = standalone, {**timings, "total_s": time.perf_counter() - t0}
            rest.timings.setdefault("first_token_s", rest.timings["total_s"])
            yield ("final", rest)
            return
        parts = split_parts(standalone) if self._use_facts() and not wants_list(standalone) else None
        both = self._two_parts(q, parts, filters, focus) if parts else None
        if both is not None:  # "đạt bao nhiêu, bằng bao nhiêu % dự toán?": each part its own fact
            both.standalone_question = standalone
            both.timings = {**timings, "total_s": time.perf_counter() - t0}
            both.timings.setdefault("first_token_s", both.timings["total_s"])
            yield ("final", both)
            return
        asked = find_periods(standalone)
        listing = wants_list(standalone)  # "những tỉnh nào cao hơn …" asks for names, not a difference
        req = parse_request(standalone, self.facts.places)
        sides = compare.split(req, self.facts.places) if self._use_facts() and not listing else None
        stated = None
        if req.basis and not listing and self._use_facts() and (
                sides is not None or arith.parse_comparison(standalone, asked) is not None):
            # "so với tháng trước / cùng kỳ / quý IV/2024" names the basis of one change: the change
            # the report states against that very basis is the answer (factpick.basis_fits); when
            # none is stated, it is computed from the two levels below, or refused (a question no
            # comparison path would take goes the usual way: superlatives, lists, sentences)
            single = self._fact_answer(q, standalone, hits, focus)
            if not single.refused:
                sides, stated = None, single
        if stated is not None:
            pass
        elif sides is not None and ((sides.growth and not compare.two_periods(sides)) or _of_plan(sides)):
            # "tăng bao nhiêu % so với 31/12/2023": a report often states that growth itself
            # "gấp bao nhiêu lần kế hoạch": so it does the ratio to the plan ("gấp 3,1 lần kế hoạch")
            single = self._fact_answer(q, standalone, hits, focus)
            sides = None if not single.refused else sides
        elif sides is not None and sides.growth and compare.two_periods(sides):
            # "tăng bao nhiêu % so với cuối năm 2021": a growth the report states against that
            # very period ("tăng 9,3% so với 31/12/2021") is the answer; another basis is not
            single = self._fact_answer(q, standalone, hits, focus)
            if not single.refused and _stated_against(single.facts[0], sides):
                sides, stated = None, single
        comparison = None if sides or listing or stated else arith.parse_comparison(standalone, asked)
        if stated is not None:  # not worked out again from two sides the reports may not both give
            answer = stated
            answer.timings = {**timings, "total_s": time.perf_counter() - t0}
        elif sides is not None:
            answer = self._fact_compare(q, sides, filters)
            answer.timings = {**timings, "total_s": time.perf_counter() - t0}
        elif comparison is not None:
            answer = yield from self._compare(q, standalone, comparison, filters, timings, t0)
        else:
            answer = yield from self._answer(q, standalone, hits, asked, timings, t0, focus)
        answer.standalone_question = standalone
        answer.timings.setdefault("first_token_s", answer.timings.get("total_s", 0.0))
        yield ("final", answer)

    def _series_answer(self, q: str, standalone: str, doc_ids: list[str] | None) -> Answer | None:
        ask = series_question(standalone)
        if ask is None:
            return None
        series = build_series(self.facts, self.searcher.documents, ask.indicator, year_from=ask.year_from,
                              year_to=ask.year_to, doc_ids=doc_ids)
        return series_answer(q, series, self.searcher.chunk) if series.points else None

    # -- single figure ------------------------------------------------------------------------
    def evidence(self, standalone: str, hits: list[Hit], asked) -> list[Sentence]:
        # a list question carries asking words a listing sentence does not repeat ("những … nào
        # được nêu"): its sentence may cover a little less of it
        written = " ".join(h.chunk.full_text for h in hits)
        cands = candidate_sentences(hits, expand_abbreviations(standalone, written), self.weights,
                                    self.searcher.documents, asked)
        need_number = wants_figure(standalone)
        floor = self.opts.min_coverage - (0.1 if wants_list(standalone) else 0.0)
        good = [s for s in cands if s.coverage >= floor and s.period_ok
                and (s.numbers or not need_number)]
        noun = lists.asked_noun(standalone) if wants_list(standalone) else None
        kept = good[: self.opts.max_sentences]
        if noun:  # a lower-ranked sentence that enumerates what is asked stays a candidate
            kept += [s for s in good[self.opts.max_sentences :] if lists.enumerated(s.text, noun)][:1]
        return kept

    def _answer(self, q, standalone, hits, asked, timings, t0, focus=()):
        best = self._superlative(q, standalone, hits, asked) if self._use_facts() else None
        if best is not None:  # "huyện nào có … cao nhất": computed over an enumeration, or refused
            best.timings = {**timings, "total_s": time.perf_counter() - t0}
            return best
        if self._use_facts() and not wants_list(standalone) and not asks_how(standalone):
            named = self._list_answer(q, standalone, hits, noun=lists.which_noun(standalone), named=True)
            if named is not None:  # "Sản phẩm nào không đạt kế hoạch?", "… đến từ đâu?": the names, counted
                named.timings = {**timings, "total_s": time.perf_counter() - t0}
                return named
            answer = self._fact_answer(q, standalone, hits, focus)
            implied = derive.answer(self, q, standalone, hits) if answer.refused else None
            answer = implied or answer  # a figure the report implies: worked out from two it states
            if not answer.refused or self._other_place(answer.request) or answer.request.get("unknown"):
                answer.timings = {**timings, "total_s": time.perf_counter() - t0}
                return answer
            counted = self._list_answer(q, standalone, hits, count=True)  # "có bao nhiêu nhiệm vụ …"
            if counted is not None:
                counted.timings = {**timings, "total_s": time.perf_counter() - t0}
                return counted
            # No fact fits: the sentence path below still answers qualitative questions, and
            # figures whose clause the fact rules did not read, verified against the sentence;
            # when it refuses too, the fact refusal (with the nearest facts) is what is shown.
            # Measured on eval/questions.jsonl: quoting the verified sentence beats letting the
            # model phrase it for figures and lists (78% vs 73% right, p95 0,3 s vs 14,5 s), so
            # the model writes only answers that ask for no figure.
            if compare._cue(standalone) or split_gap(standalone) is not None \
                    or re.search(r"\bcon thieu\b|\bthieu bao nhieu\b", fold(standalone.lower())):
                # a difference or a gap asked and not worked out: a quoted sentence holds its operands,
                # not the answer; the refusal lists the nearest facts
                answer.timings = {**timings, "total_s": time.perf_counter() - t0}
                return answer
            quote = wants_figure(standalone)
            # a component ("Trong tổng thu NSNN, thu nội địa …") must be named by the quoted
            # sentence itself: the whole's words alone do not make its sentence an answer
            part = split_within(standalone)[2] if (answer.request or {}).get("within") else None
            fallback = yield from self._sentence_answer(q, standalone, hits, asked, timings, t0, quote, part,
                                                        request=parse_request(standalone, self.facts.places))
            if fallback.refused or not self._about_place(fallback, answer.request):
                answer.timings = {**timings, "total_s": time.perf_counter() - t0}
                return answer
            return fallback
        quote = self._use_facts() and wants_list(standalone)  # lists: the enumeration quoted whole
        listed = self._list_answer(q, standalone, hits) if quote else None
        if listed is not None:
            listed.timings = {**timings, "total_s": time.perf_counter() - t0}
            return listed
        limit = lists.bound(standalone) if quote else None
        if limit is not None:  # "những khoản thu nào đạt dưới 60%": no list whose items' figures meet it
            noun = lists.asked_noun(standalone) or "mục"
            text = f"Các báo cáo hiện có không nêu danh sách {noun} có tỷ lệ {limit.written} để trả lời câu hỏi này."
            return Answer(q, text, hits[:3], verified=True, refused=True, mode="refusal",
                          timings={**timings, "total_s": time.perf_counter() - t0})
        return (yield from self._sentence_answer(q, standalone, hits, asked, timings, t0, quote))

    def _list_answer(self, q: str, standalone: str, hits: list[Hit], count: bool = False, noun: str | None = None,
                     named: bool = False) -> Answer | None:
        """The enumeration of what a list question asks ("những xã nào") or a counting question
        counts ("có bao nhiêu nhiệm vụ"), read over the documents the search found; None when
        none covers the question well (the caller answers as before). A count is written only
        when code counted the items of a closed list and any count the report states agrees."""
        if named and not noun:
            return None
        noun = noun or (lists.counted_noun(standalone) if count else lists.asked_noun(standalone))
        if not noun:
            return None
        req = parse_request(standalone, self.facts.places)
        docs = list(dict.fromkeys(h.chunk.doc_id for h in hits))
        found = listfind.find(standalone, noun, self._chunks_by_doc(), docs, {h.chunk.chunk_id for h in hits},
                              self.weights, self.searcher.documents, req.place, self._without_places(standalone),
                              None if count else lists.asked_phrase(standalone),
                              listfind.COUNT_SCORE if count else listfind.MIN_SCORE)
        alt = lists.subject_noun(standalone) if found is None and not count and not named else None
        if alt and alt != noun:  # "Thị trường xuất khẩu chính là những nước nào": a list of "thị trường"
            found = listfind.find(standalone, alt, self._chunks_by_doc(), docs, {h.chunk.chunk_id for h in hits},
                                  self.weights, self.searcher.documents, req.place, self._without_places(standalone))
            if found is not None and (found.how != "sentence" or found.open_end
                                      or lists.items_line(found.sentence, f"những {alt} nào", standalone) is None):
                found = None
            noun = alt if found is not None else noun
        if found is None:
            return None
        if count and found.how == "sentence" and (found.open_end or lists.items_line(found.sentence, f"những {noun} nào") is None):
            return None  # no count code can stand behind: the other paths answer
        if count and found.how == "sentence" and listfind.figured(found.items):
            # "huyện A 402 giấy; huyện B 377 giấy; …": parts each with their own figure. "bao nhiêu
            # giấy" of the whole is not their count (nor written here): the other paths answer; an
            # item the question names ("Mũi Điện đón bao nhiêu lượt") is quoted with its figure, uncounted
            if not any(item_named(x, standalone) for x in found.items):
                return None
            title = self.searcher.documents.get(found.chunk.doc_id, {}).get("title") or found.chunk.doc_title
            return Answer(q, f"Theo {title}: “{found.sentence}” [1]", [self._hit_for(found.chunk.chunk_id, hits)],
                          verified=True, mode="extractive")
        if named and (found.how != "sentence" or found.open_end
                      or lists.items_line(found.sentence, f"những {noun} nào", standalone) is None):
            return None  # names asked without "những": only a closed list code counted answers here
        title = self.searcher.documents.get(found.chunk.doc_id, {}).get("title") or found.chunk.doc_title
        text, n = listfind.answer_text(found, noun, title, standalone)
        cites = [self._hit_for(found.chunk.chunk_id, hits)]
        if n == 2 and found.last is not None:
            cites.append(self._hit_for(found.last.chunk_id, hits))
        return Answer(q, text, cites, verified=True, mode="extractive")

    def _superlative(self, q: str, standalone: str, hits: list[Hit], asked) -> Answer | None:
        """"Huyện nào có … cao nhất", "ngành nào tăng mạnh nhất": a sentence of the reports that
        says it is quoted; else code picks the highest (lowest) of an enumeration whose items each
        carry one figure, when the list is complete (closed, not "như: …, …"); else a refusal
        that says why, never one place's figure picked as the highest."""
        sup = listfind.superlative(standalone)
        if sup is None:
            return None
        noun, lowest, label = sup
        words = listfind._SUPER.search(fold(standalone.lower())).group(1)
        good = self.evidence(standalone, hits, asked)
        said = [s for s in good if words in fold(s.text.lower()) and lists.noun_in(s.text, noun)]
        if said:  # the report names it itself
            return self._extractive(q, hits, said[:1])
        req = parse_request(standalone, self.facts.places)
        docs = list(dict.fromkeys(h.chunk.doc_id for h in hits))
        found = listfind.find(standalone, noun, self._chunks_by_doc(), docs, {h.chunk.chunk_id for h in hits},
                              self.weights, self.searcher.documents, req.place, self._without_places(standalone))
        cites = [self._hit_for(found.chunk.chunk_id, hits)] if found else hits[:1]
        title = self.searcher.documents.get(found.chunk.doc_id, {}).get("title", "") if found else ""
        values = listfind.figured(found.items) if found and found.how == "sentence" else None
        example = found is not None and bool(re.search(r"(?i)\b(?:như|chẳng hạn|một số)\b", found.sentence))
        if found is not None and values and not found.open_end and not example:
            pick = (min if lowest else max)(values, key=lambda v: v[0])
            ties = [v for v in values if v[0] == pick[0]]
            shown = lists.written_form(found.sentence, noun)
            if len(ties) == 1:
                text = (f"Trong {len(values)} {shown} báo cáo liệt kê, {label} là: "
                        f"{pick[2]} (so sánh do hệ thống tính trên các số liệu của câu dưới đây).\n"
                        f"Theo {title}: “{found.sentence}” [1]")
                return Answer(q, text, cites, verified=True, mode="computed")
        why = f"Các báo cáo hiện có không nêu đủ số liệu của mọi {noun} để xác định {noun} {label}."
        if found is not None:
            why += f"\nBáo cáo chỉ nêu: “{found.sentence}” [1]"
        return Answer(q, why, cites, verified=True, refused=True, mode="refusal")

    def _chunks_by_doc(self) -> dict[str, list]:
        if getattr(self, "_doc_chunks", None) is None:
            by_doc: dict[str, list] = {}
            for c in self.searcher.data.chunks:
                by_doc.setdefault(c.doc_id, []).append(c)
            self._doc_chunks = {d: sorted(cs, key=lambda c: c.chunk_id) for d, cs in by_doc.items()}
        return self._doc_chunks

    def _contradicts(self, sent: Sentence, chunk_id: str, req) -> bool:
        """Every figure of the sentence is a fact of another period, place or kind than asked,
        or of a sibling indicator ("hộ nghèo" for "hộ cận nghèo": the question's key word is
        nowhere in the sentence, and the figure's indicator names something else); a sentence
        whose figures the fact rules did not read contradicts nothing."""
        facts = self.facts.facts
        own = [i for i in self.facts.by_chunk.get(chunk_id, ())
               if facts[i].sentence.strip() in sent.text or sent.text in facts[i].sentence]
        if not own:
            return False
        hard = {"kỳ", "nơi", "loại", "chỉ tiêu"}
        return all(hard & set(mismatch(facts[i], req, self.facts.doc_places.get(facts[i].doc_id),
                                       self.facts.doc_periods.get(facts[i].doc_id)))
                   or self.facts.sibling(i, req) for i in own)

    def _use_facts(self) -> bool:
        return self.opts.facts and bool(self.facts.facts)

    def _fact_compare(self, q: str, comp: compare.Comparison, filters: Filters) -> Answer:
        """Each side chosen among facts, the arithmetic done here; a missing side is named."""
        found, side_hits = [], []
        for side in comp.sides:
            side_hits.append(self.searcher.search(side.question, self.opts.k, filters=filters))
            found.append(compare.side_candidates(self.facts, side.request, [h.chunk.chunk_id for h in side_hits[-1]],
                                                 comp.same_indicator, bases=("USD", "đồng") if comp.balance else ()))
        for k, side in enumerate(comp.sides):
            if side.latest:  # "hiện nay": only the latest figure, later than the other side's
                found[k] = compare.keep_latest(found[k], found[1 - k])
        pair = (compare.choose_pair(found[0], found[1], comp.same_indicator, comp.sides[0].request.terms,
                                    [s.request.terms for s in comp.sides])
                if all(found) else None)
        chosen = list(pair) if pair else [None, None]
        hits = [self._hit_for(c.fact.chunk_id, h) if c else None for c, h in zip(chosen, side_hits)]
        missing = [s.label for s, c in zip(comp.sides, found) if not c]
        if not missing and pair is None:  # each side has figures, but none of the same measure
            text = ("Không tính được: các số liệu tìm được cho " + ", ".join(s.label for s in comp.sides)
                    + " không cùng một chỉ tiêu hoặc đơn vị.")
            cites = [self._hit_for(c[0].fact.chunk_id, h) for c, h in zip(found, side_hits)]
            return Answer(q, text, cites, verified=True, refused=True, mode="refusal")
        cites = [h for h in hits if h is not None]
        if missing:
            text = f"Không tính được: các báo cáo hiện có không nêu số liệu cho {', '.join(missing)}."
            return Answer(q, text, cites, verified=True, refused=True, mode="refusal")
        facts = [c.fact for c in chosen]
        result = compare.compute(comp, facts)
        if result is None:
            text = "Không so sánh được: hai số liệu có đơn vị khác nhau."
            return Answer(q, text, cites, verified=True, refused=True, mode="refusal")
        line, computed = result
        lines = [f"{s.label}: {describe(f)} {figure_phrase(f)} [{n}]." for n, (s, f) in enumerate(zip(comp.sides, facts), 1)]
        docs = self.searcher.documents
        shown = [{**f.to_dict(), "citation": n, "doc_title": docs.get(f.doc_id, {}).get("title", "")}
                 for n, f in enumerate(facts, 1)]
        return Answer(q, "\n".join(lines + [line]), cites, verified=True, mode="computed",
                      facts=shown + [computed])

    def _about_place(self, answer: Answer, request: dict | None) -> bool:
        """A sentence-path answer to a question naming a place must come from a report about that
        place, or a passage that names it: never one province's figure for another's."""
        place = (request or {}).get("place")
        if not place:
            return True
        docs = self.searcher.documents
        name = fold(bare_place(place))
        return bool(answer.citations) and all(
            same_place(place, docs.get(h.chunk.doc_id, {}).get("place")) or name in fold(h.chunk.full_text.lower())
            for h in answer.citations)

    def _without_places(self, question: str) -> str:
        """The question with every place it names blanked out."""
        for m in reversed(list(PLACE_RE.finditer(question))):
            question = question[: m.start()] + " " * (m.end() - m.start()) + question[m.end() :]
        for _, a, b in known_places(question, self.facts.places):
            question = question[:a] + " " * (b - a) + question[b:]
        return question

    def _other_place(self, request: dict | None) -> bool:
        """The question names a place no report speaks of: nothing else should answer it."""
        place = (request or {}).get("place")
        return bool(place) and not any(same_place(place, p) for p in self.facts.places)

    def _names_rare_words(self, good: list[Sentence], question: str, hits: list[Hit]) -> list[Sentence]:
        """A passage quoted for a figure must name one of the question's two rarest words (places
        and periods aside): "chi sự nghiệp y tế" is not answered by a sentence on land-use revenue
        that only shares the months and the province's name; the passage's heading counts ("Tổng chi
        6 tháng …" under "Chi ngân sách"). Compared with their diacritics when the question has them
        ("sự" is not "sử")."""
        bare = self._without_places(question).lower()
        marked = fold(bare) != bare
        form = normalize_tone if marked else fold
        asked = set(content_terms(bare))
        # an abbreviation is written either way ("FDI", "đầu tư trực tiếp nước ngoài"): no rare word to require
        words = [form(w) for w in re.findall(r"[^\W\d_]+", bare)
                 if fold(w) in asked and w not in ASKING_WORDS and w not in _NAMES_NOTHING
                 and normalize_tone(w) not in ABBREVIATIONS]
        rare = sorted(dict.fromkeys(words), key=lambda t: -self.weights.idf(fold(t)))[:2]
        if len(rare) < 2:
            return good
        def said(text: str) -> set[str]:  # its words, and those of the abbreviations it writes ("NSĐP")
            return {form(w.lower()) for w in re.findall(r"[^\W\d_]+", f"{text} {expand_abbreviations(text)}")}
        return [s for s in good if any(t in said(f"{hits[s.hit_index].chunk.section} {s.text}") for t in rare)]

    def _sentence_answer(self, q, standalone, hits, asked, timings, t0, quote: bool = False, part=None,
                         request=None):
        good = self.evidence(part or standalone, hits, asked)
        if request is not None:  # the fallback after no fact fitted
            # a body the question names by name ("KCN Hòa Phú") is named by the sentence, and the
            # passage is about what is asked
            good = [s for s in good if not body_names_missing(
                request, s.text, (self.searcher.documents.get(hits[s.hit_index].chunk.doc_id, {}).get("place"),))]
            good = self._names_rare_words(good, part or standalone, hits)
        if request is not None and quote:  # a quoted figure must not be of another period, place or kind
            good = [s for s in good if not self._contradicts(s, hits[s.hit_index].chunk.chunk_id, request)
                    and states_asked_unit(s.text, request) and qualified(s.text, standalone, request)]
            if request.place:  # the place's name is no evidence of the indicator: the rest must be covered
                terms = content_terms(_strip_periods(self._without_places(part or standalone)))
                good = [s for s in good if coverage(terms, s.text, self.weights) >= self.opts.min_coverage]
        if good and wants_figure(standalone) and _BLANK.search(good[0].text):
            # a draft that leaves the figure out ("đạt ….% mục tiêu"): say so, quote it
            hit = hits[good[0].hit_index]
            text = f"Báo cáo có nêu nội dung này nhưng để trống số liệu: “{good[0].text}” [1]"
            answer = Answer(q, text, [hit], verified=True, refused=True, mode="refusal")
            answer.timings = {**timings, "total_s": time.perf_counter() - t0}
            return answer
        if not good:
            answer = self._refusal(q, standalone, hits, asked)
            answer.timings = {**timings, "total_s": time.perf_counter() - t0}
            return answer
        if wants_list(standalone):  # of the nearly best sentences, one that enumerates
            near = [s for s in good if s.coverage >= good[0].coverage - 0.1]
            listing = [s for s in near if _ENUMERATES.search(s.text)
                       or enumeration_note(s.text, hits[s.hit_index].chunk.footnotes)]
            # a sentence that enumerates the very thing asked ("những xã nào": "tại các xã A, B
            # và C") answers it even when it repeats fewer of the question's other words
            noun = lists.asked_noun(standalone)
            named = [s for s in good if s.coverage >= good[0].coverage - 0.3 and lists.enumerated(s.text, noun)] \
                if noun else []
            listing = named[:1] or listing
            good = listing[:1] + [s for s in good if s not in listing[:1]]
        if self.generator is None or self.opts.mode == "extractive" or (quote and self.opts.mode != "llm"):
            answer = self._extractive(q, hits, good, items=wants_list(standalone), question=standalone)
            answer.timings = {**timings, "total_s": time.perf_counter() - t0}
            return answer
        text = ""
        for piece in self.generator.stream(self._messages(standalone, hits, good), self.opts.max_tokens):
            if isinstance(piece, Waiting):  # another user's answer holds the model
                yield ("queued", piece.position)
                continue
            if not text:
                timings["first_token_s"] = time.perf_counter() - t0
            text += piece
            yield ("token", piece)
        answer = self._check(q, standalone, text.strip(), hits, good)
        answer.timings = {**timings, "total_s": time.perf_counter() - t0}
        return answer

    # -- facts: code chooses and writes the figure ----------------------------------------------
    def _without_issuer(self, question: str, terms: list[str]) -> list[str]:
        """"Mục tiêu … của NHNN chi nhánh Bà Rịa - Vũng Tàu": a report's issuer named in the question
        says whose report it is, not what is asked; its words leave the indicator's terms."""
        asked = " " + " ".join(re.findall(r"\w+", fold(expand_abbreviations(question).lower()))) + " "
        rest, named = asked, False
        for phrase in self._issuer_phrases:
            if phrase in rest:
                rest, named = rest.replace(phrase, " ", 1), True
        if not named:
            return terms
        left = set(rest.split())  # a word also asked outside the issuer's name stays
        kept = [t for t in terms if fold(t.lower()) in left]
        return kept if kept and len(kept) < len(terms) else terms

    def _fact_answer(self, q: str, standalone: str, hits: list[Hit], focus=(), level: bool = False) -> Answer:
        """`level`: the question's other part asks for a share or a growth, so a part that names
        no role asks for the level itself ("đạt bao nhiêu, tăng bao nhiêu %")."""
        req = parse_request(standalone, self.facts.places)
        if level and req.role is None and req.unit != "%":
            req.role = "level"
        req.focus = list(focus)
        req.terms = self._without_issuer(standalone, req.terms)
        unknown = [t for t in req.terms if t not in self.vocabulary and t not in ABBREVIATIONS
                   and t not in _NAMES_NOTHING]
        if unknown:  # the question names something no report mentions at all
            places = [m.get("place") for m in self.searcher.documents.values() if m.get("place")]
            province = unknown_province(standalone, set(unknown))
            if province and req.place is None:  # "GRDP của Lào Cai": a province no report is about
                req.place = province
            gone: set[str] = set()
            if province and same_place(province, req.place):  # its words, or a short form ("TP.HCM")
                gone = set(fold(province.lower()).split())
                gone |= {w for a, c in PLACE_ALIASES.items() if c == fold(bare_place(province)) for w in re.findall(r"\w+", a)}
            named = [t for t in unknown if fold(t.lower()) not in gone]
            # the whole term as written ("tỷ lệ thất nghiệp"), not the syllables no report uses
            terms = missing_phrases(standalone, named, self.facts.places)
            text = write_refusal(req, [], places)
            if terms:
                text += f" Không báo cáo nào nhắc tới: {'; '.join(terms)}."
            return Answer(q, text, hits[:3], verified=True, refused=True, mode="refusal",
                          request={**req.to_dict(), "unknown": unknown})
        chosen, near = choose(self.facts, req, [h.chunk.chunk_id for h in hits])
        docs = self.searcher.documents
        if chosen is not None:
            f = chosen.fact
            hit = self._hit_for(f.chunk_id, hits)
            title = docs.get(f.doc_id, {}).get("title") or hit.chunk.doc_title
            fact = {**f.to_dict(), "citation": 1, "doc_title": title, "score": round(chosen.score, 3),
                    "doc_place": docs.get(f.doc_id, {}).get("place")}
            return Answer(q, write_answer(f, title), [hit], verified=True, mode="facts", facts=[fact],
                          request=req.to_dict())
        places = self.facts.places  # a district named in a province's report is no place without reports
        cites = [self._hit_for(s.fact.chunk_id, hits) for s in near] or hits[:3]
        facts = [{**s.fact.to_dict(), "citation": n, "mismatch": s.reasons} for n, s in enumerate(near, 1)]
        return Answer(q, write_refusal(req, near, places), cites, verified=True, refused=True, mode="refusal",
                      facts=facts, request=req.to_dict())

    def _two_parts(self, q: str, parts: tuple[str, str], filters: Filters, focus=()) -> Answer | None:
        """Each part of a two-part question answered by its own fact, each cited; a part no fact
        answers is refused by name. None when neither part has a fact (the usual paths answer)."""
        answers = []
        ratio = parse_request(parts[1], self.facts.places).role in ("share_plan", "share_whole", "change")
        for k, part in enumerate(parts):
            hits = self.searcher.search(part, self.opts.k, filters=filters)
            answers.append(self._fact_answer(part, part, hits, focus, level=ratio and k == 0))
        if all(a.refused for a in answers):
            return None
        lines, cites, shown = [], [], []
        for part, a in zip(parts, answers):
            # a part no fact answers, or whose figure already answered the other (one figure
            # cannot answer both parts), is refused by name
            if a.refused or any(a.facts[0]["fact_id"] == f["fact_id"] for f in shown):
                lines.append(f"- Về “{part.rstrip(' ?')}”: các báo cáo hiện có không nêu số liệu này.")
                continue
            hit, fact = a.citations[0], a.facts[0]
            ids = [h.chunk.chunk_id for h in cites]
            if hit.chunk.chunk_id not in ids:
                cites.append(hit)
            n = [h.chunk.chunk_id for h in cites].index(hit.chunk.chunk_id) + 1
            first, _, source = a.answer.partition("\n")
            lines.append(f"- {first.replace('[1]', f'[{n}]')}" + (f"\n  {source}" if source else ""))
            shown.append({**fact, "citation": n})
        return Answer(q, "\n".join(lines), cites, verified=True, mode="facts", facts=shown,
                      request={"parts": [a.request for a in answers]})

    def _remaining(self, q: str, left, filters: Filters) -> Answer | None:
        """The plan and what was done, each its own cited fact, and the difference computed here;
        None (the usual paths answer) unless both are found in one unit with the plan the larger."""
        found = []
        for part in (left.plan, left.done):
            hits = self.searcher.search(part, self.opts.k, filters=filters)
            a = self._fact_answer(part, part, hits)
            if (a.refused or not a.facts) and found:
                a = self._done_after_plan(found[0], left.verb)
            if a is None or a.refused or not a.facts:
                return None
            found.append(a)
        pa, da = found
        plan, done = pa.facts[0], da.facts[0]
        up, ud = unit_of(plan.get("unit") or ""), unit_of(done.get("unit") or "")
        if plan.get("kind") != "target" or done.get("kind") == "target" or plan["fact_id"] == done["fact_id"] \
                or not up.base or up.base != ud.base or up.base == "%":
            return None
        vp, vd = plan["value"] * up.scale, done["value"] * ud.scale
        if vd > vp:
            return None
        scale, unit = compare.finer_unit(up, plan["unit"], ud, done["unit"])
        diff = (vp - vd) / scale
        cites = [pa.citations[0]]
        if da.citations[0].chunk.chunk_id != cites[0].chunk.chunk_id:
            cites.append(da.citations[0])
        n2 = len(cites)
        line1 = pa.answer.partition("\n")[0]
        line2 = da.answer.partition("\n")[0].replace("[1]", f"[{n2}]")
        text = (f"- {line1}\n- {line2}\nCòn chưa {left.verb} so với {left.plan_word} (tính từ hai số liệu trên: "
                f"{plan['text']} {plan['unit']} − {done['text']} {done['unit']}): **{format_vn(diff, 2)} {unit}**.")
        computed = {"value": round(diff, 6), "unit": unit, "op": "remaining", "operands": [plan["fact_id"], done["fact_id"]],
                    "formula": f"{plan['text']} {plan['unit']} - {done['text']} {done['unit']}"}
        return Answer(q, text, cites, verified=True, mode="computed",
                      facts=[{**plan, "citation": 1}, {**done, "citation": n2}, computed])

    def _done_after_plan(self, pa: Answer, verb: str) -> Answer | None:
        """"Kế hoạch vốn X năm 2024 là 186,2 tỷ đồng, đến ngày 30/6 giải ngân được 52,8 tỷ đồng":
        what was done of a plan, written right after it in its sentence and named by the verb alone;
        the first such figure in the plan's unit, not a plan itself."""
        plan = pa.facts[0]
        up = unit_of(plan.get("unit") or "")
        for f in self.facts.facts:
            if f.doc_id != plan["doc_id"] or f.sentence != plan["sentence"] or f.start <= plan["end"]:
                continue
            if f.role not in ("level", "count") or unit_of(f.unit or "").base != up.base:
                continue
            if not fold(f.indicator.lower()).startswith(fold(verb.lower())):
                continue
            between = fold(f.sentence[plan["end"]: f.start].lower())
            if re.search(r"[;.]", between) or not re.search(rf"\b{re.escape(fold(verb.lower()))}\b", between):
                continue
            if f.kind == "target":  # read as the plan's sentence; done when written so ("đã …", "… được")
                if not re.search(rf"\bda\s+{re.escape(fold(verb.lower()))}\b|\b{re.escape(fold(verb.lower()))}\s+duoc\b", between):
                    continue
                f = replace(f, kind="actual")
            hit = self._hit_for(f.chunk_id, [])
            text = f"{describe(f)} {figure_phrase(f)} [1]."
            docs = self.searcher.documents
            return Answer(pa.question, text, [hit], verified=True, mode="facts",
                          facts=[{**f.to_dict(), "citation": 1, "doc_title": docs.get(f.doc_id, {}).get("title", "")}])
        return None

    def _hit_for(self, chunk_id: str, hits: list[Hit]) -> Hit:
        for h in hits:
            if h.chunk.chunk_id == chunk_id:
                return h
        chunk = self.searcher.chunk(chunk_id)
        assert chunk is not None, chunk_id
        return Hit(chunk, 0.0)

    def _messages(self, question: str, hits: list[Hit], good: list[Sentence]) -> list[dict[str, str]]:
        lines = []
        for n, s in enumerate(good, 1):
            c = hits[s.hit_index].chunk
            period = self.searcher.documents.get(c.doc_id, {}).get("period", "")
            lines.append(self.prompts.render("passage", n=n, doc_title=c.doc_title, period=period, text=s.text))
        user = self.prompts.render("answer", passages="\n".join(lines), question=question)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def _check(self, q, standalone, text, hits, good) -> Answer:
        if NOT_FOUND in text.upper():
            return self._refusal(q, standalone, hits, find_periods(standalone))
        # The prompt numbered sentences; verification maps figures back to their chunks.
        if _BLANK_FIGURE.search(text):  # "… là  tỷ đồng": the model left the figure out; nothing is said
            return self._refusal(q, standalone, hits, find_periods(standalone))
        v = verify_answer(text, standalone, good)
        has_figure = bool(v.cited)
        # The model never chooses a figure: a question that names no "bao nhiêu" but gets one
        # ("Công suất sử dụng giường bệnh của bệnh viện X?") is answered by quoting the sentence,
        # where the figure stands beside its neighbours, not by the one the model picked.
        model_figure = has_figure and self._use_facts()  # the legacy sentence-only path lets it
        if v.ok and (has_figure or not wants_figure(standalone)) and not model_figure:
            cited_hits = [hits[i] for i in v.cited] or [hits[good[0].hit_index]]
            renum = _renumber(v.text, v.cited)
            if re.sub(r"\[\d+\]|[\s.,;:]", "", renum):  # words left once citations are taken off
                return Answer(q, renum, cited_hits, verified=True, mode="llm")
        if self.opts.mode == "llm":
            return Answer(q, text, [hits[s.hit_index] for s in good], verified=False,
                          unverified_numbers=v.unverified, mode="llm")
        if v.unverified and not any(m.value is not None and not re.fullmatch(r"(?:19|20)\d\d", m.text)
                                    for s in good[:1] for m in s.numbers):
            # the model gave a figure no passage holds, and the passage to quote holds none: the
            # reports do not say
            return self._refusal(q, standalone, hits, find_periods(standalone))
        repaired = self._extractive(q, hits, good)
        repaired.unverified_numbers = []  # the shown answer is the verified quote
        repaired.mode = "extractive-repair"
        return repaired

    def _extractive(self, q: str, hits: list[Hit], good: list[Sentence], items: bool = False,
                    question: str = "") -> Answer:
        best = good[0]
        hit = hits[best.hit_index]
        quoted = best.text + (_continuation(best.text, hit.chunk) if items else "")
        # the report's title from its profile, not the first line of its file (a two-column header)
        title = self.searcher.documents.get(hit.chunk.doc_id, {}).get("title") or hit.chunk.doc_title
        text = self.prompts.render("extractive", doc_title=title, sentence=quoted, n=1)
        note = enumeration_note(best.text, hit.chunk.footnotes, question or q) if items and not best.in_footnote else None
        if note:  # "05 dự án … đã khởi công" names its items in a footnote: quote that too
            text += f"\nCác mục được liệt kê (chú thích): “{note}” [1]"
        elif items and question:  # the items split and counted here
            line = lists.items_line(quoted, question)
            text += f"\n{line} [1]" if line else ""
        return Answer(q, text, [hit], verified=True, mode="extractive")

    def _refusal(self, q: str, standalone: str, hits: list[Hit], asked) -> Answer:
        available = sorted({
            doc_period(m).label() for m in self.searcher.documents.values() if doc_period(m)
        })
        if asked and not any(
            any(_covers(a, doc_period(m)) for m in self.searcher.documents.values()) for a in asked
        ):
            text = self.prompts.render("refusal_period", asked=", ".join(a.label() for a in asked),
                                       available="; ".join(available))
        else:
            text = self.prompts.render("refusal", topic="số liệu này" + (
                f" cho {', '.join(a.label() for a in asked)}" if asked else ""))
        return Answer(q, text, hits[:3], verified=True, refused=True, mode="refusal")

    # -- arithmetic ---------------------------------------------------------------------------
    def _compare(self, q, standalone, comparison, filters, timings, t0):
        parts = []
        for sub in comparison.sub_questions:
            hits = self.searcher.search(sub, self.opts.k, filters=filters)
            sub_answer = yield from self._answer(sub, sub, hits, find_periods(sub), timings, t0)
            parts.append(sub_answer)
        answer = arith.combine(q, comparison, parts)
        answer.timings = {**timings, "total_s": time.perf_counter() - t0}
        return answer


_ENUMERATES = re.compile(r"(?::|\bgồm\b|\bnhư\b)\s*[^;,.]+[;,][^;,.]+[;,]")
_ITEMS_LEAD = re.compile(r"^\[Chú thích [^\]]+\]\s*(?:(?:bao gồm|gồm|cụ thể|là|các [^:]{0,40})\s*:?\s*)?", re.I)


def _continuation(sentence: str, chunk) -> str:
    """An enumeration cut at ";" ("…: Tỉnh A (Lào), …; Tỉnh B (Hàn Quốc).") runs on to its full stop."""
    if not sentence.rstrip().endswith((";", ":")):
        return ""
    for source in (chunk.text, *chunk.footnotes):
        k = source.find(sentence)
        if k >= 0:
            rest = source[k + len(sentence) : k + len(sentence) + 600]
            stop = re.search(r"[.!?](?:\s|$)", rest)
            return " " + rest[: stop.end() if stop else len(rest)].strip()
    return ""


def enumeration_note(sentence: str, footnotes, question: str = "") -> str | None:
    """The footnote that lists the items a sentence only counts ("có 05 dự án … khởi công"):
    one whose items, cut at ";" (or ","), are as many as the sentence announces. Of two such
    notes ("03 chỉ tiêu …57 và 04 chỉ tiêu thành phần …58") the one sharing most word pairs
    with the question."""
    found = list(_enumeration_notes(sentence, footnotes))
    if len(found) > 1 and question:
        asked = _bigrams(question)
        return max(found, key=lambda n: len(asked & _bigrams(n)))  # a tie keeps the first
    return found[0] if found else None


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"\w+", fold(text.lower()))
    return set(zip(words, words[1:]))


def _enumeration_notes(sentence: str, footnotes) -> Iterator[str]:
    counts = {int(m.group(1)) for m in re.finditer(r"(?<![\d.,/])0?(\d{1,2})\s+[^\W\d_]", sentence)}
    if not counts or re.search(r":\s*[^;,]+[;,][^;,]+[;,]", sentence):
        return  # nothing counted, or the items are already in the sentence
    for note in footnotes:
        body = _ITEMS_LEAD.sub("", note).strip().rstrip(".")
        numbered = re.findall(r"(?:^|\s)\((\d{1,2})\)", body)  # "(1) …, (2) …": the numbers count
        if len(numbered) >= 2 and numbered == [str(k) for k in range(1, len(numbered) + 1)]:
            if len(numbered) in counts:
                yield body
            continue
        items = [x for x in re.split(r";" if ";" in body else r",", body) if x.strip()]
        if len(items) >= 2 and (len(items) in counts or (len(items) + 1 in counts and " và " in items[-1])):
            yield body  # "…; A và B." ends a list of as many items as announced


def _of_plan(comp: compare.Comparison) -> bool:
    """A ratio of an actual figure to its plan ("gấp bao nhiêu lần kế hoạch năm")."""
    return comp.ratio and [s.request.kind for s in comp.sides].count("target") == 1


_AGAINST = re.compile(r"(?i)\bso\s+(?:với\s+)?(?:thời\s+điểm\s+|cuối\s+|hết\s+)?")


def stated_basis(sentence: str, end: int):
    """The period a change is stated against, when its clause names one after the figure:
    "tăng 6.014 tỷ đồng (+6,27%) so với thời điểm 31/12/2023" -> the end of 2023."""
    rest = sentence[end : end + 80]
    stop = re.search(r"[;.]\s", rest)
    rest = rest[: stop.start()] if stop else rest
    m = _AGAINST.search(rest)
    if not m:
        return None
    found = find_periods(rest[m.start() :])
    return found[0] if found else None


def _stated_against(fact: dict, comp: compare.Comparison) -> bool:
    """The chosen figure is a change stated against the period of one side of the comparison."""
    if fact.get("role") != "change":
        return False
    basis = stated_basis(fact.get("sentence", ""), fact.get("end", 0))
    if basis is None:
        return False
    return any(compatible(p, basis) or compatible(basis, p) for s in comp.sides for p in s.request.periods
               if fact.get("period", {}) and p.label() != (fact.get("period") or {}).get("label"))


def _covers(asked, have) -> bool:
    return have is not None and (compatible(asked, have) or (asked.span == "year" and have.year == asked.year
                                                            and have.span == "year"))


def _renumber(text: str, cited: list[int]) -> str:
    """Citations in the answer refer to positions in Answer.citations (1-based)."""
    for pos, hit_index in enumerate(cited, 1):
        text = text.replace(f"[{hit_index + 1}]", f"[\x00{pos}]")
    return text.replace("\x00", "")
