"""Serving policy (bind address, auth) and the `ask` API, over HTTP against the fake service."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
import pytest

from assistant.config import load_settings
from assistant.ui.server import LaunchOptions, is_loopback, launch_options

from .conftest import running_app
from .fakes import FakeAnswerService

Q = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?"


HOME = Path(tempfile.mkdtemp(prefix="baocao-ui-"))  # conversations and the browser secret


def settings(**kw):
    return load_settings(env={}, toml_path=None, **{"home": HOME, **kw})


def test_default_binds_to_loopback_without_auth():
    opts = launch_options(settings())
    assert opts.host == "127.0.0.1" and opts.auth is None and opts.port == 7860


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.1.1"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_network_host_requires_auth(host):
    with pytest.raises(ValueError, match="BAOCAO_AUTH_USER"):
        launch_options(settings(host=host))
    opts = launch_options(settings(host=host, auth_user="canbo", auth_password="mat-khau"))
    assert opts.host == host and opts.auth == ("canbo", "mat-khau")


def test_auth_from_environment():
    env = {"BAOCAO_HOST": "0.0.0.0", "BAOCAO_AUTH_USER": "canbo", "BAOCAO_AUTH_PASSWORD": "pw"}
    assert launch_options(load_settings(env=env)).auth == ("canbo", "pw")


@pytest.mark.parametrize(("user", "password"), [("canbo", ""), ("", "pw")])
def test_half_an_auth_pair_is_an_error(user, password):
    with pytest.raises(ValueError, match="cả"):
        launch_options(settings(auth_user=user, auth_password=password))


def test_launch_kwargs_are_offline():
    kw = LaunchOptions("127.0.0.1", 7000, None).kwargs()
    assert kw["share"] is False and kw["run_history"] is False and kw["enable_monitoring"] is False
    theme_css = kw["theme"]._get_theme_css()
    assert "googleapis" not in theme_css and "@import" not in theme_css
    assert kw["theme"]._stylesheets == [] and kw["theme"]._font_css == []  # no web or bundled fonts
    assert kw["theme"].font.startswith("system-ui, Segoe UI")


def test_ask_api_returns_answer_json(tmp_path):
    from gradio_client import Client

    with running_app(FakeAnswerService(), settings(concurrency=1)) as url:
        client = Client(url, verbose=False)
        out = client.predict(Q, api_name="/ask")
        filtered = client.predict(Q, ["bc-ktxh-2022"], None, api_name="/ask")
        docs = client.predict(api_name="/documents")
        page = httpx.get(url).text
    assert "315.145" in out["answer"] and out["verified"] is True and out["refused"] is False
    assert out["citations"][0]["doc_id"] == "bc-ktxh-6t-2024" and out["citations"][0]["page"] == 4
    assert "315.145" not in filtered["answer"]
    assert [d["doc_id"] for d in docs] == ["bc-ktxh-6t-2024", "bc-ktxh-2022"]
    assert "fonts.googleapis" not in page


def test_ask_api_reports_bad_question(tmp_path):
    from gradio_client import Client

    with (
        running_app(FakeAnswerService(), settings()) as url,
        pytest.raises(Exception, match="Câu hỏi trống"),
    ):
        Client(url, verbose=False).predict("  ", api_name="/ask")


def test_app_requires_login_when_auth_is_set():
    with running_app(FakeAnswerService(), settings(auth_user="canbo", auth_password="pw")) as url:
        config = httpx.get(url + "config")
        login = httpx.post(url + "login", data={"username": "canbo", "password": "pw"})
        wrong = httpx.post(url + "login", data={"username": "canbo", "password": "sai"})
    assert config.status_code == 401
    assert login.status_code == 200 and wrong.status_code == 400


def test_built_app_has_no_telemetry_and_names_the_ask_endpoint():
    from assistant.ui.app import build_app

    demo = build_app(FakeAnswerService(), settings())
    assert demo.analytics_enabled is False
    names = {fn.api_name for fn in demo.fns.values() if fn.api_visibility == "public"}
    assert names == {"ask", "ask_stream", "documents"}


def test_ask_stream_api_sends_the_evidence_before_the_answer():
    from gradio_client import Client

    with running_app(FakeAnswerService(), settings()) as url:
        job = Client(url, verbose=False).submit(Q, None, None, api_name="/ask_stream")
        events = list(job)
    assert [e["event"] for e in events] == ["evidence", "final"]
    assert events[0]["citations"][0]["doc_id"] == "bc-ktxh-6t-2024"
    assert "315.145" in events[1]["answer"]["answer"]
