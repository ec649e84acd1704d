"""The OpenAI-compatible generator against llama.cpp's own server on loopback."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from assistant.generation.openai_compat import EndpointError, OpenAICompatGenerator
from assistant.models.fetch import resolve

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(settings):
    model = resolve(settings.llm_model, settings.home)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "2048", "--model_alias", "local"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url + "/models", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("llama_cpp.server exited")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_streams_an_answer_from_the_endpoint(endpoint):
    gen = OpenAICompatGenerator(endpoint, "local")
    msgs = [{"role": "system", "content": "Trả lời ngắn gọn bằng tiếng Việt."},
            {"role": "user", "content": "Câu trích dẫn: [1] Thu ngân sách đạt 5.200 tỷ đồng.\nCâu hỏi: Thu ngân sách đạt bao nhiêu?"}]
    pieces = list(gen.stream(msgs, 40))
    assert len(pieces) > 1 and "5.200" in "".join(pieces)


def test_unreachable_endpoint_is_a_clear_error():
    gen = OpenAICompatGenerator(f"http://127.0.0.1:{_free_port()}/v1", timeout=2)
    with pytest.raises(EndpointError, match="không kết nối được"):
        list(gen.stream([{"role": "user", "content": "chào"}]))
