"""Study the answerability model's fit by leave one set out on cached features: which features, weights, transforms
and threshold carry over to a set the fit never saw.

    python -m eval.calibrate_study ablation --features-cache PKL [--cmrc FILE]   # drop each model feature, refit
    python -m eval.calibrate_study threshold --features-cache PKL               # the abstention threshold by LOSO

Other candidates (row weights per origin or per set, extra columns fitted per fold: interactions, clipped or
binarised features, monotone gradient-boosted trees) are Candidate values passed to loso() and in_fold().

The cache is eval.calibrate_validate --features-cache's pickle (the training data's FEATURES rows, valid while no
feature code changes). Every candidate is fitted as eval.calibrate fits the stored model (fit_model: sign-constrained
logistic regression, C by grouped out-of-fold log loss, Platt scaling on written rows) on the other sets' tune rows and
the negatives generated from them, and scored on the left-out set's written rows (eval.calibrate_validate.scores):
pooled false abstention, near-miss and out-of-scope refusal, log loss; CMRC 2018 even / odd false abstention and
near-miss refusal of the model fitted on every set. Tune rows only; no held-out row is read.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

import eval.calibrate_fit as calibrate_fit
from eval.calibrate import GENERATED_WEIGHT, MODEL_FEATURES, REAL_NEGATIVE_WEIGHT, TRAINING_SETS, is_written
from eval.calibrate_fit import ABSTAIN_BELOW, CHECK_CAP, CS, fit, recalibrate
from eval.calibrate_validate import load_cmrc_features, scores
from retriever.answerability import FEATURES


@dataclass
class Candidate:
    """One way to fit: the features, a transform of the FEATURES rows (extra named columns), the row weights."""

    name: str
    features: Sequence[str] = MODEL_FEATURES
    # given the training rows and labels, a function from FEATURES rows to named new columns (a transform fitted per fold)
    extra: Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], dict[str, np.ndarray]]] | None = None
    signs: dict[str, int] = field(default_factory=dict)  # the new columns' signs
    generated_weight: float = GENERATED_WEIGHT
    real_negative_weight: float = REAL_NEGATIVE_WEIGHT
    per_set: bool = False  # each set's written rows weigh the same in all (not each row)
    origin_weights: dict[str, float] = field(default_factory=dict)  # generated kind (entity, focus ...) -> weight
    cs: Sequence[float] = CS
    cap: float | None = CHECK_CAP
    threshold: float = ABSTAIN_BELOW
    boosted: dict | None = None  # HistGradientBoostingClassifier's settings (monotone by SIGNS) instead of the logistic fit


def load(path: str) -> tuple[list, np.ndarray, list[str]]:
    """(examples, FEATURES rows, set of each) of an eval.calibrate_validate --features-cache pickle."""
    with open(path, "rb") as handle:
        data = pickle.load(handle)
    if data.get("features") != list(FEATURES):
        raise SystemExit(f"{path} holds other features; compute it again with eval.calibrate_validate --features-cache")
    return data["examples"], data["x"], data["member"]


def columns(transform, x: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """The design matrix and its column names (FEATURES and the transform's extra columns)."""
    names = list(FEATURES)
    if transform is None:
        return x, names
    extra = transform(x)
    return (np.column_stack([x, *extra.values()]) if extra else x), names + list(extra)


def weights(candidate: Candidate, examples: Sequence, member: Sequence[str]) -> np.ndarray:
    """fit_model's weights (written negatives REAL_NEGATIVE_WEIGHT, generated ones GENERATED_WEIGHT), as the candidate
    sets them; per_set: each set's written rows rescaled so that every set weighs its mean size."""
    y = np.array([e.label for e in examples])
    real = np.array([is_written(e) for e in examples])
    w = np.where(real, np.where(y == 0, candidate.real_negative_weight, 1.0), candidate.generated_weight)
    for kind, value in candidate.origin_weights.items():
        w[[not r and e.origin.startswith(kind) for e, r in zip(examples, real)]] = value
    if candidate.per_set:
        sets = np.array(member)
        totals = {s: w[(sets == s) & real].sum() for s in set(sets[real])}
        mean = np.mean(list(totals.values()))
        for s, total in totals.items():
            w[(sets == s) & real] *= mean / total
    return w


def fit_candidate(candidate: Candidate, x: np.ndarray, examples: Sequence, member: Sequence[str]) -> tuple[dict, np.ndarray]:
    """The Platt-scaled fit (eval.calibrate.fit_model) of the candidate on these rows, and its out-of-fold
    probabilities (grouped folds, recalibrated)."""
    if candidate.boosted is not None:
        return fit_boosted(candidate, x, examples, member)
    transform = candidate.extra(x, np.array([e.label for e in examples])) if candidate.extra else None
    z, names = columns(transform, x)
    features = [*candidate.features, *(n for n in names[len(FEATURES):])]
    y = np.array([e.label for e in examples])
    real = np.array([is_written(e) for e in examples])
    saved = calibrate_fit.FEATURES, dict(calibrate_fit.SIGNS)
    calibrate_fit.FEATURES = names
    calibrate_fit.SIGNS.update(candidate.signs)
    try:
        params, oof = fit(z, y, features, weights(candidate, examples, member), groups=[e.group for e in examples],
                          cap=candidate.cap, cs=candidate.cs)
    finally:
        calibrate_fit.FEATURES = saved[0]
        calibrate_fit.SIGNS.clear()
        calibrate_fit.SIGNS.update(saved[1])
    params, oof = recalibrate(params, oof, y, real)
    return params | {"transform": transform}, oof


def fit_boosted(candidate: Candidate, x: np.ndarray, examples: Sequence, member: Sequence[str]) -> tuple[dict, np.ndarray]:
    """Gradient-boosted trees over the candidate's features, each monotone in the direction SIGNS gives it, with the
    same weights, grouped out-of-fold probabilities and Platt scaling on written rows as the logistic fit."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import StratifiedGroupKFold

    features = list(candidate.features)
    z = x[:, [FEATURES.index(f) for f in features]]
    y = np.array([e.label for e in examples])
    real = np.array([is_written(e) for e in examples])
    w = weights(candidate, examples, member)
    settings = {"max_iter": 100, "learning_rate": 0.1, "max_depth": 3, "min_samples_leaf": 40, "l2_regularization": 1.0}
    settings |= candidate.boosted

    def model() -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(monotonic_cst=[calibrate_fit.SIGNS.get(f, 0) for f in features],
                                              random_state=calibrate_fit.SEED, **settings)

    oof = np.zeros(len(y))
    folds = StratifiedGroupKFold(5, shuffle=True, random_state=calibrate_fit.SEED)
    for train, test in folds.split(z, y, [e.group for e in examples]):
        oof[test] = model().fit(z[train], y[train], sample_weight=w[train]).predict_proba(z[test])[:, 1]
    trees = model().fit(z, y, sample_weight=w)
    platt, oof = recalibrate({"coef": [], "intercept": 0.0}, oof, y, real)
    return {"features": features, "trees": trees, "platt": platt["platt"], "transform": None}, oof


def predict(candidate: Candidate, params: dict, x: np.ndarray) -> np.ndarray:
    """The probabilities of rows of FEATURES (0 for nonsense and an absent quote, the judge's rules)."""
    ruled = (x[:, FEATURES.index("nonsense")] > 0) | (x[:, FEATURES.index("quote_absent")] > 0)
    if "trees" in params:
        q = np.clip(params["trees"].predict_proba(x[:, [FEATURES.index(f) for f in params["features"]]])[:, 1], 1e-9, 1 - 1e-9)
        a, b = params["platt"]
        return np.where(ruled, 0.0, 1 / (1 + np.exp(-(a * np.log(q / (1 - q)) + b))))
    z, names = columns(params["transform"], x)
    cols = [names.index(f) for f in params["features"]]
    s = (z[:, cols] - np.asarray(params["mean"])) / np.asarray(params["scale"])
    p = 1 / (1 + np.exp(-(s @ np.asarray(params["coef"]) + params["intercept"])))
    return np.where(ruled, 0.0, p)


def loso(candidate: Candidate, examples: Sequence, x: np.ndarray, member: Sequence[str]) -> dict:
    """Leave one set out: {'pooled': scores, 'sets': {set: scores}, 'p': pooled probabilities, 'rows': their indices,
    'set_of_row', 'coef': {set: per-unit coefficients}}."""
    out: dict = {"sets": {}, "coef": {}}
    rows, probs, set_of = [], [], []
    for test in TRAINING_SETS:
        train = [i for i, s in enumerate(member) if s != test]
        held = [i for i, s in enumerate(member) if s == test and is_written(examples[i])]
        params, _ = fit_candidate(candidate, x[train], [examples[i] for i in train], [member[i] for i in train])
        p = predict(candidate, params, x[held])
        out["sets"][test] = scores([examples[i] for i in held], p, candidate.threshold)
        if "coef" in params:
            out["coef"][test] = dict(zip(params["features"], np.asarray(params["coef"]) / np.asarray(params["scale"])))
        rows += held
        probs.append(p)
        set_of += [test] * len(held)
    out["p"], out["rows"], out["set_of_row"] = np.concatenate(probs), rows, set_of
    out["pooled"] = scores([examples[i] for i in rows], out["p"], candidate.threshold)
    return out


def in_fold(candidate: Candidate, examples: Sequence, x: np.ndarray, member: Sequence[str],
            path: str | None = None) -> dict:
    """The fit on every set: its own out-of-fold figures on the written rows (the in-fold estimate: 'fa', 'log_loss'),
    its coefficients per unit ('coef'), and with a CMRC features file {(half, 'fa' | 'nm'): (refused, questions)}."""
    params, oof = fit_candidate(candidate, x, examples, member)
    written = np.array([is_written(e) for e in examples])
    y = np.array([e.label for e in examples])[written]
    p = np.clip(oof[written], 1e-6, 1 - 1e-6)
    out: dict = {"fa": float(np.mean(p[y == 1] < candidate.threshold)),
                 "log_loss": float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))),
                 "coef": dict(zip(params["features"], np.asarray(params["coef"]) / np.asarray(params["scale"])))
                 if "coef" in params else {}, "C": params.get("C")}
    if path is None:
        return out
    cx, halves, kinds = load_cmrc_features(path)
    refused = predict(candidate, params, cx) < candidate.threshold
    for half in ("even", "odd"):
        for key, want in (("fa", True), ("nm", False)):
            rows = [i for i, (h, k) in enumerate(zip(halves, kinds)) if h == half and (k == "answerable") == want]
            out[half, key] = (int(refused[rows].sum()), len(rows))
    return out


