"""Fact rules of session 10, on table rows written for these tests (figures invented): a table
whose columns are indicators and whose rows are places or bodies."""

from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one

ROWS = "\n".join([
    "Bảng 2: Một số chỉ tiêu y tế theo địa phương — Đơn vị: Huyện Kỳ Anh | Số xã: 21 | Trạm y tế có bác sĩ: 19 | Tỷ lệ bao phủ BHYT (%): 93,4",
    "Bảng 2: Một số chỉ tiêu y tế theo địa phương — Đơn vị: Thị xã Hồng Lĩnh | Số xã: 6 | Trạm y tế có bác sĩ: 6 | Tỷ lệ bao phủ BHYT (%): 96,1",
    "Bảng 2: Một số chỉ tiêu y tế theo địa phương — Đơn vị: Toàn tỉnh | Số xã: 27 | Trạm y tế có bác sĩ: 25 | Tỷ lệ bao phủ BHYT (%): 94,0",
])
ZONES = "\n".join([
    "Bảng 3: Các khu công nghiệp đến cuối năm — Khu công nghiệp: Vũng Áng | Diện tích (ha): 412,5 | Tỷ lệ lấp đầy (%): 71,2 | Lao động (người): 9.850",
    "Bảng 3: Các khu công nghiệp đến cuối năm — Khu công nghiệp: Hồng Lĩnh | Diện tích (ha): 88,0 | Tỷ lệ lấp đầy (%): 35,6 | Lao động (người): 1.204",
])


def test_rows_of_places_give_each_place_the_column_indicator():
    fs = facts_of(ROWS, YEAR)
    f = one(fs, "93,4")
    assert f.place == "huyện Kỳ Anh" and f.unit == "%" and f.indicator.startswith("Tỷ lệ bao phủ BHYT")
    g = one(fs, "19")
    assert g.place == "huyện Kỳ Anh" and g.unit != "huyện" and g.indicator.startswith("Trạm y tế có bác sĩ")
    assert one(fs, "96,1").place == "thị xã Hồng Lĩnh"
    total = one(fs, "94,0")
    assert total.place == "Hà Tĩnh"  # "Toàn tỉnh": the report's own place


def test_rows_of_zones_name_the_zone_in_the_indicator_not_the_town_it_is_named_after():
    fs = facts_of("Thị xã Hồng Lĩnh có 6 xã, phường.\n" + ZONES, YEAR)
    f = one(fs, "35,6")
    assert f.place == "Hà Tĩnh" and f.unit == "%" and "Khu công nghiệp Hồng Lĩnh" in f.indicator
    assert f.indicator.startswith("Tỷ lệ lấp đầy")
    assert one(fs, "412,5").unit == "ha" and one(fs, "9.850").unit == "người"


def test_a_table_of_periods_keeps_its_rows_as_indicators():
    row = ("Bảng 1: Chỉ tiêu chủ yếu — Chỉ tiêu: Thu NSNN | Đơn vị tính: Tỷ đồng | Năm 2023: 9.120 | "
           "Năm 2024: 10.050 | So với năm 2023 (%): 110,2")
    fs = facts_of(row, YEAR)
    assert one(fs, "10.050").indicator == "Thu NSNN" and one(fs, "10.050").unit == "tỷ đồng"
