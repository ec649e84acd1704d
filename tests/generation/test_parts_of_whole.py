"""After "trong đó" a report lists the parts of a whole: a question that names only the whole
is not answered with a part's figure (a report written for the test)."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.profile import profile_dict
from assistant.generation.factpick import part_of_whole
from assistant.generation.request import parse_request
from assistant.types import Chunk

HEAD = """ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 210/BC-UBND
Cao Bằng, ngày 25 tháng 6 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2024
"""

TEXT = ("Tính đến 30/6/2024, toàn tỉnh giải ngân được 1.204,6 tỷ đồng, bằng 31,2% kế hoạch. "
        "Trong đó: nguồn vốn ngân sách trung ương theo ngành, lĩnh vực giải ngân 95,3 tỷ đồng, bằng 17,1% kế hoạch; "
        "Nguồn vốn cân đối ngân sách địa phương giải ngân 640,2 tỷ đồng, bằng 38,4% kế hoạch.")


def _facts():
    prof = profile_dict("d", HEAD, {"source_file": "x.txt"})
    return extract_facts([Chunk("d:0", "d", "t", "x.txt", "", None, TEXT, ())], prof)


def test_parts_after_trong_do_are_marked_through_the_semicolon_list():
    by_text = {f.text: f for f in _facts()}
    assert not by_text["31,2"].part
    assert by_text["17,1"].part and by_text["38,4"].part


def test_a_part_does_not_answer_the_whole():
    by_text = {f.text: f for f in _facts()}
    whole_q = parse_request("Đến 30/6/2024 giải ngân vốn đầu tư công đạt bao nhiêu % kế hoạch?")
    assert part_of_whole(by_text["38,4"], whole_q) and part_of_whole(by_text["17,1"], whole_q)
    part_q = parse_request("Nguồn vốn cân đối ngân sách địa phương giải ngân đạt bao nhiêu % kế hoạch?")
    assert not part_of_whole(by_text["38,4"], part_q)
