"""A question about the period before a report's ("vụ trước", "năm trước") is not answered by the
report's own figure nor by its change against that period (sentences written for these tests)."""

from assistant.generation.factpick import FactIndex, choose
from assistant.generation.request import asks_prior, parse_request
from assistant.ingest.facts import Fact


def _fact(sentence, figure, unit, indicator, role):
    start = sentence.index(figure)
    return Fact(fact_id=f"d:1:{start}", doc_id="d", chunk_id="d:1", section="", sentence=sentence, start=start,
                end=start + len(figure), text=figure, value=None, scale=1.0, unit=unit, role=role, kind="actual",
                period=None, place=None, indicator=indicator, basis=None, in_footnote=False, page=None)


def test_the_season_before_is_asked_not_compared_against():
    assert asks_prior("Năng suất ngô vụ trước đạt bao nhiêu tạ/ha?")
    assert asks_prior("Kỳ liền trước, tỉnh thu ngân sách được bao nhiêu?")
    assert not asks_prior("Năng suất ngô tăng bao nhiêu so với vụ trước?")
    assert not asks_prior("CPI tháng 5 tăng bao nhiêu so với tháng 12 năm trước?")
    assert not asks_prior("Sản lượng ngô cao hơn cùng kỳ năm trước bao nhiêu tấn?")


def test_no_figure_of_the_report_answers_the_season_before():
    s = "Vụ ngô Hè Thu đạt năng suất 61,5 tạ/ha, cao hơn vụ trước 1,7 tạ/ha."
    level = _fact(s, "61,5", "tạ/ha", "Vụ ngô Hè Thu năng suất", "level")
    change = _fact(s, "1,7", "tạ/ha", "Vụ ngô Hè Thu năng suất", "change")
    index = FactIndex([level, change], {"d": None})
    best, _ = choose(index, parse_request("Năng suất ngô vụ trước đạt bao nhiêu tạ/ha?"), ["d:1"])
    assert best is None
    best, _ = choose(index, parse_request("Năng suất ngô Hè Thu đạt bao nhiêu tạ/ha?"), ["d:1"])
    assert best is not None and best.fact is level
