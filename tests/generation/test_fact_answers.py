"""The fact path on the fixture corpus: code chooses the figure of the indicator, period, place
and role asked, writes it with its citation, and refuses helpfully; the model is not asked."""

import pytest

Q_VALUE = "Giá trị sản xuất công nghiệp theo giá hiện hành 6 tháng đầu năm 2024 đạt bao nhiêu?"


def test_value_not_its_neighbouring_share_or_growth(facts_answerer, gen):
    a = facts_answerer.ask(Q_VALUE)
    assert a.mode == "facts" and a.verified and not a.refused
    assert a.facts[0]["text"] == "315.145" and a.facts[0]["unit"] == "tỷ đồng"
    assert "**315.145 tỷ đồng**" in a.answer and "315.145" in a.citations[0].chunk.full_text
    assert gen.history == []  # no model call on the figure path


def test_role_asked_picks_the_growth_or_the_share_of_plan(facts_answerer):
    growth = facts_answerer.ask("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 tăng bao nhiêu % so cùng kỳ?")
    share = facts_answerer.ask("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 bằng bao nhiêu % kế hoạch?")
    assert growth.facts[0]["text"] == "28" and growth.facts[0]["role"] == "change"
    assert share.facts[0]["text"] == "47,3" and share.facts[0]["role"] == "share_plan"


def test_respectively_gives_each_quarter_its_figure(facts_answerer):
    a = facts_answerer.ask("Tăng trưởng kinh tế GRDP quý II năm 2024 của tỉnh đạt bao nhiêu?")
    assert a.facts and a.facts[0]["text"] == "14,31"


def test_another_province_is_refused_by_name(facts_answerer):
    a = facts_answerer.ask("Giá trị sản xuất công nghiệp của tỉnh Thái Nguyên 6 tháng đầu năm 2024 đạt bao nhiêu?")
    assert a.refused and a.mode == "refusal"
    assert "Thái Nguyên" in a.answer and "315.145" not in a.answer.split("\n")[0]


def test_period_not_covered_lists_the_nearest_facts(facts_answerer):
    a = facts_answerer.ask("Giá trị sản xuất công nghiệp theo giá hiện hành năm 2021 đạt bao nhiêu?")
    assert a.refused and "năm 2021" in a.answer
    assert a.facts and all("kỳ" in f["mismatch"] for f in a.facts)
    assert "315.145" in a.answer  # shown as what the reports do have, cited


def test_two_periods_compared_in_percentage_points_from_facts(facts_answerer):
    a = facts_answerer.ask("Tăng trưởng kinh tế GRDP quý II năm 2024 cao hơn quý I năm 2024 bao nhiêu điểm phần trăm?")
    assert a.mode == "computed" and not a.refused
    assert "0,35 điểm phần trăm" in a.answer and "14,31" in a.answer and "13,96" in a.answer
    assert a.facts[-1]["op"] == "difference" and abs(a.facts[-1]["value"] - 0.35) < 1e-9


def test_a_comparison_with_a_missing_side_names_it(facts_answerer):
    a = facts_answerer.ask("Tăng trưởng kinh tế GRDP quý II năm 2024 cao hơn quý II năm 2021 bao nhiêu điểm phần trăm?")
    assert a.refused and "quý II năm 2021" in a.answer


def test_sentence_path_never_answers_for_another_place(facts_answerer, gen):
    # The fixture reports are about one province; a question about a district they never name
    # must not be answered from the province's sentences by the fallback path.
    gen.enqueue("Giá trị sản xuất công nghiệp đạt 315.145 tỷ đồng [1].")
    a = facts_answerer.ask("Giá trị sản xuất công nghiệp của huyện Mộc Châu 6 tháng đầu năm 2024 đạt bao nhiêu?")
    assert a.refused and "315.145" not in a.answer.split("\n")[0]


