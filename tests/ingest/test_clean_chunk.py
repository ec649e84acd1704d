"""Cleaning and chunking on small fixtures that copy the seeds' formats."""

from pathlib import Path

import pytest

from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import FN_SENTINEL_RE, clean_document, heading_of, mark_footnotes, split_footnotes
from assistant.ingest.document import Document, Page

FIX = Path(__file__).parent.parent / "fixtures"


def _doc(name: str, footnotes: dict | None = None, pages: list[Page] | None = None) -> Document:
    text = (FIX / name).read_text(encoding="utf-8") if name else ""
    return Document("d", "Báo cáo thử", name or "x.txt", "", pages or [Page(None, text)], footnotes or {})


def _chunks(doc: Document, size: int = 900):
    return chunk_document(doc, clean_document(doc), size, 100)


def test_sentence_cut_by_page_break_and_footnotes_is_rejoined():
    chunks = _chunks(_doc("report_pagebreak.txt"))
    joined = " ".join(c.text for c in chunks)
    assert "giá trị sản xuất công nghiệp (theo giá hiện hành) đạt 315.145 tỷ đồng" in joined
    assert "13,96 % và 14,31%; tính chung 6 tháng đạt 14,14%" in joined


def test_footnote_blocks_leave_the_body_and_follow_their_marker():
    chunks = _chunks(_doc("report_pagebreak.txt"))
    body = " ".join(c.text for c in chunks)
    assert "Trà Vinh" not in body and "311.986,8" not in body
    holder = next(c for c in chunks if "315.145" in c.text)
    assert any("311.986,8 tỷ đồng" in f for f in holder.footnotes)
    growth = next(c for c in chunks if "14,31%" in c.text)
    assert any("Trà Vinh" in f for f in growth.footnotes)


@pytest.mark.parametrize(
    "glued, clean",
    [("tăng 28% so cùng kỳ3.", "tăng 28% so cùng kỳ."), ("đạt 14,31%2;", "đạt 14,31%;")],
)
def test_glued_marker_is_removed_without_touching_the_figure(glued, clean):
    text, ids = mark_footnotes(glued, {"1", "2", "3"}, {"next": 1})
    assert FN_SENTINEL_RE.sub("", text) == clean
    assert len(ids) == 1


def test_number_glued_to_a_word_that_is_not_the_next_marker_stays():
    # "QL18" is a road, not footnote 18: markers run in order, 18 is far past the expected one.
    text, ids = mark_footnotes("dọc Quốc lộ QL18, mở rộng", {str(i) for i in range(1, 30)}, {"next": 3})
    assert text == "dọc Quốc lộ QL18, mở rộng" and ids == []


def test_no_chunk_number_is_changed_by_markers():
    chunks = _chunks(_doc("report_pagebreak.txt"))
    text = " ".join(c.text for c in chunks)
    for bad in ("14,312", "kỳ3", "%2", "28%3"):
        assert bad not in text


def test_section_path_follows_the_heading_hierarchy():
    chunks = _chunks(_doc("report_pagebreak.txt"), size=200)
    holder = next(c for c in chunks if "315.145" in c.text)
    assert holder.section.startswith("Phần thứ nhất: TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024")
    assert holder.section.endswith("A. KẾT QUẢ ĐẠT ĐƯỢC > I. LĨNH VỰC KINH TẾ > 2. Công nghiệp - Xây dựng > 2.1. Sản xuất công nghiệp")
    fdi = next(c for c in chunks if "FDI" in c.text)
    assert fdi.section.endswith("2.1. Sản xuất công nghiệp > a) Thu hút đầu tư")


def test_bookmark_residue_is_removed_and_articles_are_sections():
    chunks = _chunks(_doc("resolution_bookmark.txt"), size=120)
    assert all("bookmark" not in c.text for c in chunks)
    budget = next(c for c in chunks if "10.560" in c.text)
    assert budget.section.startswith("Điều 2")
    assert "1. Tiếp tục thực hiện các Nghị quyết" in budget.section


