"""What an index holds, as a refusal names it: the bundled forum's 转录稿 (the transcript), one document's title
(or, untitled, its file name), or 资料 (the documents) for a user's archive.

Only the bundled forum is called the transcript: a user's single document may be a report quoting one person or
a notice, and its file name is what the user knows it by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.collect import CORPUS_NAME

TITLE_CHARS = 30  # a longer title is cut (with …) so the one-line reason stays one line


@dataclass(frozen=True)
class Holding:
    """The name of what an index holds in Chinese and English, and whether the English is plural."""

    zh: str
    en: str
    plural: bool = False

    def verb(self, singular: str, plural: str) -> str:
        """The English verb that agrees with en (mentions / mention)."""
        return plural if self.plural else singular

    @property
    def En(self) -> str:  # noqa: N802 - the English name at the start of a sentence
        return self.en[:1].upper() + self.en[1:]

    def not_covered(self) -> str:
        """The plain abstention line of the replies."""
        return f"{self.zh}中没有涉及这个问题。{self.En} {self.verb('does', 'do')} not cover this question."


TRANSCRIPT = Holding("转录稿", "the transcript")
DOCUMENT = Holding("文档", "the document")
DOCUMENTS = Holding("资料", "the documents", plural=True)


def holding_of(docs: Sequence) -> Holding:
    """The bundled forum: the transcript; one titled document: its title; one untitled document: its file name
    (文档“notes.txt”, the document “notes.txt”); several: the documents."""
    if not docs:
        return TRANSCRIPT
    if len(docs) > 1:
        return DOCUMENTS
    doc = docs[0]
    if Path(doc.source).name == CORPUS_NAME:
        return TRANSCRIPT
    title = doc.title.strip()
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        title = title[1:-1].strip()
    if title:
        title = _cut(title)
        inner = title.replace("《", "〈").replace("》", "〉")  # a title within the title
        return Holding(f"《{inner}》", f"“{title}”")
    name = _cut(Path(doc.source).name.strip())
    return Holding(f"文档“{name}”", f"the document “{name}”") if name else DOCUMENT


def _cut(name: str) -> str:
    """A name cut to TITLE_CHARS (with …), so the one-line reason stays one line."""
    return name if len(name) <= TITLE_CHARS else name[: TITLE_CHARS - 1] + "…"
