"""The page layout: header, the chat tab, the documents tab, and their Vietnamese texts.

Builds components only; app.py wires their events. Element ids (`bc-…`) are what the CSS and
the browser tests address.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from assistant.ui import documents

TITLE = "Trợ lý tra cứu báo cáo kinh tế - xã hội"
INTRO = (
    f"# {TITLE}\n"
    "Đặt câu hỏi bằng tiếng Việt về các báo cáo trong kho. Mỗi câu trả lời kèm đoạn trích nguồn "
    "(tên tài liệu, mục, trang) để đối chiếu. Ứng dụng chạy hoàn toàn trên máy này, không cần Internet."
)
EXAMPLES = [
    "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?",
    "Tốc độ tăng trưởng GRDP 6 tháng đầu năm 2024 là bao nhiêu?",
    "Tổng thu ngân sách nhà nước năm 2022 đạt bao nhiêu?",
    "Nghị quyết HĐND đặt nhiệm vụ gì cho 6 tháng cuối năm 2024?",
]
PLACEHOLDER = "**Bắt đầu bằng một câu hỏi** — hoặc chọn một câu hỏi mẫu bên dưới."


@dataclass
class ChatParts:
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    new: gr.Button
    doc_filter: gr.CheckboxGroup
    copy: gr.Textbox
    understood: gr.Textbox  # how the last question was understood; edit and resend in one click
    resend: gr.Button
    downloads: list[gr.DownloadButton]  # the whole conversation as .docx and .md


@dataclass
class DocParts:
    table: gr.Dataframe
    upload: gr.UploadButton
    status: gr.Markdown
    vectors: gr.Markdown | None = None  # background vector progress


def chat_tab(docs: list[dict], examples: list[str]) -> ChatParts:
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="Hội thoại",
                elem_id="bc-chat",
                height=600,
                buttons=[],
                feedback_options=None,
                latex_delimiters=[],
                placeholder=PLACEHOLDER,
                examples=[{"text": q} for q in examples],
            )
            with gr.Row():
                question = gr.Textbox(
                    show_label=False,
                    placeholder="Nhập câu hỏi rồi nhấn Enter hoặc nút Gửi…",
                    scale=5,
                    elem_id="bc-question",
                    autofocus=True,
                )
                send = gr.Button("Gửi", variant="primary", scale=1, elem_id="bc-send")
            with gr.Row():
                understood = gr.Textbox(
                    label="Câu hỏi được hiểu là (sửa nếu chưa đúng rồi gửi lại)",
                    scale=5,
                    elem_id="bc-understood",
                )
                resend = gr.Button("Gửi lại câu này", scale=1, elem_id="bc-resend")
            new = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="bc-new")
        with gr.Column(scale=1, min_width=260):
            doc_filter = gr.CheckboxGroup(
                documents.document_choices(docs),
                label="Chỉ tìm trong các tài liệu",
                info="Để trống để tìm trong tất cả tài liệu.",
                elem_id="bc-filter",
            )
            copy = gr.Textbox(
                label="Câu trả lời kèm nguồn (để sao chép vào báo cáo)",
                lines=10,
                max_lines=20,
                interactive=False,
                buttons=["copy"],
                elem_id="bc-copy",
            )
            downloads = [
                gr.DownloadButton("Tải hội thoại (.docx)", visible=False, size="sm", elem_id="bc-dl-docx"),
                gr.DownloadButton("Tải hội thoại (.md)", visible=False, size="sm", elem_id="bc-dl-md"),
            ]
    return ChatParts(chatbot, question, send, new, doc_filter, copy, understood, resend, downloads)


def docs_tab(docs: list[dict]) -> DocParts:
    gr.Markdown("### Các tài liệu trong kho")
    table = gr.Dataframe(
        value=documents.document_rows(docs),
        headers=documents.HEADERS,
        interactive=False,
        wrap=True,
        elem_id="bc-docs",
        buttons=[],
    )
    gr.Markdown(
        "### Thêm báo cáo mới\nChọn tệp PDF, DOCX hoặc TXT; tài liệu sẽ được đọc và lập chỉ mục ngay."
    )
    upload = gr.UploadButton(
        "Chọn tệp để thêm (PDF, DOCX, TXT)",
        file_count="multiple",
        variant="primary",
        elem_id="bc-upload",
    )
    status = gr.Markdown(elem_id="bc-upload-status")
    vectors = gr.Markdown(elem_id="bc-vectors")
    return DocParts(table, upload, status, vectors)


@dataclass
class SeriesParts:
    indicator: gr.Dropdown
    year_from: gr.Number
    year_to: gr.Number
    show: gr.Button
    view: gr.HTML
    csv: gr.DownloadButton
    xlsx: gr.DownloadButton


def series_tab(suggested: list[str]) -> SeriesParts:
    gr.Markdown(
        "### Một chỉ tiêu qua các kỳ\nChọn hoặc gõ tên chỉ tiêu (viết tắt được: GRDP, NSNN…). Mỗi số liệu "
        "kèm tài liệu, mục, trang và câu trích; số khác nhau giữa các báo cáo được đánh dấu, không gộp."
    )
    with gr.Row():
        indicator = gr.Dropdown(suggested, value=None, allow_custom_value=True, label="Chỉ tiêu",
                                scale=4, elem_id="bc-series-indicator")
        year_from = gr.Number(label="Từ năm", precision=0, scale=1, elem_id="bc-series-from")
        year_to = gr.Number(label="Đến năm", precision=0, scale=1, elem_id="bc-series-to")
        show = gr.Button("Xem", variant="primary", scale=1, elem_id="bc-series-show")
    view = gr.HTML(elem_id="bc-series-view")
    with gr.Row():
        csv = gr.DownloadButton("Tải CSV", visible=False, elem_id="bc-series-csv")
        xlsx = gr.DownloadButton("Tải XLSX", visible=False, elem_id="bc-series-xlsx")
    return SeriesParts(indicator, year_from, year_to, show, view, csv, xlsx)
