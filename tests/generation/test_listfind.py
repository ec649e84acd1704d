"""The enumeration search over a document's chunks (chunks written for the test): footnotes that
name the items of the sentence referring to them, numbered items through a section's chunks."""

from assistant.generation import listfind, listing
from assistant.generation.select import TermWeights
from assistant.types import Chunk

DOC = {"d": {"title": "Dự thảo Báo cáo chính trị tỉnh Hà Giang", "place": "Hà Giang"}}


def _chunk(n, text, section="", footnotes=()):
    return Chunk(f"d:{n:04d}", "d", "t", "x.txt", section, None, text, tuple(footnotes))


def _find(question, noun, chunks, phrase=None):
    weights = TermWeights([c.full_text for c in chunks])
    return listfind.find(question, noun, {"d": chunks}, ["d"], set(), weights, DOC, None, question, phrase)


def test_a_footnote_names_the_items_of_the_clause_that_refers_to_it():
    chunks = [_chunk(0, "II. HẠN CHẾ\nĐến năm 2025, dự kiến không hoàn thành 02 chỉ tiêu của Nghị quyết Đại hội5 "
                       "và 03 chỉ tiêu thành phần của Nghị quyết Đại hội6. Kinh tế tăng trưởng chưa bền vững.",
                     footnotes=("[Chú thích 5] 02 chỉ tiêu: tỷ lệ đô thị hóa; thu ngân sách bình quân/năm.",
                                ("[Chú thích 6] 03 chỉ tiêu thành phần: tuổi thọ trung bình; tỷ lệ hộ dùng nước sạch; "
                                 "tỷ lệ thôn văn hóa.")))]
    q = "Những chỉ tiêu nào của Nghị quyết Đại hội dự kiến không hoàn thành?"
    found = _find(q, listing.asked_noun(q), chunks, listing.asked_phrase(q))
    assert found is not None and found.items == ["tỷ lệ đô thị hóa", "thu ngân sách bình quân/năm"]
    q = "Những chỉ tiêu thành phần nào dự kiến không hoàn thành?"
    found = _find(q, listing.asked_noun(q), chunks, listing.asked_phrase(q))
    assert found is not None and len(found.items) == 3 and found.items[0] == "tuổi thọ trung bình"


def test_numbered_items_are_counted_through_the_chunks_of_their_section():
    head = "Điều 2. Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh thực hiện các nhiệm vụ, giải pháp sau:"
    chunks = [_chunk(0, head, "Điều 2. Hội đồng nhân dân tỉnh đề nghị"),
              _chunk(1, "1. Tập trung cải thiện môi trường đầu tư. Căn cứ kế hoạch 5 năm để xây dựng kế hoạch 2026.",
                     "Điều 2. Hội đồng nhân dân tỉnh đề nghị > 1. Tập trung"),
              # overlaps the chunk before, as chunks do
              _chunk(2, "Căn cứ kế hoạch 5 năm để xây dựng kế hoạch 2026.\n2. Đẩy mạnh giải ngân vốn đầu tư công.",
                     "Điều 2. Hội đồng nhân dân tỉnh đề nghị > 2. Đẩy mạnh"),
              _chunk(3, "3. Bảo đảm an sinh xã hội.", "Điều 2. Hội đồng nhân dân tỉnh đề nghị > 3. Bảo đảm"),
              _chunk(4, "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện. 4. Nội dung khác.", "Điều 3. Giao")]
    q = "Điều 2 của Nghị quyết nêu bao nhiêu nhiệm vụ, giải pháp?"
    found = _find(q, listing.counted_noun(q), chunks)
    assert found is not None and found.how == "section"
    assert found.markers == ["1.", "2.", "3."] and found.last.chunk_id == "d:0003"
    text, n = listfind.answer_text(found, "nhiệm vụ", "Nghị quyết")
    assert text.startswith("Báo cáo nêu 3 nhiệm vụ (đếm các mục được đánh số 1.–3. sau câu dẫn)") and n == 2


def test_items_numbered_out_of_sequence_stop_the_count():
    assert [m for m, _, _ in listing.numbered_items(" (1) Một việc. (2) Việc hai. (4) Việc bốn.")] == ["(1)", "(2)"]
    assert listing.numbered_items(" Nội dung chung. (1) Việc một. (2) Việc hai.") == []


