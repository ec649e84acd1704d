"""An official adds a report from another province (tests/fixtures/other_province_9t.txt, figures
invented) to the five seeds, on the real models: each answer gives that province's figure for
the period asked, and what the report does not give is refused — never a seed's figure."""

import shutil

import pytest

from assistant.config import ROOT

REPORT = ROOT / "tests" / "fixtures" / "other_province_9t.txt"


@pytest.fixture(scope="module")
def official(settings, tmp_path_factory):
    from dataclasses import replace

    from assistant.chat.pipeline import Service

    tmp = tmp_path_factory.mktemp("office")
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    shutil.copytree(ROOT / "embeddings" / "cache", tmp / "embeddings" / "cache")  # the seeds' vectors
    s = replace(settings, corpus_dir=tmp / "corpus", embeddings_dir=tmp / "embeddings")
    svc = Service(s)
    report = svc.add_documents([str(REPORT)])
    assert report.added and not report.errors
    return svc


def test_profile_of_the_new_report(official):
    doc = next(d for d in official.documents() if d["source_file"] == REPORT.name)
    assert doc["place"] == "Hà Tĩnh" and doc["period"]["label"] == "9 tháng đầu năm 2024"


@pytest.mark.parametrize("question, figure", [
    ("Kim ngạch xuất khẩu 9 tháng năm 2024 của tỉnh Hà Tĩnh đạt bao nhiêu?", "1.286,4"),
    ("Tỷ lệ giải ngân vốn đầu tư công 9 tháng năm 2024 của huyện Lộc Hà là bao nhiêu?", "39,2"),
    ("Hà Tĩnh phấn đấu tổng thu ngân sách cả năm 2024 đạt bao nhiêu?", "17.500"),
])
def test_the_figure_of_that_province_place_and_period(official, question, figure):
    a = official.ask(question)
    assert not a.refused and a.mode == "facts"
    assert a.facts[0]["text"] == figure and a.facts[0]["doc_id"] == "other-province-9t"


@pytest.mark.parametrize("question, not_shown", [
    ("Chỉ số giá tiêu dùng (CPI) bình quân 9 tháng năm 2024 của tỉnh Hà Tĩnh tăng bao nhiêu so với cùng kỳ?", None),
    # the seeds give this indicator for 6 months 2024 (Bắc Giang): it must not answer for Hà Tĩnh
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2024 của Hà Tĩnh là bao nhiêu?", "32.581"),
])
def test_what_the_report_does_not_give_is_refused(official, question, not_shown):
    a = official.ask(question)
    assert a.refused
    if not_shown:
        assert not_shown not in a.answer
