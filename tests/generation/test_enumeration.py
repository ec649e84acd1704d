"""A list answer quotes the footnote that names the items its sentence only counts."""

from assistant.generation.answer import enumeration_note

NOTES = ("[Chú thích 7] Số liệu sơ bộ của Sở Tài chính.",
         "[Chú thích 8] Bao gồm: Cầu Phú Lương; đường vành đai phía Tây; nút giao Liêm Tuyền.")


def test_the_footnote_with_as_many_items_as_announced():
    note = enumeration_note("Trong năm đã khởi công 03 dự án giao thông trọng điểm.", NOTES)
    assert note is not None and note.startswith("Cầu Phú Lương") and "nút giao Liêm Tuyền" in note


def test_no_footnote_when_counts_differ_or_items_are_in_the_sentence():
    assert enumeration_note("Trong năm đã khởi công 05 dự án giao thông trọng điểm.", NOTES) is None
    assert enumeration_note("Khởi công 03 dự án: cầu A, cầu B, đường C.", NOTES) is None
    assert enumeration_note("Công tác giải phóng mặt bằng được đẩy nhanh.", NOTES) is None


def test_a_last_pair_joined_by_and_counts_as_two_items():
    notes = ("[Chú thích 3] Bao gồm: Cầu Phú Lương; đường vành đai phía Tây và nút giao Liêm Tuyền.",)
    assert enumeration_note("Năm 2024 khởi công 03 dự án giao thông.", notes) is not None


def test_an_enumeration_cut_at_a_semicolon_runs_on_to_its_full_stop():
    from assistant.generation.answer import _continuation
    from assistant.types import Chunk
    text = "Tỉnh ký kết hợp tác với 02 địa phương: Tỉnh A (Lào); Tỉnh B (Hàn Quốc). Công tác khác."
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None, text, ())
    assert _continuation("Tỉnh ký kết hợp tác với 02 địa phương: Tỉnh A (Lào);", chunk) == " Tỉnh B (Hàn Quốc)."


def test_numbered_items_are_counted_by_their_numbers():
    notes = ("[Chú thích 9] (1) Du lịch văn hóa, lễ hội, (2) du lịch sinh thái - nghỉ dưỡng, (3) du lịch cộng đồng.",)
    assert enumeration_note("Tiếp tục phát triển 03 sản phẩm du lịch chính.", notes) is not None
    assert enumeration_note("Tiếp tục phát triển 04 sản phẩm du lịch chính.", notes) is None


def test_of_two_listing_notes_the_one_the_question_names():
    notes = ("[Chú thích 12] 02 công trình: cầu Bình Minh; cầu Tân An.",
             "[Chú thích 13] 03 công trình thủy lợi: kênh Ba Rinh; cống Tầm Phương; đập Hòa Lạc.")
    sent = "Năm 2023 chậm tiến độ 02 công trình giao thông và 03 công trình thủy lợi."
    assert enumeration_note(sent, notes, "Những công trình thủy lợi nào chậm tiến độ?").startswith("03 công trình thủy lợi")
    assert enumeration_note(sent, notes, "Những công trình nào chậm tiến độ năm 2023?").startswith("02 công trình")
    assert enumeration_note(sent, notes).startswith("02 công trình")
