"""Vietnamese figure comparison: every eval metric rests on it, so it is tested case by case."""

from __future__ import annotations

import pytest

from assistant.eval.compare import (
    figure_in_text,
    figures,
    parse_unit,
    same_figure,
    source_decimals,
    split_fractions,
    value_decimals,
)


@pytest.mark.parametrize(
    ("text", "value", "unit", "decimals", "expected"),
    [
        # thousands dots and decimal commas
        ("đạt 315.145 tỷ đồng", 315145, "tỷ đồng", 0, True),
        ("đạt 315145 tỷ đồng", 315145, "tỷ đồng", 0, True),
        ("đạt 315,145 nghìn tỷ đồng", 315145, "tỷ đồng", 0, True),
        ("đạt 315 nghìn tỷ đồng", 315145, "tỷ đồng", 0, False),
        ("đạt 315.145 triệu đồng", 315145, "tỷ đồng", 0, False),
        ("tăng 13,96%", 13.96, "%", 2, True),
        ("tăng 13.96%", 13.96, "%", 2, True),
        ("tăng 13,96 %", 13.96, "%", 2, True),
        ("tăng 14%", 13.96, "%", 2, False),
        ("tăng 13,9%", 13.96, "%", 2, False),
        ("tăng 13,964%", 13.96, "%", 2, True),
        ("tăng 13,97%", 13.96, "%", 2, False),
        ("đạt 1.234,5 tỷ đồng", 1234.5, "tỷ đồng", 1, True),
        ("đạt 1234,5 tỷ đồng", 1234.5, "tỷ đồng", 1, True),
        ("đạt 1.234 tỷ đồng", 1234.5, "tỷ đồng", 1, False),
        ("đạt 2.238,7ha", 2238.7, "ha", 1, True),
        ("đạt 10.111,7 tỷ đồng", 10111.7, "tỷ đồng", 1, True),
        ("đạt 10.111,74 tỷ đồng", 10111.7, "tỷ đồng", 1, True),
        ("đạt 10.112 tỷ đồng", 10111.7, "tỷ đồng", 1, False),
        # scale words
        ("đạt 2,15 tỷ USD", 2.15, "tỷ USD", 2, True),
        ("đạt 2.150 triệu USD", 2.15, "tỷ USD", 2, True),
        ("đạt 2150 triệu USD", 2.15, "tỷ USD", 2, True),
        ("đạt 2,15 triệu USD", 2.15, "tỷ USD", 2, False),
        ("đạt 2,2 tỷ USD", 2.15, "tỷ USD", 2, False),
        ("đạt 155,9 nghìn tỷ đồng", 155.9, "nghìn tỷ đồng", 1, True),
        ("đạt 155.900 tỷ đồng", 155.9, "nghìn tỷ đồng", 1, True),
        ("đạt 1,8 triệu lượt", 1.8, "triệu lượt", 1, True),
        ("đạt 1.800.000 lượt", 1.8, "triệu lượt", 1, True),
        ("đạt 17.742 nghìn lượt người", 17742, "nghìn lượt người", 0, True),
        ("đạt 17,742 triệu lượt người", 17742, "nghìn lượt người", 0, True),
        ("đạt 974,7 nghìn lao động", 974.7, "nghìn lao động", 1, True),
        ("đạt 151,96 nghìn tấn", 151.96, "nghìn tấn", 2, True),
        # currency must agree when both are stated
        ("đạt 2,15 tỷ đồng", 2.15, "tỷ USD", 2, False),
        ("đạt 2,15 tỷ", 2.15, "tỷ USD", 2, True),
        ("đạt 3.400 USD", 3400, "USD", 0, True),
        ("đạt 3.400 đồng", 3400, "USD", 0, False),
        # leading zeros and counts
        ("ban hành 07 Chỉ thị", 7, "Chỉ thị", 0, True),
        ("ban hành 7 Chỉ thị", 7, "Chỉ thị", 0, True),
        ("có 09 KCN", 9, "KCN", 0, True),
        ("xảy ra 01 vụ cháy nhà", 1, "vụ", 0, True),
        ("xảy ra 07 vụ cháy", 1, "vụ", 0, False),
        # percent versus percentage points
        ("cao hơn 0,35 điểm phần trăm", 0.35, "điểm %", 2, True),
        ("cao hơn 0,35 điểm %", 0.35, "điểm %", 2, True),
        ("cao hơn 0,35%", 0.35, "điểm %", 2, False),
        ("đóng góp 12,42 điểm phần trăm", 12.42, "%", 2, False),
        ("đóng góp 12,42 điểm phần trăm", 12.42, "điểm phần trăm", 2, True),
        ("tăng 14,14 phần trăm", 14.14, "%", 2, True),
        ("tăng 14,14", 14.14, "%", 2, False),
        ("đạt 65,34 tỷ đồng", 65.34, "%", 2, False),
        ("chiếm 65,34%", 65.34, "tỷ đồng", 2, False),
        # ratios and ranks are not dates
        ("xếp thứ 38/63 tỉnh", 38, None, 0, True),
        ("xếp thứ 4/63", 4, None, 0, True),
        ("đạt 91,16/100 điểm", 91.16, "điểm", 2, True),
        ("có 145/182 xã", 145, "xã", 0, True),
        ("ngày 30/6/2024", 30, None, 0, False),
        ("ngày 30/6/2024", 2024, None, 0, False),
        ("tháng 6/2024", 6, None, 0, False),
        # a figure among others; English notation from a model
        ("tăng 8,1% so với tháng trước, 4 tháng đạt 8,1 tỷ USD", 8.1, "tỷ USD", 1, True),
        ("tăng 8,1% so với tháng trước", 8.1, "tỷ USD", 1, False),
        ("đạt 1,426.29 triệu USD", 1426.29, "triệu USD", 2, True),
        ("", 5, None, 0, False),
        ("không có số liệu", 5, None, 0, False),
    ],
)
def test_figure_in_text(
    text: str, value: float, unit: str | None, decimals: int, expected: bool
) -> None:
    assert figure_in_text(text, value, unit, decimals) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("315.145", "315145", True),
        ("13,96", "13.96", True),
        ("07 Chỉ thị", "7 Chỉ thị", True),
        ("1.234,5 tỷ đồng", "1234,5 tỷ đồng", True),
        ("2,15 tỷ USD", "2.150 triệu USD", True),
        ("2,15 tỷ USD", "2,15 tỷ đồng", False),
        ("13,96%", "13,96 điểm phần trăm", False),
        ("0,35 điểm %", "0,35 điểm phần trăm", True),
        ("0,35 điểm %", "0,35%", False),
        ("96.058 tỷ đồng", "96,058 nghìn tỷ đồng", True),
        ("96.058 tỷ đồng", "96 nghìn tỷ đồng", False),
        ("1,8 triệu lượt", "1,82 triệu lượt", True),  # the source wrote one decimal
        ("1,8 triệu lượt", "1,9 triệu lượt", False),
        ("45,3%", "không rõ", False),
    ],
)
def test_same_figure(a: str, b: str, expected: bool) -> None:
    assert same_figure(a, b) is expected


