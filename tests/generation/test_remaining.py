"""What is left of a plan ("còn bao nhiêu … chưa giải ngân so với kế hoạch"): the plan less what
was done, each figure cited, the subtraction done in code (a report written for the test)."""

from assistant.generation.remaining import split_remaining

REPORT = """ỦY BAN NHÂN DÂN TỈNH BẠC LIÊU
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
I. LĨNH VỰC KINH TẾ
5. Đầu tư công
Kế hoạch vốn đầu tư công năm 2024 do tỉnh quản lý là 1.250,4 tỷ đồng. Đến ngày 30/9/2024, giải ngân vốn đầu tư công đạt 812,6 tỷ đồng, bằng 65,0% kế hoạch.
"""


def test_the_question_becomes_a_plan_and_a_done_question():
    r = split_remaining("Đến 30/9/2024 tỉnh còn bao nhiêu tỷ đồng vốn đầu tư công chưa giải ngân so với kế hoạch năm?")
    assert r.plan == "Kế hoạch vốn đầu tư công năm 2024 tỉnh là bao nhiêu?"
    assert r.done == "Đến 30/9/2024 tỉnh đã giải ngân vốn đầu tư công bao nhiêu tỷ đồng?"
    assert split_remaining("Còn bao nhiêu hộ chưa có nước sạch?") is None
    assert split_remaining("Còn bao nhiêu xã chưa đạt chuẩn nông thôn mới so với kế hoạch?") is None


def test_the_rest_of_the_plan_is_computed_from_both_cited_figures(answerer_on):
    answerer = answerer_on({"bac-lieu-9t-2024.txt": REPORT})
    a = answerer.ask("Đến 30/9/2024 tỉnh còn bao nhiêu tỷ đồng vốn đầu tư công chưa giải ngân so với kế hoạch năm?")
    assert a.mode == "computed" and not a.refused, a.answer
    assert "**437,8 tỷ đồng**" in a.answer and "1.250,4" in a.answer and "812,6" in a.answer
    assert a.facts[-1]["op"] == "remaining" and abs(a.facts[-1]["value"] - 437.8) < 1e-6


def test_the_money_of_a_year_is_its_plan():
    # no plan word: "vốn … năm 2024 chưa giải ngân" is what is left of that year's plan; what was
    # done so far is asked without the plan's year
    r = split_remaining("Tính đến 30/9/2024, tỉnh còn bao nhiêu tỷ đồng vốn đầu tư công năm 2024 chưa giải ngân?")
    assert r is not None and r.plan_word == "kế hoạch"
    assert r.done == "Tính đến 30/9/2024, tỉnh đã giải ngân vốn đầu tư công bao nhiêu tỷ đồng?"
    assert r.plan.startswith("Kế hoạch vốn đầu tư công năm 2024")
    # money with no year and no plan word is still no rest of a plan
    assert split_remaining("Tỉnh còn bao nhiêu tỷ đồng vốn chưa giải ngân?") is None