def line(name: str, result: dict, examples: Sequence, threshold: float, cm: dict | None = None) -> str:
    """One table row: FA, NM, OOS (share and count), log loss, CMRC even/odd FA and even NM."""
    y = np.array([examples[i].label for i in result["rows"]])
    kind = np.array([examples[i].origin.split()[0].split("/")[-1] for i in result["rows"]])
    refused = result["p"] < threshold
    fa, nm, oos = refused[y == 1], refused[kind == "near_miss"], refused[kind == "out_of_scope"]
    cells = [f"{fa.mean():.3f} ({fa.sum()})", f"{nm.mean():.3f} ({nm.sum()})", f"{oos.mean():.3f} ({oos.sum()})",
             f"{result['pooled']['log_loss']:.3f}"]
    if cm:
        cells += [f"{cm['even', 'fa'][0]}/{cm['even', 'fa'][1]}", f"{cm['odd', 'fa'][0]}", f"{cm['even', 'nm'][0]}"]
    return f"| {name} | " + " | ".join(cells) + " |"


def header(with_cmrc: bool) -> str:
    head = "| candidate | FA | NM | OOS | log loss |"
    rule = "|---|---|---|---|---|"
    if with_cmrc:
        head += " CMRC even FA | odd FA | even NM |"
        rule += "---|---|---|"
    return head + "\n" + rule


