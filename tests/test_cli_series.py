"""`baocao series` as a user meets it, on an index of the fixture corpus (no model needed)."""

import json
import os
import subprocess
import sys

from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.embedder import HashingEmbedder


def run(tmp_path, *args):
    env = {**os.environ, "BAOCAO_EMBEDDINGS_DIR": str(tmp_path / "emb"), "BAOCAO_HOME": str(tmp_path / "h")}
    return subprocess.run([sys.executable, "-m", "assistant.cli", "--index", "fx", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_series_json_text_and_bad_input(tmp_path, corpus):
    p = run(tmp_path, "series", "GRDP", "--json")
    assert p.returncode == 2 and p.stderr.startswith("lỗi:") and "Traceback" not in p.stderr  # no index yet
    build_index(corpus, tmp_path / "emb" / "fx", HashingEmbedder(dim=64),
                BuildOptions(chunk_size=300, chunk_overlap=0))
    p = run(tmp_path, "series", "tăng", "trưởng", "GRDP", "--from", "2024", "--json")
    assert p.returncode == 0, p.stderr
    s = json.loads(p.stdout)
    assert s["growth"] and s["unit"] == "%"
    got = [(pt["period"]["label"], pt["kind"], pt["text"]) for pt in s["points"]]
    assert ("quý I năm 2024", "actual", "13,96") in got and ("quý II năm 2024", "actual", "14,31") in got
    src = s["points"][0]["sources"][0]
    assert {"doc_id", "doc_title", "section", "page", "sentence", "chunk_id", "fact_id", "text"} <= set(src)
    text = run(tmp_path, "series", "tăng trưởng GRDP")
    assert text.returncode == 0 and "13,96% — thực hiện [1]" in text.stdout and "Nguồn:" in text.stdout
    empty = run(tmp_path, "series", " ")
    assert empty.returncode == 2 and "Chưa nhập chỉ tiêu" in empty.stderr
