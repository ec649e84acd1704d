"""Question side (session 9): a year's end written "cuối 2022"; "so với vụ trước" is the basis of one
change; a word that makes another indicator ("cận nghèo") is never dropped; who set a plan
("HĐND tỉnh", "Trung ương", "tỉnh", "HĐND huyện") is a closed set read at each figure. Sentences
written for these tests."""

from assistant.generation import qualifiers
from assistant.generation.factpick import FactIndex, choose, mismatch
from assistant.generation.request import parse_request
from assistant.ingest.periods import Period, find_periods
from assistant.types import Fact

Y23 = {"label": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}


def _fact(fid, value, text, indicator, sentence, period=Y23, role="level", unit="%", kind="actual", basis=None):
    start = sentence.index(text)
    return Fact(fid, "d" + fid, "c" + fid, value, text, unit, 1.0, role, basis, kind, period, None,
                indicator, sentence, None, start, start + len(text))


def test_cuoi_and_a_year_is_that_year():
    assert find_periods("so với cuối 2021") == [Period("year", 2021)]
    assert find_periods("đến cuối năm 2021") == [Period("year", 2021)]
    req = parse_request("Tỷ lệ che phủ rừng cuối năm 2024 tăng bao nhiêu so với cuối 2023?")
    assert [p.label() for p in req.periods] == ["năm 2024"] and req.basis == "cuối năm 2023"
    assert "cuối" not in req.terms


def test_so_voi_vu_truoc_is_the_basis_of_one_change():
    req = parse_request("Sản lượng cà phê vụ 2024 tăng hay giảm so với vụ trước?")
    assert req.basis == "cùng kỳ" and req.role == "change" and not req.prior
    assert "trước" not in req.terms
    # a change written with no basis is one over the same season of the year before: it answers
    s = "Niên vụ 2024 thu hoạch 12.400 tấn cà phê nhân, giảm 3,6% do khô hạn."
    f = _fact("1", 3.6, "3,6", "cà phê nhân", s, role="change")
    assert "gốc so sánh" not in mismatch(f, req, None)


def test_a_word_that_makes_another_indicator_is_not_dropped():
    s = "Đến cuối năm, tỷ lệ hộ nghèo theo chuẩn đa chiều còn 7,4%, giảm 1,9 điểm phần trăm."
    other = "Toàn tỉnh còn 3.200 hộ cận nghèo, số hộ thoát nghèo trong năm là 1.150 hộ."
    poor = _fact("1", 7.4, "7,4", "tỷ lệ hộ nghèo theo chuẩn đa chiều", s)
    near = _fact("2", 3200, "3.200", "hộ cận nghèo", other, unit="hộ", role="count")
    index = FactIndex([poor, near], {"d1": None, "d2": None})
    chosen, _ = choose(index, parse_request("Tỷ lệ hộ cận nghèo cuối năm 2023 là bao nhiêu?"), ["c1", "c2"])
    assert chosen is None or chosen.fact.text != "7,4"
    chosen, _ = choose(index, parse_request("Tỷ lệ hộ tái nghèo năm 2023 là bao nhiêu?"), ["c1", "c2"])
    assert chosen is None or chosen.fact.text != "7,4"
    chosen, _ = choose(index, parse_request("Tỷ lệ hộ nghèo cuối năm 2023 là bao nhiêu?"), ["c1", "c2"])
    assert chosen is not None and chosen.fact.text == "7,4"


def test_the_plan_issuer_asked_is_read_in_the_question():
    assert qualifiers.asked_issuer("Dự toán chi năm 2025 HĐND tỉnh Gia Lai giao là bao nhiêu?") == ("hdnd", "tinh")
    assert qualifiers.asked_issuer("Thu NSNN quý I bằng bao nhiêu % dự toán TW giao?") == (None, "centre")
    assert qualifiers.asked_issuer("Thu NSNN quý I đạt bao nhiêu % dự toán Hội đồng nhân dân?") == ("hdnd", None)
    assert qualifiers.asked_issuer("Kế hoạch vốn huyện giao cho xã A là bao nhiêu?") == (None, "huyen")
    # a budget level and a source named are no issuer
    assert qualifiers.asked_issuer("Theo báo cáo của UBND tỉnh, chi ngân sách trung ương là bao nhiêu?") is None


