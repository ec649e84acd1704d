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


SECTORS = """ỦY BAN NHÂN DÂN TỈNH TRÀ VINH
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
1. Công nghiệp
Chỉ số sản xuất công nghiệp 9 tháng ước tăng 7,4% so với cùng kỳ. Trong đó ngành khai khoáng tăng 3,2%, công nghiệp chế biến, chế tạo tăng 8,6%, sản xuất và phân phối điện giảm 1,5%.
2. Sản phẩm chủ yếu
Sản phẩm giảm so với cùng kỳ: đường kính giảm 4,2%; thức ăn gia súc giảm 12,8%; gạch xây giảm 0,9%.
3. Thu ngân sách theo địa bàn
Một số huyện thu ngân sách khá, như: Càng Long 310 tỷ đồng, Tiểu Cần 280 tỷ đồng, …
"""


@pytest.fixture
def sectors(answerer_on):
    return answerer_on({"tra-vinh-9t.txt": SECTORS})


def test_the_highest_of_a_closed_enumeration_is_computed(sectors):
    a = sectors.ask("9 tháng năm 2024 ngành công nghiệp nào tăng cao nhất?")
    assert a.mode == "computed" and not a.refused
    assert "cao nhất là: công nghiệp chế biến, chế tạo tăng 8,6%" in a.answer


def test_the_largest_fall_is_the_lowest_change(sectors):
    a = sectors.ask("9 tháng năm 2024 sản phẩm nào giảm nhiều nhất?")
    assert "giảm nhiều nhất là: thức ăn gia súc giảm 12,8%" in a.answer


def test_no_highest_from_a_list_of_examples(sectors):
    a = sectors.ask("9 tháng năm 2024 huyện nào thu ngân sách cao nhất?")
    assert a.refused
    assert "không nêu đủ số liệu của mọi huyện" in a.answer
    assert "cao nhất là" not in a.answer
