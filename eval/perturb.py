"""How brittle the answerability judge is to the way people vary a question: meaning-preserving variants of TUNE questions.

    python -m eval.perturb --index index_store/default --out /tmp/perturb [--sample 250] [--per-question 0]

Each written tune question (answerable and unanswerable; held-out rows are never read) gets the variants real readers
make of it without changing what it asks (variants()): a polite or purpose prefix (请问, 我想知道, 麻烦问一下, "Can you tell
me", "I'd like to know"), a trailing particle (呢 after a question word, 吗 after a yes/no question that lacks one), the
final question mark dropped or added, traditional characters (OpenCC s2t), full-width letters and digits, English
lower case and title case, the fillers of voice input (嗯，那个), and 多少 <-> 几 before a measure word. Their features
are computed as answer() computes them (eval.calibrate.feature_matrix), cached by text in OUT/features.jsonl, so a second
run with more questions or another model reads them back.

The report (printed, and OUT/perturb_report.json) says per model feature how often its value changes between a
question and its variant (|change| > TOLERANCE) and the mean absolute change in units of the model's scale, and how
often the judge's decision flips (answerable questions newly refused, unanswerable ones newly answered), per variant
kind and per feature blamed for the flip (the feature whose logit term moved most toward the new decision). A feature
whose value a rewording moves, and that decides, is a check written for the phrasings it was written on.

--seed PKL takes the tune questions' features from a training-data cache (eval.calibrate_validate --features-cache).
--model FILE scores with another model file (default: the stored model of the index's embedder).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from retriever.answerability import FEATURES

TOLERANCE = 0.05  # a feature value "flips" when a variant moves it by more than this (features are scaled 0-1 mostly)
WH_ZH = re.compile(r"什么|多少|几|哪|谁|怎么|怎样|为什么|为何|如何|何时|啥|吗|呢|是否|有没有|是不是|能不能|会不会|多[大长高远久重]")
# measure words after which 多少 and 几 ask the same count (多少台 = 几台); 多少钱, 多少人 and 多少年 read otherwise
MEASURES = "个台家次项座条辆所种名位件只张部批场处届轮期栋间架艘吨"
QUESTION_END = re.compile(r"[?？]+$")
KINDS = (
    "prefix_qingwen", "prefix_xiangzhidao", "prefix_mafan", "prefix_tell", "prefix_like", "particle", "punct_drop",
    "punct_add", "traditional", "fullwidth", "lower", "title", "filler", "duoshao_ji",
)


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _body(text: str) -> tuple[str, str]:
    """(the question without its final question marks, the marks)."""
    match = QUESTION_END.search(text)
    return (text[: match.start()], match.group()) if match else (text.rstrip("。."), "")


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(text: str) -> str:
    return _s2t().convert(text)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text  # keep "I", "UN", "GDP"


def variants(question: str) -> list[tuple[str, str]]:
    """[(kind, variant)] of one question: each meaning-preserving rewording of KINDS that applies and changes the
    text (deterministic; a Chinese question gets the Chinese kinds, one without Chinese characters the English ones)."""
    text = question.strip()
    if not any(c.isalnum() for c in text):
        return []  # nothing but marks and emoji: no wording to vary (and an empty query without its marks)
    body, mark = _body(text)
    out: list[tuple[str, str]] = []
    if has_cjk(text):
        out += [("prefix_qingwen", f"请问{text}"), ("prefix_xiangzhidao", f"我想知道{text}"),
                ("prefix_mafan", f"麻烦问一下，{text}"), ("filler", f"嗯，那个，{text}")]
        if not re.search(r"[吗呢啊吧]$", body):
            out.append(("particle", f"{body}{'呢' if WH_ZH.search(body) else '吗'}{mark}"))
        out.append(("traditional", _to_traditional(text)))
        swapped = re.sub(f"多少(?=[{MEASURES}])", "几", body)
        if swapped == body:
            swapped = re.sub(f"(?<![十百千万好])几(?=[{MEASURES}])", "多少", body)
        out.append(("duoshao_ji", swapped + mark))
    else:
        ask = mark or "?"
        out += [("prefix_tell", f"Can you tell me {_lower_first(body)}{ask}"),
                ("prefix_like", f"I'd like to know {_lower_first(body)}{ask}"),
                ("lower", text.lower()), ("title", _title(text))]
    out.append(("punct_drop", body) if mark else ("punct_add", f"{body}{'？' if has_cjk(text) else '?'}"))
    if re.search(r"[A-Za-z0-9]", text):
        out.append(("fullwidth", _full_width(text)))
    seen = {text}
    kept = []
    for kind, variant in out:
        if variant not in seen:
            seen.add(variant)
            kept.append((kind, variant))
    return kept


def pick(questions: Sequence, sample: int, per_question: int, seed: int = 20161217) -> list[tuple[object, str, str]]:
    """[(question, kind, variant)]: every question (or a seeded sample of ``sample``), each with all its variants or a
    seeded choice of ``per_question``."""
    rng = random.Random(seed)
    chosen = list(questions) if not sample or sample >= len(questions) else rng.sample(list(questions), sample)
    out = []
    for q in chosen:
        vs = variants(q.question)
        if per_question and len(vs) > per_question:
            vs = rng.sample(vs, per_question)
        out += [(q, kind, v) for kind, v in vs]
    return out


class FeatureCache:
    """FEATURES rows by question text, kept in a JSONL file (one {"question", "features"} a line) across runs."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.rows: dict[str, list[float]] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                if list(row["features"]) == list(FEATURES):
                    self.rows[row["question"]] = row["values"]

    def seed(self, path: str | Path) -> int:
        """Take the rows of a training-data cache (eval.calibrate_validate --features-cache: the tune questions'
        features, as computed here) for texts not cached yet; returns how many."""
        import pickle

        data = pickle.loads(Path(path).read_bytes())
        if data.get("features") != list(FEATURES):
            return 0
        new = {e.question: [float(v) for v in row] for e, row in zip(data["examples"], data["x"]) if e.question not in self.rows}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            for text, values in new.items():
                self.rows[text] = values
                handle.write(json.dumps({"question": text, "features": list(FEATURES), "values": values}, ensure_ascii=False) + "\n")
        return len(new)

    def matrix(self, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray], log: Callable[[str], None] = print) -> np.ndarray:
        """The rows of ``texts``, computing (and appending to the file) those not cached yet."""
        missing = list(dict.fromkeys(t for t in texts if t not in self.rows))
        if missing:
            log(f"computing features of {len(missing)} questions ({len(self.rows)} cached) ...")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                for start in range(0, len(missing), 50):
                    chunk = missing[start : start + 50]
                    for text, values in zip(chunk, compute(chunk)):
                        self.rows[text] = [float(v) for v in values]
                        handle.write(json.dumps({"question": text, "features": list(FEATURES), "values": self.rows[text]},
                                                ensure_ascii=False) + "\n")
                    handle.flush()
        return np.array([self.rows[t] for t in texts]).reshape(len(texts), len(FEATURES))