def test_a_plan_of_another_issuer_does_not_answer():
    s = "Dự toán chi năm 2025 Trung ương giao 9.120 tỷ đồng, Hội đồng nhân dân tỉnh giao 9.480 tỷ đồng."
    centre = _fact("1", 9120, "9.120", "Dự toán chi Trung ương giao", s, unit="tỷ đồng", kind="target")
    council = _fact("2", 9480, "9.480", "Dự toán chi", s, unit="tỷ đồng", kind="target")
    req = parse_request("Dự toán chi năm 2025 HĐND tỉnh giao là bao nhiêu?")
    assert "gốc so sánh" in mismatch(centre, req, None)
    assert "gốc so sánh" not in mismatch(council, req, None)
    req = parse_request("Dự toán chi năm 2025 TW giao là bao nhiêu?")
    assert "gốc so sánh" not in mismatch(centre, req, None)
    assert "gốc so sánh" in mismatch(council, req, None)


def test_a_share_of_another_issuers_plan_does_not_answer():
    s = ("Thu ngân sách 6 tháng ước đạt 240,5 tỷ đồng, bằng 55,1% dự toán tỉnh giao, bằng 51,3% dự toán "
         "Hội đồng nhân dân huyện giao, tăng 4,2% so với cùng kỳ.")
    p = {"label": "6 tháng đầu năm 2024", "start": "2024-01-01", "end": "2024-06-30"}
    prov = _fact("1", 55.1, "55,1", "Thu ngân sách", s, p, role="share_plan")
    dist = _fact("2", 51.3, "51,3", "Thu ngân sách", s, p, role="share_plan")
    req = parse_request("Thu ngân sách 6 tháng 2024 bằng bao nhiêu % dự toán HĐND huyện giao?")
    assert "gốc so sánh" in mismatch(prov, req, None) and "gốc so sánh" not in mismatch(dist, req, None)
    req = parse_request("Thu ngân sách 6 tháng 2024 bằng bao nhiêu % dự toán tỉnh giao?")
    assert "gốc so sánh" not in mismatch(prov, req, None) and "gốc so sánh" in mismatch(dist, req, None)
    # the abbreviation asked, the words written: "HĐND" is "Hội đồng nhân dân"
    s2 = "Thu ngân sách năm ước đạt 610 tỷ đồng, bằng 104,2% dự toán Hội đồng nhân dân tỉnh giao."
    f = _fact("3", 104.2, "104,2", "Thu ngân sách", s2, role="share_plan", kind="estimate")
    req = parse_request("Thu ngân sách năm 2023 bằng bao nhiêu % dự toán HĐND tỉnh giao?")
    assert "gốc so sánh" not in mismatch(f, req, None)


def test_a_day_to_date_asked_is_the_months_to_that_month():
    from assistant.ingest.periods import compatible
    req = parse_request("Vốn đầu tư công giải ngân đến 20/4/2024 được bao nhiêu?")
    assert [p.label() for p in req.periods] == ["4 tháng đầu năm 2024"]
    req = parse_request("Tỷ lệ giải ngân của tỉnh đến giữa tháng 3/2025 là bao nhiêu?")
    assert [p.label() for p in req.periods] == ["3 tháng đầu năm 2025"] and "giữa" not in req.terms
    req = parse_request("Quý II/2024 tỉnh đặt mục tiêu giải ngân đến 30/6 đạt bao nhiêu?")
    assert "6 tháng đầu năm 2024" in [p.label() for p in req.periods]
    # the first three months are the first quarter
    assert compatible(Period("first3", 2025), Period("q1", 2025))
    assert not compatible(Period("first3", 2025), Period("q2", 2025))
    # a report's own text keeps a mid-month day as no period
    assert find_periods("đến ngày 20/4/2024 giải ngân 310 tỷ đồng") == []


def test_the_change_written_right_after_an_amount_is_its_output_change():
    s = "Niên vụ cà phê 2024 thu hoạch được 12.400 tấn, giảm 3,6% so với vụ trước do khô hạn."
    level = _fact("1", 12400, "12.400", "Niên vụ cà phê thu hoạch", s, unit="tấn")
    change = _fact("1", 3.6, "3,6", "Niên vụ cà phê thu hoạch", s, role="change")
    index = FactIndex([level, change], {"d1": None})
    chosen, _ = choose(index, parse_request("Sản lượng cà phê niên vụ 2024 tăng hay giảm so với vụ trước?"), ["c1"])
    assert chosen is not None and chosen.fact.text == "3,6"


