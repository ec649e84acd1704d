"""Question -> Request: what is asked (indicator terms), where, when, which kind of figure and
which role — the same vocabulary as the facts (ingest/facts.py).

Stopwords are removed on the written words *before* folding diacritics, so "đầu tư", "đất",
"Đảng" keep their words ("đầu năm" is a period phrase, removed with the period).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.ingest.facts import _PERIOD_BASIS, PLACE_RE, _period_basis_name, bare_place, place_name
from assistant.ingest.lexfold import fold, normalize_tone
from assistant.ingest.periods import Period, find_period_spans, is_basis, question_period_spans
from assistant.numbers import PER_WORDS, read_unit

_WORD = re.compile(r"[^\W\d_]+")
# How a question is asked, not what it is about (written forms, compared before folding).
STOPWORDS = set(
    "bao nhiêu là gì nào mấy được đạt có của và các cho với theo trong tại về thì sao như thế hãy biết "
    "tỉnh thành phố năm tháng quý so cùng kỳ một những này đó bởi từ đến hiện đã đang sẽ ra vào khi nếu "
    "mà hay hoặc trên dưới lần bằng ở còn vậy nhỉ ạ à không toàn cả là bao nhiêu phần trăm % số liệu "
    "ước tính đạt được trong kỳ báo cáo cho tôi xin hỏi tổng cộng khoảng tăng giảm chiếm thứ mấy "
    "xếp hạng đứng kế hoạch mục tiêu chỉ tiêu dự toán phấn đấu thực hiện so với gấp "
    # words reports often leave out of an indicator: "kim ngạch xuất khẩu" is written "xuất khẩu"
    "kim ngạch riêng lũy kế tính chung "
    # the verb of receiving visitors: "đón bao nhiêu lượt khách" is written "khách … đạt N lượt"
    "đón "
    # how a question points at the report it reads from: "được nêu trong báo cáo"
    "nêu".split()
)
ABBREVIATIONS = {
    "nsnn": "ngân sách nhà nước", "grdp": "tổng sản phẩm trên địa bàn", "gtsx": "giá trị sản xuất",
    "iip": "chỉ số sản xuất công nghiệp", "fdi": "đầu tư trực tiếp nước ngoài", "dn": "doanh nghiệp",
    "kcn": "khu công nghiệp", "ccn": "cụm công nghiệp", "ntm": "nông thôn mới", "bhxh": "bảo hiểm xã hội",
    "bhyt": "bảo hiểm y tế", "bhtn": "bảo hiểm thất nghiệp", "xk": "xuất khẩu", "nk": "nhập khẩu",
    "cpi": "chỉ số giá tiêu dùng", "pci": "năng lực cạnh tranh cấp tỉnh", "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân", "ocop": "mỗi xã một sản phẩm", "xnk": "xuất nhập khẩu",
    "gpmb": "giải phóng mặt bằng", "ddi": "đầu tư trong nước", "vđt": "vốn đầu tư", "ns": "ngân sách",
    "qppl": "quy phạm pháp luật", "thcs": "trung học cơ sở", "thpt": "trung học phổ thông",
    "sdđ": "sử dụng đất", "đtpt": "đầu tư phát triển", "xklđ": "xuất khẩu lao động", "kh": "kế hoạch",
    "bcct": "báo cáo chính trị", "ctmtqg": "chương trình mục tiêu quốc gia", "cntt": "công nghệ thông tin",
    "tthc": "thủ tục hành chính", "nsđp": "ngân sách địa phương",
    "cn": "công nghiệp", "nq": "nghị quyết", "tngt": "tai nạn giao thông", "tkcn": "tìm kiếm cứu nạn",
    "kvpt": "khu vực phòng thủ", "nstw": "ngân sách trung ương", "ttxvn": "thông tấn xã việt nam",
    "attp": "an toàn thực phẩm", "cchc": "cải cách hành chính", "htx": "hợp tác xã",
    "tctd": "tổ chức tín dụng", "nhtm": "ngân hàng thương mại", "nhnn": "ngân hàng nhà nước",
    "vnd": "đồng việt nam", "vnđ": "đồng việt nam", "bđs": "bất động sản", "sxkd": "sản xuất kinh doanh",
    "gdđt": "giáo dục và đào tạo", "lđtbxh": "lao động - thương binh và xã hội",
    "vhttdl": "văn hóa, thể thao và du lịch", "tnmt": "tài nguyên và môi trường", "gtvt": "giao thông vận tải",
    "khđt": "kế hoạch và đầu tư", "ptnt": "phát triển nông thôn", "dtts": "dân tộc thiểu số",
    "mtqg": "mục tiêu quốc gia", "tmđt": "thương mại điện tử", "ktxh": "kinh tế - xã hội",
    "ctxh": "công tác xã hội", "đvhc": "đơn vị hành chính",
    "ctr": "chất thải rắn", "gcn": "giấy chứng nhận", "qsdđ": "quyền sử dụng đất", "gplx": "giấy phép lái xe",
    "dvc": "dịch vụ công", "dvctt": "dịch vụ công trực tuyến", "cđs": "chuyển đổi số",
    "nhcsxh": "ngân hàng chính sách xã hội", "xhh": "xã hội hóa", "đtxd": "đầu tư xây dựng",
    "tdtt": "thể dục thể thao", "bvmt": "bảo vệ môi trường", "pccc": "phòng cháy chữa cháy",
    "ttcn": "tiểu thủ công nghiệp", "đbscl": "đồng bằng sông cửu long",
}


def expand_abbreviations(text: str, written: str = "") -> str:
    """The question with each known abbreviation replaced by its words ("CN" -> "công nghiệp"),
    so that a passage written in full still meets it; an abbreviation that `written` (the
    passages searched) uses itself is kept as it is."""
    def full(m: re.Match[str]) -> str:
        words = ABBREVIATIONS.get(normalize_tone(m.group(0).lower()))
        if not words or re.search(rf"(?<!\w){re.escape(m.group(0))}(?!\w)", written):
            return m.group(0)
        return words
    return re.sub(r"(?<!\w)[A-ZĐ]{2,6}(?!\w)", full, text)
_FOLDED_ABBR = {k: [normalize_tone(w) for w in v.split()] for k, v in ABBREVIATIONS.items()}
# other full forms reports write for an abbreviation: a firm "có vốn đầu tư nước ngoài" is an FDI firm
_ALSO_WRITTEN = {"fdi": [normalize_tone("vốn đầu tư nước ngoài")]}

_ROLES: list[tuple[str, re.Pattern[str]]] = [
    # a place in a ranking, not "bao nhiêu vị trí lắp đặt …" nor "di tích được xếp hạng"
    ("rank", re.compile(r"\b(?:thu may|thu bao nhieu|xep hang (?:thu|may|bao nhieu)|xep thu|dung thu|vi tri (?:thu|may|bao nhieu|nao))\b|"
                        r"(?<!duoc )\bxep hang\b(?!.*\bbao nhieu\s+[^\W\d_]+)")),
    ("share_plan", re.compile(r"\b(?:bao nhieu|may)\s*(?:%|phan tram)\s*(?:so voi\s*)?(?:ke hoach|kh|du toan|muc tieu|chi tieu)")),
    ("share_plan", re.compile(r"\bso voi (?:ke hoach|du toan|muc tieu)\b.{0,30}(?:bao nhieu|may)")),
    ("share_whole", re.compile(r"\b(?:chiem|ty trong)\b")),
    # the growth is what is asked only when it comes before the question word: "đóng góp bao
    # nhiêu điểm % vào tăng trưởng" asks for the contribution
    # ("vốn FDI mới và tăng thêm": capital added, a level, not a growth)
    ("change", re.compile(r"(?<!moi va )(?<!moi, )\b(?:tang|giam|tang truong|toc do tang)\b"
                          r".{0,60}\b(?:bao nhieu|may|dat|la)\b")),
]
_TARGET = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|phan dau|du toan|dinh huong|giao(?! (?:thong|duc|dich|luu|thuong|nhan|lien|vien|khoa|trinh|su|hoi)\b))\b")
_NOT_TARGET = re.compile(r"(?:%|phan tram|bao nhieu)\s*(?:so voi\s*)?(?:ke hoach|kh|du toan|muc tieu)|so voi (?:ke hoach|du toan|muc tieu)|vuot"
                         r"|\bgap (?:khoang )?(?:bao nhieu|may) lan (?:so voi )?(?:ke hoach|kh|du toan|muc tieu|chi tieu)")
# who set the plan a share is of: the words after the plan word ("dự toán Trung ương giao",
# "kế hoạch HĐND tỉnh giao"), up to the end of the clause
_PLAN_BY = re.compile(r"(?:%|phan tram)\s*(?:so voi\s*)?(?:ke hoach|kh|du toan|muc tieu)\b(?P<who>[^,;?.]*)")
_NOT_A_SETTER = {"giao", "de", "ra", "dat", "duoc", "nam", "cua", "da", "la", "bao", "nhieu"}
# "chỉ tiêu không đạt kế hoạch", "hoàn thành mục tiêu": measured against the plan, not the plan
# (written "đạt": folded it is also "đặt", which sets a target)
_MEASURED_AGAINST_PLAN = re.compile(r"(?<!\w)(?:(?:không|chưa)\s+)?(?:đạt|hoàn thành)\s+(?:kế hoạch|mục tiêu)(?!\w)")
_COUNTED_PLAN_NOUN = re.compile(r"\b(?:bao nhieu|may|nhung|cac)\s+chi tieu\b")
_UNITS = [("%", re.compile(r"%|phan tram|ty le|toc do")), ("đồng", re.compile(r"\bso tien\b|\bty dong|trieu dong|nghin ty|(?<!hoat )(?<!lao )(?<!huy )(?<!van )(?<!cong )(?<!hoi )(?<!chu )\bdong\b")),
          ("USD", re.compile(r"\busd\b|do la")), ("ha", re.compile(r"\bhec")),  # "bao nhiêu ha": _asked_unit
          # a growth is a rate, unless a unit above is named or its rank is asked ("xếp thứ mấy")
          ("%", re.compile(r"^(?!.*\b(?:xep|dung) thu\b|.*\bthu (?:may|bao nhieu)\b|.*\bhang may\b).*\btang truong\b"))]


@dataclass
class Request:
    question: str
    terms: list[str]  # folded content syllables as asked (facts' indicators carry the expansions)
    periods: list[Period] = field(default_factory=list)
    place: str | None = None
    kind: str | None = None  # "target" when a plan is asked; None: actual or estimate
    role: str | None = None  # level | change | share_plan | share_whole | rank; None: any
    unit: str | None = None  # base unit hinted by the question
    noun: str | None = None  # "bao nhiêu hồ chứa": a thing counted that is no known unit
    within: list[str] = field(default_factory=list)  # "Trong tổng thu NSNN, thu nội địa …": the whole
    focus: list[str] = field(default_factory=list)  # a follow-up: sentences and chunk ids last shown
    basis: str | None = None  # "so với tháng trước": "tháng trước"; "so với cùng kỳ": "cùng kỳ"
    # periods named inside a source reference ("theo báo cáo 6 tháng đầu năm 2024, …"): the report's
    source_periods: list[Period] = field(default_factory=list)
    # "bằng bao nhiêu % dự toán Trung ương giao": who set the plan a share is of (folded words)
    plan_by: list[str] = field(default_factory=list)
    # "bao nhiêu bác sĩ trên 10.000 dân": a rate per head asked, its denominator ("/10.000 dân")
    per: str | None = None
    # "năng suất vụ trước đạt bao nhiêu": the period before the report's, which no fact is dated with
    prior: bool = False
    # "Cùng kỳ năm 2023, tỷ lệ … là bao nhiêu?": the report's own span, in that year
    same_span_year: int | None = None

    def to_dict(self) -> dict:
        return {"terms": self.terms, "periods": [p.label() for p in self.periods], "place": self.place,
                "kind": self.kind, "role": self.role, "unit": self.unit, "within": self.within}


# A question that opens on "cùng kỳ năm 2023": the report's span in that year is the period asked
_SAME_SPAN = re.compile(r"^\s*(?:trong\s+|vao\s+|o\s+)?cung ky(?: nam)?\s+((?:19|20)\d\d)\b")
# "so với dự toán/kế hoạch … đạt bao nhiêu": a result measured against the plan
_AGAINST_PLAN = re.compile(r"\bso voi (?:du toan|ke hoach|kh|chi tieu|muc tieu)\b.*\b(?:dat|thuc hien)\b.*\bbao nhieu\b")


def terms_of(text: str, expand: bool = True) -> list[str]:
    """Content syllables of a phrase as written (lower case, one tone placement): "lạm" and
    "làm" stay apart. With `expand`, abbreviations expanded both ways ("NSNN" adds "ngân sách
    nhà nước", "ngân sách nhà nước" adds "nsnn")."""
    words = [normalize_tone(w.lower()) for w in _WORD.findall(text)]
    out = [w for w in words if w not in STOPWORDS and len(w) > 1]
    if not expand:
        return list(dict.fromkeys(out))
    expanded = list(out)
    if re.search(r"/\s*(?:người|dân)\b", text.lower()):  # "GRDP/người" is GRDP "bình quân đầu người"
        expanded += ["bình", "quân", "đầu", "người"]
    for w in out:
        expanded += _FOLDED_ABBR.get(w, [])
    # stopwords included: "chỉ số giá tiêu dùng" is CPI though "chỉ", "số", "tiêu" are stopwords
    joined = " " + " ".join(expanded) + " " + " ".join(words) + " "
    for abbr, words_ in _FOLDED_ABBR.items():
        if f" {' '.join(words_)} " in joined or any(f" {w} " in joined for w in _ALSO_WRITTEN.get(abbr, [])):
            expanded.append(abbr)
    return list(dict.fromkeys(expanded))


def known_places(text: str, places: Iterable[str]) -> list[tuple[str, int, int]]:
    """(place, start, end) of known place names written bare in `text`, longest names first."""
    folded = fold(text.lower())  # one char per char: offsets hold
    written = normalize_tone(text.lower())
    found: list[tuple[str, int, int]] = []
    # longest names first; of names written alike ("Ninh Bình", "thành phố Ninh Bình") the
    # province, named without a level word, is what a bare name means
    for name in sorted(set(places), key=lambda n: (len(bare_place(n)), bare_place(n) == n.lower()), reverse=True):
        bare = fold(bare_place(name))
        if len(bare) < 3:
            continue
        # a one-syllable name is matched as written: "Chũ" is not "chủ trương"
        target, pat = (folded, bare) if " " in bare else (written, normalize_tone(bare_place(name)))
        if len(target) != len(text):
            target, pat = folded, bare
        rx = re.escape(pat)
        if target is folded:  # "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu" and "Bà Rịa Vũng Tàu" are one name
            rx = r"(?:\s*-\s*|\s+)".join(map(re.escape, re.split(r"\s*-\s*|\s+", pat)))
        rx = "|".join([rx] + [re.escape(a) for a, c in PLACE_ALIASES.items() if c == bare])
        for m in re.finditer(rf"(?<!\w)(?:{rx})(?!\w)", folded if rx != re.escape(pat) else target):
            if not any(a < m.end() and m.start() < b for _, a, b in found):
                found.append((name, m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


# Short forms officials write for a province or city (folded): the bare name each stands for
PLACE_ALIASES = {"br-vt": "ba ria - vung tau", "brvt": "ba ria - vung tau", "tp.hcm": "ho chi minh",
                 "tp. hcm": "ho chi minh", "tphcm": "ho chi minh", "tp hcm": "ho chi minh", "hcm": "ho chi minh",
                 "tt-hue": "thua thien hue", "tt hue": "thua thien hue"}


# Nouns that name an amount of money, not a thing counted: "bao nhiêu vốn đăng ký", "bao nhiêu
# tiền", "bao nhiêu kinh phí" are answered in đồng or in USD, whichever the report writes
_MONEY_NOUNS = re.compile(r"(?i)(?:(?:nguồn|tổng)\s+)?(?:vốn|tiền|kinh\s+phí|doanh\s+thu|lợi\s+nhuận)(?!\w)")
MONEY = "tiền"  # the unit family of money: any currency


def _hinted_unit(body: str, folded_body: str) -> str | None:
    """The unit a word of the question hints at. The currency is the written word "đồng" (or
    "dong" typed without diacritics): "vụ Đông Xuân", "tôm đông lạnh", "dòng vốn" fold to the
    same letters but name no money."""
    written = body.lower()
    for u, rx in _UNITS:
        for m in rx.finditer(folded_body):
            if u == "đồng" and len(written) == len(folded_body) and m.group().endswith("dong") \
                    and written[m.end() - 4 : m.end()] not in ("đồng", "dong"):
                continue
            return u
    return None


def _asked_unit(question: str) -> str | None:
    """"bao nhiêu dự án", "mấy vụ", "bao nhiêu điểm": the unit the answer must carry."""
    m = re.search(r"(?i)\b(?:bao nhiêu|mấy)\s+", question)
    if not m:
        return None
    u = read_unit(question, m.end() - 1)
    if not u.base and _MONEY_NOUNS.match(question, m.end()):
        return MONEY
    return u.base or None


_MEASURE_WORDS = ("%", "phần trăm", "tỷ", "triệu", "nghìn", "ngàn", "điểm", "lần", "năm", "tháng", "ngày")


_LINKS = {normalize_tone(w) for w in "của vào so trong tại với từ đến là được ở cho theo trên dưới khi và hay hoặc bằng năm tháng quý thì".split()}


def _asked_noun(question: str) -> str | None:
    """The thing counted when it is no known unit: "bao nhiêu hồ chứa" -> "hồ chứa"."""
    m = re.search(r"(?i)\b(?:bao nhiêu|mấy)\s+([^\W\d_]+(?: [^\W\d_]+)?)", question)
    if not m or m.group(1).lower().startswith(_MEASURE_WORDS) or read_unit(question, m.start(1) - 1).base:
        return None
    words = [normalize_tone(w) for w in m.group(1).lower().split()]
    if words[0] in STOPWORDS and (len(words) == 1 or words[1] in STOPWORDS or words[0] in _LINKS):
        return None  # "tăng bao nhiêu so với …", "bao nhiêu vào …": nothing counted is named
    # ("bao nhiêu chỉ thị" counts a kind of document, though "chỉ" is an asking word of "chỉ tiêu")
    return m.group(1).lower()


_SOURCE_REF = re.compile(r"(?i)^\s*(?:theo|trong|tại)\s+(?:các\s+)?(?:báo cáo|thông cáo|dự thảo|nghị quyết|kết luận|"
                         r"thông báo|số liệu|văn bản|tài liệu|BCCT|BC|NQ|TB)\b[^,?]*,")
_SOURCE_LATER = re.compile(r"(?i)(?<!\w)(?:theo|trong|tại)\s+(?:các\s+)?(?:báo cáo|thông cáo|dự thảo|nghị quyết|"
                           r"kết luận|thông báo|BCCT|NQ)(?!\w)[^,?()]*")
# a plan's owner named between "kế hoạch … của" and a place (periods already blanked)
_PLAN_OWNER = re.compile(r"\b(?:ke hoach|muc tieu|nghi quyet|chi tieu|du toan)\s+cua\s+([a-z][a-z ]{0,40}?)\s*$")
_ISSUER_BEFORE = re.compile(r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|cuc thong ke|tinh uy|so [a-z]+)\s*$")


# ("so với vụ trước", "mùa trước": the same crop season of the year before, i.e. "cùng kỳ")
_BASIS = re.compile(r"(?i)\bso\s+(?:với\s+)?(?:cùng\s+kỳ|(?:tháng|quý|năm|kỳ|tuần|vụ|mùa)\s+(?:liền\s+)?trước|đầu\s+năm|kỳ\s+gốc)"
                    r"(?:\s+năm\s+trước)?")
_RATIO_TO_BASIS = re.compile(r"\bbang (?:khoang )?(?:bao nhieu|may)\s*(?:%|phan tram)")
# "tăng hay giảm", "thay đổi thế nào": the asking words of a change, not the indicator's
_CHANGE_ASK = re.compile(r"(?i)(?<!\w)(?:tăng\s+hay\s+giảm|giảm\s+hay\s+tăng|(?:thay\s+đổi|biến\s+động)(?:\s+(?:như\s+)?thế\s+nào|\s+ra\s+sao)?)(?!\w)")
# "tỷ trọng … tăng bao nhiêu (điểm %) so với năm 2020": how far the share moved, not the share
_SHARE_MOVED = re.compile(r"^(?!.*\bchiem\b).*\bty trong\b.*\b(?:tang|giam)(?: them)? (?:bao nhieu|may)\b")
# a level word, or its abbreviation, written before a bare place name the index knows
_LEVEL_BEFORE = re.compile(r"(?i)(?<!\w)(?:tp|tx|tt|thành phố|thị xã|thị trấn|huyện|quận|tỉnh|"
                           r"thanh pho|thi xa|thi tran|huyen|quan|tinh)\.?\s+$")
# measure heads that name no indicator: "quy mô GRDP", "khối lượng hàng hóa vận chuyển", "số lượng
# doanh nghiệp" ask for GRDP, the goods, the enterprises themselves
# ("giá trị khối lượng thực hiện" is the value of the work done: a name of its own)
# a rate per head asked: "trên 10.000 dân", "/vạn dân", "trên một vạn dân", "mỗi 100.000 dân"
_PER_ASKED = re.compile(r"(?i)(?:trên|/|mỗi|cho)\s*(?:một\s+|1\s+)?(1\.000|10\.000|100\.000|vạn|nghìn|ngàn)\s*(?:người\s+)?dân(?!\w)")


def per_asked(text: str) -> str | None:
    """The denominator of a rate per head written in `text` ("số bác sĩ/vạn dân" -> "/10.000 dân")."""
    m = _PER_ASKED.search(text)
    return "/" + PER_WORDS.get(m.group(1).lower(), m.group(1)) + " dân" if m else None
_LEVEL_ASK = re.compile(r"(?i)(?<!\w)còn\s+(?:khoảng\s+)?(?:bao\s+nhiêu|mấy)(?!\w)|^\s*tổng\s+(?:số\s+|cộng\s+)?(?!mức\b)\w")
_GENERIC_WORDS = re.compile(r"(?i)\b(?:quy\s+mô|(?<!giá trị )(?:khối\s+lượng|số\s+lượng))\b")
# Words that only frame what follows and that reports leave out: "nền kinh tế" is "kinh tế", "ngành
# công nghiệp tăng 2,7%" is written "công nghiệp tăng 2,7%" ("nền tảng số", "nền móng", "ngành nghề",
# "toàn ngành", "liên ngành" name things of their own)
_FRAMING_WORDS = re.compile(r"(?i)(?<!\w)(?:nền(?=\s+(?!tảng|móng|nhà|đất|đường|đắp|nếp)[^\W\d_])"
                            r"|(?<!toàn )(?<!liên )(?<!đa )(?<!các )(?<!mọi )ngành(?=\s+(?!nghề|hàng)[^\W\d_]))(?!\w)")
# Time adverbs and the verb of setting a target: when and how, not what ("từ đầu năm đến nay
# đã thu hút …", "kế hoạch đặt mục tiêu …"); the kind (target) is read from the whole question
_ASKING_PHRASES = re.compile(r"(?i)(?<!\w)(?:(?:từ\s+)?đầu\s+năm(?:\s+\d{4})?\s+đến\s+nay|(?:tính\s+)?đến\s+nay|hiện\s+nay|"
                             r"(?:đặt|đề)(?:\s+ra)?(?=\s+(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)))(?!\w)")
_GIVE = re.compile(r"(?i)(?<!\w)(?:giao(?!\s+(?:thông|dục|dịch|lưu|thương|nhận|liên|kết|khoán|đất|rừng|nhà))|đặt(?:\s+ra)?|đề\s+ra)(?!\w)")
_ON_TERRITORY = re.compile(r"(?i)\b(?:trên|trong|toàn)\s+địa\s+bàn(?:\s+(?:tỉnh|thành\s+phố))?(?!\s+[^\W\d_]*\s*(?:huyện|xã|thị))")
# Credit words a report leaves out of its figures' names: "dư nợ tín dụng" is written "dư nợ",
# "nợ xấu của các tổ chức tín dụng" "nợ xấu"; "tăng trưởng tín dụng" keeps its words
_CREDIT_IMPLIED = re.compile(r"(?i)(?:\s+của)?\s+(?:các\s+)?tổ\s+chức\s+tín\s+dụng\b|(?<=nợ)\s+tín\s+dụng\b")
_WITHIN = re.compile(r"(?i)^\s*(trong|đối với)\s+([^,?]+),\s*(.+)$")


def split_within(question: str) -> tuple[str | None, str, str]:
    """(the whole, its word, the rest) of "Trong tổng thu NSNN 6 tháng, thu nội địa đạt bao
    nhiêu?": a leading clause that names a whole, when the rest names its own indicator. A
    clause that only names a period ("Trong 6 tháng đầu năm 2024, …") is not a whole."""
    m = _WITHIN.match(question)
    if not m:
        return None, "Trong", question
    clause = m.group(2)
    for a, b, _ in reversed(find_period_spans(clause)):
        clause = clause[:a] + " " + clause[b:]
    if not terms_of(clause, expand=False) or not terms_of(m.group(3), expand=False):
        return None, "Trong", question
    return m.group(2), m.group(1).capitalize(), m.group(3)


def parse_request(question: str, places: Iterable[str] = ()) -> Request:
    """`places`: the places the index knows (documents' and facts'), so a bare name typed in a
    question ("GRDP của Thanh Hóa") is read as the place, not as indicator words."""
    spans = question_period_spans(question)
    named = [(a, p) for a, _, p in spans if not is_basis(question, a)]
    years = [p.year for _, p in named if p.year]
    periods = [p.with_year(years[-1] if years else None) for _, p in named]
    refs = [(m.start(), m.end()) for rx in (_SOURCE_REF, _SOURCE_LATER) for m in rx.finditer(question)]
    source_periods = [p for (a, _), p in zip(named, periods) if any(x <= a < y for x, y in refs)]
    blank = list(question)
    for a, b, _ in spans:
        blank[a:b] = " " * (b - a)
    for m in _ASKING_PHRASES.finditer(question):
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _GENERIC_WORDS.finditer(question):  # "quy mô GRDP" asks for GRDP itself
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _FRAMING_WORDS.finditer(question):  # "quy mô nền kinh tế" asks for the economy's size
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _ON_TERRITORY.finditer(question):  # "trên địa bàn tỉnh": where, said of every figure
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _CREDIT_IMPLIED.finditer(question):
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    basis = None
    for m in _BASIS.finditer(question):  # "so với tháng trước": the basis, not the indicator
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
        basis = basis or basis_name(m.group(0))
    f = fold(question.lower())
    asked_role = next((r for r, rx in _ROLES if rx.search(f)), None)
    if asked_role == "share_whole" and (_CHANGE_ASK.search(question) or (_SHARE_MOVED.search(f) and len(spans) < 2)):
        asked_role = "change"  # "tỷ trọng dịch vụ tăng hay giảm, bao nhiêu": the change of the share
    # a share or a level asked "so với 6 tháng 2023" compares two figures (compare.py)
    period_basis = _period_basis(question, spans) if len(periods) == 1 and asked_role in (None, "change") else None
    if period_basis is not None:  # "tăng bao nhiêu so với quý IV/2024": one figure's basis, not a second figure
        (a, b), name = period_basis
        blank[a:b] = " " * (b - a)
        basis = basis or name
    changes = list(_CHANGE_ASK.finditer(question))
    for m in changes:
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    ref = _SOURCE_REF.match(question)  # "Theo báo cáo của UBND tỉnh X, …" names the source
    if ref:
        blank[: ref.end()] = " " * ref.end()
    named = []
    for m in PLACE_RE.finditer(question):
        if m.group("nation") and re.match(r"\s*(?:lần|lan)\b", question[m.end():]):
            continue  # "Đại hội Thể thao toàn quốc lần thứ IX" names an event
        named.append((m.start(), place_name(m)))
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    for name, a, b in known_places("".join(blank), places):
        lead = _LEVEL_BEFORE.search(question[:a])  # "tp buôn ma thuột": the level word goes with it
        if lead:
            a = lead.start()
        named.append((a, name))
        blank[a:b] = " " * (b - a)
    cited = re.match(r"(?i)\s*(?:theo\s+[^,?]{3,80},|(?:báo cáo|thông cáo|nghị quyết|tài liệu)\b[^,?]{0,60}?"
                     r"\b(?:nêu|cho biết|ghi nhận|ghi)\b)", question) if ref is None else None
    if cited and any(a >= cited.end() for a, p in named if p):
        # "Theo Ban Dân tộc tỉnh X, tỷ lệ … của cả nước", "Báo cáo quý I của X nêu tăng trưởng của
        # cả nước …": the body or report cited is the source; the place named after it is the one asked
        ref = cited
        blank[: ref.end()] = " " * ref.end()
    for a, _ in named:  # "Kế hoạch năm 2023 của ngành nông nghiệp tỉnh X": whose plan, not what it sets
        owner = _PLAN_OWNER.search(fold("".join(blank[:a]).lower()))
        if owner:
            blank[owner.start(1) : a] = " " * (a - owner.start(1))
    f = fold(question.lower())
    # the first place named, not inside the source reference nor an issuer ("của UBND tỉnh X")
    # a region ("Đường Vành đai 4 - Vùng Thủ đô đoạn qua tỉnh X") is where a work lies, not the
    # place asked when a province, district or town is named too
    if any(p and not p.startswith("vùng ") for _, p in named):
        named = [(a, p) for a, p in named if not (p and p.startswith("vùng "))]
    place = next((p for a, p in sorted(named) if p and not (ref and a < ref.end())
                  and not _ISSUER_BEFORE.search(f[max(0, a - 30) : a])), None)
    if place is None:  # "HĐND tỉnh X giao chỉ tiêu …": the issuer's place is the only one named
        for a, p in sorted(named):
            issuer = _ISSUER_BEFORE.search(f[max(0, a - 30) : a]) if p and not (ref and a < ref.end()) else None
            lo = max(0, a - 30) + issuer.start() if issuer else 0
            if issuer and not re.search(r"\b(?:bao cao|theo|van ban|tai lieu)\s+(?:cua\s+)?$", f[:lo]):
                # the body acts ("HĐND tỉnh X giao"), it is not cited as a source ("báo cáo của UBND tỉnh X")
                place = p
                blank[lo:a] = " " * (a - lo)  # who sets the figure, not the indicator's words
                break
    for m in _SOURCE_LATER.finditer(question):  # "… (theo dự thảo BCCT)": the source, not the indicator
        if not (ref and m.start() < ref.end()):
            blank[m.start() : m.end()] = " " * (m.end() - m.start())
    body = "".join(blank)
    if place == "cả nước" and re.search(r"\b(?:thu may|thu bao nhieu|xep hang|dung thu|xep thu)\b", f):
        place = next((p for _, p in sorted(named) if p and p != "cả nước"), None)  # the scope of a rank
    role = asked_role
    if role is None and basis and _RATIO_TO_BASIS.search(f):
        role = "share_plan"  # "bằng bao nhiêu % so với cùng kỳ": a ratio to the basis, read like a share of a plan
    elif role is None and (basis or changes) and not re.search(r"\bgap\b", f):
        role = "change"  # "so với quý IV/2024 thay đổi thế nào": a change against its basis
    if role is None and (_GENERIC_WORDS.search(question) or _LEVEL_ASK.search(question)):
        # "quy mô …" asks for the size itself, not its growth or share; so do "… còn bao nhiêu"
        # (what is left: "giảm còn 3,81%") and a total ("Tổng thu … 5 năm ước bao nhiêu")
        role = "level"
    if role is None and _AGAINST_PLAN.search(f) and not re.search(r"\b(?:tang|giam|vuot|hut|thieu|con)\b", f) \
            and not _asked_unit(body):
        role = "share_plan"  # "So với dự toán pháp lệnh thì thu NSNN đạt bao nhiêu?": its share of the plan
    plan_by = []
    if role == "share_plan":  # "… % dự toán Trung ương giao": whose plan, not the indicator's words
        by = _PLAN_BY.search(fold(body.lower()))
        if by:
            plan_by = [w for w in by.group("who").split() if w not in _NOT_A_SETTER]
            body = body[: by.start("who")] + " " * len(by.group("who")) + body[by.end("who") :]
    if role == "share_plan":  # "% dự toán pháp lệnh / phấn đấu": which estimate, not the indicator's words
        for m in reversed(list(re.finditer(r"\b(?:phap lenh|phan dau)\b", fold(body.lower())))):
            body = body[: m.start()] + " " * (m.end() - m.start()) + body[m.end() :]
    counted = _COUNTED_PLAN_NOUN.sub(lambda m: " " * len(m.group(0)), f)  # "bao nhiêu chỉ tiêu": what is counted
    kind = "target" if _TARGET.search(counted) and not _NOT_TARGET.search(f) \
        and not _MEASURED_AGAINST_PLAN.search(question.lower()) else None
    if kind == "target":  # "kế hoạch giao thu NSNN": the verb that sets the plan, not the indicator's word
        body = _GIVE.sub(lambda m: " " * len(m.group(0)), body)
    per_m = _PER_ASKED.search(body)
    per = None
    if per_m:  # "bác sĩ trên một vạn dân": the rate per head is the unit asked, its words no indicator
        per = per_asked(per_m.group(0))
        body = body[: per_m.start()] + " " * (per_m.end() - per_m.start()) + body[per_m.end():]
    folded_body = fold(body.lower())  # places blanked: "Hà Tĩnh" is not a unit
    unit = None if per else _asked_unit(body) or _hinted_unit(body, folded_body)
    noun = None if unit or per else _asked_noun(body)
    # "Kết quả giải quyết việc làm …", "Tình hình thu hút FDI …": the outcome of an indicator is the indicator
    body = re.sub(r"(?i)\b(?:kết quả|tình hình)\b(?=\s+\w)", lambda m: " " * len(m.group(0)), body)
    whole, _, rest = split_within(body)
    prior = asks_prior(question)
    same = _SAME_SPAN.match(f)
    same_year = int(same.group(1)) if same and not periods else None
    if whole is None:
        return Request(question, terms_of(body, expand=False), periods, place, kind, role, unit, noun, basis=basis,
                       source_periods=source_periods, plan_by=plan_by, per=per, prior=prior, same_span_year=same_year)
    within = terms_of(whole, expand=False)
    return Request(question, terms_of(rest, expand=False), periods, place, kind, role, unit, noun, within,
                   basis=basis, source_periods=source_periods, plan_by=plan_by, per=per, prior=prior,
                   same_span_year=same_year)


# "vụ trước", "năm trước", "liền trước": a period named only as the one before another
_PRIOR = re.compile(r"(?i)(?<!\w)(?:(?:vụ|năm|kỳ|tháng|quý|mùa|tuần)\s+(?:liền\s+)?trước|liền\s+trước|trước\s+đó)(?!\w)")
# … unless it is the basis of a change: "so với tháng trước", "cùng kỳ năm trước", "cao hơn năm trước"
_PRIOR_AS_BASIS = re.compile(r"(?i)(?:\bso(?:\s+với)?|\bvới|cùng\s+kỳ|\bhơn|\bbằng|%|\bgấp(?:\s+\S+){0,3}|\btừ)\s*(?:tháng\s+12\s+)?$")


def asks_prior(question: str) -> bool:
    """The question asks about the period before the one a report is on ("năng suất lúa vụ trước
    đạt bao nhiêu"), not against it: no figure of the report's own period answers it, and a
    change stated against it ("thấp hơn vụ trước 2,4 tạ/ha") is not its level."""
    return any(not _PRIOR_AS_BASIS.search(question[max(0, m.start() - 30) : m.start()])
               for m in _PRIOR.finditer(question))


# Words that join the parts of a question: a term the reports never name ends at them
_PHRASE_BREAK = set(
    "của tại ở trong là đạt được có bao nhiêu mấy và với so cho theo về từ đến thì như năm tháng quý bằng "
    "chiếm tăng giảm hay hoặc những nào gì sao thế ra".split()
)


def missing_phrases(question: str, unknown: Iterable[str], places: Iterable[str] = ()) -> list[str]:
    """The terms of the question, as written, that hold a word no report uses ("tỷ lệ thất nghiệp"
    for the unknown "thất"): each the run of words around it between periods, places, punctuation
    and the words that join a question ("của", "là", "bao nhiêu")."""
    unknown = set(unknown)
    blank = list(question)
    spans = [(a, b) for a, b, _ in question_period_spans(question)] + [m.span() for m in PLACE_RE.finditer(question)]
    spans += [(a, b) for _, a, b in known_places(question, places)]
    for a, b in spans:
        blank[a:b] = "\x00" * (b - a)
    text = "".join(blank)
    runs: list[list[re.Match[str]]] = []
    prev = None
    for m in re.finditer(r"[^\W\d_]+", text):
        joined = prev is not None and not text[prev.end() : m.start()].strip(" -")
        if normalize_tone(m.group().lower()) in _PHRASE_BREAK:
            prev = None
            continue
        if joined and runs:
            runs[-1].append(m)
        else:
            runs.append([m])
        prev = m
    out = []
    for run in runs:
        if not any(normalize_tone(m.group().lower()) in unknown for m in run):
            continue
        key = lambda m: normalize_tone(m.group().lower())  # noqa: E731
        # words a report leaves out ("kim ngạch"), and the unit counted ("bao nhiêu ca …"), are no part of the term
        while key(run[0]) not in unknown and (key(run[0]) in STOPWORDS or (
                re.search(r"(?i)(?:bao\s+nhiêu|mấy)\s+$", question[: run[0].start()])
                and 0 < read_unit(question, run[0].start() - 1).length <= run[0].end() - run[0].start() + 1)):
            run = run[1:]
        while key(run[-1]) not in unknown and key(run[-1]) in STOPWORDS:
            run = run[:-1]
        phrase = question[run[0].start() : run[-1].end()]
        first = run[0].group()
        if not question[: run[0].start()].strip() and first[:1].isupper() and first[1:].islower():
            phrase = phrase[:1].lower() + phrase[1:]  # the capital of the question's first word
        if phrase not in out:
            out.append(phrase)
    return out


def _period_basis(question: str, spans) -> tuple[tuple[int, int], str] | None:
    """((start, end), name) of a period named right after "so (với)" ("so với quý IV/2024", "so
    với tháng 12 năm trước", "so với cuối năm 2024"), named as facts name it."""
    f = fold(question.lower())
    for m in _PERIOD_BASIS.finditer(f):
        # "cuối năm 2024" is one period phrase that starts at "cuối"
        span = next(((0, b - m.end(), p) for a, b, p in spans if m.start() < a <= m.end() < b), None)
        if span is None:
            continue
        name = _period_basis_name(f, m, span)
        end = m.end() + span[1]
        after = re.match(r"\s+nam truoc\b", f[end:])
        return (m.start(), end + (after.end() if after else 0)), name
    return None


def basis_name(phrase: str) -> str:
    """One name per basis of a change: the month (or reporting period) before, the quarter
    before, or the same period of the year before ("cùng kỳ", "năm trước")."""
    f = fold(phrase.lower())
    if re.search(r"\b(?:thang|ky|tuan) truoc", f):
        return "tháng trước"
    if "quy truoc" in f:
        return "quý trước"
    if "dau nam" in f:
        return "đầu năm"
    if "ky goc" in f:
        return "kỳ gốc"
    return "cùng kỳ"
