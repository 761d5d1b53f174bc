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


@pytest.mark.parametrize("command", ["variants_readers24", "variants_readers25", "variants_readers26"])
def test_voiced_variant_commands_give_one_line_errors(command, tmp_path, capsys):
    """eval.variants_readers24/25: eval/reports, a negative --per-kind and a missing index are refused with one
    `error:` line each and exit 2, writing nothing."""
    import importlib
    from pathlib import Path

    main = importlib.import_module(f"eval.{command}").main
    reports = Path(__file__).resolve().parent.parent / "eval" / "reports" / f"{command}_probe"
    assert main(["--out", str(reports)]) == 2
    assert not reports.exists()
    assert main(["--out", str(tmp_path / "out"), "--per-kind", "-1"]) == 2
    assert main(["--out", str(tmp_path / "out"), "--index", str(tmp_path / "missing")]) == 2
    assert not (tmp_path / "out").exists()
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("error:")]
    assert len(lines) == 3 and "eval/reports" in lines[0] and "negative" in lines[1] and "missing" in lines[2]


def test_chinglish_variant_command_checks_index_and_out_before_writing(tmp_path, capsys):
    """eval.variants_chinglish: eval/reports and a missing index are refused with one `error:` line each and exit 2,
    before variants.jsonl is written."""
    from pathlib import Path

    from eval.variants_chinglish import main

    reports = Path(__file__).resolve().parent.parent / "eval" / "reports" / "variants_chinglish_probe"
    assert main(["--out", str(reports)]) == 2
    assert not reports.exists()
    assert main(["--out", str(tmp_path / "out"), "--index", str(tmp_path / "missing")]) == 2
    assert not (tmp_path / "out").exists()
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and "eval/reports" in lines[0] and "missing" in lines[1]


@pytest.mark.parametrize("command, argv, says", [
    ("nonsense_generated", ["--out", "eval/reports/nonsense_probe"], "eval/reports"),
    ("nonsense_generated", ["--out", "{tmp}/out", "--per-style", "-1"], "--per-style"),
    ("nonsense_generated", ["--out", "{tmp}/out", "--index", "{tmp}/missing"], "no index folder"),
    ("variants_checks", ["--out", "eval/reports/checks_probe"], "eval/reports"),
    ("variants_checks", ["--out", "{tmp}/out", "--per-kind", "-1"], "negative"),
    ("variants_checks", ["--out", "{tmp}/out", "--index", "{tmp}/missing"], "no index folder"),
    ("scope_generated", ["--per-frame", "0"], "--per-frame"),
    ("scope_generated", ["--index", "{tmp}/missing"], "no index folder"),
    ("scope_generated", ["--out", "{tmp}/out"], "unrecognized"),
])
def test_session30_generators_give_one_line_errors(command, argv, says, tmp_path, capsys):
    """eval.nonsense_generated, eval.variants_checks and eval.scope_generated refuse a bad argument with one `error:`
    line and exit 2 before loading anything or writing a file."""
    import importlib

    main = importlib.import_module(f"eval.{command}").main
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and says in lines[0], lines
    assert not (tmp_path / "out").exists()
