"""The offline look of the web app: a Gradio theme on system fonts, and the app's CSS.

Nothing here may reference the internet: Gradio themes can pull Google Fonts, so the font
stacks name only fonts an office PC already has (Segoe UI on Windows, DejaVu/Noto on Linux),
all of which carry Vietnamese diacritics.
"""

from __future__ import annotations

# Plain strings reach the CSS as written (unquoted), so the generic "system-ui" keyword works.
SANS = ["system-ui", "Segoe UI", "Roboto", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif"]
MONO = ["ui-monospace", "Consolas", "DejaVu Sans Mono", "monospace"]

CSS = """
.bc-answer { font-size: 1.02rem; line-height: 1.55; }
.bc-status { color: #555; font-style: italic; }
.bc-standalone { color: #555; font-size: 0.9rem; margin-top: 0.3rem; }
.bc-badge { display: inline-block; border-radius: 6px; padding: 0.25rem 0.6rem; margin: 0.5rem 0 0.2rem;
  font-size: 0.92rem; font-weight: 600; }
.bc-ok { background: #e6f4ea; color: #1e6b34; border: 1px solid #9fd3ae; }
.bc-unverified { background: #fff4e5; color: #8a4b00; border: 1px solid #f5c27a; }
.bc-refused { background: #e8f0fe; color: #1a4d99; border: 1px solid #a8c3f0; }
.bc-error { background: #fdecea; color: #8c1d18; border: 1px solid #f1aaa4; }
.bc-sources { margin-top: 0.5rem; border-top: 1px solid #ddd; padding-top: 0.4rem; }
.bc-sources-title { font-weight: 600; font-size: 0.92rem; margin-bottom: 0.2rem; }
.bc-source { margin: 0.25rem 0; border: 1px solid #e2e2e2; border-radius: 6px; padding: 0.2rem 0.5rem;
  background: #fafafa; }
.bc-source summary { cursor: pointer; font-size: 0.9rem; }
.bc-num { font-weight: 700; color: #1a4d99; }
.bc-passage { font-size: 0.9rem; line-height: 1.5; padding: 0.35rem 0; }
.bc-footnote { font-size: 0.82rem; color: #555; border-left: 3px solid #ddd; padding-left: 0.4rem;
  margin-top: 0.3rem; }
.bc-file { font-size: 0.8rem; color: #777; margin-top: 0.3rem; }
.bc-timing { font-size: 0.78rem; color: #888; margin-top: 0.3rem; }
mark.bc-fig { background: #ffe066; color: inherit; padding: 0 2px; border-radius: 3px; font-weight: 700; }
#bc-title h1 { margin-bottom: 0; }
/* Gradio sets tables and progress text in the monospace font; few monospace fonts carry
   Vietnamese letters (DejaVu Sans Mono draws "ế" as "ê´"), so use the text font there. */
#bc-docs table, #bc-docs th, #bc-docs td, #bc-docs span, .progress-level-inner, .progress-text {
  font-family: var(--font) !important; }
"""


def offline_theme():
    """Gradio's default theme with system font stacks (no web fonts)."""
    import gradio as gr  # gradio is imported only by the ui package

    return gr.themes.Default(primary_hue="blue", font=SANS, font_mono=MONO)
