"""Closed sets of qualifiers: crop seasons, quarters, economic sectors, town and country, exports
and imports, domestic and foreign capital, international and domestic visitors, men and women,
school levels, the start and the end of a year, industrial zones and clusters, the whole area and the zones in it. Each member names one part of a whole, and a figure
written next to one member is never the figure of a sibling member, nor of the whole.

Two checks rest on them (used on the figures of a quoted sentence, and on facts):
- clash: the question names one member ("vụ Mùa") and the figure sits next to another ("vụ
  Xuân … 8.215 ha"): that figure does not answer it;
- parts only: the question names no member of a set ("bao nhiêu doanh nghiệp thành lập mới")
  and the sentence only gives a breakdown by two or more members, every figure labelled by its
  member: the whole asked is not in it.

All matching is done on folded text (no tones, lower case), which keeps every character's place.
"""

from __future__ import annotations

import re

from assistant.ingest.lexfold import fold

# set name -> ((member key, pattern on folded lower-case text), …)
_SETS: dict[str, tuple[tuple[str, str], ...]] = {
    "season": (
        ("dong xuan", r"\b(?:vu|lua) dong[ -]xuan\b"),  # "lúa Đông Xuân" names its season too
        ("he thu", r"\b(?:vu|lua) he[ -]thu\b"),
        ("thu dong", r"\b(?:vu|lua) thu[ -]dong\b"),
        ("xuan", r"\b(?:vu|lua) xuan\b(?![ -]he)"),
        ("mua", r"\b(?:vu|lua) mua\b(?! (?:ban|sam))"),
        ("dong", r"\bvu dong\b(?![ -]xuan)"),
    ),
    "quarter": (
        ("1", r"\bquy (?:i|1)\b"),
        ("2", r"\bquy (?:ii|2)\b"),
        ("3", r"\bquy (?:iii|3)\b"),
        ("4", r"\bquy (?:iv|4)\b"),
    ),
    "sector": (
        ("agri", r"\bnong,? lam(?: nghiep)?,?(?: va)? (?:ngu|thuy san)|\blam nghiep,? (?:va )?thuy san\b|\bkhu vuc (?:i|1)\b"),
        ("industry", r"\bcong nghiep(?: ?[-–,] ?| va )xay dung\b|\bkhu vuc (?:ii|2)\b"),
        ("service", r"\b(?:khu vuc|nganh|linh vuc) dich vu\b|\bkhu vuc (?:iii|3)\b"),
    ),
    "area": (
        ("urban", r"\bthanh thi\b"),
        ("rural", r"\bnong thon\b(?! moi)"),
    ),
    "trade": (
        ("both", r"\bxuat,? nhap khau\b"),
        ("export", r"\bxuat khau\b"),
        ("import", r"(?<!xuat )(?<!xuat, )\bnhap khau\b"),
    ),
    "origin": (
        ("foreign", r"\bfdi\b|\b(?:von )?dau tu (?:truc tiep )?nuoc ngoai\b"),
        ("domestic", r"\bddi\b|\b(?:von )?dau tu trong nuoc\b"),
    ),
    "visitors": (
        ("international", r"\bkhach (?:du lich )?quoc te\b"),
        ("domestic", r"\bkhach (?:du lich )?(?:noi dia|trong nuoc)\b"),
    ),
    "gender": (
        ("male", r"\bnam gioi\b|\blao dong nam\b"),
        ("female", r"\bnu gioi\b|\blao dong nu\b"),
    ),
    "school": (
        ("preschool", r"\bmam non\b"),
        ("primary", r"\btieu hoc\b"),
        ("lower secondary", r"\bthcs\b|\btrung hoc co so\b"),
        ("upper secondary", r"\bthpt\b|\btrung hoc pho thong\b"),
    ),
    # levels of government a budget or a capital is split by: "vốn cấp tỉnh …, cấp huyện …"
    "level": (
        ("province", r"(?<!canh tranh )(?<!chinh quyen )\bcap tinh\b"),  # not "năng lực cạnh tranh cấp tỉnh" (PCI)
        ("district", r"\bcap huyen\b"),
        ("commune", r"\bcap xa\b"),
    ),
    # a stock counted at the start or at the end of a year ("số hộ nghèo đầu năm … là 682 hộ; cuối
    # năm còn 498 hộ"); not the spans "6 tháng đầu năm", "từ đầu năm", "6 tháng cuối năm"
    "point": (
        ("start", r"(?<!thang )(?<!tu )\bdau (?:nam|ky)\b"),
        ("end", r"(?<!thang )\bcuoi (?:nam|ky)\b"),
    ),
    # poor and near-poor households are two indicators ("hộ cận nghèo" is not "hộ nghèo")
    "poverty": (
        ("near", r"\bcan ngheo\b"),
        ("poor", r"(?<!can )(?<!thoat )(?<!tai )\bho ngheo\b"),
    ),
    # kinds of zone that share their words: an industrial zone is not an industrial cluster
    "zone_kind": (
        ("kcn", r"\bkcn\b|\bkhu cong nghiep\b"),
        ("ccn", r"\bccn\b|\bcum cong nghiep\b"),
        ("kkt", r"\bkkt\b|\bkhu kinh te\b"),
    ),
    # the whole area versus the zones inside it: "toàn tỉnh" asked, "trong các KCN" written
    "scope": (
        ("whole", r"\b(?:toan|ca) (?:tinh|huyen)\b"),
        ("zone", r"\b(?:trong|tai|vao|o) (?:cac )?(?:kcn|ccn|khu cong nghiep|cum cong nghiep|khu kinh te)\b"
                 r"|\b(?:o|tai|cua) (?:mot so|nhieu|cac) (?:xa|phuong|dia phuong|huyen)\b"),  # "ở một số xã vùng cao"
    ),
}
# sets whose members are parts of a whole (a breakdown by them leaves the whole unsaid); a
# zone and the whole area are not such parts
_PARTS = {"season", "quarter", "sector", "area", "trade", "origin", "visitors", "gender", "school", "level"}
_COMPILED = {name: tuple((key, re.compile(p)) for key, p in members) for name, members in _SETS.items()}


