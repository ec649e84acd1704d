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
