"""`baocao search` and `baocao ask` on the real models: JSON lines, models loaded once."""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def run(*args):
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True, timeout=1800)


def test_search_from_file_prints_hits_per_question_in_order(tmp_path, service):
    qs = tmp_path / "q.txt"
    qs.write_text("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024\n\ntong thu ngan sach nam 2022\n", encoding="utf-8")
    p = run("search", "--from", str(qs), "--k", "3", "--json")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["rank"] for r in rows] == [1, 2, 3, 1, 2, 3]
    assert rows[0]["question"].startswith("Giá trị") and rows[3]["question"].startswith("tong thu")
    assert {"chunk_id", "doc_id", "doc_title", "source_file", "section", "page", "text", "footnotes", "score"} <= set(rows[0])


def test_ask_json_answers_with_the_contract_fields(service):
    p = run("ask", "Giá trị sản xuất công nghiệp (theo giá hiện hành) 6 tháng đầu năm 2024 đạt bao nhiêu?", "--json")
    assert p.returncode == 0, p.stderr
    a = json.loads(p.stdout.strip().splitlines()[-1])
    assert {"question", "answer", "citations", "verified", "unverified_numbers", "refused", "timings"} <= set(a)
    assert "315.145" in a["answer"] and a["verified"] and a["citations"]
    assert {"retrieve_s", "first_token_s", "total_s"} <= set(a["timings"])
