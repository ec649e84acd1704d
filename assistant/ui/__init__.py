"""The Gradio web app (`baocao serve`).

`build_app(service, settings)` in app.py builds it; `serve(service, settings)` runs it until
interrupted. Importing this package does not import gradio.
"""

from __future__ import annotations


def serve(service, settings) -> None:
    """Run the web app on settings.host:settings.port (see server.py for the bind/auth policy)."""
    from assistant.ui.server import serve as _serve

    _serve(service, settings)
