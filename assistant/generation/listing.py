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
from dataclasses import dataclass
from itertools import pairwise

from assistant.generation.request import ABBREVIATIONS, expand_abbreviations
from assistant.ingest.lexfold import UPPER, fold
from assistant.numbers import find_numbers

# "những khu, cụm công nghiệp nào": nouns coordinated by a comma share the words after the last
_ASKED = re.compile(r"\b(?:nhung|cac)\s+((?:(?!nhung\b|cac\b)[a-z0-9]+,?\s+){0,5}?[a-z0-9]+)\s+(?:nao|gi)\b")
# "Các mặt hàng xuất khẩu chủ lực của … là gì?": the noun opens the question, "là gì" closes it
_ASKED_WHAT = re.compile(r"^\s*(?:nhung|cac)\s+((?:[a-z]+\s+){0,5}?[a-z]+)\s+(?:cua|tai|o|trong|nam|thang|quy|"
                         r"la\b|\d).*\b(?:la|gom)\s+(?:nhung\s+)?gi\s*\??\s*$")
# "tập trung ở xã nào", "tại những huyện nào": places asked after "ở/tại", with or without "những"
_ASKED_WHERE = re.compile(r"\b(?:o|tai)\s+(?:(?:nhung|cac)\s+)?((?:xa|phuong|huyen|quan|thi xa|thi tran|tinh|thanh pho|"
                          r"dia phuong|dia ban|khu vuc|vung)(?:\s+[a-z]+)?)\s+nao\b")
_LEAD = re.compile(r"(?:\bbao gồm|\bgồm(?: có)?|\bnhư|\blà|\bcụ thể)?\s*:\s*|\b(?:gồm|bao gồm|như)\s+", re.I)
_OPEN_END = re.compile(r"\s*(?:…|\.\.\.|v\.v\.?)\s*$")
_NUMBER_WORDS = r"(?<![\d.,/])0?(\d{1,3})"


def asked_noun(question: str) -> str | None:
    """The noun a list question asks for, as written, up to two words: "những xã nào" -> "xã",
    "các DN nào" -> "doanh nghiệp" (an abbreviation written out), "những chỉ tiêu thành phần nào"
    -> "chỉ tiêu"; a noun an abbreviation stands for is kept whole ("những cụm công nghiệp nào"
    -> "cụm công nghiệp")."""
    phrase = asked_phrase(question)
    if not phrase:
        return None
    words = phrase.split()
    if "," in phrase:  # "khu, cụm công nghiệp": both nouns, kept whole
        return phrase
    if words[0] in ABBREVIATIONS:
        return ABBREVIATIONS[words[0]]
    for full in ABBREVIATIONS.values():
        if (phrase + " ").startswith(full + " "):
            return full
    return " ".join(words[:2])


def asks_what_items(question: str) -> bool:
    """"Các mặt hàng xuất khẩu chủ lực … là gì?": the things that open the question, asked by "là gì"."""
    return _ASKED_WHAT.search(fold(question.lower())) is not None


def asked_where(folded_question: str) -> bool:
    """"… tập trung ở xã nào?": a list of places asked after "ở/tại" (a folded question)."""
    return _ASKED_WHERE.search(folded_question) is not None


def asked_phrase(question: str, written: bool = False) -> str | None:
    """The whole noun phrase between "những/các" and "nào/gì", in lower case (`written`: as
    written): "chỉ tiêu thành phần"."""
    low = question.lower()
    m = _ASKED.search(fold(low)) or _ASKED_WHERE.search(fold(low)) or _ASKED_WHAT.search(fold(low))
    if not m:
        return None
    return " ".join((question if written else low)[m.start(1) : m.end(1)].split()) or None


_CLASSIFIERS = ("nhóm", "loại", "số", "danh sách", "tên")


def _noun_forms(noun: str) -> list[str]:
    """The noun, its abbreviation, and the noun without a classifier word ("nhóm nhiệm vụ" ->
    "nhiệm vụ"): "doanh nghiệp", "dn"."""
    forms = [noun] + [abbr for abbr, full in ABBREVIATIONS.items() if full == noun]
    for one in coordinated(noun):  # "khu, cụm công nghiệp": "khu công nghiệp", "cụm công nghiệp"
        forms += [one] + [abbr for abbr, full in ABBREVIATIONS.items() if full == one]
    for c in _CLASSIFIERS:
        if noun.startswith(c + " ") and len(noun.split()) > len(c.split()):
            forms.append(noun[len(c) + 1 :])
    for head in _HEADS:  # "ngành công nghiệp nào": the report writes "ngành khai khoáng, …"
        if noun.startswith(head + " "):
            forms.append(head)
    return forms


_HEADS = ("ngành", "lĩnh vực", "mặt hàng", "khu vực", "nhóm hàng")


def coordinated(noun: str) -> list[str]:
    """Each noun of "khu, cụm công nghiệp" with the words they share: ["khu công nghiệp", "cụm công
    nghiệp"]; [] for one noun."""
    parts = [p.strip() for p in noun.split(",") if p.strip()]
    if len(parts) < 2:
        return []
    last = parts[-1].split()
    shared = last[1:]
    return [" ".join([p, *shared]) if len(p.split()) == 1 else p for p in parts[:-1]] + [parts[-1]]