def test_narrow_column_lines_are_joined():
    chunks = _chunks(_doc("newspaper_column.txt"))
    text = " ".join(c.text for c in chunks)
    assert "gần 92.000 đảng viên, sinh hoạt tại 590 tổ chức cơ sở đảng." in text
    assert "giai đoạn 2021-2025 đạt 13,6%/năm" in text
    sec = next(c for c in chunks if "13,6%" in c.text).section
    assert sec.startswith("Phần thứ nhất: ĐÁNH GIÁ TỔNG QUÁT KẾT QUẢ 5 NĂM THỰC HIỆN")
    assert sec.endswith("1.1. Lĩnh vực công nghiệp")


def test_docx_style_explicit_markers_attach_real_footnotes():
    doc = _doc("", {"1": "Gồm 426 doanh nghiệp."}, [Page(None, "Toàn tỉnh có 09 KCN[^1] đang hoạt động.")])
    chunks = _chunks(doc)
    assert chunks[0].text == "Toàn tỉnh có 09 KCN đang hoạt động."
    assert chunks[0].footnotes == ("[Chú thích 1] Gồm 426 doanh nghiệp.",)


def test_pdf_pages_keep_their_numbers():
    doc = _doc("", pages=[Page(1, "Trang một có 12 KCN."), Page(2, "Trang hai có 35 CCN.")])
    chunks = _chunks(doc)
    assert [(c.page, "12" in c.text) for c in chunks] == [(1, True), (2, False)]


def test_txt_pages_are_never_invented():
    assert all(c.page is None for c in _chunks(_doc("report_pagebreak.txt")))


def test_long_paragraph_splits_at_whitespace_only():
    para = " ".join(f"Chỉ tiêu {i} đạt {i}.{i:03d},{i} tỷ đồng, tăng {i},5%." for i in range(1, 80))
    doc = _doc("", pages=[Page(None, para)])
    chunks = _chunks(doc, size=300)
    assert len(chunks) > 3
    for c in chunks:
        assert len(c.text) <= 300
        for i in range(1, 80):
            needle = f"{i}.{i:03d},{i}"
            if needle[:3] in c.text[-3:]:
                pytest.fail(f"chunk ends inside a figure: {c.text[-20:]}")


def test_heading_patterns():
    assert heading_of("2.1. Sản xuất công nghiệp") == (4, "2.1.")
    assert heading_of("II. LĨNH VỰC VĂN HÓA") == (2, "II")
    assert heading_of("a) Thu hút đầu tư") == (5, "a")
    assert heading_of("Điều 3. Giao Ủy ban") == (1, "Điều 3")
    assert heading_of("2025. Trong 6 tháng") is None


def test_split_footnotes_resumes_body_on_page_start():
    body, notes = split_footnotes("một hai\n" + " " * 30 + "\n1 chú thích một\ntiếp\n2 hai\n tiếp thân bài")
    assert notes == {"1": "chú thích một tiếp", "2": "hai"}
    assert body == ["một hai", " tiếp thân bài"]


def test_numbered_heading_after_a_blank_line_is_not_glued_to_an_unstopped_title():
    # invented release: a title line without a final stop, a blank line, then "1. <heading>" and its body
    text = (
        "BÁO CÁO\nTình hình kinh tế - xã hội quý II năm 2025\n\n"
        "1. Sản xuất công nghiệp\nChỉ số sản xuất công nghiệp quý II ước tăng 7,4% so với cùng kỳ.\n\n"
        "2. Thương mại\nTổng mức bán lẻ hàng hóa quý II ước đạt 9.120 tỷ đồng.\n"
    )
    doc = Document("d", "Báo cáo thử", "x.txt", "", [Page(None, text)], {})
    paras = [p.text for p in clean_document(doc).paragraphs]
    body = next(p for p in paras if "7,4%" in p)
    assert body.startswith("Chỉ số sản xuất công nghiệp")
    assert next(p for p in clean_document(doc).paragraphs if "7,4%" in p.text).section == "1. Sản xuất công nghiệp"


