"""Words that only frame an indicator ("nền kinh tế", "ngành công nghiệp") name nothing a report
writes beside its figure (questions written for these tests)."""

from assistant.generation.request import parse_request


def test_the_economy_is_named_without_its_framing_word():
    assert parse_request("Tỷ trọng dịch vụ trong nền kinh tế của tỉnh năm 2024 là bao nhiêu?").terms == \
        ["tỷ", "trọng", "dịch", "vụ", "kinh", "tế"]
    # "nền tảng số" is a thing of its own
    assert "nền" in parse_request("Bao nhiêu doanh nghiệp dùng nền tảng số năm 2024?").terms


def test_a_sector_is_named_without_ngành():
    assert parse_request("Năm 2024 riêng ngành xây dựng tăng bao nhiêu?").terms == ["xây", "dựng"]
    # "toàn ngành", "các ngành", "ngành nghề" keep the word
    assert "ngành" in parse_request("Chế biến chiếm bao nhiêu % toàn ngành công nghiệp?").terms
    assert "ngành" in parse_request("Các ngành triển khai bao nhiêu nhiệm vụ?").terms
    assert "ngành" in parse_request("Có bao nhiêu cơ sở ngành nghề nông thôn?").terms


def test_a_region_in_a_works_name_is_not_the_place_asked():
    places = ["Thái Bình", "Nam Định"]
    req = parse_request("Tuyến cao tốc Bắc - Nam - Vùng Duyên hải đoạn qua Thái Bình dài bao nhiêu km?", places)
    assert req.place == "Thái Bình"
    # a region asked alone is the place
    assert parse_request("Năm 2024 vùng Tây Nguyên có bao nhiêu dự án?", places).place == "vùng Tây Nguyên"


def test_a_refusal_names_the_whole_term_no_report_uses():
    from assistant.generation.request import missing_phrases

    q = "Tỷ lệ lao động qua đào tạo nghề của tỉnh năm 2024 là bao nhiêu?"
    assert missing_phrases(q, ["nghề"]) == ["tỷ lệ lao động qua đào tạo nghề"]
    # words reports leave out and the unit counted are no part of the term
    assert missing_phrases("Kim ngạch nhập khẩu quý I/2024 đạt bao nhiêu?", ["nhập", "khẩu"]) == ["nhập khẩu"]
    assert missing_phrases("Quý II/2024 ghi nhận bao nhiêu ca tay chân miệng?", ["tay", "miệng"]) == ["tay chân miệng"]
    # a place and a period end a term
    assert missing_phrases("Số ca mắc sởi của huyện Đông Anh năm 2024?", ["sởi"], ["huyện Đông Anh"]) == ["ca mắc sởi"]


def _fact(sentence, figure, unit, indicator, role="level"):
    from assistant.ingest.facts import Fact

    start = sentence.index(figure)
    return Fact(fact_id=f"d:1:{start}", doc_id="d", chunk_id="d:1", section="", sentence=sentence, start=start,
                end=start + len(figure), text=figure, value=None, scale=1.0, unit=unit, role=role, kind="actual",
                period=None, place=None, indicator=indicator, basis=None, in_footnote=False, page=None)


def test_the_size_of_the_economy_is_grdp():
    from assistant.generation.factpick import FactIndex, choose

    s = "Quy mô GRDP theo giá hiện hành đạt 95.420 tỷ đồng; thu ngân sách đạt 12.300 tỷ đồng."
    grdp = _fact(s, "95.420", "tỷ đồng", "Quy mô GRDP theo giá hiện hành")
    budget = _fact(s, "12.300", "tỷ đồng", "thu ngân sách")
    index = FactIndex([grdp, budget], {"d": None})
    best, _ = choose(index, parse_request("Quy mô nền kinh tế của tỉnh là bao nhiêu tỷ đồng?"), ["d:1"])
    assert best is not None and best.fact is grdp
    # the economy's words do not make a budget figure the economy
    best, _ = choose(index, parse_request("Thu ngân sách của nền kinh tế là bao nhiêu?"), ["d:1"])
    assert best is None or best.fact is budget
