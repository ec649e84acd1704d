"""Two-part questions ("đạt bao nhiêu, bằng bao nhiêu % dự toán?") and money asked by its noun
("bao nhiêu vốn"), on a report written for the test."""

from assistant.generation.request import MONEY, parse_request
from assistant.generation.twopart import split_parts

REPORT = """ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
3. Tài chính
Tổng thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt 4.318,6 tỷ đồng, bằng 72,4% dự toán năm, tăng 6,9% so với cùng kỳ.
Tổng chi ngân sách địa phương 9 tháng đạt 7.905,2 tỷ đồng, bằng 61,3% dự toán.
4. Đầu tư
Khu công nghiệp Tân Phú Thạnh thu hút mới 4 dự án với tổng vốn đăng ký 1.530 tỷ đồng.
"""


def test_a_two_part_question_becomes_two_whole_questions():
    assert split_parts("Tổng thu NSNN 9 tháng đạt bao nhiêu, bằng bao nhiêu % dự toán?") == (
        "Tổng thu NSNN 9 tháng đạt bao nhiêu?", "Tổng thu NSNN 9 tháng bằng bao nhiêu % dự toán?")
    first, second = split_parts("Sản lượng lúa đạt bao nhiêu tấn trong năm 2023 và tăng bao nhiêu % so với năm 2022?")
    assert first == "Sản lượng lúa đạt bao nhiêu tấn trong năm 2023?"
    assert second.startswith("Sản lượng lúa tăng bao nhiêu % so với năm 2022") and "năm 2023" in second
    # one predicate, two things counted
    assert split_parts("Khu công nghiệp A thu hút bao nhiêu dự án và bao nhiêu vốn năm 2024?") == (
        "Khu công nghiệp A thu hút bao nhiêu dự án năm 2024?", "Khu công nghiệp A thu hút bao nhiêu vốn năm 2024?")


def test_single_questions_and_comparisons_are_not_split():
    assert split_parts("Tổng thu NSNN 9 tháng đạt bao nhiêu?") is None
    assert split_parts("Thu NSNN năm 2024 cao hơn năm 2023 bao nhiêu, bằng bao nhiêu %?") is None
    assert split_parts("Đạt bao nhiêu, tăng bao nhiêu?") is None


def test_money_asked_by_its_noun_takes_any_currency():
    assert parse_request("Khu kinh tế thu hút thêm bao nhiêu vốn đăng ký?").unit == MONEY
    assert parse_request("Cần bao nhiêu kinh phí để hoàn thành?").unit == MONEY
    assert parse_request("Có bao nhiêu dự án?").unit == "dự án"


def test_each_part_is_answered_by_its_own_cited_fact(answerer_on):
    answerer = answerer_on({"hau-giang-9t-2024.txt": REPORT})
    a = answerer.ask("Tổng thu ngân sách nhà nước 9 tháng năm 2024 đạt bao nhiêu, bằng bao nhiêu % dự toán?")
    assert a.mode == "facts" and not a.refused, a.answer
    assert [f["text"] for f in a.facts] == ["4.318,6", "72,4"]
    assert "**4.318,6 tỷ đồng**" in a.answer and "**72,4%**" in a.answer and "[1]" in a.answer
    a = answerer.ask("Tổng thu ngân sách nhà nước 9 tháng năm 2024 đạt bao nhiêu, tăng bao nhiêu % so với cùng kỳ?")
    assert [f["text"] for f in a.facts] == ["4.318,6", "6,9"], a.answer


def test_a_part_the_report_lacks_is_refused_by_name(answerer_on):
    answerer = answerer_on({"hau-giang-9t-2024.txt": REPORT})
    a = answerer.ask("Tổng chi ngân sách địa phương 9 tháng năm 2024 đạt bao nhiêu, tăng bao nhiêu % so với cùng kỳ?")
    assert not a.refused and [f["text"] for f in a.facts] == ["7.905,2"], a.answer
    assert "không nêu" in a.answer.split("\n")[-1] and "tăng bao nhiêu %" in a.answer.split("\n")[-1]


def test_registered_capital_asked_as_vốn_is_the_money_figure(answerer_on):
    answerer = answerer_on({"hau-giang-9t-2024.txt": REPORT})
    a = answerer.ask("Khu công nghiệp Tân Phú Thạnh thu hút bao nhiêu vốn đăng ký trong 9 tháng năm 2024?")
    assert not a.refused and "1.530 tỷ đồng" in a.answer.split("\n")[0], a.answer


CONTRIBUTION = """ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
BÁO CÁO
Tình hình kinh tế - xã hội quý I năm 2024
1. Kết quả các ngành
a) Ngành thương mại phục hồi nhanh, là động lực chính: tăng 11,8%, cao hơn 2,1 điểm % so với cùng kỳ; đóng góp 3,27 điểm % vào mức tăng chung và chiếm tỷ trọng 28,4% trong GRDP.
2. Tín dụng
Tăng trưởng tín dụng đạt 3,2% so với cuối năm trước.
"""


def test_contribution_to_growth_is_asked_in_the_words_of_grdp_growth(answerer_on):
    answerer = answerer_on({"hau-giang-q1-2024.txt": CONTRIBUTION})
    a = answerer.ask("Ngành thương mại đóng góp bao nhiêu điểm % vào tăng trưởng GRDP quý I/2024?")
    assert not a.refused and "3,27 điểm %" in a.answer.split("\n")[0], a.answer


SCOPED = """ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
4. Đầu tư
Lũy kế đến nay trong các khu công nghiệp thu hút 386 dự án còn hiệu lực (gồm 250 dự án FDI và 136 dự án trong nước).
"""


def test_a_count_within_a_set_of_zones_answers_when_they_are_named(answerer_on):
    answerer = answerer_on({"hau-giang-2024.txt": SCOPED})
    a = answerer.ask("Lũy kế trong các khu công nghiệp có bao nhiêu dự án còn hiệu lực?")
    assert not a.refused and "386 dự án" in a.answer.split("\n")[0], a.answer


def test_a_figure_over_a_set_of_zones_is_narrower_than_the_province():
    from assistant.generation.factpick import narrower
    ind = "thu hút dự án còn hiệu lực trong các khu công nghiệp"
    assert narrower(ind, parse_request("Toàn tỉnh có bao nhiêu dự án còn hiệu lực?"))
    assert not narrower(ind, parse_request("Trong các khu công nghiệp có bao nhiêu dự án còn hiệu lực?"))
    assert not narrower("lao động trong độ tuổi", parse_request("Có bao nhiêu lao động?"))
