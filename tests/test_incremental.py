"""Adding, replacing and removing documents without a rebuild (API and the forumqa command), atomically."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from index.build import add_documents, build_index, list_documents, remove_documents
from index.errors import IndexMismatchError, InvalidArgumentError
from index.load import open_index
from tests.test_faults import BUILD_SCRIPT, HashEmbedder, corpus_of, write_corpus

REPO = Path(__file__).resolve().parent.parent


def forumqa(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=300)


@pytest.fixture
def two_docs(tmp_path):
    """An index of two excerpts of the transcript (hash embedder), and a third file not yet in it."""
    a = write_corpus(tmp_path / "docs" / "alpha.txt", 1, 60)
    b = write_corpus(tmp_path / "docs" / "beta.txt", 100, 170)
    c = write_corpus(tmp_path / "docs" / "gamma.txt", 200, 260)
    out = tmp_path / "index"
    build_index([a, b], out=out, embedder=HashEmbedder())
    return out, a, b, c


def snapshot(folder: Path) -> dict:
    """Every chunk (text, citation lines, sentences) and its passage vector, by chunk id."""
    opened = open_index(folder, embedder=HashEmbedder())
    chunks = opened.backend.chunks.all()
    vectors = opened.backend.passages.vectors([c.chunk_id for c in chunks])
    sentences = opened.backend.sentences.vectors([c.chunk_id for c in chunks])
    return {c.chunk_id: (c.text, c.line_start, c.line_end, c.sentence_spans, v.round(5).tolist(), s.round(2).tolist())
            for c, v, s in zip(chunks, vectors, sentences)}


def test_add_then_remove_equals_fresh_builds(two_docs, tmp_path):
    out, a, b, c = two_docs
    change = add_documents([c], out, embedder=HashEmbedder())
    assert change.added == ("gamma",) and change.replaced == () and change.unchanged == ()
    fresh = tmp_path / "fresh"
    build_index([a, b, c], out=fresh, embedder=HashEmbedder())
    assert snapshot(out) == snapshot(fresh)
    assert [d.doc for d in list_documents(out)] == ["alpha", "beta", "gamma"]

    from index.normalize import fold

    beta = [fold(ch.text) for ch in open_index(out, embedder=HashEmbedder()).backend.chunks.all() if ch.doc == "beta"]
    remove_documents(["beta"], out)
    build_index([a, c], out=fresh, embedder=HashEmbedder())
    assert snapshot(out) == snapshot(fresh)
    opened = open_index(out, embedder=HashEmbedder())
    assert opened.manifest.chunk_count == opened.backend.chunks.count() == len(snapshot(fresh))
    assert not (out / "docs" / "beta.txt").exists()
    kept = [fold(ch.text) for ch in opened.backend.chunks.all()]
    only_beta = next(t[:15] for t in beta if not any(t[:15] in k for k in kept))
    assert not opened.backend.chunks.contains_text(only_beta)  # the text check forgot the removed document
    assert opened.backend.chunks.contains_text(kept[-1][:15])
    assert not opened.backend.sparse.known(["苏州"]) or any("苏州" in k for k in kept)


def test_add_skips_unchanged_files_and_replaces_changed_ones(two_docs):
    out, a, b, _ = two_docs
    before = snapshot(out)
    assert add_documents([a, b], out, embedder=HashEmbedder()).unchanged == ("alpha", "beta")
    assert snapshot(out) == before
    b.write_text(b.read_text(encoding="utf-8") + "\n许伟：济宁配备专职环保网格员992名。\n", encoding="utf-8")
    change = add_documents([b], out, embedder=HashEmbedder())
    assert change.replaced == ("beta",) and change.added == ()
    records = {d.doc: d for d in list_documents(out)}
    assert set(records) == {"alpha", "beta"}
    opened = open_index(out, embedder=HashEmbedder())
    assert opened.backend.chunks.contains_text("专职环保网格员992名")
    alpha = {k: v for k, v in snapshot(out).items() if k.startswith("alpha#")}
    assert alpha == {k: v for k, v in before.items() if k.startswith("alpha#")}  # the kept document is untouched


def test_filters_by_document_after_add(two_docs):
    out, _, _, c = two_docs
    add_documents([c], out, embedder=HashEmbedder())
    opened = open_index(out, embedder=HashEmbedder())
    from index.store.base import Filter

    query = HashEmbedder().encode_queries(["河长制"])
    for doc in ("alpha", "beta", "gamma"):
        run = opened.backend.passages.search(query, 5, Filter(doc=doc))[0]
        assert run and all(cid.startswith(doc + "#") for cid, _ in run)
        sparse = opened.backend.sparse.search(["河长", "环保"], 5, Filter(doc=doc))
        assert all(cid.startswith(doc + "#") for cid, _ in sparse)


def test_remove_refuses_unknown_ids_and_emptying_the_index(two_docs):
    out, *_ = two_docs
    with pytest.raises(InvalidArgumentError, match="no document 'nope'.*it has: alpha, beta"):
        remove_documents(["nope"], out)
    with pytest.raises(InvalidArgumentError, match="empty"):
        remove_documents(["alpha", "beta"], out)


def test_add_refuses_another_embedder(two_docs, e5):
    out, _, _, c = two_docs
    with pytest.raises(IndexMismatchError, match="test:hash-64"):
        add_documents([c], out, embedder=e5)


ADD_SCRIPT = BUILD_SCRIPT.replace(
    "build.build_index([sys.argv[1]], out=sys.argv[2], embedder=HashEmbedder(delay=float(sys.argv[3])))",
    "build.add_documents([sys.argv[1]], sys.argv[2], embedder=HashEmbedder(delay=float(sys.argv[3])))",
)


def test_killed_add_leaves_the_index_as_it_was(two_docs, tmp_path):
    out, _, _, c = two_docs
    old = corpus_of(out)
    script = tmp_path / "add.py"
    script.write_text(ADD_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    for fraction in (0.3, 0.7):
        process = subprocess.Popen([sys.executable, str(script), str(c), str(out), "0.3"], cwd=REPO, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "started"
        time.sleep(fraction * 1.5)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        found = corpus_of(out)  # a whole, checked index
        if found != old:  # the kill came after the swap: the add is complete
            assert [d.doc for d in list_documents(out)] == ["alpha", "beta", "gamma"]
            remove_documents(["gamma"], out)
    add_documents([c], out, embedder=HashEmbedder())  # a later add clears what the killed ones left
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.") and p.is_dir()] == []


def test_cli_add_remove_docs(two_docs):
    out, _, _, c = two_docs
    # the index was built with the test embedder, which the CLI cannot load: it must say so in one line
    result = forumqa("add", str(c), "--index", str(out))
    last = result.stderr.strip().splitlines()[-1]  # (jieba may warn on stderr before it)
    assert result.returncode == 2 and last.startswith("error: ") and "test:hash-64" in last
    result = forumqa("docs", "--index", str(out), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["alpha", "beta"]
    assert set(rows[0]) >= {"id", "source", "format", "pages", "passages", "added_at"}
    assert rows[0]["format"] == "txt" and rows[0]["passages"] > 0 and rows[0]["source"].endswith("alpha.txt")
    result = forumqa("docs", "--index", str(out))
    assert result.returncode == 0 and result.stdout.splitlines()[0].split() == ["id", "source", "format", "pages",
                                                                              "passages", "added", "at"]
    result = forumqa("remove", "beta", "--index", str(out))
    assert result.returncode == 0, result.stderr
    assert [d.doc for d in list_documents(out)] == ["alpha"]
    result = forumqa("remove", "nope", "--index", str(out))
    assert result.returncode == 2 and "no document 'nope'" in result.stderr


def test_cli_add_with_the_real_embedder(tmp_path):
    """`forumqa build` then `forumqa add` with the default embedder: the new document answers questions."""
    first = write_corpus(tmp_path / "a" / "forum.txt", 1, 40)
    second = write_corpus(tmp_path / "b" / "jining.txt", 300, 330)
    out = tmp_path / "index"
    assert forumqa("build", str(first), "--out", str(out)).returncode == 0
    result = forumqa("add", str(second), "--index", str(out))
    assert result.returncode == 0, result.stderr
    assert "added 1" in result.stdout
    result = forumqa("docs", "--index", str(out), "--json")
    assert [r["id"] for r in json.loads(result.stdout)] == ["forum", "jining"]
    again = forumqa("add", str(second), "--index", str(out))
    assert again.returncode == 0 and "nothing to add" in again.stdout


def test_selector_filters_match_brute_force(two_docs, monkeypatch):
    """Filters through FAISS ID selectors (range and bitmap) give the exact filtered top-k."""
    import index.store.dense_rows as dense_rows
    import index.store.local as local
    from index.store.base import Filter

    out, _, _, c = two_docs
    add_documents([c], out, embedder=HashEmbedder())
    monkeypatch.setattr(local, "EXACT_LIMIT", 0)  # force the FAISS path for every filter (no flat header)
    monkeypatch.setattr(dense_rows, "EXACT_LIMIT", 0)  # … and no exact numpy scan
    opened = open_index(out, embedder=HashEmbedder())
    chunks = opened.backend.chunks.all()
    vectors = opened.backend.passages.vectors([ch.chunk_id for ch in chunks])
    speaker = max({ch.speaker for ch in chunks}, key=lambda s: sum(ch.speaker == s for ch in chunks))
    query = HashEmbedder().encode_queries(["燃煤锅炉拆除"])[0]
    for where in (Filter(doc="beta"), Filter(speaker=speaker), Filter(speaker=speaker, doc="gamma")):
        keep = [i for i, ch in enumerate(chunks) if (where.doc in (None, ch.doc)) and (where.speaker in (None, ch.speaker))]
        scores = vectors[keep] @ query
        expected = sorted(zip((-scores).tolist(), [chunks[i].chunk_id for i in keep]))[:5]
        run = opened.backend.passages.search(query[None, :], 5, where)[0]
        assert [cid for cid, _ in run] == [cid for _, cid in expected]
        assert np.allclose([s for _, s in run], [-s for s, _ in expected], atol=1e-5)


def test_contains_text_is_exact_per_passage(two_docs):
    out, *_ = two_docs
    opened = open_index(out, embedder=HashEmbedder())
    chunks = opened.backend.chunks
    texts = [c.text for c in chunks.all()]
    from index.normalize import fold

    folded = [fold(t) for t in texts]
    rng = np.random.default_rng(3)
    for _ in range(200):
        t = folded[rng.integers(len(folded))]
        start = int(rng.integers(max(len(t) - 4, 1)))
        needle = t[start : start + int(rng.integers(1, 6))]
        assert chunks.contains_text(needle)
    across = folded[0][-3:] + folded[1][:3]  # the end of one passage and the start of the next
    assert chunks.contains_text(across) == any(across in f for f in folded)
    for absent in ("北京市", "特斯拉", "GDP", "2017年"):
        assert chunks.contains_text(absent) == any(fold(absent) in f for f in folded)


def test_bm25_from_token_ids_matches_bm25s():
    import bm25s

    from index.store.bm25 import bm25_top, build_bm25

    docs = [["河长", "制度", "河长"], ["锅炉", "燃煤", "锅炉", "拆除"], [], ["河长", "锅炉"], ["网格员"] * 3 + ["河长"]]
    ours = build_bm25(docs)
    theirs = bm25s.BM25()
    theirs.index([d or [""] for d in docs], show_progress=False)
    for query in (["河长"], ["锅炉", "河长"], ["网格员", "制度", "锅炉"]):
        expected = theirs.get_scores(query)
        got = ours.get_scores(query)
        assert np.allclose(expected, got, atol=1e-6)
        top = bm25_top(ours, query, 3)
        order = sorted(((-float(s), i) for i, s in enumerate(expected) if s > 0))[:3]
        assert [i for i, _ in top] == [i for _, i in order]
    mask = np.array([False, True, True, False, True])
    assert all(mask[i] for i, _ in bm25_top(ours, ["河长", "锅炉"], 5, mask))


def test_contains_text_reads_folded_texts_and_an_add_upgrades_an_older_index(two_docs, tmp_path):
    """Candidates are checked in ngrams/texts.bin; an index without it (built before it existed) still answers from
    its chunks, and adding a document to it writes the folded texts of every passage, old and new."""
    import shutil

    from index.store.ngrams import TEXT_OFFSETS, TEXTS, fold_text

    out, _, _, c = two_docs

    def folded_file(folder: Path) -> list[str]:
        data, ends = (folder / TEXTS).read_bytes(), np.load(folder / TEXT_OFFSETS).tolist()
        return [data[a:b].decode() for a, b in zip(ends[:-1], ends[1:])]

    opened = open_index(out, embedder=HashEmbedder())
    assert folded_file(out) == [fold_text(ch.text) for ch in opened.backend.chunks.all()]
    older = tmp_path / "older"
    shutil.copytree(out, older)
    manifest = json.loads((older / "manifest.json").read_text(encoding="utf-8"))
    for name in (TEXTS, TEXT_OFFSETS):
        (older / name).unlink()
        del manifest["files"][name]
    (older / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    old = open_index(older, embedder=HashEmbedder()).backend.chunks
    assert old.bigrams.texts is None
    needles = [t[5:12] for t in folded_file(out)[::7]] + ["北京市", "特斯拉", "gdp", folded_file(out)[0][-3:] + "专职"]
    assert [old.contains_text(n) for n in needles] == [opened.backend.chunks.contains_text(n) for n in needles]
    assert any(old.contains_text(n) for n in needles) and not all(old.contains_text(n) for n in needles)
    add_documents([c], older, embedder=HashEmbedder())
    upgraded = open_index(older, embedder=HashEmbedder()).backend.chunks
    assert upgraded.bigrams.texts is not None
    assert folded_file(older) == [fold_text(ch.text) for ch in upgraded.all()]