def test_a_place_name_is_never_read_as_a_unit():
    from assistant.generation.request import parse_request

    req = parse_request("Kim ngạch xuất khẩu 9 tháng năm 2024 của Hà Tĩnh đạt bao nhiêu?", ["Hà Tĩnh"])
    assert req.place == "Hà Tĩnh" and req.unit is None and req.terms == ["xuất", "khẩu"]
    assert parse_request("Diện tích lúa đạt bao nhiêu ha?").unit == "ha"


def test_a_word_no_report_mentions_is_refused_by_name(facts_answerer, gen):
    a = facts_answerer.ask("Tỷ lệ lạm phát của tỉnh 6 tháng đầu năm 2024 là bao nhiêu?")
    assert a.refused and "lạm" in a.answer and gen.history == []


def test_a_blank_left_in_a_draft_is_reported_not_filled(facts_answerer):
    from assistant.generation.answer import _BLANK

    assert _BLANK.search("tốc độ tăng trưởng bình quân đạt 20,1%/năm, đạt ….% mục tiêu Đại hội")
    assert _BLANK.search("toàn tỉnh thu hút được ....... tỷ USD vốn đầu tư quy đổi")
    assert not _BLANK.search("Giá trị sản xuất đạt 315.145 tỷ đồng…")


@pytest.mark.parametrize("written, same", [("hoá", "hóa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"),
                                           ("hoạch", "hoạch"), ("quý", "quý"), ("thuyết", "thuyết")])
def test_one_tone_placement_only_for_open_rimes(written, same):
    from assistant.ingest.lexfold import normalize_tone

    assert normalize_tone(written) == same


@pytest.mark.parametrize("question, role", [
    ("Năm 2022 ngành xây dựng đóng góp bao nhiêu điểm % vào tăng trưởng GRDP?", None),
    ("Tăng trưởng GRDP năm 2022 đạt bao nhiêu?", "change"),
    ("Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu % so cùng kỳ?", "change"),
    ("Giá trị xuất khẩu 6 tháng đầu năm 2024 bằng bao nhiêu % kế hoạch?", "share_plan"),
    ("Chỉ số PCI năm 2022 xếp thứ mấy?", "rank"),
])
def test_the_role_asked(question, role):
    from assistant.generation.request import parse_request

    assert parse_request(question).role == role


def test_revenue_never_answers_for_spending():
    from assistant.generation.factpick import _opposite

    assert _opposite(["chi", "ns"], "Tổng thu NSNN")
    assert not _opposite(["thu", "ns"], "Tổng thu NSNN")
    assert _opposite(["nhập", "khẩu"], "Kim ngạch xuất khẩu")
    assert not _opposite(["xuất", "nhập", "khẩu"], "Tổng kim ngạch xuất nhập khẩu")


def test_lists_are_quoted_not_generated(facts_answerer, gen):
    gen.enqueue("Các KCN gồm 09 KCN [1].")
    a = facts_answerer.ask("Toàn tỉnh có những KCN nào?")
    assert gen.history == [] and a.mode in ("extractive", "refusal")


def test_the_fallback_quote_is_never_a_plan_for_an_actual_figure(facts_answerer):
    # the only sentence about this revenue states a target ("Phấn đấu … đạt"): quoting it as
    # what was collected would give a plan as the actual figure
    a = facts_answerer.ask("Thu ngân sách 6 tháng cuối năm 2024 đạt bao nhiêu tỷ đồng?")
    assert a.refused and "**10.560" not in a.answer.split("\n")[0]
    # listed among the nearest figures, it says what it is
    assert all("kế hoạch" in line for line in a.answer.split("\n") if "**10.560" in line), a.answer
    plan = facts_answerer.ask("Kế hoạch thu ngân sách 6 tháng cuối năm 2024 là bao nhiêu tỷ đồng?")
    assert not plan.refused and "10.560" in plan.answer


