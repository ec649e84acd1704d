"""Checks on the sentence a figure question falls back to quoting (issue #10): the quote must
write a figure of the kind asked, and a question ending in "mấy?" asks for a figure."""

import pytest

from assistant.generation.answer import states_asked_unit, wants_figure
from assistant.generation.request import parse_request


def test_question_ending_with_may_and_a_question_mark_asks_a_figure():
    assert wants_figure("Chỉ số hài lòng của tỉnh xếp thứ mấy?")
    assert wants_figure("Chỉ số hài lòng của tỉnh xếp thứ mấy")
    assert not wants_figure("Tỉnh đã làm gì để thu hút đầu tư?")


def test_sentence_without_the_asked_unit_does_not_answer():
    req = parse_request("Năm nay tỉnh đón bao nhiêu lượt khách quốc tế?")
    assert req.unit == "lượt"
    assert not states_asked_unit("Đoàn vận động viên dự 12 giải quốc gia, giành 40 huy chương các loại.", req)
    assert states_asked_unit("Toàn tỉnh đón 20.500 lượt khách quốc tế, tăng 8%.", req)


def test_a_figure_of_money_is_not_a_tonnage():
    req = parse_request("Đến cuối tháng 6 đã bán được bao nhiêu tấn cam?")
    assert not states_asked_unit("Cam được mùa, giá bán tăng 12% so với cùng kỳ.", req)
    assert states_asked_unit("Đã bán được khoảng 3.400 tấn cam, thu về 60 tỷ đồng.", req)


def test_counted_things_and_ratios():
    req = parse_request("Có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao?")
    assert states_asked_unit("Đã có 41/120 xã đạt chuẩn nông thôn mới nâng cao.", req)
    assert not states_asked_unit("Ban hành Quyết định số 12/QĐ-UBND ngày 3/5/2024 về tiêu chí xã nâng cao.", req)


def test_same_count_words_and_money_per_head():
    req = parse_request("Năm qua ghi nhận bao nhiêu ca mắc sốt xuất huyết?")
    assert states_asked_unit("Ghi nhận 1.250 trường hợp mắc sốt xuất huyết.", req)
    req = parse_request("Thu nhập bình quân đạt bao nhiêu triệu đồng?")
    assert states_asked_unit("Thu nhập bình quân đạt 7,2 triệu đồng/người/tháng.", req)


def test_a_noun_that_is_an_asking_word_is_no_constraint():
    req = parse_request("Nước ngoài đầu tư khoảng bao nhiêu vào tỉnh?")
    assert states_asked_unit("Vốn đăng ký đạt 2 tỷ USD.", req)


def test_a_counted_noun_must_follow_a_figure():
    req = parse_request("Trong các công trình thủy lợi có bao nhiêu hồ chứa?")
    assert req.noun == "hồ chứa"
    assert states_asked_unit("Toàn tỉnh có 900 công trình thủy lợi, trong đó 410 hồ chứa.", req)
    assert not states_asked_unit("Toàn tỉnh có 900 công trình thủy lợi, 30 trạm bơm.", req)


def test_a_unit_per_area_is_its_own_unit():
    req = parse_request("Năng suất ngô vụ này đạt bao nhiêu tạ/ha?")
    assert states_asked_unit("Diện tích gieo trồng 2.100 ha; năng suất đạt 48,2 tạ/ha.", req)
    assert not states_asked_unit("Diện tích gieo trồng 2.100 ha, tăng 3%.", req)


def test_a_rank_question_needs_a_place_in_a_ranking():
    req = parse_request("Chỉ số năng lực cạnh tranh của tỉnh năm nay xếp thứ mấy?")
    assert req.role == "rank"
    assert not states_asked_unit("Tổ chức hội nghị phân tích chỉ số năng lực cạnh tranh năm 2023 và giải pháp năm 2024.", req)
    assert states_asked_unit("Chỉ số năng lực cạnh tranh xếp thứ 12/63 tỉnh, thành phố.", req)


def test_years_dates_and_document_numbers_are_no_answer_to_how_many():
    req = parse_request("Mức hỗ trợ cho mỗi hộ là bao nhiêu?")
    assert not states_asked_unit("Theo Nghị quyết số 45/2023/NQ-HĐND ngày 12/7/2023, năm 2024 tiếp tục hỗ trợ các hộ.", req)
    assert states_asked_unit("Năm 2024 mỗi hộ được hỗ trợ 40 triệu.", req)


