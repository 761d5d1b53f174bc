"""The one prefixed lexicon lookup (index/lexicon_terms.py) behind everyday() and synonyms(), and its eval switch."""

from __future__ import annotations

import pytest

from index.everyday import EVERYDAY_PREFIX, everyday
from index.lexicon import build_lexicon
from index.lexicon_terms import OFF_TABLES_ENV, lexicon_terms, prefixed, tables_off
from index.synonyms import SYNONYM_PREFIX, synonyms

TERMS = ["企业", "燃煤", "锅炉", "冬季"]


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(TERMS)


def test_everyday_and_synonyms_are_the_prefixed_lookup(lexicon):
    assert everyday("厂子", lexicon) == lexicon_terms(EVERYDAY_PREFIX, "厂子", lexicon) == ["企业"]
    assert synonyms("烧煤", lexicon) == lexicon_terms(SYNONYM_PREFIX, "烧煤", lexicon) == ["燃煤"]


def test_a_word_the_table_lacks_an_english_word_or_no_lexicon_gives_nothing(lexicon):
    assert lexicon_terms(EVERYDAY_PREFIX, "火星", lexicon) == []
    assert lexicon_terms(EVERYDAY_PREFIX, "factory", {"co:factory": ["企业"]}) == []
    assert lexicon_terms(SYNONYM_PREFIX, "烧煤", None) == [] and lexicon_terms(SYNONYM_PREFIX, "", lexicon) == []


def test_the_lookup_returns_a_copy(lexicon):
    found = lexicon_terms(EVERYDAY_PREFIX, "厂子", lexicon)
    found.append("x")
    assert lexicon_terms(EVERYDAY_PREFIX, "厂子", lexicon) == ["企业"]


def test_the_eval_switch_turns_only_the_named_tables_off(lexicon, monkeypatch):
    monkeypatch.setenv(OFF_TABLES_ENV, " co: ")
    assert tables_off() == frozenset({"co:"})
    assert everyday("厂子", lexicon) == [] and synonyms("烧煤", lexicon) == ["燃煤"]
    monkeypatch.setenv(OFF_TABLES_ENV, "co:,zh:")
    assert everyday("厂子", lexicon) == [] and synonyms("烧煤", lexicon) == []
    monkeypatch.delenv(OFF_TABLES_ENV)
    assert tables_off() == frozenset() and everyday("厂子", lexicon) == ["企业"]


def test_prefixed_keys_each_word():
    assert prefixed("co:", {"厂子": ["企业"], "冬天": ["冬季"]}) == {"co:厂子": ["企业"], "co:冬天": ["冬季"]}