def test_a_component_prefers_the_figure_in_the_sentence_last_shown():
    from assistant.generation.factpick import FactIndex, choose
    from assistant.generation.request import parse_request
    from assistant.types import Fact

    def fact(i, indicator, value, sentence):
        return Fact(f"f{i}", "d", f"c{i}", value, str(value), "%", 1.0, "change", None, "actual",
                    {"label": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}, None, indicator,
                    sentence, 1, sentence.index(str(value)), sentence.index(str(value)) + len(str(value)))
    whole = "Giá trị sản xuất toàn ngành tăng 5, trong đó công nghiệp tăng 7, xây dựng tăng 3."
    other = "Giá trị sản xuất toàn ngành năm trước: công nghiệp tăng 9."  # retrieved first, same words
    index = FactIndex([fact(1, "công nghiệp", 7, whole), fact(2, "công nghiệp", 9, other)], {"d": None})
    req = parse_request("Trong giá trị sản xuất toàn ngành, công nghiệp năm 2023 tăng bao nhiêu?")
    assert choose(index, req, ["c2", "c1"])[0].fact.value == 9  # without the conversation's focus
    req.focus = [whole]
    best, _ = choose(index, req, ["c2", "c1"])
    assert best is not None and best.fact.value == 7


def test_a_component_the_reports_do_not_break_out_is_refused(facts_answerer):
    # "trong đó" the processing industry is written; the mining industry's share is not
    q = "Trong giá trị sản xuất công nghiệp 6 tháng đầu năm 2024, công nghiệp khai thác mỏ đạt bao nhiêu?"
    a = facts_answerer.ask(q)
    assert a.refused, a.answer
    named = facts_answerer.ask("Trong giá trị sản xuất công nghiệp 6 tháng đầu năm 2024, ngành công nghiệp chế biến, chế tạo đạt bao nhiêu?")
    assert not named.refused and "311.986,8" in named.answer


def test_a_list_question_naming_a_comparison_is_not_split_into_sides(facts_answerer, monkeypatch):
    from assistant.generation import compare

    def refuse_split(*args):
        raise AssertionError("a list question was split as a comparison")

    monkeypatch.setattr(compare, "split", refuse_split)
    a = facts_answerer.ask("Những quý nào có tăng trưởng kinh tế GRDP cao hơn quý I năm 2024?")
    assert a.mode != "computed"


def test_a_change_figure_answers_for_the_growth_asked_by_name(facts_answerer):
    # "Tăng trưởng …" is asked; the report writes the change "IIP 6 tháng tăng 26,45%"
    a = facts_answerer.ask("Tốc độ tăng trưởng chỉ số sản xuất công nghiệp IIP 6 tháng đầu năm 2024 là bao nhiêu?")
    assert not a.refused and a.facts and a.facts[0]["text"] == "26,45"


def test_a_growth_rate_named_as_a_speed_answers_for_the_growth_asked():
    # "Tăng trưởng GRDP" is asked; a target writes "tốc độ tăng GRDP đạt 7%" as a level in %
    from assistant.generation.factpick import FactIndex, choose
    from assistant.generation.request import parse_request
    from assistant.types import Fact

    sentence = "Phấn đấu tốc độ tăng GRDP đạt 7%, GRDP bình quân đầu người đạt 95 triệu đồng."
    year = {"label": "năm 2025", "start": "2025-01-01", "end": "2025-12-31"}
    f = Fact("f1", "d", "c1", 7.0, "7", "%", 1.0, "level", None, "target", year, None, "tốc độ tăng GRDP",
             sentence, 1, sentence.index("7%"), sentence.index("7%") + 1)
    req = parse_request("Kế hoạch tăng trưởng GRDP năm 2025 là bao nhiêu %?")
    best, _ = choose(FactIndex([f], {"d": None}), req, ["c1"])
    assert best is not None and best.fact.text == "7"


