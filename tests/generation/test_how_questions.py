"""A question of how or why that names no figure is not answered by one figure of a sentence
(a report written for the test)."""

from assistant.generation.answer import asks_how

REPORT = """ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
1. Văn hóa, thể thao
Lĩnh vực văn hóa, thể thao tiếp tục phát triển với 18 huy chương tại các giải quốc gia; phong trào rèn luyện thân thể được duy trì ở các xã.
"""


def test_how_and_why_questions_are_told_from_figure_questions():
    assert asks_how("Lĩnh vực văn hóa phát triển ra sao?")
    assert asks_how("Vì sao thu ngân sách giảm?")
    assert not asks_how("Thu ngân sách tăng bao nhiêu so với cùng kỳ?")
    assert not asks_how("Tỷ lệ hộ nghèo giảm như thế nào, còn bao nhiêu %?")


def test_a_how_question_is_not_answered_with_one_figure(answerer_on):
    answerer = answerer_on({"hau-giang-2024.txt": REPORT}, k=4)
    a = answerer.ask("Lĩnh vực văn hóa, thể thao năm 2024 phát triển ra sao?")
    assert a.mode != "facts", a.answer
    a = answerer.ask("Năm 2024 tỉnh đạt bao nhiêu huy chương tại các giải quốc gia?")
    assert not a.refused and "18" in a.answer, (a.mode, a.answer)


def test_a_quoted_sentence_names_the_report_by_its_title_not_its_first_line(answerer_on):
    answerer = answerer_on({"hau-giang-2024.txt": REPORT}, k=4)
    a = answerer.ask("Năm 2024 tỉnh đạt bao nhiêu huy chương tại các giải quốc gia?")
    assert not a.refused and "18" in a.answer, a.answer
    assert a.mode == "extractive" and a.answer.startswith("Theo Báo cáo Tình hình kinh tế - xã hội năm 2024"), a.answer


def test_how_an_indicator_changed_against_a_basis_asks_its_change():
    assert not asks_how("Chỉ số giá tiêu dùng quý II/2024 thay đổi thế nào so với cùng kỳ?")
    assert not asks_how("Doanh thu du lịch 9 tháng biến động ra sao so với năm 2023?")
    # how it changed, no basis named; or why
    assert asks_how("Cơ cấu kinh tế thay đổi thế nào?")
    assert asks_how("Vì sao chỉ số giá thay đổi thế nào so với cùng kỳ?")
