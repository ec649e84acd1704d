"""Fixtures for the web app tests: a running app on a free loopback port, and a headless
Chromium (Debian's, via Playwright) whose every non-loopback request is aborted and recorded."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from assistant.config import ROOT, Settings, load_settings, replace

from .fakes import FakeAnswerService

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    # The outside network is unreachable: no name resolves except loopback.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(service, settings: Settings) -> Iterator[str]:
    """The app served on 127.0.0.1 in this process; yields its URL, closes it afterwards."""
    from assistant.ui.server import start

    demo, url = start(service, replace(settings, host="127.0.0.1"), port=free_port())
    try:
        yield url
    finally:
        demo.close()


@pytest.fixture
def ui_settings(tmp_path) -> Settings:
    return load_settings(toml_path=tmp_path / "none.toml", env={}, concurrency=1, home=tmp_path / "home")


@pytest.fixture(scope="module")
def fake() -> FakeAnswerService:
    return FakeAnswerService(token_delay=0.02)


@pytest.fixture(scope="module")
def app_url(fake, tmp_path_factory) -> Iterator[str]:
    cfg = tmp_path_factory.mktemp("cfg")
    settings = load_settings(toml_path=cfg / "none.toml", env={}, home=cfg / "home")
    with running_app(fake, settings) as url:
        yield url


@dataclass
class Offline:
    """Records every request a browser context tried to send off the machine."""

    attempted: list[str] = field(default_factory=list)

    def handle(self, route) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.attempted.append(url)
            route.abort("internetdisconnected")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright  # a test dependency; missing means failing

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: install Debian's chromium (apt-get install -y chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offline_context(browser):
    """A fresh browser context (its own cookies, its own Gradio session); asserts at the end
    that nothing was requested from outside the machine."""
    offline = Offline()
    contexts = []

    def new_context():
        ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        ctx.route("**/*", offline.handle)
        contexts.append(ctx)
        return ctx

    yield new_context, offline
    for ctx in contexts:
        ctx.close()
    assert offline.attempted == [], f"the page tried to reach the internet: {offline.attempted}"


@pytest.fixture
def shoot(request):
    """shoot(page, name): save a full-page screenshot under test-artifacts/ for a human to look at."""
    ARTIFACTS.mkdir(exist_ok=True)

    def _shoot(page, name: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shoot