def refusals(result: dict, examples: Sequence, threshold: float, rows: np.ndarray | None = None) -> dict:
    """Refused / questions of the pooled left-out rows at a threshold: 'fa' (answerable), 'nm', 'oos'."""
    keep = np.ones(len(result["rows"]), dtype=bool) if rows is None else rows
    y = np.array([examples[i].label for i in result["rows"]])[keep]
    kind = np.array([examples[i].origin.split()[0].split("/")[-1] for i in result["rows"]])[keep]
    refused = result["p"][keep] < threshold
    return {k: (int(refused[m].sum()), int(m.sum()))
            for k, m in (("fa", y == 1), ("nm", kind == "near_miss"), ("oos", kind == "out_of_scope"))}


def cost(r: dict, ratio: float = 2.0) -> float:
    """Refusing an answerable question costs ``ratio`` times answering an unanswerable one (ABSTAIN_BELOW = 1 / (1 +
    ratio) is the Bayes decision for it), per question of each class."""
    return ratio * r["fa"][0] + (r["nm"][1] - r["nm"][0]) + (r["oos"][1] - r["oos"][0])


def nested_threshold(result: dict, examples: Sequence, grid: Sequence[float], choose: Callable[[dict], float]) -> tuple[dict, list]:
    """The threshold chosen on the other sets' left-out probabilities (by ``choose``, smaller is better) and applied to
    each set in turn: the pooled refusals of that honest choice, and the thresholds chosen."""
    sets = np.array(result["set_of_row"])
    total = {"fa": [0, 0], "nm": [0, 0], "oos": [0, 0]}
    chosen = []
    for s in dict.fromkeys(result["set_of_row"]):
        t = min(grid, key=lambda t: (choose(refusals(result, examples, t, sets != s)), abs(t - ABSTAIN_BELOW)))
        chosen.append(t)
        for k, (n, m) in refusals(result, examples, t, sets == s).items():
            total[k][0] += n
            total[k][1] += m
    return {k: tuple(v) for k, v in total.items()}, chosen


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.calibrate_study --features-cache PKL {ablation,threshold} [--cmrc FILE]."""
    import argparse

    from eval.calibrate import MODEL_FEATURES as features

    parser = argparse.ArgumentParser(prog="python -m eval.calibrate_study", description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("ablation", "threshold"))
    parser.add_argument("--features-cache", required=True, help="eval.calibrate_validate --features-cache's pickle")
    parser.add_argument("--cmrc", default=None, help="cmrc_features.jsonl of eval.cmrc --abstention-only")
    args = parser.parse_args(argv)
    examples, x, member = load(args.features_cache)
    base = Candidate("baseline")
    result = loso(base, examples, x, member)
    if args.what == "threshold":
        print("| threshold | FA | NM | OOS | cost 2:1 |\n|---|---|---|---|---|")
        grid = sorted({*(round(t, 3) for t in np.arange(0.15, 0.551, 0.025)), ABSTAIN_BELOW})
        for t in grid:
            r = refusals(result, examples, t)
            print(f"| {t} | " + " | ".join(f"{r[k][0]}/{r[k][1]}" for k in ("fa", "nm", "oos")) + f" | {cost(r):.0f} |")
        total, chosen = nested_threshold(result, examples, grid, cost)
        print("chosen on the other sets (cost 2:1), applied to each: " + ", ".join(f"{k} {n}/{m}" for k, (n, m) in total.items())
              + f"; thresholds {min(chosen)}-{max(chosen)}")
        return 0
    print(header(args.cmrc is not None))
    print(line(base.name, result, examples, base.threshold, in_fold(base, examples, x, member, args.cmrc) if args.cmrc else None))
    for feature in features:
        candidate = Candidate(f"- {feature}", features=[f for f in features if f != feature])
        cm = in_fold(candidate, examples, x, member, args.cmrc) if args.cmrc else None
        print(line(candidate.name, loso(candidate, examples, x, member), examples, candidate.threshold, cm), flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
