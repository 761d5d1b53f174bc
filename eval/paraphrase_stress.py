"""Wordings nobody wrote: meaning-preserving paraphrases of the answerable TUNE questions, and which check misfires on them.

    python -m eval.paraphrase_stress --index index_store/default --out /tmp/para [--sample 0] [--per-question 2]
        [--reuse /tmp/para_before/variants.jsonl]   (the same variants scored again after a change)

Every feature of the answerability judge was written with the tune sets in view, so leave one set out cannot see a
check misfiring on a wording no set has. This generator makes such wordings from the answerable tune questions (held-out
rows are never read) with GENERAL transforms (variants()), none of which knows a question of the sets:

- ``synonym``: one content word that is no name (CC-CEDICT glosses a name with a capital; jieba tags nr/ns/nt/nz) and
  stands outside quotes swapped for another CC-CEDICT word of the same length and first meaning that jieba's dictionary
  knows as a common word and that keeps the sense (same_sense: two shared meanings, 拆除 → 拆毁; not 局长 → 司长, which
  share only 'bureau chief'); English: a word of the repo's
  English glossary (index/glossary_en_zh.tsv) swapped for another English wording of the same Chinese term;
- ``qword``: the question word said another way (多少 ↔ 几 before a measure word, 哪些 → 什么, 是什么 → 是啥, 多少 →
  多大数量 before a noun; "how many" → "what number of", "what are" → "which are");
- ``particle``: politeness and particles added or dropped (请问 … 呢, 一下, trailing 啊, a leading 请问 dropped);
- ``reorder``: two clauses separated by a comma swapped (…，… → …，…);
- ``drop``: one adverb of degree, scope or time dropped (一共, 主要, 目前, 具体, 分别 …: jieba's d/ad/t tags);
- ``move``: the question word moved to the front (X的Y是什么 → 什么是X的Y).

The variants are written to OUT/variants.jsonl (the eval.perturb format: id, set, kind, question, variant, label, so
that ``eval.calibrate_validate --variants OUT`` can train on them) and their features (as answer() computes them) are
cached by text in OUT/features.jsonl. The report (printed, and OUT/paraphrase_report.json):

- the refusal rate of the originals and of their variants (answerable questions: every refusal is a false abstention),
  overall and per transform, and how many variants are newly refused whose original is answered;
- the misfire table: per model feature, how often it FIRES on a variant (its logit term moves towards refusal by more
  than FIRE against its original's) while it did not fire on the original, and how many of those variants the judge
  newly refuses. A feature that fires on answerable paraphrases is a check that does not know the new words.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from eval.perturb import FeatureCache, distinct_variants, has_cjk, model_probabilities, scored_pairs

SEED = 20161225
FIRE = 1.0  # a feature fires on a variant when its logit term falls by more than this against the original's
KINDS = ("synonym", "qword", "particle", "reorder", "drop", "move")
MEASURES = "个台家次项座条辆所种名位件只张部批场处届轮期栋间架艘吨"
NAME_TAGS = ("nr", "ns", "nt", "nz", "nrt", "nrfg", "m", "eng", "x")
DROP_TAGS = ("d", "ad", "t")
MIN_FREQ = 500  # a swapped-in word must be this common in jieba's dictionary (its frequencies: 的 ~ 3e5, 锅炉 ~ 800)
QUESTION_END = re.compile(r"[?？]+$")


@lru_cache(maxsize=1)
def _by_meaning() -> tuple[dict[str, str], dict[str, list[str]], dict[str, tuple[str, frozenset[str]]]]:
    """(word → its first CC-CEDICT meaning, meaning → words of that first meaning, word → (its first gloss as written,
    parenthesised notes kept; all its meanings)); a word one of whose entries is a name (glossed with a capital: 大连
    'Dalian') is left out."""
    from index.lexicon import _cedict
    from index.synonyms import meaning

    entries = [(e["simplified"], e["definitions"]) for e in _cedict().get_entries()]
    names = {word for word, defs in entries if defs and defs[0][:1].isupper()}
    first: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    glosses: dict[str, list[str]] = {}
    for word, defs in entries:
        if not defs or word in names or not 2 <= len(word) <= 4:
            continue
        glosses.setdefault(word, []).extend(defs)
        if word in first:
            continue
        m = meaning(defs[0])
        if not m:
            continue
        first[word] = m
        words.setdefault(m, []).append(word)
    senses = {w: (g[0].strip().lower(), frozenset(filter(None, (meaning(d) for d in g)))) for w, g in glosses.items()}
    return first, words, senses


def same_sense(word: str, other: str) -> bool:
    """Whether a swap keeps the meaning: the two words share two CC-CEDICT meanings (拆除 and 拆毁 both 'to demolish' and
    'to tear down'; 对话 and 谈话) or the same first gloss as written with its parenthesised note ('to talk (with sb)').
    One shared bare meaning is not enough: 局长 and 司长 'bureau chief', 行业 and 经贸 'trade', 地球 and 泥土 'earth'
    name different things in a text."""
    _, _, senses = _by_meaning()
    (gloss, mine), (other_gloss, theirs) = senses.get(word, ("", frozenset())), senses.get(other, ("", frozenset()))
    return len(mine & theirs) >= 2 or "(" in gloss and gloss == other_gloss


# text a reader quotes (a title, a slogan, a name of a thing) is never reworded
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|\"[^\"]*\"|‘[^’]*’|'[^']*'")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()  # its word frequencies (FREQ) are empty until the dictionary loads
    return jieba, jieba.posseg


@lru_cache(maxsize=1)
def _english_synonyms() -> dict[str, list[str]]:
    """English wording → the other English wordings of the same glossary term (index/glossary_en_zh.tsv)."""
    path = Path(__file__).resolve().parent.parent / "index" / "glossary_en_zh.tsv"
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        english = [w.strip().lower() for w in line.split("\t")[0].split(";") if w.strip()]
        for w in english:
            out.setdefault(w, []).extend(o for o in english if o != w and o not in out.get(w, []))
    return out


def _body(text: str) -> tuple[str, str]:
    match = QUESTION_END.search(text)
    return (text[: match.start()], match.group()) if match else (text.rstrip("。."), "")


def chinese_synonyms(text: str, rng: random.Random) -> list[str]:
    """Variants of a Chinese question with one non-name content word, outside quotes, swapped for a common word of the
    same sense (same_sense; one variant a swappable word, at most three)."""
    jieba, posseg = _jieba()
    freq = jieba.dt.FREQ
    first, words, _ = _by_meaning()
    quoted = _quoted_spans(text)
    out = []
    pieces = list(posseg.cut(text))
    at = 0
    for i, (word, tag) in enumerate(pieces):
        start, at = at, at + len(word)
        if len(word) < 2 or tag in NAME_TAGS or word not in first or not has_cjk(word):
            continue
        if any(a < at and start < b for a, b in quoted):
            continue
        others = [w for w in words[first[word]] if w != word and len(w) == len(word) and freq.get(w, 0) >= MIN_FREQ
                  and w not in text and same_sense(word, w)]
        if not others:
            continue
        swap = rng.choice(sorted(others))
        out.append("".join(swap if j == i else p.word for j, p in enumerate(pieces)))
    rng.shuffle(out)
    return out[:3]


def english_synonyms(text: str, rng: random.Random) -> list[str]:
    """Variants of an English question with one glossary wording swapped for another of the same term."""
    table = _english_synonyms()
    out = []
    lower = text.lower()
    for phrase in sorted(table, key=len, reverse=True):
        match = re.search(rf"\b{re.escape(phrase)}\b", lower)
        if match and table[phrase]:
            other = rng.choice(sorted(table[phrase]))
            out.append(text[: match.start()] + other + text[match.end():])
    rng.shuffle(out)
    return out[:3]


def question_words(text: str) -> list[str]:
    """The question word said another way."""
    body, mark = _body(text)
    out = []
    if has_cjk(text):
        swapped = re.sub(f"多少(?=[{MEASURES}])", "几", body, count=1)
        if swapped == body:
            swapped = re.sub(f"(?<![十百千万好几])几(?=[{MEASURES}])", "多少", body, count=1)
        out.append(swapped)
        out.append(body.replace("哪些", "什么", 1))
        out.append(re.sub(r"是什么$", "是啥", body))
        out.append(re.sub(f"多少(?=[\u4e00-\u9fff]{{2}})(?![{MEASURES}钱人年])", "多大数量的", body, count=1))
        return [v + mark for v in out if v != body]
    out.append(re.sub(r"\b[Hh]ow many\b", lambda m: "What number of" if m.group()[0] == "H" else "what number of", body, count=1))
    out.append(re.sub(r"^What are\b", "Which are", body))
    out.append(re.sub(r"^Which\b", "What", body))
    return [v + mark for v in out if v != body]


def particles(text: str) -> list[str]:
    """Politeness and particles added or dropped."""
    body, mark = _body(text)
    if not has_cjk(text):
        return [f"Please tell me: {body[:1].lower() + body[1:]}{mark or '?'}", f"{body}, please{mark or '?'}"]
    out = []
    if body.startswith("请问"):
        out.append(body[2:].lstrip("，,") + mark)
    else:
        tail = "" if re.search(r"[吗呢啊吧]$", body) else "呢"
        out.append(f"请问{body}{tail}{mark}")
    if not re.search(r"[吗呢啊吧]$", body):
        out.append(f"{body}啊{mark}")
    else:
        out.append(body[:-1] + mark)
    verb = re.search(r"(介绍|说说|讲讲|谈谈|解释)(?!一下)", body)
    if verb:
        out.append(body[: verb.end()] + "一下" + body[verb.end():] + mark)
    return [v for v in out if v and v != text]


def reorder(text: str) -> list[str]:
    """Two clauses swapped around their comma (Chinese ，; English questions are left alone)."""
    body, mark = _body(text)
    parts = re.split(r"[，,]", body)
    if not has_cjk(text) or len(parts) != 2 or min(len(p) for p in parts) < 3:
        return []
    return [f"{parts[1]}，{parts[0]}{mark}"]


def drop_adverb(text: str) -> list[str]:
    """One adverb of degree, scope or time dropped (jieba's d/ad/t tags; never a negation or the question word)."""
    if not has_cjk(text):
        return []
    _, posseg = _jieba()
    first, _, _ = _by_meaning()
    pieces = list(posseg.cut(text))
    out = []
    for i, (word, tag) in enumerate(pieces):
        if tag in DROP_TAGS and word in first and len(word) >= 2 and not re.search(r"[不没未非否几多哪怎何么谁吗呢]", word) \
                and not re.search(r"\d|[年月日号]$", word):
            out.append("".join(p.word for j, p in enumerate(pieces) if j != i))
    return out[:2]


def move_question(text: str) -> list[str]:
    """The question word moved to the front: X的Y是什么 → 什么是X的Y."""
    body, mark = _body(text)
    if has_cjk(text):
        match = re.fullmatch(r"(.{4,})是(什么|哪些)", body)
        return [f"{match.group(2)}是{match.group(1)}{mark}"] if match else []
    return []


def variants(question: str, rng: random.Random) -> list[tuple[str, str]]:
    """[(kind, variant)] of one question, deterministic under the rng; the original and duplicates left out."""
    text = question.strip()
    if not any(c.isalnum() for c in text):
        return []
    made = [("synonym", v) for v in (chinese_synonyms(text, rng) if has_cjk(text) else english_synonyms(text, rng))]
    made += [("qword", v) for v in question_words(text)]
    made += [("particle", v) for v in particles(text)]
    made += [("reorder", v) for v in reorder(text)]
    made += [("drop", v) for v in drop_adverb(text)]
    made += [("move", v) for v in move_question(text)]
    return distinct_variants(text, made)


def pick(questions: Sequence, sample: int, per_question: int, seed: int = SEED) -> list[tuple[object, str, str]]:
    """[(question, kind, variant)]: the answerable questions (or a seeded sample), each with a seeded choice of at most
    ``per_question`` variants that favours different kinds (0: all)."""
    rng = random.Random(seed)
    chosen = list(questions) if not sample or sample >= len(questions) else rng.sample(list(questions), sample)
    out = []
    for q in chosen:
        vs = variants(q.question, rng)
        if per_question and len(vs) > per_question:
            by_kind: dict[str, list] = {}
            for kind, v in vs:
                by_kind.setdefault(kind, []).append((kind, v))
            kinds = sorted(by_kind, key=lambda k: KINDS.index(k))
            rng.shuffle(kinds)
            picked = []
            while len(picked) < per_question:
                for k in kinds:
                    if by_kind[k] and len(picked) < per_question:
                        picked.append(by_kind[k].pop(rng.randrange(len(by_kind[k]))))
            vs = picked
        out += [(q, kind, v) for kind, v in vs]
    return out


def misfires(x: np.ndarray, xv: np.ndarray, kinds: Sequence[str], model: dict, threshold: float,
             order: Sequence[str] = KINDS) -> dict:
    """The report of pairs (x[i] an answerable original's features, xv[i] its variant's); ``order`` the variant kinds
    reported, in that order (eval.variants passes its own)."""
    from retriever.answerability import FEATURES

    prob = model_probabilities(model)
    p, pv = prob(x), prob(xv)
    refused, refused_v = p < threshold, pv < threshold
    features = list(model["features"])
    cols = [FEATURES.index(f) for f in features]
    scale, coef = np.asarray(model["scale"]), np.asarray(model["coef"])
    terms, terms_v = x[:, cols] / scale * coef, xv[:, cols] / scale * coef
    fired = (terms_v - terms) < -FIRE
    new_refusal = refused_v & ~refused
    kinds = np.asarray(kinds)

    def rates(rows: np.ndarray) -> dict:
        n = int(rows.sum())
        return {"variants": n, "originals_refused": round(float(refused[rows].mean()), 4) if n else 0.0,
                "variants_refused": round(float(refused_v[rows].mean()), 4) if n else 0.0,
                "newly_refused": int(new_refusal[rows].sum()), "newly_answered": int((refused & ~refused_v)[rows].sum())}

    table = {}
    for j, f in enumerate(features):
        table[f] = {"fires": int(fired[:, j].sum()), "fires_rate": round(float(fired[:, j].mean()), 4),
                    "fires_newly_refused": int((fired[:, j] & new_refusal).sum()),
                    "by_kind": {k: int((fired[:, j] & (kinds == k)).sum()) for k in order if (kinds == k).any()}}
    everything = np.ones(len(p), dtype=bool)
    return {"overall": rates(everything), "by_kind": {k: rates(kinds == k) for k in order if (kinds == k).any()},
            "misfires": dict(sorted(table.items(), key=lambda kv: (-kv[1]["fires_newly_refused"], -kv[1]["fires"])))}


def report_lines(report: dict, top: int = 0) -> list[str]:
    lines = [f"{'transform':<10} {'variants':>8} {'orig refused':>12} {'var refused':>11} {'newly refused':>13} {'newly answered':>14}"]
    for name, r in [*report["by_kind"].items(), ("all", report["overall"])]:
        lines.append(f"{name:<10} {r['variants']:>8} {r['originals_refused']:>12.4f} {r['variants_refused']:>11.4f} "
                     f"{r['newly_refused']:>13} {r['newly_answered']:>14}")
    lines += ["", f"misfire table (a feature's logit term falls by > {FIRE} on the variant):",
              f"{'feature':<16} {'fires':>5} {'rate':>6} {'->refused':>9}  by transform"]
    rows = list(report["misfires"].items())
    for f, r in rows[: top or len(rows)]:
        lines.append(f"{f:<16} {r['fires']:>5} {r['fires_rate']:>6.3f} {r['fires_newly_refused']:>9}  "
                     + ", ".join(f"{k} {v}" for k, v in r["by_kind"].items() if v))
    return lines


def read_variants(path: Path, questions: Sequence) -> list[tuple[object, str, str]]:
    """The (question, kind, variant) rows of a variants.jsonl written before (the same variants scored again after a
    change of the features); rows whose question is no longer a tune question are skipped."""
    by_id = {q.id: q for q in questions}
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(by_id[r["id"]], r["kind"], r["variant"]) for r in rows if r["id"] in by_id and by_id[r["id"]].question == r["question"]]


