"""Credit words a report leaves out of its figures' names (a report written for the test)."""

from assistant.generation.request import parse_request

REPORT = """ỦY BAN NHÂN DÂN TỈNH TRÀ VINH
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
4. Tài chính, ngân hàng
Đến 31/12/2023, tổng nguồn vốn huy động đạt 41.230 tỷ đồng, tăng 8,4% so với đầu năm; dư nợ đạt 52.760 tỷ đồng, tăng 6,1%; nợ xấu 412 tỷ đồng, chiếm 0,78% tổng dư nợ.
"""


def test_credit_qualifiers_are_no_indicator_words_but_credit_growth_is():
    assert parse_request("Dư nợ tín dụng đến 31/12/2023 là bao nhiêu?").terms == ["dư", "nợ"]
    assert parse_request("Nợ xấu của các tổ chức tín dụng năm 2023?").terms == ["nợ", "xấu"]
    assert "tín" in parse_request("Tăng trưởng tín dụng năm 2023 đạt bao nhiêu?").terms


def test_outstanding_credit_asked_in_full_finds_the_figure_written_short(answerer_on):
    answerer = answerer_on({"tra-vinh-2023.txt": REPORT})
    a = answerer.ask("Dư nợ tín dụng trên địa bàn đến 31/12/2023 đạt bao nhiêu?")
    assert not a.refused and "52.760" in a.answer.split("\n")[0], a.answer
    a = answerer.ask("Nợ xấu của các tổ chức tín dụng năm 2023 là bao nhiêu?")
    assert not a.refused and "412" in a.answer.split("\n")[0], a.answer