def test_the_unit_asked_is_said_by_the_figure_unit_not_missing_from_its_indicator():
    from assistant.generation.factpick import FactIndex, choose
    from assistant.types import Fact

    def fact(i, indicator, value, unit, sentence):
        text = f"{value:,}".replace(",", ".")
        return Fact(f"f{i}", "d", f"c{i}", value, text, unit, 1.0, "count", None, "actual",
                    {"label": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}, None, indicator,
                    sentence, 1, sentence.index(text), sentence.index(text) + len(text))
    sent = "Đàn bò 41.200 con; đàn gà 9.800 con."
    index = FactIndex([fact(1, "Đàn bò", 41200, "con", sent), fact(2, "Đàn gà", 9800, "con", sent)], {"d": None})
    req = parse_request("Năm 2023 đàn gà của tỉnh là bao nhiêu con?")
    best, _ = choose(index, req, ["c1", "c2"])
    assert best is not None and best.fact.value == 9800 and best.own_cover == 1.0


def test_a_sum_of_money_asks_for_money():
    assert parse_request("Tổng số tiền phải thi hành án năm nay là bao nhiêu?").unit == "đồng"


def test_the_basis_of_a_growth_is_not_an_indicator_word_and_must_match():
    from assistant.generation.factpick import FactIndex, choose
    from assistant.types import Fact

    sent = "Chỉ số sản xuất công nghiệp tháng 5 tăng 3,2% so với tháng trước và tăng 9,4% so với cùng kỳ."

    def fact(i, text, basis):
        start = sent.index(text)
        return Fact(f"f{i}", "d", "c1", float(text.replace(",", ".")), text, "%", 1.0, "change", basis, "actual",
                    {"label": "tháng 5 năm 2024", "start": "2024-05-01", "end": "2024-05-31"}, None,
                    "Chỉ số sản xuất công nghiệp", sent, 1, start, start + len(text))
    index = FactIndex([fact(1, "9,4", "cùng kỳ"), fact(2, "3,2", "tháng trước")], {"d": None})
    req = parse_request("Chỉ số sản xuất công nghiệp tháng 5/2024 tăng bao nhiêu so với tháng trước?")
    assert req.basis == "tháng trước" and "trước" not in req.terms and req.noun is None
    best, _ = choose(index, req, ["c1"])
    assert best is not None and best.fact.text == "3,2"
    req = parse_request("Chỉ số sản xuất công nghiệp tháng 5/2024 tăng bao nhiêu so với cùng kỳ năm trước?")
    assert req.basis == "cùng kỳ"
    best, _ = choose(index, req, ["c1"])
    assert best is not None and best.fact.text == "9,4"


@pytest.mark.parametrize("question,role", [
    ("Toàn tỉnh hiện có bao nhiêu di tích được xếp hạng?", None),
    ("Năm nay toàn tỉnh có bao nhiêu vị trí lắp đặt trạm phát sóng?", None),
    ("Chỉ số năng lực cạnh tranh xếp hạng thứ mấy?", "rank"),
    ("Chỉ số cải cách hành chính xếp thứ bao nhiêu cả nước?", "rank"),
    ("Tỉnh đứng vị trí thứ mấy về thu hút đầu tư?", "rank"),
])
def test_a_ranking_is_asked_only_by_a_place_in_it(question, role):
    assert parse_request(question).role == role


def test_a_counted_noun_that_is_the_topic_is_not_covered_by_the_unit():
    from assistant.generation.factpick import FactIndex
    from assistant.types import Fact

    sent = "Năm 2022 toàn tỉnh tạo việc làm mới cho 21.000 lao động."
    f = Fact("f1", "d", "c1", 21000, "21.000", "lao động", 1.0, "count", None, "actual",
             {"label": "năm 2022", "start": "2022-01-01", "end": "2022-12-31"}, None, "tạo việc làm mới cho",
             sent, 1, sent.index("21.000"), sent.index("21.000") + 6)
    index = FactIndex([f], {"d": None})
    req = parse_request("Toàn tỉnh có bao nhiêu lao động từ 15 tuổi trở lên đang làm việc?")
    assert index.score(0, req, {}).own_cover < 0.5


def test_per_head_written_with_a_slash_is_per_head():
    from assistant.generation.request import terms_of
    terms = terms_of("Thu nhập/người/tháng")
    assert {"bình", "quân", "đầu", "người"} <= set(terms)
    assert "bình" not in terms_of("Thu nhập của người lao động")


def test_the_country_of_a_ranking_is_its_scope_not_its_place():
    from assistant.generation.factpick import mismatch
    from assistant.types import Fact

    sent = "Chỉ số hài lòng của người dân xếp thứ 21/63 cả nước."
    f = Fact("f1", "d", "c1", 21, "21/63", "rank", 1.0, "rank", None, "actual",
             {"label": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}, "cả nước",
             "Chỉ số hài lòng của người dân", sent, 1, sent.index("21/63"), sent.index("21/63") + 5)
    assert "nơi" not in mismatch(f, parse_request("Chỉ số hài lòng của người dân năm 2023 xếp thứ mấy?"), "Hà Nam")
    assert "nơi" not in mismatch(f, parse_request("Chỉ số hài lòng của Hà Nam năm 2023 xếp thứ mấy?", ["Hà Nam"]), "Hà Nam")
    level = Fact("f2", "d", "c1", 5.1, "5,1", "%", 1.0, "change", None, "actual",
                 {"label": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}, "cả nước",
                 "GDP", "GDP cả nước tăng 5,1%.", 1, 15, 18)
    assert "nơi" in mismatch(level, parse_request("Năm 2023 GDP tăng bao nhiêu?"), "Hà Nam")


