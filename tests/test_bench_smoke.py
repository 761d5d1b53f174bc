"""Smoke test of `forumqa bench --quick` on tiny sizes: it runs and writes its report (no timing asserted)."""

from __future__ import annotations

from eval.bench import run_bench


def test_quick_bench_writes_report(index_dir, tmp_path):
    results = run_bench(sizes=[2000], out=tmp_path, quick=True, index=index_dir, log=lambda line: None)
    assert (tmp_path / "bench.md").read_text(encoding="utf-8").startswith("# forumqa benchmarks")
    assert (tmp_path / "bench.png").stat().st_size > 0
    transcript = results["transcript"]
    assert transcript["imports"]["torch_imported"] is False
    assert set(transcript["search"]) == {"bm25", "dense", "hybrid"}
    faiss_row = results["scale"]["faiss"][0]
    assert faiss_row["n"] == 2000 and faiss_row["hnsw"]["recall@10"] >= 0.9  # HNSW over 2,000 vectors is near exact
    assert results["scale"]["bm25"][0]["n"] == 2000
