"""The command line as a user meets it (no models needed for these)."""

import json
import subprocess
import sys

from assistant.cli import main


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True, **kw)


def test_chunks_json_prints_one_object_a_line_with_the_contract_fields():
    p = run("chunks", "--doc", "tb-kl-ubnd-t4-2024", "--json")
    assert p.returncode == 0
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert rows and all(r["doc_id"] == "tb-kl-ubnd-t4-2024" for r in rows)
    for key in ("chunk_id", "doc_id", "doc_title", "source_file", "section", "page", "text", "footnotes"):
        assert key in rows[0]


def test_missing_index_is_one_line_not_a_traceback(tmp_path):
    p = run("--index", "khong-co", "search", "GRDP", "--json", env={"BAOCAO_EMBEDDINGS_DIR": str(tmp_path),
                                                                  "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                                  "BAOCAO_HOME": str(tmp_path / "h")})
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and p.stderr.startswith("lỗi:") and len(p.stderr.strip().splitlines()) == 1


def test_ask_without_question_is_a_clear_message(capsys):
    assert main(["ask"]) == 2
    assert "Chưa có câu hỏi" in capsys.readouterr().err
