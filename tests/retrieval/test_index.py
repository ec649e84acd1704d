"""Index build: incremental, cached embeddings, atomic writes, refusal of mismatched indexes."""

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from assistant.errors import IndexMismatchError, IndexMissingError
from assistant.retrieval import store
from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.embedder import HashingEmbedder
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import load_index


def test_build_then_nothing_changed_is_a_no_op(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    first = build_index(corpus, root, embedder, BuildOptions())
    assert first.written and sorted(first.added) == ["bc-6t", "bcct", "nq"] and first.embedded > 5
    version = store.current_version(root)
    again = build_index(corpus, root, embedder, BuildOptions())
    assert not again.written and again.embedded == 0 and sorted(again.unchanged) == ["bc-6t", "bcct", "nq"]
    assert store.current_version(root) == version


def test_changed_report_reembeds_only_its_new_chunks(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions(chunk_size=200, chunk_overlap=0))
    before = load_index(root)
    path = corpus / "resolution_bookmark.txt"
    path.write_text(path.read_text(encoding="utf-8") + "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n", encoding="utf-8")
    report = build_index(corpus, root, embedder, BuildOptions(chunk_size=200, chunk_overlap=0))
    assert report.added == ["nq"] and report.embedded == 1
    after = load_index(root)
    assert len(after.chunks) == len(before.chunks) + 1
    assert any("Điều 3" in c.section for c in after.chunks)


def test_removed_report_leaves_the_index(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    import json
    m = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    m["documents"] = [d for d in m["documents"] if d["doc_id"] != "bcct"]
    (corpus / "manifest.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    (corpus / "newspaper_column.txt").unlink()
    report = build_index(corpus, root, embedder, BuildOptions())
    assert report.removed == ["bcct"]
    assert {c.doc_id for c in load_index(root).chunks} == {"bc-6t", "nq"}


def test_unreadable_report_keeps_its_previous_chunks(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    (corpus / "newspaper_column.txt").write_bytes("Báo cáo".encode("cp1258", errors="replace") + b"\xe2\x28\xa1")
    report = build_index(corpus, root, embedder, BuildOptions())
    assert any("newspaper_column.txt" in e and "UTF-8" in e for e in report.errors)
    assert "bcct" in {c.doc_id for c in load_index(root).chunks}


def test_crash_while_writing_leaves_previous_index_loadable(corpus, tmp_path, embedder, monkeypatch):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    old = load_index(root)
    (corpus / "report_pagebreak.txt").write_text("Chỉ tiêu mới đạt 999 tỷ đồng.\n", encoding="utf-8")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(store.LexicalIndex, "save", boom)
    with pytest.raises(OSError):
        build_index(corpus, root, embedder, BuildOptions())
    monkeypatch.undo()
    now = load_index(root)
    assert [c.text for c in now.chunks] == [c.text for c in old.chunks]


SLOW_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from assistant.retrieval.build import BuildOptions, build_index
    from assistant.retrieval.embedder import HashingEmbedder

    class Slow(HashingEmbedder):
        def embed_documents(self, texts, titles=None):
            print("embedding", flush=True)
            time.sleep(30)
            return super().embed_documents(texts, titles)

    build_index(Path(sys.argv[1]), Path(sys.argv[2]), Slow(dim=128), BuildOptions(chunk_overlap=0, chunk_size=250))
    """
)


def test_killed_build_leaves_previous_index_loadable(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions(chunk_size=250, chunk_overlap=0))
    before = [c.chunk_id for c in load_index(root).chunks]
    (corpus / "report_pagebreak.txt").write_text("Chỉ tiêu mới đạt 999 tỷ đồng.\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(corpus), str(root)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert proc.stdout.readline().strip() == "embedding"
    proc.kill()
    proc.wait()
    after = load_index(root)
    assert [c.chunk_id for c in after.chunks] == before
    # and the next build completes the interrupted work
    report = build_index(corpus, root, embedder, BuildOptions(chunk_size=250, chunk_overlap=0))
    assert report.written and any("999" in c.text for c in load_index(root).chunks)


def test_corrupt_index_folder_gives_a_clear_error(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    (store.current_version(root) / "vectors.npy").write_bytes(b"garbage")
    with pytest.raises(IndexMissingError, match="hỏng"):
        load_index(root)
    # a build over a damaged index rebuilds it instead of failing
    assert build_index(corpus, root, embedder, BuildOptions()).written
    assert load_index(root).chunks


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexMissingError, match="baocao setup"):
        load_index(tmp_path / "none")


def test_index_built_with_other_model_or_settings_is_refused(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    with pytest.raises(IndexMismatchError, match="rebuild"):
        Searcher(load_index(root), HashingEmbedder(dim=64, name="other"))
    with pytest.raises(IndexMismatchError, match="chunk_size"):
        build_index(corpus, root, embedder, BuildOptions(chunk_size=500))
    assert build_index(corpus, root, embedder, BuildOptions(chunk_size=500, rebuild=True)).written


def test_vectors_are_stored_normalised(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    v = load_index(root).vectors
    assert v.dtype == np.float32 and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_persistent_cache_and_shipped_seed_avoid_reembedding(corpus, tmp_path, embedder):
    from assistant.retrieval.build import export_seed_cache

    first = build_index(corpus, tmp_path / "a", embedder, BuildOptions(cache_dir=tmp_path / "home"))
    assert first.embedded > 0
    # a second index (e.g. a fresh clone) on the same machine reuses the home cache
    again = build_index(corpus, tmp_path / "b", embedder, BuildOptions(cache_dir=tmp_path / "home"))
    assert again.written and again.embedded == 0
    # a fresh machine with only the seed shipped in the repo embeds nothing either
    seed_dir = tmp_path / "seed"
    export_seed_cache(load_index(tmp_path / "a"), seed_dir, embedder)
    fresh = build_index(corpus, tmp_path / "c", embedder, BuildOptions(seed_cache_dir=seed_dir))
    assert fresh.embedded == 0
    a, c = load_index(tmp_path / "a").vectors, load_index(tmp_path / "c").vectors
    assert np.allclose(a, c, atol=2e-3)


def test_adding_good_and_bad_files_keeps_the_good_and_names_the_bad(corpus, tmp_path, embedder):
    from assistant.retrieval.build import add_files

    good = tmp_path / "bao-cao-moi.txt"
    good.write_text("Phần thứ nhất\nTổng số hợp tác xã đạt 1.234 HTX.\n", encoding="utf-8")
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "cu.txt"
    latin.write_bytes("Báo cáo năm".encode("cp1258"))
    odd = tmp_path / "bang.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    added, errors = add_files([good, empty, latin, odd], corpus, 10 * 2**20)
    assert added == ["bao-cao-moi"] and len(errors) == 3
    assert any("rong.txt" in e and "rỗng" in e for e in errors)
    assert any("cu.txt" in e and "UTF-8" in e for e in errors)
    assert any("bang.xlsx" in e for e in errors)  # a broken spreadsheet is named, not indexed
    assert (corpus / "bao-cao-moi.txt").read_bytes() == good.read_bytes()  # byte-for-byte
    assert not (corpus / "rong.txt").exists()
    report = build_index(corpus, tmp_path / "idx", embedder, BuildOptions())
    docs = {c.doc_id for c in load_index(tmp_path / "idx").chunks}
    assert docs == {"bc-6t", "nq", "bcct", "bao-cao-moi"} and not report.errors


def test_a_hand_edit_of_the_manifest_takes_effect_without_a_file_change(corpus, tmp_path, embedder):
    from assistant.ingest.corpus import load_manifest, save_manifest
    from assistant.retrieval.store import read_manifest

    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions())
    entries = load_manifest(corpus)
    entries[0]["place"] = "Tỉnh Mẫu"
    save_manifest(corpus, entries)
    report = build_index(corpus, root, embedder, BuildOptions())
    docs = read_manifest(root)["documents"]
    assert report.written and report.embedded == 0  # read again, nothing re-embedded
    assert docs[entries[0]["doc_id"]]["place"] == "Tỉnh Mẫu" and docs[entries[0]["doc_id"]]["origin"] == "manifest"
    assert not build_index(corpus, root, embedder, BuildOptions()).written  # and then stable


def test_a_report_copied_into_corpus_by_hand_is_read_without_a_manifest_entry(corpus, tmp_path, embedder):
    from assistant.ingest.corpus import load_manifest

    (corpus / "bao-cao-tay.txt").write_text(
        "UBND TỈNH MẪU\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2025\nTổng thu ngân sách đạt 1.234,5 tỷ đồng.\n",
        encoding="utf-8")
    build_index(corpus, tmp_path / "idx", embedder, BuildOptions())
    entry = next(e for e in load_manifest(corpus) if e["source_file"] == "bao-cao-tay.txt")
    facts = [f for f in load_index(tmp_path / "idx").facts if f.doc_id == entry["doc_id"]]
    assert [f.text for f in facts] == ["1.234,5"] and facts[0].period["label"] == "quý I năm 2025"
