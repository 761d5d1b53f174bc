"""Milvus backend, shared parts: settings, the connection, collection schemas and filter expressions.

pymilvus is imported only inside functions here, so that importing this module (the CLI does, to parse
options) never loads it. A URI that is a file path is Milvus Lite, embedded in this process (one
process per file); ``http(s)://host:19530`` is a Milvus standalone or cluster, whose token is read
from the environment variable FORUMQA_MILVUS_TOKEN and never written anywhere.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
import uuid
import warnings
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from index.errors import BackendError, InvalidArgumentError, MissingDependencyError
from index.stopwords import STOPWORDS

TOKEN_ENV = "FORUMQA_MILVUS_TOKEN"
TIMEOUT_ENV = "FORUMQA_MILVUS_TIMEOUT"
DEFAULT_COLLECTION = "forumqa"
SENTENCES_SUFFIX = "_sentences"
MAX_VARCHAR = 65_535  # Milvus' VARCHAR limit, in bytes
MAX_LIMIT = 16_384  # Milvus' top-k and query-result limit
INSTALL_HINT = "install the Milvus extra: pip install 'forumqa[milvus]'"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,150}")
_lite_clients: dict[str, int] = {}  # open clients per Milvus Lite file: its engine stops when the last one closes
_lite_lock = threading.Lock()


class MilvusIndex(str, Enum):
    """The Milvus vector index type (Milvus Lite supports FLAT, IVF_FLAT and AUTOINDEX)."""

    FLAT = "FLAT"
    IVF_FLAT = "IVF_FLAT"
    AUTOINDEX = "AUTOINDEX"
    HNSW = "HNSW"  # Milvus standalone or cluster only


class Analyzer(str, Enum):
    """How Milvus' BM25 function tokenises passages (and queries).

    ``tokens``: the project's own tokens (index.tokenize: the canonical form, jieba search mode,
    stopwords out), whitespace-joined, under Milvus' whitespace analyzer, one BM25 field per token
    prefix (exact, pinyin, English): the same BM25 as the local backend. ``jieba``: Milvus' own jieba
    tokenizer on the passage text. ``jieba-filtered``: the same plus a lower-case filter and the project's
    stopword list.
    """

    TOKENS = "tokens"
    JIEBA = "jieba"
    JIEBA_FILTERED = "jieba-filtered"

    def params(self) -> dict:
        if self is Analyzer.TOKENS:
            return {"tokenizer": "whitespace"}
        if self is Analyzer.JIEBA:
            return {"tokenizer": "jieba"}
        return {"tokenizer": "jieba", "filter": ["lowercase", {"type": "stop", "stop_words": sorted(STOPWORDS)}]}


@dataclass(frozen=True)
class MilvusSettings:
    """Where a Milvus index lives and how it is built.

    Args:
        uri: a file path (Milvus Lite, embedded) or http(s)://host:port (Milvus standalone or cluster).
        collection: the index's stable name: an alias on a Milvus server, the prefix of each build's
            collections everywhere.
        index: the vector index type.
        analyzer: how BM25 tokenises (see Analyzer).
        nprobe: IVF_FLAT clusters searched per query.
        bm25_k1, bm25_b: BM25 parameters (bm25s' defaults, as the local backend uses).
    """

    uri: str
    collection: str = DEFAULT_COLLECTION
    index: MilvusIndex = MilvusIndex.FLAT
    analyzer: Analyzer = Analyzer.TOKENS
    nprobe: int = 32
    bm25_k1: float = 1.5
    bm25_b: float = 0.75

    def __post_init__(self) -> None:
        if not isinstance(self.uri, str) or not self.uri.strip():
            raise InvalidArgumentError("--milvus-uri is required with --backend milvus (a .db file path or http://host:19530)")
        if not _NAME.fullmatch(self.collection or ""):
            raise InvalidArgumentError(
                f"collection name must be letters, digits and underscores, starting with a letter, got {self.collection!r}"
            )
        for name, kind in (("index", MilvusIndex), ("analyzer", Analyzer)):
            try:
                object.__setattr__(self, name, kind(getattr(self, name)))
            except ValueError:
                allowed = ", ".join(k.value for k in kind)
                raise InvalidArgumentError(f"Milvus {name} must be one of {allowed}, got {getattr(self, name)!r}") from None
        if self.nprobe < 1:
            raise InvalidArgumentError(f"nprobe must be a positive integer, got {self.nprobe!r}")

    @property
    def lite(self) -> bool:
        return is_lite(self.uri)


def is_lite(uri: str) -> bool:
    """True for a Milvus Lite URI (a file path), False for a server URL."""
    return urlsplit(uri).scheme not in ("http", "https", "tcp", "grpc", "unix")


def public_uri(uri: str) -> str:
    """The URI as recorded in a manifest: an absolute file path for Lite; a URL without user, password or query."""
    if is_lite(uri):
        return str(Path(uri).expanduser().resolve())
    parts = urlsplit(uri)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def load_timeout() -> float:
    """Seconds loading a collection into memory may take (FORUMQA_MILVUS_LOAD_TIMEOUT, default 600)."""
    try:
        return max(float(os.environ.get("FORUMQA_MILVUS_LOAD_TIMEOUT", "600")), timeout())
    except ValueError:
        return 600.0


def timeout() -> float:
    """Seconds any one Milvus call may take (FORUMQA_MILVUS_TIMEOUT, default 30); pymilvus retries until then."""
    try:
        return max(float(os.environ.get(TIMEOUT_ENV, "30")), 1.0)
    except ValueError:
        return 30.0


def _pymilvus():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # milvus-lite 2.5 imports the deprecated pkg_resources
            import pymilvus
    except ImportError:
        raise MissingDependencyError(f"the Milvus backend needs pymilvus and milvus-lite; {INSTALL_HINT}") from None
    return pymilvus


def reason(error: BaseException) -> str:
    """The first line of an exception's message (a gRPC error's status and details), short enough for one line."""
    code, details = getattr(error, "code", None), getattr(error, "details", None)
    if callable(code) and callable(details):
        try:
            return f"{code().name}: {details() or ''}".strip()[:200]
        except Exception:  # noqa: BLE001 - not a finished gRPC call
            pass
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    return (str(text).splitlines() or [type(error).__name__])[0][:200]


def connect(uri: str, fix: str):
    """A MilvusClient for the URI.

    Args:
        uri: a Milvus Lite file path or a server URL (its token comes from FORUMQA_MILVUS_TOKEN).
        fix: what to tell the user to do when the connection fails.

    Raises:
        MissingDependencyError: pymilvus is not installed.
        BackendError: the server cannot be reached, or the Lite file cannot be opened.
    """
    pymilvus = _pymilvus()
    # pymilvus shares one connection among clients of the same URI, and close() ends it for all of them: each of
    # ours gets its own.
    kwargs: dict = {"timeout": timeout(), "alias": f"forumqa-{uuid.uuid4().hex}"}
    if is_lite(uri):
        path = Path(uri).expanduser().resolve()
        if not path.parent.is_dir():
            raise BackendError(f"Milvus Lite file {path}: its folder does not exist; {fix}")
        target = str(path)
    else:
        target = uri
        token = os.environ.get(TOKEN_ENV, "")
        if token:
            kwargs["token"] = token
    try:
        with warnings.catch_warnings(), quiet():
            warnings.simplefilter("ignore")
            client = pymilvus.MilvusClient(uri=target, **kwargs)
        if is_lite(uri):
            with _lite_lock:
                _lite_clients[target] = _lite_clients.get(target, 0) + 1
        return client
    except Exception as error:  # noqa: BLE001 - pymilvus raises many types for one cause: no connection
        where = f"Milvus Lite file {target}" if is_lite(uri) else f"Milvus at {public_uri(uri)}"
        extra = " (Milvus Lite allows one process per file: stop the other one)" if is_lite(uri) else ""
        raise BackendError(f"cannot open {where} ({reason(error)}){extra}; {fix}") from None


def disconnect(client, uri: str) -> None:
    """Close a client from connect(); the last client of a Milvus Lite file also stops its embedded engine.

    (pymilvus keeps a Lite engine running until the process exits, holding the file's lock.)
    """
    try:
        client.close()
    except Exception:  # noqa: BLE001 - closing a dead connection is not an error
        pass
    if not is_lite(uri):
        return
    target = str(Path(uri).expanduser().resolve())
    with _lite_lock:
        left = _lite_clients.get(target, 0) - 1
        if left > 0:
            _lite_clients[target] = left
            return
        _lite_clients.pop(target, None)
    try:
        from milvus_lite.server_manager import server_manager_instance

        with quiet():
            server_manager_instance.release_server(target)
    except Exception:  # noqa: BLE001 - already stopped
        pass


@contextlib.contextmanager
def quiet():
    """Silence pymilvus' own error logging for calls whose failure we turn into a one-line error."""
    logger = logging.getLogger("pymilvus")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def quote(value: str) -> str:
    """A Milvus expression string literal (double quotes; backslashes and quotes escaped)."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def like_pattern(text: str) -> str:
    """A LIKE pattern matching text anywhere in a field (its %, _ and backslashes taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return quote(f"%{escaped}%")


def where_expr(where, extra: str = "") -> str:
    """A Filter (speaker, doc, kinds) as a Milvus boolean expression ('' for no restriction)."""
    parts = [extra] if extra else []
    if where.speaker is not None:
        parts.append(f"speaker == {quote(where.speaker)}")
    if where.doc is not None:
        parts.append(f"doc == {quote(where.doc)}")
    if where.kinds is not None:
        parts.append(f"kind in [{', '.join(quote(k) for k in where.kinds)}]")
    return " and ".join(parts)


def in_expr(field: str, values) -> str:
    return f"{field} in [{', '.join(quote(v) for v in values)}]"


def sentences_name(collection: str) -> str:
    return collection + SENTENCES_SUFFIX


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