def model_probabilities(model: dict) -> Callable[[np.ndarray], np.ndarray]:
    """The judge's probability for FEATURES rows under a model (a stored model's JSON or a fitted params dict)."""
    from eval.calibrate_validate import probabilities

    return lambda x: probabilities(model, x)


def flips(x: np.ndarray, xv: np.ndarray, labels: np.ndarray, kinds: Sequence[str], model: dict,
          threshold: float) -> dict:
    """The brittleness report of pairs (x[i] a question's features, xv[i] its variant's): per feature the share of
    pairs whose value changes and the mean |change| in the model's scale; the judge's decision flips overall, per
    variant kind and per blamed feature."""
    prob = model_probabilities(model)
    p, pv = prob(x), prob(xv)
    refused, refused_v = p < threshold, pv < threshold
    flipped = refused != refused_v
    features = list(model["features"])
    cols = [FEATURES.index(f) for f in features]
    scale, coef = np.asarray(model["scale"]), np.asarray(model["coef"])
    delta = (xv[:, cols] - x[:, cols])
    terms = delta / scale * coef  # each feature's move of the logit
    # the blamed feature: the one whose term moved the logit most toward the variant's decision
    toward = np.where(refused_v[:, None], -terms, terms)
    blamed = [features[int(np.argmax(toward[i]))] if flipped[i] and toward[i].max() > 0 else "" for i in range(len(p))]
    per_feature = {}
    for j, f in enumerate(features):
        changed = np.abs(delta[:, j]) > TOLERANCE
        per_feature[f] = {
            "changed": round(float(changed.mean()), 3) if len(changed) else 0.0,
            "mean_abs_logit": round(float(np.abs(terms[:, j]).mean()), 3) if len(changed) else 0.0,
            "blamed_flips": sum(1 for b in blamed if b == f),
            "changed_by_kind": {k: round(float(changed[[kk == k for kk in kinds]].mean()), 3)
                                for k in sorted(set(kinds))},
        }
    answerable, unanswerable = labels == 1, labels == 0

    def rates(rows: np.ndarray) -> dict:
        return {
            "pairs": int(rows.sum()),
            "decision_flips": int(flipped[rows].sum()),
            "answerable_newly_refused": int((flipped & refused_v)[rows & answerable].sum()),
            "answerable_pairs": int((rows & answerable).sum()),
            "unanswerable_newly_answered": int((flipped & ~refused_v)[rows & unanswerable].sum()),
            "unanswerable_pairs": int((rows & unanswerable).sum()),
            "mean_abs_logit_shift": round(float(np.abs(np.log(np.clip(pv[rows], 1e-9, 1)) - np.log(np.clip(1 - pv[rows], 1e-9, 1))
                                                       - np.log(np.clip(p[rows], 1e-9, 1)) + np.log(np.clip(1 - p[rows], 1e-9, 1))).mean()), 3)
            if rows.any() else 0.0,
        }

    everything = np.ones(len(p), dtype=bool)
    return {
        "overall": rates(everything),
        "by_kind": {k: rates(np.array([kk == k for kk in kinds])) for k in sorted(set(kinds))},
        "features": per_feature,
    }