def split_items(text: str) -> list[str]:
    """Items separated by ";" when there is one, else by "," and a final "và"; never inside
    parentheses or between the digits of a figure ("27,23%")."""
    sep = ";" if ";" in re.sub(r"\([^)]*\)", "", text) else ","
    items = [x.strip(" .;,") for x in _top_level(text, sep)]
    joined = sep == "," and any(re.search(r"\svà\s", x) for x in items[:-1])
    if len(items) >= 1 and sep == "," and not joined:  # "A, B và C": the last pair is two items
        # (not when "và" joins words inside the items: "ô tô và linh kiện, giày dép, gỗ và sản phẩm gỗ")
        last = re.split(r"\s+và\s+" if len(items) >= 2 else rf"\s+và\s+(?=[{UPPER}\d])", items[-1], maxsplit=1)
        if len(last) == 2 and all(x.strip() for x in last):
            items = items[:-1] + [x.strip() for x in last]
    return [x for x in items if x and not _OPEN_END.fullmatch(x)]


def enumerated(sentence: str, noun: str | None, question: str = "") -> tuple[list[str], bool] | None:
    """(the items a sentence enumerates, whether the list is open "…"), or None when it lists
    nothing. With `noun`, the enumeration must be of that noun; with `question`, a counted lead
    whose words the question asks ("3 sản phẩm không đạt kế hoạch là …") is read first."""
    text = sentence.strip().rstrip(".")
    open_end = bool(_OPEN_END.search(text))
    text = _OPEN_END.sub("", text).rstrip(" ,;")
    low = text.lower()
    starts = []
    if noun:
        for form in _noun_forms(noun):
            starts += [m.end() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", low)]
    candidates: list[list[str]] = []
    if noun and question:
        counted = counted_lead(text, noun, question)  # "có 3 sản phẩm không đạt kế hoạch là A, B và C"
        if counted:
            return counted, open_end
        parts = parts_of_whole(text)  # "X là 100 tỷ đồng, trong đó A 40 tỷ đồng và B 60 tỷ đồng"
        if parts and (all(noun_in(x, noun) for x in parts) or composition_of(question, text)):
            return parts, False
    for lead in _LEAD.finditer(text):
        # the lead must follow the noun (when one is asked) within a short clause: in the same
        # statement ("sức mua trong nước chậm; … như chè, đồ gỗ" lists no "nước")
        if noun is None or any(0 <= lead.start() - s <= 80 and ";" not in text[s : lead.start()] for s in starts):
            candidates.append(_named_run(text[lead.end():]) or split_items(text[lead.end():]))
    for lead in _IS_LEAD.finditer(text):  # "các mặt hàng chủ lực là A, B, C": "là" right after the noun
        if any(0 <= lead.start() - s <= 30 and not re.search(r"[\d,;:()]", text[s : lead.start()]) for s in starts):
            candidates.append(split_items(_top_level(text[lead.end():], ";")[0]))
    # "ngành A tăng 5,9%, B tăng 9,9%, C tăng 7%": items that each end with a figure, after the
    # occurrence of the noun that leads the most ("Phân theo ngành, ngành A tăng …": the second)
    figured = max(([_figured_items(text, s) for s in starts] or [[]]), key=lambda x: (len(x), -len(x[0]) if x else 0))
    if len(figured) >= 2:
        candidates.append(figured)
    for s in starts:  # "tại các xã A, B và C": capitalised names right after the noun
        rest = _top_level(text[s:], ";")[0]  # up to the end of its statement ("…; do bão …")
        if re.match(rf"\s+[{UPPER}]", rest):
            items = split_items(rest)
            if len(items) >= 2:
                items[-1] = _name_end(items[-1])  # "… và Thị trấn X của huyện Y": the name ends at "của"
            if len(items) >= 2 and all(re.fullmatch(_PROPER, x) for x in items[:-1]):
                # "A, B và cụm công nghiệp C thu hút thêm 6 dự án": after names alone, the last is a
                # name too, without the noun naming it again, and ends where its capitalised words do
                last = re.match(_PROPER, _without_noun(items[-1], noun))
                items[-1] = last.group(0) if last else items[-1]
            if len(items) >= 2 and all((x[:1].isupper() or x[:1].isdigit()) and len(x.split()) <= 6 for x in items):
                candidates.append(items)
    if noun:
        grouped = _counted_groups(text, noun)  # "02 KCN mới (KCN A, KCN B)": counted in brackets
        if grouped:
            return grouped, open_end
        # "Nhà máy A và Nhà máy B", "CCN A, CCN B": the noun named again, capitalised, for each item
        for cap in [noun[:1].upper() + noun[1:]] + [f.upper() for f in _noun_forms(noun)[1:] if f in ABBREVIATIONS]:
            parts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(cap)}(?!\w)", text)]
            if len(parts) < 2:
                continue
            items = [text[a:b].strip() for a, b in zip(parts, parts[1:] + [len(text)])]
            if all(re.search(r"(?:[,;]|\svà)$", x) for x in items[:-1]):  # each item ends at a separator
                items = [re.sub(r"\s*(?:\s+và|,|;)\s*$", "", x).strip() for x in items]
                return items, open_end
        named = _each_named(text, noun)  # "… huyện A, … huyện B": the noun before each name
        if named:
            candidates.append(named)
        if noun in _PLACE_NOUNS:  # "những địa bàn nào": "tập trung ở quận A, quận B và huyện C"
            places = _leveled_places(text) or _origins(text)
            if places:
                candidates.append(places)
    for items in candidates:
        # a list cut inside a bracket ("(trong đó: 2 dự án …; 4 dự án …)") is no enumeration, nor a
        # table row read as text ("Sản phẩm: A, B | Đơn vị tính: … | Kế hoạch: …")
        if len(items) >= 2 and all(x.count("(") == x.count(")") and " | " not in x for x in items):
            return items, open_end
    return None


