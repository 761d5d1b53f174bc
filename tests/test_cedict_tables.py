"""The disk cache of the tables derived from CC-CEDICT (index/cedict_tables.py): hits, invalidation, corruption, and an
index built from the cache identical to one built from CC-CEDICT itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from index import cedict_tables, gloss_senses, homophones, lexicon, synonyms
from index.cedict_tables import SetTable, cached, input_key, pack_sets

REPO = Path(__file__).resolve().parent.parent
CACHED = (lexicon._all_definitions, lexicon._char_readings, lexicon._english_words, lexicon._whole_pinyin, lexicon.cedict_words,
          gloss_senses.general_words, gloss_senses.part_meanings, synonyms._senses, synonyms._slots,
          homophones._proper_names)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and a fresh process's view of it (no table or key remembered in memory)."""
    monkeypatch.setenv("FORUMQA_CACHE_DIR", str(tmp_path / "cache"))
    input_key.cache_clear()
    for table in CACHED:
        table.cache_clear()
    yield tmp_path / "cache"
    input_key.cache_clear()
    for table in CACHED:
        table.cache_clear()


def counted(value):
    calls = []

    def derive():
        calls.append(1)
        return value

    return derive, calls


def test_a_table_is_derived_once_then_read_from_the_cache(cache):
    derive, calls = counted({"锅炉": ("boiler",), "省": ("to save", "province")})
    assert cached("demo", derive) == cached("demo", derive) == derive()
    assert len(calls) == 2  # the first call and the explicit one: the second came from the file
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["cedict_demo"]  # no temporary file left


def test_a_changed_input_derives_the_table_again(cache, tmp_path, monkeypatch):
    dictionary = tmp_path / "cedict.txt.gz"
    dictionary.write_bytes(b"first edition")
    monkeypatch.setattr(cedict_tables, "cedict_file", lambda: dictionary)
    derive, calls = counted({"a": "1"})
    cached("demo", derive)
    cached("demo", derive)
    assert len(calls) == 1
    dictionary.write_bytes(b"second edition")  # same size, other bytes: the key hashes the contents
    input_key.cache_clear()
    cached("demo", derive)
    assert len(calls) == 2
    monkeypatch.setattr(cedict_tables, "SOURCES", (*cedict_tables.SOURCES, "__init__.py"))  # a source file more
    input_key.cache_clear()
    cached("demo", derive)
    assert len(calls) == 3
    monkeypatch.setattr(cedict_tables, "FORMAT", cedict_tables.FORMAT + 1)
    input_key.cache_clear()
    cached("demo", derive)
    assert len(calls) == 4


@pytest.mark.parametrize("garbage", [b"", b"\x00not marshal", b"\xe9" * 100])
def test_a_corrupt_cache_file_is_ignored_with_one_warning_and_rewritten(cache, capsys, garbage):
    derive, calls = counted({"a": frozenset({"b"})})
    path = cedict_tables.cache_path("demo", input_key())
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    assert cached("demo", derive) == {"a": frozenset({"b"})}
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and "cache" in warning[0]
    assert cached("demo", derive) == {"a": frozenset({"b"})} and len(calls) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("damage", ["truncate", "garbage", "grow"])
def test_a_damaged_packed_file_is_ignored_with_one_warning_and_rewritten(cache, capsys, damage):
    from index.packed_file import read_sections

    sections = [b"keys", b"", b"\x01\x00\x00\x00"]
    derive, calls = counted(sections)
    assert [bytes(s) for s in cedict_tables.cached_packed("demo", derive)] == sections and len(calls) == 1
    path = next(cache.glob("cedict_demo-*.packed"))
    assert [bytes(s) for s in read_sections(path, ("demo", input_key()))] == sections
    assert read_sections(path, ("other", input_key())) is None
    data = path.read_bytes()
    path.write_bytes({"truncate": data[:-1], "garbage": b"\xe9" * 100, "grow": data + b"\0"}[damage])
    assert [bytes(s) for s in cedict_tables.cached_packed("demo", derive)] == sections and len(calls) == 2
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and "cache" in warning[0]
    assert [bytes(s) for s in cedict_tables.cached_packed("demo", derive)] == sections and len(calls) == 2
    assert capsys.readouterr().err == ""


