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


def one_line_parser(prog: str, doc: str | None):
    """An argument parser whose bad argument raises InvalidArgumentError (one line, exit 2 under run_command or
    @command) instead of printing argparse's usage block; its description is doc's first line."""
    import argparse

    from index.errors import InvalidArgumentError

    class Parser(argparse.ArgumentParser):
        def error(self, message: str):
            raise InvalidArgumentError(message)

    return Parser(prog=prog, description=doc.splitlines()[0] if doc else None)


def variant_parser(prog: str, doc: str | None, per_kind: int, seed: int, per_kind_help: str, failures_help: str):
    """The argument parser of a generated-variant command (--out, --index, --per-kind, --seed, --failures): a bad
    argument raises InvalidArgumentError (one line, exit 2 under run_command) instead of argparse's usage block."""
    parser = one_line_parser(prog, doc)
    parser.add_argument("--out", required=True, help="folder of the variants and the report (not eval/reports)")
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--per-kind", "--limit", dest="per_kind", type=int, default=per_kind, help=per_kind_help)
    parser.add_argument("--seed", type=int, default=seed, help="the seed of the templates and the choice")
    parser.add_argument("--failures", action="store_true", help=failures_help)
    return parser


def checked_variant_args(parser, argv):
    """The parsed arguments of a variant_parser, with --per-kind, --index and --out checked (InvalidArgumentError)."""
    from index.errors import InvalidArgumentError

    args = parser.parse_args(argv)
    if args.per_kind < 0:
        raise InvalidArgumentError(f"--per-kind: {args.per_kind} is negative; give 0 (all) or more")
    return checked_index_and_out(args)


def checked_index_and_out(args):
    """The parsed arguments with --index (an existing folder, or none) and --out (not eval/reports) checked
    (InvalidArgumentError), before anything is written."""
    from pathlib import Path

    from eval.perturb import in_reports
    from index.errors import InvalidArgumentError

    if args.index is not None and not Path(args.index).is_dir():
        raise InvalidArgumentError(f"--index: {args.index} is no index folder")
    if in_reports(Path(args.out)):
        raise InvalidArgumentError("--out: not eval/reports; use a folder of your own")
    return args
