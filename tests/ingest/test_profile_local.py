"""Profiles of reports issued below the province (district, town, commune) and of statistics
offices and centrally-run cities, on short title blocks written for these tests."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.profile import extract_profile, profile_dict
from assistant.types import Chunk

DISTRICT = """ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN HẢI HẬU                               Độc lập - Tự do - Hạnh phúc
Số: 205/BC-UBND                      Hải Hậu, ngày 25 tháng 9 năm 2023

BÁO CÁO
Kết quả thực hiện nhiệm vụ kinh tế - xã hội 9 tháng năm 2023; phương hướng, nhiệm vụ quý IV năm 2023

Thực hiện chỉ đạo của UBND tỉnh Nam Định, UBND huyện Hải Hậu báo cáo như sau:
Tổng thu ngân sách trên địa bàn 9 tháng ước đạt 402,5 tỷ đồng, bằng 71,2% dự toán tỉnh Nam Định giao.
"""


def test_a_district_report_is_about_the_district_not_its_province():
    p = extract_profile(DISTRICT)
    assert p.place == "huyện Hải Hậu"
    assert p.issuer == "UBND huyện Hải Hậu"
    assert p.period.label() == "9 tháng đầu năm 2023"


def test_a_district_figure_is_not_the_province_figure():
    prof = profile_dict("d", DISTRICT, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None,
                  "Tổng thu ngân sách trên địa bàn 9 tháng ước đạt 402,5 tỷ đồng.", ())
    (fact,) = [f for f in extract_facts([chunk], prof) if f.text == "402,5"]
    assert fact.place == "huyện Hải Hậu"


def test_district_body_on_one_line_and_a_single_space_motto():
    text = ("UBND THỊ XÃ NGHI SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 77/BC-UBND Độc lập - Tự do - Hạnh phúc\n"
            "BÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2024 của tỉnh Thanh Hóa\n")
    assert extract_profile(text).place == "thị xã Nghi Sơn"


def test_a_commune_and_a_district_party_committee():
    commune = "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 12/BC-UBND\nBÁO CÁO\nKết quả năm 2025 của tỉnh Đồng Nai\n"
    assert extract_profile(commune).place == "xã Tân Phú"
    party = "HUYỆN ỦY MỘC CHÂU\nSố: 310-BC/HU\nBÁO CÁO\nKết quả lãnh đạo 6 tháng đầu năm 2024, tỉnh Sơn La\n"
    assert extract_profile(party).place == "huyện Mộc Châu"


def test_the_motto_is_not_a_commune():
    text = ("ỦY BAN NHÂN DÂN TỈNH KON TUM  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 88/BC-UBND\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2024\n")
    p = extract_profile(text)
    assert p.place == "Kon Tum"
    assert p.issuer == "UBND tỉnh Kon Tum"


def test_a_centrally_run_city_is_a_province_level_place_with_its_own_level_word():
    text = "CỤC THỐNG KÊ THÀNH PHỐ HẢI PHÒNG\nSố: 90/BC-CTK\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 5 năm 2024\n"
    p = extract_profile(text)
    assert p.place == "Hải Phòng"
    assert p.issuer == "Cục Thống kê thành phố Hải Phòng"
    city = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 15/BC-UBND\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n"
    assert extract_profile(city).place == "Huế"


def test_a_provincial_statistics_office_after_2025():
    text = "THỐNG KÊ TỈNH GIA LAI\nSố: 31/BC-TK\nTÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 VÀ 10 THÁNG NĂM 2025\n"
    p = extract_profile(text)
    assert p.place == "Gia Lai"
    assert p.issuer == "Thống kê tỉnh Gia Lai"
    assert p.period.label() == "10 tháng đầu năm 2025"


def test_a_title_set_on_two_lines_is_read_whole():
    text = ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC\nSố: 401/BC-UBND\nBÁO CÁO\n"
            "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024\n"
            "và kế hoạch phát triển kinh tế - xã hội năm 2025\n(Trình kỳ họp thứ 20)\n")
    p = extract_profile(text)
    assert p.title.endswith("năm 2024 và kế hoạch phát triển kinh tế - xã hội năm 2025")
    assert p.period.label() == "năm 2024"


PROVINCE_WITH_A_CITY = """HỘI ĐỒNG NHÂN DÂN
TỈNH KON TUM
Số: 77/NQ-HĐND
Kon Tum, ngày 8 tháng 12 năm 2022
NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2023
Ưu tiên nâng cấp các tuyến phố của thành phố Kon Tum và đường vành đai phía tây.
"""


def test_a_provinces_resolution_naming_its_namesake_city_is_the_provinces():
    p = extract_profile(PROVINCE_WITH_A_CITY)
    assert p.place == "Kon Tum"
    assert p.issuer == "HĐND tỉnh Kon Tum"
