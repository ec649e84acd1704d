"""Names asked without "những/các" ("Sản phẩm nào …?", "… đến từ đâu?") are answered by a closed
list code counted, not by a count (a report written for this test, names and figures invented)."""

import pytest

REPORT = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
1. Sản xuất công nghiệp
Chỉ số sản xuất công nghiệp năm 2023 tăng 6,2% so với năm 2022.
Trong 8 sản phẩm chủ yếu, có 5 sản phẩm đạt và vượt kế hoạch; 3 sản phẩm không đạt kế hoạch là điện thương phẩm, đá xây dựng và chè búp khô.
2. Thu hút đầu tư
Năm 2023 thu hút 4 dự án FDI với tổng vốn đăng ký 120 triệu USD. Nhà đầu tư nước ngoài đến từ Nhật Bản, Thái Lan và Hồng Kông (Trung Quốc).
"""


@pytest.fixture
def answerer(answerer_on):
    return answerer_on({"bc-lai-chau-2023.txt": REPORT})


def test_which_products_missed_the_plan_are_named(answerer):
    a = answerer.ask("Sản phẩm chủ yếu nào của Lai Châu không đạt kế hoạch năm 2023?")
    assert not a.refused
    assert "Báo cáo nêu 3 sản phẩm: điện thương phẩm; đá xây dựng; chè búp khô." in a.answer


def test_where_investors_come_from_is_named(answerer):
    a = answerer.ask("Nhà đầu tư nước ngoài vào Lai Châu năm 2023 đến từ đâu?")
    assert not a.refused
    assert "Báo cáo nêu 3 nơi: Nhật Bản; Thái Lan; Hồng Kông (Trung Quốc)." in a.answer


LISTS = """ỦY BAN NHÂN DÂN TỈNH KON TUM
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
1. Du lịch
Tổng lượt khách năm 2023 ước đạt 1,2 triệu lượt. Các điểm đến hút khách gồm Ngục Kon Tum, Măng Đen, nhà thờ gỗ Kon Tum và làng Kon K'tu.
2. Xuất khẩu
Kim ngạch xuất khẩu năm 2023 ước đạt 210 triệu USD. Đối tác nhập khẩu chính là Lào, Campuchia, Ấn Độ và Úc; một số doanh nghiệp cà phê đã xuất khẩu sang EU.
"""


@pytest.fixture
def lister(answerer_on):
    return answerer_on({"bc-kon-tum-2023.txt": LISTS})


def test_a_bare_list_question_is_answered_by_the_list(lister):
    a = lister.ask("Các điểm đến hút khách của Kon Tum năm 2023?")
    assert "Báo cáo nêu 4 điểm đến: Ngục Kon Tum; Măng Đen; nhà thờ gỗ Kon Tum; làng Kon K'tu." in a.answer


def test_members_of_the_subject_asked_as_other_things(lister):
    a = lister.ask("Đối tác nhập khẩu chính của Kon Tum năm 2023 là những nước nào?")
    assert "Báo cáo nêu 4 đối tác: Lào; Campuchia; Ấn Độ; Úc." in a.answer
