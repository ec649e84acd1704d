"""List questions: what is listed, which sentence lists it, and its items counted by code.

"Những xã nào …", "các dự án nào …": the thing asked for is the noun between "những/các" and
"nào". A sentence answers when it enumerates that noun: after a lead ("gồm:", "như:", ":"), or
right after the noun ("tại các xã A, B và C"), or by naming it again and again ("Nhà máy A và
Nhà máy B"). The items are split where the report separates them (";", ",", "và"), never
inside parentheses or a decimal figure, and counted here; a count the sentence announces
itself must agree, or no count is written.
"""

from __future__ import annotations

import re

from assistant.generation.request import ABBREVIATIONS
from assistant.ingest.lexfold import fold

_ASKED = re.compile(r"\b(?:nhung|cac)\s+((?:[a-z0-9]+\s+){0,5}?[a-z0-9]+)\s+(?:nao|gi)\b")
_LEAD = re.compile(r"(?:\bbao gồm|\bgồm(?: có)?|\bnhư|\blà|\bcụ thể)?\s*:\s*|\b(?:gồm|bao gồm|như)\s+", re.I)
_OPEN_END = re.compile(r"\s*(?:…|\.\.\.|v\.v\.?)\s*$")
_NUMBER_WORDS = r"(?<![\d.,/])0?(\d{1,3})"


def asked_noun(question: str) -> str | None:
    """The noun a list question asks for, as written, up to two words: "những xã nào" -> "xã",
    "các DN nào" -> "doanh nghiệp" (an abbreviation written out), "những chỉ tiêu thành phần nào"
    -> "chỉ tiêu"."""
    low = question.lower()
    m = _ASKED.search(fold(low))
    if not m:
        return None
    words = low[m.start(1) : m.end(1)].split()
    if not words:
        return None
    if words[0] in ABBREVIATIONS:
        return ABBREVIATIONS[words[0]]
    return " ".join(words[:2])


def _noun_forms(noun: str) -> list[str]:
    """The noun and its abbreviation: "doanh nghiệp", "dn"."""
    return [noun] + [abbr for abbr, full in ABBREVIATIONS.items() if full == noun]
    return forms


def split_items(text: str) -> list[str]:
    """Items separated by ";" when there is one, else by "," and a final "và"; never inside
    parentheses or between the digits of a figure ("27,23%")."""
    depth, out, cur = 0, [], ""
    sep = ";" if ";" in re.sub(r"\([^)]*\)", "", text) else ","
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        decimal = ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if depth == 0 and ch == sep and not decimal:
            out.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    out.append(cur)
    items = [x.strip(" .;,") for x in out]
    if len(items) >= 1 and sep == ",":  # "A, B và C": the last pair is two items
        last = re.split(r"\s+và\s+" if len(items) >= 2 else r"\s+và\s+(?=[A-ZĐÀ-Ỹ\d])", items[-1], maxsplit=1)
        if len(last) == 2 and all(x.strip() for x in last):
            items = items[:-1] + [x.strip() for x in last]
    return [x for x in items if x and not _OPEN_END.fullmatch(x)]


def enumerated(sentence: str, noun: str | None) -> tuple[list[str], bool] | None:
    """(the items a sentence enumerates, whether the list is open "…"), or None when it lists
    nothing. With `noun`, the enumeration must be of that noun."""
    text = sentence.strip().rstrip(".")
    open_end = bool(_OPEN_END.search(text))
    text = _OPEN_END.sub("", text).rstrip(" ,;")
    low = text.lower()
    starts = []
    if noun:
        for form in _noun_forms(noun):
            starts += [m.end() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", low)]
    candidates = []
    for lead in _LEAD.finditer(text):
        # the lead must follow the noun (when one is asked) within a short clause
        if noun is None or any(0 <= lead.start() - s <= 80 for s in starts):
            candidates.append(text[lead.end():])
    for s in starts:  # "tại các xã A, B và C": capitalised names right after the noun
        rest = text[s:]
        if re.match(r"\s+[A-ZĐÀ-Ỹ]", rest):
            items = split_items(rest)
            if len(items) >= 2 and all((x[:1].isupper() or x[:1].isdigit()) and len(x.split()) <= 6 for x in items):
                candidates.append(rest)
    if noun:  # "Nhà máy A và Nhà máy B": the noun named again, capitalised, for each item
        cap = noun[:1].upper() + noun[1:]
        parts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(cap)}(?!\w)", text)]
        if len(parts) >= 2:
            items = [text[a:b].strip(" ,;") for a, b in zip(parts, parts[1:] + [len(text)])]
            items = [re.sub(r"\s+(?:và|,)\s*$", "", x).strip() for x in items]
            return items, open_end
    for c in candidates:
        items = split_items(c)
        if len(items) >= 2:
            return items, open_end
    return None


def announced_counts(sentence: str, noun: str | None) -> set[int]:
    """Counts a sentence states for the noun: "Có 04 địa phương …" -> {4}."""
    if not noun:
        return set()
    out = set()
    for form in _noun_forms(noun):
        out |= {int(m.group(1)) for m in re.finditer(rf"{_NUMBER_WORDS}\s+{re.escape(form)}(?!\w)", sentence.lower())}
    return out


def items_line(sentence: str, question: str) -> str | None:
    """"Báo cáo nêu 4 địa phương: A; B; C; D." for a sentence that enumerates what a list
    question asks for; None when it does not, or when its own count disagrees with the items."""
    noun = asked_noun(question)
    found = enumerated(sentence, noun)
    if found is None or noun is None:
        return None
    items, open_end = found
    if any(re.search(r"(?<!\d),|,(?!\d)", re.sub(r"\([^)]*\)", "", x)) for x in items):
        return None  # groups cut at ";" that hold items cut at ",": how many is not clear
    if any(x.count("(") != x.count(")") for x in items):
        return None  # an item cut inside a bracket: the split is not the report's
    counts = announced_counts(sentence, noun)
    if counts and len(items) not in counts:
        return None
    tail = " (báo cáo chưa liệt kê hết)" if open_end else ""
    return f"Báo cáo nêu {len(items)} {noun}{tail}: " + "; ".join(items) + "."