def report_lines(report: dict) -> list[str]:
    """The report as printed tables: decision flips per variant kind, then per feature."""
    lines = [f"{'variant kind':<20} {'pairs':>5} {'flips':>5} {'ans->refused':>12} {'unans->answered':>15} {'|dlogit|':>8}"]
    for name, r in [*report["by_kind"].items(), ("all", report["overall"])]:
        lines.append(f"{name:<20} {r['pairs']:>5} {r['decision_flips']:>5} "
                     f"{r['answerable_newly_refused']:>5} of {r['answerable_pairs']:<4} "
                     f"{r['unanswerable_newly_answered']:>6} of {r['unanswerable_pairs']:<5} {r['mean_abs_logit_shift']:>8.3f}")
    lines.append("")
    lines.append(f"{'feature':<16} {'changed':>7} {'|dlogit|':>8} {'blamed':>6}  most changed by")
    ordered = sorted(report["features"].items(), key=lambda kv: (-kv[1]["blamed_flips"], -kv[1]["mean_abs_logit"]))
    for f, r in ordered:
        worst = sorted(r["changed_by_kind"].items(), key=lambda kv: -kv[1])[:3]
        lines.append(f"{f:<16} {r['changed']:>7.3f} {r['mean_abs_logit']:>8.3f} {r['blamed_flips']:>6}  "
                     + ", ".join(f"{k} {v:.2f}" for k, v in worst if v > 0))
    return lines


