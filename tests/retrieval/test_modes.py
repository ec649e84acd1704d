"""Per-mode retrieval metrics on the fake embedder."""

from assistant.eval.dataset import item_from_dict
from assistant.eval.modes import compare_modes
from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import load_index


def _item(i, q, ev, answerable=True):
    return item_from_dict({"id": i, "question": q, "type": "body" if answerable else "unanswerable", "doc_id": None,
                           "answer": None, "value": None, "unit": None, "evidence": ev, "answerable": answerable})


def test_compare_modes_reports_recall_and_mrr(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions(chunk_size=250, chunk_overlap=0))
    s = Searcher(load_index(root), embedder)
    items = [
        _item("a", "giá trị sản xuất công nghiệp theo giá hiện hành", "đạt 315.145 tỷ đồng"),
        _item("b", "thu ngân sách 10.560 tỷ đồng", "thu ngân sách đạt 10.560 tỷ đồng"),
        _item("c", "không có", None, answerable=False),
        _item("d", "xyz qwv", "chuỗi không hề có trong kho"),
    ]
    out = compare_modes(items, s, k=5)
    assert set(out) == {"dense", "bm25", "fused"}
    for m in out.values():
        assert m["items"] == 3 and m["missed_at_k"][-1] == "d"
        assert 0 < m["mrr"] <= 0.667 and m["recall@5"] == 0.667