def test_a_total_asked_is_not_what_was_added_in_the_period():
    from assistant.generation.factpick import FactIndex, choose
    from assistant.generation.request import parse_request
    from assistant.types import Fact

    q1 = {"label": "quý I năm 2024", "start": "2024-01-01", "end": "2024-03-31"}
    added = "Trong quý, tỉnh công nhận thêm 4 xã nông thôn mới và 12 sản phẩm OCOP 4 sao."
    total = "Lũy kế đến nay, toàn tỉnh có 352 sản phẩm OCOP."

    def fact(i, text, indicator, sentence):
        k = sentence.index(text)
        return Fact(f"f{i}", "d", f"c{i}", float(text), text, "sản phẩm", 1.0, "count", None, "actual", q1,
                    None, indicator, sentence, 1, k, k + len(text))

    index = FactIndex([fact(1, "12", "sản phẩm OCOP 4 sao", added), fact(2, "352", "tổng số sản phẩm OCOP", total)],
                      {"d": None})
    req = parse_request("Lũy kế đến quý I/2024 có tổng cộng bao nhiêu sản phẩm OCOP?")
    best, _ = choose(index, req, ["c1", "c2"])
    assert best is not None and best.fact.text == "352"
    req = parse_request("Quý I/2024 có thêm bao nhiêu sản phẩm OCOP 4 sao?")
    best, _ = choose(index, req, ["c1", "c2"])
    assert best is not None and best.fact.text == "12"


def test_a_change_against_the_plan_answers_no_change_against_a_year():
    from assistant.generation.factpick import mismatch
    from assistant.generation.request import parse_request
    from assistant.types import Fact

    s = "Tỷ lệ đô thị hóa lên 41,2%, vượt 6,2% so với mục tiêu."
    f = Fact("f1", "d", "c1", 6.2, "6,2", "%", 1.0, "change", "mục tiêu", "actual", None, None,
             "Tỷ lệ đô thị hóa", s, 1, s.index("6,2"), s.index("6,2") + 3)
    assert "gốc so sánh" in mismatch(f, parse_request("Tỷ lệ đô thị hóa tăng bao nhiêu so với năm 2019?"), None)
    assert "gốc so sánh" not in mismatch(f, parse_request("Tỷ lệ đô thị hóa vượt mục tiêu bao nhiêu?"), None)


def test_a_share_written_with_chiem_answers_a_question_naming_the_share(answerer_on):
    report = ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2025\n"
              "1. Tăng trưởng kinh tế\nVề cơ cấu, nông nghiệp chiếm 14,6% GRDP; dịch vụ chiếm 41,2%; "
              "công nghiệp - xây dựng chiếm 38,9%.\n")
    a = answerer_on({"ha-tinh-q1.txt": report}).ask("Tỷ trọng dịch vụ trong GRDP quý I năm 2025 là bao nhiêu?")
    assert not a.refused and "**41,2%**" in a.answer, a.answer


def test_a_province_no_report_is_about_is_named_as_a_place(facts_answerer, gen):
    # a bare province name (no "tỉnh") whose words no report uses: say there is no report on that
    # province, rather than listing its syllables as unknown indicator words
    a = facts_answerer.ask("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 của Kon Tum đạt bao nhiêu?")
    assert a.refused and gen.history == []
    assert "không có báo cáo nào của Kon Tum" in a.answer and "nhắc tới" not in a.answer
    b = facts_answerer.ask("Giá trị sản xuất công nghiệp của Kon Tum và tỷ lệ lạm phát 6 tháng đầu năm 2024?")
    assert b.refused and "lạm" in b.answer and "Kon Tum" in b.answer


