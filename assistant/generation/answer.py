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
from dataclasses import dataclass

from assistant.chat.rewrite import rewrite
from assistant.generation import arith, compare
from assistant.generation.factpick import FactIndex, choose, with_folded
from assistant.generation.generator import Generator
from assistant.generation.prompts import Prompts
from assistant.generation.queue import Waiting
from assistant.generation.request import ABBREVIATIONS, parse_request
from assistant.generation.select import Sentence, TermWeights, candidate_sentences
from assistant.generation.verify import verify_answer
from assistant.generation.write import describe, figure_phrase, write_answer, write_refusal
from assistant.ingest.facts import bare_place, same_place
from assistant.ingest.lexfold import fold, normalize_tone
from assistant.ingest.periods import compatible, doc_period, find_periods
from assistant.retrieval.search import Filters, Searcher, clean_question
from assistant.types import Answer, Hit

log = logging.getLogger(__name__)
NOT_FOUND = "KHÔNG CÓ TRONG TÀI LIỆU"
_FIGURE_CUES = ("bao nhieu", "may ", "ty le", "%", "toc do", "quy mo", "gia tri", "so luong",
                "tong so", "muc tang", "dat bao", "tang bao", "giam bao", "chiem")


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
    return (" nao" in f and any(c in f for c in ("nhung ", "cac "))) or any(
        c in f for c in ("gom nhung", "liet ke", "ke ten", "nhung gi", "nhiem vu gi", "giai phap gi"))