def _folded(text: str) -> str:
    return fold(text.lower())


def members(text: str) -> dict[str, list[tuple[str, int, int]]]:
    """Set name -> (member key, start, end) of each member the text names."""
    f = _folded(text)
    out: dict[str, list[tuple[str, int, int]]] = {}
    for name, pats in _COMPILED.items():
        taken: list[tuple[int, int]] = []
        for key, rx in pats:  # earlier members first: "vụ đông xuân" is not also "vụ xuân"
            for m in rx.finditer(f):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.setdefault(name, []).append((key, m.start(), m.end()))
    return out


def asked(question: str) -> dict[str, set[str]]:
    """Set name -> the members a question names."""
    return {name: {k for k, _, _ in found} for name, found in members(question).items()}


# Where a figure's label stops: a clause end, the start of a breakdown ("trong đó"), a share
# ("chiếm"), which belongs to the part written before it.
_STOP_BACK = re.compile(r"[;:()]|\btrong do\b|\brieng\b|\bgom\b|\. ")
_STOP_FWD = re.compile(r"[;:(),]|\btrong do\b|\brieng\b|\bchiem\b|\. ")
_SHARE = re.compile(r"\bchiem(?: (?:khoang|tren|gan|toi|den))?\s*$")


def _masked(text: str, found: dict[str, list[tuple[str, int, int]]]) -> str:
    """The folded text with every member blanked (same length), so its inner commas
    ("nông, lâm nghiệp") cut no clause."""
    f = list(_folded(text))
    for spans in found.values():
        for _, a, b in spans:
            f[a:b] = "_" * (b - a)
    return "".join(f)


