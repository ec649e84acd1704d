"""Title blocks written for these tests (session 10): a department's name over two lines, a name
with a comma, the addressee line, a closing speech."""

from assistant.ingest.profile import extract_profile

TWO_LINES = """UBND TỈNH QUẢNG TRỊ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ LAO ĐỘNG - THƯƠNG BINH          Độc lập - Tự do - Hạnh phúc
VÀ XÃ HỘI
Số: 210/BC-SLĐTBXH          Quảng Trị, ngày 12 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác lao động, người có công và xã hội năm 2024
"""

COMMA = """UBND TỈNH BÌNH ĐỊNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH          Độc lập - Tự do - Hạnh phúc
Số: 88/BC-SVHTTDL          Bình Định, ngày 20 tháng 6 năm 2025
BÁO CÁO
Tình hình du lịch 6 tháng đầu năm 2025
"""

SPEECH = """HỘI ĐỒNG NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐIỆN BIÊN          Độc lập - Tự do - Hạnh phúc
Điện Biên, ngày 10 tháng 12 năm 2024
DIỄN VĂN
Bế mạc kỳ họp thứ 20 Hội đồng nhân dân tỉnh khóa XV
"""

ADDRESSEE = """CỤC HẢI QUAN TỈNH QUẢNG NINH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 31/BC-HQQN          Quảng Ninh, ngày 05 tháng 10 năm 2024
Kính gửi: Ủy ban nhân dân tỉnh Quảng Ninh
BÁO CÁO
Tình hình thu ngân sách từ hoạt động xuất nhập khẩu 9 tháng năm 2024
"""


def test_a_department_named_over_two_lines():
    assert extract_profile(TWO_LINES).issuer == "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Trị"


def test_each_part_after_a_comma_is_capitalised():
    assert extract_profile(COMMA).issuer == "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Định"


def test_a_closing_speech_is_its_own_kind():
    p = extract_profile(SPEECH)
    assert p.doc_type == "diễn văn" and p.issuer == "HĐND tỉnh Điện Biên"


def test_the_addressee_is_not_the_issuer():
    assert not (extract_profile(ADDRESSEE).issuer or "").startswith("UBND")
