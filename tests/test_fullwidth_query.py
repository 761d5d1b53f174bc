"""A question typed in full-width mode (a Chinese keyboard's ＡＢＣ and １２３) is read as ASCII before any check."""
from index.normalize import narrow, readable
from retriever.query import clean_query


def test_full_width_letters_digits_and_space_are_ascii_punctuation_stays():
    assert narrow("Ｈｏｗ　ｍａｎｙ　ｂｏｉｌｅｒｓ？ＰＭ２．５") == "How many boilers？PM2．5"
    assert readable("大連　ＰＰＰ") == "大连 PPP"


def test_clean_query_reads_full_width_english_as_typed_in_ascii():
    text, notice = clean_query("Ｈｏｗ ｍａｎｙ ｃｏａｌ－ｆｉｒｅｄ ｂｏｉｌｅｒｓ ｄｉｄ Ｄａｌｉａｎ ｄｉｓｍａｎｔｌｅ？")
    assert text == "How many coal－fired boilers did Dalian dismantle？" and notice == ""
