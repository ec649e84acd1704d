"""A statement after ";" whose only words are a date and a verb done ("đến ngày … đã giải ngân")
takes its object from the plan named before; a date says when, never what."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.profile import profile_dict
from assistant.types import Chunk

QUARTER = """ỦY BAN NHÂN DÂN TỈNH TRÀ VINH
Số: 51/BC-UBND
Trà Vinh, ngày 28 tháng 3 năm 2025
BÁO CÁO
Tình hình kinh tế - xã hội quý I năm 2025
"""


def facts_of(text: str, head: str = QUARTER):
    prof = profile_dict("d", head, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None, text, ())
    return extract_facts([chunk], prof)


def one(facts, text):
    return next(f for f in facts if f.text == text)


def test_done_verb_takes_the_planned_thing():
    fs = facts_of("Kế hoạch vốn đầu tư công năm 2025 của tỉnh là 3.410,2 tỷ đồng; đến ngày 21/3/2025 "
                  "đã giải ngân 602,7 tỷ đồng, đạt 17,7% kế hoạch.")
    assert one(fs, "602,7").indicator == "giải ngân vốn đầu tư công"
    assert one(fs, "17,7").indicator == "giải ngân vốn đầu tư công"
    assert one(fs, "3.410,2").indicator == "Kế hoạch vốn đầu tư công"


def test_done_verb_without_a_plan_names_itself_not_the_figure_before():
    fs = facts_of("Vụ lúa Đông Xuân toàn tỉnh xuống giống 61.200 ha, đạt 100,4% kế hoạch; đến ngày 18/3/2025 "
                  "đã thu hoạch 20.150 ha, năng suất ước 6,9 tấn/ha.")
    ind = one(fs, "20.150").indicator  # the season the statement opens with may qualify it
    assert ind.startswith("thu hoạch") and "xuống giống" not in ind


def test_a_date_is_no_indicator_word():
    fs = facts_of("Vốn đầu tư công do tỉnh quản lý giải ngân đến ngày 24/3 đạt 702,5 tỷ đồng.")
    assert "24/3" not in one(fs, "702,5").indicator
