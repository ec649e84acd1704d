"""Fact rules found on the fresh eval reports (a Mekong quarterly report, a statistics release,
an HĐND resolution), checked on sentences written for these tests."""

from assistant.numbers import read_unit

from tests.ingest.test_facts_scope import facts_of


def _by_text(sentence: str) -> dict:
    return {f.text: f for f in facts_of(sentence)}


def test_a_yield_in_tonnes_per_hectare_keeps_its_unit():
    assert read_unit("6,45 tấn/ha.", 4).unit == "tấn/ha"
    assert read_unit("6,45 tấn.", 4).unit == "tấn"


def test_a_clause_on_yield_names_its_own_indicator():
    f = _by_text("Đến ngày 15/8/2024 đã thu hoạch 41.300 ha, năng suất bình quân ước 6,45 tấn/ha.")
    assert f["6,45"].indicator == "năng suất bình quân" and f["6,45"].unit == "tấn/ha"


def test_the_injured_are_not_the_dead():
    f = _by_text("Xảy ra 17 vụ tai nạn giao thông, làm chết 11 người, bị thương 9 người; "
                 "so với cùng kỳ giảm 4 người chết, tăng 3 người bị thương.")
    assert f["9"].indicator == "bị thương"
    assert f["4"].indicator == "người chết" and f["4"].role == "change"
    assert f["3"].indicator == "người bị thương"


def test_the_basis_written_first_after_a_share_is_its_basis():
    f = _by_text("Vốn đầu tư công đã giải ngân 412,6 tỷ đồng, đạt 21,4% kế hoạch, cao hơn cùng kỳ năm 2023.")
    assert f["21,4"].role == "share_plan" and f["21,4"].basis == "kế hoạch"
