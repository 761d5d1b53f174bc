"""What every ``python -m eval.X`` command shares: bad input (a ForumQAError, a missing file) ends it with one line
and exit code 2, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable


def run_command(action: Callable[[], object], log: Callable[[str], None] = print) -> int:
    """Run a command's work and turn its outcome into an exit code.

    Args:
        action: the work (its result is ignored).
        log: where the one-line error goes.

    Returns:
        0 when it finishes; 2 when it raises a ForumQAError or names a missing file (printed as ``error: <message>``).
    """
    from index.errors import ForumQAError

    try:
        action()
    except (ForumQAError, FileNotFoundError) as error:
        log(f"error: {one_line(error)}")
        return 2
    return 0


def one_line(error: Exception) -> str:
    """The message of a bad-input error, on one line."""
    if isinstance(error, FileNotFoundError):
        return f"no such file: {error.filename}"
    return " ".join(str(error).split())


def command(main: Callable[..., object]) -> Callable[..., object]:
    """A ``python -m eval.X`` main whose bad input (a ForumQAError, a missing file) prints ``error: <message>`` on one
    line and returns exit code 2 instead of a traceback; otherwise main's own return value."""
    from index.errors import ForumQAError

    @functools.wraps(main)
    def guarded(*args, **kwargs):
        try:
            return main(*args, **kwargs)
        except (ForumQAError, FileNotFoundError) as error:
            print(f"error: {one_line(error)}")
            return 2

    return guarded
