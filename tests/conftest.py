"""Shared fixtures: a small corpus in the seeds' formats, and a deterministic embedder."""

import json
import os
import shutil
from pathlib import Path

import pytest

from assistant.retrieval.embedder import HashingEmbedder

# Spinning OpenMP threads make small tensor ops very slow on shared vCPUs (as in the CLI).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

FIX = Path(__file__).parent / "fixtures"


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    docs = [
        ("bc-6t", "Báo cáo 6 tháng đầu năm 2024", "báo cáo", "6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", "report_pagebreak.txt"),
        ("nq", "Nghị quyết 6 tháng cuối năm 2024", "nghị quyết", "6 tháng cuối năm 2024", "2024-07-01", "2024-12-31", "resolution_bookmark.txt"),
        ("bcct", "Báo cáo chính trị", "báo cáo chính trị", "nhiệm kỳ 2020-2025", "2020-01-01", "2025-12-31", "newspaper_column.txt"),
    ]
    entries = []
    for doc_id, title, dtype, period, start, end, name in docs:
        shutil.copyfile(FIX / name, folder / name)
        entries.append({"doc_id": doc_id, "title": title, "issuer": "UBND", "doc_type": dtype, "date": start[:7],
                        "period": period, "period_start": start, "period_end": end, "source_file": name, "sha256": ""})
    (folder / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder(dim=128)
