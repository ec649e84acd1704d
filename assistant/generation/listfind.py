"""Find the enumeration that answers a list or counting question, over whole documents.

"Những cụm công nghiệp nào …", "có bao nhiêu nhiệm vụ …": the answer is an enumeration of the
asked noun, and retrieval by similarity often misses it (names share few words with the
question). So every sentence of the documents the search found that names the noun is read
here, with what introduces it: its section heading and the sentence before it (a list often
follows the sentence that says what it is a list of), or for a footnote the sentence that
refers to it. Three shapes are recognised, all counted by code (listing.py):

- a sentence that enumerates the noun ("gồm: A, B và C", "tại các xã A, B", "CCN A, CCN B",
  "02 KCN mới (A, B)");
- a sentence that counts the noun and whose footnote names the items ("04 sản phẩm …⁶");
- a lead sentence that ends with ":" and names the noun, followed by items numbered in
  sequence through the section ("các nhiệm vụ sau: (1) … (12) …", "1. … 11. …").

A candidate must match the period asked (its own, its section's or its document's) and the
place asked (its document's); the best one must cover most of the question's words, or nothing
is returned and the caller answers as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.generation import listing as lists
from assistant.generation.request import expand_abbreviations
from assistant.generation.select import (
    TermWeights,
    _strip_periods,
    content_terms,
    coverage,
    period_matches,
)
from assistant.ingest.facts import same_place, split_sentences
from assistant.ingest.lexfold import fold
from assistant.ingest.periods import doc_period, find_periods
from assistant.types import Chunk

MIN_SCORE = 0.5  # share of the question's term weight the enumeration and its lead must cover
COUNT_SCORE = 0.6  # a count written from items code counted asks for a closer match
# What a document does with what it lists, not what is listed: "NQ … yêu cầu tổ chức diễn tập ở
# những huyện nào", "báo cáo nêu những …", "dự thảo xác định những …"
_SAYING = re.compile(r"(?i)(?<!\w)(?:yêu cầu|đề nghị|xác định|đề ra|đặt ra|nêu(?: ra)?|cho biết|đề cập)(?!\w)")
_FOOTNOTE = re.compile(r"^\[Chú thích ([^\]]+)\]\s*")


@dataclass
class Enumeration:
    chunk: Chunk
    sentence: str  # the sentence quoted (a section's lead sentence)
    items: list[str]
    score: float
    how: str  # "sentence" | "footnote" (items in the sentence's footnote) | "section"
    open_end: bool = False
    note: str | None = None  # the footnote naming the items
    markers: list[str] = field(default_factory=list)  # section items: "(1)", "(2)", …
    last: Chunk | None = None  # section items: the chunk holding the last item
    kept: list[str] | None = None  # the items code kept by the threshold asked ("dưới 60%"), of `items`
    bound: str = ""  # that threshold as asked: "dưới 60%"


def _referring_sentence(chunk: Chunk, number: str) -> str:
    """The sentence of the chunk (or of its other footnotes) with footnote `number` glued to a word,
    up to that marker: "… không hoàn thành 03 chỉ tiêu của Nghị quyết Đại hội57 và 04 chỉ tiêu
    thành phần …58" refers to footnote 57 with its first clause only."""
    rx = re.compile(rf"(?<=[^\W\d_]){re.escape(number)}(?![\d,.]\d|\d)")
    for source in (chunk.text, *chunk.footnotes):
        body = _FOOTNOTE.sub("", source)
        if source.startswith(f"[Chú thích {number}]"):
            continue
        for s in split_sentences(body):
            m = rx.search(s)
            if m:
                return s[: m.start()]
    return ""


def _qualified(sentence: str, noun: str, question_terms: list[str]) -> bool:
    """Does the sentence list a narrower thing than asked: "04 chỉ tiêu thành phần:" for "những chỉ
    tiêu nào" (words between the noun and its lead that the question does not have)?"""
    for form in lists._noun_forms(noun):
        m = re.search(rf"(?i)(?<!\w){re.escape(form)}((?:\s+[^\W\d_]+){{1,3}}?)\s*(?::|\bgồm\b|\blà\b)", sentence)
        if m:
            words = [fold(w.lower()) for w in m.group(1).split()]
            return any(w not in question_terms for w in words)
    return False


