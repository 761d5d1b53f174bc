"""Spoken Chinese in its written form, for the question side: 咋 → 怎么, 啥 → 什么, 打哪来 → 来自哪里.

Readers type questions as they speak (大连那边锅炉拆了多少啊？, 湘潭治污的钱都是打哪来的？); the transcript and the
embedder's training text are written Chinese. written_form() rewrites the spoken words of northern colloquial
Chinese (and a few common Cantonese ones) that have one plain written equivalent, and drops the spoken fillers that
carry no meaning (那边 after a place, sentence-final 啊/呀/嘛). General Chinese only: nothing about one transcript.
Words with several written senses (搞, 弄, 整) are left as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Spoken → written, longest first where one contains another.
SPOKEN = {
    "为啥": "为什么", "干啥": "做什么", "做啥": "做什么", "啥时候": "什么时候", "啥样": "什么样", "啥子": "什么",
    "啥": "什么", "咋回事": "怎么回事", "咋办": "怎么办", "咋整": "怎么办", "咋样": "怎么样", "咋弄": "怎么做",
    "咋搞": "怎么做", "咋的": "怎么", "咋": "怎么", "打哪儿来": "来自哪里", "打哪来": "来自哪里", "打哪儿": "从哪里",
    "打哪": "从哪里", "哪儿来": "来自哪里", "哪来": "来自哪里", "哪儿": "哪里", "多会儿": "什么时候",
    "在哪儿干": "在哪里工作", "在哪干": "在哪里工作", "找不着": "找不到", "见不着": "见不到", "俺们": "我们", "俺": "我",
    "咱们": "我们", "咱": "我们",
    # 光 'only' before relying on something (光靠国家, 光指望拨款): not 光 'light', 'used up'
    "光靠": "只靠", "光指望": "只指望", "光凭": "只凭",
    # Cantonese, in the simplified form OpenCC's t2s gives it (係咪 → 系咪, 嗰 → 𠮶): written Cantonese as Hong Kong
    # readers type it (session 15) has a one-word Mandarin equivalent for its question words, pronouns, demonstratives
    # and aspect marker; 啲 (the plural determiner, 啲督察组) is no word of what is asked.
    "点样": "怎样", "边度": "哪里", "乜嘢": "什么", "几多": "多少", "冇错": "没错", "冇": "没有", "嘅": "的",
    "系咪": "是不是", "系唔系": "是不是", "唔系": "不是", "真系": "真是", "就系": "就是", "系边个": "是谁",
    "边间": "哪家", "几时": "什么时候", "点解": "为什么", "咩嘢": "什么", "乜": "什么",
    "𠮶度": "那里", "𠮶个": "那个", "𠮶啲": "那些", "𠮶": "那", "呢度": "这里", "呢个": "这个", "呢啲": "这些",
    "佢哋": "他们", "佢": "他", "咗": "了", "喺": "在", "唔": "不", "啲": "", "嘢": "东西", "嚟": "来", "睇": "看",
    "揾": "找", "畀": "给", "而家": "现在", "咁样": "这样", "咁": "这么",
}
_SPOKEN = re.compile("|".join(map(re.escape, sorted(SPOKEN, key=len, reverse=True))))
# 那边/这边 right after a word ('大连那边' = 大连), and sentence-final particles (啊, 来着: 叫啥来着) before a question
# mark or the end.
_PLACE_FILLER = re.compile(r"(?<=[\u4e00-\u9fff])[那这]边(?=[\u4e00-\u9fff])")
_FINAL_PARTICLE = re.compile(r"(?:来着|[啊呀嘛呗哈啦咧㗎㖞啰啩喇嘞咩])+(?=[？?！!。.，,\s]*$)")


_WHICH_ONE = re.compile(r"边个")
# Characters only written Cantonese uses (佢, 咗, 喺, 嘅, 啲, 嗰 as t2s writes it, …)
_CANTONESE = re.compile("[佢咗喺嘅啲\U00020bb6冇唔嘢乜咩哋嚟睇揾畀㗎]|系咪|系唔系")


def _copula(text: str) -> str:
    """系 standing as a word of its own (jieba) read as 是 (佢系喺边度 → 他是在哪里); 关系, 体系 keep it."""
    from index.tokenize import posseg

    return "".join("是" if p.word == "系" else p.word for p in posseg().lcut(text))


def _which_one(match: re.Match) -> str:
    """Cantonese 边个: 哪个 before a noun (边个部门), 谁 otherwise (边个负责, 系边个)."""
    from index.tokenize import posseg

    words = posseg().lcut(match.string[match.end() : match.end() + 6])
    return "哪个" if words and words[0].flag.startswith("n") else "谁"


def regional_written(text: str) -> str:
    """written_form for a question in written Cantonese or with Taiwan/Hong Kong variant characters (係咪, 嗰度, 咗;
    連著), the question itself otherwise: the judge reads those in their written form, as the search does, and northern
    spoken words (啥, 咋) as typed (its own tables know them: answerability/units.ZH_ASKING)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    from index.normalize import to_simplified

    plain = to_simplified(text)
    if _CANTONESE.search(plain) or (plain != text and _regional()[3].convert(text) != plain):
        return written_form(text)
    return text


def written_form(text: str) -> str:
    """The question with its spoken words in their written form ('大连那边锅炉拆了多少啊？' → '大连锅炉拆了多少？').

    Args:
        text: a question (simplified or traditional; only simplified spoken forms are rewritten).
    """
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    from index.normalize import to_simplified

    plain = to_simplified(text)
    # Taiwan's and Hong Kong's variant characters in their standard form (連著 → 连着, where t2s leaves 著: 著名 stays)
    simplified = _regional()[3].convert(text) if plain != text else plain
    written = _SPOKEN.sub(lambda m: SPOKEN[m.group(0)], simplified)
    written = _WHICH_ONE.sub(_which_one, written)
    if _CANTONESE.search(simplified):  # 係 'is' (t2s writes 系) in a Cantonese question: a word of its own
        written = _copula(written)
    written = _FINAL_PARTICLE.sub("", _PLACE_FILLER.sub("", written))
    return text if written == plain else written


@lru_cache(maxsize=8192)
def mainland(word: str) -> str:
    """A Taiwan or Hong Kong word in its mainland form, by OpenCC's regional phrase tables (traditional, then tw2sp:
    资讯 → 信息, 软体 → 软件, 网路 → 网络, 计程车 → 出租车); '' when the word has none (or is mainland already).

    The question side only, for a word the index does not know: 资料 is a mainland word as well (material), so a word
    the text writes keeps its exact match alone (retriever/query.py regional_terms, answerability units).
    """
    if not word or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", word):
        return ""
    from index.mainland_table import mainland_table

    known = mainland_table(_converted)  # jieba's dictionary words, worked out once by _converted: no OpenCC to load
    found = known.get(word) if known is not None else None
    return _converted(word) if found is None else found


def _converted(word: str) -> str:
    """mainland() of a word of two Chinese characters or more, by OpenCC's tables."""
    form = _regional()[1].convert(_regional()[0].convert(word))
    return form if form != word and form != _regional()[2].convert(word) else ""


@lru_cache(maxsize=1)
def _regional():
    import opencc

    return opencc.OpenCC("s2t"), opencc.OpenCC("tw2sp"), opencc.OpenCC("t2s"), opencc.OpenCC("tw2s")
