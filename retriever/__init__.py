"""Search indexed documents: ``from retriever import Retriever``."""

from index.errors import (
    BackendError,
    DocumentError,
    EmbedderError,
    ForumQAError,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    InvalidArgumentError,
    InvalidQueryError,
    MissingDependencyError,
)
from retriever.retriever import Retriever
from retriever.types import Answer, Citation, Highlight, Hit, Mode

__all__ = [
    "Answer",
    "BackendError",
    "Citation",
    "DocumentError",
    "EmbedderError",
    "ForumQAError",
    "Highlight",
    "Hit",
    "IndexCorruptError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "InvalidArgumentError",
    "InvalidQueryError",
    "MissingDependencyError",
    "Mode",
    "Retriever",
]