def labels(text: str, figures) -> list[dict[str, set[str]]]:
    """For each figure (objects with .start and .end, in order), the members written next to
    it: in its clause before it, back to the previous figure, and after it up to the next
    figure or clause end."""
    found = members(text)
    if not found:
        return [{} for _ in figures]
    masked = _masked(text, found)
    out = []
    for k, m in enumerate(figures):
        lo = figures[k - 1].end if k else 0
        back = masked[lo : m.start]
        stops = list(_STOP_BACK.finditer(back))
        a = lo + (stops[-1].end() if stops else 0)
        hi = figures[k + 1].start if k + 1 < len(figures) else len(text)
        fwd = _STOP_FWD.search(masked, m.end, hi)
        b = fwd.start() if fwd else hi
        named: dict[str, set[str]] = {}
        for name, spans in found.items():
            for key, s, e in spans:
                if (a <= s < m.start) or (m.end <= s < b):
                    named.setdefault(name, set()).add(key)
        if not named and k and a == lo:  # "vốn trong nước đạt 1,9 tỷ USD, vượt 17,3% kế hoạch":
            named = out[-1]  # a figure of the same clause with no label of its own is of the same part
        out.append(named)
    return out


def is_share(text: str, m) -> bool:
    """"… chiếm 65%": the share of the part written before it."""
    return _SHARE.search(_folded(text[max(0, m.start - 24) : m.start])) is not None


def clashes(question: str, text: str) -> bool:
    """The question names a member of a set; the text names another member of it and not the
    one asked ("vụ Mùa" asked, "vụ Xuân" written)."""
    q = asked(question)
    if not q:
        return False
    have = asked(text)
    return any(have.get(name) and not (have[name] & keys) and not _whole_asked(name, keys, have[name])
               for name, keys in q.items())


def _whole_asked(name: str, keys: set[str], have: set[str]) -> bool:
    """"xuất, nhập khẩu" asked: a text with exports or imports speaks of it."""
    return name == "trade" and "both" in keys


def figure_clashes(question: str, text: str, m, label: dict[str, set[str]]) -> bool:
    """The figure's own label names another member of a set the question names."""
    q = asked(question)
    return any(label.get(name) and not (label[name] & keys) and not _whole_asked(name, keys, label[name])
               for name, keys in q.items())


def parts_only(question: str, text: str, figures) -> bool:
    """The question names no member of a set, and the text is a breakdown by it: two or more
    members, and every figure (shares aside) labelled by one of them. A total written before
    the breakdown ("đạt 1.684 DN; trong đó …") is a figure with no label: then it is not."""
    q = asked(question)
    found = asked(text)
    sets = [name for name, keys in found.items() if len(keys) >= 2 and name not in q and name in _PARTS]
    if not sets or not figures:
        return False
    labs = labels(text, figures)
    for name in sets:
        counted = [lab for m, lab in zip(figures, labs) if not is_share(text, m)]
        if counted and all(lab.get(name) for lab in counted):
            return True
    return False


# The words a member is named by, without the noun that introduces it: "vụ Đông Xuân" is named by
# "đông xuân", "khu vực dịch vụ" by "dịch vụ", "khách quốc tế" by "quốc tế"
_INTRO = re.compile(r"^(?:vu|khu vuc|nganh|linh vuc|khach(?: du lich)?|von(?: dau tu)?|dau tu|lao dong|cap|"
                    r"trong|tai|vao|o|cac)\s+")


def unasked_part(question: str, indicator: str) -> bool:
    """The indicator names a part of a whole (a member of a set of parts: a sector, a crop
    season, international visitors, one school level …) that the question does not name in any
    way: "bao nhiêu lượt khách du lịch" is not answered by "khách quốc tế"."""
    q = asked(question)
    fq = _folded(question)
    fi = _folded(indicator)
    for name, found in members(indicator).items():
        if name not in _PARTS or name in q:
            continue
        for _, a, b in found:
            words = fi[a:b]
            while _INTRO.match(words):
                words = _INTRO.sub("", words, count=1)
            if words and not re.search(rf"\b{re.escape(words)}\b", fq):
                return True
    return False


