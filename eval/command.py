"""What every ``python -m eval.X`` command shares: a ForumQAError ends it with one line and exit code 2."""

from __future__ import annotations

from collections.abc import Callable


def run_command(action: Callable[[], object], log: Callable[[str], None] = print) -> int:
    """Run a command's work and turn its outcome into an exit code.

    Args:
        action: the work (its result is ignored).
        log: where the one-line error goes.

    Returns:
        0 when it finishes; 2 when it raises a ForumQAError (printed as ``error: <message>``).
    """
    from index.errors import ForumQAError

    try:
        action()
    except ForumQAError as error:
        log(f"error: {error}")
        return 2
    return 0
