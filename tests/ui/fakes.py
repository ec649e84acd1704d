"""A scripted AnswerService over a tiny in-memory corpus, for UI tests without models.

Retrieval is word overlap; the answer is the best-matching sentence of the top passage with
"[1]", streamed word by word. `add_documents` indexes a TXT file's paragraphs, so a test can
upload a file and then ask about it. Tests can hold the stream right after the evidence
(`hold_after_evidence`) to see the page before the answer is written, hold an upload
(`hold_ingest`) to see its progress, and read `calls`.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.chat.service import Event, IngestReport, Turn
from assistant.generation.seriesask import series_answer, series_question
from assistant.numbers import find_numbers
from assistant.types import Answer, Chunk, Hit

DOCS = [
    {
        "doc_id": "bc-ktxh-6t-2024",
        "title": "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024",
        "issuer": "UBND tỉnh Bắc Giang",
        "doc_type": "báo cáo",
        "date": "2024-06",
        "period": "6 tháng đầu năm 2024",
        "source_file": "bao-cao-6-thang-2024.txt",
    },
    {
        "doc_id": "bc-ktxh-2022",
        "title": "Báo cáo tình hình kinh tế - xã hội năm 2022",
        "issuer": "UBND tỉnh Bắc Giang",
        "doc_type": "báo cáo",
        "date": "2022-12",
        "period": "năm 2022",
        "source_file": "bao-cao-2022.txt",
    },
]
PASSAGES = [
    (
        "bc-ktxh-6t-2024",
        "I. Lĩnh vực kinh tế > 2. Sản xuất công nghiệp",
        4,
        (
            "Sản xuất công nghiệp 6 tháng đầu năm 2024 tăng cao so cùng kỳ, tăng 26,45%, giá trị sản xuất "
            "công nghiệp (theo giá hiện hành) đạt 315.145 tỷ đồng, bằng 47,3% kế hoạch, tăng 28% so cùng kỳ."
        ),
    ),
    (
        "bc-ktxh-6t-2024",
        "I. Lĩnh vực kinh tế > 1. Tăng trưởng kinh tế",
        2,
        (
            "Tăng trưởng kinh tế (GRDP) 6 tháng đầu năm 2024 đạt 14,14% (cao nhất cả nước). "
            "Quy mô GRDP (giá hiện hành) đạt 96.058 tỷ đồng, bằng 45,3% kế hoạch."
        ),
    ),
    (
        "bc-ktxh-6t-2024",
        "I. Lĩnh vực kinh tế > 5. Tài chính, ngân sách",
        9,
        "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2024 đạt 10.111,7 tỷ đồng, tăng 32% so cùng kỳ.",
    ),
    (
        "bc-ktxh-2022",
        "I. Kinh tế > 4. Thu, chi ngân sách",
        11,
        "Tổng thu ngân sách nhà nước năm 2022 đạt 18.525,5 tỷ đồng, bằng 84,4% năm 2021, vượt 30% dự toán.",
    ),
]
# Passages for the indicator series only (restated; 19,3 / 14,5 / 14,14 / 6,42 as in the seed
# reports; 19,1 is invented so that two reports differ for one period).
SERIES_PASSAGES = [
    ("bc-ktxh-2022", "I. Kinh tế > 1. Tăng trưởng", 3,
     "Năm 2022 tốc độ tăng trưởng kinh tế (GRDP) của tỉnh đạt 19,3%, thuộc nhóm cao nhất cả nước."),
    ("bc-ktxh-2022", "Phần thứ hai: Mục tiêu, chỉ tiêu chủ yếu năm 2023", 40,
     "Chỉ tiêu năm 2023: phấn đấu tốc độ tăng GRDP đạt 14,5%."),
    ("bc-ktxh-6t-2024", "I. Lĩnh vực kinh tế > 1. Tăng trưởng kinh tế", 2,
     "Tăng trưởng kinh tế (GRDP) 6 tháng đầu năm 2024 đạt 14,14%; trong đó dịch vụ tăng 6,42%. "
     "Theo số liệu cập nhật, tốc độ tăng trưởng GRDP năm 2022 đạt 19,1%."),
]
STOP = {
    "bao",
    "nhiêu",
    "là",
    "đạt",
    "của",
    "và",
    "thì",
    "sao",
    "còn",
    "theo",
    "có",
    "được",
    "gì",
    "năm",
}
MIN_OVERLAP = 2


def words(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", text.lower())
    return {w for w in re.findall(r"\w+", text) if w not in STOP}


@dataclass
class Call:
    question: str
    history: list[Turn]
    doc_ids: list[str] | None


@dataclass
class FakeAnswerService:
    """Implements assistant.chat.service.AnswerService with scripted behaviour."""

    token_delay: float = 0.0  # seconds between streamed words (a "long answer")
    hold_after_evidence: threading.Event | None = None
    hold_ingest: threading.Event | None = None  # pause after the first progress report
    chunks: list[Chunk] = field(default_factory=list)
    docs: list[dict] = field(default_factory=lambda: [dict(d) for d in DOCS])
    calls: list[Call] = field(default_factory=list)

    def __post_init__(self) -> None:
        titles = {d["doc_id"]: d for d in self.docs}
        for i, (doc_id, section, page, text) in enumerate(PASSAGES):
            d = titles[doc_id]
            self.chunks.append(
                Chunk(f"{doc_id}#{i}", doc_id, d["title"], d["source_file"], section, page, text)
            )

    def documents(self) -> list[dict]:
        return [dict(d) for d in self.docs]

    def series(self, indicator: str, place=None, year_from=None, year_to=None):
        """The real series code over facts read by the real extractor from SERIES_PASSAGES."""
        from assistant.generation.factpick import FactIndex
        from assistant.generation.series import build_series
        from assistant.ingest.facts import extract_facts

        docs = {d["doc_id"]: d for d in self.docs}
        chunks = [Chunk(f"{doc_id}#s{i}", doc_id, docs[doc_id]["title"], docs[doc_id]["source_file"], section,
                        page, text) for i, (doc_id, section, page, text) in enumerate(SERIES_PASSAGES)]
        facts = [f for doc_id in docs for f in extract_facts([c for c in chunks if c.doc_id == doc_id], docs[doc_id])]
        self.series_chunks = {c.chunk_id: c for c in chunks}
        return build_series(FactIndex(facts, {}), docs, indicator, place, year_from, year_to)

    def _standalone(self, question: str, history: list[Turn]) -> str:
        """A follow-up ("Còn năm 2022 thì sao?") borrows the subject of the previous question."""
        if not history or len(words(question)) > 4:
            return question
        prev = history[-1][0]
        years = re.findall(r"\b(?:19|20)\d\d\b", question)
        if years:
            prev = re.sub(r"6 tháng đầu năm (?:19|20)\d\d|(?:19|20)\d\d", f"năm {years[0]}", prev)
            return prev
        return f"{prev} {question}"

    def _retrieve(self, question: str, doc_ids: list[str] | None) -> list[Hit]:
        q = words(question)
        scored = [
            (len(q & words(c.text)), c) for c in self.chunks if not doc_ids or c.doc_id in doc_ids
        ]
        scored = [(s, c) for s, c in scored if s > 0]
        scored.sort(key=lambda sc: -sc[0])
        return [Hit(c, float(s)) for s, c in scored[:3]]

    def _compose(self, question: str, hits: list[Hit]) -> tuple[str, bool]:
        if not hits or hits[0].score < MIN_OVERLAP:
            return "Các báo cáo hiện có không nêu thông tin này.", True
        sentences = re.split(r"(?<=[.;])\s+", hits[0].chunk.text)
        best = max(sentences, key=lambda s: len(words(s) & words(question)))
        if "dự báo" in question.lower():  # scripted unverifiable figure
            return "Dự báo cả năm đạt khoảng 650.000 tỷ đồng [1].", False
        return f"{best.rstrip('.')} [1].", False

    def ask_stream(
        self, question: str, history: list[Turn] | None = None, doc_ids: list[str] | None = None
    ) -> Iterator[Event]:
        start = time.perf_counter()
        history = list(history or [])
        self.calls.append(Call(question, history, doc_ids))
        standalone = self._standalone(question, history)
        trend = series_question(standalone)
        if trend is not None:  # answered by the real series code, as the pipeline does
            series = self.series(trend.indicator, None, trend.year_from, trend.year_to)
            yield "evidence", []
            yield "final", series_answer(question, series, self.series_chunks.get)
            return
        hits = self._retrieve(standalone, doc_ids)
        yield "evidence", hits
        retrieve_s = time.perf_counter() - start
        if self.hold_after_evidence is not None:
            self.hold_after_evidence.wait(timeout=60)
        text, refused = self._compose(standalone, hits)
        for word in text.split(" "):
            time.sleep(self.token_delay)
            yield "token", word + " "
        yield "final", self._answer(question, standalone, text, refused, hits, start, retrieve_s)

    def _answer(self, question, standalone, text, refused, hits, start, retrieve_s) -> Answer:
        cited = [] if refused else hits[:1]
        support = {m.key for h in cited for m in find_numbers(h.chunk.text)}
        body = re.sub(r"\[\d+\]", "", text)  # citation markers are not figures
        unverified = [
            m.text for m in find_numbers(body) if m.value is not None and m.key not in support
        ]
        timings = {"retrieve_s": retrieve_s, "total_s": time.perf_counter() - start}
        return Answer(
            question,
            text,
            cited,
            verified=not unverified,
            unverified_numbers=unverified,
            refused=refused,
            timings=timings,
            standalone_question=standalone,
            mode="refusal" if refused else "extractive",
        )

    def ask(
        self, question: str, history: list[Turn] | None = None, doc_ids: list[str] | None = None
    ) -> Answer:
        final = None
        for kind, value in self.ask_stream(question, history, doc_ids):
            if kind == "final":
                final = value
        assert isinstance(final, Answer)
        return final

    def add_documents(
        self, paths: list[str], progress: Callable[[float, str], None] | None = None
    ) -> IngestReport:
        report = IngestReport()
        for i, path in enumerate(paths):
            if progress:
                progress(i / len(paths), f"Đang đọc {Path(path).name}")
            if self.hold_ingest is not None:
                self.hold_ingest.wait(timeout=60)
            try:
                self._add_one(Path(path), report)
            except (UnicodeDecodeError, ValueError) as err:
                report.errors.append(
                    f"{Path(path).name}: không đọc được nội dung ({type(err).__name__})"
                )
        if progress:
            progress(1.0, "Xong")
        return report

    def _add_one(self, path: Path, report: IngestReport) -> None:
        if path.suffix.lower() != ".txt":
            raise ValueError("the fake reads only .txt")
        text = path.read_bytes().decode("utf-8")
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        if not paragraphs:
            raise ValueError("empty")
        doc_id = path.stem
        title = paragraphs[0].splitlines()[0][:120]
        self.docs.append(
            {
                "doc_id": doc_id,
                "title": title,
                "issuer": "",
                "doc_type": "tải lên",
                "date": "",
                "period": "",
                "source_file": path.name,
            }
        )
        for j, para in enumerate(paragraphs):
            self.chunks.append(Chunk(f"{doc_id}#{j}", doc_id, title, path.name, "", None, para))
        report.added.append(doc_id)
