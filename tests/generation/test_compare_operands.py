"""Comparisons of two indicators take operands measured alike (reports written for these tests,
figures invented): a whole is compared with the other whole, an output with the other output."""

import pytest

HEAD = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN PHÚ LƯƠNG                         Độc lập - Tự do - Hạnh phúc
Số: 88/BC-UBND                    Phú Lương, ngày 10 tháng 12 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
"""

BUDGET = HEAD + """1. Tài chính
Tổng thu ngân sách huyện năm 2024 ước đạt 812,4 tỷ đồng, trong đó thu bổ sung từ ngân sách tỉnh 540,2 tỷ đồng.
Tổng chi ngân sách huyện năm 2024 ước thực hiện 790,1 tỷ đồng, đạt 98,2% dự toán, trong đó chi đầu tư phát triển 210,5 tỷ đồng, chi thường xuyên 561,3 tỷ đồng.
"""

POWER = HEAD + """1. Năng lượng
Tổng công suất các nhà máy thủy điện, điện sinh khối đã vận hành trên địa bàn là 410 MW (thủy điện 350 MW, điện sinh khối 60 MW).
Năm 2024, sản lượng điện sản xuất ước đạt 1.500 triệu kWh; trong đó thủy điện 1.200 triệu kWh, điện sinh khối 240 triệu kWh.
"""


def test_a_balance_of_revenue_and_spending_takes_both_totals(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": BUDGET}).ask("Năm 2024 ngân sách huyện Phú Lương thu nhiều hơn chi bao nhiêu?")
    assert not a.refused, a.answer
    assert "22,3" in a.answer and "561,3" not in a.answer


def test_a_ratio_of_two_sources_takes_two_outputs_not_a_total_capacity(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": POWER}).ask("Năm 2024 thủy điện của huyện Phú Lương gấp mấy lần điện sinh khối?")
    assert "410" not in a.answer
    assert a.refused or "gấp 5,83 lần" in a.answer or "gấp 5 lần" in a.answer


PLAN = HEAD + """I. KẾT QUẢ NĂM 2024
Tổng giá trị sản xuất (giá hiện hành) năm 2024 ước đạt 1.950,4 tỷ đồng, tăng 8,1% so với năm 2023.
II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025
1. Tổng giá trị sản xuất (giá hiện hành) đạt 2.120 tỷ đồng (năm 2024 ước đạt 1.950,4 tỷ đồng).
"""


def test_what_a_next_year_target_needs_beyond_this_year(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": PLAN}).ask(
        "Năm 2025 huyện Phú Lương cần tăng tổng giá trị sản xuất thêm bao nhiêu so với năm 2024?")
    assert not a.refused, a.answer
    assert "169,6" in a.answer and "2.120" in a.answer and "1.950,4" in a.answer


def test_each_computed_difference_shows_its_operands(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": BUDGET}).ask("Năm 2024 ngân sách huyện Phú Lương thu nhiều hơn chi bao nhiêu?")
    assert "812,4 tỷ đồng − 790,1 tỷ đồng" in a.answer


CAPITAL = HEAD + """1. Đầu tư công
Kế hoạch vốn đầu tư công năm 2024 của ngành giáo dục là 95,6 tỷ đồng, đến ngày 30/9/2024 giải ngân được 41,2 tỷ đồng, đạt 43,1%.
"""


def test_money_named_before_how_much_is_left_is_split_into_plan_and_done():
    from assistant.generation.remaining import split_remaining

    left = split_remaining("Vốn đầu tư công ngành giáo dục năm 2024 còn bao nhiêu chưa giải ngân tính đến 30/9?")
    assert left is not None and left.verb == "giải ngân"
    assert "30/9/2024" in left.done and "năm 2024" in left.plan


def test_what_is_left_of_a_plan_takes_the_figure_done_right_after_it(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": CAPITAL}).ask(
        "Vốn đầu tư công ngành giáo dục huyện Phú Lương năm 2024 còn bao nhiêu chưa giải ngân tính đến 30/9?")
    assert not a.refused, a.answer
    assert "54,4" in a.answer and "95,6" in a.answer and "41,2" in a.answer


STAFF = HEAD + """1. Giáo dục
Trong năm 2024, ngành giáo dục huyện tuyển dụng mới 35 giáo viên, trong đó 20 giáo viên về công tác tại các xã vùng khó khăn; đồng thời có 12 giáo viên nghỉ hưu, chuyển công tác ra ngoài huyện.
"""


def test_a_difference_asked_in_persons_compares_two_counts_of_their_own_noun(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": STAFF}).ask(
        "Năm 2024 ngành giáo dục huyện Phú Lương tuyển mới nhiều hơn số giáo viên nghỉ hưu bao nhiêu người?")
    assert not a.refused, a.answer
    assert "23" in a.answer and "35" in a.answer and "12" in a.answer


@pytest.mark.parametrize("question", ["Năm 2024 huyện tuyển mới bao nhiêu giáo viên?",
                                      "Số giáo sư được công nhận năm 2023 là bao nhiêu?"])
def test_a_teacher_is_no_plan_given(question):
    from assistant.generation.request import parse_request

    assert parse_request(question, []).kind is None


INCOME = HEAD + """1. Đời sống
Thu nhập bình quân đầu người năm 2024 ước đạt 52,4 triệu đồng/người/năm, tăng 3,1 triệu đồng so với năm 2023, vượt kế hoạch (51 triệu đồng/người/năm), nhưng vẫn thấp hơn mức bình quân của tỉnh Thái Nguyên (70,2 triệu đồng/người/năm).
"""


def test_a_district_against_its_province_reads_the_provinces_figure_in_the_bracket(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": INCOME}).ask(
        "Thu nhập bình quân đầu người huyện Phú Lương năm 2024 thấp hơn bình quân tỉnh Thái Nguyên bao nhiêu?")
    assert not a.refused, a.answer
    assert "17,8" in a.answer and "70,2" in a.answer and "52,4" in a.answer


REFUND = HEAD + """2. Hoàn thuế
Năm 2024, Chi cục Thuế đã ban hành 120 quyết định hoàn thuế với tổng số tiền 830,4 tỷ đồng. Trong đó, hoàn trước kiểm sau 101 hồ sơ với số tiền 640,2 tỷ đồng; kiểm tra trước hoàn sau 19 hồ sơ với số tiền 190,2 tỷ đồng.
"""


def test_two_procedures_compared_in_money_take_their_amounts_not_their_counts(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": REFUND}).ask(
        "Hoàn trước kiểm sau nhiều hơn kiểm tra trước hoàn sau bao nhiêu tỷ đồng?")
    assert not a.refused, a.answer
    assert "450" in a.answer and "640,2" in a.answer and "190,2" in a.answer


TAX = HEAD + """1. Thu ngân sách
Tổng thu ngân sách nhà nước trên địa bàn huyện năm 2024 đạt 1.250 tỷ đồng, bằng 125% dự toán pháp lệnh (1.000 tỷ đồng), bằng 104,2% dự toán phấn đấu Hội đồng nhân dân huyện giao (1.200 tỷ đồng), tăng 9,5% so với năm 2023.
"""


@pytest.mark.parametrize("which, plan, excess", [("pháp lệnh", "1.000", "250"), ("phấn đấu", "1.200", "50")])
def test_a_result_over_the_plan_named_by_its_own_name(answerer_on, which, plan, excess):
    a = answerer_on({"phu-luong-2024.txt": TAX}).ask(
        f"Tổng thu ngân sách nhà nước năm 2024 của huyện Phú Lương vượt dự toán {which} bao nhiêu tỷ đồng?")
    assert not a.refused, a.answer
    assert f"**{excess} tỷ đồng**" in a.answer and plan in a.answer


def test_a_result_over_a_plan_not_named_among_several_is_not_computed(answerer_on):
    a = answerer_on({"phu-luong-2024.txt": TAX}).ask(
        "Tổng thu ngân sách nhà nước năm 2024 của huyện Phú Lương vượt dự toán bao nhiêu tỷ đồng?")
    assert "**250 tỷ đồng**" not in a.answer and "**50 tỷ đồng**" not in a.answer
