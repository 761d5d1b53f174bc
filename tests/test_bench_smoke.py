"""Smoke test of `forumqa bench --quick` on a tiny size: it runs end to end and writes its report (no timing asserted)."""

from __future__ import annotations

from eval.bench import run_bench


def test_quick_bench_writes_report(index_dir, tmp_path):
    results = run_bench(sizes=[2000], out=tmp_path, quick=True, index=index_dir, log=lambda line: None)
    assert (tmp_path / "bench.md").read_text(encoding="utf-8").startswith("# forumqa benchmarks")
    assert (tmp_path / "bench.png").stat().st_size > 0
    transcript = results["transcript"]
    assert transcript["imports"]["torch_imported"] is False
    assert set(transcript["search"]) == {"bm25", "dense", "hybrid"}
    row = results["scale"]["sizes"][0]
    assert 1500 <= row["pipeline"]["n"] <= 2500 and row["pipeline"]["passages_per_s"] > 0
    query = row["query"]
    assert query["n"] == row["pipeline"]["n"]
    assert query["recall@10"] == 1.0  # 2,000 passages: exact (flat) search
    assert {"search_hybrid", "search_dense", "search_bm25", "answer", "search_doc_filter"} <= set(query)
    embedding = results["scale"]["embedding"][0]
    assert embedding["passages_per_s"] > 0 and embedding["max_vector_difference"] < 1e-3
