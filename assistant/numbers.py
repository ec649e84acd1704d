"""Vietnamese number notation: find, parse and compare the figures written in text.

Vietnamese writes "315.145" for 315145 and "13,96" for 13.96. Every check that a figure is
supported by a passage, and every eval metric, rests on this module, so it is strict: a dot
is a thousands separator only before groups of exactly three digits, otherwise it is read as
a decimal point (a model writing "14.2" for "14,2" means the same value).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# A date like 30/6/2024 or 6/2024, or a ratio like 35/55, is one token, not several numbers.
# a ratio may write thousands separators: "1.901/2.156 đơn" is one ratio, not the figure "1"
_DATE = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\d{1,3}(?:\.\d{3})+/\d{1,3}(?:\.\d{3})*|\d{1,4}/\d{1,3}\.\d{3}|\d{1,4}/\d{1,4}"
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d+)?"
# A score out of 10 or 100 written with its decimals ("91,16/100 điểm"): one figure, its value the score
_SCORE = r"\d{1,3},\d+/100?(?![.,]?\d)"
# A rate per head of population ("36,4/10.000 dân", "12 bác sĩ/vạn dân"): the denominator is
# part of the unit, not a second figure nor a ratio.
PER_POPULATION = r"/\s*(?:(?P<per>1\.000|10\.000|100\.000|1\.000\.000)|(?P<perword>vạn|nghìn|ngàn|triệu))\s*(?:dân|người)(?![^\W\d_])"
_RATE = rf"(?:{_NUM})(?=\s*{PER_POPULATION.replace('?P<per>', '?:').replace('?P<perword>', '?:')})"
# a figure is never cut before its own decimals ("36,4/…" is not the figure 36)
NUMBER_RE = re.compile(
    rf"(?<![\d.,/])(?:(?P<rate>{_RATE})|(?:(?P<score>{_SCORE})|(?P<date>{_DATE})|(?P<num>{_NUM}))(?![\d/]|,\d))"
)

SCALES = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
}
_SCALE_RE = re.compile(r"\s*(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.IGNORECASE)
_PERCENT_RE = re.compile(r"\s*%")


@dataclass(frozen=True)
class Mention:
    """One figure as written in a text."""

    text: str  # as written, e.g. "315.145" or "30/6/2024"
    value: float | None  # None for dates
    start: int
    end: int
    percent: bool = False
    scale: float = 1.0  # multiplier of a following "triệu", "tỷ"…

    @property
    def key(self) -> str:
        """A canonical form used to match the same figure across texts."""
        if self.value is None:
            return "date:" + normalize_date(self.text)
        return canonical(self.value)


def parse_number(s: str) -> float:
    """Parse one number in Vietnamese notation. Raises ValueError if it is not one."""
    s = s.strip().replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not s or not re.fullmatch(r"[+-]?[\d.,]+", s) or not re.search(r"\d", s):
        raise ValueError(f"not a number: {s!r}")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):  # 1.234,5 (Vietnamese)
            return sign * float(s.replace(".", "").replace(",", "."))
        return sign * float(s.replace(",", ""))  # 1,234.5 (English)
    if "," in s:
        parts = s.split(",")
        if len(parts) > 2:  # 1,234,567 (English thousands)
            return sign * float("".join(parts))
        return sign * float(s.replace(",", "."))
    if "." in s:
        parts = s.split(".")
        if len(parts) > 2 or (len(parts[1]) == 3 and parts[0] not in {"", "0"}):
            return sign * float("".join(parts))  # 315.145 = 315145
        return sign * float(s)  # 14.2 read as a decimal
    return sign * float(s)


def canonical(value: float) -> str:
    """Canonical text of a value: 315145.0 -> "315145", 13.960 -> "13.96"."""
    if math.isclose(value, round(value), abs_tol=1e-9):
        return str(int(round(value)))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def normalize_date(s: str) -> str:
    return "/".join(str(int(p)) for p in s.split("/"))


def find_numbers(text: str) -> list[Mention]:
    """Every figure in `text`, in order, with its percent sign and scale word if any."""
    out: list[Mention] = []
    for m in NUMBER_RE.finditer(text):
        if m.group("date"):
            out.append(Mention(m.group("date"), None, m.start(), m.end()))
            continue
        raw = m.group("num") or m.group("rate") or m.group("score")
        try:
            value = parse_number(raw.split("/")[0])
        except ValueError:
            continue
        tail = text[m.end() : m.end() + 16]
        percent = bool(_PERCENT_RE.match(tail))
        sm = _SCALE_RE.match(tail)
        scale = SCALES[sm.group(1).lower()] if sm else 1.0
        out.append(Mention(raw, value, m.start(), m.end(), percent, scale))
    return out


def format_vn(value: float, decimals: int | None = None) -> str:
    """Write a value in Vietnamese notation: 315145 -> "315.145", 13.96 -> "13,96"."""
    if decimals is None:
        decimals = 0 if math.isclose(value, round(value), abs_tol=1e-9) else 2
    s = f"{abs(value):,.{decimals}f}"  # 315,145.00
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if decimals:
        s = s.rstrip("0").rstrip(",")
    return ("-" if value < 0 else "") + s


def same_value(a: float, b: float, decimals_b: int | None = None) -> bool:
    """True if `a` equals `b`, allowing only the rounding the source itself used for `b`."""
    if decimals_b is None:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return abs(a - b) <= 0.5 * 10 ** (-decimals_b) + 1e-9


def decimals_of(text: str) -> int:
    """How many decimals a figure was written with ("13,96" -> 2, "315.145" -> 0)."""
    t = text.rstrip("%").strip()
    if "," in t:
        return len(t.rsplit(",", 1)[1])
    if "." in t:
        tail = t.rsplit(".", 1)[1]
        return 0 if len(tail) == 3 and t.count(".") >= 1 and not t.startswith("0.") else len(tail)
    return 0


# -- units ---------------------------------------------------------------------------------
# The unit written after a figure, normalised, with the magnitude word kept in the unit
# ("tỷ đồng") and its factor in `scale` (1e9), so "155,9 nghìn tỷ đồng" and "155.900 tỷ đồng"
# compare equal: value * scale over the same base unit.
_MAGNITUDE = r"(?:(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)\s+)?"
_UNIT_PATTERNS: list[tuple[str, str]] = [
    (r"%|phần trăm", "%"),
    (r"điểm\s*%|điểm phần trăm", "điểm %"),
    (r"đồng\s*/\s*(?:người|lao động)(?:\s*/\s*(?:năm|tháng))?", "đồng/người"),
    (r"(?:đồng|VNĐ|VND|đ)(?![^\W\d_])", "đồng"),
    (r"(?:USD|đô la Mỹ|đô la|đôla)", "USD"),
    (r"(?:ha|héc-ta|hecta)(?![^\W\d_])", "ha"),
    (r"(?:km2|km²)", "km²"),
    (r"(?:m2|m²)", "m²"),
    (r"(?:m3|m³)", "m³"),
    (r"km(?![^\W\d_])", "km"),
    (r"tấn\s*/\s*ha", "tấn/ha"),  # a yield, before the bare "tấn"
    (r"tấn", "tấn"),
    (r"tạ\s*/\s*ha", "tạ/ha"),
    (r"kWh", "kWh"),
    (r"MW", "MW"),
    (r"lượt khách|lượt người|lượt", "lượt"),
    (r"lần", "lần"),
    (r"bậc", "bậc"),
    (r"điểm", "điểm"),
    (r"doanh nghiệp|DN(?![^\W\d_])", "doanh nghiệp"),
    (r"dự án", "dự án"),
    (r"hợp tác xã|HTX", "hợp tác xã"),
    (r"lao động", "lao động"),
    (r"người", "người"),
    (r"hộ", "hộ"),
]
_UNIT_RE = [(re.compile(r"\s*" + _MAGNITUDE + "(" + p + r")", re.IGNORECASE), u) for p, u in _UNIT_PATTERNS]
# Count nouns: "25 công trình", "14 tổ chức đảng" — the noun itself is the unit.
COUNT_NOUNS = (
    "đảng viên", "tổ chức", "công trình", "cơ sở", "sản phẩm", "học sinh", "trường", "xã",
    "phường", "thị trấn", "huyện", "thôn", "bản", "làng", "cụm", "khu", "nhiệm vụ", "chỉ tiêu",
    "thủ tục", "hồ sơ", "vụ", "con", "căn", "nhà", "cây", "giường", "bác sĩ", "trạm", "chợ",
    "tuyến", "đề án", "chương trình", "mô hình", "sáng kiến", "đơn vị", "cơ quan", "trang trại",
    "thẻ", "đối tượng", "sinh viên", "giáo viên", "tàu", "phòng", "điểm đến", "di tích", "lễ hội",
    "câu lạc bộ", "dòng", "tỉnh", "thành phố", "quốc gia", "nước", "đoàn", "cuộc", "lớp", "ngành",
    "đồ án", "cá nhân", "tập thể", "huy chương", "giải", "việc", "văn bản", "dự thảo", "làng nghề",
    "khu công nghiệp", "cụm công nghiệp", "KCN", "CCN", "HTX", "tổ hợp tác", "gia đình", "bệnh viện",
    "trạm y tế", "nhà máy", "cửa hàng", "siêu thị", "ô tô", "xe", "chuyến", "buổi", "hội nghị",
    "kiến nghị", "đơn", "lượt người", "ca", "trường hợp", "trẻ", "em", "thí sinh", "hội viên", "thành viên",
    "cán bộ", "công chức", "viên chức", "lao động", "bản án", "quyết định", "nghị quyết", "đợt",
    "lô", "tuyến đường", "cầu", "km đường", "điểm cầu", "gian hàng", "nhà văn hóa", "khách", "chiếc",
    "buồng", "khách sạn", "sự kiện", "thị trường",
)
_COUNT_RE = re.compile(r"\s*" + _MAGNITUDE + "((?i:" + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True)) + r"))(?![^\W\d_])")
COUNT_UNITS = {"doanh nghiệp", "dự án", "hợp tác xã", "lao động", "người", "hộ", "lượt", *COUNT_NOUNS}


@dataclass(frozen=True)
class Unit:
    unit: str  # normalised, magnitude word included: "tỷ đồng", "%", "nghìn người"
    scale: float  # factor of the magnitude word: 1e9 for "tỷ đồng", 1 for "%"
    base: str  # the unit without magnitude: "đồng", "%", "người"
    length: int  # characters consumed after the figure

    @property
    def is_count(self) -> bool:
        return self.base in COUNT_UNITS


NO_UNIT = Unit("", 1.0, "", 0)


_PER_RE = re.compile(r"\s*" + PER_POPULATION)
_NOUN_PER_RE = re.compile(r"(?:\s+[^\W\d_]+){0,2}?\s*" + PER_POPULATION)
_NAMED_PER_RE = re.compile(r"\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+){0,1})\s*" + PER_POPULATION)
PER_WORDS = {"vạn": "10.000", "nghìn": "1.000", "ngàn": "1.000", "triệu": "1.000.000"}


def _per_population(m: re.Match[str]) -> str:
    """'/vạn dân' -> '/10.000 dân': one spelling of the denominator of a rate per head."""
    return "/" + (m.group("per") or PER_WORDS[m.group("perword").lower()]) + " dân"


def read_unit(text: str, end: int) -> Unit:
    """The unit written right after a figure that ends at `end` in `text`."""
    tail = text[end : end + 40]
    m = _PER_RE.match(tail)
    if m:  # "36,4/10.000 dân": a rate per head
        per = _per_population(m)
        return Unit(per, 1.0, per, m.end())
    for pat, base in _UNIT_RE:
        m = pat.match(tail)
        if m:
            return _unit(m, base)
    m = _COUNT_RE.match(tail)
    if m:
        p = _NOUN_PER_RE.match(tail, m.end()) if not m.group(1) else None
        if p:  # "12,5 bác sĩ/10.000 dân", "36,4 giường bệnh/vạn dân": a rate per head
            per = m.group(2).lower() + _per_population(p)
            return Unit(per, 1.0, per, p.end())
        return _unit(m, m.group(2).lower())
    p = _NAMED_PER_RE.match(tail)
    if p:  # "2,1 dược sĩ/10.000 dân": a rate per head of a noun no list names
        per = p.group("noun").lower() + _per_population(p)
        return Unit(per, 1.0, per, p.end())
    m = _SCALE_RE.match(tail)
    if m:  # a bare magnitude: "2,15 triệu" (of something named before)
        word = m.group(1).lower().replace("ngàn", "nghìn").replace("tỉ", "tỷ")
        return Unit(word, SCALES[word], "", m.end())
    return NO_UNIT


def _unit(m: re.Match[str], base: str) -> Unit:
    mag = (m.group(1) or "").lower().replace("ngàn", "nghìn").replace("tỉ", "tỷ")
    scale = SCALES.get(mag, 1.0) if mag else 1.0
    unit = f"{mag} {base}".strip() if base not in ("%", "điểm %") else base
    return Unit(unit, scale, base, m.end())


def unit_of(unit: str) -> Unit:
    """Parse a normalised unit string back ("nghìn tỷ đồng" -> scale 1e12, base "đồng")."""
    u = read_unit("1 " + unit, 1)
    return u if u.unit else Unit(unit, 1.0, unit, 0)


def same_quantity(a_value: float, a_unit: str, b_value: float, b_unit: str, decimals_b: int | None = None) -> bool:
    """Do two figures state the same quantity, units and magnitudes converted?
    "155,9 nghìn tỷ đồng" == "155.900 tỷ đồng"; "2,15 triệu" != "2,15 tỷ"; "5%" != "5 điểm %"."""
    ua, ub = unit_of(a_unit) if a_unit else NO_UNIT, unit_of(b_unit) if b_unit else NO_UNIT
    if ua.base and ub.base and ua.base != ub.base:
        return False
    if (ua.base in ("%", "điểm %")) != (ub.base in ("%", "điểm %")) and ua.base and ub.base:
        return False
    va, vb = a_value * ua.scale, b_value * ub.scale
    if decimals_b is None:
        return math.isclose(va, vb, rel_tol=1e-9, abs_tol=1e-9)
    return abs(va - vb) <= 0.5 * 10 ** (-decimals_b) * ub.scale + 1e-9


# A hedge written right before the figure is part of it: "đạt hơn 47.900 tỷ đồng" is no exact 47.900
# ("cao hơn 2,3%" is a comparison, not a hedge)
_HEDGE = re.compile(r"(?i)(?<![\w])(gần|hơn|trên|khoảng|xấp xỉ|dưới|chưa đến|chưa tới|ít nhất|tối thiểu|tối đa)\s+$")
_COMPARATIVE = re.compile(r"(?i)(?:cao|thấp|nhiều|ít|lớn|nhỏ|nhanh|chậm|sớm|muộn)\s+$")


def hedge_before(sentence: str, start: int) -> str:
    """ "gần ", "hơn ", "khoảng " when written right before the figure starting at `start`, else ""."""
    before = sentence[max(0, start - 24) : start]
    m = _HEDGE.search(before)
    if not m or (m.group(1).lower() == "hơn" and _COMPARATIVE.search(before[: m.start()])):
        return ""
    return m.group(1).lower() + " "


def hedge_holds(word: str, rough: float, exact: float) -> bool:
    """Is an exact figure what a hedged one says? "hơn 850" holds for 856,4; "gần 1.200" for
    1.186; "khoảng 92" for 91,6 (within 5%)."""
    word = word.strip()
    if rough <= 0 or exact <= 0:
        return False
    near = abs(exact - rough) <= 0.05 * rough
    if word in ("hơn", "trên", "ít nhất", "tối thiểu"):
        return exact >= rough and near
    if word in ("gần", "dưới", "chưa đến", "chưa tới", "tối đa"):
        return exact <= rough and near
    return near  # khoảng, xấp xỉ
