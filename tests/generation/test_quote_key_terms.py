"""A quoted sentence (the fallback when no fact fits) must carry the question's rarest indicator
words: a sentence about retail growth does not answer a question on credit growth (a report
written for the test)."""

REPORT = """ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
BÁO CÁO
Tình hình kinh tế - xã hội giai đoạn 2021-2025
I. THƯƠNG MẠI, DỊCH VỤ
Mạng lưới bán lẻ mở rộng về vùng nông thôn; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2025 ước đạt 41,2 nghìn tỷ đồng, tăng trưởng bình quân giai đoạn 2021-2025 ước đạt 12,6%/năm.
II. TÀI CHÍNH, NGÂN HÀNG
Dư nợ tín dụng đến cuối năm 2025 ước đạt 58,3 nghìn tỷ đồng. Hoạt động ngân hàng an toàn.
"""


def test_a_sentence_without_the_asked_words_is_not_quoted(answerer_on):
    answerer = answerer_on({"yen-bai-2021-2025.txt": REPORT})
    a = answerer.ask("Tăng trưởng tín dụng bình quân giai đoạn 2021-2025 đạt bao nhiêu %/năm?")
    assert a.refused, a.answer
    assert "12,6" not in a.answer.split("\n")[0]
