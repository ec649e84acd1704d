"""The load script's arithmetic and CLI wiring (the real run drives `baocao serve`; no timing
is asserted)."""

import math

from assistant.cli import build_parser
from assistant.loadtest import percentile, read_questions, summarize


def test_nearest_rank_percentiles():
    xs = [float(i) for i in range(1, 21)]
    assert percentile(xs, 50) == 10.0 and percentile(xs, 95) == 19.0
    assert percentile([4.0], 95) == 4.0 and math.isnan(percentile([], 50))


def test_summary_counts_model_answers_queue_and_errors():
    recs = [
        {"evidence_s": 0.5, "answer_s": 1.0, "positions": [], "mode": "facts"},
        {"evidence_s": 0.6, "answer_s": 30.0, "positions": [2, 1], "mode": "llm", "crossed": True},
        {"evidence_s": None, "answer_s": None, "positions": [], "error": "AppError: x"},
    ]
    out = summarize(2, recs, 31.0)
    assert out["questions"] == 3 and out["answered"] == 2 and out["model_answers"] == 1
    assert out["max_queue_position"] == 2 and out["errors"] == ["AppError: x"] and out["crossed"] == 1
    assert out["evidence_s"]["p50"] == 0.5 and out["answer_s"]["p95"] == 30.0


def test_questions_file_skips_comments(tmp_path):
    f = tmp_path / "q.txt"
    f.write_text("# chú thích\nCâu một?\n\nCâu hai?\n", encoding="utf-8")
    assert read_questions(f) == ["Câu một?", "Câu hai?"]


def test_bench_users_flags():
    args = build_parser().parse_args(["bench", "--users", "1", "--users", "8", "--per-user", "3"])
    assert args.users == [1, 8] and args.per_user == 3 and args.url is None
