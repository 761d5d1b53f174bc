"""What the forumqa commands that write or list an index do: build, add, remove, docs."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ui.commands import fail


def run_build(
    files: list[Path] | None, out: Path | None, embedder: str, query_prompt: str, passage_prompt: str, dense_index: str,
    ann_threshold: int, device: str, target_chars: int, max_chars: int, backend: str, milvus_uri: str | None,
    collection: str, milvus_index: str, milvus_analyzer: str, from_index: Path | None,
) -> None:
    """forumqa build: write an index from FILES, or copy --from-index into Milvus."""
    from index.build import build_index, default_index_path
    from index.chunk import ChunkSettings
    from index.embed import load_embedder
    from index.errors import ForumQAError, InvalidArgumentError
    from index.store.faiss_dense import DenseSettings
    from index.store.milvus_conn import MilvusSettings

    try:
        if backend not in ("local", "milvus"):
            raise InvalidArgumentError(f"--backend must be 'local' or 'milvus', got {backend!r}")
        milvus = None
        if backend == "milvus":
            milvus = MilvusSettings(uri=milvus_uri or "", collection=collection, index=milvus_index, analyzer=milvus_analyzer)
        elif milvus_uri or from_index:
            raise InvalidArgumentError(f"{'--milvus-uri' if milvus_uri else '--from-index'} needs --backend milvus")
        if from_index is not None:
            from index.store.migrate import migrate_index

            if files:
                raise InvalidArgumentError("give either FILES or --from-index, not both")
            target = out or default_index_path()
            manifest = migrate_index(from_index, target, milvus)
            typer.echo(f"wrote {target} ({manifest.chunk_count} chunks copied from {from_index} into Milvus)")
            return
        chunking = ChunkSettings(target_chars=target_chars, max_chars=max(max_chars, target_chars))
        dense = DenseSettings(kind=dense_index, ann_threshold=ann_threshold)
        model = load_embedder(embedder, query_prompt=query_prompt, passage_prompt=passage_prompt, device=device)
        build_index(files or [], out=out or default_index_path(), embedder=model, chunking=chunking, dense=dense,
                    log=typer.echo, progress=True, milvus=milvus)
    except ForumQAError as error:
        fail(error)


def index_option(index: Path | None) -> Path:
    """The --index folder, or the default index's when none is given."""
    from index.build import default_index_path

    return index or default_index_path()


def run_add(files: list[Path], index: Path | None, device: str) -> None:
    """forumqa add: add or replace documents in an index."""
    from index.build import add_documents
    from index.errors import ForumQAError

    try:
        folder, model = index_option(index), None
        if device != "cpu":
            from index.embed import load_embedder
            from index.store.manifest import read_manifest

            info = read_manifest(folder, verify=False).embedder
            model = load_embedder(info.id, info.query_prompt, info.passage_prompt, device=device)
        add_documents(files, folder, embedder=model, log=typer.echo, progress=True)
    except ForumQAError as error:
        fail(error)


def run_remove(doc_ids: list[str], index: Path | None) -> None:
    """forumqa remove: remove documents from an index."""
    from index.build import remove_documents
    from index.errors import ForumQAError

    try:
        remove_documents(doc_ids, index_option(index), log=typer.echo)
    except ForumQAError as error:
        fail(error)


def run_docs(index: Path | None, as_json: bool) -> None:
    """forumqa docs: print the documents of an index (a table or JSON)."""
    from index.build import list_documents
    from index.errors import ForumQAError

    try:
        records = list_documents(index_option(index))
    except ForumQAError as error:
        fail(error)
    rows = [{"id": d.doc, "source": d.source, "format": d.format, "pages": d.pages or None, "passages": d.passages,
             "added_at": d.added_at, "title": d.title, "sha256": d.sha256} for d in records]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    header = ("id", "source", "format", "pages", "passages", "added at")
    table = [header] + [(r["id"], r["source"], r["format"], str(r["pages"] or "—"), str(r["passages"]), r["added_at"])
                        for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    if any(not Path(r["source"]).is_absolute() for r in rows):  # an index built before sources were recorded in full
        typer.echo("note: a relative source is relative to the folder the index was built from; "
                   "build the index again to record full paths", err=True)
