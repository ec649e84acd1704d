"""Follow-ups resolved against the conversation state (chat/followup.py, topic.py, state.py)."""

import pytest

from assistant.chat.state import Conversation
from assistant.generation.request import parse_request

PLACES = ["Nghệ An", "Long An", "huyện Lục Ngạn"]
EXPORT = "Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt bao nhiêu?"


def walk(*questions, facts=None):
    """The resolutions of a conversation's questions, in order (no answers in between)."""
    conv, out = Conversation(), []
    for q in questions:
        r = conv.resolve(q, PLACES)
        conv.topic, conv.facts = r.topic, facts or []
        out.append(r)
    return out


@pytest.mark.parametrize("follow, expected", [
    ("còn năm 2022?", "Giá trị xuất khẩu năm 2022 đạt bao nhiêu?"),
    ("Còn 6 tháng đầu năm 2023 thì sao?", "Giá trị xuất khẩu 6 tháng đầu năm 2023 đạt bao nhiêu?"),
    ("Còn Nghệ An?", "Giá trị xuất khẩu 6 tháng đầu năm 2024 của Nghệ An đạt bao nhiêu?"),
    ("Tăng bao nhiêu?", "Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu?"),
])
def test_a_follow_up_without_an_indicator_keeps_the_last_one(follow, expected):
    assert walk(EXPORT, follow)[1].standalone == expected


def test_a_question_naming_its_own_indicator_never_inherits_the_old_one():
    r = walk(EXPORT, "Tỷ lệ hộ nghèo năm 2022 thì sao?")[1]
    assert r.kind == "new" and r.standalone == "Tỷ lệ hộ nghèo năm 2022 đạt bao nhiêu?"
    assert not {"xuất", "khẩu"} & set(parse_request(r.standalone, PLACES).terms)


def test_a_new_indicator_inherits_the_place_and_a_cued_period():
    first = "GRDP 9 tháng năm 2024 của Nghệ An tăng bao nhiêu?"
    r = walk(first, "Còn xuất khẩu?")[1]
    assert r.kind == "new" and "Nghệ An" in r.standalone and "9 tháng đầu năm 2024" in r.standalone
    assert "GRDP" not in r.standalone
    plain = walk(first, "Tỷ lệ hộ nghèo là bao nhiêu?")[1]
    assert "Nghệ An" in plain.standalone and "2024" not in plain.standalone


def test_trong_do_narrows_to_a_component_in_the_same_period_and_place():
    _, b, c = walk("Tổng thu NSNN 6 tháng đầu năm 2024 của Nghệ An đạt bao nhiêu?", "Trong đó thu nội địa?",
                   "còn năm 2023?")
    assert b.kind == "component"
    assert b.standalone == "Trong tổng thu NSNN, thu nội địa 6 tháng đầu năm 2024 của Nghệ An đạt bao nhiêu?"
    req = parse_request(b.standalone, PLACES)
    assert req.terms == ["thu", "nội", "địa"] and req.within == ["thu", "nsnn"] and req.place == "Nghệ An"
    assert [p.label() for p in req.periods] == ["6 tháng đầu năm 2024"]
    assert c.standalone.startswith("Trong tổng thu NSNN, thu nội địa năm 2023")


def test_a_reference_uses_the_facts_last_shown():
    shown = [{"text": "15", "unit": "dự án", "indicator": "dự án đầu tư trong nước", "sentence": "…"}]
    r = walk("6 tháng đầu năm 2024 cấp mới bao nhiêu dự án đầu tư trong nước?",
             "Tổng vốn đăng ký của các dự án đó là bao nhiêu?", facts=shown)[1]
    assert r.kind == "reference"
    assert r.standalone == "Đối với 15 dự án đầu tư trong nước, tổng vốn đăng ký 6 tháng đầu năm 2024 là bao nhiêu?"
    assert parse_request(r.standalone, PLACES).terms == ["vốn", "đăng", "ký"]


def test_con_so_do_is_the_last_indicator_itself():
    r = walk(EXPORT, "Con số đó tăng bao nhiêu so với cùng kỳ?")[1]
    assert r.standalone == "Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu so với cùng kỳ?"


@pytest.mark.parametrize("follow, expected", [
    ("so với kế hoạch thì sao?", "Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt bao nhiêu % kế hoạch?"),
    ("So với dự toán?", "Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt bao nhiêu % kế hoạch?"),
    ("so cùng kỳ thì sao?", "Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu so với cùng kỳ?"),
    ("so với 6 tháng đầu năm 2023?", "Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu % so với 6 tháng đầu năm 2023?"),
])
def test_so_voi_turns_the_last_figure_into_one_side(follow, expected):
    r = walk(EXPORT, follow)[1]
    assert r.kind == "compare" and r.standalone == expected


def test_so_voi_a_place_compares_two_places_and_a_rate_two_periods():
    rate = [{"text": "8,3", "unit": "%", "indicator": "GRDP", "sentence": "…"}]
    grdp = "GRDP 9 tháng năm 2024 của Nghệ An tăng bao nhiêu?"
    assert walk(grdp, "so với Long An?", facts=rate)[1].standalone == \
        "GRDP 9 tháng đầu năm 2024 của Nghệ An cao hơn Long An bao nhiêu?"
    assert walk(grdp, "so với năm 2023?", facts=rate)[1].standalone == \
        "GRDP 9 tháng đầu năm 2024 của Nghệ An cao hơn năm 2023 bao nhiêu?"


def test_an_unknown_place_is_read_as_a_place_not_an_indicator():
    r = walk(EXPORT, "Còn Hà Giang thì sao?")[1]
    assert r.kind == "same" and "của Hà Giang" in r.standalone and "xuất khẩu" in r.standalone


def test_a_period_without_year_takes_the_year_of_the_conversation():
    assert "quý III năm 2024" in walk(EXPORT, "còn quý 3 thì sao?")[1].standalone


def test_history_pairs_rebuild_the_topic():
    conv = Conversation.from_history([(EXPORT, "…"), ("còn năm 2022?", "…")], PLACES)
    assert conv.resolve("còn năm 2023?", PLACES).standalone == "Giá trị xuất khẩu năm 2023 đạt bao nhiêu?"


def test_a_question_starting_with_its_verb_is_about_the_last_indicator():
    r = walk("Tổng vốn đầu tư phát triển năm 2022 đạt bao nhiêu?", "Chiếm bao nhiêu % GRDP?")[1]
    assert r.kind == "same" and r.standalone == "Tổng vốn đầu tư phát triển năm 2022 chiếm bao nhiêu % GRDP?"
    counted = walk("Năm 2022 có bao nhiêu DN thành lập mới thuộc khu vực dịch vụ?", "Chiếm bao nhiêu %?")[1]
    assert counted.standalone == "DN thành lập mới thuộc khu vực dịch vụ năm 2022 chiếm bao nhiêu %?"