def test_lines_with_a_dash_after_a_lead_are_counted():
    sec = "III. Giải pháp 6 tháng cuối năm"
    chunks = [_chunk(0, "Để hoàn thành kế hoạch năm, UBND tỉnh đề ra các giải pháp trọng tâm sau:\n"
                       "- Đẩy nhanh giải ngân vốn đầu tư công. Giao Sở Tài chính theo dõi.\n"
                       "- Tháo gỡ khó khăn cho doanh nghiệp.\n- Bảo đảm an sinh xã hội.\n"
                       "Ngoài ra, các huyện chủ động triển khai nhiệm vụ được giao.", sec)]
    q = "UBND tỉnh đề ra bao nhiêu giải pháp trọng tâm để hoàn thành kế hoạch năm?"
    found = _find(q, listing.counted_noun(q), chunks)
    assert found is not None and found.how == "section" and len(found.items) == 3
    assert found.items[2] == "Bảo đảm an sinh xã hội."
    text, _ = listfind.answer_text(found, "giải pháp", "Báo cáo")
    assert text.startswith("Báo cáo nêu 3 giải pháp (đếm các dòng bắt đầu bằng “-” sau câu dẫn)")


def test_a_footnote_is_read_with_the_sentence_that_references_it():
    # the marker is gone from the body; the chunk keeps the text that referenced the footnote
    body = ("Vụ lúa Hè Thu toàn tỉnh xuống giống 88.100 ha; đến giữa tháng 7 đã thu hoạch 40.300 ha, "
            "năng suất ước 5,6 tấn/ha. Giá lúa giảm nhẹ.")
    anchor = "Vụ lúa Hè Thu toàn tỉnh xuống giống 88.100 ha; đến giữa tháng 7 đã thu hoạch 40.300 ha, năng suất ước 5,6 tấn/ha"
    note = "[Chú thích 3] Huyện Châu Thành thu hoạch 9.300 ha, huyện Phú Tân 8.120 ha; năng suất cao nhất ở huyện Tri Tôn."
    other = Chunk("d:0001", "d", "t", "x.txt", "3. Thủy sản", None,
                  "Thu hoạch thủy sản đạt 12.000 tấn. Thu hoạch cao su 3.000 tấn. Thu ngân sách đạt 900 tỷ đồng.")
    chunks = [Chunk("d:0000", "d", "t", "x.txt", "2. Nông nghiệp", None, body, (note,), (anchor,)), other]
    q = "Những huyện nào được báo cáo nêu đã thu hoạch lúa Hè Thu?"
    found = _find(q, listing.asked_noun(q), chunks, listing.asked_phrase(q))
    assert found is not None and found.items == ["Châu Thành", "Phú Tân"]


def test_a_note_lists_a_count_of_the_noun_not_of_months():
    # "từ 3 tháng" counts months: a three-part footnote is no list of the "doanh nghiệp" asked
    chunks = [_chunk(0, "Nợ bảo hiểm xã hội từ 3 tháng trở lên vẫn cao, nhất là ở một số doanh nghiệp nhỏ.",
                     footnotes=("[Chú thích 9] Công ty A nợ 12 tháng, Công ty B nợ 8 tháng, Công ty C nợ 5 tháng.",))]
    q = "Những doanh nghiệp nào nợ bảo hiểm xã hội?"
    found = _find(q, listing.asked_noun(q), chunks)
    assert found is None or found.how != "footnote"


def test_a_threshold_skips_a_list_whose_items_miss_it_and_filters_one_that_holds_some():
    chunks = [_chunk(0, "1. Thu ngân sách\nMột số khoản thu đạt cao so với dự toán: thu thuế bảo vệ môi trường đạt 92,4%; "
                       "thu tiền thuê đất đạt 88%. Các khoản thu còn lại: thu phí, lệ phí bằng 47,5% dự toán; "
                       "thu khác ngân sách bằng 64,1% dự toán; thu tiền sử dụng đất bằng 31% dự toán.")]
    q = "Những khoản thu nào đạt dưới 50% dự toán?"
    found = _find(q, listing.asked_noun(q), chunks, listing.asked_phrase(q))
    assert found is not None and found.kept == ["thu phí, lệ phí bằng 47,5% dự toán", "thu tiền sử dụng đất bằng 31% dự toán"]
    text, _ = listfind.answer_text(found, "khoản thu", "Báo cáo", q)
    assert "2 khoản thu có tỷ lệ dưới 50%" in text and "64,1% dự toán." not in text.split("\n")[-1]
    assert _find("Những khoản thu nào đạt dưới 20% dự toán?", "khoản thu", chunks) is None
