"""A rate per head asked ("bao nhiêu bác sĩ trên 10.000 dân") is answered only by a rate per that
many people, and a count asked ("bao nhiêu bác sĩ") never by a rate (sentences written for these
tests, figures invented)."""

from assistant.generation.factpick import mismatch
from assistant.generation.request import parse_request
from assistant.numbers import find_numbers, read_unit
from tests.generation.test_matter_asked import _fact

S = "Toàn tỉnh có 1.120 bác sĩ, đạt 9,6 bác sĩ/10.000 dân; 240 dược sĩ đại học, đạt 2,1 dược sĩ/10.000 dân."


def _unit(figure: str) -> str:
    m = next(m for m in find_numbers(S) if m.text == figure)
    return read_unit(S, m.end).unit


def test_a_rate_of_any_noun_per_head_is_read_whole():
    assert _unit("2,1") == "dược sĩ/10.000 dân" and _unit("9,6") == "bác sĩ/10.000 dân"


def test_a_rate_asked_is_answered_by_a_rate_and_a_count_by_a_count():
    count = _fact(S, "240", "dược sĩ", "dược sĩ đại học")
    rate = _fact(S, "2,1", _unit("2,1"), "dược sĩ đại học")
    per = parse_request("Tỉnh có bao nhiêu dược sĩ đại học trên một vạn dân?")
    assert per.per == "/10.000 dân" and "vạn" not in per.terms and "dân" not in per.terms
    assert "đơn vị" in mismatch(count, per, None) and "đơn vị" not in mismatch(rate, per, None)
    many = parse_request("Tỉnh có bao nhiêu dược sĩ đại học?")
    assert "đơn vị" in mismatch(rate, many, None) and "đơn vị" not in mismatch(count, many, None)


def test_a_rate_named_in_the_indicator_fits_too():
    beds = _fact("Số giường bệnh/vạn dân đạt 31,8 giường.", "31,8", "giường", "Số giường bệnh/vạn dân")
    assert "đơn vị" not in mismatch(beds, parse_request("Số giường bệnh trên 10.000 dân đạt bao nhiêu?"), None)


def test_a_rate_of_another_noun_is_not_the_rate_asked():
    doctors = _fact(S, "9,6", _unit("9,6"), "dược sĩ đại học")  # an indicator read too wide
    assert "đơn vị" in mismatch(doctors, parse_request("Tỉnh có bao nhiêu dược sĩ đại học trên 10.000 dân?"), None)
    assert "đơn vị" not in mismatch(doctors, parse_request("Tỉnh có bao nhiêu bác sĩ trên 10.000 dân?"), None)


def test_the_figure_whose_label_the_question_names_wins_over_its_neighbour():
    from assistant.generation.factpick import FactIndex

    s = "Sản lượng muối đạt 42.600 tấn, trong đó đồng muối Hòn Khói đạt 31.800 tấn, các đồng muối còn lại đạt 10.800 tấn."
    whole, named, rest = (_fact(s, "42.600", "tấn", "Sản lượng muối"), _fact(s, "31.800", "tấn", "đồng muối Hòn Khói"),
                          _fact(s, "10.800", "tấn", "các đồng muối còn lại"))
    index = FactIndex([whole, named, rest], {"d": None})
    req = parse_request("Đồng muối Hòn Khói đạt sản lượng bao nhiêu tấn?")
    assert index.neighbour_owns(rest, req) and not index.neighbour_owns(named, req)
