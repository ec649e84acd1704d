"""A reference figure in a bracket after a comparison (sentences written for this test)."""

from assistant.ingest.profile import profile_dict

from tests.ingest.test_facts import facts_of, one

DISTRICT = """ỦY BAN NHÂN DÂN HUYỆN ĐỒNG HỶ
Số: 301/BC-UBND
Đồng Hỷ, ngày 12 tháng 12 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
"""


def test_a_per_head_level_of_the_province_in_a_bracket_is_that_indicator_there():
    prof = profile_dict("d", DISTRICT, {"source_file": "x.txt"})
    facts = facts_of("Thu nhập bình quân đầu người năm 2024 ước đạt 55,1 triệu đồng/người/năm, tăng 2,9 triệu đồng "
                     "so với năm 2023, nhưng vẫn thấp hơn mức bình quân của tỉnh Thái Nguyên (71,6 triệu đồng/người/năm).",
                     profile=prof)
    ref = one(facts, "71,6")
    assert ref.role == "level" and ref.place == "Thái Nguyên"
    assert ref.indicator == "Thu nhập bình quân đầu người"


def test_a_count_out_of_another_in_a_bracket_is_still_no_level():
    facts = facts_of("Tỷ lệ xã đạt chuẩn nông thôn mới đạt 82%, cao hơn bình quân chung (470/491 xã).")
    assert all(f.text != "470" or f.role != "level" or f.indicator != "Tỷ lệ xã đạt chuẩn nông thôn mới" for f in facts)


def test_an_amount_written_after_a_count_with_a_money_word_is_the_amount_of_what_was_counted():
    facts = facts_of("Trong đó, hoàn trước kiểm sau 101 hồ sơ với số tiền 640,2 tỷ đồng; "
                     "kiểm tra trước hoàn sau 19 hồ sơ với số tiền 190,2 tỷ đồng.")
    assert one(facts, "640,2").indicator.startswith("hoàn trước kiểm sau")
    assert one(facts, "190,2").indicator.startswith("kiểm tra trước hoàn sau")