# The branches of a joined sector: "công nghiệp - xây dựng" is industry and construction, "nông, lâm
# nghiệp và thủy sản" farming, forestry and fishing. A question that names one branch alone ("riêng
# ngành xây dựng", "giá trị sản xuất thủy sản") asks a part; the joined sector's figure is the whole.
_BRANCHES = {
    "industry": re.compile(r"(?<!khu )(?<!cum )\b(?:cong nghiep(?! hoa)|xay dung)\b"),
    "agri": re.compile(r"\b(?:lam nghiep|thuy san|ngu nghiep)\b"),
}


def whole_for_part(question: str, indicator: str) -> bool:
    """The question names a branch of a joined sector but not the sector, and the figure's
    indicator names the joined sector."""
    q = members(question).get("sector", [])
    have = {k for k, _, _ in members(indicator).get("sector", [])}
    if not have:
        return False
    f = list(_folded(question))
    for _, a, b in q:  # the joined sectors the question names are no branches named alone
        f[a:b] = " " * (b - a)
    f = "".join(f)
    named = {k for k, _, _ in q}
    return any(key in have and key not in named and rx.search(f) for key, rx in _BRANCHES.items())


def whole_beside_part(question: str, text: str, figures, own, indicator: str) -> bool:
    """The question names a part ("vốn cấp tỉnh"), the sentence writes that part as the label of
    another figure, and the figure offered has no part of that set in its label or indicator: it
    is the whole ("vốn đầu tư … đạt 6.035,7 tỷ đồng; trong đó vốn cấp tỉnh 4.120,5 tỷ đồng")."""
    q = {n: k for n, k in asked(question).items() if n in _PARTS and n != "quarter"}  # a quarter is a period
    if not q or own not in figures:
        return False
    labs = labels(text, figures)
    mine = labs[figures.index(own)]
    have = asked(indicator)
    for name, keys in q.items():
        if mine.get(name) or have.get(name):
            continue
        if any(lab.get(name, set()) & keys for m, lab in zip(figures, labs) if m is not own):
            return True
    return False


# Sets whose member, when asked, must be written with the figure: a figure of the whole does not
# answer for its part ("khách quốc tế" asked, "khách du lịch" offered). Seasons, quarters and
# sectors are left out: a heading or the period often names them instead of the sentence.
_NAMED_PARTS = {"visitors", "origin", "gender", "level", "area", "school"}


def whole_for_asked_part(question: str, indicator: str, label: dict[str, set[str]]) -> bool:
    """The question names a part (of a set above); the figure's indicator and its label in the
    sentence name no member of that set: the figure is of the whole, not of the part asked."""
    have = asked(indicator)
    return any(name in _NAMED_PARTS and not have.get(name) and not label.get(name)
               for name in asked(question))


# "giá trị sản xuất công nghiệp" is one branch's production value, not the total "giá trị sản xuất"
_BRANCH_VALUE = re.compile(r"\b(?:gia tri san xuat|gia tri tang them|gtsx)\s+(?:(?:nganh|khu vuc|linh vuc|toan nganh)\s+)?"
                           r"(cong nghiep|nong nghiep|dich vu|xay dung|thuy san|lam nghiep|thuong mai|du lich|nong,? lam)")


def branch_value(question: str, indicator: str) -> bool:
    """The figure is one branch's production value or value added and the question names no
    such branch ("Tổng giá trị sản xuất" asked, "Giá trị sản xuất công nghiệp" offered)."""
    m = _BRANCH_VALUE.search(_folded(indicator))
    return m is not None and re.search(rf"\b{re.escape(m.group(1))}", _folded(question)) is None


