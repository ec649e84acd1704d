"""Bracketed footnote numbers (text saved from a word processor or a web page) are footnotes:
the reference "[2]" glued to a word never becomes a figure, and the "[2] …" lines under the
rule are the footnote texts."""

from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import bracket_markers, clean_document
from assistant.ingest.document import Document, Page

TEXT = """1. Tăng trưởng
Giai đoạn 2021-2025, GRDP của tỉnh tăng bình quân 6,8%/năm[1]; thu ngân sách tăng bình quân 7,2%/năm[2].
2. Xã hội
Tỷ lệ trường đạt chuẩn quốc gia đạt 81,5%.

TM. ỦY BAN NHÂN DÂN
__________________
[1] Năm 2021 tăng 4,3%; năm 2022 tăng 7,9%.
[2] Năm 2020 thu 5.120 tỷ đồng.
"""


def _doc(text: str) -> Document:
    return Document("d", "Báo cáo thử", "x.txt", "", [Page(None, text)], {})


def test_bracketed_footnotes_are_read_and_attached():
    clean = clean_document(_doc(TEXT))
    assert clean.footnotes["1"] == "Năm 2021 tăng 4,3%; năm 2022 tăng 7,9%."
    assert clean.footnotes["2"] == "Năm 2020 thu 5.120 tỷ đồng."
    body = " ".join(p.text for p in clean.paragraphs)
    assert "[1]" not in body and "[2]" not in body
    assert "Năm 2021 tăng" not in body
    chunks = chunk_document(_doc(TEXT), clean, 900, 0)
    assert any("5.120" in note for c in chunks for note in c.footnotes)


def test_a_bracket_not_glued_or_not_a_number_is_kept():
    assert bracket_markers("đạt 7,4%/năm[3];") == "đạt 7,4%/năm[^3];"
    assert bracket_markers("xem phụ lục [3] kèm theo") == "xem phụ lục [3] kèm theo"
    assert bracket_markers("nhóm [A] và [B]") == "nhóm [A] và [B]"
