"""Learner-English (Chinglish) variants of EVERY training set's answerable English tune questions, scored with the
stored model: refusals and the per-feature misfire table (eval.paraphrase_stress's), for measuring the question side
on Chinese-order English before and after a change.

    python -m eval.variants_chinglish --index index_store/default --out /tmp/vc [--seed 29] [--reuse FILE]

readers24's blind non-native writers asked the text's facts in Chinese word order ("Dalian city dismantle coal boiler
how many set?", "special work group have how many?"); eval.variants_readers24's chinglish.en rewrites only 25 rows
with one frame. The rules here know no question; each one is a habit of learner English from Chinese:

- ``insitu``: the question word stays where the answer stands (wh in situ), auxiliaries dropped: "How many boilers did
  Dalian dismantle?" -> "Dalian dismantle boiler how many?" / "Dalian dismantle how many boiler?"; "What did the
  official say about X?" -> "Official say what about X?"; "Who operates X?" -> "X is who operate?";
- ``have``: 有 read as "have": "How many N does X have / are there in X?" -> "X have how many N?", and the counted
  noun moved before it ("X N have how many?");
- ``topic``: topic first with a comma (话题): "About X, Y how many?" / "X, what Y?";
- ``telegraph``: articles, auxiliaries and inflections dropped, a city written "X city", a possessive 's as "of"
  dropped ("Nanyang's river chief system" -> "Nanyang river chief system").

Held-out and follow-up rows are never read.
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

SEED = 29
KINDS = ("insitu", "have", "topic", "telegraph")
_END = re.compile(r"[?？。.!！\s]+$")
_AUX = r"(?:did|does|do|has|have|had|was|were|is|are|will|can|could|should|would)"
_CITIES = ("Dalian", "Jining", "Nanyang", "Xiangtan", "Guangzhou", "Haikou", "Beijing", "Wuhan")


def _body(text: str) -> str:
    return _END.sub("", text.strip())


def _plain_verb(word: str) -> str:
    """A learner's bare verb: dismantled -> dismantle, operates -> operate (approximate, as learners write it)."""
    w = word
    if re.fullmatch(r"[a-z]{4,}ied", w):
        return w[:-3] + "y"
    if re.fullmatch(r"[a-z]{3,}(?:ated|ized|ised|uced|osed|ured|ved|ged)", w):
        return w[:-1]
    if re.fullmatch(r"[a-z]{3,}ed", w):
        return w[:-2]
    if re.fullmatch(r"[a-z]{3,}(?:ches|shes|sses|xes)", w):
        return w[:-2]
    if re.fullmatch(r"[a-z]{3,}[^su]s", w):
        return w[:-1]
    return w


def _singular(word: str) -> str:
    if re.fullmatch(r"[a-z]{3,}ies", word):
        return word[:-3] + "y"
    if re.fullmatch(r"[a-z]{3,}[^su]s", word):
        return word[:-1]
    return word