def run(index: str | None, out: Path, sample: int, per_question: int, model_file: str | None = None,
        log: Callable[[str], None] = print, seed: str | None = None) -> dict:
    """Make the variants, compute (or read back) their features, score them and write OUT/perturb_report.json."""
    from eval.calibrate import TRAINING_SETS
    from eval.questions import load_questions

    tune = load_questions(TRAINING_SETS, split="tune")
    chosen = pick(tune, sample, per_question)
    cache = FeatureCache(out / "features.jsonl")
    if seed:
        log(f"{cache.seed(seed)} questions' features taken from {seed}")
    x, xv, model, threshold, embedder = scored_pairs(index, cache, chosen, model_file, log)
    labels = np.array([int(q.answerable) for q, _, _ in chosen])
    report = flips(x, xv, labels, [k for _, k, _ in chosen], model, threshold)
    report["questions"] = len({q.id for q, _, _ in chosen})
    report["model"] = model_file or f"stored model of {embedder}"
    out.mkdir(parents=True, exist_ok=True)
    (out / "perturb_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with (out / "variants.jsonl").open("w", encoding="utf-8") as handle:
        for q, kind, v in chosen:
            handle.write(json.dumps({"id": q.id, "set": q.set, "kind": kind, "question": q.question, "variant": v,
                                     "label": int(q.answerable)}, ensure_ascii=False) + "\n")
    for line in report_lines(report):
        log(line)
    log(f"{report['questions']} tune questions, {len(chosen)} variants; wrote {out / 'perturb_report.json'}")
    return report


def scored_pairs(index: str | None, cache: FeatureCache, chosen: Sequence, model_file: str | None,
                 log: Callable[[str], None]) -> tuple[np.ndarray, np.ndarray, dict, float, str]:
    """(the originals' features, their variants' features, the model, its threshold, the embedder) of the chosen
    (question, kind, variant) rows, features computed as answer() computes them or read back from the cache."""
    from eval.calibrate import feature_matrix
    from eval.calibrate_fit import ABSTAIN_BELOW
    from eval.calibrate_negatives import Example
    from eval.run import opened_retriever
    from retriever.answerability.model import model_for

    texts = list(dict.fromkeys([q.question for q, _, _ in chosen] + [v for _, _, v in chosen]))
    with opened_retriever(index, None, fresh=index is None, log=log) as retriever:
        matrix = cache.matrix(texts, lambda chunk: feature_matrix(retriever, [Example(t, 0, "", "") for t in chunk]), log)
        embedder = retriever.embedder.id
    row = {t: i for i, t in enumerate(texts)}
    x = matrix[[row[q.question] for q, _, _ in chosen]]
    xv = matrix[[row[v] for _, _, v in chosen]]
    model = json.loads(Path(model_file).read_text(encoding="utf-8")) if model_file else model_for(embedder).to_json()
    return x, xv, model, float(model.get("threshold", ABSTAIN_BELOW)), embedder


def variants_parser(prog: str, doc: str, out_help: str, sample: int, per_question: int):
    """The argument set-up eval.perturb and eval.paraphrase_stress share: --out (required), --index, --sample,
    --per-question and --model."""
    import argparse

    parser = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    parser.add_argument("--out", required=True, help=f"{out_help} (not eval/reports)")
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--sample", type=int, default=sample, help="tune questions sampled (0: all)")
    parser.add_argument("--per-question", type=int, default=per_question, help="variants per question, a seeded choice (0: all)")
    parser.add_argument("--model", default=None, help="a model JSON file to score with (default: the stored model)")
    return parser


def distinct_variants(text: str, made: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (kind, variant) pairs of made whose variant is not blank, not the text itself and not made before."""
    seen, kept = {text}, []
    for kind, v in made:
        if v.strip() and v not in seen:
            seen.add(v)
            kept.append((kind, v))
    return kept


def in_reports(out: Path) -> bool:
    """Whether a folder lies in eval/reports (the recorded figures, never an --out of a stress tool)."""
    return out.resolve().is_relative_to((Path(__file__).resolve().parent / "reports").resolve())


def out_refused(out: Path) -> int | None:
    """Exit status 2 with one error line when --out lies in eval/reports (the recorded figures), else None."""
    if not in_reports(out):
        return None
    from eval.command import run_command
    from index.errors import InvalidArgumentError

    return run_command(lambda: (_ for _ in ()).throw(InvalidArgumentError("--out: not eval/reports; use a folder of your own")))


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.perturb --out DIR [--index PATH] [--sample N] [--per-question K] [--model FILE]."""
    from eval.command import run_command
    from index.env import apply_defaults

    apply_defaults()
    parser = variants_parser("python -m eval.perturb", __doc__, "folder of the report and the feature cache", 250, 0)
    parser.add_argument("--seed", default=None,
                        help="a training-data cache (eval.calibrate_validate --features-cache) whose tune questions' "
                             "features need not be computed again")
    args = parser.parse_args(argv)
    out = Path(args.out)
    refused = out_refused(out)
    if refused is not None:
        return refused
    return run_command(lambda: run(args.index, out, args.sample, args.per_question, args.model, seed=args.seed))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