def wants_figure(question: str) -> bool:
    f = fold(question.lower()) + " "
    return any(c in f for c in _FIGURE_CUES)


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
        self.facts = FactIndex(searcher.data.facts, places)
        self.vocabulary = with_folded(list({normalize_tone(w.lower()) for c in searcher.data.chunks
                                            for w in re.findall(r"[^\W\d_]+", c.full_text + " " + c.section)}))

    # -- public -----------------------------------------------------------------------------
    def warm(self) -> None:
        """Evaluate the fixed system prompt once, so llama.cpp's prefix cache holds it and the
        first real question only pays for its own passages."""
        if self.generator is not None:
            for _ in self.generator.stream([{"role": "system", "content": self.system},
                                            {"role": "user", "content": "Xin chào"}], 1):
                pass

    def ask(self, question: str, history=None, doc_ids: list[str] | None = None) -> Answer:
        final = None
        for kind, payload in self.stream(question, history, doc_ids):
            if kind == "final":
                final = payload
        assert isinstance(final, Answer)
        return final

    def stream(self, question: str, history=None, doc_ids: list[str] | None = None) -> Iterator[tuple[str, object]]:
        t0 = time.perf_counter()
        q = clean_question(question, self.searcher.max_question_chars)
        standalone = self.searcher.restore(rewrite(q, history))
        filters = Filters(doc_ids=doc_ids or None)
        hits = self.searcher.search(standalone, self.opts.k, filters=filters)
        timings = {"retrieve_s": time.perf_counter() - t0}
        yield ("evidence", hits)
        asked = find_periods(standalone)
        sides = compare.split(parse_request(standalone, self.facts.places), self.facts.places) if self._use_facts() else None
        if sides is not None and sides.growth:
            # "tăng bao nhiêu % so với 31/12/2023": a report often states that growth itself
            single = self._fact_answer(q, standalone, hits)
            sides = None if not single.refused else sides
        comparison = None if sides else arith.parse_comparison(standalone, asked)
        if sides is not None:
            answer = self._fact_compare(q, sides, filters)
            answer.timings = {**timings, "total_s": time.perf_counter() - t0}
        elif comparison is not None:
            answer = yield from self._compare(q, standalone, comparison, filters, timings, t0)
        else:
            answer = yield from self._answer(q, standalone, hits, asked, timings, t0)
        answer.standalone_question = standalone
        answer.timings.setdefault("first_token_s", answer.timings.get("total_s", 0.0))
        yield ("final", answer)

    # -- single figure ------------------------------------------------------------------------
    def evidence(self, standalone: str, hits: list[Hit], asked) -> list[Sentence]:
        cands = candidate_sentences(hits, standalone, self.weights, self.searcher.documents, asked)
        need_number = wants_figure(standalone)
        good = [s for s in cands if s.coverage >= self.opts.min_coverage and s.period_ok
                and (s.numbers or not need_number)]
        return good[: self.opts.max_sentences]

    def _answer(self, q, standalone, hits, asked, timings, t0):
        if self._use_facts() and not wants_list(standalone):
            answer = self._fact_answer(q, standalone, hits)
            if not answer.refused or self._other_place(answer.request) or answer.request.get("unknown"):
                answer.timings = {**timings, "total_s": time.perf_counter() - t0}
                return answer
            # No fact fits: the sentence path below still answers qualitative questions, and
            # figures whose clause the fact rules did not read, verified against the sentence;
            # when it refuses too, the fact refusal (with the nearest facts) is what is shown.
            # Measured on eval/questions.jsonl: quoting the verified sentence beats letting the
            # model phrase it for figures and lists (78% vs 73% right, p95 0,3 s vs 14,5 s), so
            # the model writes only answers that ask for no figure.
            quote = wants_figure(standalone)
            fallback = yield from self._sentence_answer(q, standalone, hits, asked, timings, t0, quote)
            if fallback.refused or not self._about_place(fallback, answer.request):
                answer.timings = {**timings, "total_s": time.perf_counter() - t0}
                return answer
            return fallback
        quote = self._use_facts() and wants_list(standalone)  # lists: the enumeration quoted whole
        return (yield from self._sentence_answer(q, standalone, hits, asked, timings, t0, quote))

    def _use_facts(self) -> bool:
        return self.opts.facts and bool(self.facts.facts)

    def _fact_compare(self, q: str, comp: compare.Comparison, filters: Filters) -> Answer:
        """Each side chosen among facts, the arithmetic done here; a missing side is named."""
        chosen, hits = [], []
        for side in comp.sides:
            side_hits = self.searcher.search(side.question, self.opts.k, filters=filters)
            best, _ = choose(self.facts, side.request, [h.chunk.chunk_id for h in side_hits])
            chosen.append(best)
            hits.append(self._hit_for(best.fact.chunk_id, side_hits) if best else None)
        missing = [s.label for s, c in zip(comp.sides, chosen) if c is None]
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

    def _other_place(self, request: dict | None) -> bool:
        """The question names a place no report speaks of: nothing else should answer it."""
        place = (request or {}).get("place")
        return bool(place) and not any(same_place(place, p) for p in self.facts.places)

    def _sentence_answer(self, q, standalone, hits, asked, timings, t0, quote: bool = False):
        good = self.evidence(standalone, hits, asked)
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
        if self.generator is None or self.opts.mode == "extractive" or (quote and self.opts.mode != "llm"):
            answer = self._extractive(q, hits, good)
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
    def _fact_answer(self, q: str, standalone: str, hits: list[Hit]) -> Answer:
        req = parse_request(standalone, self.facts.places)
        unknown = [t for t in req.terms if t not in self.vocabulary and t not in ABBREVIATIONS]
        if unknown:  # the question names something no report mentions at all
            places = [m.get("place") for m in self.searcher.documents.values() if m.get("place")]
            words = [w for w in re.findall(r"[^\W\d_]+", standalone) if normalize_tone(w.lower()) in unknown]
            text = write_refusal(req, [], places) + f" Không báo cáo nào nhắc tới: {', '.join(dict.fromkeys(words))}."
            return Answer(q, text, hits[:3], verified=True, refused=True, mode="refusal",
                          request={**req.to_dict(), "unknown": unknown})
        chosen, near = choose(self.facts, req, [h.chunk.chunk_id for h in hits])
        docs = self.searcher.documents
        if chosen is not None:
            f = chosen.fact
            hit = self._hit_for(f.chunk_id, hits)
            title = docs.get(f.doc_id, {}).get("title") or hit.chunk.doc_title
            fact = {**f.to_dict(), "citation": 1, "doc_title": title, "score": round(chosen.score, 3)}
            return Answer(q, write_answer(f, title), [hit], verified=True, mode="facts", facts=[fact],
                          request=req.to_dict())
        places = [m.get("place") for m in docs.values() if m.get("place")]
        cites = [self._hit_for(s.fact.chunk_id, hits) for s in near] or hits[:3]
        facts = [{**s.fact.to_dict(), "citation": n, "mismatch": s.reasons} for n, s in enumerate(near, 1)]
        return Answer(q, write_refusal(req, near, places), cites, verified=True, refused=True, mode="refusal",
                      facts=facts, request=req.to_dict())

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
        v = verify_answer(text, standalone, good)
        has_figure = bool(v.cited)
        if v.ok and (has_figure or not wants_figure(standalone)):
            cited_hits = [hits[i] for i in v.cited] or [hits[good[0].hit_index]]
            renum = _renumber(v.text, v.cited)
            return Answer(q, renum, cited_hits, verified=True, mode="llm")
        if self.opts.mode == "llm":
            return Answer(q, text, [hits[s.hit_index] for s in good], verified=False,
                          unverified_numbers=v.unverified, mode="llm")
        repaired = self._extractive(q, hits, good)
        repaired.unverified_numbers = []  # the shown answer is the verified quote
        repaired.mode = "extractive-repair"
        return repaired

    def _extractive(self, q: str, hits: list[Hit], good: list[Sentence]) -> Answer:
        best = good[0]
        hit = hits[best.hit_index]
        text = self.prompts.render("extractive", doc_title=hit.chunk.doc_title, sentence=best.text, n=1)
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


def _covers(asked, have) -> bool:
    return have is not None and (compatible(asked, have) or (asked.span == "year" and have.year == asked.year
                                                            and have.span == "year"))


def _renumber(text: str, cited: list[int]) -> str:
    """Citations in the answer refer to positions in Answer.citations (1-based)."""
    for pos, hit_index in enumerate(cited, 1):
        text = text.replace(f"[{hit_index + 1}]", f"[\x00{pos}]")
    return text.replace("\x00", "")
