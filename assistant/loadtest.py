"""`baocao bench --users N`: many officials asking at once, through the real web server over HTTP.

Each simulated user is its own Gradio client (its own session) and asks its questions one after
another through the `ask_stream` API; all users start together. Measured on the client side:
time to evidence (the passages arrive) and time to the answer, reported as p50/p95 per number
of users, with how many answers the model wrote and the longest queue seen. Without `--url` a
`baocao serve` is started on a free loopback port for the run and stopped afterwards.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

API = "/ask_stream"


def percentile(xs: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no data."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    return round(s[max(0, math.ceil(q / 100 * len(s)) - 1)], 3)


def ask_once(client, question: str) -> dict:
    """One question through the streaming API, timed from submission."""
    t0 = time.perf_counter()
    rec: dict = {"question": question, "evidence_s": None, "answer_s": None, "positions": []}
    try:
        for event in client.submit(question, None, None, api_name=API):
            kind = event.get("event")
            if kind == "evidence" and rec["evidence_s"] is None:
                rec["evidence_s"] = time.perf_counter() - t0
            elif kind == "queued":
                rec["positions"].append(event.get("position"))
            elif kind == "final":
                rec["answer_s"] = time.perf_counter() - t0
                rec["mode"] = event["answer"].get("mode")
                rec["crossed"] = event["answer"].get("question") != question  # another's answer
                rec["answer"] = event["answer"].get("answer", "")[:120]
    except Exception as err:  # noqa: BLE001 (a failed question is reported, not fatal to the run)
        rec["error"] = f"{type(err).__name__}: {err}"
    return rec


def run_users(url: str, users: int, questions: list[str], per_user: int) -> dict:
    """`users` clients asking `per_user` questions each, all starting at once."""
    from gradio_client import Client

    clients = [Client(url, verbose=False) for _ in range(users)]
    records: list[dict] = []
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(u: int) -> None:
        mine = [questions[(u * per_user + i) % len(questions)] for i in range(per_user)]
        start.wait()
        for q in mine:
            rec = ask_once(clients[u], q)
            with lock:
                records.append({**rec, "user": u})

    threads = [threading.Thread(target=user, args=(u,)) for u in range(users)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summarize(users, records, time.perf_counter() - t0)


def summarize(users: int, records: list[dict], wall_s: float) -> dict:
    ok = [r for r in records if "error" not in r and r["answer_s"] is not None]
    ev = [r["evidence_s"] for r in ok if r["evidence_s"] is not None]
    ans = [r["answer_s"] for r in ok]
    llm = [r for r in ok if r.get("mode") in ("llm", "extractive-repair")]
    positions = [p for r in records for p in r["positions"]]
    return {
        "users": users, "questions": len(records), "answered": len(ok), "wall_s": round(wall_s, 2),
        "evidence_s": {"p50": percentile(ev, 50), "p95": percentile(ev, 95)},
        "answer_s": {"p50": percentile(ans, 50), "p95": percentile(ans, 95)},
        "model_answers": len(llm),
        "model_answer_s": {"p50": percentile([r["answer_s"] for r in llm], 50),
                           "p95": percentile([r["answer_s"] for r in llm], 95)},
        "max_queue_position": max(positions, default=0),
        "crossed": sum(1 for r in ok if r.get("crossed")),
        "errors": [r["error"] for r in records if "error" in r],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def spawned_server(timeout: float = 600) -> Iterator[str]:
    """`baocao serve` in a child process on a free loopback port (this interpreter, this
    environment, so BAOCAO_* settings apply); yields its URL and stops it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"baocao serve did not start (exit code {proc.poll()})") from None
                time.sleep(1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def read_questions(path: Path) -> list[str]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    questions = [ln for ln in lines if ln and not ln.startswith("#")]
    if not questions:
        raise ValueError(f"{path}: không có câu hỏi nào")
    return questions


def run_load(users: list[int], questions: list[str], per_user: int, url: str | None = None,
             on_run=None) -> dict:
    """The whole load run: one user's questions as a warm-up, then each number of users."""
    from gradio_client import Client

    with contextlib.ExitStack() as stack:
        url = url or stack.enter_context(spawned_server())
        # Warm-up: loads the models; questions from the end of the file, so the measured users'
        # first prompts are not already in the model's cache.
        client = Client(url, verbose=False)
        warm = [ask_once(client, q) for q in questions[-per_user:]]
        runs = []
        for n in users:
            runs.append(run_users(url, n, questions, per_user))
            if on_run:
                on_run(runs[-1])
    return {"url": url, "per_user": per_user, "warmup_answer_s": [w["answer_s"] for w in warm], "runs": runs}


def load_command(args, settings) -> int:
    """`baocao bench --users 1 --users 4 --users 8 [--url URL] [--per-user K] [--from FILE] [--out F]`."""
    path = args.from_file or settings.eval_dir / "load_questions.txt"
    questions = read_questions(path)
    report = run_load(sorted(set(args.users)), questions, args.per_user, args.url,
                      on_run=lambda r: print(json.dumps(r, ensure_ascii=False), flush=True))
    report["questions_file"] = str(path)
    report["model_endpoint"] = os.environ.get("BAOCAO_OPENAI_BASE_URL", "") or "local"
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0