def _continued(sentence: str, text: str) -> str:
    """A sentence cut at ";" or ":" runs on to its full stop (an enumeration split by the splitter)."""
    if not sentence.rstrip().endswith((";", ":")):
        return sentence
    k = text.find(sentence)
    if k < 0:
        return sentence
    rest = text[k + len(sentence) : k + len(sentence) + 800]
    stop = re.search(r"[.!?…](?:\s|$)", rest)
    return sentence + " " + rest[: stop.end() if stop else len(rest)].strip()


def within_bound(found: Enumeration, b: lists.Bound) -> Enumeration | None:
    """The enumeration kept for a threshold: its items whose own percentage meets it, when every
    item carries one; all its items when the sentence states that very threshold (an item whose
    figure misses it is still dropped); None when it cannot be told or nothing meets it."""
    if found.how != "sentence":
        return found if lists.states_bound(found.sentence, b) else None
    kept = lists.bounded_items(found.items, found.sentence, b)
    if kept is None:
        return None
    if not kept:
        return None
    found.kept = kept if len(kept) < len(found.items) else None
    found.bound = b.written
    return found


def find(question: str, noun: str, chunks_of: dict[str, list[Chunk]], doc_ids: list[str], hit_ids: set[str],
         weights: TermWeights, documents: dict[str, dict], place: str | None, terms_text: str,
         phrase: str | None = None, min_score: float = MIN_SCORE) -> Enumeration | None:
    """The best enumeration of `noun` in the documents `doc_ids` (chunks in reading order), scored
    on `terms_text` (the question without its places); None below MIN_SCORE."""
    terms = content_terms(_strip_periods(_SAYING.sub(" ", expand_abbreviations(terms_text))))
    asked = find_periods(question)
    limit = lists.bound(question)
    best: Enumeration | None = None
    for doc_id in doc_ids:
        meta = documents.get(doc_id, {})
        if place and meta.get("place") and not same_place(place, meta.get("place")):
            continue
        dp = doc_period(meta)
        chunks = chunks_of.get(doc_id, [])
        title = meta.get("title") or ""
        for ci, chunk in enumerate(chunks):
            if not lists.names_noun(chunk.full_text, noun):
                continue
            bonus = 0.03 if chunk.chunk_id in hit_ids else 0.0
            for cand in _candidates(chunk, chunks, ci, noun, question):
                named = tuple(p for part in (cand.sentence, *cand.context.split("\n")) for p in find_periods(part))
                if not period_matches(asked, named, dp):
                    continue
                if limit is not None and within_bound(cand.found, limit) is None:
                    continue  # a threshold asked: only items whose own figure meets it are listed
                own = coverage(terms, _spelled(cand.sentence), weights)
                full = coverage(terms, _spelled(f"{title} {cand.context} {cand.sentence}"), weights)
                exact = 0.03 if phrase and lists.noun_in(cand.sentence, phrase) else 0.0
                exact -= 0.05 if _qualified(cand.found.note or cand.sentence, noun, terms) else 0.0
                cand.found.score = 0.5 * own + 0.5 * full + bonus + exact
                if best is None or cand.found.score > best.score:
                    best = cand.found
    return best if best is not None and best.score >= min_score else None


def _spelled(text: str) -> str:
    """The text and its abbreviations written out ("CCN" also reads "cụm công nghiệp")."""
    full = expand_abbreviations(text)
    return text if full == text else f"{text} {full}"


@dataclass
class _Cand:
    found: Enumeration
    sentence: str
    context: str


