import pytest

from assistant.ingest.periods import Period, compatible, doc_period, find_periods


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Giá trị sản xuất 6 tháng đầu năm 2024", [Period("h1", 2024)]),
        ("sau thang dau nam 2024", [Period("h1", 2024)]),
        ("GRDP quý I, quý II năm 2024", [Period("q1", None), Period("q2", 2024)]),
        ("4 tháng đầu năm", [Period("first4", None)]),
        ("tháng 4 năm 2024", [Period("m4", 2024)]),
        ("giai đoạn 2021-2025", [Period("term", 2021, 2025)]),
        ("năm 2022", [Period("year", 2022)]),
        ("đến giữa năm 2024", [Period("h1", 2024)]),
        ("đến 30/6/2024", [Period("h1", 2024)]),
        ("đến 31/12/2022", [Period("year", 2022)]),
        ("6 tháng cuối năm 2024", [Period("h2", 2024)]),
        ("không nêu kỳ nào", []),
    ],
)
def test_find_periods(text, expected):
    assert find_periods(text) == expected


def test_compatibility_is_strict_about_span_and_year():
    assert compatible(Period("h1", 2024), Period("h1", None), context_year=2024)
    assert not compatible(Period("h1", 2024), Period("h1", 2023))
    assert not compatible(Period("year", 2024), Period("h1", 2024))  # a half-year is not the year
    assert not compatible(Period("q3", 2023), Period("h1", 2024))
    assert compatible(Period("term", 2020, 2025), Period("term", 2020, 2025))


def test_document_period_from_manifest():
    assert doc_period({"period": "6 tháng đầu năm 2024"}) == Period("h1", 2024)
    assert doc_period({"period": "", "period_start": "2022-01-01"}) == Period("year", 2022)
    assert doc_period({}) is None


def test_months_to_date_written_in_words():
    from assistant.ingest.periods import find_period_spans

    def labels(t):
        return [p.label() for _, _, p in find_period_spans(t)]

    assert labels("Chín tháng năm 2024, toàn tỉnh xảy ra 12 vụ cháy.") == ["9 tháng đầu năm 2024"]
    assert labels("Mười một tháng năm 2023 thu ngân sách đạt 4.210 tỷ đồng.") == ["11 tháng đầu năm 2023"]
    assert labels("Bốn tháng đầu năm 2025 xuất khẩu tăng 7%.") == ["4 tháng đầu năm 2025"]
    assert labels("năm tháng đầu năm 2025") == ["5 tháng đầu năm 2025"]
    assert labels("so với hai tháng trước") == []  # two months ago is no months-to-date


def test_up_to_the_end_of_a_month_is_the_months_to_date():
    from assistant.ingest.periods import find_periods

    assert [p.label() for p in find_periods("Đến hết tháng 10/2024 huyện đã cấp 512 sổ")] == ["10 tháng đầu năm 2024"]
    assert [p.label() for p in find_periods("tính tới hết tháng 6 năm 2023")] == ["6 tháng đầu năm 2023"]
    assert [p.label() for p in find_periods("đến hết tháng 12/2021 còn 3 dự án")] == ["năm 2021"]
    # a month alone stays the month
    assert [p.label() for p in find_periods("riêng tháng 10/2024 cấp 58 sổ")] == ["tháng 10 năm 2024"]
