"""eval.command.variant_parser / checked_variant_args: the shared arguments of the generated-variant commands."""

import pytest

from eval.command import checked_variant_args, run_command, variant_parser
from index.errors import InvalidArgumentError


def _parser():
    return variant_parser("python -m eval.x", "A variant command.\n\nMore.", 25, 27, "per kind", "list failures")


def test_defaults_and_given_values(tmp_path):
    args = checked_variant_args(_parser(), ["--out", str(tmp_path)])
    assert (args.per_kind, args.seed, args.index, args.failures) == (25, 27, None, False)
    args = checked_variant_args(_parser(), ["--out", str(tmp_path), "--limit", "3", "--seed", "5", "--failures"])
    assert (args.per_kind, args.seed, args.failures) == (3, 5, True)


@pytest.mark.parametrize("argv", [
    ["--per-kind", "-1"], ["--per-kind", "forty"], ["--index", "/no/such/index"], ["--bogus"], [],
])
def test_bad_arguments_raise_one_line_errors(tmp_path, argv):
    full = argv if argv == [] else ["--out", str(tmp_path), *argv]
    with pytest.raises(InvalidArgumentError) as caught:
        checked_variant_args(_parser(), full)
    assert "\n" not in str(caught.value)


def test_the_recorded_reports_are_no_out_folder():
    from pathlib import Path

    reports = Path(__file__).resolve().parent.parent / "eval" / "reports"
    lines = []
    assert run_command(lambda: checked_variant_args(_parser(), ["--out", str(reports)]), lines.append) == 2
    assert lines == ["error: --out: not eval/reports; use a folder of your own"]
