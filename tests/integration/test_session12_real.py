"""An official adds a customs report laid out as officials' offices write them (a title on two lines,
a list after "Trong đó:", a table typed with tabs, counts joined by "và", a statement opening on
"Cùng kỳ năm 2023:"; tests/fixtures/customs_quang_ninh_10t.txt, figures invented) to the seeds, on
the real models: each answer is that figure for the place and period asked, or a refusal."""

import shutil

import pytest

from assistant.config import ROOT

REPORT = ROOT / "tests" / "fixtures" / "customs_quang_ninh_10t.txt"


@pytest.fixture(scope="module")
def official(settings, tmp_path_factory):
    from dataclasses import replace

    from assistant.chat.pipeline import Service

    tmp = tmp_path_factory.mktemp("customs")
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    shutil.copytree(ROOT / "embeddings" / "cache", tmp / "embeddings" / "cache")  # the seeds' vectors
    svc = Service(replace(settings, corpus_dir=tmp / "corpus", embeddings_dir=tmp / "embeddings"))
    report = svc.add_documents([str(REPORT)])
    assert report.added and not report.errors
    return svc


def test_the_period_of_a_title_on_two_lines(official):
    doc = next(d for d in official.documents() if d["source_file"] == REPORT.name)
    assert doc["place"] == "Quảng Ninh" and doc["period"]["label"] == "10 tháng đầu năm 2024"


@pytest.mark.parametrize("question, figure", [
    ("Xuất khẩu 10 tháng năm 2024 qua Quảng Ninh đạt bao nhiêu triệu USD?", "**2.905,1 triệu USD**"),
    ("10 tháng 2024 qua Quảng Ninh nhập siêu bao nhiêu triệu USD?", "nhập siêu 600,6 triệu USD"),
    ("Cửa khẩu Hoành Mô nhập khẩu bao nhiêu trong 10 tháng năm 2024?", "288,9"),
    ("Hải quan Quảng Ninh tiếp nhận bao nhiêu tờ khai nhập khẩu trong 10 tháng năm 2024?", "**48.115"),
])
def test_the_figure_asked(official, question, figure):
    a = official.ask(question)
    assert not a.refused and figure in a.answer, a.answer
    assert "Bắc Giang" not in a.answer.split("\n")[0], a.answer


def test_the_same_period_a_year_before_is_that_years_not_this_years(official):
    a = official.ask("Cùng kỳ năm 2023, hải quan Quảng Ninh tiếp nhận bao nhiêu tờ khai nhập khẩu?")
    first = a.answer.split("\n")[0]
    assert "**48.115" not in first and (a.refused or "44.020" in first), a.answer


def test_what_the_report_does_not_give_is_refused(official):
    a = official.ask("Kim ngạch xuất khẩu qua Quảng Ninh 10 tháng năm 2023 là bao nhiêu?")
    assert a.refused and "**2.905,1" not in a.answer.split("\n")[0], a.answer
