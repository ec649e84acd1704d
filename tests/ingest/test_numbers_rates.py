"""A rate per head of population is one figure with its denominator in the unit."""

from assistant.numbers import find_numbers, read_unit


def _figs(text: str) -> list[tuple[str, float | None, str]]:
    return [(m.text, m.value, read_unit(text, m.end).unit) for m in find_numbers(text)]


def test_bare_rate_keeps_its_decimals_and_denominator():
    # before: the figure was cut to "28" and the rest dropped
    assert _figs("Tỷ số bác sĩ của huyện đạt 28,7/10.000 dân.") == [("28,7", 28.7, "/10.000 dân")]


def test_counted_noun_per_head():
    assert _figs("có 41,2 giường bệnh/vạn dân") == [("41,2", 41.2, "giường/10.000 dân")]
    assert _figs("bình quân 9 bác sĩ/10.000 người") == [("9", 9.0, "bác sĩ/10.000 dân")]


def test_integer_rate_is_no_ratio():
    assert _figs("đạt 15/10.000 dân") == [("15", 15.0, "/10.000 dân")]


def test_ratio_and_score_unchanged():
    assert _figs("xử lý 1.450/1.602 hồ sơ") == [("1.450/1.602", None, "hồ sơ")]
    assert [m.text for m in find_numbers("đạt 88,35/100 điểm")] == ["88,35/100"]


def test_figure_never_cut_before_its_decimals():
    assert [m.text for m in find_numbers("tỷ số 12,6/45 là")] == []
