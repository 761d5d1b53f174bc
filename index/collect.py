"""What a build reads: the bundled transcript, the default index folder, and each document with a unique id."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from index.errors import DocumentError
from index.readers import Source, read_sources, supported_suffixes

REPO = Path(__file__).resolve().parent.parent
CORPUS_NAME = "env-forum-2016.txt"


def _bundled_corpus() -> Path:
    """The bundled transcript: data/ in a source checkout, else the installed package data (forumqa_data)."""
    source = REPO / "data" / CORPUS_NAME
    if source.is_file():
        return source
    return Path(str(resources.files("forumqa_data").joinpath(CORPUS_NAME)))


DEFAULT_CORPUS = _bundled_corpus()


def default_index_path() -> Path:
    """$FORUMQA_INDEX; else index_store/default in a source checkout; else the user's data folder."""
    if os.environ.get("FORUMQA_INDEX"):
        return Path(os.environ["FORUMQA_INDEX"])
    if (REPO / "pyproject.toml").is_file() and os.access(REPO, os.W_OK):
        return REPO / "index_store" / "default"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "forumqa" / "default"


def doc_id_for(name: str, taken: set[str]) -> str:
    """A stable, unique document id from a file name or a given id."""
    base = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "doc"
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    return doc_id


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def expand_folders(files: Iterable[str | Path], log=lambda message: None) -> list[Path]:
    """The files given, each folder replaced by the documents in it and its subfolders (sorted by path).

    A folder's files of a supported suffix are taken (hidden files and folders, and other suffixes, are left out and
    counted in one log line), so `forumqa build my-archive/` reads an archive as it is kept on disk.

    Raises:
        DocumentError: a folder with no document of a supported suffix.
    """
    suffixes = set(supported_suffixes())
    expanded: list[Path] = []
    for file in map(Path, files):
        if not file.is_dir():
            expanded.append(file)
            continue
        inside = sorted(p for p in file.rglob("*") if p.is_file()
                        and not any(part.startswith(".") for part in p.relative_to(file).parts))
        documents = [p for p in inside if p.suffix.lower() in suffixes]
        if not documents:
            raise DocumentError(f"{file}: the folder has no documents ({', '.join(sorted(suffixes))})")
        skipped = len(inside) - len(documents)
        log(f"{file}: {_count(len(documents), 'document')}" + (f" ({_count(skipped, 'other file')} left out)" if skipped else ""))
        expanded.extend(documents)
    return expanded


def read_all(files: Iterable[str | Path], taken: set[str], log=lambda message: None) -> list[tuple[Source, str]]:
    """Every document of the files (a folder: the documents in it), each with a unique id (its own id, else its file name)."""
    found = []
    for file in expand_folders(files, log):
        for source in read_sources(file):
            doc_id = doc_id_for(source.doc_id or Path(source.path).stem, taken)
            taken.add(doc_id)
            found.append((source, doc_id))
    return found