def test_a_basis_written_once_after_a_run_of_changes_is_each_ones():
    s = "Trong tháng giá gas giảm 2,15%, giá điện sinh hoạt tăng 0,84% so với tháng trước."
    m5 = {"label": "tháng 5 năm 2025", "start": "2025-05-01", "end": "2025-05-31"}
    gas = _fact("1", 2.15, "2,15", "giá gas", s, m5, role="change")
    req = parse_request("Giá gas tháng 5/2025 tăng hay giảm so với tháng trước, bao nhiêu?")
    assert "gốc so sánh" not in mismatch(gas, req, None)
    req = parse_request("Giá gas tháng 5/2025 tăng bao nhiêu so với cùng kỳ năm trước?")
    assert "gốc so sánh" in mismatch(gas, req, None)
    # a share in between ends the run: the basis is not carried over it
    s2 = "Doanh thu giảm 2,15%, bằng 40% kế hoạch năm, lượt khách tăng 3% so với tháng trước."
    f = _fact("2", 2.15, "2,15", "doanh thu", s2, m5, role="change")
    req = parse_request("Doanh thu tháng 5/2025 giảm bao nhiêu so với cùng kỳ?")
    assert "gốc so sánh" not in mismatch(f, req, None)


def test_a_figure_stated_to_the_day_asked_answers_whatever_its_report_period():
    m3 = {"label": "tháng 3 năm 2025", "start": "2025-03-01", "end": "2025-03-31"}
    s = "Đến ngày 20/3/2025, toàn tỉnh giải ngân được 412,6 tỷ đồng vốn đầu tư công."
    f = _fact("1", 412.6, "412,6", "giải ngân vốn đầu tư công", s, m3, unit="tỷ đồng")
    assert "kỳ" not in mismatch(f, parse_request("Giải ngân vốn đầu tư công đến 20/3/2025 được bao nhiêu?"), None)
    assert "kỳ" in mismatch(f, parse_request("Giải ngân vốn đầu tư công đến 25/3/2025 được bao nhiêu?"), None)


def test_a_word_at_the_end_of_the_asked_phrase_is_no_inserted_modifier():
    # "khu vực dịch vụ" asked, "tỷ trọng dịch vụ" read: "vực" is not put between two words of the name
    s = "Cơ cấu tương ứng của năm trước lần lượt là 21,4%; 30,2%; 44,9% và 3,5%."
    f = _fact("1", 44.9, "44,9", "tỷ trọng dịch vụ trong GRDP", s, role="share_whole")
    other = _fact("2", 9.0, "9,0", "khu vực dịch vụ", "Khu vực dịch vụ tăng 9,0%.", role="change")
    index = FactIndex([f, other], {"d1": None, "d2": None})
    req = parse_request("Tỷ trọng khu vực dịch vụ trong GRDP năm 2023 là bao nhiêu?")
    assert not index.compound_dropped(0, req)


def test_an_accrued_stock_is_preferred_when_the_question_asks_lũy_kế():
    y22 = {"label": "năm 2022", "start": "2022-01-01", "end": "2022-12-31"}
    new = _fact("1", 41, "41", "dự án FDI", "Trong năm, cấp mới 17 dự án trong nước; 41 dự án FDI, vốn đăng ký 612 triệu USD.",
                y22, unit="dự án", role="count")
    stock = _fact("2", 512, "512", "dự án FDI", "Lũy kế đến nay, toàn tỉnh có 1.204 dự án trong nước; 512 dự án FDI.",
                  y22, unit="dự án", role="count")
    from dataclasses import replace
    stock = replace(stock, chunk_id="c1", doc_id="d1")  # one passage: retrieval ranks them alike
    index = FactIndex([new, stock], {"d1": None})
    chosen, _ = choose(index, parse_request("Lũy kế đến cuối 2022, toàn tỉnh có bao nhiêu dự án FDI?"), ["c1"])
    assert chosen is not None and chosen.fact.text == "512"
