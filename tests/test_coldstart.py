"""Cold start: what `forumqa ask` leaves unloaded, and that each shortcut gives exactly what it replaces.

The time itself is measured by `python -m eval.bench_process` (eval/reports/coldstart.md), not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from eval.bench_process import ASK_QUESTION, import_audit
from index.sorted_table import SortedTable, sorted_keys
from index.store.faiss_dense import flat_header, search_faiss
from index.store.local import PASSAGE_FAISS, PASSAGE_VECTORS, SENTENCE_FAISS, DenseRows, FaissPassages

REPO = Path(__file__).resolve().parent.parent


def run_python(code: str, cache: Path, *args: str) -> str:
    env = {**os.environ, "FORUMQA_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_ask_imports_nothing_a_question_does_not_need(index_dir, tmp_path, monkeypatch):
    """forumqa ask answers without FAISS (a small flat index), bm25s, scipy, numba, pkg_resources or the build code,
    both when it writes the jieba tables cache and when it reads it."""
    monkeypatch.setenv("FORUMQA_CACHE_DIR", str(tmp_path / "cache"))
    for _ in range(2):
        audit = import_audit(index_dir)
        assert audit["ok"] and audit["modules"] > 100
        assert audit["lazy_imported"] == [] and audit["heavy_imported"] == []
    assert list((tmp_path / "cache").glob("jieba-*.tables"))


PLAIN = """
import json, sys
from index import cedict_tables, packed_file
read, mapped = [], []
_read, _sections = cedict_tables._read, packed_file.read_sections
cedict_tables._read = lambda path, name, key: read.append(name) or _read(path, name, key)  # a table as objects
packed_file.read_sections = lambda path, header: mapped.append(header[0]) or _sections(path, header)
from ui.cli import main
sys.argv = ["forumqa", "ask", *sys.argv[1:]]
try:
    main()
except SystemExit as end:
    assert not end.code, end.code
from index import lexicon, synonyms
from index.packed_table import PackedTable, PackedWords
loaded = [f.__name__ for f in (lexicon._whole_pinyin, lexicon._all_definitions, lexicon._char_readings,
          lexicon._english_words, lexicon.cedict_words, synonyms._senses, synonyms._slots) if f.cache_info().currsize]
packed = [isinstance(lexicon.cedict_words(), PackedWords) if "cedict_words" in loaded else None,
          all(isinstance(t._packed, PackedTable) for t in synonyms._senses()) if "_senses" in loaded else None]
from index import colloquial
print("AUDIT", json.dumps({"read": read, "mapped": sorted(set(mapped)), "loaded": loaded, "packed": packed,
                           "pypinyin": "pypinyin" in sys.modules, "regional": colloquial._regional.cache_info().currsize,
                           "numpy.ma": "numpy.ma" in sys.modules}), file=sys.stderr)
"""


def test_a_plain_question_reads_no_cc_cedict_table(index_dir):
    """A plain question (南阳市有多少台燃煤锅炉被拆除？) reads no CC-CEDICT table file: its homophone check asks the word set
    and its focus check the first meanings, both packed tables whose files are memory-mapped, not read
    (index/packed_table.py, index/packed_file.py: a few pages); the pinyin, definitions, English-word and slot tables
    stay untouched (each took 0.1–0.5 s to load), and so do pypinyin, numpy.ma and OpenCC's regional tables (0.1–0.3 s:
    its words' mainland forms are read from index/mainland_table.py's table). A build derives those tables
    (index/question_tables.py), so the first question after it derives nothing."""
    from index.jieba_tables import cache_dir

    cached = {p.name for p in cache_dir().iterdir()}  # the build of index_dir derived the tables a question reads
    assert {name.split("-")[0] for name in cached} >= {"cedict_words", "mainland", "pinyin_first",
                                                          "cedict_province_places", "cedict_common_places",
                                                          "cedict_common_person_words"}, sorted(cached)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", PLAIN, ASK_QUESTION, "--index", str(index_dir)], env=env,
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    assert {p.name for p in cache_dir().iterdir()} <= cached  # so the first question after a build derives nothing
    audit = json.loads(next(x for x in done.stderr.splitlines() if x.startswith("AUDIT ")).removeprefix("AUDIT "))
    assert audit["read"] == [] and set(audit["mapped"]) == {"senses", "words", "mainland"}, audit
    assert audit["loaded"] == ["cedict_words", "_senses"] and audit["packed"] == [True, True], audit
    assert not audit["pypinyin"] and not audit["numpy.ma"], audit
    assert audit["regional"] == 0, audit  # its words' mainland forms come from a table (index/mainland_table.py)


TABLES = """
import hashlib, sys
if sys.argv[1] == "jieba":
    import jieba, jieba.posseg
    jieba.initialize()
    tagger = jieba.posseg
else:
    from index.tokenize import posseg
    tagger = posseg()
    import jieba
