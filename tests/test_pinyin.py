"""The pinyin signal (index/pinyin.py): passage words in pinyin, question slips and pinyin words looked up by sound."""

from __future__ import annotations

from index.pinyin import chinese_pinyin, document_pinyin, is_pinyin, latin_pinyin, sounds_known, spellings


def test_pinyin_words_are_recognised():
    assert all(is_pinyin(w) for w in ("dalian", "guolu", "Zhubugang", "xiangtan", "Su", "lvse"))
    assert not any(is_pinyin(w) for w in ("boiler", "England", "PM2", "sulfur"))


def test_passage_words_get_every_reading():
    tokens = document_pinyin(["锅炉", "区锦雄", "了", "PPP"])
    assert "py:guolu" in tokens
    assert {"py:qujinxiong", "py:oujinxiong"} <= set(tokens)  # 区 is ou as a surname
    assert not any(t.endswith(("le", "ppp")) for t in tokens)  # single characters and Latin words give none


def test_question_slips_are_spelled_around_unknown_words():
    words = {"燃煤", "锅炉", "大连"}
    tokens = chinese_pinyin("大连燃媒锅炉", words.__contains__, ["燃媒"])
    assert "py:ranmei" in tokens
    assert "py:dalian" not in tokens  # far from the slip, and an index word anyway
    assert "py:ranmei" in [f"py:{s}" for s in spellings("燃煤")]


def test_latin_pinyin_words_and_joined_names():
    tokens = latin_pinyin("wang qi 说了什么 dalian guolu the boiler")
    assert {"py:wangqi", "py:dalian", "py:guolu", "py:dalianguolu"} <= set(tokens)
    assert "py:wang" not in tokens and "py:boiler" not in tokens


def test_sounds_known_needs_a_sound_match_over_pieces_of_the_text():
    text = "普邦园林黄标车"
    vocabulary = {"py:yuanlin", "py:huangbiaoche"}
    assert sounds_known("普邦圆林", text.__contains__, vocabulary.__contains__)  # 普邦 in the text + 圆林 ≈ yuanlin
    assert sounds_known("黄镖车", text.__contains__, vocabulary.__contains__)
    assert not sounds_known("普邦园林", text.__contains__, vocabulary.__contains__)  # no slip: found as written
    assert not sounds_known("特斯拉", text.__contains__, vocabulary.__contains__)


def test_question_time_readings_do_not_import_pypinyin_phrases():
    """A question's slips need only the single-character table, not pypinyin's phrase dictionaries (cold start)."""
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys; from index.pinyin import char_readings; print(char_readings('区'), 'pypinyin' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.strip()
    assert out == "('qu', 'ou') False"


def test_characters_by_first_reading_from_the_cache_are_the_tables_own(tmp_path, monkeypatch):
    """The cached first-reading table (written on the first call, read on the next) gives, for every reading, exactly
    the characters of the single-character table whose commonest reading it is, in the table's order."""
    from index import pinyin
    from index.pinyin import _table, char_readings, chars_read_first, toneless

    monkeypatch.setenv("FORUMQA_CACHE_DIR", str(tmp_path))
    by_reading: dict[str, list[str]] = {}
    for point, raw in _table().items():  # every character under each of its readings, then kept where it is first
        for reading in dict.fromkeys(toneless(r) for r in raw.split(",") if r):
            by_reading.setdefault(reading, []).append(chr(point))
    expected = {r: tuple(c for c in chars if char_readings(c)[:1] == (r,)) for r, chars in by_reading.items()}
    for _ in ("derived", "read"):
        pinyin._first_read_table.cache_clear()
        assert {r: chars_read_first(r) for r in expected} == expected and chars_read_first("xyz") == ()
        assert len(list(tmp_path.glob("pinyin_first-*.table"))) == 1
    assert chars_read_first("nei")[:1] and "拿" not in chars_read_first("nei") and "内" in chars_read_first("nei")
    pinyin._first_read_table.cache_clear()
