"""Session 21 (spell2): one respeller (index/spelling.py) for misspelt words and names, which
index.romanisation.pinyin_names asks for a capitalised name; its rules (one edit, a word of six letters or more, the
first letter kept), a title's names read word by word, a hyphened word's pieces left alone, accents outside pinyin's
tone marks. Real index, real jieba and CC-CEDICT; the questions are this file's own, not rows of the sets."""

from __future__ import annotations

import json

import pytest

from index.lexicon import is_english_word
from index.romanisation import pinyin_names, proper_name
from index.spelling import MIN_LETTERS, respelled, respelling, unaccented
from retriever.query import respelled_words


@pytest.fixture(scope="module")
def lexicon(index_dir):
    return json.loads((index_dir / "lexicon.json").read_text(encoding="utf-8"))


def _names(question: str, lexicon) -> str:
    return pinyin_names(question, lexicon, proper_name, lambda w: is_english_word(w, lexicon))


def test_pinyin_names_asks_the_one_respeller_for_a_mistyped_name(lexicon):
    assert _names("Which boilers did Dailan remove?", lexicon) == "Which boilers did Dalian remove?"
    assert _names("Nanyan shares data with whom?", lexicon) == "Nanyang shares data with whom?"  # first word too
    # the same rule as respelled's: the first letter is kept and the word is long enough
    assert respelling("Alian", lexicon, proper_name, named=True) == ""
    assert MIN_LETTERS == 6
    assert respelled("lorem ipsum dolor", lexicon, proper_name) == "lorem ipsum dolor"  # dolor is no door


def test_a_titles_capitalised_words_are_read_one_by_one(lexicon):
    assert _names("Which Projects Did Siangtan Pick?", lexicon) == "Which Projects Did Xiangtan Pick?"
    assert _names("How Big Was Hsiang-tan's Bond?", lexicon) == "How Big Was Xiangtan's Bond?"
    assert _names("The King Of Tan Said", lexicon) == "The King Of Tan Said"  # English words stay


def test_a_piece_of_a_hyphened_word_is_not_respelled(lexicon):
    # Wade-Giles syllables are pinyin_names' to read as a whole; never one syllable respelled on its own
    assert respelled("the Tan-chiang-kou reservoir", lexicon, proper_name) == "the Tan-chiang-kou reservoir"
    assert respelled("a goverment-run reservoir", lexicon, proper_name) == "a goverment-run reservoir"


def test_accents_outside_pinyins_tone_marks(lexicon):
    assert unaccented("Dalián", {"dalian": ["大连"]}) == "Dalian"  # the lexicon knows the plain word
    assert unaccented("café", {}) == "café"  # another language's word the index never writes
    # toneless_latin (clean_query) folds pinyin's marks, é among them; a cedilla or tilde is left to the lexicon
    assert respelled("A façade in São Paulo?", lexicon, proper_name) == "A façade in São Paulo?"
    assert unaccented("Dãlian", {"dalian": ["大连"]}) == "Dalian"
    assert unaccented("naïve", {"naive": ["天真"]}) == "naïve"  # the diaeresis stays (lü, nü)
    assert respelled("What did Dãlian do?", lexicon, proper_name) == "What did Dalian do?"


def test_the_query_path_reads_names_then_words(lexicon):
    typed = "Make Up Siangtan's Plan: How Many boilors Did Dailan's goverment Remove?"
    # a title is read in sentence case (session 22, en3: index.spelling.sentence_case)
    assert respelled_words(typed, lexicon) == "Make up Xiangtan's plan: how many boilers did Dalian's government remove?"


def test_a_title_naming_an_old_romanisation_is_answered(retriever):
    answer = retriever.answer("Which Four Areas Make Up Siangtan's Key Projects?", k=3)
    assert not answer.abstained
    assert "Xiangtan" in answer.rewritten


def test_a_british_spelling_is_english_as_typed(lexicon):
    assert respelled("Summarise the working idea Xiangtan followed.", lexicon, proper_name).startswith("Summarise ")
    assert respelled("what colours did they organise", lexicon, proper_name) == "what colours did they organise"
