"""Transcripts in the encodings Chinese files come in index identically; what is not text is refused clearly."""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict

import pytest
from test_faults import HashEmbedder  # the tiny deterministic embedder of the fault tests

from index.build import DEFAULT_CORPUS, build_index
from index.chunk import ChunkSettings, chunk_document
from index.errors import DocumentError
from index.readers import read_sources
from index.structure import parse

TEXT = DEFAULT_CORPUS.read_text(encoding="utf-8")


def index_rows(folder, name):
    return (folder / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def utf8_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("utf8")
    corpus = folder / "src" / "forum.txt"
    corpus.parent.mkdir()
    corpus.write_bytes(TEXT.encode("utf-8"))
    build_index([corpus], out=folder / "index", embedder=HashEmbedder())
    return folder / "index"


ENCODINGS = {
    "gbk": lambda text: text.encode("gbk"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16-bom": lambda text: text.encode("utf-16"),
    "utf-8-crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "gbk-crlf": lambda text: text.replace("\n", "\r\n").encode("gbk"),
}
DETECTED = {"gbk": "gb18030", "gb18030": "gb18030", "utf-8-bom": "utf-8-sig", "utf-16-bom": "utf-16",
            "utf-8-crlf": "utf-8", "gbk-crlf": "gb18030"}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_other_encodings_index_identically_to_utf8(tmp_path, utf8_index, encoding):
    corpus = tmp_path / "src" / "forum.txt"  # same file name, so the same document id
    corpus.parent.mkdir()
    corpus.write_bytes(ENCODINGS[encoding](TEXT))
    assert read_sources(corpus)[0].text.replace("\r\n", "\n") == TEXT
    manifest = build_index([corpus], out=tmp_path / "index", embedder=HashEmbedder())
    assert manifest.docs[0].encoding == DETECTED[encoding]
    for name in ("chunks.jsonl", "tokens/vocab.json"):
        assert index_rows(tmp_path / "index", name) == index_rows(utf8_index, name), name
    for name in ("tokens/ids.npy", "tokens/offsets.npy"):  # the same BM25 tokens, passage by passage
        assert (tmp_path / "index" / name).read_bytes() == (utf8_index / name).read_bytes(), name
    reference = json.loads(index_rows(utf8_index, "manifest.json"))
    assert manifest.chunk_count == reference["chunk_count"]
    assert [asdict(s) for s in manifest.docs[0].speakers] == reference["docs"][0]["speakers"]
    shown = (tmp_path / "index" / "docs" / "forum.txt").read_text(encoding="utf-8")
    assert shown.splitlines() == TEXT.splitlines()  # the source viewer shows the same lines


# (id, bytes or None for a folder, words the message must contain)
REFUSED = [
    ("empty", b"", ["empty"]),
    ("whitespace", b" \n\t\r\n   \n", ["empty"]),
    ("ideographic-spaces", "\u3000\u3000\n\u3000".encode(), ["only whitespace"]),
    ("bom-only", b"\xef\xbb\xbf", ["only whitespace"]),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, ["binary"]),
    ("elf", b"\x7fELF\x02\x01\x01\x00" + os.urandom(4000), ["binary"]),
    ("controls-no-nul", bytes(range(1, 32)) * 200, ["binary", "control characters"]),
    ("latin-1", "Café résumé naïve façade".encode("latin-1") * 3, ["not UTF-8 or GB18030"]),
    ("punctuation-only", "。。。！！？？……\n，，、\n".encode(), ["no text to index"]),
    ("folder", None, ["the folder has no documents"]),  # a folder is read as its documents; an empty one is refused
]


@pytest.mark.parametrize("data, words", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_non_text_inputs_are_refused(tmp_path, data, words):
    path = tmp_path / "input.txt"
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        build_index([path], out=tmp_path / "index", embedder=HashEmbedder())
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    for word in words:
        assert word in message, message
    assert not (tmp_path / "index").exists()


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        build_index([tmp_path / "nope.txt"], out=tmp_path / "index", embedder=HashEmbedder())


def test_a_refused_file_leaves_the_existing_index_alone(tmp_path):
    corpus = tmp_path / "forum.txt"
    corpus.write_text(TEXT[:3000], encoding="utf-8")
    build_index([corpus], out=tmp_path / "index", embedder=HashEmbedder())
    before = index_rows(tmp_path / "index", "manifest.json")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(DocumentError):
        build_index([corpus, tmp_path / "empty.txt"], out=tmp_path / "index", embedder=HashEmbedder())
    assert index_rows(tmp_path / "index", "manifest.json") == before


@pytest.mark.parametrize("strip", ["sentence-ends", "all-punctuation", "one-line"])
def test_text_without_sentence_punctuation_chunks_within_bounds(tmp_path, strip):
    if strip == "sentence-ends":
        text = re.sub(r"[。！？!?；;…]", "", TEXT)
    elif strip == "all-punctuation":
        text = re.sub(r"[^\w\s]", "", TEXT)
    else:  # no punctuation and no line breaks at all: one 20,000-character line
        text = re.sub(r"[^\w]", "", TEXT)
    settings = ChunkSettings()
    chunks, sentences = chunk_document(parse(text, "forum"), settings)
    lines = len(text.splitlines())
    limit = {"text": settings.for_text().max_chars}  # an article's running text is cut longer than a dialogue
    assert len(chunks) >= len(re.sub(r"\W", "", text)) // max(limit.get(c.kind, settings.max_chars) for c in chunks)
    for chunk in chunks:
        assert 0 < len(chunk.text) <= limit.get(chunk.kind, settings.max_chars)
        assert 1 <= chunk.line_start <= chunk.line_end <= lines
    kept = len(re.sub(r"\W", "", "".join(s.text for s in sentences)))
    assert kept >= 0.9 * len(re.sub(r"\W", "", text))  # the text is not dropped for lack of punctuation
    # The whole text is indexed and searchable.
    path = tmp_path / "forum.txt"
    path.write_text(text, encoding="utf-8")
    manifest = build_index([path], out=tmp_path / "index", embedder=HashEmbedder())
    assert manifest.chunk_count == len(chunks)
