"""Exception types shared by the index builder, the retriever and the front ends."""

from __future__ import annotations


class ForumQAError(Exception):
    """Base class of every error forumqa raises on purpose (one line, safe to show a user)."""


class DocumentError(ForumQAError):
    """A transcript cannot be read or indexed (missing, empty, binary, undecodable)."""


class IndexNotFoundError(ForumQAError):
    """No index exists at the given path."""


class IndexCorruptError(ForumQAError):
    """An index file is missing, truncated or does not match its manifest."""


class IndexMismatchError(ForumQAError):
    """The index was built with other settings (embedder, format, tokenizer) than those in use."""


class InvalidQueryError(ForumQAError, ValueError):
    """The query text is unusable (empty, whitespace only, not a string)."""


class InvalidArgumentError(ForumQAError, ValueError):
    """An argument or setting (k, mode, speaker, chunk sizes, an output path) is out of range or unknown."""


class EmbedderError(ForumQAError):
    """An embedding model cannot be loaded or is not installed."""


class MissingDependencyError(ForumQAError):
    """An optional package that the chosen feature needs is not installed (the message says what to install)."""


class BackendError(ForumQAError):
    """A storage backend cannot be reached or does not hold what the manifest says."""
