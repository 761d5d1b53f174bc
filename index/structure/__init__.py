"""Recognise a document's structure: ``parse(text, doc_id)`` picks the structurer that fits the text.

A dialogue (several ``名字：`` turns by names that recur or that a participants list introduces)
is read by index.structure.forum; any other text by index.structure.generic (title, sections,
paragraphs).
"""

from __future__ import annotations

from index.clean import split_blocks
from index.structure import forum, generic
from index.structure.document import RUNNING, Document, Paragraph
from index.structure.forum import EDITOR_NOTE
from index.structure.people import PARTICIPANT_MARKERS, speaker_names, split_turns


def parse(text: str, doc_id: str, title: str = "") -> Document:
    """Parse a document into paragraphs of each kind (see index.records.Kind), speakers and headlines.

    Args:
        text: the decoded document, lines as in the original.
        doc_id: the document id to carry into citations.
        title: the title its file gives ('' when it gives none).

    Returns:
        The parsed document.
    """
    names = speaker_names(split_turns(split_blocks(text)))
    if names:
        return forum.parse(text, doc_id, names=names, title=title)
    return generic.parse(text, doc_id, title=title)


__all__ = ["EDITOR_NOTE", "PARTICIPANT_MARKERS", "RUNNING", "Document", "Paragraph", "parse"]