def test_a_rate_asked_is_not_answered_by_percentage_points():
    req = parse_request("Tỷ lệ thất nghiệp của tỉnh năm 2023 là bao nhiêu phần trăm?")
    assert not states_asked_unit("Ngành dịch vụ đóng góp 2,4 điểm phần trăm vào tăng trưởng.", req)
    assert states_asked_unit("Tỷ lệ thất nghiệp ở mức 2,1%.", req)


def test_on_the_territory_is_no_indicator_word():
    req = parse_request("Tổng mức bán lẻ hàng hóa trên địa bàn tỉnh đến 31/12/2023 đạt bao nhiêu?")
    assert req.terms == ["mức", "bán", "lẻ", "hàng", "hóa"]
    assert parse_request("Dư nợ trên địa bàn huyện Yên Thành là bao nhiêu?").place == "huyện Yên Thành"


def test_size_of_is_a_level_not_an_indicator_word():
    req = parse_request("Quy mô GRDP 9 tháng năm 2024 theo giá hiện hành là bao nhiêu?")
    assert req.role == "level" and "quy" not in req.terms and "grdp" in req.terms


def test_growth_over_the_month_before_is_the_last_month_of_a_cumulative_report():
    from assistant.generation.factpick import mismatch
    from assistant.types import Fact

    sent = "Ngành khai khoáng trong tháng giảm 4,5% so với tháng trước."
    f = Fact("f1", "d", "c1", -4.5, "4,5", "%", 1.0, "change", "tháng trước", "actual",
             {"label": "7 tháng đầu năm 2024", "start": "2024-01-01", "end": "2024-07-31"}, None,
             "Ngành khai khoáng trong tháng", sent, 1, sent.index("4,5"), sent.index("4,5") + 3)
    assert "kỳ" not in mismatch(f, parse_request("Tháng 7/2024 ngành khai khoáng giảm bao nhiêu so với tháng trước?"), None)
    assert "kỳ" in mismatch(f, parse_request("Tháng 6/2024 ngành khai khoáng giảm bao nhiêu so với tháng trước?"), None)
    same = Fact("f2", "d", "c1", 9.0, "9", "%", 1.0, "change", "cùng kỳ", "actual",
                {"label": "7 tháng đầu năm 2024", "start": "2024-01-01", "end": "2024-07-31"}, None,
                "Ngành khai khoáng", "Ngành khai khoáng 7 tháng tăng 9%.", 1, 27, 28)
    assert "kỳ" in mismatch(same, parse_request("Tháng 7/2024 ngành khai khoáng tăng bao nhiêu?"), None)


def test_a_source_named_after_the_indicator_is_no_indicator_word():
    req = parse_request("Tỷ lệ hộ dùng nước sạch theo dự thảo báo cáo chính trị nhiệm kỳ 2020-2025?")
    assert req.terms == ["tỷ", "lệ", "hộ", "dùng", "nước", "sạch"]
    assert [p.label() for p in req.periods] == ["giai đoạn 2020-2025"]
    req = parse_request("Có bao nhiêu hợp tác xã được thành lập (theo thông báo kết luận)?")
    assert "luận" not in req.terms and "hợp" in req.terms


@pytest.mark.parametrize("question,terms", [
    ("Từ đầu năm 2024 đến nay đã cấp mới bao nhiêu giấy phép xây dựng?", ["cấp", "mới", "giấy", "phép", "xây", "dựng"]),
    ("Tỷ lệ hộ dùng điện lưới hiện nay là bao nhiêu?", ["tỷ", "lệ", "hộ", "dùng", "điện", "lưới"]),
    ("Nghị quyết đặt mục tiêu tỷ lệ đô thị hóa bao nhiêu?", ["nghị", "quyết", "tỷ", "lệ", "đô", "thị", "hóa"]),
    ("Có bao nhiêu camera được lắp đặt?", ["camera", "lắp", "đặt"]),
])
def test_time_adverbs_and_setting_a_target_are_no_indicator_words(question, terms):
    assert parse_request(question).terms == terms


def test_a_target_set_is_still_a_target():
    assert parse_request("Kế hoạch năm 2025 đặt mục tiêu tăng trưởng bao nhiêu?").kind == "target"
