"""The one error type an editor sees: where the mistake is, what it is, and how to fix it."""
from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """A mistake in a source file, reported as `file:line: what is wrong` plus the fix."""

    def __init__(self, path: str | Path, line: int | None, message: str, fix: str):
        self.path, self.line, self.message, self.fix = str(path), line, message, fix
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}\n    fix: {fix}")
