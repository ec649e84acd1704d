"""List and counting questions answered from the enumeration over whole documents (a report
written for this test, names and figures invented): items numbered through a section, a list
that follows the sentence saying what it lists, a footnote that names the items."""

import pytest

NOTICE = """ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN
Số: 88/TB-UBND                    Phú Yên, ngày 20 tháng 5 năm 2024
THÔNG BÁO
Kết luận phiên họp UBND tỉnh thường kỳ tháng 5 năm 2024
1. Tình hình kinh tế - xã hội tháng 5 năm 2024
Sản xuất nông nghiệp ổn định; thu ngân sách tháng 5 đạt 410 tỷ đồng.
Trong tháng 6/2024, các sở, ngành, địa phương cần tập trung thực hiện tốt các nhiệm vụ sau:
(1) Đẩy nhanh giải ngân vốn đầu tư công, nhất là các dự án giao thông. Giao Sở Tài chính theo dõi, đôn đốc.
(2) Chuẩn bị tốt các điều kiện phòng, chống thiên tai mùa mưa bão.
(3) Tổ chức kỳ thi tốt nghiệp trung học phổ thông an toàn, nghiêm túc.
(4) Tăng cường kiểm tra an toàn thực phẩm trong dịp hè.
2. Dự thảo Quyết định về giá đất
UBND tỉnh thống nhất thông qua dự thảo.
"""

REPORT = """ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN
BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2024
1. Đầu tư công
Kế hoạch năm 2024 có 5 dự án khởi công mới do tỉnh quản lý, tổng vốn giao 240 tỷ đồng.
Đến nay, có 2 dự án đã khởi công, gồm: (1) Đường ven biển đoạn Tuy An; (2) Trường THPT Lê Lợi.
2. Sản xuất công nghiệp
Tình hình sản xuất công nghiệp ổn định.
Phân theo ngành, ngành khai khoáng tăng 4,1%, công nghiệp chế biến, chế tạo tăng 8,2%, sản xuất và phân phối điện tăng 6,5%.
3. Cụm công nghiệp
Trong 6 tháng, UBND tỉnh đã thành lập CCN Hòa Xuân và CCN An Mỹ (huyện Tuy An), CCN Sơn Thành (huyện Tây Hòa).
"""


@pytest.fixture
def answerer(answerer_on):
    return answerer_on({"tb-phu-yen-t5.txt": NOTICE, "bc-phu-yen-6t.txt": REPORT})


def test_a_count_of_tasks_numbered_after_a_lead(answerer):
    a = answerer.ask("Phiên họp UBND tháng 5/2024 kết luận các sở, ngành cần tập trung thực hiện bao nhiêu nhiệm vụ?")
    assert not a.refused
    assert "4 nhiệm vụ" in a.answer and "(1)–(4)" in a.answer
    assert "(4) Tăng cường kiểm tra an toàn thực phẩm" in a.answer


def test_a_list_that_follows_the_sentence_saying_what_it_lists(answerer):
    a = answerer.ask("Trong 5 dự án khởi công mới năm 2024 do tỉnh quản lý, những dự án nào đã khởi công?")
    assert not a.refused
    assert "2 dự án" in a.answer and "Đường ven biển đoạn Tuy An" in a.answer and "Trường THPT Lê Lợi" in a.answer
    assert "240" not in a.answer


def test_an_abbreviated_noun_is_found_and_counted(answerer):
    a = answerer.ask("6 tháng đầu năm 2024 UBND tỉnh thành lập những cụm công nghiệp nào?")
    assert "Báo cáo nêu 3 cụm công nghiệp: CCN Hòa Xuân; CCN An Mỹ (huyện Tuy An); CCN Sơn Thành (huyện Tây Hòa)." in a.answer


def test_sectors_each_written_with_their_growth(answerer):
    a = answerer.ask("6 tháng đầu năm 2024 những ngành công nghiệp nào được nêu mức tăng?")
    assert "Báo cáo nêu 3 ngành: khai khoáng tăng 4,1%; công nghiệp chế biến, chế tạo tăng 8,2%;" in a.answer


def test_no_list_of_another_province(answerer):
    a = answerer.ask("Năm 2024 tỉnh Gia Lai thành lập những cụm công nghiệp nào?")
    assert "Hòa Xuân" not in a.answer