def _candidates(chunk: Chunk, chunks: list[Chunk], ci: int, noun: str, question: str = ""):
    """Enumerations of `noun` written in a chunk: its sentences, its footnotes, its section leads."""
    sents = split_sentences(chunk.text)
    for j, s in enumerate(sents):
        if not lists.names_noun(s, noun):
            continue
        prev = sents[j - 1] if j > 0 else _before(s, chunks[ci - 1] if ci > 0 else None)
        context = f"{chunk.section}\n{prev}"
        lead = re.search(r":\s*(?=\(1\)|1[.)]\s|a\)\s|[-+•]\s|$)", s)  # "…các nhiệm vụ sau: (1) …"
        if lead and lists.noun_in(s[: lead.start()], noun):  # a lead: items numbered through the section
            k = chunk.text.find(s)
            if k >= 0:
                s = s[: lead.end()].strip()
                stream, where = lists.section_stream(chunks, ci, k + lead.end())
                numbered = lists.numbered_items(stream)
                if numbered:
                    last_pos = numbered[-1][1]
                    last_id = max((cid for pos, cid in where if pos <= last_pos), key=lambda c: c, default=chunk.chunk_id)
                    last = next((c for c in chunks if c.chunk_id == last_id), chunk)
                    yield _Cand(Enumeration(chunk, s, [h for _, _, h in numbered], 0.0, "section",
                                            markers=[m for m, _, _ in numbered], last=last), s, context)
                    continue
        text = _continued(s, chunk.text)
        found = lists.enumerated(text, noun, question)
        if found and len(found[0]) >= 2:
            yield _Cand(Enumeration(chunk, text, found[0], 0.0, "sentence", open_end=found[1]), text, context)
            continue
        marked = list(_marked_notes(text, chunk, noun))
        for clause, note in marked:  # "… 02 chỉ tiêu của Nghị quyết5 và 03 chỉ tiêu thành phần6"
            yield _Cand(Enumeration(chunk, text, _note_items(note), 0.0, "footnote", note=note), clause, context)
        # a note lists the items of a count of the noun itself ("05 dự án"), not of "3 tháng"
        note = None if marked or not lists.announced_counts(text, noun) else _note(text, chunk.footnotes, question or noun)
        if note:
            yield _Cand(Enumeration(chunk, text, _note_items(note), 0.0, "footnote", note=note), text, context)
    for k, f in enumerate(chunk.footnotes):
        m = _FOOTNOTE.match(f)
        body = _FOOTNOTE.sub("", f)
        # the sentence that references the footnote, kept at chunking; else a marker left in the text
        refer = (chunk.anchors[k] if k < len(chunk.anchors) else "") or (_referring_sentence(chunk, m.group(1)) if m else "")
        for s in split_sentences(body):
            if not lists.noun_in(s, noun):
                continue
            text = _continued(s, body)
            found = lists.enumerated(text, noun)
            if found and len(found[0]) >= 2:
                yield _Cand(Enumeration(chunk, f if m and len(split_sentences(body)) == 1 else text, found[0], 0.0,
                                        "sentence", open_end=found[1]), text, f"{chunk.section}\n{refer}")


def _note_items(note: str) -> list[str]:
    body = re.sub(r"^[^:;]{0,60}:\s*", "", note)  # "03 chỉ tiêu: A; B; C" -> the items
    return [x.strip() for x in re.split(r";" if ";" in body else r",", body) if x.strip()]


def _marked_notes(sentence: str, chunk: Chunk, noun: str):
    """(the clause, its footnote) for each footnote marker glued to a word of the sentence whose
    clause counts the noun as many times as the footnote has items: "không hoàn thành 02 chỉ tiêu
    của Nghị quyết5 và 03 chỉ tiêu thành phần6" -> (clause up to 5, note 5), (… up to 6, note 6)."""
    notes = {}
    for f in chunk.footnotes:
        m = _FOOTNOTE.match(f)
        if m:
            notes[m.group(1)] = _FOOTNOTE.sub("", f).strip().rstrip(".")
    last = 0
    for m in re.finditer(r"(?<=[^\W\d_])(\d{1,3})(?![\d,.]?\d)", sentence):
        clause, last = sentence[last : m.start()], m.end()
        note = notes.get(m.group(1))
        counts = {int(k) for k in re.findall(r"(?<![\d.,/])0?(\d{1,2})\s+[^\W\d_]", clause)}
        if note and lists.noun_in(clause, noun) and len(_note_items(note)) in counts:
            yield sentence[: m.start()], note


def _before(sentence: str, chunk: Chunk | None) -> str:
    """The sentence before a chunk's first sentence, read in the chunk before (chunks overlap)."""
    if chunk is None:
        return ""
    sents = split_sentences(chunk.text)
    for k, s in enumerate(sents):
        if s[:60] == sentence[:60]:
            return sents[k - 1] if k > 0 else ""
    return sents[-1] if sents else ""


def _note(sentence: str, footnotes, asked: str = "") -> str | None:
    from assistant.generation.answer import enumeration_note  # one reader of footnote lists

    return enumeration_note(sentence, footnotes, asked)  # of two notes, the one the question names


