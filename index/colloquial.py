"""Spoken Chinese in its written form, for the question side: 咋 → 怎么, 啥 → 什么, 打哪来 → 来自哪里.

Readers type questions as they speak (大连那边锅炉拆了多少啊？, 湘潭治污的钱都是打哪来的？); the transcript and the
embedder's training text are written Chinese. written_form() rewrites the spoken words of northern colloquial
Chinese (and a few common Cantonese ones) that have one plain written equivalent, and drops the spoken fillers that
carry no meaning (那边 after a place, sentence-final 啊/呀/嘛). General Chinese only: nothing about one transcript.
Words with several written senses (搞, 弄, 整) are left as they are. how_many_written() reads south-western 好多 +
measure word as 多少 for the search's terms only (the judge reads the question as typed).
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.lazy_pattern import lazy_compile

# Spoken → written, longest first where one contains another.
SPOKEN = {
    "为啥": "为什么", "干啥": "做什么", "做啥": "做什么", "啥时候": "什么时候", "啥样": "什么样", "啥子": "什么",
    "啥": "什么", "咋回事": "怎么回事", "咋办": "怎么办", "咋整": "怎么办", "咋样": "怎么样", "咋弄": "怎么做",
    "咋搞": "怎么做", "咋的": "怎么", "咋": "怎么", "打哪儿来": "来自哪里", "打哪来": "来自哪里", "打哪儿": "从哪里",
    "打哪": "从哪里", "哪儿来": "来自哪里", "哪来": "来自哪里", "哪儿": "哪里", "多会儿": "什么时候",
    "找不着": "找不到", "见不着": "见不到", "俺们": "我们", "俺": "我",
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
    # session 22 (readers18's Hong Kong reader): 先至 'only then' (花几多年先至将珠江变清), 𠮶阵 'at that time'
    "边啲": "哪些", "先至": "才", "𠮶阵时": "那时", "𠮶阵": "那时", "呢排": "最近", "有冇": "有没有",
}
_SPOKEN = re.compile("|".join(map(re.escape, sorted(SPOKEN, key=len, reverse=True))))
# 在哪干, 在哪儿干, 在哪里干 'where does one work' (以前在哪儿干的, 在哪里干过, 在哪干了几年, 在哪里干活): 干 closing the
# question or before an aspect word; not 干什么, 干嘛 (what does one do there) nor another word (干燥, 干部)
_WHERE_WORKS = re.compile(r"在哪[儿里]?干(?:活儿?)?(?=[的过着呢？?，,。.！!\s]|了(?!什么|啥)|$)")
# 那边/这边 right after a word ('大连那边' = 大连), and sentence-final particles (啊, 来着: 叫啥来着) before a question
# mark or the end.
_PLACE_FILLER = re.compile(r"(?<=[\u4e00-\u9fff])[那这]边(?=[\u4e00-\u9fff])")
_FINAL_PARTICLE = re.compile(r"(?:来着|[啊呀嘛呗哈啦咧㗎㖞啰啩喇嘞咩])+(?=[？?！!。.，,\s]*$)")


_WHICH_ONE = re.compile(r"边个")
# Characters only written Cantonese uses (佢, 咗, 喺, 嘅, 啲, 嗰 as t2s writes it, …), and 边个 'who, which'
_CANTONESE = re.compile("[佢咗喺嘅啲\U00020bb6冇唔嘢乜咩哋嚟睇揾畀㗎]|系咪|系唔系|边个|几多|点样|先至")
# 係, the Cantonese copula, standing alone in a traditional question (係以治理…為重點, 佢係…): 關係, 聯係 are words
_COPULA_TRADITIONAL = re.compile("(?<![關关聯联連连維维干幹])係(?![數数統统咪唔])")
# 晒 'all, completely' after a verb at the close (退晒, 拆晒咗): no word of what is asked
_ALL_DONE = re.compile(r"(?<=[\u4e00-\u9fff])晒(?=[了咗]?[？?！!。.，,\s]*$)")
# 边 'which' before 几 or a measure word (边几种, 边位, 边间): jieba cuts it as a word of its own; 周边, 旁边 are words
_WHICH_MEASURE = "几个位种间家条座只类项样次年天度处"
# 咩 'what' inside the question (有咩核心价值观); at its close it is a particle (_FINAL_PARTICLE)
_WHAT = re.compile(r"咩(?![？?！!。.，,\s]*$)")
# a person before 话 'says' (局长话佢…, 佢话…): a title, a pronoun or a name
_PERSON_TITLE = re.compile(
    r"(?:长|员|官|领导|干部|书记|主任|委员|代表|专家|记者|嘉宾|老师|总裁|经理|主持人|发言人|先生|女士|市民|居民|村民|网友)$"
)


def _which_one(match: re.Match) -> str:
    """Cantonese 边个: 哪位 before a noun naming persons (边个局长), 哪个 before another noun (边个部门), 谁 otherwise
    (边个负责, 系边个)."""
    from index.tokenize import posseg

    words = posseg().lcut(match.string[match.end() : match.end() + 6])
    if words and (words[0].flag.startswith("nr") or _PERSON_TITLE.search(words[0].word)):
        return "哪位"  # 主任 is tagged b, 局长 n
    return "哪个" if words and words[0].flag.startswith("n") else "谁"


_WHICH_BY_MEASURE = re.compile(f"(.?)边(?=[几{_WHICH_MEASURE}])")


def _which_by_measure(match: re.Match) -> str:
    """边 'which' before 几 or a measure word (跟边几个省 → 跟哪几个省); 周边, 旁边, 身边 (a word with the character before
    it, in jieba's dictionary) stay."""
    from index.tokenize import posseg

    before = match.group(1)
    if before and posseg().dt.tokenizer.FREQ.get(before + "边", 0) > 0:
        return match.group(0)
    return before + "哪"


_PRONOUN_SAYS = re.compile(r"(?<=[他她我你])(们?)话(?=[\u4e00-\u9fff])")
_TITLE_SAYS = re.compile(
    r"(?:(?<=[长员官])|(?<=主任|书记|领导|干部|委员|代表|专家|记者|嘉宾|老师|总裁|经理|先生|女士))话(?=[\u4e00-\u9fff])"
)


def _cantonese_words(text: str, cantonese: bool) -> str:
    """The Cantonese grammar words jieba cuts apart or glues, in their written form: 边 'which' before 几 or a measure
    word (边几种 → 哪几种); in a Cantonese question (cantonese: the typed question wrote 係 alone, or Cantonese words)
    also 系 'is' (t2s's 係), 话 'says' after a person (佢话, 局长话治水 → 说; jieba glues 他话 and 话治, so by
    character), 咩 'what' inside the question (有咩 → 有什么) and 晒 'all' closing it (退晒)."""
    from index.tokenize import posseg

    text = _WHICH_BY_MEASURE.sub(_which_by_measure, text)
    if not cantonese:
        return text
    text = _TITLE_SAYS.sub("说", _PRONOUN_SAYS.sub(r"\1说", _ALL_DONE.sub("", text)))
    words = posseg().lcut(_WHAT.sub("什么", text))
    out: list[str] = []
    for i, p in enumerate(words):
        word, after = p.word, words[i + 1].word if i + 1 < len(words) else ""
        if word == "系":
            word = "是"
        elif word == "话" and i and after and re.match(r"[\u4e00-\u9fff]", after) and words[i - 1].flag.startswith("nr"):
            word = "说"  # 王奇话…
        out.append(word)
    return "".join(out)


def regional_written(text: str) -> str:
    """written_form for a question in written Cantonese or with Taiwan/Hong Kong variant characters (係咪, 嗰度, 咗;
    連著), the question itself otherwise: the judge reads those in their written form, as the search does, and northern
    spoken words (啥, 咋) as typed (its own tables know them: answerability/units.ZH_ASKING)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    from index.normalize import to_simplified

    plain = to_simplified(text)
    if _CANTONESE.search(plain) or _COPULA_TRADITIONAL.search(text) or (
        plain != text and _regional()[3].convert(text) != plain
    ):
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
    copula = bool(_COPULA_TRADITIONAL.search(text))  # 係 alone: jieba glues t2s's 系 to a noun (网格员系)
    typed = _COPULA_TRADITIONAL.sub("是", text) if copula else text
    # Taiwan's and Hong Kong's variant characters in their standard form (連著 → 连着, where t2s leaves 著: 著名 stays)
    simplified = _regional()[3].convert(typed) if plain != text else plain
    written = _SPOKEN.sub(lambda m: SPOKEN[m.group(0)], _WHERE_WORKS.sub("在哪里工作", simplified))
    written = _WHICH_ONE.sub(_which_one, written)
    copula = copula or bool(_CANTONESE.search(simplified))
    if copula or _WHICH_BY_MEASURE.search(written):
        written = _cantonese_words(written, copula)  # 边几; and 系, 话, 咩, 晒 in a Cantonese question
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


# south-western 好多 'how many' before a measure word or a counted noun (好多个片区, 好多家走了, 治了好多年): in a question
# that asks with no other word it is 多少 (in Mandarin 好多 is 'many': 好多企业都关了，关了几家？ keeps it)
_HOW_MANY = lazy_compile(r"好多(?=[个個家台人年天项項件条條座位名次亿億万萬元吨噸辆輛片所块塊])")
_OTHER_ASKING = lazy_compile(
    r"多少|[几幾]|什么|什麼|谁|誰|哪|如何|为何|為何|为啥|為啥|吗|嗎|是否|啥|有没有|有沒有|是不是|[?？]\s*\S"
)


def how_many_written(question: str) -> str:
    """South-western 好多 'how many' as 多少 when nothing else in the question asks (竹埠港企业退出咋个样了，好多家走了？ asks
    how many firms left): for the search's terms only (retriever/query.py), not for the judge, which reads
    the question as typed (a count asked where the text words it otherwise would weigh against an answer)."""
    if _HOW_MANY.search(question) and re.search(r"[？?]\s*$", question) and not _OTHER_ASKING.search(
        _HOW_MANY.sub("", question)
    ):
        return _HOW_MANY.sub("多少", question)
    return question
