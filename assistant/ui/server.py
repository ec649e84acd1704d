"""Serving the web app: where it binds, who may log in, and the offline launch options.

Policy: the app binds to 127.0.0.1 unless `settings.host` names another address (the explicit
`--host` flag). Anyone on the network could then add documents to the shared index, so a
non-loopback host is refused unless basic authentication is configured (BAOCAO_AUTH_USER and
BAOCAO_AUTH_PASSWORD in the environment or baocao.toml, never in the repository).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.chat.service import AnswerService
from assistant.config import Settings
from assistant.ui.app import build_app
from assistant.ui.theme import CSS, offline_theme

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
NEED_AUTH = (
    "Phục vụ trên mạng (host {host}) cần đăng nhập: hãy đặt BAOCAO_AUTH_USER và BAOCAO_AUTH_PASSWORD "
    "(biến môi trường hoặc baocao.toml) rồi chạy lại."
)


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def auth_pair(settings: Settings) -> tuple[str, str] | None:
    """The (user, password) for basic authentication, or None; half a pair is an error."""
    user, password = settings.auth_user.strip(), settings.auth_password
    if not user and not password:
        return None
    if not user or not password:
        raise ValueError(
            "Cần đặt cả BAOCAO_AUTH_USER và BAOCAO_AUTH_PASSWORD (thiếu một trong hai)."
        )
    return user, password


@dataclass
class LaunchOptions:
    host: str
    port: int
    auth: tuple[str, str] | None

    def kwargs(self) -> dict:
        """Keyword arguments for `gr.Blocks.launch`: offline, no share link, no telemetry."""
        return {
            "server_name": self.host,
            "server_port": self.port,
            "auth": self.auth,
            "share": False,
            "theme": offline_theme(),
            "css": CSS,
            "footer_links": ["api"],
            "run_history": False,
            "enable_monitoring": False,
            "mcp_server": False,
            "ssr_mode": False,
            "pwa": False,
            "auth_message": "Đăng nhập để dùng trợ lý tra cứu báo cáo." if self.auth else None,
        }


def launch_options(settings: Settings, port: int | None = None) -> LaunchOptions:
    """Check the bind address against the auth policy. Raises ValueError when it is unsafe."""
    host = (settings.host or "127.0.0.1").strip()
    auth = auth_pair(settings)
    if not is_loopback(host) and auth is None:
        raise ValueError(NEED_AUTH.format(host=host))
    return LaunchOptions(host, settings.port if port is None else port, auth)


def start(service: AnswerService, settings: Settings, port: int | None = None, block: bool = False):
    """Build, queue and launch the app; returns (demo, local_url). Blocks only if `block`."""
    options = launch_options(settings, port)
    demo = build_app(service, settings)
    resume = getattr(service, "resume_vectors", None)
    if resume:  # vectors left pending by an earlier run (a crash, `ingest --defer-vectors`)
        resume()
    demo.queue(default_concurrency_limit=max(1, settings.concurrency))
    if not is_loopback(options.host):
        log.warning("serving on %s:%s with basic authentication", options.host, options.port)
    _, url, _ = demo.launch(
        prevent_thread_lock=not block,
        quiet=True,
        **options.kwargs(),
        max_file_size=f"{settings.max_file_mb}mb",
    )
    return demo, url


def serve(service: AnswerService, settings: Settings) -> None:
    """`baocao serve`: run the web app until interrupted."""
    start(service, settings, block=True)
