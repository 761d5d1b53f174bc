"""The local store's large-index path with real FAISS: IVF re-scored from rows read with pread, the IVF search
breadth, and the hash stamps that spare a load from reading unchanged large files again."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from standin import standin_store

from index.errors import IndexCorruptError
from index.store import manifest as manifest_module
from index.store import verified
from index.store.faiss_dense import DenseSettings, ivf_nprobe
from index.store.files import NpyRows, file_table
from index.store.manifest import read_manifest
from retriever import Retriever


@pytest.fixture(scope="module")
def ivf_index(tmp_path_factory) -> tuple[Path, object]:
    """2,000 synthetic passages (real Chinese sentences, stand-in vectors) in an IVF index, built by the local writer."""
    index, embedder, result = standin_store(tmp_path_factory.mktemp("ivf"), 2000, dense=DenseSettings(kind="ivf"))
    assert result["dense"]["built"] == result["dense"]["sentences_built"] == "ivf"
    return index, embedder


def test_npy_rows_reads_any_rows_as_the_memory_map_does(tmp_path):
    data = np.random.default_rng(1).normal(size=(500, 7)).astype(np.float16)
    np.save(tmp_path / "v.npy", data, allow_pickle=False)
    rows = NpyRows(tmp_path / "v.npy")
    rng = np.random.default_rng(2)
    for picks in (rng.integers(0, 500, 40), np.sort(rng.integers(0, 500, 40)), np.arange(100, 180), [499, 0, 0, 3],
                  np.zeros(0, np.int64)):
        assert np.array_equal(rows[picks], data[np.asarray(picks, np.int64)])
    assert np.array_equal(rows[10:20], data[10:20])
    with pytest.raises(IndexError):
        rows[[500]]


def test_ivf_search_breadth_follows_the_square_root_of_the_cells():
    assert [ivf_nprobe(64, cells) for cells in (256, 1024, 4096)] == [32, 64, 128]
    assert ivf_nprobe(64, 64) == 32 and ivf_nprobe(8, 16) == 8  # small indexes: at least min(nprobe, 32), at most all


def test_ivf_index_returns_true_cosines_and_sentence_rows(ivf_index):
    folder, embedder = ivf_index
    retriever = Retriever.load(folder, embedder=embedder)
    backend = retriever.backend
    index = backend.passages.index
    assert index.nprobe == ivf_nprobe(DenseSettings().nprobe, index.nlist)
    assert retriever.index.manifest.dense["rerank"] == 2
    stored = np.load(folder / "vectors" / "passages.npy")
    queries = embedder.encode_queries([f"probe {i}" for i in range(20)])
    found = 0
    for query in queries:
        run = backend.passages.search(query[None, :], 10)[0]
        rows = backend.passages.table.rows([cid for cid, _ in run])
        assert np.allclose([score for _, score in run], stored[rows] @ query, atol=1e-5)  # exact, not 8-bit, scores
        found += len(set(rows.tolist()) & set(np.argsort(-(stored @ query))[:10].tolist()))
    assert found / (10 * len(queries)) >= 0.9  # 32 of 64 cells
    sentences = np.load(folder / "vectors" / "sentences.npy")
    ids = [cid for cid, _ in backend.sentences.search(queries[:1], 8)[0]]
    for cid, vectors in zip(ids, backend.sentences.vectors(ids)):
        chunk = backend.chunks.get([cid])[0]
        assert np.array_equal(vectors, sentences[list(chunk.sentence_ids)].astype(np.float32))
    assert retriever.search("河长制", k=3)  # the whole path over the IVF index


def test_load_hashes_a_large_file_again_only_when_it_changed(index_dir, tmp_path, monkeypatch):
    folder = tmp_path / "index"
    shutil.copytree(index_dir, folder)
    (folder / verified.STAMPS).unlink(missing_ok=True)
    hour_ago = time.time() - 3600
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (hour_ago, hour_ago))
    monkeypatch.setattr(verified, "MIN_BYTES", 0)  # the small index counts as large here
    hashed: list[str] = []
    real = manifest_module.sha256_file
    monkeypatch.setattr(manifest_module, "sha256_file", lambda path: hashed.append(path.name) or real(path))
    files = read_manifest(folder).files
    assert len(hashed) == len(files)  # no stamps yet: every file is read
    hashed.clear()
    assert read_manifest(folder).files == files and hashed == []  # unchanged since: none is read
    read_manifest(folder, rehash=True)
    assert len(hashed) == len(files)
    assert verified.STAMPS not in file_table(folder)  # the stamps are not part of the index
    (folder / verified.STAMPS).write_text('{"chunks.jsonl": [1, "x"]', encoding="utf-8")  # damaged stamps: ignored
    hashed.clear()
    read_manifest(folder)
    assert len(hashed) == len(files)
    vectors = folder / "vectors" / "passages.npy"
    data = bytearray(vectors.read_bytes())
    data[-1] ^= 0xFF  # same size, new content and mtime
    vectors.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="sha256"):
        read_manifest(folder)
