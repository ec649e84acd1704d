"""The service's background vectors: an upload returns before its vectors exist, and a
restarted service (the web app after a kill) resumes the pending ones. Fake embedder."""

from assistant.chat.pipeline import Service
from assistant.config import load_settings
from assistant.retrieval.embedder import HashingEmbedder
from assistant.retrieval.store import load_index


def _service(tmp_path, corpus, embedder):
    settings = load_settings(toml_path=tmp_path / "none.toml", env={}, home=tmp_path / "home", corpus_dir=corpus,
                             embeddings_dir=tmp_path / "emb", answer_mode="extractive")
    return Service(settings, embedder=embedder, with_generator=False)


def test_restarted_service_resumes_pending_vectors(tmp_path, corpus):
    first = _service(tmp_path, corpus, HashingEmbedder(dim=64))
    report = first.build(defer=True)  # then the process dies before any vector is made
    root = first.settings.index_dir
    assert report.pending == len(load_index(root).pending) > 0

    embedder = HashingEmbedder(dim=64)
    again = _service(tmp_path, corpus, embedder)
    assert again.searcher.data.pending  # searchable meanwhile
    again.resume_vectors()
    assert again.vectors.wait(60)
    assert not load_index(root).pending and not again.searcher.data.pending
    assert embedder.embedded == report.pending and again.vector_status() == ""


def test_upload_returns_with_pending_vectors_then_completes(tmp_path, corpus):
    service = _service(tmp_path, corpus, HashingEmbedder(dim=64))
    service.build()
    new = tmp_path / "bao-cao-quy-1.txt"
    new.write_text("Báo cáo quý I năm 2025\nSố hợp tác xã thành lập mới đạt 57 HTX.\n", encoding="utf-8")
    result = service.add_documents([str(new)])
    assert result.added == ["bao-cao-quy-1"] and not result.errors
    assert service.vectors.wait(60) and not service.searcher.data.pending
    hit = service.searcher.search("hợp tác xã thành lập mới", k=1, mode="dense")[0]
    assert hit.chunk.doc_id == "bao-cao-quy-1"
