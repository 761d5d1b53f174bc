"""Recognise a document's structure (one Structurer per kind of document): ``parse(text, doc_id)``."""

from index.structure.document import Document, Paragraph
from index.structure.forum import EDITOR_NOTE, PARTICIPANTS, parse

__all__ = ["EDITOR_NOTE", "PARTICIPANTS", "Document", "Paragraph", "parse"]
