"""Loading, validating and selecting eval items."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.eval.dataset import (
    TYPES,
    Item,
    item_from_dict,
    load_items,
    select_items,
    set_fingerprint,
)

GOOD = {
    "id": "x1",
    "question": "GRDP 6 tháng?",
    "type": "body",
    "doc_id": "d",
    "answer": "14,14%",
    "value": 14.14,
    "unit": "%",
    "evidence": "đạt 14,14%",
    "answerable": True,
}


def _write(tmp_path: Path, rows: list[object]) -> Path:
    p = tmp_path / "set.jsonl"
    p.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows),
        encoding="utf-8",
    )
    return p


def test_load_items_reads_fields_and_skips_comments(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        ["# một ghi chú", GOOD, "", dict(GOOD, id="x2", type="comparison", evidence=["a", "b"])],
    )
    items = load_items(p)
    assert [i.id for i in items] == ["x1", "x2"]
    assert items[0].evidence == ("đạt 14,14%",) and items[1].evidence == ("a", "b")
    assert items[0].value == 14.14 and items[0].tolerance_decimals == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "trivia"}, "loại câu hỏi"),
        ({"question": "  "}, "câu hỏi rỗng"),
        ({"answerable": False}, "answerable"),
        ({"value": "14,14"}, "value"),
        ({"value": True}, "value"),
        ({"op": "mul"}, "op"),
        ({"surprise": 1}, "thừa"),
        ({"evidence": [1, 2]}, "evidence"),
    ],
)
def test_item_from_dict_rejects_bad_items(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        item_from_dict(dict(GOOD, **change), 7)


def test_missing_field_and_bad_json_name_the_line(tmp_path: Path) -> None:
    bad = dict(GOOD)
    del bad["unit"]
    with pytest.raises(ValueError, match="dòng 2: thiếu"):
        load_items(_write(tmp_path, [GOOD, bad]))
    with pytest.raises(ValueError, match="dòng 1: JSON"):
        load_items(_write(tmp_path, ["{not json"]))
    with pytest.raises(ValueError, match="đối tượng JSON"):
        load_items(_write(tmp_path, ["[1, 2]"]))


def test_unanswerable_must_say_so() -> None:
    d = dict(
        GOOD,
        type="unanswerable",
        answer=None,
        value=None,
        evidence=None,
        answerable=False,
        doc_id=None,
    )
    item = item_from_dict(d)
    assert not item.answerable and item.evidence == () and item.docs == ()


def _items() -> list[Item]:
    rows = [
        dict(GOOD, id="a", type="body", doc_id="d1"),
        dict(GOOD, id="b", type="footnote", doc_id="d2"),
        dict(GOOD, id="c", type="comparison", doc_id="d1", other_docs=["d2"]),
        dict(GOOD, id="d", type="body", doc_id="d2"),
    ]
    return [item_from_dict(r) for r in rows]


def test_select_items_filters_by_type_doc_and_limit() -> None:
    items = _items()
    assert [i.id for i in select_items(items, types=["body"])] == ["a", "d"]
    assert [i.id for i in select_items(items, docs=["d2"])] == ["b", "c", "d"]
    assert [i.id for i in select_items(items, types=["body"], docs=["d2"])] == ["d"]
    assert [i.id for i in select_items(items, limit=2)] == ["a", "b"]
    assert select_items(items, limit=0) == []
    with pytest.raises(ValueError):
        select_items(items, types=["nope"])
    with pytest.raises(ValueError):
        select_items(items, limit=-1)


def test_fingerprint_changes_with_the_set() -> None:
    items = _items()
    assert set_fingerprint(items) == set_fingerprint(list(items))
    assert set_fingerprint(items) != set_fingerprint(items[:3])


def test_real_set_meets_the_coverage_the_issue_asks_for(eval_items: list[Item]) -> None:
    counts = Counter(i.type for i in eval_items)
    assert len(eval_items) >= 150
    assert set(counts) == set(TYPES)
    minimums = {
        "unanswerable": 25,
        "footnote": 15,
        "page_break": 10,
        "period": 15,
        "comparison": 10,
        "list": 10,
    }
    assert all(counts[t] >= n for t, n in minimums.items()), counts
    # every report is asked about, and questions are not duplicated
    assert {i.doc_id for i in eval_items if i.doc_id} == {
        "bc-ktxh-6t-2024",
        "bc-ktxh-2022",
        "bcct-daihoi-xx",
        "nq-hdnd-6tc-2024",
        "tb-kl-ubnd-t4-2024",
    }
    assert len({i.question for i in eval_items}) == len(eval_items)
    # officials type abbreviations and sometimes no diacritics
    assert (
        sum(
            any(a in i.question for a in ("GRDP", "KCN", "FDI", "UBND", "HĐND", "NSNN", "DN"))
            for i in eval_items
        )
        >= 25
    )
    no_marks = [i for i in eval_items if i.question.isascii()]
    assert len(no_marks) >= 10


def test_per_type_slice_covers_every_type(eval_items: list[Item]) -> None:
    one_each = select_items(eval_items, per_type=1)
    assert sorted(i.type for i in one_each) == sorted(TYPES)
    assert [i.id for i in one_each] == sorted(i.id for i in one_each)  # set order is kept
    two = select_items(eval_items, per_type=2, types=["footnote", "list"])
    assert Counter(i.type for i in two) == {"footnote": 2, "list": 2}
    with pytest.raises(ValueError):
        select_items(eval_items, per_type=-1)
