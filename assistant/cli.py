"""The `baocao` command line. Reads settings, runs one command, prints; errors become one line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from assistant.config import Settings, load_settings
from assistant.errors import BaocaoError, IndexMissingError

log = logging.getLogger("baocao")


def _progress_bar(desc: str):
    from tqdm import tqdm

    bar = tqdm(total=100, desc=desc, unit="%", file=sys.stderr, leave=True,
               bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix}")

    def update(fraction: float, message: str) -> None:
        bar.n = int(round(100 * max(0.0, min(1.0, fraction))))
        bar.set_postfix_str(message[:60])
        bar.refresh()
        if fraction >= 1.0:
            bar.close()

    return update


def _questions(args) -> list[str]:
    qs = [" ".join(args.question)] if getattr(args, "question", None) else []
    if getattr(args, "from_file", None):
        text = Path(args.from_file).read_text(encoding="utf-8")
        qs += [line.strip() for line in text.splitlines() if line.strip()]
    if not qs:
        raise BaocaoError("Chưa có câu hỏi: nhập câu hỏi hoặc dùng --from FILE")
    return qs


def _print_build(report) -> None:
    for e in report.errors:
        print(f"lỗi: {e}")
    for n in report.notes:
        print(f"lưu ý: {n} — các câu trả lời sẽ không giả định; có thể ghi tay trong corpus/manifest.json")
    if report.written:
        print(f"Đã cập nhật chỉ mục: thêm/sửa {len(report.added)} tài liệu, giữ nguyên {len(report.unchanged)}, "
              f"bỏ {len(report.removed)}; nhúng {report.embedded} đoạn mới, dùng lại {report.reused}.")
    else:
        print(f"Chỉ mục đã mới nhất ({len(report.unchanged)} tài liệu) — không có gì phải làm.")


def cmd_models(args, s: Settings) -> int:
    from assistant.models.command import models_command

    code = models_command(args.action, args.names, s.home)
    return code or _onnx_route(s, args.action)


def _onnx_route(s: Settings, action: str) -> int:
    """With `embed_backend = "onnx"`, fetch also converts the weights (once) and verify re-hashes."""
    if s.embed_backend != "onnx" or action not in ("fetch", "verify"):
        return 0
    from assistant.chat.pipeline import prepare_onnx

    problem = prepare_onnx(s, verify=action == "verify")
    print(f"ONNX int8: {problem or 'ok'}")
    return 1 if problem else 0


def cmd_setup(args, s: Settings) -> int:
    from assistant.chat.pipeline import Service
    from assistant.models.command import models_command

    print("1/2 Tải và kiểm tra mô hình (một lần, lưu tại %s)…" % s.home, flush=True)
    if models_command("fetch", [], s.home) != 0 or _onnx_route(s, "fetch"):
        return 1
    print("2/2 Đọc tài liệu trong corpus/ và xây chỉ mục…", flush=True)
    # written before new vectors exist: `baocao serve` makes them in the background
    report = Service(s, with_generator=False).build(args.rebuild, _progress_bar("Chỉ mục"), defer=True)
    _print_build(report)
    if report.pending:
        print(f"{report.pending} đoạn chờ tạo vector: ứng dụng web tạo nền và trả lời theo từ khoá, số liệu trong lúc chờ.")
    return 0


def cmd_ingest(args, s: Settings) -> int:
    from assistant.chat.pipeline import Service
    from assistant.retrieval.build import add_files

    errors: list[str] = []
    if args.paths:
        _, errors = add_files([Path(p) for p in args.paths], s.corpus_dir, s.max_file_mb * 2**20)
        for e in errors:
            print(f"lỗi: {e}")
    service = Service(s, with_generator=False)
    report = service.build(args.rebuild, _progress_bar("Chỉ mục"), defer=True, no_cache=args.no_cache)
    _print_build(report)
    if report.pending and not args.defer_vectors:
        print(f"Đã tìm được theo từ khoá và số liệu; đang tạo vector cho {report.pending} đoạn "
              "(dừng lúc nào cũng được, lần sau làm tiếp)…", flush=True)
        n = service.complete_vectors(_vector_bar(), no_cache=args.no_cache)
        print(f"Đã tạo vector cho {n} đoạn.")
    return 1 if (errors or report.errors) else 0


def _vector_bar():
    update = _progress_bar("Vector")
    return lambda p: update(p.done / max(p.total, 1), f"{p.done}/{p.total} đoạn")


def cmd_chunks(args, s: Settings) -> int:
    from assistant.ingest.pipeline import corpus_chunks

    chunks, errors = corpus_chunks(s.corpus_dir, s.chunk_size, s.chunk_overlap, s.max_file_mb * 2**20)
    for c in chunks:
        if args.doc and c.doc_id != args.doc:
            continue
        if args.json:
            print(json.dumps(c.to_dict(), ensure_ascii=False))
        else:
            print(f"--- {c.chunk_id} | {c.section}\n{c.text}\n")
    for e in errors:
        print(f"lỗi: {e}", file=sys.stderr)
    return 0


def _manifest(s: Settings) -> dict:
    from assistant.retrieval.store import read_manifest

    manifest = read_manifest(s.index_dir)
    if manifest is None:
        raise IndexMissingError(f"chưa có chỉ mục tại {s.index_dir} — chạy `baocao setup` hoặc `baocao ingest`")
    return manifest


def cmd_documents(args, s: Settings) -> int:
    """Document profiles: place, issuer, type, date, period, origin."""
    keys = ("doc_id", "title", "place", "issuer", "doc_type", "date", "period", "source_file", "sha256", "origin")
    for meta in _manifest(s).get("documents", {}).values():
        d = {k: meta.get(k) for k in keys}
        if args.json:
            print(json.dumps(d, ensure_ascii=False))
        else:
            period = (d["period"] or {}).get("label") or "(không rõ kỳ)"
            print(f"{d['doc_id']}: {d['title']} | {d['place'] or '(không rõ nơi)'} | {period} | {d['origin']}")
    return 0


def cmd_facts(args, s: Settings) -> int:
    """Every figure with its indicator, place, period, kind, role and basis."""
    keys = ("fact_id", "doc_id", "chunk_id", "value", "text", "unit", "scale", "role", "basis", "kind",
            "period", "place", "indicator", "sentence", "page", "start", "end")
    from assistant.retrieval.store import current_version, read_facts

    _manifest(s)  # a clear message when there is no index
    for f in read_facts(current_version(s.index_dir) / "facts.jsonl"):
        if args.doc and f.doc_id not in args.doc:
            continue
        d = f.to_dict()
        if args.json:
            print(json.dumps({k: d[k] for k in keys}, ensure_ascii=False))
        else:
            period = (f.period or {}).get("label") or "?"
            print(f"{f.fact_id}\t{f.text} {f.unit}\t{f.role}/{f.kind}\t{period}\t{f.place}\t{f.indicator}")
    return 0


def cmd_series(args, s: Settings) -> int:
    """One indicator across documents and periods, each point with its sources."""
    from assistant.generation.seriesout import load_series, series_text

    series = load_series(s.index_dir, " ".join(args.indicator), args.place, args.year_from, args.year_to)
    print(json.dumps(series.to_dict(), ensure_ascii=False) if args.json else series_text(series))
    return 0


def cmd_search(args, s: Settings) -> int:
    from assistant.chat.pipeline import Service
    from assistant.retrieval.search import Filters

    searcher = Service(s, with_generator=False).searcher
    filters = Filters(doc_ids=args.doc or None, doc_types=args.type or None, years=args.year or None)
    for q in _questions(args):
        try:
            hits = searcher.search(q, args.k or s.k, mode=args.mode, filters=filters)
        except BaocaoError as err:
            print(json.dumps({"question": q, "error": str(err)}, ensure_ascii=False) if args.json else f"lỗi: {err}")
            continue
        for rank, h in enumerate(hits, 1):
            d = {**h.to_dict(), "question": q, "rank": rank}
            print(json.dumps(d, ensure_ascii=False) if args.json else f"{rank}. [{h.score:.4f}] {h.chunk.chunk_id} {h.chunk.section[-60:]}\n   {h.chunk.text[:200]}")
    return 0


def cmd_ask(args, s: Settings) -> int:
    from assistant.chat.pipeline import Service
    from assistant.chat.state import Conversation, split_conversations

    service = Service(s)
    if args.chat:
        if not args.from_file:
            raise BaocaoError("--chat cần --from FILE (mỗi dòng một câu; dòng trống bắt đầu hội thoại mới)")
        convs = [(Conversation(), qs) for qs in split_conversations(Path(args.from_file).read_text(encoding="utf-8"))]
    else:
        convs = [(None, [q]) for q in _questions(args)]
    for conv, qs in convs:
        for q in qs:
            _ask_one(service, q, conv, args)
    if args.export:
        from assistant.chat.export import write_export

        write_export([c for c, _ in convs if c is not None] or [], Path(args.export))
        print(f"Đã xuất hội thoại: {args.export}", file=sys.stderr)
    return 0


def _ask_one(service, q: str, conv, args) -> None:
    from assistant.chat.format import answer_as_text

    try:
        a = service.ask(q, conv, doc_ids=args.doc or None)
    except BaocaoError as err:
        print(json.dumps({"question": q, "error": str(err)}, ensure_ascii=False) if args.json else f"lỗi: {err}")
        return
    print(json.dumps(a.to_dict(), ensure_ascii=False) if args.json else answer_as_text(a), flush=True)


def cmd_chat(args, s: Settings) -> int:
    from assistant.chat.pipeline import Service
    from assistant.chat.terminal import run_chat

    return run_chat(Service(s))


def cmd_serve(args, s: Settings) -> int:
    import threading

    from assistant.chat.pipeline import Service
    from assistant.ui.server import serve

    service = Service(s)
    # Load the models while the page opens, so the first question does not pay for it.
    threading.Thread(target=lambda: service.answerer.warm(), daemon=True).start()
    try:
        serve(service, s)
    except ValueError as err:  # binding policy: a network host needs credentials
        print(f"lỗi: {err}", file=sys.stderr)
        return 2
    return 0


def cmd_eval(args, s: Settings) -> int:
    if args.retrieval_modes:
        from assistant.chat.pipeline import Service
        from assistant.eval.dataset import load_items, select_items
        from assistant.eval.modes import compare_modes

        items = select_items(load_items(args.set_file or s.eval_dir / "questions.jsonl"), args.limit, args.type, args.doc)
        result = compare_modes(items, Service(s, with_generator=False).searcher, k=s.k)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    from assistant.eval.command import eval_command

    return eval_command(args, s)


def cmd_bench(args, s: Settings) -> int:
    if args.embed:
        from assistant.embedbench import bench_embed

        result = bench_embed(s, passages=args.passages, runs=min(args.runs, 3))
        print(json.dumps(result, ensure_ascii=False) if args.json else json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if args.users:  # many users at once, through the web server over HTTP
        from assistant.loadtest import load_command

        return load_command(args, s)
    from assistant.bench import run_bench

    return run_bench(s, runs=args.runs, scale=args.scale, out=args.out)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="baocao", description="Trợ lý tra cứu số liệu báo cáo KT-XH, chạy offline.")
    p.add_argument("--config", type=Path, help="tệp baocao.toml")
    p.add_argument("--index", dest="index_name", help="tên chỉ mục trong embeddings/")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("setup", help="tải mô hình, đọc corpus/, xây chỉ mục")
    sp.add_argument("--rebuild", action="store_true")
    sp.set_defaults(fn=cmd_setup)
    sp = sub.add_parser("ingest", help="thêm hoặc cập nhật tài liệu (theo sha256)")
    sp.add_argument("paths", nargs="*")
    sp.add_argument("--rebuild", action="store_true", help="xây lại toàn bộ chỉ mục")
    sp.add_argument("--no-cache", action="store_true", help="không dùng bộ nhớ đệm vector (đo xây từ đầu)")
    sp.add_argument("--defer-vectors", action="store_true",
                    help="ghi chỉ mục ngay rồi thoát; vector được tạo nền khi chạy `baocao serve` hoặc lần ingest sau")
    sp.set_defaults(fn=cmd_ingest)
    sp = sub.add_parser("chunks", help="in các đoạn đã cắt")
    sp.add_argument("--doc")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(fn=cmd_chunks)
    sp = sub.add_parser("documents", help="hồ sơ tài liệu: nơi, kỳ báo cáo, loại, ngày")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(fn=cmd_documents)
    sp = sub.add_parser("facts", help="các số liệu đã nhận diện: chỉ tiêu, nơi, kỳ, loại")
    sp.add_argument("--doc", action="append")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(fn=cmd_facts)
    sp = sub.add_parser("series", help="một chỉ tiêu qua các kỳ, các tài liệu, kèm nguồn")
    sp.add_argument("indicator", nargs="+")
    sp.add_argument("--place")
    sp.add_argument("--from", dest="year_from", type=int)
    sp.add_argument("--to", dest="year_to", type=int)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(fn=cmd_series)
    for name, fn in (("search", cmd_search), ("ask", cmd_ask)):
        sp = sub.add_parser(name, help="tìm đoạn liên quan" if name == "search" else "hỏi và nhận câu trả lời")
        sp.add_argument("question", nargs="*")
        sp.add_argument("--from", dest="from_file", help="tệp câu hỏi, mỗi dòng một câu")
        sp.add_argument("--json", action="store_true")
        sp.add_argument("--doc", action="append", help="chỉ tìm trong tài liệu này (lặp lại được)")
        if name == "ask":
            sp.add_argument("--chat", action="store_true", help="các dòng của --from là một hội thoại; dòng trống bắt đầu hội thoại mới")
            sp.add_argument("--export", help="xuất các hội thoại ra tệp .docx hoặc .md (cần --chat)")
        if name == "search":
            sp.add_argument("--k", type=int)
            sp.add_argument("--mode", choices=("fused", "dense", "bm25"), default="fused")
            sp.add_argument("--type", action="append", help="loại văn bản")
            sp.add_argument("--year", type=int, action="append")
        sp.set_defaults(fn=fn)
    sub.add_parser("chat", help="trò chuyện trên terminal").set_defaults(fn=cmd_chat)
    sp = sub.add_parser("serve", help="mở ứng dụng web")
    sp.add_argument("--host")
    sp.add_argument("--port", type=int)
    sp.set_defaults(fn=cmd_serve)
    sp = sub.add_parser("eval", help="chạy bộ đánh giá")
    sp.add_argument("--set", dest="set_file", type=Path)
    sp.add_argument("--limit", type=int)
    sp.add_argument("--type", action="append")
    sp.add_argument("--doc", action="append")
    sp.add_argument("--out", type=Path)
    sp.add_argument("--no-resume", action="store_true")
    sp.add_argument("--retrieval-only", action="store_true")
    sp.add_argument("--retrieval-modes", action="store_true", help="so sánh dense / BM25 / kết hợp")
    sp.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    sp.set_defaults(fn=cmd_eval)
    sp = sub.add_parser("bench", help="đo tốc độ và bộ nhớ")
    sp.add_argument("--runs", type=int, default=5)
    sp.add_argument("--scale", type=int, action="append", help="nhân bản corpus (10, 100) để đo độ tăng")
    sp.add_argument("--out", type=Path)
    sp.add_argument("--embed", action="store_true", help="chỉ đo tốc độ tạo vector: torch fp32, bf16 và ONNX (nếu có) trên cùng các đoạn")
    sp.add_argument("--passages", type=int, default=48, help="số đoạn đo với --embed")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--users", type=int, action="append", help="người dùng đồng thời qua máy chủ web (1, 4, 8)")
    sp.add_argument("--per-user", type=int, default=2, help="số câu hỏi mỗi người dùng (với --users)")
    sp.add_argument("--url", help="máy chủ web đang chạy (mặc định: tự mở `baocao serve`)")
    sp.add_argument("--from", dest="from_file", type=Path, help="tệp câu hỏi, mỗi dòng một câu")
    sp.set_defaults(fn=cmd_bench)
    sp = sub.add_parser("models", help="quản lý mô hình")
    sp.add_argument("action", choices=("list", "fetch", "verify"))
    sp.add_argument("names", nargs="*")
    sp.set_defaults(fn=cmd_models)
    return p


def main(argv: list[str] | None = None) -> int:
    # OpenMP threads that spin while waiting make small tensor ops ~15x slower on shared vCPUs.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        overrides = {"index_name": args.index_name}
        if args.command == "serve":
            overrides.update(host=args.host, port=args.port)
        s = load_settings(args.config, **overrides)
        return int(args.fn(args, s) or 0)
    except BaocaoError as err:
        print(f"lỗi: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