_IS_LEAD = re.compile(r"\s+là\s+(?!\d)")


def _named_run(rest: str) -> list[str] | None:
    """"Mỹ, Nhật Bản, EU và Hàn Quốc; thị trường Mỹ chịu áp lực …": capitalised names closed by
    "và" make the whole list; the ";" after them opens a new statement, not a further item."""
    head = _top_level(rest, ";")
    if len(head) < 2:
        return None
    items = split_items(head[0])
    more = split_items(head[1])  # "A, B và C; D và E": groups of names, not one list then a statement
    if more and all(re.fullmatch(_PROPER_ITEM, x) for x in more):
        return None
    if len(items) >= 2 and re.search(r"\svà\s", head[0]) and all(re.fullmatch(_PROPER_ITEM, x) for x in items):
        return items
    return None


# a capitalised name, a short bracket may follow ("Đài Loan (Trung Quốc)"), or an upper-case abbreviation
_PROPER_ITEM = rf"[{UPPER}][^\W_]*(?:[ -]+[{UPPER}\d][^\W_]*){{0,4}}(?:\s*\([^()]{{1,30}}\))?"

# "có 3 sản phẩm không đạt kế hoạch là A, B và C", "2 nhóm giảm giá là A giảm 1,8% và B giảm 0,4%":
# a count of the noun, the words that say which (no figure, bracket or separator), "là", then
# exactly that many items, up to the end of the statement or the next counted group (", 5 sản phẩm đạt 3 sao")
_COUNTED_LEAD = r"(?<![\d.,/])0?(\d{{1,2}})\s+(?:{forms})(?!\w)((?:\s+(?:\d{{1,3}}\s+[^\W\d_]+|[^\W\d_]+)){{0,8}}?)\s+là\s+(?!\d)"


_LINKING = {"dat", "duoc", "co", "da", "thi", "cac", "nhung", "va", "deu"}


