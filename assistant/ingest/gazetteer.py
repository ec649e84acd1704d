"""Places written by their bare name ("Kim Bảng 112,4%", "sau Ninh Bình (tăng 9,3%)").

Two sources, neither tied to one province: the country's provinces and centrally-run cities
(before and after the 2025 merger), and the places a document itself names with their level
word somewhere ("huyện Kim Bảng" once makes a later bare "Kim Bảng" that district). The
document's own place is never a bare-name match: written bare it is the document's place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from assistant.ingest.lexfold import fold

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng",
    "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)


def _variants(name: str) -> set[str]:
    """Old and new tone placement: "Hòa" and "Hoà" are one name."""
    out = {name}
    for new, old in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"), ("uỳ", "ùy"),
                     ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")):
        out |= {v.replace(old, new) for v in out} | {v.replace(new, old) for v in out}
    return out


class Gazetteer:
    """Bare place names of one document, each with the name a fact carries."""

    def __init__(self, names: dict[str, str]):
        self.names = names  # written bare name -> canonical place ("huyện Kim Bảng", "Ninh Bình")
        alts = sorted({v for n in names for v in _variants(n)}, key=len, reverse=True)
        self._rx = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, alts)) + r")(?![\w])") if alts else None
        self._by_fold = {fold(v.lower()): c for n, c in names.items() for v in _variants(n)}

    def find(self, sent: str) -> list[tuple[int, int, str]]:
        if self._rx is None:
            return []
        return [(m.start(), m.end(), self._by_fold[fold(m.group().lower())]) for m in self._rx.finditer(sent)]


def document_gazetteer(place_mentions: Iterable[str], own_place: str | None) -> Gazetteer:
    """`place_mentions`: the places the document names with a level word ("huyện Kim Bảng")."""
    own = fold((own_place or "").lower())
    names: dict[str, str] = {p: p for p in PROVINCES}
    # a bare name written with two levels ("huyện X" before it became "thị xã X"): the level the
    # document writes most often, the first written on a tie
    seen: dict[str, Counter[str]] = {}
    for place in place_mentions:
        m = re.match(r"(?:huyện|thị xã|thành phố|quận)\s+(.+)$", place)
        if m and len(m.group(1)) >= 3:
            seen.setdefault(m.group(1), Counter())[place] += 1
    for bare, levels in seen.items():
        names[bare] = levels.most_common(1)[0][0]  # Counter keeps first-seen order on ties
    return Gazetteer({n: c for n, c in names.items() if fold(n.lower()) != own and fold(c.lower()) != own})
