"""Conversation eval sets: loading, proving against the documents, running, scoring, grafting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.chat.state import converse
from assistant.eval.checker import check_items
from assistant.eval.conversations import grafted, is_conversation_set, load_dialogues
from assistant.eval.dialogue_run import run_dialogues
from assistant.types import Answer, Chunk, Hit

ROOT = Path(__file__).resolve().parents[2]
SEEDS, OTHER = ROOT / "eval" / "conversations.jsonl", ROOT / "eval" / "conversations_other.jsonl"


def test_the_seed_set_has_forty_conversations_of_two_to_four_turns_all_proven():
    dialogues = load_dialogues(SEEDS)
    assert len(dialogues) >= 40 and all(2 <= len(d.turns) <= 4 for d in dialogues)
    kinds = {f for d in dialogues for f in d.follows}
    assert {"period", "component", "reference", "comparison", "refusal", "new"} <= kinds
    assert check_items([it for d in dialogues for it in d.turns], ROOT / "corpus") == []


def test_the_other_province_set_is_proven_against_its_reports(tmp_path):
    corpus = tmp_path / "other"
    shutil.copytree(ROOT / "eval" / "other", corpus)
    docs = [{"doc_id": p.stem.replace("_", "-"), "source_file": p.name} for p in sorted(corpus.glob("*.txt"))]
    (corpus / "manifest.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    dialogues = load_dialogues(OTHER)
    assert check_items([it for d in dialogues for it in d.turns], corpus) == []


def test_a_bad_line_names_its_line(tmp_path):
    bad = tmp_path / "c.jsonl"
    bad.write_text('{"id": "c1", "turns": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="dòng 1"):
        load_dialogues(bad)
    assert is_conversation_set(SEEDS) and not is_conversation_set(ROOT / "eval" / "questions.jsonl")


def test_grafted_means_the_old_indicator_words_the_question_does_not_use():
    before = {"request": {"terms": ["giá", "trị", "xuất", "khẩu"]}}
    clean = {"request": {"terms": ["tỷ", "lệ", "hộ", "nghèo"]}}
    graft = {"request": {"terms": ["giá", "trị", "xuất", "khẩu", "tỷ", "lệ", "hộ", "nghèo"]}}
    q = "Tỷ lệ hộ nghèo năm 2022 thì sao?"
    assert not grafted(q, clean, before) and grafted(q, graft, before)
    assert not grafted("Giá trị nhập khẩu thì sao?", {"request": {"terms": ["giá", "trị", "nhập", "khẩu"]}}, before)


CHUNK = Chunk("d#1", "d", "Báo cáo năm 2023", "bc.txt", "Ngân sách", 3,
              "Tổng thu NSNN năm 2023 đạt 9.500 tỷ đồng. Năm 2022 đạt 8.100 tỷ đồng.")


class Scripted:
    """Answers from one passage: the figure of the year the standalone question names."""

    def ask_stream(self, question, history=None, doc_ids=None):
        return converse(self._stream, question, history, [], doc_ids)

    def _stream(self, standalone, doc_ids, focus):
        fig = "8.100" if "2022" in standalone else "9.500"
        yield "final", Answer(standalone, f"Đạt {fig} tỷ đồng [1].", [Hit(CHUNK, 1.0)], verified=True,
                              request={"terms": ["thu", "nsnn"]})


def test_run_scores_each_turn_through_one_conversation(tmp_path):
    line = {"id": "c1", "turns": [
        {"question": "Tổng thu NSNN năm 2023?", "follow": "new", "type": "body", "doc_id": "d", "answer": "9.500 tỷ đồng",
         "value": 9500, "unit": "tỷ đồng", "evidence": "Tổng thu NSNN năm 2023 đạt 9.500 tỷ đồng", "answerable": True},
        {"question": "Còn năm 2022?", "follow": "period", "type": "period", "doc_id": "d", "answer": "8.100 tỷ đồng",
         "value": 8100, "unit": "tỷ đồng", "evidence": "Năm 2022 đạt 8.100 tỷ đồng", "answerable": True}]}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = run_dialogues(load_dialogues(path), Scripted(), lambda q, k: [Hit(CHUNK, 1.0)], tmp_path / "run", k=3)
    c = summary["conversations"]
    assert (c["turns"], c["turns_right"], c["grafted"], c["conversations_all_right"]) == (2, 2, 0, 1)
    records = [json.loads(x) for x in (tmp_path / "run" / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[1]["answer"]["standalone_question"] == "Tổng thu NSNN năm 2022 là bao nhiêu?"
    assert records[0]["answer"]["conversation_id"] == records[1]["answer"]["conversation_id"]
    again = run_dialogues(load_dialogues(path), None, None, tmp_path / "run", k=3)  # all reused
    assert again["conversations"]["turns_right"] == 2


def test_grafted_without_a_request_reads_the_standalone_question_without_places():
    before = {"standalone_question": "Giá trị xuất khẩu 6 tháng đầu năm 2024 của Nghệ An đạt bao nhiêu?"}
    graft = {"standalone_question": "Giá trị xuất khẩu năm 2022 đạt bao nhiêu Tổng mức bán lẻ hàng hóa?"}
    clean = {"standalone_question": "Tổng mức bán lẻ hàng hóa năm 2022 của Nghệ An đạt bao nhiêu?"}
    q = "Tổng mức bán lẻ hàng hóa năm 2022 thì sao?"
    assert grafted(q, graft, before) and not grafted(q, clean, before)
