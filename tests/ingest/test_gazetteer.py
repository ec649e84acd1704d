"""Bare place names a document resolves by the levels it writes elsewhere."""

from assistant.ingest.gazetteer import document_gazetteer


def _level(mentions, sentence="Giá trị sản xuất tăng cao ở Tân Lạc 12,4%."):
    found = document_gazetteer(mentions, "Hòa Bình").find(sentence)
    return [place for _, _, place in found]


def test_a_name_written_with_two_levels_takes_the_level_written_most_often():
    assert _level(["huyện Tân Lạc", "thị xã Tân Lạc", "huyện Tân Lạc"]) == ["huyện Tân Lạc"]
    assert _level(["thị xã Tân Lạc", "huyện Tân Lạc", "thị xã Tân Lạc"]) == ["thị xã Tân Lạc"]


def test_on_a_tie_the_first_written_level_wins_whatever_the_order_of_a_set():
    assert _level(["huyện Tân Lạc", "thị xã Tân Lạc"]) == ["huyện Tân Lạc"]
    assert _level(["thị xã Tân Lạc", "huyện Tân Lạc"]) == ["thị xã Tân Lạc"]


def test_the_documents_own_place_is_never_a_bare_name_match():
    assert _level(["huyện Tân Lạc"], "Tỉnh Hòa Bình có 10 huyện.") == []
