"""Choose the fact that answers a request, or say which part is missing.

Candidates are the facts of the retrieved chunks plus every fact of the index whose own
indicator phrase shares a term with the question. Hard filters: the period, place and kind the
question names, and the role it asks for. Ranking scores the fact's *own* indicator phrase
(never the words around a neighbouring figure), then its clause, then retrieval. Below a
calibrated score the answer is a refusal that lists the nearest facts of the same indicator.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from assistant.generation import qualifiers
from assistant.generation.request import MONEY, STOPWORDS, Request, basis_name, expand_abbreviations, per_asked, terms_of
from assistant.ingest.facts import ANNUAL_INDEX, same_place
from assistant.ingest.profile import _UP
from assistant.ingest.lexfold import fold, normalize_tone
from assistant.ingest.periods import TO_DATE, Period, basis_period, compatible, same_basis
from assistant.numbers import COUNT_UNITS, find_numbers, hedge_before, hedge_holds, unit_of
from assistant.types import Fact

MIN_SCORE = 0.55  # calibrated on the eval sets (see eval/README.md), not on single questions
_NOW_MARGIN = 0.05  # "hiện nay": a later figure covering the question this nearly as well is preferred
_KEY_SHARE = 0.8  # a question word at least this rare, relative to its rarest, is a key word


@dataclass
class Scored:
    fact: Fact
    score: float
    indicator_cover: float  # share of the question's weight in the fact's indicator or its context
    reasons: list[str]  # why a filtered-out fact did not fit: "kỳ", "nơi", "loại", "vai trò"
    own_cover: float = 0.0  # share in the fact's own indicator phrase only
    topic_cover: float = 0.0  # indicator_cover without the words the figure's unit says


class FactIndex:
    """Facts with their indicator terms, and term weights over all indicators."""

    def __init__(self, facts: list[Fact], doc_places: dict[str, str | None],
                 doc_periods: dict[str, Period | None] | None = None):
        self.facts = facts
        self.doc_places = doc_places
        self.doc_periods = doc_periods or {}
        # every place the reports speak of: their own and those their figures are about
        self.places = sorted({p for p in doc_places.values() if p} | {f.place for f in facts if f.place})
        self.terms = [_economy(with_folded(terms_of(f.indicator))) for f in facts]
        self.context_terms = [with_folded(terms_of(_context(f))) | t for f, t in zip(facts, self.terms)]
        # "bao nhiêu con / tấn / lượt": the figure's own unit says those words of the question
        self.unit_terms = [(with_folded(terms_of(f.unit or "", expand=False)) | _amount_words(f.unit))
                           if _measure(f.unit) else set() for f in facts]
        df: Counter[str] = Counter()
        for t in self.terms:
            df.update(t)
        n = max(len(facts), 1)
        self._idf = {t: math.log(1 + n / (c + 0.5)) for t, c in df.items()}
        self._default_idf = math.log(1 + n / 0.5)
        self.by_term: dict[str, list[int]] = {}
        self.by_chunk: dict[str, list[int]] = {}
        self._pos = {id(f): i for i, f in enumerate(facts)}
        self._bigrams: set[tuple[str, str]] | None = None
        for i, (f, t) in enumerate(zip(facts, self.terms)):
            self.by_chunk.setdefault(f.chunk_id, []).append(i)
            for w in t:
                self.by_term.setdefault(w, []).append(i)
        for i, f in enumerate(facts):  # "thu hoạch 41.800 tấn, giảm 7,2%": the change of an amount
            level = _amount_before(f, [facts[j] for j in self.by_chunk.get(f.chunk_id, ())])
            if level is not None:
                self.unit_terms[i] = self.unit_terms[i] | _amount_words(level.unit)

    def item_unasked(self, f: Fact, req: Request) -> bool:
        """"Tỷ lệ nợ xấu theo khối: … 0,98%; … quỹ tín dụng nhân dân 0,65%" read as "Tỷ lệ nợ xấu:
        quỹ tín dụng nhân dân": one item of a breakdown, with siblings of the same lead beside it,
        does not answer the lead asked without any word of the item (the whole is another figure)."""
        lead, sep, item = f.indicator.partition(": ")
        if not sep or not item.strip():
            return False
        asked = with_folded(req.terms) | set(fold(expand_abbreviations(req.question).lower()).split())
        words = [w for w in terms_of(item, expand=False) if w not in _MEASURE_WORDS]
        if not words or any(w in asked or fold(w) in asked for w in words):
            return False
        return any(g.indicator.startswith(lead + ": ") and g.indicator != f.indicator
                   for g in (self.facts[j] for j in self.by_chunk.get(f.chunk_id, ())))

    def neighbour_owns(self, f: Fact, req: Request) -> bool:
        """The question's words that the figure's own indicator and what it sits under lack are
        all in the own indicator of another figure of the same sentence ("… chung của tỉnh
        91,3%, riêng tuyến huyện 84,6%" asked "tuyến huyện"): that figure is the one asked, the
        first is its neighbour. The other figure names nothing the question does not: "khu vực"
        of "tỷ trọng khu vực nông, lâm nghiệp" does not make "dịch vụ" its neighbour."""
        i = self._pos.get(id(f))
        if i is None:
            return False
        def lacks(have: set[str]) -> list[str]:
            return [t for t in req.terms if t not in have and fold(t) not in have]

        own = self.terms[i] | self.unit_terms[i] | _GROWTH_WORDS
        missing = lacks(own | self.context_terms[i])
        # also words the figure's context holds only because its neighbour's label is there ("trong
        # đó đồng muối Hòn Khói đạt 31.800 tấn, các đồng muối còn lại đạt 10.800 tấn"): the neighbour
        # names all the figure names of the question, and those words too
        lacking = lacks(own)
        covered = [t for t in req.terms if t not in lacking]
        for j in self.by_chunk.get(f.chunk_id, ()):
            g = self.facts[j]
            if j == i or g.sentence != f.sentence or g.start == f.start or extra_words(g.indicator, req) \
                    or _clause_extra(g, req)[1]:
                continue  # the other figure must name nothing the question does not, in its name or its clause
            theirs = self.terms[j] | self.unit_terms[j] | _GROWTH_WORDS
            if missing and all(t in theirs or fold(t) in theirs for t in missing):
                return True
            if lacking and all(t in theirs or fold(t) in theirs for t in lacking + covered):
                return True
        return False

    def clause_cover(self, f: Fact, req: Request) -> float:
        """Share of the question's weight written in the figure's own clause (from the last ";" or
        full stop before it), its indicator or its unit."""
        clause = re.split(r";|\. ", f.sentence[: f.start])[-1]
        have = with_folded(terms_of(clause + " " + f.indicator + " " + (f.unit or "")))
        total = sum(self.idf(t) for t in req.terms) or 1.0
        return sum(self.idf(t) for t in req.terms if t in have or fold(t) in have) / total

    def _unnamed_keys(self, i: int, req: Request) -> list[str]:
        """The question's rarest words that the figure's indicator, unit and context lack."""
        if not req.terms:
            return []
        f = self.facts[i]
        top = _top_idf(self, req)
        own = self.terms[i] | self.context_terms[i] | self.unit_terms[i]
        if f.role == "change" or own & {"tốc", "toc", "trưởng", "truong"}:
            own = own | _GROWTH_WORDS
        if _contribution(f):
            own = own | _CONTRIBUTION_WORDS
        if f.role == "share_whole":
            own = own | _SHARE_WORDS
        if _season(f.indicator):  # "lúa Đông Xuân" is the "vụ Đông Xuân" asked
            own = own | {"vụ", "vu"}
        return [t for t in req.terms if t not in own and fold(t) not in own and self.idf(t) >= _KEY_SHARE * top
                and t not in _ROLE_WORDS and fold(t) not in _FOLDED_STOPS]

    def key_elsewhere(self, f: Fact, req: Request) -> bool:
        """The question's most telling words, missing where the figure's name is read, are all
        written in one later clause of its sentence (between two later figures)."""
        i = self._pos.get(id(f))
        missing = self._unnamed_keys(i, req) if i is not None else []
        if not missing:
            return False
        clauses = re.split(r"\d+(?:[.,]\d+)*|;|\. ", f.sentence[f.end :])
        clauses[0] = clauses[0].partition(",")[2]  # the figure's own label ends at its comma
        for clause in clauses:
            have = with_folded(terms_of(clause))
            if all(t in have or fold(t) in have for t in missing):
                return True
        return False

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._default_idf)

    def within_cover(self, i: int, req: Request) -> float:
        f = self.facts[i]
        around = with_folded(terms_of(f.sentence[: f.start] + " " + f.section.split(" > ")[-1]))
        total = sum(self.idf(t) for t in req.within) or 1.0
        return sum(self.idf(t) for t in req.within if t in around) / total

    def sibling(self, i: int, req: Request) -> bool:
        """The fact is of a sibling indicator: the question's most telling word (its rarest
        among indicators) is neither in the fact's indicator nor around it, while the fact's
        indicator names something of its own the question does not ("GTSX khu vực DN ngoài nhà
        nước" for "GTSX khu vực DN FDI"; "tỷ lệ hộ nghèo" for "tỷ lệ hộ cận nghèo")."""
        return bool(self.missing_key(i, req)) and bool(self.extra_words(i, req))

    def missing_key(self, i: int, req: Request) -> list[str]:
        """The question's rarest indicator words that neither the fact's indicator (with its
        unit) nor its context carries."""
        if not req.terms:
            return []
        top = _top_idf(self, req)
        own = self.terms[i] | self.context_terms[i] | self.unit_terms[i] | self.sentence_terms(i)
        return [t for t in req.terms if t not in own and fold(t) not in own and self.idf(t) >= _KEY_SHARE * top
                and t not in _ROLE_WORDS and fold(t) not in _FOLDED_STOPS]

    def keys_written(self, i: int, req: Request, missing: list[str] | None = None) -> bool:
        """The missing key words are written in the figure's sentence or heading after all, as
        words the term reader drops or in another spelling ("tổng dự nợ" for "dư nợ")."""
        f = self.facts[i]
        words = set(re.findall(r"\w+", fold(f"{f.indicator} {f.sentence} {f.section}".lower())))
        return all(fold(t) in words for t in (self.missing_key(i, req) if missing is None else missing))

    def keys_name_figures(self, i: int, req: Request, missing: list[str] | None = None) -> bool:
        """The missing key words name figures elsewhere in the reports ("GRDP"): they tell another
        indicator apart. A word no figure is named by ("bao phủ" where the reports write "tỷ lệ
        dân số tham gia BHYT") may be the asker's own word for this one."""
        return all(self.by_term.get(t) or self.by_term.get(fold(t))
                   for t in (self.missing_key(i, req) if missing is None else missing))

    def another_indicator(self, i: int, req: Request) -> bool:
        """A sibling (see `sibling`) whose missing key words are not written near the figure in
        another form and do name figures elsewhere in the reports: the figure is of another
        indicator ("sản lượng muối khu vực X" for "tốc độ tăng GRDP khu vực X")."""
        missing = self.missing_key(i, req)  # once: it reads the figure's sentence
        return bool(missing) and bool(self.extra_words(i, req)) and not self.keys_written(i, req, missing) \
            and self.keys_name_figures(i, req, missing)

    def compound_dropped(self, i: int, req: Request) -> bool:
        """A key word of the question that the figure's sentence lacks is written, in the question,
        between two words that stand side by side in the figure's indicator, and the reports write
        it before the second as a name of its own: "hộ cận nghèo" asked, "tỷ lệ hộ nghèo" read
        ("hộ tái nghèo", "hộ thoát nghèo"): the figure is of the other indicator, however much of
        the question it covers. (A word at either end of the question's phrase, or a report's own
        spelling of it, "tổng dự nợ" for "dư nợ", is no such insertion.)"""
        missing = set(self.missing_key(i, req))
        if not missing:
            return False
        words = [normalize_tone(w.lower()) for w in re.findall(r"[^\W\d_]+", req.question)]
        named = [normalize_tone(w.lower()) for w in re.findall(r"[^\W\d_]+", self.facts[i].indicator)]
        side_by_side = set(zip(named, named[1:]))
        for k in range(1, len(words) - 1):
            if words[k] in missing and (words[k - 1], words[k + 1]) in side_by_side \
                    and (words[k], words[k + 1]) in self.bigrams():
                return True
        return False

    def bigrams(self) -> set[tuple[str, str]]:
        """Pairs of words written one after the other in the reports' sentences."""
        if self._bigrams is None:
            self._bigrams = set()
            for sentence in {f.sentence for f in self.facts}:
                ws = [normalize_tone(w.lower()) for w in re.findall(r"[^\W\d_]+", sentence)]
                self._bigrams.update(zip(ws, ws[1:]))
        return self._bigrams

    def sentence_terms(self, i: int) -> set[str]:
        f = self.facts[i]
        return with_folded(terms_of(f.sentence + " " + f.section.split(" > ")[-1]))

    def extra_words(self, i: int, req: Request) -> list[str]:
        return extra_words(self.facts[i].indicator, req)

    def candidates(self, req: Request, chunk_ids: set[str]) -> list[int]:
        found = {i for cid in chunk_ids for i in self.by_chunk.get(cid, ())}
        for t in req.terms:
            if self.idf(t) > 1.0:  # a rare enough term to look up
                found.update(self.by_term.get(t, []))
        return sorted(found)

    def score(self, i: int, req: Request, hit_rank: dict[str, int]) -> Scored:
        f = self.facts[i]
        reasons = mismatch(f, req, self.doc_places.get(f.doc_id), self.doc_periods.get(f.doc_id))
        total = sum(self.idf(t) for t in req.terms) or 1.0
        growth = f.role == "change" or bool(self.terms[i] & {"tốc", "toc", "trưởng", "truong"})  # "tốc độ tăng GRDP" is growth
        own = self.terms[i] | _GROWTH_WORDS if growth else self.terms[i]  # "tăng 8%" is its growth
        if _contribution(f):  # "đóng góp 4,04 điểm % vào mức tăng chung": to the growth of the economy
            own = own | _CONTRIBUTION_WORDS
        if f.role == "share_whole":  # "nợ xấu … chiếm 1,62% tổng dư nợ" is the "tỷ lệ nợ xấu"
            own = own | _SHARE_WORDS
        topic = max(sum(self.idf(t) for t in req.terms if t in own) / total,
                    0.9 * sum(self.idf(t) for t in req.terms if t in self.context_terms[i] or t in own) / total)
        own = own | self.unit_terms[i]
        cover = sum(self.idf(t) for t in req.terms if t in own) / total
        context = sum(self.idf(t) for t in req.terms if t in self.context_terms[i] or t in own) / total
        asked = _asked_forms(tuple(req.terms))  # "CPI" asked: "giá tiêu dùng" is no extra word
        extra = [t for t in self.terms[i] if t not in asked and t not in _MEASURE_WORDS]
        precision = 1.0 / (1.0 + 0.15 * len(extra))
        rank = hit_rank.get(f.chunk_id)
        retrieval = 0.0 if rank is None else 0.25 / (1 + rank)
        score = 0.5 * cover + 0.35 * context + 0.1 * precision + retrieval
        if f.in_footnote:
            score -= 0.01
        if _asks_total(req.question) and _added(f):
            score -= 0.15  # "lũy kế … tổng cộng bao nhiêu": not what was added in the period
        elif _asks_total(req.question) and _said_accrued(f):
            score += 0.05  # "lũy kế … bao nhiêu dự án": the stock the report says is accrued, not the year's new ones
        if req.within:  # a component: prefer the figure written inside its whole's sentence
            score += 0.15 * self.within_cover(i, req)
        if req.focus:  # a follow-up: the sentence, then the passage, of the figures last shown
            score += 0.2 if f.sentence in req.focus else 0.1 if f.chunk_id in req.focus else 0.0
        return Scored(f, score, max(cover, context * 0.9), reasons, cover, topic)


_PLAN_BASIS = re.compile(r"\b(?:ke hoach|kh|muc tieu|du toan|chi tieu|nghi quyet)\b")
_ASKS_ADDED = re.compile(r"\b(?:them|moi|tang)\b")
_ASKS_TOTAL = re.compile(r"\b(?:luy ke|tong cong|tong so|den nay|hien co|tat ca)\b")


def _top_idf(index, req: Request) -> float:
    """The rarest of the question's words that name the indicator: "tốc độ", "tăng trưởng", "tỷ lệ"
    ask for a role (a growth, a share) and are not the measure of how telling the others are."""
    named = [index.idf(t) for t in req.terms if t not in _ROLE_WORDS and fold(t) not in _FOLDED_STOPS]
    return max(named or [index.idf(t) for t in req.terms])


@lru_cache(maxsize=256)
def _asked_forms(terms: tuple[str, ...]) -> frozenset[str]:
    """The question's indicator words with the words of its abbreviations, in both forms."""
    return frozenset(terms) | frozenset(with_folded(terms_of(" ".join(terms))))


@lru_cache(maxsize=256)
def _asks_total(question: str) -> bool:
    return _ASKS_TOTAL.search(fold(question.lower())) is not None  # once per question, not per fact


def _said_added(f: Fact) -> bool:
    """"có thêm 09 xã …, lũy kế 145 xã": "thêm" written between the previous figure and this one."""
    head = f.sentence[: f.start]
    k = head.rfind("(")
    if k > head.rfind(")"):  # "có thêm 62 sản phẩm (51 sản phẩm 3 sao, 11 sản phẩm 4 sao)": the bracket's parts were added too
        back = re.split(r";|\. ", head[:k])[-1]
        nums = list(re.finditer(r"\d[\d.,]*", back))
        back = back[nums[-2].end() if len(nums) >= 2 else 0 :]
    else:
        back = re.split(r"\d|;|\. ", head)[-1]
    return bool(re.search(r"\bthem\b", fold(back.lower())))


_ACCRUED = re.compile(r"\b(?:luy ke|den nay|hien co|tinh den nay)\b")


def _said_accrued(f: Fact) -> bool:
    """"Lũy kế đến nay, toàn tỉnh có … 483 dự án FDI": the sentence says its figure is a stock."""
    return bool(_ACCRUED.search(fold(f.sentence[: f.start].lower())))


def _added(f: Fact) -> bool:
    """"công nhận thêm 3 xã, … và 15 sản phẩm": a figure its clause says was added."""
    clause = f.sentence[: f.start]
    clause = clause[max(clause.rfind(";"), clause.rfind(". ")) + 1 :]
    return bool(re.search(r"\bthem\b", fold(clause.lower())))


# "tổng số sản phẩm OCOP" names nothing more than "sản phẩm OCOP": no narrowing words
_MEASURE_WORDS = {"tổng", "tong", "số", "so", "lượng", "luong", "cộng", "cong"}

# "Tăng trưởng GRDP", "tốc độ tăng GRDP": a change figure ("GRDP ước tăng 11,03%") is the growth itself
_GROWTH_WORDS = {"trưởng", "truong", "tốc", "toc", "độ", "do"}
_SHARE_WORDS = {"tỷ", "ty", "lệ", "le"}
_ROLE_WORDS = _GROWTH_WORDS | _SHARE_WORDS  # words that ask for a role, not name an indicator
# words whose folded form is a stopword's tell nothing apart: a question typed without
# diacritics keeps them ("qua", "cua"), or restores them wrongly ("so" read "sở" for "số")
_FOLDED_STOPS = frozenset(fold(w) for w in STOPWORDS) | {"qua"}


# "đóng góp … điểm % vào mức tăng chung" is a contribution to the growth of GRDP, whatever words
# the report uses for that growth
_CONTRIBUTION_WORDS = {"trưởng", "truong", "grdp"}


def _contribution(f: Fact) -> bool:
    return f.unit == "điểm %" and "dong gop" in fold(f.indicator.lower())


# Counting words that name no topic of their own ("876.763 con", "1,8 triệu lượt"); a counted noun
# such as "lao động" or "doanh nghiệp" is also the topic of a question and must be in the indicator
_CLASSIFIERS = {"con", "lượt", "cái", "chiếc"}


def _measure(unit: str | None) -> bool:
    base = unit_of(unit).base if unit else ""
    return bool(base) and (base not in COUNT_UNITS or base in _CLASSIFIERS)


# "Thép thô đạt 5,12 triệu tấn" is the output (sản lượng) of steel: a figure in tonnes, kWh or m³
# is an amount produced or moved, whether or not the report writes that word
_AMOUNT_UNITS = {"tấn", "kWh", "m³"}
_AMOUNT_WORDS = frozenset({"sản", "san", "lượng", "luong", "khối", "khoi"})


def _amount_words(unit: str | None) -> frozenset[str]:
    return _AMOUNT_WORDS if unit and unit_of(unit).base in _AMOUNT_UNITS else frozenset()


def _amount_before(f: Fact, facts: list[Fact]) -> Fact | None:
    """The amount (tonnes, kWh, m³) a change figure is the change of: written right before it in
    its clause ("thu hoạch 41.800 tấn, giảm 7,2% so với vụ trước")."""
    if f.role != "change" or f.start < 2:
        return None
    head = f.sentence[max(0, f.start - 40) : f.start]
    if not re.search(r"\b(?:tang|giam)\b[^\d,;]*$", fold(head.lower())):
        return None
    for g in facts:  # the figures of its passage
        if g.sentence == f.sentence and g.end <= f.start and g.role in ("level", "count") and _amount_words(g.unit) \
                and re.fullmatch(r"[^\d;.()]{0,30}", f.sentence[g.end : f.start]):
            return g
    return None


# GRDP measures the economy: "quy mô nền kinh tế", "kinh tế tăng trưởng 8%" ask for GRDP's level or growth
_ECONOMY_WORDS = frozenset({"kinh", "tế", "te"})


def _economy(terms: set[str]) -> set[str]:
    return terms | _ECONOMY_WORDS if "grdp" in terms else terms


def with_folded(terms: list[str]) -> set[str]:
    """Written syllables, plus their folded forms so that a question typed without diacritics
    (when restoring them failed) still meets its words; a written question term never matches
    another written syllable ("lạm" is not "làm")."""
    return set(terms) | {fold(t) for t in terms}


def _context(f: Fact) -> str:
    """What a figure sits under: its nearest heading and the start of its sentence (the words of
    a neighbouring figure's clause count less than the fact's own indicator)."""
    heading = f.section.split(" > ")[-1] if f.section else ""
    return heading + " " + f.sentence[: f.start][-120:]


def extra_words(indicator: str, req: Request) -> list[str]:
    """Words of a fact's own indicator that the question names in no form."""
    asked = with_folded(terms_of(" ".join(req.terms + req.within)))
    out = []
    for w in terms_of(indicator, expand=False):
        if w in asked or fold(w) in asked or w in _MEASURE_WORDS or w in _GROWTH_WORDS:
            continue
        full = terms_of(w)[1:]  # an abbreviation the question writes out ("NSTW")
        if full and all(x in asked for x in full):
            continue
        out.append(w)
    return out


_PART_OF = re.compile(r"(?i)(?<!\w)(?<!trực )thuộc\s+(.+)$")  # "trực thuộc": under, not a part of
# "thu hút dự án còn hiệu lực trong các KCN": a figure over a set of zones or units is a part of
# the whole a question that names none of them asks for ("toàn tỉnh có bao nhiêu dự án")
_WITHIN_SET = re.compile(r"(?i)(?<!\w)(?:trong|tại|ở)\s+(các\s+.+)$")


def narrower(indicator: str, req: Request) -> bool:
    """"DN thành lập mới thuộc khu vực nông, lâm nghiệp": a figure of one group ("thuộc …")
    the question does not name is a part, not the whole asked."""
    return any(bool(m) and bool(extra_words(m.group(1), req))
               for m in (_PART_OF.search(indicator), _WITHIN_SET.search(indicator)))


_PARTS_LEAD = re.compile(r"\btrong do\b")


def part_of_whole(f: Fact, req: Request) -> bool:
    """"Trong đó: nguồn vốn NSTW giải ngân 71,7 tỷ đồng, bằng 18,5%": after "trong đó" a sentence
    gives the parts of the whole named before; a part whose own name has words the question
    does not ask (three or more) is not the whole a question asks for."""
    if not (f.part or _PARTS_LEAD.search(fold(f.sentence[: f.start].lower()))):
        return False
    return len(extra_words(f.indicator, req)) >= 3


def _whole_beside_part(f: Fact, req: Request) -> bool:
    figures = [m for m in find_numbers(f.sentence) if m.value is not None]
    own = next((m for m in figures if m.start <= f.start < m.end or f.start <= m.start < f.end), None)
    if own is None:
        return False
    question = expand_abbreviations(req.question)
    label = qualifiers.labels(f.sentence, figures)[figures.index(own)]
    return qualifiers.whole_beside_part(question, f.sentence, figures, own, f.indicator) \
        or qualifiers.whole_for_asked_part(question, f"{f.indicator} {f.sentence[max(0, f.start - 40) : f.start]}", label) \
        or qualifiers.branch_value(question, f.indicator)  # the words right before a figure label it too ("khách quốc tế đạt: 14.750")


def other_member(f: Fact, req: Request) -> bool:
    """The question names one member of a closed set (a crop season, a quarter, a sector, town
    or country …) and the fact's figure is labelled with another one (qualifiers.py)."""
    if not qualifiers.asked(req.question):
        return False
    figures = [m for m in find_numbers(f.sentence) if m.value is not None]
    own = [m for m in figures if m.start <= f.start < m.end or f.start <= m.start < f.end]
    if not own:
        return qualifiers.clashes(req.question, f.indicator)
    label = dict(zip((m.start for m in figures), qualifiers.labels(f.sentence, figures)))[own[0].start]
    if label:
        return qualifiers.figure_clashes(req.question, f.sentence, own[0], label)
    return qualifiers.clashes(req.question, f.indicator)


def period_of(f: Fact) -> Period | None:
    return Period.from_dict(f.period)


# Indicators that share every other word with their opposite: revenue and spending, exports and
# imports, town and country. A question naming one side never takes the other side's figure.
_OPPOSITES = (("thu", "chi"), ("xuất", "nhập"), ("thành thị", "nông thôn"), ("đô thị", "nông thôn"))


def _opposite(terms: list[str], indicator: str) -> bool:
    words = " " + " ".join(terms) + " "
    ind = " " + " ".join(terms_of(indicator, expand=False)) + " "
    for a, b in _OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if f" {x} " in words and f" {y} " not in words and f" {y} " in ind and f" {x} " not in ind:
                return True
    return False


# "thủy sản khai thác và nuôi trồng": the words joined by "và" inside the indicator asked, up to a
# period, a place, a figure or an asking word
_JOINED = re.compile(r"((?:[^\W\d_]+\s+){0,1}[^\W\d_]+)\s+và\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)")
_JOIN_STOP = re.compile(r"(?i)^(?:tháng|quý|năm|của|tại|ở|trên|trong|là|đạt|bao|mấy|tỉnh|huyện|thành|thị|xã|các|những|"
                        r"tăng|giảm|so|cùng|chiếm|bằng)$")


@lru_cache(maxsize=256)
def _joined(question: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The content words on each side of the first "và" of the indicator asked ("tổng sản lượng
    thủy sản khai thác và nuôi trồng" -> {khai, thác} and {nuôi, trồng})."""
    m = _JOINED.search(question)
    if not m:
        return None
    sides = []
    for words in (m.group(1).split(), m.group(2).split()):
        kept = [w for w in words if not _JOIN_STOP.match(w)]
        if not kept:
            return None
        sides.append(frozenset(fold(w.lower()) for w in kept))
    return sides[0], sides[1]


def one_of_joined(f: Fact, req: Request) -> bool:
    """The question joins two members ("khai thác và nuôi trồng") and the figure is named by one
    side only: a part of what is asked, not its total."""
    sides = _joined(req.question)
    if sides is None:
        return False
    # the words that tell the sides apart ("cấp mới và cấp đổi": "mới", "đổi"), looked for where the
    # figure's own name is read: its indicator, its heading, its own clause (not a neighbour's)
    heading = f.section.split(" > ")[-1] if f.section else ""
    have = {fold(w) for w in terms_of(f"{f.indicator} {heading} {_own_clause(f)}", expand=False)}
    a, b = (any(w in have for w in side - other) for side, other in (sides, sides[::-1]))
    return a != b


_SOME = re.compile(r"^\s*(?:mot so|mot vai|mot bo phan)\s")


def _some_of(f: Fact, req: Request, doc_place: str | None) -> bool:
    """"Một số chủ đầu tư giải ngân vốn … đạt dưới 20%" is the figure of some of them, not the
    whole's, unless the question asks about "một số"; a named place's figure of a list headed
    "một số huyện …: A 31,5%" is that place's own."""
    if not _SOME.match(fold(f.indicator.lower())) or re.search(r"\bmot (?:so|vai|bo phan)\b", fold(req.question.lower())):
        return False
    return not (f.place and req.place and same_place(req.place, f.place) and not same_place(f.place, doc_place))


def mismatch(f: Fact, req: Request, doc_place: str | None, doc_period: Period | None = None) -> list[str]:
    """The parts of the request this fact does not fit."""
    out = []
    if _opposite(req.terms, f.indicator) or narrower(f.indicator, req) or other_member(f, req) \
            or _other_outcome(f, req) or part_of_whole(f, req) or one_of_joined(f, req) \
            or singled_out(f, req) or qualifiers.whole_for_part(req.question, f.indicator) \
            or qualifiers.unasked_part(expand_abbreviations(req.question), f.indicator) or _whole_beside_part(f, req):
        out.append("chỉ tiêu")
    if _per_head_unasked(f, req) or _some_of(f, req, doc_place) or _not_yet_unsaid(f, req) or _named_body_missing(f, req, doc_place) \
            or _other_crop_measure(f, req) or _seasons_mixed(f, req) or _other_concept(f, req) or _shortfall_unasked(f, req):
        out.append("chỉ tiêu")
    p = period_of(f)
    if req.prior:
        out.append("kỳ")  # "vụ trước": a period no fact is dated with (its figures stand beside another's)
    elif req.same_span_year:
        # "cùng kỳ năm 2023": the report's own span in 2023 ("6 tháng đầu năm 2023" in a 6-month report)
        if p is None or p.year != req.same_span_year or doc_period is None or p.span != doc_period.span:
            out.append("kỳ")
    elif req.periods and not _to_the_day_asked(f, req) and (p is None or not any(compatible(a, p) or _term_goal(a, p, f) or _month_of(a, p, f)
                                             or _same_standing(a, p, f) or _season_of_year(a, p, f, req)
                                             or _of_the_report_named(a, p, f, req, doc_period) for a in req.periods)):
        out.append("kỳ")
    place = f.place
    if f.role == "rank" and place == "cả nước" and doc_place:
        place = doc_place  # "xếp thứ 12/63 cả nước": the country is the ranking's scope, not its place
    if req.place:
        if not same_place(req.place, place):
            out.append("nơi")
    elif place and doc_place and not same_place(place, doc_place) and not _body_named_in(f, req):
        out.append("nơi")  # a district's figure does not answer a question about the province
    if req.basis and f.role in ("change", "share_plan") and not basis_fits(f, req):
        out.append("gốc so sánh")  # growth over the month before is not growth over the same period last year
    if (f.role == "change" and f.basis and _PLAN_BASIS.search(fold(f.basis.lower()))
            and not _PLAN_BASIS.search(fold(req.question.lower()))):
        out.append("gốc so sánh")  # "vượt 24,7% so với mục tiêu" answers no "tăng so với năm 2020"
    if req.role == "share_plan" and f.role == "share_plan" and f.basis and not req.basis \
            and _PLAN_BASIS.search(fold(req.question.lower())) and not _PLAN_BASIS.search(fold(f.basis.lower())):
        out.append("gốc so sánh")  # "bằng bao nhiêu % kế hoạch năm": not the "so cùng kỳ (%)" column
    if not _issued_by_asked(f, req) or _other_estimate(f, req):
        out.append("gốc so sánh")  # "% dự toán HĐND tỉnh giao" does not answer "% dự toán Trung ương giao"
    if req.kind == "target" and f.kind != "target":
        out.append("loại")
    if req.kind is None and f.kind == "target":
        out.append("loại")
    if not role_fits(f, req):
        out.append("vai trò")
    per_head = bool(f.unit) and "/" in f.unit and f.unit.endswith(" dân")
    counted = (f.unit or "").split("/")[0] if per_head else ""  # "bác sĩ" of "bác sĩ/10.000 dân"
    if req.per and not ((f.unit or "").endswith(req.per) or req.per in (per_asked(f.indicator),
                                                                           per_asked(re.split(r"[;,]", f.sentence[max(0, f.start - 100) : f.start])[-1]))):
        out.append("đơn vị")  # "bao nhiêu bác sĩ trên 10.000 dân": only a rate per that many
    elif req.per and counted and not all(fold(w) in with_folded(req.terms) for w in counted.split()):
        out.append("đơn vị")  # "dược sĩ trên 10.000 dân" is not "9,6 bác sĩ/10.000 dân"
    elif per_head and not req.per and (req.unit or req.noun):
        out.append("đơn vị")  # "bao nhiêu bác sĩ": a count, not "12 bác sĩ/10.000 dân"
    elif req.unit and not unit_fits(f, req.unit):
        out.append("đơn vị")
    elif req.noun and (not noun_fits(f, req.noun) or counts_other(f, req)):
        out.append("đơn vị")
    elif not (req.unit or req.noun or req.per) and (_other_measure(f, req) or _rate_for_amount(f, req)):
        out.append("đơn vị")
    return out


# Grades of an indicator: "xã đạt chuẩn NTM nâng cao" and "… kiểu mẫu" are stricter standards met
# by some of the communes that meet the plain one; their count is never the count of all of them
_GRADE = re.compile(r"\b(?:nang cao|kieu mau)\b")


def graded(f: Fact, req: Request) -> bool:
    """The figure's own label names a grade the question does not: the words right after it when
    they name what it counts ("98/128 xã đạt chuẩn nông thôn mới", whatever a neighbour's clause
    lent its indicator), else its indicator."""
    after = re.split(r"[,;.()|]", f.sentence[f.end : f.end + 60], maxsplit=1)[0]  # "|": a table's next cell
    own = fold((after if len(terms_of(after, expand=False)) >= 3 else f.indicator + " " + after).lower())
    asked = fold(req.question.lower())
    if any(m.group(0) not in own for m in re.finditer(r"\b[1-5] sao\b", asked)):
        return True  # "bao nhiêu sản phẩm OCOP 4 sao": a figure of no such grade is not the one asked
    return any(m.group(0) not in asked for m in _GRADE.finditer(own))


# "riêng ngành xây dựng đóng góp 0,05 điểm": a figure singled out of the whole its sentence speaks of
_SINGLED = re.compile(r"\brieng\b")


# "chưa <làm>" as written ("chưa", not "chữa": they fold alike); the words after it are what is not done
NOT_YET = re.compile(r"(?<!\w)chưa\s+(\w+(?:\s+\w+)?)")


_PER_HEAD = re.compile(r"\b(?:binh quan )?dau nguoi\b|/\s*nguoi\b")


def _per_head_unasked(f: Fact, req: Request) -> bool:
    """"GRDP bình quân đầu người" is another indicator than "GRDP": a figure per head does not answer
    a question that asks for no figure per head (nor "bình quân")."""
    have = _PER_HEAD.search(fold(f"{f.indicator} {f.unit or ''}".lower()))
    return bool(have) and not re.search(r"\bdau nguoi\b|/\s*nguoi\b|\bbinh quan\b|\bmoi nguoi\b",
                                        fold(req.question.lower()))


def _not_yet_unsaid(f: Fact, req: Request) -> bool:
    """"còn bao nhiêu ha chưa cho thuê" asked; the figure's sentence says nothing is "chưa" done:
    it is the whole or the part done, not what is left (derive.part_left may work that out)."""
    return bool(NOT_YET.search(req.question.lower())) and "chưa" not in f.sentence.lower()


_SHORTFALL = re.compile(r"(?<!\w)(?:thiếu|dư thừa|dôi dư|vắng mặt)(?!\w)")  # not "thiểu" of "thiểu số"


def _shortfall_unasked(f: Fact, req: Request) -> bool:
    """"Cơ cấu thiếu giáo viên: tiểu học 98 người" is the shortage, not the teachers asked ("số
    giáo viên tiểu học"): a figure named as a shortfall or surplus answers only a question that
    asks one."""
    return _SHORTFALL.search(normalize_tone(f.indicator.lower())) is not None \
        and _SHORTFALL.search(normalize_tone(req.question.lower())) is None \
        and not re.search(r"\b(?:thieu|du thua|doi du)\b", req.question.lower())  # typed without diacritics


# A body the question names by its own name: "KCN Hòa Phú", "Bệnh viện Đa khoa Sơn Tây", "cảng Chân
# Mây", "hồ Dầu Tiếng"; the name is written with capitals after the kind of body
_BODY_KIND = (r"(?:KCN|CCN|KKT|[Kk]hu công nghiệp|[Cc]ụm công nghiệp|[Kk]hu kinh tế|[Bb]ệnh viện|[Nn]hà máy|[Cc]ảng"
              r"|[Ss]ân bay|[Cc]ông ty|[Cc]hi cục Thuế|[Hh]ồ|[Tt]rường|[Cc]ửa khẩu|[Bb]ản|[Tt]hôn|[Ấấ]p|[Ll]àng|[Dd]ự án)")
_NAMED_BODY = re.compile(rf"\b{_BODY_KIND}\s+((?:[{_UP}][\w-]*)(?:\s+[{_UP}][\w-]*){{0,3}})")


def _named_body_missing(f: Fact, req: Request, doc_place: str | None) -> bool:
    """The question names a body by its name ("lao động KCN Bình Minh") and neither the figure's
    sentence nor its indicator writes that name: a figure of all the zones, or of another, is
    not the one body's. A name that is a place asked ("KCN Vĩnh Long": the province's zones)
    names no body."""
    return bool(body_names_missing(req, f"{f.indicator} {f.sentence}", (doc_place, f.place)))


def _body_named_in(f: Fact, req: Request) -> bool:
    """The question names a body by its name and the figure's sentence writes it: "bản Lác (xã
    Chiềng Châu) đón 265.300 lượt khách" answers "bản Lác đón bao nhiêu lượt khách", wherever it lies."""
    names = [fold(m.group(1).lower()) for m in _NAMED_BODY.finditer(req.question) if not m.group(1).split()[0].isupper()]
    return bool(names) and all(n in fold(f.sentence.lower()) for n in names)


def body_names_missing(req: Request, text: str, places=()) -> list[str]:
    """The names of bodies the question names ("KCN Hòa Phú") that the text does not write."""
    out = []
    for m in _NAMED_BODY.finditer(req.question):
        if m.group(1).split()[0].isupper():  # "trường THCS": a kind written short, no name
            continue
        name = fold(m.group(1).lower())
        if any(p and name in fold(p.lower()) for p in (req.place, *places)):
            continue
        if name not in fold(text.lower()):
            out.append(m.group(1))
    return out


def singled_out(f: Fact, req: Request) -> bool:
    """The figure's clause singles out a part ("…; riêng huyện A đạt 92%") whose words the
    question does not name: the part is not the whole asked."""
    clause = re.split(r"[;:(]|\. ", f.sentence[: f.start])[-1]
    m = _SINGLED.search(fold(clause.lower()))
    if not m:
        return False
    asked = fold(req.question.lower())  # the place asked is no word of the indicator, yet named
    # the part is named by its first words ("riêng ngành sản xuất và phân phối điện, khí đốt, …"
    # is asked as "ngành sản xuất và phân phối điện"), not by a head that names no part ("ngành")
    lead = [w for w in terms_of(clause[m.end() :], expand=False) if fold(w) not in _PART_HEADS][:2]
    return any(not re.search(rf"\b{re.escape(fold(w))}\b", asked) for w in lead)


_PART_HEADS = {"nganh", "linh", "vuc", "khu", "nhom", "loai"}


# What follows a counted noun and still names it ("thuê bao Internet"), up to a verb or a link word
# (compared as written: "băng rộng" is no "bằng")
_LINK_WORDS = frozenset(normalize_tone(w) for w in (
    "với được đạt tăng giảm của trong tại ở và là có chiếm bằng so gồm trên cho đã đang thuộc như từ "
    "đến nhưng khoảng ước vào theo do").split())
_SCALE_WORDS = {"nghin", "ngan", "trieu", "ty", "van"}
_SCALE_WRITTEN = frozenset(normalize_tone(w) for w in ("nghìn", "ngàn", "triệu", "tỷ", "vạn"))


def counts_other(f: Fact, req: Request) -> bool:
    """"bao nhiêu thuê bao điện thoại" and "1.720.887 thuê bao Internet": the noun asked follows the
    figure, and the words naming what it counts go on with words neither the question nor the
    figure's indicator has (the indicator was read from a neighbouring clause)."""
    after = re.split(r"[,;.():]", normalize_tone(f.sentence[f.end : f.end + 80].lower()), maxsplit=1)[0]
    words = after.split()
    if words and words[0] in _SCALE_WRITTEN:
        words = words[1:]
    noun = [fold(w) for w in normalize_tone((req.noun or "").lower()).split()]
    if not noun or [fold(w) for w in words[: len(noun)]] != noun:
        return False
    asked = with_folded(req.terms) | set(fold(req.question.lower()).split())
    own = set(fold(f.indicator.lower()).split())
    for w in words[len(noun) : len(noun) + 3]:
        if w in _LINK_WORDS or not w.isalpha():
            break
        if fold(w) not in asked and fold(w) not in own:
            return True
    return False


# An amount of money named as what is asked ("vốn đăng ký của các dự án …"), and a count of things
# named by "số …" ("số doanh nghiệp thành lập mới"): a count never answers the one, money never the other
_MONEY_ASKED = re.compile(r"(?i)(?<!\w)(?:vốn|tiền|kinh\s+phí|doanh\s+thu|lợi\s+nhuận|von\s+dang\s+ky|von\s+dau\s+tu)(?!\w)")
_COUNT_ASKED = re.compile(r"(?i)(?<!\w)(?<!chỉ )(?<!hệ )(?<!dân )(?:tổng\s+)?số(?:\s+lượng)?\s+(?!(?:tiền|vốn|thu|chi|dư|liệu|nộp|lượng|lần|ngày|giờ|giường|điểm|thuế|kinh|doanh\s+thu)(?!\w))[^\W\d_]+")


# the same typed without diacritics, at the head of the question ("so doanh nghiep thanh lap moi …")
_COUNT_TYPED = re.compile(r"^\s*(?:tong )?so (?:luong )?(?!(?:tien|von|thu|chi|du (?:no|tien)|lieu|nop|voi|sanh|luong|lan|ngay|gio|diem|thue|kinh)\b)[a-z]+")


# The measures of a crop or a stock of land, one never another: output, yield per area, area
_CROP_MEASURES = (r"\bsan luong\b", r"\bnang suat\b", r"\bdien tich\b")


def _other_crop_measure(f: Fact, req: Request) -> bool:
    """"sản lượng lúa Đông Xuân" asked: not "năng suất lúa vụ Đông Xuân giảm 1,7 tạ/ha" — an
    indicator that names another of output, yield and area, and not the one asked."""
    q, ind = fold(req.question.lower()), fold(f.indicator.lower())
    asked = [rx for rx in _CROP_MEASURES if re.search(rx, q)]
    if len(asked) != 1 or re.search(asked[0], ind):
        return False
    return any(re.search(rx, ind) for rx in _CROP_MEASURES if rx != asked[0])


def _other_concept(f: Fact, req: Request) -> bool:
    """Words of the question that the figure's indicator has only inside another name: "tỷ lệ thất
    nghiệp" asked, "bảo hiểm thất nghiệp" read; "thu ngân sách nhà nước" asked, "Ngân hàng Nhà
    nước" read (the same syllables, another thing)."""
    q, ind = fold(expand_abbreviations(req.question).lower()), fold(f.indicator.lower())
    for a, b in (("ngan sach", "ngan hang"), ("ngan hang", "ngan sach")):
        if re.search(rf"\b{a}\b", q) and re.search(rf"\b{b}\b", ind) and not re.search(rf"\b{a}\b", ind):
            return True
    if not re.search(r"\bbao hiem\b", q):
        for m in re.finditer(r"\bbao hiem ((?:[a-z]+ ){0,1}[a-z]+)", ind):
            insured = m.group(1)
            if re.search(rf"\b{insured}\b", q) and not re.search(rf"\b{insured}\b", ind[: m.start()] + ind[m.end():]):
                return True
    return False


def _seasons_mixed(f: Fact, req: Request) -> bool:
    """"Tổng sản lượng lúa thu hoạch (vụ Đông Xuân và vụ lúa Xuân Hè) đạt 300.100 tấn" asked "sản
    lượng lúa Đông Xuân": a figure whose sentence names more than one season before it, and whose
    own indicator names none, is not the season asked."""
    season = _season(req.question)
    if season is None or _season(f.indicator):
        return False
    return len(re.findall(r"\bvu\b", fold(f.sentence[: f.start].lower()))) >= 2


def _other_measure(f: Fact, req: Request) -> bool:
    """A question that names its measure by the thing asked, no unit written: money asked and the
    figure a count of things ("15 dự án"), or a count asked and the figure an amount of money."""
    base = unit_of(f.unit).base if f.unit else ""
    if not base or base == "%":
        return False
    money = base in ("đồng", "USD")
    counted = bool(_COUNT_ASKED.search(req.question) or _COUNT_TYPED.search(fold(req.question.lower())))
    if _MONEY_ASKED.search(req.question) and not counted:
        return base in COUNT_UNITS and f.role in ("count", "level")
    if counted and not _MONEY_ASKED.search(req.question):
        return money
    return False


def basis_fits(f: Fact, req: Request) -> bool:
    """A change answers a question that names its basis only when it is stated against that
    basis: both resolved to a period, relative ones against the period asked (or else the
    figure's own): "cùng kỳ" of quý I/2025 is "so với quý I năm 2024", "tháng 12 năm trước" of
    tháng 8/2024 is "so với tháng 12/2023". A change that names no basis is a change on the same
    period of the year before (what reports mean by a bare "tăng 5%"), so it answers only that."""
    if f.basis and _PLAN_BASIS.search(fold(f.basis.lower())):
        return f.role == "change"  # a change over a plan is judged by its own rule; a share of a plan is no ratio to a period
    own = period_of(f)
    asked = req.periods[0] if len(req.periods) == 1 else own
    want = basis_period(req.basis, asked) or basis_period(req.basis, own)
    stated = f.basis or trailing_basis(f)
    if stated is None and f.unit != "%" and re.search(r"\b(?:tang them|bo sung|dieu chinh tang(?: von)?)\s*(?:khoang\s*)?$",
                                                       fold(f.sentence[max(0, f.start - 30) : f.start].lower())):
        return False  # "số vốn tăng thêm 42,8 triệu USD": an amount added, not a change against the basis asked
    if stated is None:
        return req.basis == "cùng kỳ" or (want is not None and asked is not None
                                          and same_basis(want, basis_period("cùng kỳ", asked)))
    have = basis_period(stated, own)
    if want is not None and have is not None:
        return same_basis(want, have)
    return basis_name(stated) == basis_name(req.basis) if not (want or have) else False


# a basis written once after a run of changes: "so với tháng trước", "so cùng kỳ (năm trước)"
_SHARED_BASIS = re.compile(r"\bso\s+(?:voi\s+)?(?:cung ky(?:\s+nam\s+truoc)?|(?:thang|ky|quy|nam)\s+truoc|dau nam)\b")
# what may stand between: other changes of the run ("…, giá dầu diesel giảm 4,12%")
_RUN_OF_CHANGES = re.compile(r"\s*%?(?:\s*,?\s*(?:va\s+)?[^\W\d]+(?:\s+[^\W\d]+){0,6}?\s+(?:tang|giam)\s+(?:khoang\s+)?[\d.,]+\s*%?)+\s*")


def trailing_basis(f: Fact) -> str | None:
    """"bình quân giá xăng A95 giảm 3,46%, giá dầu diesel giảm 4,12% so với tháng trước": a basis
    written once after a run of changes, each with its own label, is the basis of each change of
    the run; a change read with no basis of its own takes it."""
    if f.role != "change" or f.basis:
        return None
    rest = fold(f.sentence[f.end :].lower())
    stop = re.search(r";|\.(?:\s|$)|\(|:", rest)
    rest = rest[: stop.start()] if stop else rest
    m = _SHARED_BASIS.search(rest)
    if m is None or not _RUN_OF_CHANGES.fullmatch(rest[: m.start()]):
        return None
    return basis_name(m.group(0))


# "không đạt kế hoạch", "chưa hoàn thành": the part of a count that missed its plan
_MISSED = re.compile(r"\b(?:khong|chua) (?:dat|hoan thanh)\b")


def _other_outcome(f: Fact, req: Request) -> bool:
    """A count of the things that missed their plan answers only a question about those, and
    the other way round: "5 chỉ tiêu không đạt" is not "trong 22 chỉ tiêu" nor "17 chỉ tiêu đạt"
    (the words "không", "đạt" are no indicator terms, so only this check tells them apart)."""
    if f.role != "count":
        return False
    return bool(_MISSED.search(fold(req.question.lower()))) != bool(_MISSED.search(fold(f.indicator.lower())))


def _issued_by_asked(f: Fact, req: Request) -> bool:
    """A plan figure, or a share of a plan, fits a question that names who set the plan ("dự toán
    HĐND tỉnh giao", "kế hoạch Trung ương giao") only when the words at the figure name no other
    issuer (qualifiers.figure_issuer); a share whose sentence names no issuer fits only when the
    question's words follow it (`_plan_set_by`)."""
    plan = f.kind == "target" or f.role == "share_plan"
    asked = qualifiers.asked_issuer(req.question) if plan else None
    if asked is None:
        return not (plan and req.plan_by and f.role == "share_plan") or _plan_set_by(f, req.plan_by)
    figures = [m for m in find_numbers(f.sentence) if m.value is not None]
    k = next((k for k, m in enumerate(figures) if m.start <= f.start < m.end or f.start <= m.start < f.end), None)
    if k is None:
        return True
    have = qualifiers.figure_issuer(f.sentence, figures[k].start, figures[k].end, figures[k - 1].end if k else 0,
                                    figures[k + 1].start if k + 1 < len(figures) else len(f.sentence))
    if have is None:
        return f.role != "share_plan" or not req.plan_by or _plan_set_by(f, req.plan_by)
    return qualifiers.issuer_fits(asked, have)


# The two estimates a budget report measures against: the one set by law ("dự toán pháp lệnh", the
# State's) and the higher one the province strives for ("dự toán phấn đấu")
_ESTIMATE_KIND = re.compile(r"\b(phap lenh|phan dau)\b")


def _other_estimate(f: Fact, req: Request) -> bool:
    """"so với dự toán pháp lệnh" asked; the words after a share name the striving estimate
    ("bằng 109,7% dự toán phấn đấu"), or the other way round: a share of the other estimate."""
    if f.role != "share_plan":
        return False
    asked = {m.group(1) for m in _ESTIMATE_KIND.finditer(fold(req.question.lower()))}
    if len(asked) != 1:
        return False
    after = re.split(r"[,;.(]|\bva\b|\d", fold(f.sentence[f.end : f.end + 80].lower()), maxsplit=1)[0]
    have = {m.group(1) for m in _ESTIMATE_KIND.finditer(after)}
    return bool(have) and not (have & asked)


def _plan_set_by(f: Fact, who: list[str]) -> bool:
    """The plan a share is of, as written after the figure up to the next figure or clause
    ("bằng 29,8% dự toán Trung ương giao và bằng 27,4% dự toán HĐND tỉnh giao"), names who set it."""
    after = fold(f.sentence[f.end : f.end + 80].lower())
    after = re.split(r"[,;.()]|\bva\b|\d", after, maxsplit=1)[0]
    return all(re.search(rf"\b{re.escape(w)}\b", after) for w in who)


def _to_the_day_asked(f: Fact, req: Request) -> bool:
    """"… đến 15/3/2025" asked: a figure whose own sentence is stated to that very day ("đến ngày
    15/3/2025 giải ngân …") answers it, whatever period its report is dated with."""
    sentence = None
    for m in TO_DATE.finditer(fold(req.question.lower())):
        day, month, year = m.groups()
        sentence = sentence or fold(f.sentence.lower())
        tail = rf"/{year}" if year else r"(?:/20\d\d)?"
        if re.search(rf"\b(?:den|toi)(?: het)?(?: ngay)?\s*0?{int(day)}/0?{int(month)}{tail}(?![\d/])", sentence):
            return True
    return False


def _term_goal(asked: Period, have: Period, f: Fact) -> bool:
    """A target "đến năm 2030" is the goal of the term 2025-2030 a question names."""
    return asked.span == "term" and have.span == "year" and have.year == asked.end_year and f.kind == "target"


def _same_standing(asked: Period, have: Period, f: Fact) -> bool:
    """A rank is a standing at a time: the month and the months to date that end together
    ("tháng 4", "4 tháng đầu năm") name the same standing."""
    if f.role != "rank" or "term" in (asked.span, have.span) or asked.year is None:
        return False
    return asked.end() is not None and asked.end() == have.end()


def _of_the_report_named(asked: Period, have: Period, f: Fact, req: Request, doc_period: Period | None) -> bool:
    """A period named in a source reference names the report ("theo kết luận phiên họp tháng
    4/2024, …", "theo báo cáo 6 tháng đầu năm 2024, …"): that report's figures for its own time
    answer (the month and the months to date end together), and so does an annual index it
    states, an edition of a year before the report's (see ingest/facts.py _edition)."""
    if asked not in req.source_periods or doc_period is None or not compatible(asked, doc_period):
        return False
    if have.span != "term" and None not in (have.start(), doc_period.start()) \
            and have.end() == doc_period.end() and have.start() <= doc_period.start():
        return True
    return (have.span == "year" and have.year is not None and doc_period.year is not None
            and have.year == doc_period.year - 1 and bool(ANNUAL_INDEX.search(fold(f.indicator.lower()))))


# a crop season named in a question or a report: "vụ Mùa", "lúa Đông Xuân", "vụ Hè Thu"
_CROP_SEASON = re.compile(r"\b(?:vu|lua) (dong xuan|he thu|thu dong|chiem xuan|chiem|mua(?! ban)|xuan)\b")


def _season(text: str) -> str | None:
    found = _CROP_SEASON.findall(fold(text.lower()))
    return found[-1] if found else None


def _season_of_year(asked: Period, have: Period, f: Fact, req: Request) -> bool:
    """A crop season is a time of its own: "lúa mùa năm 2024" asks the season of that year,
    which a report on any part of the year states (sown so far, harvested) — a figure dated
    within the year that its sentence puts in the same season answers."""
    if asked.span != "year" or asked.year is None or have.span == "term" or have.year != asked.year:
        return False
    season = _season(req.question)
    if season is None:
        return False
    after = re.split(r"[,;.:]", f.sentence[f.end :], maxsplit=1)[0]  # "cấy 29.850 ha lúa mùa, …"
    return (_season(f.sentence[: f.start]) or _season(after)) == season
def _month_of(asked: Period, have: Period, f: Fact) -> bool:
    """Growth over the month before is a single month's: in a report on the first N months, a
    figure "so với tháng trước" is of month N."""
    return (f.role == "change" and f.basis == "tháng trước" and asked.span == f"m{have.span[5:]}"
            and have.span.startswith("first") and (asked.year is None or have.year in (None, asked.year)))


# Words of a question that asks a part's share, a rate or a structure
_ASKS_SHARE = re.compile(r"\b(?:ty trong|ty le|chiem|co cau|phan tram|bao nhieu %|bao nhieu phan)\b|%")


# Words of a question that asks a ratio to a plan or a basis
_ASKS_RATIO = re.compile(r"\b(?:ke hoach|kh|du toan|muc tieu|chi tieu|nghi quyet|so voi|so cung ky|phan tram|bang bao nhieu"
                         r"|hoan thanh|dat bao nhieu phan)\b|%")


# Words of a question that asks how a figure moved, or by how much it differs
_ASKS_CHANGE = re.compile(r"\b(?:tang|giam|thay doi|bien dong|chenh lech|hon|so voi|so cung ky|cao|thap|vuot|hut|gap|lan)\b")
# Amounts a question may ask by name, never a percentage unless it asks one
_AMOUNT_ASKED = re.compile(r"\b(?:thu nhap|doanh thu|thu ngan sach|kim ngach|von dau tu|gia tri san xuat|san luong|tong thu|tong chi)\b")


def _rate_for_amount(f: Fact, req: Request) -> bool:
    """"Thu nhập bình quân đầu người là bao nhiêu": not "thu nhập … mới bằng khoảng 46% mức bình
    quân của cả nước" — a percentage answers an amount asked by name only when a rate is asked."""
    q = fold(req.question.lower())
    return (f.unit == "%" and f.role == "level" and bool(_AMOUNT_ASKED.search(q)) and not _ASKS_SHARE.search(q)
            and not re.search(r"\b(?:ty le|ty trong|toc do|chi so|co cau)\b", fold(f.indicator.lower())))


def role_fits(f: Fact, req: Request) -> bool:
    if req.role is None:
        if f.role == "change" and (f.unit or "") not in ("%", "điểm %", "lần") and not _ASKS_CHANGE.search(fold(req.question.lower())):
            return False  # "gieo sạ được bao nhiêu ha": the area, not "tăng 1.126 ha" beside it
        if f.role == "share_whole" and not _ASKS_SHARE.search(fold(req.question.lower())):
            return False  # "thu từ khu vực FDI năm 2024": the amount, not its share of the total ("chiếm 36,2%")
        if f.role == "share_plan" and not _ASKS_RATIO.search(fold(req.question.lower())):
            return False  # "chỉ số IIP năm 2025": its growth or level, not "111,26% so với năm 2024" unasked
        return f.role not in ("rank",) or "thu" in req.terms
    if req.role == "change":
        growth_rate = f.role == "level" and f.unit == "%" and any(w in f.indicator.lower() for w in ("tăng", "tốc độ"))
        return f.role == "change" or growth_rate
    if req.role == "share_whole":
        return f.role == "share_whole" or (f.role == "level" and f.unit == "%")
    if req.role == "level":
        return f.role in ("level", "count")
    return f.role == req.role


def noun_fits(f: Fact, noun: str) -> bool:
    """"bao nhiêu hồ chứa": the figure is followed by that noun, or carries it as its unit;
    "bao nhiêu thép cán": the noun is the matter the figure measures, in tấn or kWh."""
    return (noun_follows(f.sentence, f.end, noun) or fold(f.unit or "").endswith(fold(noun))
            or _measures(f, noun))


# Units of a physical amount: a question "bao nhiêu <matter>" is answered in any of them
_PHYSICAL = {"tấn", "kWh", "MW", "m³", "m²", "km", "km²", "ha", "tấn/ha", "tạ/ha"}
# Classifiers that count whatever the figure's indicator names: "bao nhiêu máy in" is answered by
# "sản lượng máy in đạt 7 triệu chiếc", "bao nhiêu lợn" by "đàn lợn 250 nghìn con"
_COUNTING_CLASSIFIERS = {"chiếc", "cái", "con"}


def _measures(f: Fact, noun: str) -> bool:
    base = unit_of(f.unit).base if f.unit else ""
    words = fold(f.indicator.lower()).split()
    named = all(w in words for w in fold(noun.lower()).split())
    # "bao nhiêu khách quốc tế": "khách quốc tế đạt 61.250 lượt" counts the visitors its indicator names
    return base in _PHYSICAL | _COUNTING_CLASSIFIERS | {"lượt"} and named


def noun_follows(text: str, end: int, noun: str) -> bool:
    """The counted noun is written right after the figure, or after its magnitude word ("1,85
    triệu thuê bao")."""
    after = fold(text[end : end + 40].lower()).split()
    if after and after[0] in _SCALE_WORDS and fold(noun.split()[0].lower()) not in _SCALE_WORDS:
        after = after[1:]
    return bool(after) and after[0] == fold(noun.split()[0].lower())


_SAME_COUNT = ({"ca", "trường hợp"}, {"người", "lao động"}, {"doanh nghiệp", "dn"})


def unit_fits(f: Fact, base: str) -> bool:
    have = unit_of(f.unit).base if f.unit else ""
    if have == "lượt" and base != have and _measures(f, base):
        return True  # "bao nhiêu khách quốc tế": "61.250 lượt" of the visitors its indicator names
    return base_fits(have, base)


def base_fits(have: str, base: str) -> bool:
    """Does a figure written with base unit `have` answer a question asking for `base`?"""
    if have == base:  # "tạ/ha"
        return True
    have = have.split("/")[0]  # "triệu đồng/người/tháng" answers "bao nhiêu đồng"
    if any(have in group and base in group for group in _SAME_COUNT):
        return True
    if base == MONEY:  # "bao nhiêu vốn đăng ký": an amount in any currency
        return have in ("đồng", "USD")
    if base == "%":
        return have in ("%", "điểm %")
    if base == "điểm %":  # "đóng góp 0,05 điểm" in a list of percentage points
        return have in ("%", "điểm %", "điểm")
    return have == base


def choose(index: FactIndex, req: Request, hits_chunk_ids: list[str]) -> tuple[Scored | None, list[Scored]]:
    """(the chosen fact or None, the nearest facts that did not fit, best first)."""
    rank = {cid: r for r, cid in enumerate(hits_chunk_ids)}
    scored = [index.score(i, req, rank) for i in index.candidates(req, set(hits_chunk_ids))]
    # of figures that score alike (one indicator written twice in a sentence), the one not said to
    # be added when no addition is asked ("có thêm 09 xã …, lũy kế 145 xã"), then the one whose own
    # clause names more of the question ("vụ cháy … thiệt hại 33 triệu" over "vụ TNGT … thiệt hại 1,4 tỷ")
    plain = not _ASKS_ADDED.search(fold(req.question.lower()))
    fitting = sorted((s for s in scored if not s.reasons),
                     key=lambda s: (-round(s.score, 3), plain and _said_added(s.fact), -index.clause_cover(s.fact, req)))
    # the nearest facts a refusal lists are of the indicator asked, not merely of its unit
    near = sorted((s for s in scored if s.reasons and s.topic_cover >= 0.6), key=lambda s: -s.score)
    # a figure is given only when its own indicator carries half of what was asked and its
    # context most of the rest: a neighbour's words ("Thu, chi ngân sách") do not make it fit
    # a figure whose missing words label another figure of its sentence is that one's neighbour
    fitting = [s for s in fitting if not index.neighbour_owns(s.fact, req)]
    # a graded standard ("… NTM nâng cao") is not the plain one asked; only the figure's choice is
    # barred: a sentence that also gives the plain figure may still be quoted
    fitting = [s for s in fitting if not graded(s.fact, req)]
    # the question's most telling words, missing where the figure's name is read, written in the
    # clause of a later figure of its sentence ("tỷ lệ … so với tổng số lao động đạt 74%, tỷ lệ …
    # có văn bằng, chứng chỉ … đạt 32%" asked "có văn bằng, chứng chỉ"; "diện tích cây cao su …
    # 241.300 ha, …; diện tích cây điều 148.600 ha" asked "cây điều"): that figure is the one asked
    fitting = [s for s in fitting if not index.key_elsewhere(s.fact, req)]
    # "hộ cận nghèo" asked, "hộ nghèo" read: a word that makes another indicator is not dropped
    fitting = [s for s in fitting if not index.compound_dropped(index._pos[id(s.fact)], req)]
    # "tốc độ tăng GRDP khu vực X" asked, "sản lượng muối khu vực X giảm 5,7%" read: the question's
    # telling word is nowhere near the figure, which names a thing of its own
    fitting = [s for s in fitting if not index.another_indicator(index._pos[id(s.fact)], req)]
    best = fitting[0] if fitting else None
    if best:
        best = _level_over_change(best, fitting, req)
        best = _plainly_named(best, fitting, req)
        best = _exact_over_rough(best, fitting, req)
        best = _whole_over_part(best, fitting, req)
    if best and req.basis and best.fact.role == "change" and best.fact.basis is None:
        # "tăng 0,2% so với tháng trước, tăng 3,6% so với cùng kỳ": of the changes of one sentence
        # the one that names the asked basis, not one whose basis was not read
        best = next((s for s in fitting if s.fact.sentence == best.fact.sentence and s.fact.basis
                     and s.fact.role == "change" and s.fact.indicator == best.fact.indicator), best)
    if best and best.score >= MIN_SCORE and best.indicator_cover >= 0.7 and best.own_cover >= 0.5:
        if index.item_unasked(best.fact, req):  # the whole, if a figure of it fits as well
            best = next((s for s in fitting[1:] if s.score >= MIN_SCORE and s.indicator_cover >= 0.7
                         and s.own_cover >= 0.5 and not index.item_unasked(s.fact, req)), None)
            if best is None:  # listed as near, with what did not fit: the item is another indicator
                return None, [Scored(fitting[0].fact, fitting[0].score, fitting[0].indicator_cover, ["chỉ tiêu"],
                                     fitting[0].own_cover, fitting[0].topic_cover)] + near[:2]
        return _latest(best, fitting, req), near[:3]
    return None, near[:3]


def _own_clause(f: Fact) -> str:
    """The words of a figure's own clause: back to the previous figure, ";" or full stop."""
    back = re.sub(r"\([^()]*\)", " ", f.sentence[: f.start])  # "(phường A, phường B)": where, not what
    return re.split(r"\d+(?:[.,]\d+)*\s*%?|;|\. ", back)[-1]


def _clause_extra(f: Fact, req: Request) -> tuple[set[str], list[str]]:
    """(the question's words the figure's own clause names, the clause's words it does not)."""
    words = terms_of(_own_clause(f), expand=False)
    asked = with_folded(req.terms) | set(fold(req.question.lower()).split())
    named = {t for t in req.terms if t in words or fold(t) in {fold(w) for w in words}}
    extra = [w for w in words if w not in asked and fold(w) not in asked and w not in _MEASURE_WORDS]
    return named, extra


def _plainly_named(best: Scored, fitting: list[Scored], req: Request) -> Scored:
    """"tỷ lệ rác thải được thu gom đạt 94,6%; tỷ lệ rác thải thu gom được xử lý đạt 85,9%" asked
    "tỷ lệ rác thải được thu gom": a figure whose own clause adds words the question does not ask
    gives way to a figure of the same sentence whose own clause names at least as much of the
    question and nothing else."""
    named, extra = _clause_extra(best.fact, req)
    if not extra or not named:
        return best  # nothing added, or the clause before the figure is not its label ("xảy ra 2 vụ …")
    base = unit_of(best.fact.unit).base if best.fact.unit else ""
    for s in fitting:
        if s is best or s.fact.sentence != best.fact.sentence or s.fact.chunk_id != best.fact.chunk_id:
            continue
        if (unit_of(s.fact.unit).base if s.fact.unit else "") != base:
            continue  # a figure of another measure is no other reading of the same one
        if s.score < MIN_SCORE or s.indicator_cover < 0.7 or s.own_cover < 0.5:
            continue
        theirs, more = _clause_extra(s.fact, req)
        if not more and named <= theirs and theirs:
            return s
    return best


def _whole_over_part(best: Scored, fitting: list[Scored], req: Request) -> Scored:
    """"Tổng chi ngân sách năm 2025 ước đạt 18.735 triệu đồng, trong đó … chi thường xuyên 14.608
    triệu đồng" asked "chi bao nhiêu": a part after "trong đó" that fits no better than the whole
    written before it in the same sentence gives way to the whole (a part asked by its own words
    covers the question better than the whole and keeps its place)."""
    f0 = best.fact
    if req.within:  # "Trong tổng kim ngạch xuất nhập khẩu, xuất khẩu …": the part is what is asked
        return best
    lead = _PARTS_LEAD.search(fold(f0.sentence[: f0.start].lower()))
    if not lead:
        return _total_over_item(best, fitting) if re.search(r"\btong\b", fold(req.question.lower())) else best
    return _whole_over_part_of_sentence(best, fitting, lead)


def _total_over_item(best: Scored, fitting: list[Scored]) -> Scored:
    """"Tổng nguồn vốn huy động … là 4.826,5 tỷ đồng, gồm:" then "- Vốn lồng ghép …: 1.156,3 tỷ
    đồng": a "tổng …" asked is the total that introduces the list, not an item of it that happens
    to share more words with the question."""
    f0 = best.fact
    if not f0.sentence.lstrip().startswith(("-", "+", "•")) or re.search(r"\btong\b", fold(f0.indicator.lower())):
        return best
    base = unit_of(f0.unit or "").base
    for s in fitting:
        f = s.fact
        if f.chunk_id != f0.chunk_id or not f.sentence.rstrip().endswith(":") or f.role != f0.role \
                or f.kind != f0.kind or f.period != f0.period or unit_of(f.unit or "").base != base:
            continue
        if re.match(r"tong\b", fold(f.indicator.lower())) and s.score >= best.score - 0.05 \
                and s.indicator_cover >= best.indicator_cover - 0.01:
            return s
    return best


def _whole_over_part_of_sentence(best: Scored, fitting: list[Scored], lead) -> Scored:
    f0 = best.fact
    base = unit_of(f0.unit or "").base
    for s in fitting:
        f = s.fact
        if s is best or f.sentence != f0.sentence or f.chunk_id != f0.chunk_id or f.end > lead.start():
            continue
        if unit_of(f.unit or "").base != base or f.role != f0.role or f.kind != f0.kind:
            continue
        if s.score >= MIN_SCORE and s.indicator_cover >= best.indicator_cover - 0.01 \
                and s.own_cover >= best.own_cover - 0.01:
            return s
    return best


_ASKS_ROUGH = re.compile(r"\b(?:khoang|xap xi|gan|hon|tren|duoi|chung)\s+bao\s+nhieu\b|\blam tron\b")


def _level_over_change(best: Scored, fitting: list[Scored], req: Request) -> Scored:
    """"khách lưu trú tháng 9": no change asked, so of "phục vụ 1.126.400 lượt khách, giảm 4,8%"
    the level answers, not its change (the change's clause borrows the level's words)."""
    f0 = best.fact
    if req.role is not None or f0.role != "change":
        return best
    return next((s for s in fitting if s.fact.sentence == f0.sentence and s.fact.role in ("level", "count")
                 and s.fact.indicator == f0.indicator and s.fact.end <= f0.start
                 and (s.fact.period or {}).get("label") == (f0.period or {}).get("label")
                 and s.score >= MIN_SCORE and s.own_cover >= 0.5), best)


def _exact_over_rough(best: Scored, fitting: list[Scored], req: Request) -> Scored:
    """"Kim ngạch xuất khẩu đạt hơn 850 triệu USD" in a lead, "ước đạt 856,4 triệu USD" in the
    body: of two figures of one indicator, period and place in one report, the exact one is the
    answer (the rough one must hold for it), unless the question asks a rough figure."""
    f0 = best.fact
    word = hedge_before(f0.sentence, f0.start)
    if not word or _ASKS_ROUGH.search(fold(req.question.lower())):
        return best
    for s in fitting:
        f = s.fact
        if s is best or hedge_before(f.sentence, f.start) or f.doc_id != f0.doc_id or f.role != f0.role:
            continue
        if (f.period or {}).get("label") != (f0.period or {}).get("label") or not same_place(f.place, f0.place):
            continue
        if (f.unit or "") != (f0.unit or "") or (f.kind == "target") != (f0.kind == "target"):
            continue
        # named as fully as the rough one (their retrieval ranks may differ: a lead is found first)
        if s.score < MIN_SCORE or s.indicator_cover < max(0.7, best.indicator_cover - 0.05) \
                or s.own_cover < max(0.5, best.own_cover - 0.05):
            continue
        if hedge_holds(word, f0.value, f.value):
            return s
    return best


_NOW = re.compile(r"\b(?:hien nay|hien tai|hien co|den nay|moi nhat)\b")


def _latest(best: Scored, fitting: list[Scored], req: Request) -> Scored:
    """"… hiện nay là bao nhiêu?" names no period: of the figures that answer it about as well
    as the best, the one of the latest period is the current one."""
    if req.periods or not _NOW.search(fold(req.question.lower())):
        return best
    # about as well as the best on the words asked, whatever their rank in retrieval, and
    # naming nothing more than it does ("KCN A tỷ lệ lấp đầy" does not replace "tỷ lệ lấp đầy")
    extra = len(extra_words(best.fact.indicator, req))
    close = [s for s in fitting if s.score >= MIN_SCORE and s.own_cover >= max(0.5, best.own_cover - _NOW_MARGIN)
             and s.indicator_cover >= max(0.7, best.indicator_cover - _NOW_MARGIN) and _end(s.fact)
             and len(extra_words(s.fact.indicator, req)) <= extra]
    if not close:
        return best
    return max(close, key=lambda s: (_end(s.fact), s.score))


def _end(f: Fact) -> str:
    return (f.period or {}).get("end") or ""
