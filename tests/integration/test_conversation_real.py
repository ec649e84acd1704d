"""`baocao ask --chat --from FILE --json --export` on the real models and corpus: the lines form
conversations, follow-ups keep the right indicator, place and period, and the export reads back.
Expected figures are read from the 6-month 2024 report (corpus/), not from the system."""

import json
import subprocess
import sys

import pytest
from docx import Document

pytestmark = pytest.mark.integration

CHAT = """Tổng thu NSNN 6 tháng đầu năm 2024 đạt bao nhiêu?
Trong đó thu nội địa?
So với dự toán thì sao?

Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt bao nhiêu?
Tổng vốn đầu tư phát triển thì sao?
"""


def test_chat_file_keeps_conversations_apart_and_exports(tmp_path, service):
    src, out = tmp_path / "chat.txt", tmp_path / "hoi-thoai.docx"
    src.write_text(CHAT, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "--chat", "--from", str(src), "--json",
                        "--export", str(out)], capture_output=True, text=True, timeout=1800)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(rows) == 5 and len({r["conversation_id"] for r in rows[:3]}) == 1
    assert rows[3]["conversation_id"] != rows[0]["conversation_id"]
    component, plan, new = rows[1], rows[2], rows[4]
    assert component["follow_up"] == "component" and "6 tháng đầu năm 2024" in component["standalone_question"]
    assert "9.031,14" in component["answer"] and not component["refused"]
    assert "62,9%" in plan["answer"]  # thu nội địa: "bằng 62,9% dự toán"
    assert "xuất khẩu" not in new["standalone_question"].lower()  # never the old indicator grafted
    assert "36.455" in new["answer"]
    paras = [x.text for x in Document(str(out)).paragraphs]
    assert any(x.startswith("9.031,14") and "Thu nội địa đạt 9.031,14 tỷ đồng" in x for x in paras)
