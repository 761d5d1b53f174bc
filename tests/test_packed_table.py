"""Packed tables (index/packed_table.py) read exactly as the dict or set they pack, and load without building one."""

from __future__ import annotations

import marshal

import pytest

from index.packed_table import PackedTable, PackedWords, pack_table, pack_words

TABLE = {"燃煤": "coal fuel", "烧": "to burn\nto cook", "a": "", "锅炉": "boiler", "河长制": "river chief system",
         "𠀀": "rare", "é": "accent", "空": ""}


def test_a_packed_table_is_the_dict_it_packs():
    table = PackedTable(marshal.loads(marshal.dumps(pack_table(TABLE))))
    assert list(table) == list(TABLE) and len(table) == len(TABLE)  # the packed order, as the dict's
    assert dict(table.items()) == TABLE and table == TABLE
    for key, value in TABLE.items():
        assert table[key] == value and table.get(key) == value and key in table
    for absent in ("燃", "燃煤锅炉", "", "b", "\ud800", 3, None):
        assert absent not in table and table.get(absent, "x") == "x"
    with pytest.raises(KeyError):
        table["燃"]


def test_a_packed_table_becomes_a_dict_after_its_limit():
    table = PackedTable(pack_table(TABLE), limit=3)
    assert table.get("燃煤") == "coal fuel" and table._full is None
    for word in ("x", "y", "z"):
        table.get(word)
    assert table._full == TABLE and list(table._full) == list(TABLE)
    assert table["锅炉"] == "boiler" and "x" not in table and list(table) == list(TABLE)


def test_an_empty_table_and_a_refused_pack():
    assert len(PackedTable(pack_table({}))) == 0 and PackedTable(pack_table({})).get("a") is None
    keys, offsets, values, value_offsets, order = pack_table(TABLE)
    with pytest.raises(ValueError):
        PackedTable((keys[:-1], offsets, values, value_offsets, order))


def test_packed_words_are_the_set_they_pack():
    words = ["锅炉", "燃煤", "高管", "a", "河长制"]
    packed = PackedWords(marshal.loads(marshal.dumps(pack_words(words))))
    assert packed == frozenset(words) and frozenset(words) == packed and set(packed) == set(words)
    assert list(packed) == words and len(packed) == 5
    assert "高管" in packed and "高" not in packed and 1 not in packed
