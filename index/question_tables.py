"""The cached tables a question reads, worked out ahead of the first question (at the end of a build).

CC-CEDICT's word set (index.lexicon.cedict_words), the mainland form of jieba's dictionary words
(index.mainland_table), the characters of each first pinyin reading (index.pinyin.chars_read_first) and the places
of each province (index.provinces, asked by a Chinese question that names no entity) and the words jieba tags as a
place or a person's name that are common words (index.common_glossed: 新建, 籍贯; asked by a question naming a word
the text does not write) are each derived once per machine and kept in the cache folder
(index.jieba_tables.cache_dir). Deriving them takes seconds; a build pays that, so the first `forumqa ask` after it
does not.
"""

from __future__ import annotations


def warm() -> None:
    """Derive and cache the tables a question reads, if they are not cached yet (milliseconds when they are)."""
    from index.colloquial import mainland
    from index.common_glossed import common_person_words, common_places
    from index.lexicon import cedict_words
    from index.pinyin import chars_read_first
    from index.provinces import places_by_province

    try:
        cedict_words()
        mainland("资讯")
        chars_read_first("shi")
        places_by_province()
        common_places()
        common_person_words()
    except OSError:
        pass  # an unwritable cache folder: each question then derives what it needs, as before
