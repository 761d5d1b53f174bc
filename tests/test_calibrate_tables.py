"""eval.calibrate_tables: the hand tables switched off for evaluation, and switched back."""

import random

import index.everyday as everyday
import index.glossary as glossary
from eval.calibrate_tables import kept_lines, main, tables_dropped


def test_kept_lines_drop_a_share_and_all_at_one():
    lines = tuple(range(1000))
    assert kept_lines(lines, 1.0, random.Random(1)) == ()
    half = kept_lines(lines, 0.5, random.Random(1))
    assert 400 < len(half) < 600 and half == kept_lines(lines, 0.5, random.Random(1))


def test_tables_are_dropped_inside_the_block_only():
    before_g, before_e = glossary.entries(), everyday.entries()
    assert before_g and before_e
    with tables_dropped(1.0):
        assert glossary.entries() == () and everyday.entries() == ()
        assert glossary.glossary_phrases("烟尘") == ()
    assert glossary.entries() == before_g and everyday.entries() == before_e
    assert glossary.glossary_phrases("烟尘")


def test_a_share_out_of_range_is_one_error_line(capsys):
    assert main(["--drop", "1.5"]) == 2
    assert "--drop 1.5" in capsys.readouterr().out
