"""The checker proves the real eval set (this is the CI check) and catches every kind of bad item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.eval.checker import check_items
from assistant.eval.dataset import Item, item_from_dict
from assistant.eval.layout import footnote_regions

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# A page in the seeds' format: wrapped lines with blank lines between, a footnote block (a line
# of spaces, then numbered lines) cutting a sentence, the body resuming on a line with one space.
DOC = """Tăng trưởng kinh tế (GRDP) quý I, quý II năm 2024 của tỉnh tiếp tục duy 

trì đà tăng, đạt lần lượt 13,96 % và 14,31%2; tính 

                                           
1 Đến hết ngày 30/6/2024 UBND tỉnh đã ban hành 07 Chỉ thị, 1056 Quyết định, 110 Kế 

hoạch và nhiều văn bản chỉ đạo. 
2 Quý I: sau tỉnh Trà Vinh; Quý II: sau tỉnh Lai Châu. 
 chung 6 tháng đạt 14,14% (cao nhất cả nước). Quy mô GRDP đạt 96.058 tỷ đồng, 

bằng 45,3% kế hoạch. Tốc độ tăng tín dụng bình quân đạt ...%/năm. [bookmark: _Hlk1]Xuất khẩu đạt 12,6 tỷ USD; nhập khẩu đạt 11,3 tỷ USD.
"""
DOC_ID = "doc-a"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    manifest = {"documents": [{"doc_id": DOC_ID, "source_file": "a.txt", "title": "A"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path


BASE = {"id": "t1", "question": "?", "type": "body", "doc_id": DOC_ID, "answerable": True}
GOOD = [
    dict(
        BASE,
        id="body",
        answer="96.058 tỷ đồng",
        value=96058,
        unit="tỷ đồng",
        evidence="Quy mô GRDP đạt 96.058 tỷ đồng, bằng 45,3% kế hoạch",
    ),
    dict(
        BASE,
        id="fn",
        type="footnote",
        footnote="1",
        answer="07 Chỉ thị",
        value=7,
        unit="Chỉ thị",
        evidence="đã ban hành 07 Chỉ thị, 1056 Quyết định, 110 Kế hoạch",
    ),
    dict(
        BASE,
        id="pb",
        type="page_break",
        split_at="14,31%2; tính|chung 6 tháng đạt 14,14%",
        answer="14,14%",
        value=14.14,
        unit="%",
        evidence="chung 6 tháng đạt 14,14% (cao nhất cả nước)",
    ),
    dict(
        BASE,
        id="cmp",
        type="comparison",
        answer="0,35 điểm phần trăm",
        value=0.35,
        unit="điểm %",
        evidence=["đạt lần lượt 13,96 % và 14,31%"],
        operands=["14,31%", "13,96 %"],
        op="sub",
    ),
    dict(
        BASE,
        id="cmp2",
        type="comparison",
        answer="1,3 tỷ USD",
        value=1.3,
        unit="tỷ USD",
        evidence=["Xuất khẩu đạt 12,6 tỷ USD", "nhập khẩu đạt 11,3 tỷ USD"],
        operands=["12,6 tỷ USD", "11,3 tỷ USD"],
        op="sub",
    ),
    dict(
        BASE,
        id="list",
        type="list",
        answer="2 quý",
        value=2,
        unit="quý",
        evidence="sau tỉnh Trà Vinh; Quý II: sau tỉnh Lai Châu",
        expected_terms=["Trà Vinh", "Lai Châu"],
    ),
    dict(
        BASE,
        id="un1",
        type="unanswerable",
        doc_id=None,
        answer=None,
        value=None,
        unit=None,
        evidence=None,
        answerable=False,
        absent_terms=["CPI", "quý III"],
    ),
    dict(
        BASE,
        id="un2",
        type="unanswerable",
        answer=None,
        value=None,
        unit=None,
        evidence=None,
        answerable=False,
        blank="tín dụng bình quân đạt …%/năm",
    ),
    dict(
        BASE,
        id="un3",
        type="unanswerable",
        doc_id=None,
        answer=None,
        value=None,
        unit=None,
        evidence=None,
        answerable=False,
        absent_near="nhập khẩu",
        absent_window=40,
        absent_terms=["tháng 4"],
    ),
]


def _items(*rows: dict) -> list[Item]:
    return [item_from_dict(r) for r in rows]


def test_good_items_are_proven(corpus: Path) -> None:
    assert check_items(_items(*GOOD), corpus) == []


@pytest.mark.parametrize(
    ("base", "change", "message"),
    [
        (0, {"evidence": "Quy mô GRDP đạt 96.059 tỷ đồng"}, "bằng chứng không có"),
        (0, {"value": 96.058}, "không đọc được giá trị"),
        (0, {"unit": "%"}, "không đọc được giá trị"),
        (
            0,
            {"answer": "96.058 tỷ đồng", "evidence": "bằng 45,3% kế hoạch"},
            "không có trong bằng chứng",
        ),
        (0, {"doc_id": "khong-co"}, "manifest"),
        (0, {"answer": None}, "answer, value và evidence"),
        (1, {"footnote": "2"}, "không nằm trong chú thích 2"),
        (1, {"footnote": None}, "cần 'footnote'"),
        (2, {"split_at": "Quy mô GRDP đạt|96.058 tỷ đồng"}, "không thấy ngắt trang"),
        (2, {"split_at": "không có dấu gạch"}, "trước|sau"),
        (3, {"value": 0.45, "answer": "0,45 điểm phần trăm"}, "phép tính"),
        (3, {"operands": ["14,31%", "13,95 %"]}, "toán hạng"),
        (3, {"op": None}, "cần 'op'"),
        (5, {"expected_terms": ["Trà Vinh", "Cà Mau"]}, "không nêu 'Cà Mau'"),
        (0, {"also_in": ["Quy mô GRDP đạt 96.058 tỷ USD"]}, "đoạn thay thế không có"),
        (0, {"also_in": ["bằng 45,3% kế hoạch"]}, "đoạn thay thế không nêu"),
        (4, {"also_in": ["Xuất khẩu đạt 12,6 tỷ USD"]}, "chỉ dùng cho câu có một đoạn"),
        (0, {"expected_terms": ["Lai Châu"]}, "không nêu 'Lai Châu'"),
        (6, {"absent_terms": ["GRDP"]}, "có xuất hiện"),
        (
            6,
            {"absent_terms": ["TỈNH   Lai\nChâu"]},
            "có xuất hiện",
        ),  # whitespace and case do not hide a term
        (6, {"absent_terms": None}, "absent_terms"),
        (7, {"blank": "tín dụng bình quân đạt 12%/năm"}, "không chứa chỗ trống"),
        (7, {"blank": "thu ngân sách đạt …%"}, "không thấy chỗ trống"),
        (8, {"absent_terms": ["tỷ USD"]}, "gần 'nhập khẩu'"),
        (8, {"absent_near": "thất nghiệp"}, "vô nghĩa"),
        (8, {"value": 3}, "phải để answer, value, evidence là null"),
    ],
)
def test_bad_items_are_reported(corpus: Path, base: int, change: dict, message: str) -> None:
    row = dict(GOOD[base], **change)
    problems = check_items(_items(row), corpus)
    assert problems and any(message in p for p in problems), problems
    assert all(p.startswith(f"{row['id']}: ") for p in problems)


def test_duplicate_ids_are_reported(corpus: Path) -> None:
    assert "body: id trùng lặp" in check_items(_items(GOOD[0], GOOD[0]), corpus)


def test_footnote_region_stops_at_the_body() -> None:
    raw = DOC
    assert footnote_regions(raw, "2") == ["2 Quý I: sau tỉnh Trà Vinh; Quý II: sau tỉnh Lai Châu."]
    assert "hoạch và nhiều văn bản" in footnote_regions(raw, "1")[0]


def test_every_item_of_the_real_eval_set_is_proven(eval_items: list[Item]) -> None:
    """The CI check: every evidence span, value, footnote, page break and absence holds."""
    problems = check_items(eval_items, CORPUS)
    assert problems == [], "\n".join(problems)