def counted_lead(sentence: str, noun: str, question: str) -> list[str] | None:
    """The items of a counted lead ("Có 2 nhóm giảm giá là giao thông giảm 1,84% và bưu chính, viễn
    thông giảm 0,36%"), when they are exactly as many as the count; None otherwise. A noun
    written with its classifier ("nhóm hàng") is also counted by the classifier alone ("2 nhóm").
    Every word that says which ("không đạt kế hoạch", "đạt chuẩn … nâng cao") must be asked by the
    question: "02 xã đạt chuẩn nâng cao là …" does not answer which communes met the standard."""
    asked = set(re.findall(r"\w+", fold(expand_abbreviations(question).lower())))
    forms = _noun_forms(noun)
    forms += [c for c in _CLASSIFIERS if noun.startswith(c + " ")]
    rx = re.compile(_COUNTED_LEAD.format(forms="|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))),
                    re.I)
    for m in rx.finditer(sentence):
        n = int(m.group(1))
        if any(w not in asked for w in fold(m.group(2).lower()).split() if w not in _LINKING):
            continue
        rest = _top_level(sentence[m.end():], ";")[0]
        nxt = re.search(rf",\s*(?:còn\s+|và\s+)?0?\d{{1,2}}\s+(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)", rest, re.I)
        rest = rest[: nxt.start()] if nxt else rest
        rest = _OPEN_END.sub("", rest.strip().rstrip("."))
        if _OPEN_END.search(sentence[m.end():]) or n < 2:
            continue
        figured = _figured_items(" " + rest, 0)
        # items that each end with their figure, when they make the whole rest: "A giảm 1,84% và B, C giảm 0,36%"
        whole = bool(figured) and rest.endswith(figured[-1])
        split = split_items(rest)
        if len(split) == n - 1 and len(re.findall(r"\svà\s", split[-1])) == 1:  # "A và B" counted 2: "và" parts them
            split = split[:-1] + [x.strip() for x in re.split(r"\s+và\s+", split[-1])]
        if any(re.search(r"\svà\s|\d", x) for x in split):  # "A và B, nâng tổng số lên 9/15": no item list
            split = []
        for items in ((figured,) if whole else ()) + (split,):
            if len(items) == n and all(x.count("(") == x.count(")") and len(x.split()) <= 12 for x in items):
                return items
    return None
# a proper name alone: capitalised words, a number may close it ("Đồng An 2")
_PROPER = rf"[{UPPER}][^\W\d_]*(?:[ -]+[{UPPER}][^\W\d_]*)*(?:\s+\d{{1,2}})?"


def _without_noun(item: str, noun: str | None) -> str:
    """An item without the noun that opens it ("cụm công nghiệp Soi Đúng" -> "Soi Đúng")."""
    if not noun:
        return item
    for form in sorted(_noun_forms(noun), key=len, reverse=True):
        m = re.match(rf"(?i){re.escape(form)}\s+(?=[{UPPER}])", item)
        if m:
            return item[m.end():]
    return item


_FIGURED = re.compile(r"(?:\s*(?:,|;|\svà)\s*|\s+)(?P<item>[^;.:]+?\s(?:ước\s+)?(?:tăng|giảm)\s+(?:khoảng\s+)?\d[\d.,]*\s*(?:%|lần))"
                      r"(?=\s*(?:[,;.]|\svà\s|$))")


# nouns that ask for places of any level; the report names each with its level word
_PLACE_NOUNS = {"địa bàn", "địa phương", "nơi"}
_LEVEL = r"(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn|tỉnh|đặc khu)"
_NAME = rf"[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{0,3}}"
_FIGURE_BRACKET = r"(?:\s*\([^()]*\d[^()]*\))?"  # "thành phố A (386 ca)": the place's own figure
_LEVELED_RUN = re.compile(rf"(?<!\w)(?:ở|tại)\s+(?P<run>{_LEVEL}\s+{_NAME}{_FIGURE_BRACKET}"
                          rf"(?:\s*(?:,|và)\s*{_LEVEL}\s+{_NAME}{_FIGURE_BRACKET})+)")


def _leveled_places(text: str) -> list[str] | None:
    """"… tập trung ở quận A, quận B và huyện C": places each written with its level word."""
    m = _LEVELED_RUN.search(text)
    if not m:
        return None
    run = re.sub(r"\s*\([^()]*\)", "", m.group("run"))
    items = [x.strip() for x in re.split(r"\s*,\s*|\s+và\s+", run) if x.strip()]
    return items if len(items) >= 2 else None


def names_noun(text: str, noun: str) -> bool:
    """Does `text` name the noun, or, for "những địa phương nào", places written with their level
    (or named after "đến từ")?"""
    if any(noun.startswith(c + " ") and re.search(rf"(?<![\d.,/])\d{{1,2}}\s+{c}\s", text.lower()) for c in _CLASSIFIERS):
        return True  # "những nhóm hàng nào": "Có 2 nhóm giảm giá là …" counts the classifier alone
    return noun_in(text, noun) or (noun in _PLACE_NOUNS and (_leveled_places(text) or _origins(text)) is not None)


_FROM = re.compile(r"(?<!\w)(?:đến|tới)\s+từ\s+(?:các\s+)?(?:nước|quốc gia|vùng lãnh thổ|địa phương|tỉnh)?\s*(?=[" + UPPER + "])")


def _origins(text: str) -> list[str] | None:
    """"Nhà đầu tư đến từ Đài Loan (Trung Quốc), Hàn Quốc và Singapore": capitalised names after
    "đến từ", closed by "và", the whole statement (what "đến từ đâu" asks)."""
    for m in _FROM.finditer(text):
        rest = re.split(r"\.(?:\s|$)|\n", _top_level(text[m.end():], ";")[0])[0].strip()  # to the statement's end
        items = split_items(rest)
        if len(items) >= 2 and re.search(r"\svà\s", rest) and all(re.fullmatch(_PROPER_ITEM, x) for x in items):
            return items
    return None


def _figured_items(text: str, start: int) -> list[str]:
    """Items after `start` that each end with their change ("khai khoáng tăng 5,98%, công
    nghiệp chế biến, chế tạo tăng 9,97%"): the figure, not the comma, ends an item."""
    items, pos = [], start
    while True:
        m = _FIGURED.match(text, pos)
        if not m:
            break
        items.append(m.group("item").strip())
        pos = m.end()
    return items


# Words that end a name: "Tây Yên Tử của huyện Sơn Động", "Tân Yên năm 2024".
_NAME_END = re.compile(r"\s+(?:của|thuộc|tại|năm|với|đã|được|đang|để|nhằm|trong|theo|là|có|do|cho|từ|đến)\s.*$")


def _name_end(item: str) -> str:
    return _NAME_END.sub("", item).strip(" ,;")


_NAME = rf"[{UPPER}][^\W\d_]*(?:[ -]+[{UPPER}][^\W\d_]*)*"


# a word that says what kind of item a name is ("khu đô thị mới A", "khu dân cư B"), no linking word
_DESCRIBER = (r"(?!(?:của|thuộc|tại|ở|trong|theo|với|và|là|có|do|cho|từ|đến|được|đã|đang|sẽ|năm|tháng|quý|các|những|"
              rf"so|như|gồm|bao|về|trên|dưới|đạt|tăng|giảm)\b)[^\W\d_{UPPER}]+")


def _each_named(text: str, noun: str) -> list[str] | None:
    """"diễn tập … huyện Tân Yên, diễn tập … huyện Lạng Giang": the noun written before each name
    (capitalised too where it opens the sentence), in one run of items separated by "," or "và"
    (not ";"): the names are the items. The run is the first one; a later statement after ";"
    ("…; năng suất cao nhất ở huyện D") is no item of it."""
    forms = [re.escape(f) for f in _noun_forms(noun)]
    if coordinated(noun):  # "những vùng, huyện nào": one run over both nouns, or the list is not whole
        forms = ["|".join(re.escape(f) for f in sorted(set(_noun_forms(noun)) - {noun}, key=len, reverse=True))]
    for form in forms:
        found = list(re.finditer(rf"(?<!\w)(?i:{form})\s+((?:{_DESCRIBER}\s+){{0,3}}?)({_NAME})", text))
        if len(found) < 2:
            continue
        run = [found[0]]
        for a, b in pairwise(found):
            # a bracket of the item's own figure ("xã A (96 hộ), xã B (74 hộ)") is no separator
            x = re.sub(r"\s*\([^()]*\d[^()]*\)", "", text[a.end() : b.start()])
            # "huyện A 12,4 tỷ đồng; huyện B 10,8 tỷ đồng": each name with its figure, then ";"
            figure_only = re.fullmatch(r"\s+\d[\d.,]*\s*%?(?:\s*[^\W\d_]+){0,3}\s*[;,]\s*(?:và\s+)?", x)
            if not ((re.search(r",|\svà\s", x) and ";" not in x or figure_only) and "(" not in x and ")" not in x):
                break
            run.append(b)
        if coordinated(noun) and len(re.findall(rf"(?<!\w)(?i:{form})(?!\w)", text)) != len(run):
            return None  # a noun of the pair named outside the run: the list would not be whole
        if len(run) >= 2 and (len(run) == len(found) or ";" in text[run[-1].end() : found[len(run)].start()]):
            # "các khu đô thị mới A, khu dân cư B": the words that say what each is stay with it
            return [f"{m.group(0)[: m.start(1) - m.start(0)]}{m.group(1)}{m.group(2)}" if m.group(1) else m.group(2)
                    for m in run]
    return None


def _counted_groups(text: str, noun: str) -> list[str] | None:
    """"02 KCN mới (KCN A 105ha, KCN B 377ha) và 02 KCN mở rộng (KCN C, KCN D)": groups of the noun,
    each counted and named in its bracket, in one clause (the first whose brackets all hold as many
    names as their counts); the items are the names of every group."""
    forms = "|".join(re.escape(f) for f in _noun_forms(noun))
    group = re.compile(rf"(?i)(?<![\d.,/])0?(\d{{1,2}})\s+(?:{forms})(?!\w)[^();]{{0,40}}?\(((?:[^()]|\([^()]*\))*)\)")
    for clause in _top_level(text, ";"):
        found = list(group.finditer(clause))
        if not found:
            continue
        items: list[str] = []
        for m in found:
            names = [x.strip() for x in _top_level(m.group(2), ",")]
            if len(names) != int(m.group(1)) or not all(names):
                items = []
                break
            items += names
        if len(items) >= 2:
            return items
    return None


def _top_level(text: str, sep: str) -> list[str]:
    """`text` cut at `sep` outside brackets and between the digits of a figure."""
    depth, out, cur = 0, [], ""
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        decimal = ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if depth == 0 and ch == sep and not decimal:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


def announced_counts(sentence: str, noun: str | None) -> set[int]:
    """Counts a sentence states for the noun: "Có 04 địa phương …" -> {4}."""
    if not noun:
        return set()
    out = set()
    for form in _noun_forms(noun):
        out |= {int(m.group(1)) for m in re.finditer(rf"{_NUMBER_WORDS}\s+{re.escape(form)}(?!\w)", sentence.lower())}
    return out


# -- a threshold asked: "những khoản thu nào đạt dưới 60% dự toán" ------------------------------

_BOUND = re.compile(r"\b(duoi|thap hon|nho hon|chua toi|chua den|khong toi|tren|cao hon|lon hon|vuot|tu|it nhat|toi thieu)"
                    r"\s+(\d{1,3}(?:,\d+)?)\s*(%|phan tram)(\s+tro\s+(?:len|xuong))?")
_BELOW = ("duoi", "thap hon", "nho hon", "chua toi", "chua den", "khong toi")


@dataclass
class Bound:
    op: str  # "<", ">", ">=", "<="
    value: float
    written: str  # as the question writes it: "dưới 60%"
    folded: str  # folded: "duoi 60%"


def bound(question: str) -> Bound | None:
    """The percentage threshold a list question filters by: "dưới 60%" (<), "trên 100%" (>), "từ 90%
    trở lên" (>=); None when there is none ("từ 60%" without "trở lên/xuống" is a starting point)."""
    f = fold(question.lower())
    m = _BOUND.search(f)
    if not m:
        return None
    word, tail = m.group(1), (m.group(4) or "").strip()
    if word == "tu" and not tail:
        return None
    if tail:
        op = ">=" if tail.endswith("len") else "<="
    else:
        op = "<" if word in _BELOW else ">=" if word in ("it nhat", "toi thieu") else ">"
    value = float(m.group(2).replace(",", "."))
    return Bound(op, value, question[m.start() : m.end()].strip(), f[m.start() : m.end()].strip())


def meets(x: float, b: Bound) -> bool:
    return {"<": x < b.value, ">": x > b.value, ">=": x >= b.value, "<=": x <= b.value}[b.op]


def _item_share(item: str) -> float | None:
    """The one percentage an item carries ("thu phí, lệ phí bằng 57,9% dự toán", "huyện A (35,6%)"),
    or None when it carries none or several."""
    shares = [n.value for n in find_numbers(item) if n.value is not None and n.percent]
    return shares[0] if len(shares) == 1 else None


def states_bound(sentence: str, b: Bound) -> bool:
    """Does the sentence state the threshold itself ("3 khoản thu đạt thấp, dưới 60% dự toán: …")?"""
    f = fold(sentence.lower())
    m = _BOUND.search(b.folded)
    return m is not None and re.search(rf"\b{re.escape(m.group(1))}\s+{re.escape(m.group(2))}\s*%", f) is not None


def bounded_items(items: list[str], sentence: str, b: Bound) -> list[str] | None:
    """The items that meet the threshold: by each item's own percentage when every item carries
    one; else all but those whose figure misses it, when the sentence states that very threshold;
    None when it cannot be told."""
    shares = [_item_share(x) for x in items]
    if all(v is not None for v in shares):
        return [x for x, v in zip(items, shares) if meets(v, b)]
    if states_bound(sentence, b):
        return [x for x, v in zip(items, shares) if v is None or meets(v, b)]
    return None


def _statement_of(sentence: str, items: list[str]) -> str:
    """The statement (between ";") that holds all the items, or the whole sentence: "đi qua 9 xã,
    phường; …, tập trung ở xã A và xã B" counts its "9 xã" for another statement."""
    for part in _top_level(sentence, ";"):
        if all(x in part for x in items):
            return part
    return sentence


def items_line(sentence: str, question: str, full: str = "") -> str | None:
    """"Báo cáo nêu 4 địa phương: A; B; C; D." for a sentence that enumerates what a list
    question asks for; None when it does not, or when its own count disagrees with the items."""
    noun = asked_noun(question)
    found = enumerated(sentence, noun, full or question)
    if found is None or noun is None:
        return None
    items, open_end = found
    if re.search(r"\b(?:bao nhieu|may)\s+", fold((full or question).lower())) and all(
            re.search(rf"\d[\d.,]*\s*(?:nguoi|em|ho|chau|{re.escape(fold(noun.lower()))})\b", fold(x.lower())) for x in items):
        return None  # "thiếu bao nhiêu giáo viên": "mầm non 124 người; tiểu học 98 người" are parts, not the count
    limit = bound(question)
    if limit is not None and bounded_items(items, sentence, limit) != items:
        return None  # a threshold asked that the items do not all meet (or cannot be told to)
    with_commas = sum(1 for x in items if re.search(r"(?<!\d),|,(?!\d)", re.sub(r"\([^)]*\)", "", x)))
    counts = announced_counts(_statement_of(sentence, items), noun)
    if ";" in sentence and with_commas and (len(items) < 3 or 3 * with_commas > len(items)) and len(items) not in counts:
        # (a count the sentence announces that the ";" groups meet settles it: "3 khoản thu …: A, …; B; C")
        # groups cut at ";" that hold items cut at ",": how many is not clear (a long ";" list
        # with a comma inside one or two items, "bảo tồn, tôn tạo di tích", is a list of items)
        return None
    if any(x.count("(") != x.count(")") for x in items):
        return None  # an item cut inside a bracket: the split is not the report's
    if counts and len(items) not in counts and items != _counted_groups(sentence, noun):
        return None  # (groups counted in brackets announce a count per group)
    low = sentence.lower()
    noun = written_form(sentence, noun)
    phrase = asked_phrase(question)
    if phrase and phrase != noun and len(phrase.split()) <= 4 and phrase in low and enumerated(sentence, phrase):
        noun = asked_phrase(question, written=True)  # "những tỉnh giáp ranh nào": "5 tỉnh giáp ranh"
    tail = " (báo cáo chưa liệt kê hết)" if open_end else ""
    return f"Báo cáo nêu {len(items)} {noun}{tail}: " + "; ".join(items) + "."


_WHICH = re.compile(r"\bnao\b")
_FROM_WHERE = re.compile(r"\b(?:den|toi)\s+tu\s+dau\b")
_NOT_NAMES = re.compile(r"\b(?:bao nhieu|may|the nao|ra sao|cao nhat|thap nhat|lon nhat|nho nhat|nhieu nhat|it nhat|manh nhat|dan dau|dung dau)\b")
_LINK_WORDS = {"co", "la", "cua", "o", "tai", "trong", "so", "nam", "thang", "quy", "va", "voi", "thi", "den", "tu", "theo"}


def which_noun(question: str) -> str | None:
    """The things a question asks to name without "những/các": "Sản phẩm công nghiệp chủ yếu nào
    không đạt kế hoạch?" -> "sản phẩm", "Nhà đầu tư … đến từ đâu?" -> "nơi"; None for a count, a
    superlative or a question that asks no names."""
    f = fold(question.lower())
    if _NOT_NAMES.search(f):
        return None
    if _FROM_WHERE.search(f):
        return "nơi"
    which = _WHICH.search(f)
    if not which:
        bare = _BARE.match(f)  # "Các điểm đến thu hút đông khách của tỉnh năm 2024?": no asking word at all
        return _noun_phrase(question.lower()[bare.end():].split()) if bare and not _ASKING.search(f) else None
    words = []
    for w in reversed(question.lower()[: which.start()].split()):
        if not re.fullmatch(r"[^\W\d_]+", w) or fold(w) in _LINK_WORDS:
            break
        words.insert(0, w)
    return asked_noun("những " + " ".join(words) + " nào") if words else None


_LINKS_WRITTEN = {"có", "là", "của", "ở", "tại", "trong", "so", "năm", "tháng", "quý", "và", "với", "thì", "theo", "gồm",
                  "bao", "được", "đã", "đang", "sẽ"}
_BARE = re.compile(r"^\s*(?:nhung|cac)\s+")
_ASKING = re.compile(r"\b(?:nao|gi|dau|sao|the nao|khong|chua|khi|ai|bao nhieu|may)\b")


def _noun_phrase(words: list[str]) -> str | None:
    """The noun a phrase opens with, up to a linking word or a figure."""
    kept = []
    for w in words:  # (accents kept: "điểm đến" is a noun, "đến nay" is no part of it)
        if not re.fullmatch(r"[^\W\d_]+", w) or w in _LINKS_WRITTEN:
            break
        kept.append(w)
    return asked_noun("những " + " ".join(kept[:4]) + " nào") if kept else None


def subject_noun(question: str) -> str | None:
    """"Thị trường xuất khẩu chính … là những nước nào?": the noun of the subject whose members are
    asked ("thị trường"), another name for what is listed."""
    m = _COMPOSITION.search(fold(question.lower()))
    return _noun_phrase(question.lower()[: m.end(1)].split()) if m else None


_WITHIN = re.compile(r"(?i),?\s*\btrong đó\b\s*:?\s*")
_SEP = re.compile(r"\s*(?:,|;|\svà\s|:)\s*(?:và\s+)?")


def _unit_after(text: str, end: int) -> str:
    """The unit written right after a figure: "7.845,6 tỷ đồng" -> "tỷ đồng" (up to two words)."""
    m = re.match(r"\s*((?:[^\W\d_]+|%)(?:\s+[^\W\d_]+)?)", text[end:])
    return m.group(1).lower() if m else ""


def parts_of_whole(sentence: str) -> list[str] | None:
    """"Kế hoạch vốn năm 2025 là 7.845,6 tỷ đồng, trong đó vốn A 2.186,4 tỷ đồng, vốn B 5.100 tỷ đồng
    và vốn C 559,2 tỷ đồng": the parts named after "trong đó", each with one figure in the whole's
    unit, that add up to the whole (so the list is whole); None otherwise."""
    for m in _WITHIN.finditer(sentence):
        before = [n for n in find_numbers(sentence[: m.start()]) if n.value is not None and not n.percent]
        if not before:
            continue
        whole = before[-1]
        unit = _unit_after(sentence, whole.end)
        if not unit or not re.match(r"\s*" + re.escape(unit), sentence[whole.end : m.start()], re.I):
            continue
        rest = sentence[m.end():]
        items, total, pos, places = [], 0.0, 0, 0
        for n in find_numbers(rest):
            if n.value is None or _unit_after(rest, n.end) != unit or n.percent:
                break
            label = rest[pos : n.start].strip()
            label = _SEP.sub("", label, count=1) if _SEP.match(label) else label
            if not label or re.search(r"\d", label) or len(label.split()) > 12 or re.search(r"[;()]", label):
                break
            stop = n.end + len(re.match(r"\s*" + re.escape(unit), rest[n.end :], re.I).group(0))
            items.append(rest[pos:stop].strip(" ,;"))
            items[-1] = re.sub(r"^(?:và|;|,)\s+", "", items[-1])
            total += n.value * (n.scale or 1)
            places = max(places, len(n.text.split(",")[1]) if "," in n.text else 0)
            pos = stop
        tail = rest[pos:].strip()
        if len(items) < 2 or not re.fullmatch(r"[.;]?(?:\s.*)?", tail) or (tail[:1] not in ".;" and tail):
            continue
        if abs(total - whole.value * (whole.scale or 1)) <= 0.5 * 10 ** -places * (whole.scale or 1) * len(items):
            return items
    return None


_COMPOSITION = re.compile(r"^(.*?)\s+(?:bao gom|gom|la)\s+(?:nhung|cac)\b")


def composition_of(question: str, sentence: str) -> bool:
    """"Vốn đầu tư công … gồm những nguồn nào?": the question asks what its subject is made of, and
    the sentence names that subject (its first two words) before its parts."""
    f = fold(question.lower())
    m = _COMPOSITION.search(f)
    if not m:
        return False
    head = " ".join(m.group(1).split()[:2])
    cut = _WITHIN.search(sentence)
    return bool(head) and cut is not None and head in fold(sentence[: cut.start()].lower())


# -- counting questions and enumerations that span a section ------------------------------------

_COUNTED = re.compile(r"(?i)\b(?:bao nhiêu|mấy)\s+((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)")
_STOP_NOUN = re.compile(r"(?i)\s+(?:được|đã|đang|sẽ|của|cho|trong|tại|theo|về|và|với|do|là|có|nào|gì)(?:\s.*)?$")


def counted_noun(question: str) -> str | None:
    """The thing a counting question counts, up to three words: "có bao nhiêu nhóm nhiệm vụ, giải
    pháp" -> "nhóm nhiệm vụ"; None for a measure ("bao nhiêu tỷ đồng", "bao nhiêu %")."""
    from assistant.generation.request import _MEASURE_WORDS, STOPWORDS  # how figures are asked

    m = _COUNTED.search(question)
    if not m or m.group(1).lower().startswith(_MEASURE_WORDS) or m.group(1).split()[0].lower() in STOPWORDS:
        return None
    phrase = _STOP_NOUN.sub("", m.group(1).lower()).strip()
    words = phrase.split()
    if not words:
        return None
    if words[0] in ABBREVIATIONS:
        return ABBREVIATIONS[words[0]]
    return phrase


def written_form(sentence: str, noun: str) -> str:
    """The noun as the report writes it ("ngành" for "ngành công nghiệp nào"; an abbreviation
    stays written out)."""
    low = sentence.lower()
    if sum(1 for f in coordinated(noun) if noun_in(sentence, f)) >= 2:
        return noun  # "khu, cụm công nghiệp": the sentence lists both
    return next((f for f in _noun_forms(noun) if f not in ABBREVIATIONS
                 and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low)), noun)