def _telegraph(text: str, rng: random.Random, city: bool = True) -> str:
    """Articles and auxiliaries dropped, 's dropped, inflections plain; a city may be written 'X city'."""
    out = re.sub(r"\b(?:the|a|an)\s+", "", text, flags=re.I)
    out = re.sub(r"['’]s\b", "", out)
    out = re.sub(rf"\b{_AUX}\s+(?=\w)", "", out, count=1, flags=re.I) if rng.random() < 0.5 else out
    words = out.split()
    words = [_plain_verb(w) if w.islower() and rng.random() < 0.7 else w for w in words]
    out = " ".join(words)
    if city:
        for c in _CITIES:
            if re.search(rf"\b{c}\b(?! [Cc]ity)", out) and rng.random() < 0.6:
                out = re.sub(rf"\b{c}\b", f"{c} city", out, count=1)
                break
    return out.strip()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def insitu(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    m = re.match(rf"(?i)(?:roughly |about )?how (many|much) ([\w\s'’-]+?) {_AUX} (.+)$", body)
    if m:
        q, noun, rest = m.group(1).lower(), m.group(2), m.group(3)
        noun = " ".join(_singular(w) for w in re.sub(r"(?i)\b(?:the|a|an)\s+", "", noun).split())
        rest = _telegraph(rest, rng)
        frame = rng.choice(("{r} {n} how {q}", "{r} how {q} {n}", "{r} {n} is how {q}"))
        return [_cap(frame.format(r=rest, n=noun, q=q)) + "?"]
    m = re.match(rf"(?i)(what|who|which [\w-]+|where|when|why|how) {_AUX} (.+)$", body)
    if m:
        wh, rest = m.group(1).lower(), _telegraph(m.group(2), rng)
        words = rest.split()
        # the question word after the first verb-looking lower-case word (X say what about Y)
        at = next((i for i, w in enumerate(words) if i > 0 and w.islower() and w not in ("of", "in", "on", "and")), None)
        if wh in ("what", "who") or wh.startswith("which"):
            if at is not None:
                return [_cap(" ".join([*words[: at + 1], wh, *words[at + 1:]])) + "?"]
            return [_cap(rest) + " is " + wh + "?"]
        return [_cap(rest) + " " + wh + "?"]
    m = re.match(r"(?i)(who|what) (\w+s) (.+)$", body)
    if m and m.group(2).lower() not in ("is", "was", "does", "has"):
        return [_cap(_telegraph(m.group(3), rng)) + f" is {m.group(1).lower()} {_plain_verb(m.group(2).lower())}?"]
    return []


def have(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    m = re.match(r"(?i)how (many|much) ([\w\s'’-]+?) (?:does|do|did) (.+?) (?:have|has|own|hold|list|set up)(.*)$", body)
    if not m:
        m2 = re.match(r"(?i)how (many|much) ([\w\s'’-]+?) (?:are|were|was|is) there (?:in|at|on|for) (.+?)()$", body)
        m = m2
    if not m:
        m = re.match(rf"(?i)how (many|much) ([\w\s'’-]+?) {_AUX} (.+?)() (?:\w+ed|\w+en)(?: .*)?$", body)
    if not m:
        return []
    q, noun, subject, tail = m.group(1).lower(), m.group(2), m.group(3), (m.group(4) or "").strip()
    noun = " ".join(_singular(w) for w in re.sub(r"(?i)\b(?:the|a|an)\s+", "", noun).split())
    subject = _telegraph(subject, rng)
    frame = rng.choice(("{s} have how {q} {n}", "{s} {n} have how {q}", "{s} have {n} how {q}"))
    made = frame.format(s=subject, n=noun, q=q) + (f" {_telegraph(tail, rng, city=False)}" if tail else "")
    return [_cap(made) + "?"]


def topic(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    m = re.match(rf"(?i)(how (?:many|much)|what|who|which [\w-]+|when|where|why|how) ([\w\s'’-]+?) {_AUX} (.+?) "
                 r"((?:about|on|for|in|at|of|to|under) .+)$", body)
    if not m:
        return []
    wh, mid, subject, topic_phrase = m.group(1).lower(), m.group(2), m.group(3), m.group(4)
    head = _telegraph(topic_phrase, rng)
    made = f"{_cap(head)}, {_telegraph(subject, rng)} {_telegraph(mid, rng, city=False)} {wh}"
    return [re.sub(r"\s+", " ", made).strip() + "?"]


def telegraph(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    made = _cap(_telegraph(body, rng))
    return [made + "?"] if made and made != body else []


_MAKERS: dict[str, Callable[[str, random.Random], list[str]]] = {
    "insitu": insitu, "have": have, "topic": topic, "telegraph": telegraph,
}


def english_tune() -> list:
    """Every training set's answerable English tune questions (single turns)."""
    from eval.calibrate import TRAINING_SETS
    from eval.questions import load_questions

    return [q for q in load_questions(TRAINING_SETS, split="tune")
            if q.answerable and q.split == "tune" and not q.history and not re.search(r"[\u4e00-\u9fff]", q.question)]


def pick(questions: Sequence, seed: int = SEED) -> list[tuple[object, str, str]]:
    """[(question, kind, variant)]: every question in every kind that rewrites it, seeded."""
    rng = random.Random(seed)
    out = []
    for q in questions:
        seen = {q.question}
        for kind in KINDS:
            for v in _MAKERS[kind](q.question, rng):
                if v not in seen:
                    seen.add(v)
                    out.append((q, kind, v))
    return out


def run(index: str | None, out: Path, seed: int = SEED, reuse: str | None = None, model_file: str | None = None,
        log: Callable[[str], None] = print) -> dict:
    from eval.paraphrase_stress import read_variants, report_lines, scored_variants

    questions = english_tune()
    chosen = read_variants(Path(reuse), questions) if reuse else pick(questions, seed)
    report = scored_variants(index, out, chosen, model_file, log, order=KINDS, keep=lambda p, pv, t: pv < t)
    report["refused_rows"] = report.pop("rows")
    (out / "chinglish_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for line in report_lines(report):
        log(line)
    log("")
    for r in report["refused_rows"]:
        typed = " (typed refused too)" if r["p"] < 1 / 3 else ""
        log(f"refused {r['kind']:<9} {r['id']:<7} p {r['p']:.3f} -> {r['p_variant']:.3f}{typed}  {r['variant']}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from eval.command import checked_index_and_out, run_command
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.variants_chinglish", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="folder of variants.jsonl, features.jsonl, chinglish_report.json")
    parser.add_argument("--index", default=None, help="an index folder of the bundled transcript (default: build one)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the rewriting choices (default {SEED})")
    parser.add_argument("--reuse", default=None, help="a variants.jsonl written before: score the same variants")
    parser.add_argument("--model", default=None, help="a model JSON file instead of the stored model")

    def action():
        args = checked_index_and_out(parser.parse_args(argv))
        run(args.index, Path(args.out), args.seed, args.reuse, args.model)

    return run_command(action)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
