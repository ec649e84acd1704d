"""Superscript footnote numbers (text copied from a word processor) are footnotes like the
seeds' plain glued numbers; a unit's power is not."""

from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import clean_document, superscript_markers
from assistant.ingest.document import Document, Page

TEXT = """1. Thu, chi ngân sách
Tổng chi ngân sách địa phương năm 2024 ước 9.410,2 tỷ đồng, đạt 96,1% dự toán². Diện tích nhà ở bình quân đạt 27,4 m² sàn/người.
2. Xã hội
Tỷ lệ hộ nghèo còn 1,12%, giảm 0,4 điểm phần trăm¹.
______________
¹ Theo chuẩn nghèo đa chiều giai đoạn 2022-2025.
² Trong đó chi đầu tư phát triển 3.105,6 tỷ đồng.
"""


def _doc(text: str) -> Document:
    return Document("d", "Báo cáo thử", "x.txt", "", [Page(None, text)], {})


def test_superscript_footnotes_are_read_and_attached():
    clean = clean_document(_doc(TEXT))
    assert clean.footnotes["2"] == "Trong đó chi đầu tư phát triển 3.105,6 tỷ đồng."
    assert clean.footnotes["1"].startswith("Theo chuẩn nghèo đa chiều")
    chunks = chunk_document(_doc(TEXT), clean, 900, 0)
    body = " ".join(c.text for c in chunks)
    assert "đạt 96,1% dự toán." in body  # the marker left the figure untouched
    assert any("3.105,6" in note for c in chunks for note in c.footnotes)


def test_a_units_power_is_kept():
    assert superscript_markers("đạt 27,4 m² sàn/người; 1.250 km² rừng") == "đạt 27,4 m² sàn/người; 1.250 km² rừng"
    assert superscript_markers("dự toán²; 12 ha³") == "dự toán2; 12 ha3"
    assert "27,4 m² sàn" in " ".join(p.text for p in clean_document(_doc(TEXT)).paragraphs)
