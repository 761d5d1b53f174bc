"""Session 22 (en3): an English question written as a title is read as the same question typed as a sentence
(index.spelling.sentence_case; a title's misspelt common words respelled, a pinyin name split into syllables joined),
and only an English noun counts as a thing the text lacks (retriever/answerability/things.py). Real index, jieba and
CC-CEDICT; the questions are this file's own, not rows of the sets."""

from __future__ import annotations

import json

import pytest

from index.romanisation import proper_name
from index.spelling import respelled, respelling, sentence_case, title_case, written_out
from retriever.query import respelled_words


@pytest.fixture(scope="module")
def lexicon(index_dir):
    return json.loads((index_dir / "lexicon.json").read_text(encoding="utf-8"))


def test_a_title_is_told_from_a_sentence_naming_places(lexicon):
    assert title_case("What Is the Capital of France?", lexicon)
    assert title_case("How Many Coal Boilers Did Dalian Remove?", lexicon)
    assert not title_case("How did Dalian and Jining compare with Xiangtan?", lexicon)  # capitals on names only
    assert not title_case("What did the Xiangtan director say about the plan?", lexicon)
    assert not title_case("How do I renew a Chinese passport?", lexicon)  # one capitalised, one not
    assert not title_case("What was the first step he took at the Dalian Environmental Protection Bureau?", lexicon)


def test_a_title_is_read_in_sentence_case_keeping_its_names(lexicon):
    assert sentence_case("What Is the Capital of France?", lexicon, proper_name) == "What is the capital of France?"
    assert (sentence_case("How Many Coal-fired Boilers Did Jining Remove?", lexicon, proper_name)
            == "How many coal-fired boilers did Jining remove?")  # Jining: the pinyin of a name of the text
    # a title before a name stays with it; one pinyin syllable may be a name's (Wang Qi)
    assert (sentence_case("What Is the Boiling Point at the Top of Mount Everest?", lexicon, proper_name)
            == "What is the boiling point at the top of Mount Everest?")
    assert sentence_case("Did Wang Qi Speak?", lexicon, proper_name) == "Did Wang Qi speak?"
    sentence = "What did the Xiangtan director say?"
    assert sentence_case(sentence, lexicon, proper_name) == sentence


def test_a_titles_misspelt_common_words_are_respelled(lexicon):
    # a capital in a title marks no name, so a common word misspelt is read as in a sentence
    assert (respelled("Which List Did Dalian Goverment Make Public About the Coal Boilors?", lexicon, proper_name)
            == "Which List Did Dalian Government Make Public About the Coal Boilers?")
    # in a sentence a capitalised word after the first is a name: only the text's names are meant
    assert respelled("Did the firm meet Goverment officials?", lexicon, proper_name) == (
        "Did the firm meet Goverment officials?")


def test_a_word_english_by_its_er_ending_is_no_slip(lexicon):
    assert respelling("Booker", lexicon, proper_name) == ""  # no booked
    assert respelled("Which Novelist Took the Booker Prize?", lexicon, proper_name) == (
        "Which Novelist Took the Booker Prize?")


def test_a_split_pinyin_name_inside_a_title_is_joined(lexicon):
    assert respelled_words("What Did Wang Qi Say About the River Chief System?", lexicon).startswith(
        "What did Wangqi say")
    assert "Jining" in respelled_words("How Much Did the Ji Ning Environment App Cost?", lexicon)


def test_ltd_is_written_out():
    assert written_out("Pubang Landscape Architecture Co., Ltd.") == "Pubang Landscape Architecture Co., Limited"
