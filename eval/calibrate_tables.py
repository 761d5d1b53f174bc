"""Leave one set out with the hand word tables off: the answerability model on words nobody listed for it.

    python -m eval.calibrate_tables [--index PATH] [--drop 1.0] [--seed 1]

The hand tables (index/everyday.tsv, spoken Chinese words -> the text's written terms; index/glossary_en_zh.tsv, the
English domain glossary) were written with the tune questions in view: their words are known to the tables, a new
writer's are not. Leave one set out (python -m eval.calibrate_validate --test all) leaves the set's questions out of the
fit but not out of the tables, so it flatters the model. Here the left-out set's questions are also judged with a
lexicon rebuilt without the tables (--drop 1.0), or without a random share of their lines (--drop 0.5 --seed 2): the
model fitted on the other sets with the tables on, as the stored one is, then tested as if its words were new.

Prints the leave-one-set-out table (eval/calibrate_validate.py) with the tables on, then with them off. Tune splits
only: held-out questions are never read (their texts only keep a generated question from coinciding with one).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from eval.calibrate import MODEL_FEATURES, TRAINING_SETS, feature_matrix, fit_model, is_written, training_examples
from eval.calibrate_validate import example_sets, probabilities, scores, table
from index.errors import InvalidArgumentError


def kept_lines(lines: Sequence, share: float, rng: random.Random) -> tuple:
    """The table lines left after dropping each with probability ``share`` (all of them at 1.0)."""
    return tuple(line for line in lines if rng.random() >= share)


@contextmanager
def tables_dropped(share: float, seed: int = 1) -> Iterator[None]:
    """Within the block, index.everyday and index.glossary read only the kept lines of their tables (evaluation only:
    the module functions are swapped back on exit)."""
    import index.everyday as everyday
    import index.glossary as glossary

    saved = glossary.entries, everyday.entries
    rng = random.Random(seed)
    g, e = kept_lines(glossary.entries(), share, rng), kept_lines(everyday.entries(), share, rng)
    glossary.entries, everyday.entries = (lambda: g), (lambda: e)
    glossary._by_term.cache_clear()
    try:
        yield
    finally:
        glossary.entries, everyday.entries = saved
        glossary._by_term.cache_clear()


@contextmanager
def lexicon_swapped(retriever, lexicon: dict) -> Iterator[None]:
    """Within the block the retriever (its query parser and answerability facts share one dict) uses ``lexicon``."""
    from index import lexicon as lexicon_module

    live = retriever.backend.lexicon
    saved = dict(live)
    live.clear()
    live.update(lexicon)
    lexicon_module._keys_cache.clear()
    try:
        yield
    finally:
        live.clear()
        live.update(saved)
        lexicon_module._keys_cache.clear()


def lexicon_without_tables(retriever, share: float, seed: int) -> dict:
    """The index's lexicon rebuilt from its BM25 vocabulary (bm25/vocab.index.json, as index.build reads it) with a
    share of the hand tables' lines dropped."""
    import json

    from index.lexicon import NAMES_KEY, build_lexicon

    vocabulary = list(json.loads((retriever.path / "bm25" / "vocab.index.json").read_text(encoding="utf-8")))
    with tables_dropped(share, seed):
        return build_lexicon(vocabulary, retriever.backend.lexicon.get(NAMES_KEY, []))


def compare(retriever, share: float = 1.0, seed: int = 1, log: Callable[[str], None] = print) -> dict[str, dict]:
    """{'tables on': LOSO scores, 'tables off': the same models on features computed without the tables}, each with
    a 'pooled' row (eval/calibrate_validate.py cross_set, the left-out set's rows judged both ways)."""
    examples = training_examples(retriever, log, TRAINING_SETS)
    log(f"computing features of {len(examples)} questions, tables on and off ...")
    on = feature_matrix(retriever, examples)
    with lexicon_swapped(retriever, lexicon_without_tables(retriever, share, seed)):
        off = feature_matrix(retriever, examples)
    member = example_sets(examples, TRAINING_SETS)
    out: dict[str, dict] = {"tables on": {}, "tables off": {}}
    pooled: list = []
    probs: dict[str, list] = {"tables on": [], "tables off": []}
    for test in TRAINING_SETS:
        train = [i for i, s in enumerate(member) if s != test]
        held = [i for i, s in enumerate(member) if s == test and is_written(examples[i])]
        params, _ = fit_model(on[train], [examples[i] for i in train], list(MODEL_FEATURES))
        pooled += [examples[i] for i in held]
        for name, x in (("tables on", on), ("tables off", off)):
            p = probabilities(params, x[held])
            out[name][test] = scores([examples[i] for i in held], p)
            probs[name].append(p)
    for name in out:
        out[name]["pooled"] = scores(pooled, np.concatenate(probs[name]))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.calibrate_tables [--index PATH] [--drop SHARE] [--seed N]."""
    import argparse

    from eval.command import run_command
    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate_tables", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--drop", type=float, default=1.0, help="share of the tables' lines dropped (1.0: all)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the lines dropped")
    args = parser.parse_args(argv)

    def run() -> None:
        if not 0.0 < args.drop <= 1.0:  # before the index is built
            raise InvalidArgumentError(f"--drop {args.drop} is no share of lines; use a number in (0, 1], e.g. 1.0 or 0.5")
        with opened_retriever(args.index, None, fresh=args.index is None, log=print) as retriever:
            for name, results in compare(retriever, args.drop, args.seed).items():
                print(f"{name} (drop {args.drop}, seed {args.seed}):")
                print(table({k: v | {"one_misfire": None} for k, v in results.items()}))

    return run_command(run)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
