"""Search the forum transcript: ``from retriever import Retriever``."""

from index.errors import (
    DocumentError,
    EmbedderError,
    ForumQAError,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    InvalidArgumentError,
    InvalidQueryError,
)
from retriever.search import Retriever
from retriever.types import Answer, Citation, Highlight, Hit, Mode

__all__ = [
    "Answer",
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
    "Mode",
    "Retriever",
]