def test_a_marker_glued_to_the_year_of_a_date_leaves_the_date_whole():
    text, ids = mark_footnotes("tăng 4,1% so với thời điểm 30/9/202321; nợ xấu giảm", {"20", "21", "22"}, {"next": 21})
    assert FN_SENTINEL_RE.sub("", text) == "tăng 4,1% so với thời điểm 30/9/2023; nợ xấu giảm" and ids == ["21"]


def test_digits_after_a_year_that_are_not_the_next_marker_stay():
    # "ngày 15/3/20212" far past footnote 2: not the marker expected here, the text is left as written
    text, ids = mark_footnotes("Nghị quyết ngày 15/3/20212 của Bộ Chính trị", {str(i) for i in range(1, 40)}, {"next": 30})
    assert text == "Nghị quyết ngày 15/3/20212 của Bộ Chính trị" and ids == []

def test_a_section_heading_ends_a_footnote_block_typed_mid_text():
    raw = ("Sản lượng cá đạt 1.200 tấn3.\n" + " " * 40 + "\n3 Cá tra 800 tấn, cá lóc 400 tấn.\n \n"
           "II. VĂN HÓA - XÃ HỘI\nToàn huyện tạo việc làm cho 950 người.")
    body, notes = split_footnotes(raw, 3)
    assert notes == {"3": "Cá tra 800 tấn, cá lóc 400 tấn."}
    assert body[-2:] == ["II. VĂN HÓA - XÃ HỘI", "Toàn huyện tạo việc làm cho 950 người."]


def test_a_numbered_heading_after_the_title_line_starts_its_own_section():
    text = ("BÁO CÁO\nKết quả sản xuất quý II năm 2022\n1. Nông nghiệp\n"
            "Diện tích lúa hè thu đạt 5.100 ha.\n2. Công nghiệp\nChỉ số công nghiệp tăng 4,2%.")
    doc = Document("d", "Báo cáo thử", "x.txt", "", [Page(None, text)], {})
    paras = clean_document(doc).paragraphs
    first = next(p for p in paras if "5.100" in p.text)
    assert first.section == "1. Nông nghiệp"
    assert not any("Kết quả sản xuất" in p.text and "5.100" in p.text for p in paras)


PART_NUMBERED = """SỞ NÔNG NGHIỆP TỈNH THỬ
BÁO CÁO
Kết quả năm 2023 và kế hoạch năm 2024

Phần I
KẾT QUẢ THỰC HIỆN NĂM 2023

I. CÁC CHỈ TIÊU CHỦ YẾU
1. Trồng trọt
Sản lượng lương thực năm 2023 đạt 412,6 nghìn tấn, tăng 2,1% so với năm 2022.

Phần II
KẾ HOẠCH NĂM 2024

I. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU
1. Sản lượng lương thực đạt 420 nghìn tấn.
2. Phần lớn diện tích lúa được cơ giới hóa khâu làm đất.
"""


def test_a_part_numbered_in_roman_heads_its_titled_section():
    doc = Document("d", "Báo cáo thử", "x.txt", "", [Page(None, PART_NUMBERED)], {})
    chunks = _chunks(doc, size=200)
    plan = next(c for c in chunks if "420 nghìn tấn" in c.text)
    assert plan.section.startswith("Phần II: KẾ HOẠCH NĂM 2024")
    done = next(c for c in chunks if "412,6" in c.text)
    assert done.section.startswith("Phần I: KẾT QUẢ THỰC HIỆN NĂM 2023")
    assert heading_of("Phần lớn diện tích lúa được cơ giới hóa.") is None
    assert heading_of("PHẦN 2") == (0, "PHẦN 2")


def test_targets_under_a_roman_numbered_plan_part_are_the_next_years_plan():
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.profile import profile_dict
    doc = Document("d", "Báo cáo thử", "x.txt", "", [Page(None, PART_NUMBERED)], {})
    facts = extract_facts(_chunks(doc, size=200), profile_dict("d", PART_NUMBERED, {"source_file": "x.txt"}))
    plan = next(f for f in facts if f.text == "420")
    assert (plan.kind, plan.period["label"]) == ("target", "năm 2024")
    done = next(f for f in facts if f.text == "412,6")
    assert (done.kind, done.period["label"]) == ("actual", "năm 2023")
