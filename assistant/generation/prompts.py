"""Prompt templates: plain Vietnamese text files in prompts/, loaded by name.

`{name}` placeholders are filled with `render`; a missing variable is an error, never a blank.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path


class Prompts:
    def __init__(self, folder: Path):
        if not folder.is_dir():
            raise ValueError(f"prompt folder not found: {folder}")
        self.folder = folder

    @lru_cache(maxsize=64)
    def template(self, name: str) -> str:
        path = self.folder / f"{name}.txt"
        if not path.is_file():
            raise KeyError(f"no prompt template named {name!r} in {self.folder}")
        return path.read_text(encoding="utf-8").strip()

    def render(self, name: str, **values: object) -> str:
        tpl = self.template(name)
        needed = {f for _, f, _, _ in string.Formatter().parse(tpl) if f}
        missing = needed - set(values)
        if missing:
            raise KeyError(f"prompt {name!r} needs {', '.join(sorted(missing))}")
        return tpl.format(**values)
