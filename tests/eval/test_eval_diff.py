"""compare_runs: items fixed and broken between two runs, per verdict, and metric deltas."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_fakes import FakeSearch, FakeService, Reply, make_hit

from assistant.eval.dataset import Item
from assistant.eval.diff import compare_runs, compare_runs_dict
from assistant.eval.harness import run_eval


@pytest.fixture()
def three(eval_items: list[Item]) -> list[Item]:
    body = [i for i in eval_items if i.type == "body"][:2]
    return body + [next(i for i in eval_items if i.type == "unanswerable")]


def _right(it: Item) -> Reply:
    return Reply(f"{it.answer} [1].", [make_hit(it.evidence[0], it.doc_id or "x")])


def _run(items: list[Item], replies: dict[str, Reply], hits: dict, out: Path) -> Path:
    run_eval(items, FakeService(replies), FakeSearch(hits), out, progress=False)
    return out


def test_fixed_broken_and_deltas(three: list[Item], tmp_path: Path) -> None:
    a, b, un = three
    # old: a right, b wrong, the unanswerable one refused (default); evidence of a retrieved
    old = _run(
        three,
        {a.question: _right(a), b.question: Reply("không rõ, khoảng 1 [1]", [make_hit("khác")])},
        {a.question: [make_hit(a.evidence[0])]},
        tmp_path / "old",
    )
    # new: a answered with the right figure but a wrong citation, b right, un answered (invented)
    new = _run(
        three,
        {
            a.question: Reply(f"{a.answer}", [make_hit("khác")]),
            b.question: _right(b),
            un.question: Reply("Khoảng 5%.", []),
        },
        {b.question: [make_hit(b.evidence[0])]},
        tmp_path / "new",
    )
    d = compare_runs_dict(old, new)
    assert d["same_set"] and d["only_old"] == [] and d["only_new"] == []
    assert d["fixed"] == [b.id]
    assert d["broken"] == [un.id]
    assert d["verdicts"]["numeric"] == {"fixed": [b.id], "broken": []}
    assert d["verdicts"]["citation"] == {"fixed": [b.id], "broken": [a.id]}
    assert d["verdicts"]["refusal_ok"] == {"fixed": [], "broken": [un.id]}
    assert d["verdicts"]["retrieved"] == {"fixed": [b.id], "broken": [a.id]}
    m = d["metrics"]
    assert m["numeric_accuracy"]["old"] == 0.5 and m["numeric_accuracy"]["new"] == 1.0
    assert m["numeric_accuracy"]["delta"] == pytest.approx(0.5)
    assert m["refusal_accuracy"]["delta"] == pytest.approx(-1.0)
    assert "first_token_s" in m and m["first_token_s"]["delta"] is not None

    text = compare_runs(old, new)
    assert f"Câu được sửa (1): {b.id}" in text and f"Câu bị hỏng (1): {un.id}" in text
    assert "+50.0 điểm" in text and "trích dẫn" in text


def test_different_sets_are_flagged(three: list[Item], tmp_path: Path) -> None:
    a = three[0]
    old = _run(three[:2], {a.question: _right(a)}, {}, tmp_path / "old")
    new = _run(three[1:], {}, {}, tmp_path / "new")
    d = compare_runs_dict(old, new)
    assert not d["same_set"]
    assert d["only_old"] == [a.id] and d["only_new"] == [three[2].id]
    assert "bộ câu hỏi khác nhau" in compare_runs(old, new)


def test_missing_run_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="chưa có lượt chạy"):
        compare_runs_dict(tmp_path / "a", tmp_path / "b")
