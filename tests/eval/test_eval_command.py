"""`baocao eval` as the CLI calls it, with the real pipeline replaced by the scripted fakes."""

from __future__ import annotations

import argparse
import json
import typing
from pathlib import Path

import pytest
from eval_fakes import CORPUS, EVAL_SET, FakeSearch, FakeService

from assistant.chat import pipeline
from assistant.config import load_settings
from assistant.eval.command import default_out, eval_command


class FakePipeline(FakeService):
    """Stands in for assistant.chat.pipeline.Service (refuses every question, records them)."""

    instances: typing.ClassVar[list[FakePipeline]] = []

    def __init__(self, settings, with_generator: bool = True):
        super().__init__()
        self.settings = settings
        self.with_generator = with_generator
        self.searcher = type("S", (), {"search": FakeSearch()})()
        FakePipeline.instances.append(self)


def _args(**kw) -> argparse.Namespace:
    base = {
        "compare": None,
        "set_file": None,
        "limit": None,
        "type": None,
        "doc": None,
        "out": None,
        "no_resume": False,
        "retrieval_only": False,
    }
    return argparse.Namespace(**{**base, **kw})


@pytest.fixture()
def settings(tmp_path: Path):
    return load_settings(env={}, eval_dir=tmp_path / "eval", corpus_dir=CORPUS)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    FakePipeline.instances = []
    monkeypatch.setattr(pipeline, "Service", FakePipeline)


def test_run_a_filtered_slice_and_compare(settings, tmp_path: Path, capsys) -> None:
    out = tmp_path / "run1"
    code = eval_command(_args(set_file=EVAL_SET, type=["footnote"], limit=3, out=out), settings)
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [r["type"] for r in report["items"]] == ["footnote"] * 3
    assert (
        report["meta"]["llm_model"] == settings.llm_model
        and report["meta"]["temperature"] == settings.temperature
    )
    printed = capsys.readouterr().out
    assert "Đúng số liệu:" in printed and str(out / "report.html") in printed
    assert (
        FakePipeline.instances[-1].asked
        and len(FakePipeline.instances[-1].searcher.search.calls) == 3
    )

    # retrieval only: the model is not loaded, nothing is asked
    code = eval_command(
        _args(
            set_file=EVAL_SET,
            doc=["tb-kl-ubnd-t4-2024"],
            out=tmp_path / "run2",
            retrieval_only=True,
        ),
        settings,
    )
    assert code == 0
    svc = FakePipeline.instances[-1]
    assert svc.with_generator is False and svc.asked == []

    capsys.readouterr()
    assert eval_command(_args(compare=(out, out)), settings) == 0
    assert "Câu được sửa (0)" in capsys.readouterr().out


def test_default_out_is_stable_per_pipeline_and_set(settings) -> None:
    a = default_out(settings, Path("eval/questions.jsonl"))
    assert a == default_out(settings, Path("eval/questions.jsonl"))
    assert a.parent == settings.eval_dir / "runs" and "questions" in a.name and "/" not in a.name


def test_empty_selection_and_unproven_set(settings, tmp_path: Path, capsys) -> None:
    assert eval_command(_args(set_file=EVAL_SET, doc=["khong-co"]), settings) == 2
    bad = tmp_path / "bad.jsonl"
    row = {
        "id": "b1",
        "question": "GRDP?",
        "type": "body",
        "doc_id": "bc-ktxh-6t-2024",
        "answer": "1 tỷ đồng",
        "value": 1,
        "unit": "tỷ đồng",
        "evidence": "câu không có trong báo cáo",
        "answerable": True,
    }
    bad.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    assert eval_command(_args(set_file=bad, out=tmp_path / "r"), settings) == 1
    assert "b1: bằng chứng không có" in capsys.readouterr().err
