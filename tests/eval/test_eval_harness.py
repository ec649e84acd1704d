"""The harness end to end on a scripted service and searcher: records, resume, report.json, HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_fakes import FakeSearch, FakeService, Reply, make_hit

from assistant.eval.dataset import Item
from assistant.eval.harness import RECORDS, load_records, run_eval
from assistant.eval.scoring import score


def _pick(items: list[Item]) -> dict[str, Item]:
    first = lambda pred: next(i for i in items if pred(i))
    return {
        "body": first(lambda i: i.type == "body"),
        "footnote": first(lambda i: i.type == "footnote"),
        "comparison": first(lambda i: i.type == "comparison" and len(i.evidence) == 2),
        "list": first(lambda i: i.type == "list" and i.expected_terms),
        "refused": first(lambda i: i.type == "unanswerable"),
        "invented": [i for i in items if i.type == "unanswerable"][1],
        "broken": [i for i in items if i.type == "body"][1],
    }


def _scripts(p: dict[str, Item]) -> tuple[dict[str, Reply], dict]:
    body, fn, cmp_, lst = p["body"], p["footnote"], p["comparison"], p["list"]
    noise = make_hit("Nội dung không liên quan đến câu hỏi.", n=90)
    cite = lambda it, n: make_hit(
        "Trích đoạn: " + " … ".join(it.evidence) + ".", it.doc_id or "x", n
    )
    replies = {
        body.question: Reply(f"Theo báo cáo, {body.answer} [1].", [cite(body, 1)]),
        fn.question: Reply(
            "Con số là 12.345 [1].", [noise], verified=False
        ),  # wrong figure, wrong citation
        cmp_.question: Reply(
            f"Chênh lệch {cmp_.answer} [1][2].",
            [make_hit(cmp_.evidence[0], n=2), make_hit(cmp_.evidence[1], n=3)],
        ),
        lst.question: Reply(f"Gồm {lst.answer}.", [cite(lst, 4)]),
        p["invented"].question: Reply("Khoảng 42%.", [noise], verified=False, stream=False),
        p["broken"].question: Reply("", fail=True),
    }
    search = {
        body.question: [noise, cite(body, 1)],  # evidence at rank 2
        fn.question: [noise],
        cmp_.question: [
            make_hit(cmp_.evidence[1], n=3),
            noise,
            make_hit(cmp_.evidence[0], n=2),
        ],  # both by rank 3
    }
    return replies, search


@pytest.fixture()
def picked(eval_items: list[Item]) -> dict[str, Item]:
    return _pick(eval_items)


def _run(picked: dict[str, Item], out: Path, **kw) -> tuple[dict, FakeService, FakeSearch]:
    replies, hits = _scripts(picked)
    service, search = FakeService(replies), FakeSearch(hits)
    summary = run_eval(
        list(picked.values()), service, search, out, k=5, progress=False, meta={"llm": "fake"}, **kw
    )
    return summary, service, search


def test_run_writes_records_report_json_and_html(picked: dict[str, Item], tmp_path: Path) -> None:
    summary, service, search = _run(picked, tmp_path)
    assert len(service.asked) == 7 and all(k == 5 for _, k in search.calls)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in report["items"]}
    v = {name: rows[it.id]["verdicts"] for name, it in picked.items()}

    assert v["body"]["passed"] and v["body"]["numeric"] and v["body"]["citation"]
    assert v["body"]["retrieval_rank"] == 2 and v["body"]["matched"]
    assert (
        not v["footnote"]["numeric"]
        and v["footnote"]["citation"] is False
        and v["footnote"]["retrieval_rank"] is None
    )
    assert (
        v["comparison"]["passed"]
        and v["comparison"]["citation"]
        and v["comparison"]["retrieval_rank"] == 3
    )
    assert v["list"]["numeric"] and v["list"]["terms"] and v["list"]["passed"]
    assert v["refused"]["refusal_ok"] is True and v["refused"]["passed"]
    assert v["invented"]["refusal_ok"] is False and not v["invented"]["passed"]
    assert (
        rows[picked["broken"].id]["error"].startswith("RuntimeError") and not v["broken"]["passed"]
    )

    body = rows[picked["body"].id]
    assert (
        body["question"] == picked["body"].question
        and body["expected"]["value"] == picked["body"].value
    )
    assert body["citations"][0]["text"].startswith("Trích đoạn") and [
        h["rank"] for h in body["retrieved"]
    ] == [1, 2]
    t = body["timings"]
    assert set(t) == {"search_s", "first_token_s", "total_s"} and t["first_token_s"] <= t["total_s"]
    # no tokens streamed: the first text the user sees is the final answer
    inv = rows[picked["invented"].id]["timings"]
    assert inv["first_token_s"] == inv["total_s"]

    assert summary == report["summary"]
    assert summary["counts"] == {"items": 7, "answerable": 5, "unanswerable": 2, "errors": 1}
    assert summary["overall"]["numeric_accuracy"]["value"] == pytest.approx(3 / 5)
    assert summary["overall"]["refusal_accuracy"]["value"] == 0.5
    assert (
        report["meta"]["llm"] == "fake"
        and report["meta"]["k"] == 5
        and report["meta"]["set_fingerprint"]
    )

    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "</html>" in html
    assert "<script" not in html and "href=" not in html and "src=" not in html  # self-contained
    assert (
        picked["footnote"].question in html and picked["footnote"].evidence[0] in html
    )  # a failure, with its evidence
    assert "Con số là 12.345" in html
    assert picked["body"].question not in html  # passed items are not in the failure table
    assert "Các câu chưa đạt (3)" in html


def test_second_run_resumes_without_asking_finished_items(
    picked: dict[str, Item], tmp_path: Path
) -> None:
    _run(picked, tmp_path)
    first = (tmp_path / RECORDS).read_text(encoding="utf-8").splitlines()
    _, service, search = _run(picked, tmp_path)
    assert service.asked == [picked["broken"].question]  # only the item that ended in an error
    assert [q for q, _ in search.calls] == [picked["broken"].question]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["meta"]["reused_items"] == 6 and len(report["items"]) == 7
    assert (tmp_path / RECORDS).read_text(encoding="utf-8").splitlines()[:7] == first


def test_interrupted_run_keeps_finished_items(picked: dict[str, Item], tmp_path: Path) -> None:
    items = list(picked.values())
    replies, hits = _scripts(picked)

    class Interrupting(FakeService):
        def ask_stream(self, question, history=None, doc_ids=None):
            if len(self.asked) == 3:
                raise KeyboardInterrupt
            yield from super().ask_stream(question, history, doc_ids)

    with pytest.raises(KeyboardInterrupt):
        run_eval(items, Interrupting(replies), FakeSearch(hits), tmp_path, progress=False)
    assert set(load_records(tmp_path / RECORDS)) == {i.id for i in items[:3]}
    service = FakeService(replies)
    run_eval(items, service, FakeSearch(hits), tmp_path, progress=False)
    assert service.asked == [i.question for i in items[3:]]


def test_changed_question_or_no_resume_asks_again(picked: dict[str, Item], tmp_path: Path) -> None:
    _run(picked, tmp_path)
    _, service, _ = _run(picked, tmp_path, resume=False)
    assert len(service.asked) == 7
    assert len(load_records(tmp_path / RECORDS)) == 7
    body = picked["body"]
    changed = dict(picked, body=Item(**{**body.__dict__, "question": body.question + " (sửa)"}))
    service = FakeService()
    run_eval(list(changed.values()), service, None, tmp_path, progress=False)
    # no searcher this time: retrieval is not scored, even from the records that have hits
    assert changed["body"].question in service.asked
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert all(r["verdicts"]["retrieval_recall"] is None for r in report["items"] if not r["error"])


def test_scoring_an_old_record_uses_the_current_expectation(
    picked: dict[str, Item], tmp_path: Path
) -> None:
    _run(picked, tmp_path)
    body = picked["body"]
    rec = load_records(tmp_path / RECORDS)[body.id]
    assert score(body, rec, 5).numeric
    assert not score(Item(**{**body.__dict__, "value": body.value + 1}), rec, 5).numeric  # type: ignore[operator]


def test_run_eval_rejects_bad_arguments(picked: dict[str, Item], tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        run_eval([], FakeService(), None, tmp_path, progress=False)
    with pytest.raises(ValueError):
        run_eval(list(picked.values()), FakeService(), None, tmp_path, k=0, progress=False)


def test_retrieval_only_run_scores_retrieval_and_not_answers(
    picked: dict[str, Item], tmp_path: Path
) -> None:
    _, hits = _scripts(picked)
    search = FakeSearch(hits)
    summary = run_eval(list(picked.values()), None, search, tmp_path, progress=False)
    assert len(search.calls) == 7
    assert (
        summary["overall"]["numeric_accuracy"]["n"] == 0
        and summary["overall"]["pass_rate"]["n"] == 0
    )
    assert summary["overall"]["hit_at_k"]["n"] == 5 and summary["overall"]["hit_at_k"][
        "value"
    ] == pytest.approx(2 / 5)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert all(r["verdicts"]["passed"] is None and r["answer"] is None for r in report["items"])
    assert "Các câu chưa đạt (0)" in (tmp_path / "report.html").read_text(encoding="utf-8")
    # a full run afterwards asks every question: retrieval-only records hold no answers
    replies, _ = _scripts(picked)
    service = FakeService(replies)
    run_eval(list(picked.values()), service, search, tmp_path, progress=False)
    assert len(service.asked) == 7
    with pytest.raises(ValueError):
        run_eval(list(picked.values()), None, None, tmp_path, progress=False)