def write_variants(out: Path, chosen: Sequence[tuple[object, str, str]]) -> None:
    """OUT/variants.jsonl: one {id, set, kind, question, variant, label} a line (the eval.perturb format)."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "variants.jsonl").open("w", encoding="utf-8") as handle:
        for q, kind, v in chosen:
            handle.write(json.dumps({"id": q.id, "set": q.set, "kind": kind, "question": q.question, "variant": v,
                                     "label": int(q.answerable)}, ensure_ascii=False) + "\n")


def scored_variants(index: str | None, out: Path, chosen: Sequence[tuple[object, str, str]], model_file: str | None,
                    log: Callable[[str], None] = print, order: Sequence[str] = KINDS,
                    keep: Callable[[float, float, float], bool] = lambda p, pv, t: p >= t > pv) -> dict:
    """The scoring block eval.paraphrase_stress and eval.variants share: write OUT/variants.jsonl, compute (or read back)
    the features of every original and variant, score them with the model and return the misfire report with
    ``questions``, ``model`` and ``rows`` (the variants ``keep(p, p_variant, threshold)`` selects, default: newly
    refused, each with its p and p_variant)."""
    write_variants(out, chosen)
    log(f"{len({q.id for q, _, _ in chosen})} answerable tune questions, {len(chosen)} variants -> {out / 'variants.jsonl'}")
    x, xv, model, threshold, embedder = scored_pairs(index, FeatureCache(out / "features.jsonl"), chosen, model_file, log)
    report = misfires(x, xv, [k for _, k, _ in chosen], model, threshold, order=order)
    report["questions"] = len({q.id for q, _, _ in chosen})
    report["model"] = model_file or f"stored model of {embedder}"
    prob = model_probabilities(model)
    p, pv = prob(x), prob(xv)
    report["rows"] = [
        {"id": q.id, "kind": k, "question": q.question, "variant": v, "p": round(float(a), 3), "p_variant": round(float(b), 3)}
        for (q, k, v), a, b in zip(chosen, p, pv) if keep(float(a), float(b), threshold)]
    return report


def run(index: str | None, out: Path, sample: int, per_question: int, model_file: str | None = None,
        log: Callable[[str], None] = print, reuse: str | None = None) -> dict:
    """Make the variants, compute (or read back) their features, score them, write the JSONL and the report."""
    from eval.calibrate import TRAINING_SETS
    from eval.questions import load_questions

    tune = [q for q in load_questions(TRAINING_SETS, split="tune") if q.answerable]
    chosen = read_variants(Path(reuse), tune) if reuse else pick(tune, sample, per_question)
    report = scored_variants(index, out, chosen, model_file, log)
    report["newly_refused_rows"] = report.pop("rows")
    (out / "paraphrase_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for line in report_lines(report):
        log(line)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.paraphrase_stress --out DIR [--index PATH] [--sample N] [--per-question K] [--model FILE]."""
    from eval.command import run_command
    from eval.perturb import out_refused, variants_parser
    from index.env import apply_defaults

    apply_defaults()
    parser = variants_parser("python -m eval.paraphrase_stress", __doc__, "folder of the variants, their features and the report", 0, 2)
    parser.add_argument("--dry", action="store_true", help="only write the variants (no features, no report)")
    parser.add_argument("--reuse", default=None, help="a variants.jsonl written before: score these variants again")
    args = parser.parse_args(argv)
    out = Path(args.out)
    refused = out_refused(out)
    if refused is not None:
        return refused
    if args.dry:
        from eval.calibrate import TRAINING_SETS
        from eval.questions import load_questions

        tune = [q for q in load_questions(TRAINING_SETS, split="tune") if q.answerable]
        write_variants(out, pick(tune, args.sample, args.per_question))
        return 0
    return run_command(lambda: run(args.index, out, args.sample, args.per_question, args.model, reuse=args.reuse))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
