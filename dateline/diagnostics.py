"""Problems found in content, in one shape everywhere: ``path:line:col: message (hint)``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """Errors stop a build; warnings stop it only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at a place in a content file (line and col are 1-based)."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """``path:line:col: message (hint)``; warnings say so after the location."""
        where = f"{self.path}:{self.line}:{self.col}: "
        if self.severity is Severity.WARNING:
            where += "warning: "
        return where + self.message + (f" ({self.hint})" if self.hint else "")

    @property
    def is_error(self) -> bool:
        """True for errors."""
        return self.severity is Severity.ERROR


def error(path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    """An error at a place."""
    return Diagnostic(path, line, col, message, hint, Severity.ERROR)


def warning(path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    """A warning at a place."""
    return Diagnostic(path, line, col, message, hint, Severity.WARNING)


def closest(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The choice closest to ``word``, or None when none is close enough."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str:
    """A ``did you mean 'x'?`` hint from the closest choice, or an empty string."""
    close = closest(word, choices, cutoff)
    return f"did you mean '{close}'?" if close else ""


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics sorted by file and position, duplicates removed."""
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.col, d.message))


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    """``2 errors, 1 warning``."""
    items = list(diagnostics)
    errors = sum(d.is_error for d in items)
    warnings = len(items) - errors
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