def test_a_province_by_its_short_form_is_named_as_that_province(facts_answerer, gen):
    # "TP.HCM" / "BR-VT" are the city and the province, not two unknown indicator words
    a = facts_answerer.ask("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 của TP.HCM đạt bao nhiêu?")
    assert a.refused and "không có báo cáo nào của Hồ Chí Minh" in a.answer and "nhắc tới" not in a.answer
    a = facts_answerer.ask("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 của BR-VT đạt bao nhiêu?")
    assert a.refused and "không có báo cáo nào của Bà Rịa - Vũng Tàu" in a.answer and "nhắc tới" not in a.answer


def test_a_province_is_found_however_its_dash_is_written(answerer_on):
    report = ("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2025\n"
              "1. Thương mại\nDoanh thu dịch vụ lưu trú quý I ước đạt 5.210 tỷ đồng, tăng 8,4% so với cùng kỳ.\n")
    ans = answerer_on({"brvt-q1.txt": report})
    for name in ("Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu", "tỉnh Bà Rịa-Vũng Tàu", "BR-VT", "BRVT"):
        a = ans.ask(f"Doanh thu dịch vụ lưu trú quý I năm 2025 của {name} là bao nhiêu?")
        assert not a.refused and "**5.210 tỷ đồng**" in a.answer, (name, a.answer)


def test_a_hedge_written_before_the_figure_is_kept_and_a_comparison_is_not_a_hedge():
    from assistant.generation.write import figure_phrase
    from assistant.types import Fact

    def fact(sentence, text, unit, role="level"):
        start = sentence.index(text)
        return Fact(fact_id="f", doc_id="d", chunk_id="c", value=1.0, text=text, unit=unit, scale=1.0, role=role,
                    basis=None, kind="actual", period=None, place=None, indicator="x", sentence=sentence, page=None,
                    start=start, end=start + len(text))

    s = "Thu ngân sách trên địa bàn đạt hơn 2.310 tỷ đồng, doanh thu du lịch tăng gần 18,5% so với cùng kỳ."
    assert figure_phrase(fact(s, "2.310", "tỷ đồng")) == "đạt hơn **2.310 tỷ đồng**"
    assert figure_phrase(fact(s, "18,5", "%", "change")) == "tăng gần **18,5%**"
    s = "Tốc độ tăng của khu vực dịch vụ cao hơn 1,2 điểm phần trăm so với năm trước; số khách đạt 1.250 lượt."
    assert "hơn" not in figure_phrase(fact(s, "1,2", "điểm %", "change"))
    assert figure_phrase(fact(s, "1.250", "lượt")) == "đạt **1.250 lượt**"


def test_a_provincial_capital_named_like_its_province_is_not_the_province(answerer_on):
    from assistant.ingest.facts import same_place

    assert not same_place("thành phố Vĩnh Long", "Vĩnh Long") and not same_place("thị xã Quảng Trị", "tỉnh Quảng Trị")
    assert same_place("thành phố Cần Thơ", "Cần Thơ") and same_place("TP Vĩnh Long", "thành phố Vĩnh Long")
    report = ("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\nBÁO CÁO\nTình hình thu ngân sách 9 tháng năm 2024\n"
              "1. Thu ngân sách\nThu tiền sử dụng đất 9 tháng toàn tỉnh đạt 905,2 tỷ đồng, bằng 64,1% dự toán.\n"
              "Trong đó thành phố Vĩnh Long thu 312,4 tỷ đồng; huyện Long Hồ thu 120,3 tỷ đồng.\n")
    ans = answerer_on({"vinh-long-thu.txt": report})
    a = ans.ask("Thành phố Vĩnh Long thu tiền sử dụng đất 9 tháng năm 2024 được bao nhiêu?")
    assert a.refused or ("**312,4 tỷ đồng**" in a.answer and "**905,2" not in a.answer), a.answer
    assert not a.refused or "khác nơi" in a.answer  # the province's figure is only listed as another place's
    a = ans.ask("Tỉnh Vĩnh Long thu tiền sử dụng đất 9 tháng năm 2024 được bao nhiêu?")
    assert "**905,2 tỷ đồng**" in a.answer, a.answer