# Who set a plan ("dự toán Trung ương giao", "kế hoạch HĐND tỉnh giao", "dự toán tỉnh giao"): a
# closed set read as (body, level). The body is the council (HĐND) or the people's committee
# (UBND), the level the centre, the province, a city, a district or a commune; a side left unsaid
# fits either member ("dự toán HĐND" is the council's of any level, "tỉnh giao" either body's).
_BODY = r"(?P<body>hdnd|hoi dong nhan dan|ubnd|uy ban nhan dan)"
_LEVEL = r"(?P<level>tinh|thanh pho|tp|thi xa|tx|huyen|quan|xa|phuong|thi tran)"
_CENTRE = r"(?P<centre>trung uong|tw|thu tuong chinh phu|thu tuong|chinh phu)"
_PLAN_WORD = re.compile(r"\b(?:du toan|ke hoach|kh|chi tieu|muc tieu|nghi quyet)\b")
_ISSUER = re.compile(rf"\b(?:{_BODY}(?:\s+{_LEVEL})?|{_CENTRE}|(?P<bare>tinh|thanh pho|tp|huyen|quan|thi xa|xa))\b")
_GIVEN = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+giao\b")  # "HĐND tỉnh Cao Bằng giao": the name between
_LEVELS = {"tinh": "tinh", "thanh pho": "thanh pho", "tp": "thanh pho", "thi xa": "huyen", "tx": "huyen",
           "huyen": "huyen", "quan": "huyen", "xa": "xa", "phuong": "xa", "thi tran": "xa"}
_BODIES = {"hdnd": "hdnd", "hoi dong nhan dan": "hdnd", "ubnd": "ubnd", "uy ban nhan dan": "ubnd"}


def issuers(text: str) -> list[tuple[tuple[str | None, str | None], int, int]]:
    """((body, level), start, end) of each plan issuer named in `text`: a body or the centre right
    after a plan word ("dự toán HĐND", "kế hoạch Trung ương") or before "giao" ("Trung ương giao",
    "HĐND huyện giao", "tỉnh giao"); a bare level word only before "giao". "ngân sách trung ương"
    and "báo cáo của UBND tỉnh" name no issuer."""
    f = _folded(text)
    out = []
    for m in _ISSUER.finditer(f):
        given = _GIVEN.match(f, m.end()) is not None or re.match(r"\s+giao\b", f[m.end():]) is not None
        after_plan = re.search(r"\b(?:du toan|ke hoach|kh|chi tieu|muc tieu)(?:\s+(?:nam\s+\d{4}|von|thu|chi))?\s+(?:do\s+)?$",
                               f[max(0, m.start() - 30) : m.start()]) is not None
        if m.group("bare"):
            if not re.match(r"\s+giao\b", f[m.end():]):
                continue
            key = (None, _LEVELS[m.group("bare")])
        elif not (given or after_plan):
            continue
        elif m.group("centre"):
            key = (None, "centre")
        else:
            key = (_BODIES[m.group("body")], _LEVELS.get(m.group("level") or ""))
        out.append((key, m.start(), m.end()))
    return out


def asked_issuer(question: str) -> tuple[str | None, str | None] | None:
    """Who set the plan a question asks about ("% dự toán HĐND tỉnh giao"), or None."""
    found = issuers(question)
    return found[0][0] if found else None


def issuer_fits(asked_: tuple[str | None, str | None], have: tuple[str | None, str | None]) -> bool:
    """The centre is no local body; two local issuers differ when both name a body or a level and
    those differ ("HĐND tỉnh" is not "HĐND huyện", "HĐND tỉnh" not "UBND tỉnh")."""
    (ab, al), (hb, hl) = asked_, have
    if "centre" in (al, hl):
        return al == hl
    return (ab is None or hb is None or ab == hb) and (al is None or hl is None or al == hl)


_CLAUSE_END = re.compile(r"[,;()]|\bva\b|\. ")


def figure_issuer(text: str, start: int, end: int, prev_end: int, next_start: int) -> tuple[str | None, str | None] | None:
    """Who set the plan of the figure at text[start:end]: named after it up to the next figure or
    clause end ("bằng 76,5% dự toán Trung ương giao"), else the nearest named before it since the
    previous figure ("Trung ương giao 2.450 tỷ đồng, HĐND tỉnh giao 2.650 tỷ đồng")."""
    f = _folded(text)
    stop = _CLAUSE_END.search(f, end, next_start)
    hi = stop.start() if stop else next_start
    after = [k for k, a, _ in issuers(text) if end <= a < hi]
    if after:
        return after[0]
    before = [k for k, a, b in issuers(text) if prev_end <= a and b <= start]
    return before[-1] if before else None
