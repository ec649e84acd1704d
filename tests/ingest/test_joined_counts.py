"""Counts joined by "và" or "," each name the noun after their own figure (session 12): a
second count had taken the words of the first ("ô tô và xe mô tô" for the motorbikes), and a
figure of no unit followed by its noun had no indicator at all. Sentences written for these tests."""

from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one


def test_second_count_takes_its_own_noun():
    facts = facts_of("Năm 2024 đăng ký mới 6.842 xe ô tô và 48.265 xe mô tô, xe máy.", YEAR)
    assert one(facts, "6.842").indicator == "xe ô tô"
    assert one(facts, "48.265").indicator == "xe mô tô"


def test_figures_of_no_unit_count_their_noun_and_keep_their_verbs():
    facts = facts_of("Năm 2024 cấp mới 38.650 giấy phép lái xe (GPLX) và cấp đổi 21.480 GPLX.", YEAR)
    assert one(facts, "38.650").indicator == "cấp mới giấy phép lái xe (GPLX)"
    assert one(facts, "21.480").indicator == "cấp đổi giấy phép lái xe (GPLX)"


def test_first_count_stops_at_the_join():
    facts = facts_of("Năm 2024 đã tiếp nhận 1.200 hồ sơ và trả kết quả 1.150 hồ sơ.", YEAR)
    assert one(facts, "1.200").indicator == "tiếp nhận hồ sơ"
    assert one(facts, "1.150").indicator == "trả kết quả"


def test_visitors_keep_the_words_after_their_unit():
    facts = facts_of("Năm 2024 đón 2.100 lượt khách quốc tế và 15.400 lượt khách nội địa.", YEAR)
    assert one(facts, "2.100").indicator == "đón lượt khách quốc tế"
    assert one(facts, "15.400").indicator == "đón lượt khách nội địa"


def test_a_chain_keeps_the_verb_of_its_first_count():
    facts = facts_of("Đến hết ngày 30/6/2024, UBND tỉnh đã ban hành 07 Chỉ thị, 1056 Quyết định, 110 Kế hoạch.", YEAR)
    assert one(facts, "110").indicator == "UBND tỉnh đã ban hành Kế hoạch"


def test_a_bare_people_count_keeps_its_verb():
    facts = facts_of("Xảy ra 17 vụ tai nạn giao thông, làm chết 11 người, bị thương 9 người.", YEAR)
    assert one(facts, "9").indicator == "bị thương"


def test_the_same_things_under_a_new_verb_and_a_verb_that_is_not_the_joins():
    facts = facts_of("Đến hết năm 2022 có thêm 09 xã đạt chuẩn NTM, thêm 18 xã đạt chuẩn xã NTM nâng cao, "
                     "lũy kế toàn tỉnh có 41 xã, có 01 xã đạt chuẩn NTM kiểu mẫu.", YEAR)
    assert one(facts, "41").indicator == "lũy kế toàn tỉnh có xã đạt chuẩn xã NTM nâng cao"
    assert one(facts, "01").indicator == "xã đạt chuẩn NTM kiểu mẫu"
    facts = facts_of("Năm 2025, trong 22 chỉ tiêu chủ yếu, ước có 17 chỉ tiêu đạt và vượt, 5 chỉ tiêu không đạt kế hoạch.", YEAR)
    assert one(facts, "17").indicator == "chỉ tiêu đạt và vượt"  # "và" inside a name is no join
    assert one(facts, "5").indicator == "chỉ tiêu không đạt kế hoạch"


def test_a_dash_item_after_a_numbered_heading_is_its_body_not_its_second_line():
    from assistant.ingest.clean import to_paragraphs

    paras = to_paragraphs(["1. Chỉ tiêu chủ yếu", "", "- Khối lượng hàng hóa vận chuyển đạt 74.000 nghìn tấn;",
                           "- Thu hút vốn FDI đăng ký 250 triệu USD;"])
    assert paras[0] == "1. Chỉ tiêu chủ yếu"
    assert to_paragraphs(["2. Quản lý phương tiện và", "người lái"]) == ["2. Quản lý phương tiện và người lái"]


def test_an_amount_with_nothing_after_it_is_named_by_the_verb_and_object_before_it():
    facts = facts_of("- Thu hút vốn FDI đăng ký 250 triệu USD;", YEAR)
    assert one(facts, "250").indicator == "Thu hút vốn FDI đăng ký"


HALF = """BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ
Số: 12/BC-BHXH
Cần Thơ, ngày 05 tháng 7 năm 2025
BÁO CÁO
Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2025
"""


def test_a_statement_opening_on_the_same_period_of_a_year_is_of_that_period():
    facts = facts_of("Cùng kỳ năm 2024: số người tham gia BHXH bắt buộc 2.147.530 người; BHXH tự nguyện 149.594 người; "
                     "BHYT 7.862.108 người.", HALF)
    for text in ("2.147.530", "149.594", "7.862.108"):
        assert one(facts, text).period["label"] == "6 tháng đầu năm 2024", text
    changed = facts_of("Số người tham gia tăng 4,6% so với cùng kỳ năm 2024.", HALF)
    assert one(changed, "4,6").period["label"] == "6 tháng đầu năm 2025" and one(changed, "4,6").basis == "cùng kỳ"


YEAR24 = """ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 402/BC-UBND
Hà Tĩnh, ngày 12 tháng 12 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
"""


def test_a_basis_opening_a_sentence_holds_for_its_changes_and_names_them_by_the_counts_before():
    facts = facts_of("Năm 2024 xảy ra 142 vụ tai nạn giao thông, làm chết 118 người, bị thương 64 người. So với năm 2023, "
                     "giảm 17 vụ (giảm 10,7%), giảm 9 người chết (giảm 7,1%), giảm 12 người bị thương (giảm 15,8%).", YEAR24)
    for text, indicator in (("17", "vụ tai nạn giao thông"), ("10,7", "vụ tai nạn giao thông"), ("9", "làm chết"),
                            ("7,1", "làm chết"), ("12", "bị thương"), ("15,8", "bị thương")):
        f = one(facts, text)
        assert (f.indicator, f.basis, f.period["label"]) == (indicator, "năm 2023", "năm 2024"), text


def test_a_plan_in_a_bracket_keeps_the_indicator_of_its_result():
    facts = facts_of("GRDP bình quân đầu người đạt 112,4 triệu đồng (kế hoạch 115 triệu đồng), tương đương khoảng 4.450 USD.", YEAR)
    assert one(facts, "115").indicator == "GRDP bình quân đầu người" and one(facts, "115").kind == "target"


def test_average_income_of_a_year_in_a_term_review_is_that_years():
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.profile import profile_dict
    from assistant.types import Chunk

    head = ("UBND TỈNH CAO BẰNG\nBAN DÂN TỘC\nSố: 5/BC-BDT\nCao Bằng, ngày 10 tháng 1 năm 2025\nBÁO CÁO\n"
            "Đánh giá giữa kỳ Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025\n")
    chunk = Chunk("d:0", "d", "t", "x.txt", "II. KẾT QUẢ GIAI ĐOẠN 2022 - 2024 > 4. Mục tiêu chủ yếu", None,
                  "Thu nhập bình quân của người dân tộc thiểu số năm 2024 đạt 30,4 triệu đồng/người/năm, "
                  "gấp 1,6 lần năm 2021.", ())
    facts = extract_facts([chunk], profile_dict("d", head, {"source_file": "x.txt"}))
    assert one(facts, "30,4").period["label"] == "năm 2024"  # "thu nhập bình quân" is no average over the term
