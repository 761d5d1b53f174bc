"""Whether the bundled transcript's default index is there and current: a check that imports no build code."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from index.chunk import ChunkSettings
from index.collect import default_index_path
from index.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.store.manifest import read_manifest
from index.tokenize import tokenizer_id


def default_index_state() -> tuple[Path, str]:
    """The default index's folder, and why it has to be built first ('' when it is there and current).

    Returns:
        (folder, reason): reason is the line to tell the user before building, or ''.
    """
    path = default_index_path()
    try:
        manifest = read_manifest(path, verify=False)
        if manifest.tokenizer == tokenizer_id() and manifest.chunking == asdict(ChunkSettings()):
            return path, ""
        return path, f"the default index at {path} was built by another forumqa version; rebuilding it (about a minute) ..."
    except IndexNotFoundError:
        return path, f"no default index at {path} yet; building it from the bundled transcript (about a minute) ..."
    except (IndexMismatchError, IndexCorruptError) as error:
        return path, f"the default index at {path} cannot be used ({error}); rebuilding it (about a minute) ..."