def test_same_figure_rejects_expected_without_figure() -> None:
    with pytest.raises(ValueError):
        same_figure("không có số", "5")


@pytest.mark.parametrize(
    ("unit", "scale", "kind", "currency"),
    [
        ("tỷ đồng", 1e9, "plain", "đồng"),
        ("nghìn tỷ đồng", 1e12, "plain", "đồng"),
        ("triệu USD", 1e6, "plain", "usd"),
        ("tỷ USD", 1e9, "plain", "usd"),
        ("USD", 1.0, "plain", "usd"),
        ("%", 1.0, "percent", None),
        ("điểm %", 1.0, "points", None),
        ("điểm phần trăm", 1.0, "points", None),
        ("điểm", 1.0, "plain", None),
        ("nghìn tấn", 1e3, "plain", None),
        ("ha", 1.0, "plain", None),
        (None, 1.0, "plain", None),
        ("triệu đồng", 1e6, "plain", "đồng"),
    ],
)
def test_parse_unit(unit: str | None, scale: float, kind: str, currency: str | None) -> None:
    spec = parse_unit(unit)
    assert (spec.scale, spec.kind, spec.currency) == (scale, kind, currency)


@pytest.mark.parametrize(
    ("answer", "value", "unit", "decimals"),
    [
        ("13,96 %", 13.96, "%", 2),
        ("315.145 tỷ đồng", 315145, "tỷ đồng", 0),
        ("khoảng 2.238,7ha", 2238.7, "ha", 1),
        ("1,8 triệu lượt", 1.8, "triệu lượt", 1),
        ("14,5%", 14.5, "%", 1),
        ("38%", 38, "%", 0),
        ("thứ 02/63", 2, None, 0),
        ("không ghi số", 12.25, None, 2),  # falls back to the value's own decimals
    ],
)
def test_source_decimals(answer: str, value: float, unit: str | None, decimals: int) -> None:
    assert source_decimals(answer, value, unit) == decimals


def test_value_decimals() -> None:
    assert [value_decimals(v) for v in (315145, 13.96, 0.35, 2.5, 100.0)] == [0, 2, 2, 1, 0]


def test_split_fractions_keeps_dates() -> None:
    assert (
        split_fractions("thứ 4/63, ngày 30/6/2024, tháng 6/2024")
        == "thứ 4 / 63, ngày 30/6/2024, tháng 6/2024"
    )


def test_figures_reports_kind_and_base_value() -> None:
    figs = figures("tăng 8,1% và đạt 2,15 tỷ USD, đóng góp 1,2 điểm phần trăm")
    assert [(f.value, f.percent, f.point_word, f.currency) for f in figs] == [
        (8.1, True, False, None),
        (2.15e9, False, False, "usd"),
        (1.2, False, True, None),
    ]
