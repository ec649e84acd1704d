"""The project's own error types: domain failures a user can cause or fix.

The CLI and UI turn them into a one-line message; nothing else prints them.
"""


class BaocaoError(Exception):
    """Base class; `str(err)` is a one-line message for the user."""


class DocumentError(BaocaoError):
    """A document could not be read (corrupt, empty, encrypted, wrong encoding, too big)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelMissingError(BaocaoError):
    """A model file is absent or fails its checksum."""


class IndexMissingError(BaocaoError):
    """No usable index exists at the configured place."""


class IndexMismatchError(BaocaoError):
    """The index was built with another model or other settings."""


class QuestionError(BaocaoError):
    """The question is empty or unusable."""