def answer_text(found: Enumeration, noun: str, title: str, question: str = "") -> tuple[str, int]:
    """The answer: the sentence quoted, the items and how many (code counted them); with the number
    of citations it uses (a section list cites its lead and its last item)."""
    if found.how == "section":
        n = len(found.items)
        first, last = found.markers[0], found.markers[-1]
        how = (f"đếm các mục được đánh số {first}–{last} sau câu dẫn" if first != last
               else f"đếm các dòng bắt đầu bằng “{first}” sau câu dẫn")
        lines = [f"Báo cáo nêu {n} {noun} ({how}):",
                 f"Theo {title}: “{found.sentence}” [1]"]
        lines += [f"{m} {h}" for m, h in zip(found.markers, found.items)]
        two = found.last is not None and found.last.chunk_id != found.chunk.chunk_id
        lines[-1] += " [2]" if two else " [1]"
        return "\n".join(lines), 2 if two else 1
    text = f"Theo {title}: “{found.sentence}” [1]"
    if found.kept is not None:  # items filtered by code on the threshold asked
        shown = lists.written_form(found.sentence, noun)
        return text + (f"\nTrong {len(found.items)} {shown} câu trên liệt kê, {len(found.kept)} {shown} có tỷ lệ "
                       f"{found.bound} (hệ thống lọc theo số liệu của từng mục): " + "; ".join(found.kept) + ". [1]"), 1
    if found.how == "footnote":
        return text + f"\nCác mục được liệt kê (chú thích): “{found.note}” [1]", 1
    asked = question if lists.asked_noun(question) == noun else f"những {noun} nào"
    line = lists.items_line(found.sentence, asked, question) if noun else None
    return text + (f"\n{line} [1]" if line else ""), 1


# -- superlatives: "địa phương nào có … cao nhất" ------------------------------------------------

_SUPER = re.compile(r"\b(cao nhat|lon nhat|nhieu nhat|manh nhat|dung dau|dan dau|thap nhat|nho nhat|it nhat)\b")
_LOWEST = ("thap nhat", "nho nhat", "it nhat")
_LINKS = {"co", "la", "cua", "o", "tai", "trong", "nhung", "cac", "so", "nam", "thang", "quy", "va", "voi", "thi",
          "den", "tu", "theo"}


def superlative(question: str) -> tuple[str, bool, str] | None:
    """(the noun asked, whether the lowest is asked, the words asking it) for "huyện nào có … cao nhất", "ngành nào
    tăng mạnh nhất", "sản phẩm nào giảm nhiều nhất"; None for any other question."""
    f = fold(question.lower())
    sup = _SUPER.search(f)
    which = re.search(r"\bnao\b", f)
    if not sup or not which:
        return None
    # the noun phrase before "nào", back to a figure, a punctuation mark or a linking word:
    # "9 tháng năm 2024 ngành công nghiệp cấp I nào" -> "ngành công nghiệp cấp i"
    words = []
    for w in reversed(question.lower()[: which.start()].split()):
        if not re.fullmatch(r"[^\W\d_]+", w) or fold(w) in _LINKS:
            break
        words.insert(0, w)
    noun = lists.asked_noun("những " + " ".join(words) + " nào") if words else None
    if not noun:
        return None
    falls = re.search(r"\bgiam\b", f) and sup.group(1) in ("nhieu nhat", "manh nhat")
    label = ("giảm " if falls else "") + question[sup.start() : sup.end()].lower()  # fold keeps offsets
    return noun, sup.group(1) in _LOWEST or bool(falls), label  # "giảm nhiều nhất": the lowest change


def figured(items: list[str]):
    """Each item's one figure (value, as written) when every item carries exactly one, of one kind
    (all percentages or none); None otherwise."""
    from assistant.numbers import find_numbers

    out = []
    for x in items:
        nums = [m for m in find_numbers(x) if m.value is not None]
        if len(nums) != 1:
            return None
        sign = -1 if re.search(r"(?i)\bgiảm\b", x[: nums[0].start]) else 1  # "giảm 2,3%" is a fall
        out.append((sign * nums[0].value * (nums[0].scale or 1), nums[0].percent, x))
    if len({p for _, p, _ in out}) != 1:
        return None
    return out