def test_an_unwritable_cache_folder_still_gives_the_table(cache):
    cache.write_text("a file where the folder should be")
    derive, calls = counted((1, 2))
    assert cached("demo", derive) == cached("demo", derive) == (1, 2) and len(calls) == 2


def test_set_tables_read_as_the_sets_they_pack():
    sets = {"烧": {"to burn", "to cook"}, "空": set()}
    table = SetTable(pack_sets(sets))
    assert dict(table.items()) == sets and list(table) == ["烧", "空"] and "烧" in table and len(table) == 2
    assert table.get("燃") is None and table.get("燃", set()) == set()


def test_cached_tables_equal_the_tables_derived_from_cc_cedict(cache):
    """Each table read back from its file equals the table derived from CC-CEDICT (senses: as sets). The first pass,
    over the empty cache, derives each table (cached() returns what it derived) and writes its file; the second reads
    them back. The senses are also derived apart, unpacked: their file keeps sets as packed strings (pack_sets)."""

    def tables():
        for table in CACHED:
            table.cache_clear()
        senses = tuple({key: set(values) for key, values in table.items()} for table in synonyms._senses())
        return [lexicon._all_definitions(), lexicon._char_readings(), lexicon._english_words(), lexicon._whole_pinyin(),
                gloss_senses.general_words(), senses, homophones._proper_names(), synonyms._slots()]

    def files():
        return sorted(p.suffix for p in cache.glob("cedict_*") if p.suffix in (".table", ".packed"))

    assert not files()
    derived = tables()  # derived, then written
    assert files() == [".packed"] * 2 + [".table"] * 6  # the senses and slots packed (memory-mapped when read)
    read = tables()  # read from the files
    for mine, theirs in zip(read, derived, strict=True):
        assert mine == theirs and type(mine) is type(theirs)
    assert read[5] == synonyms._derive_senses()
    cedict = lexicon._cedict()
    for entry in cedict.get_entries()[::50]:
        for word in (entry["simplified"], entry["traditional"]):
            assert lexicon._whole_pinyin().get(word) == cedict.get_pinyin(word)


BUILD = """
import sys, numpy as np
from index.build import DEFAULT_CORPUS, build_index

class Hash:
    id, dim, query_prompt, passage_prompt = "test:hash-16", 16, "", ""
    def encode_passages(self, texts):
        out = np.ones((len(texts), 16), dtype=np.float32)
        for row, text in enumerate(texts):
            for char in text:
                out[row, ord(char) % 16] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)
    encode_queries = encode_passages

build_index([DEFAULT_CORPUS], out=sys.argv[1], embedder=Hash())
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files with the manifest's dates and timings taken out (when the index and each document were added)."""
    manifest = re.sub(rb'"(?:created_at|added_at|updated_at)": "[^"]*"', b'"date": ""', files["manifest.json"])
    manifest = re.sub(rb'"build_seconds": [0-9.e-]+', b'"build_seconds": 0', manifest)
    return {**files, "manifest.json": manifest}


def test_an_index_built_from_the_cache_is_the_index_built_without_it(tmp_path):
    """Two processes over one cache folder: the first derives and writes the tables, the second reads them."""
    env = {**os.environ, "FORUMQA_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    built = []
    for name in ("derived", "cached"):
        done = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path / name)], env=env, capture_output=True,
                              text=True, cwd=REPO)
        assert done.returncode == 0, done.stderr[-2000:]
        built.append(_comparable(_files(tmp_path / name)))
    assert list((tmp_path / "cache").glob("cedict_senses-*.packed"))
    assert built[0].keys() == built[1].keys() and "lexicon.json" in built[0]
    assert [k for k in built[0] if built[0][k] != built[1][k]] == []


def test_the_word_set_is_the_pinyin_tables_words():
    """slips.is_word's CC-CEDICT test reads a set of its own (fast to load): the same words as the pinyin table."""
    assert lexicon.cedict_words() == frozenset(lexicon._whole_pinyin())