freq, tags = jieba.dt.FREQ, tagger.dt.word_tag_tab
if sys.argv[1] != "jieba":
    assert type(freq).__name__ == type(tags).__name__ == sys.argv[1], (type(freq), type(tags))
text = "济宁配备了多少名专职环保网格员？大连拆除了燃煤锅炉2400多台，苏国军说河长制管用。What about Jining?"
cut = [jieba.lcut_for_search(text), [tuple(p) for p in tagger.cut(text)]]
digest = hashlib.sha256(repr((sorted(freq.items()), jieba.dt.total, sorted(tags.items()))).encode()).hexdigest()
print(digest, repr(cut))
"""


def test_jieba_tables_from_the_cache_are_jiebas_own(tmp_path):
    """The cached frequency and tag tables (written on the first run, read on the next) equal the ones jieba builds,
    and cut and tag the same."""
    own = run_python(TABLES, tmp_path / "unused", "jieba")
    written = run_python(TABLES, tmp_path / "cache", "dict")  # no cache yet: jieba's own tables, then written
    read = run_python(TABLES, tmp_path / "cache", "SortedTable")
    assert own == written == read


def test_sorted_table_is_a_mapping_that_becomes_a_dict():
    words = {"河长": 5, "河长制": 3, "锅炉": 7, "燃煤": 2, "a": 0}
    ordered = sorted(words)
    keys, offsets = sorted_keys(ordered)
    filled: list[dict] = []
    table = SortedTable(keys, offsets, [words[w] for w in ordered], limit=6, on_full=filled.append)
    assert table["河长"] == 5 and table.get("锅炉") == 7 and table.get("河", 1) == 1 and "a" in table
    assert "河" not in table and table.get("燃煤锅炉") is None and 3 not in table
    with pytest.raises(KeyError):
        table["河"]
    table["新词"] = 9  # jieba's add_word
    table["锅炉"] = 8  # a stored word written again is no new key
    assert table["新词"] == 9 and len(table) == 6 and not filled  # len() does not build the dict
    table["锅炉"] = 7
    for word in ("x", "y", "z"):  # more distinct look-ups than the limit: the table becomes a dict
        table.get(word)
    assert filled == [{**words, "新词": 9}] and table == {**words, "新词": 9} and len(table) == 6
    tags = SortedTable(keys, offsets, [1, 0, 2, 1, 0], decode=[None, "n", "v"].__getitem__, on_full=filled.append)
    assert len(tags) == 3 and len(filled) == 1  # a key whose value decodes to None is absent; no dict built
    assert [tags.get(w) for w in ordered] == ["n", None, "v", "n", None] and dict(tags) == {"a": "n", "河长制": "v", "燃煤": "n"}


PINYIN = """
import hashlib, sys
from index.pinyin import _table, char_readings
table = _table()
if sys.argv[1] == "pypinyin":
    from pypinyin.pinyin_dict import pinyin_dict as table
assert type(table).__name__ == sys.argv[2], type(table)
print(hashlib.sha256(repr(sorted(table.items())).encode()).hexdigest(), len(table), char_readings("区"), "pypinyin" in sys.modules)
"""


def test_pinyin_table_from_the_cache_is_pypinyins_own(tmp_path):
    """The cached single-character pinyin table (written on the first run, read on the next) equals pypinyin's, and
    reading it imports no pypinyin."""
    own = run_python(PINYIN, tmp_path / "unused", "pypinyin", "dict").split()
    written = run_python(PINYIN, tmp_path / "cache", "ours", "dict").split()  # no cache yet: pypinyin's, then written
    read = run_python(PINYIN, tmp_path / "cache", "ours", "CodeTable").split()
    assert list((tmp_path / "cache").glob("pinyin-*.table"))
    assert own[:2] == written[:2] == read[:2] and int(own[1]) > 40_000
    assert written[2:] == read[2:] == ["('qu',", "'ou')", "False"] and own[2:] == ["('qu',", "'ou')", "True"]


STEMS = """
import sys
from index.wordforms import stem
words = ["provinces", "dismantling", "pollution", "Boilers", "generously", "cities'", "ran", "river-chief"]
ours = [stem(w) for w in words]
languages = sorted(m for m in sys.modules if m.endswith("_stemmer") and "english" not in m)
import snowballstemmer
theirs = [snowballstemmer.stemmer("english").stemWord(w.lower().strip("'-")) for w in words]
print(languages, ours == theirs, ours)
"""


def test_english_stemmer_loads_alone_and_stems_as_snowball(tmp_path):
    """The English stemmer is loaded without snowballstemmer's other languages and stems as the package does."""
    languages, same, stems = run_python(STEMS, tmp_path / "cache").split(" ", 2)
    assert (languages, same) == ("[]", "True"), stems
    assert "'provinc'" in stems and "'dismantl'" in stems