def noun_in(text: str, noun: str) -> bool:
    """Does `text` name the noun (or its abbreviation, or the noun without its classifier)?"""
    low = fold(text.lower())
    return any(re.search(rf"(?<!\w){re.escape(fold(f))}(?!\w)", low) for f in _noun_forms(noun))


_ITEM_STYLES = {
    "(1)": (r"\((\d{1,2})\)", int),
    "1.": (rf"(\d{{1,2}})\.(?=\s+[{UPPER}])", int),
    "1)": (rf"(\d{{1,2}})\)(?=\s+[{UPPER}])", int),
    "a)": (rf"([a-zđ])\)(?=\s+[{UPPER}])", None),
}
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_BOUNDARY = r"(?:^|\n|(?<=[.;:!?…])[ \t]+)"


def numbered_items(stream: str) -> list[tuple[str, int, str]]:
    """Items numbered in sequence right after a lead ("…các nhiệm vụ sau:" then "(1) …", "(2) …"
    or lines "1. …", "a) …"): [(marker, offset, first sentence)], each found after the one
    before, at the start of a line or of a sentence; the list ends at the first number missing.
    Lines that start with "-" or "+" right after the lead are items too, up to the first line
    that does not.
    Nothing when the text after the lead does not start with the first marker."""
    text = stream.lstrip()
    shift = len(stream) - len(text)
    for rx, conv in _ITEM_STYLES.values():
        first = re.match(rx, text)
        if not first or first.group(1) not in ("1", "a"):
            continue
        out, pos, k = [], 0, 0
        while True:
            label = str(k + 1) if conv else (_LETTERS[k] if k < len(_LETTERS) else None)
            if label is None:
                break
            marker = rx.replace(r"(\d{1,2})", re.escape(label)).replace(r"([a-zđ])", re.escape(label))
            m = re.compile(_BOUNDARY + marker).search(text, pos)
            if not m:
                break
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            head = re.split(r"(?<=[.;])\s|\n", text[m.end():].strip(), maxsplit=1)[0].strip()
            out.append((text[start : m.end()].strip(), shift + start, head))
            pos, k = m.end(), k + 1
        if len(out) >= 2:
            return out
    bullet = re.match(r"[-+•]\s", text)  # lines "- …", "+ …": each paragraph that starts so, until one does not
    if bullet:
        out, pos = [], 0
        for line in re.finditer(r"[^\n]+", text):
            if not line.group(0).startswith(bullet.group(0)):
                break
            head = re.split(r"(?<=[.;])\s", line.group(0)[2:].strip(), maxsplit=1)[0].strip()
            out.append((bullet.group(0).strip(), shift + line.start(), head))
        if len(out) >= 2:
            return out
    return []


def _strip_overlap(prev: str, nxt: str) -> str:
    """`nxt` without the text it repeats from the end of `prev` (chunks overlap)."""
    probe = nxt[:80]
    k = prev.rfind(probe) if probe else -1
    if k >= 0 and len(prev) - k < len(nxt):
        return nxt[len(prev) - k :]
    return nxt


def section_stream(chunks, start: int, offset: int) -> tuple[str, list[tuple[int, str]]]:
    """The text of a section from `offset` in `chunks[start]` on, through the chunks that follow in
    the same section (their heading path starts with it), overlaps removed; with where each chunk
    begins in it: (text, [(position, chunk_id)])."""
    first = chunks[start]
    text, where = first.text[offset:], [(0, first.chunk_id)]
    prev = first.text
    for c in chunks[start + 1 :]:
        if c.doc_id != first.doc_id or not (c.section or "").startswith(first.section or "\x00"):
            break
        where.append((len(text) + 1, c.chunk_id))
        text += "\n" + _strip_overlap(prev, c.text)
        prev = c.text
    return text, where
