"""Everything a user can get wrong, reported the same way.

Every stage collects problems instead of raising on the first one (as MkDocs'
``Config.validate`` does), so an editor sees all mistakes of a run at once,
one line each, in the ``FILE:LINE:COLUMN: severity: message`` form that
editors and terminals turn into jump targets.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from randnotiz.model import Origin

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Problem:
    origin: Origin
    severity: Severity
    message: str

    def __str__(self) -> str:
        line = f"{self.origin}: {self.severity}: {self.message}"
        return _BREAKING.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), line)


#: What would break a problem's one line, or move the terminal's cursor, when a message
#: quotes a value or a file name that holds it: shown escaped (\r, \x1b, \u2028).
_BREAKING = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def error(origin: Origin, message: str) -> Problem:
    return Problem(origin, "error", message)


def warning(origin: Origin, message: str) -> Problem:
    return Problem(origin, "warning", message)


class ProblemsFound(Exception):
    """Raised at the edge when a stage found errors; carries all of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=_sort_key))
        super().__init__("\n".join(str(p) for p in self.problems))


def _sort_key(problem: Problem) -> tuple[str, int, int, str]:
    o = problem.origin
    return (o.file, o.line, o.column, problem.message)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """File order, then line order: the order an editor fixes them in."""
    return sorted(set(problems), key=_sort_key)


def info(origin: Origin, message: str) -> Problem:
    """Not a mistake: something the build did that the user should know about."""
    return Problem(origin, "info", message)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'aliases'?)' or '' when nothing is close."""
    options = sorted(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    close = close or [c for c in options if c.startswith(word) or word.startswith(c)][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""