def test_small_flat_index_is_searched_exactly_without_faiss(retriever):
    """Unfiltered dense search of a small flat index is exact numpy search: the same ids as FAISS, the same scores
    to float rounding; FAISS reads its file only when asked for it."""
    backend = retriever.backend
    for part, name in ((backend.passages, PASSAGE_FAISS), (backend.sentences, SENTENCE_FAISS)):
        header = flat_header(retriever.path / name)
        assert header is not None and (header.ntotal, header.d) == (part.dense.stored.ntotal, part.dense.stored.d)
    queries = retriever.embed(["济宁配备了多少名专职环保网格员？", "What did Dalian do about coal boilers?", "河长制"])
    vectors = np.load(retriever.path / PASSAGE_VECTORS, mmap_mode="r")
    exact = FaissPassages(backend.passages.table, DenseRows(vectors, 4, "flat", load_index=lambda: pytest.fail("read")))
    for query, run in zip(queries, exact.search(queries, 8)):
        ids, scores = search_faiss(backend.passages.index, query[None, :], 8)[0]
        assert [cid for cid, _ in run] == backend.passages.table.ids(ids)
        assert np.allclose([s for _, s in run], scores, atol=1e-5)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "grow"])
def test_flat_header_refuses_a_damaged_file(index_dir, tmp_path, damage):
    """A damaged FAISS file is never taken for a flat index: FAISS reads it and the store names the error."""
    path = tmp_path / "passages.index"
    data = (index_dir / PASSAGE_FAISS).read_bytes()
    path.write_bytes({"truncate": data[:-4], "garbage": b"not a faiss index" * 40, "grow": data + b"\0" * 4}[damage])
    assert flat_header(path) is None
    assert flat_header(index_dir / PASSAGE_FAISS) is not None


def test_bm25_read_without_bm25s_scores_as_bm25s(retriever, index_dir):
    """The BM25 files read directly give bm25s' own scores (bm25s.BM25.load of the same folder)."""
    import bm25s

    from index.store.bm25 import bm25_top
    from index.tokenize import tokenize

    ours = retriever.backend.sparse.fields.exact
    theirs = bm25s.BM25.load(str(index_dir / "bm25"), mmap=True)
    for phrase in ("燃煤锅炉", "河长制 湘潭", "网格员"):
        terms = [t for t in tokenize(phrase) if t in theirs.vocab_dict]
        assert np.allclose(ours.get_scores(terms), theirs.get_scores(terms))
        top = bm25_top(ours, terms, 5)
        expected = theirs.get_scores(terms)
        assert [row for row, _ in top] == sorted(np.flatnonzero(expected > 0), key=lambda r: (-expected[r], r))[:5]
    assert json.loads((index_dir / "bm25" / "params.index.json").read_text())["num_docs"] == ours.scores["num_docs"]


def test_ask_runs_without_the_garbage_collector_and_gives_it_back(monkeypatch):
    """`forumqa ask` (one question, then the process ends) runs with the cyclic collector off; in-process callers get
    it back, also when the command fails; other commands keep it."""
    import gc

    from ui import cli

    seen: list[bool] = []
    monkeypatch.setattr(cli, "run_ask", lambda *args: seen.append(gc.isenabled()))
    monkeypatch.setattr(cli, "run_docs", lambda *args: seen.append(gc.isenabled()))
    for args in (["ask", "南阳"], ["docs"], ["ask", "南阳", "-k"]):
        monkeypatch.setattr(sys, "argv", ["forumqa", *args])
        with pytest.raises(SystemExit):
            cli.main()
        assert gc.isenabled()
    assert seen == [False, True]


def test_cache_folder_keeps_the_recently_used_tables_of_each_kind(tmp_path):
    """Writing a cache file leaves the KEEP most recently used of its kind (a read counts as use), deletes the rest and
    old temporary files, and never touches another kind."""
    from index.jieba_tables import KEEP, read_marshal, write_marshal

    old = []
    for age in range(KEEP + 2):
        path = tmp_path / f"jieba-0.42.1-{age:012d}.tables"
        write_marshal(path, (age,))
        os.utime(path, (1e9 + 100 - age, 1e9 + 100 - age))  # age 0 is the newest
        old.append(path)
    leftover = tmp_path / "jieba-0.42.1-x.tablesabc.tmp"
    leftover.write_bytes(b"")
    os.utime(leftover, (1e9, 1e9))
    other = tmp_path / "pinyin-000000000000.table"
    other.write_bytes(b"")
    os.utime(other, (1e9, 1e9))
    assert read_marshal(old[-1]) == (KEEP + 1,)  # the oldest is used again: now the newest
    new = tmp_path / "jieba-0.42.1-new.tables"
    write_marshal(new, ("new",))
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([new.name, old[-1].name, *[p.name for p in old[: KEEP - 2]], other.name])
    assert read_marshal(tmp_path / "missing.tables") is None
