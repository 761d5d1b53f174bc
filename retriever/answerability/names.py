"""Words the transcript does not know: questions without a content word (nonsense) and unknown names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from index.common_glossed import SURNAMES, common_person_word, common_word, person_name
from index.normalize import CJK, canonical
from retriever.answerability.comparison import yardstick
from retriever.answerability.units import Unit, chinese_units, english_units, pos_tagger, tagged_around

Contains = Callable[[str], bool]

_INTERJECTIONS = frozenset("嗯啊哈呵哦噢喔呀嘿喂唉哎呃额嘻咦哇嗨")
_GREETINGS = re.compile(
    r"你好|您好|大家好|哈喽|嗨|谢谢|多谢|再见|拜拜|在吗|在不在|早上好|早安|午安|晚上好|晚安|好的|好吧|没事了?|不客气"
    # a channel check before dictating (喂喂，听得到吗; can you hear me): no question yet
    r"|谁谁谁?|某某|什么什么|就这样吧?|算了吧?"  # a placeholder (谁谁谁) and a give-up (好吧就这样) name nothing
    r"|(?:就是)?(?:那个|这个|那|这)(?:啥|什么|谁)(?:来着)?"  # the tip of the tongue (就是那个啥来着): nothing named yet
    r"|喂+|(?:能|可以)?听(?:得|的)?(?:到|见|清|清楚)(?:我|我说话)?(?:吗|了吗|不)|有声音(?:吗|了吗)|(?:在)?录(?:音|上)了吗"
    r"|\b(?:can you hear me|is this (?:thing )?on|mic check|testing)\b"
    r"|\b(?:hello|hiya|hi|hey|yo|huh|thanks?(?: a lot)?|thank you(?: very much)?|bye|ok(?:ay)?"
    r"|good (?:morning|afternoon|evening|night|day)|greetings|how are you(?: doing)?(?: today)?|what's up|sup|nice to meet you"
    r"|bonjour|salut|merci(?: beaucoup)?|hola|gracias|ciao|hallo|danke|guten (?:tag|morgen|abend)|ni ?hao|xie ?xie|zai ?jian)"
    r"(?:,? (?:everyone|everybody|all|guys|folks|friends|there|again|so much))?\b",  # good morning everyone
    re.I,
)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_FILLERS = frozenset(
    """test testing tests lol lmao haha hehe hmm emm yes yeah yep nope whatever nothing something anything blah lorem
    ipsum foo bar baz 测试 试试 测一下 好的 是的 哈哈 呵呵 你好 您好 谢谢 再见 在吗""".split()
)
_COLUMNS = {a: b for col in ("qaz", "wsx", "edc", "rfv", "tgb", "yhn", "ujm", "ik", "ol") for a, b in zip(col, col[1:])}
_VOWEL = re.compile(r"[aeiouy]")
_NAMED_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "eng"}
_GENERIC_PLACE = re.compile(r"^[大小内外]?[河海岛山湖江]+$")  # landform words (大河, 海岛) are not named places
_AREA = re.compile(r"(?<=..)(?:地区|省|市|县)$")  # 台湾地区, 湖南省: the place the text writes as 台湾, 湖南


def is_word(unit: Unit, question: str = "", lexicon: dict | None = None) -> bool:
    """Whether a content word is a word at all: not digits, interjections, fillers or a key mash (a run of keyboard
    keys, one letter or one stretch repeated: asdfasdf). An acronym the question writes in capitals (PPP) is a word;
    with the lexicon, a Latin word must also be common English, pinyin, a word the lexicon maps, or capitalised
    after the first word (a name the unknown-name check reports)."""
    label = unit.label
    if label in _FILLERS or re.fullmatch(r"[\d.,%]+", label):
        return False
    if CJK.search(label):
        return any(CJK.match(c) and c not in _INTERJECTIONS for c in label)
    acronym = len(label) >= 2 and re.search(rf"(?<![A-Za-z]){re.escape(label.upper())}(?![A-Za-z])", question)
    if len(unit.forms) > 1 or acronym or re.search(r"[a-z]\d", label):  # pm2.5, so2: a chemical or a standard
        return True  # the lexicon knows it (pinyin, a gloss), or written as an acronym
    if len(label) >= 2 and CJK.search(question) and re.search(rf"(?<![A-Za-z]){re.escape(label[0].upper())}"
                                                              rf"{re.escape(label[1:])}(?![a-z])", question):
        return True  # a capitalised Latin word in a Chinese question is a name (什么是Gtk♯: no vowel, no mash)
    if len(label) < 2 or not _VOWEL.search(label) or any(label in row for row in _KEYBOARD_ROWS) or _mashed(label):
        return False
    from index.lexicon import english_vocabulary, is_english_word
    from index.pinyin import is_pinyin

    if not lexicon or not label.isalpha() or not english_vocabulary(lexicon):
        return True  # no common-English list to tell words from strings (a lexicon built before it was kept)

    written = re.search(rf"(?<![A-Za-z]){re.escape(label)}(?![a-z])", question, re.I)
    capitalised = bool(written) and written.start() > 0 and written.group(0)[0].isupper()
    return capitalised or is_english_word(label, lexicon) or is_pinyin(label)


def _mashed(word: str) -> bool:
    """A key mash: one letter or stretch repeated (aaaa, asdfasdf, jkjkjk), or keys down the keyboard's columns (qazwsx)."""
    if len(word) >= 3 and re.fullmatch(r"(.{1,4}?)\1+", word):
        return True
    return len(word) >= 4 and all(a in _COLUMNS and b == _COLUMNS[a] for a, b in zip(word[::2], word[1::2]))


def nonsense(question: str, lexicon: dict[str, list[str]], terms: Sequence[str] | None = None,
             contains: Contains | None = None) -> float:
    """1.0 when the question holds no content word: only emoji, punctuation, digits, interjections, greetings,
    fillers (test, 测试) or key runs (asdfghjkl); a pasted address, file path or code, a test message or a polite
    opening with nothing after it; Chinese characters strung so that no two make a word (with contains).

    Args:
        question: the question.
        lexicon: the index's lexicon (English and pinyin words it maps).
        terms: the question's BM25 terms (default: tokenised here).
        contains: whether a text occurs in some passage (a word of the text is a word, whatever jieba knows).
    """
    from retriever.answerability.keys import span_pointer, written_figure

    if written_figure(question):
        return 0.0  # 604台: a figure with its measure word is a search key (keys.py)
    if code_only(question):
        return 1.0
    if terms is None:
        from index.tokenize import tokenize

        terms = tokenize(question)
    text = _DICTATED.sub(" ", _GREETINGS.sub(" ", _JUNK.sub(" ", canonical(question))))
    left = re.sub(r"\s+", "", text)
    if contains is not None:
        left = _WORDLESS_RUN.sub(lambda m: m.group(0) if makes_word(m.group(0), contains) else "", left)
    chinese = [t for t in terms if not t.isascii() and canonical(t).strip() and canonical(t).strip() in left]
    # 这句话是谁说的 with no sentence pasted: 这句, 话 point at nothing (keys.py)
    units = [u for u in chinese_units(chinese) if not span_pointer(u.label)] + english_units(text, lexicon)
    return 0.0 if any(is_word(u, question, lexicon) for u in units) else 1.0


# (session 30, fa12) junk readers send that is no question at all, taken off before words are looked for: a pasted web
# address or file path, a test message (测一下, 试试看), a polite opening with nothing after it (不好意思, 可以问你个问题吗,
# may I ask?, I have a question); what is left of a real question around them is read as before.
_JUNK = re.compile(
    r"(?:https?|ftp)://\S+|(?<![\w.@])www\.[\w.-]+(?:/\S*)?"
    r"|(?<![A-Za-z])[A-Za-z]:[\\/](?:[^\\/\n]*[\\/])*[^\\/\s]*"  # C:\Users\…\a.docx, C:/Program Files/…
    r"|(?<![\w.])(?:~|\.{1,2})?/(?:[^/\s]+/)+[^/\s]*"  # /home/user/a.pdf, ~/Downloads/a.zip
    r"|[^\s/\\]+(?: \(\d+\))?\.(?:txt|docx?|xlsx?|pptx?|pdf|zip|rar|7z|jpe?g|png|gif|exe|log|csv|json|py|js|html?)(?![A-Za-z])"
    r"|(?<![检监观预推])测试(?:一下|下|消息|测试)?|测一下|测测|(?<!尝)试一?试看?(?![点验行用])|试一下|试下"
    r"|不好意思|打扰(?:了|一下|您了|你了)?|冒昧(?:地)?|请教(?:一下|请教)?|请问(?:一下|请问)?"
    r"|(?:我|想|能|可以|能不能|可不可以|方便)*(?:问|请教)(?:你|您)?(?:一|几)?(?:个|下)(?:问题)?(?:吗|么|嘛|不)?"
    r"|我?有(?:一)?个问题|问个问题"
    r"|\b(?:excuse me|sorry(?: to (?:bother|trouble|disturb) you)?|(?:may|can|could) i ask(?: you)?(?: (?:something|a"
    r"(?: quick)? question))?|i (?:have|got) a (?:quick )?question|(?:a )?quick question|questions?,? please"
    r"|i (?:want|would like|'d like) to ask(?: (?:something|a question))?|just testing|this is a test)\b",
    re.I,
)
# a run of Chinese characters (at least three) that may hold no word at all: 禽予结住, 仅油雨界达 (random characters)
_WORDLESS_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
_MARKUP = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_CODE_LINE = re.compile(
    r"\s*(?:import\s+[\w.]+(?:\s+as\s+\w+)?|from\s+[\w.]+\s+import\s+.+|(?:def|class)\s+\w+.*:.*"
    r"|(?:for|while)\s+\w+\s+in\s+[^?]+:\s*\w*|select\s+\*\s+from\s+.+|select\s+.+\s+from\s+\w+.*;|#include\s*<.+>"
    r"|\$\s+[a-z]\w*(?:\s+\S+)*|[\w.]+\s*=\s*[^?]+"
    r"|(?-i:[a-z_])[\w.]*\([^()]*\)(?:\s*[;:.]\s*\w*)*)\s*;?\s*",
    re.I,
)


def code_only(question: str) -> bool:
    """Whether a question is code or markup pasted and nothing else (print("hello"), for i in range(10): pass, a = b,
    <div>test</div>, SELECT * FROM t;): no Chinese, no question mark, the whole of it code."""
    if CJK.search(question) or "?" in question or "？" in question:
        return False
    if _CODE_LINE.fullmatch(question):
        return True
    rest = _MARKUP.sub(" ", question)
    return rest != question and not re.search(r"[A-Za-z]{2,}", _FILLER_WORDS.sub(" ", rest))


_FILLER_WORDS = re.compile(r"\b(?:test|testing|hello|hi)\b", re.I)


def makes_word(run: str, contains: Contains) -> bool:
    """Whether two to four neighbouring characters of a run of Chinese characters make a word: of jieba's dictionary or
    written by the text (竹埠港 by the text, 网格 by the dictionary); random characters (禽予结住) make none."""
    return any(
        is_dictionary_word(run[i : i + n]) or contains(run[i : i + n])
        for n in (2, 3, 4) for i in range(len(run) - n + 1)
    )


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![a-z])")
# a dictating speaker's fillers (session 22, readers18: 呃呃 那个 就是说 嗯; uh, um so like): a question of them alone
# names nothing, whatever the tagger makes of 嗯 or 就是说
_DICTATED = re.compile(
    r"[嗯呃]+|就是[说說]|然[后後]|那[个個]|[这這][个個]|[来來]着|对吧|"
    r"(?<![A-Za-z])(?:u+h+|u+m+|e+rm+|h+m+|you know|i mean|like|so|well|okay|ok)(?![A-Za-z])",
    re.I,
)


@lru_cache(maxsize=1)
def _acronym_terms() -> dict[str, tuple[str, ...]]:
    """The domain glossary's Chinese terms of each acronym it lists (epb → 环保局 环保部门 环境保护局)."""
    from index.glossary import entries

    out: dict[str, tuple[str, ...]] = {}
    for phrases, terms in entries():
        for phrase in phrases:
            if re.fullmatch(r"[a-z][a-z0-9.]{1,6}", phrase):
                out[phrase] = out.get(phrase, ()) + terms
    return out


def glossed_acronym(word: str, contains: Callable[[str], bool]) -> bool:
    """Whether an acronym (EPB, MEP) stands for a term the text writes in Chinese (环保局, 环境保护部): the
    numbers-and-acronyms reader's shorthand of a name the text gives, not a name it never writes (COD, NGO)."""
    return any(len(t) >= 2 and contains(t) for t in _acronym_terms().get(word.lower(), ()))


def is_dictionary_word(word: str) -> bool:
    """A word of jieba's dictionary (北京) is meant as written; only other strings can be slips (黄镖)."""
    return pos_tagger().dt.tokenizer.FREQ.get(word, 0) > 0


def written_apart(word: str, contains: Contains) -> bool:
    """Whether a Chinese compound of three or more characters is written by the text in pieces of two or more
    characters, one after another (燃煤锅炉数量: 燃煤 + 锅炉 + 数量) or overlapping by a character (转变成: 转变 + 变成):
    the text names it in other words' order, not never. 常住人口 is not: the text never writes 常住."""
    if len(word) < 3 or not word.isalpha() or word.isascii():
        return False
    if len(word) == 3:
        return contains(word[:2]) and contains(word[1:])
    reach = [True] + [False] * len(word)
    for end in range(2, len(word) + 1):
        reach[end] = any(reach[start] and contains(word[start:end]) for start in range(end - 1))
    return reach[-1]


def sounds_written(word: str, contains: Contains, known: Callable[[str], bool]) -> bool:
    """Whether a Chinese word reads like the text's words (index.pinyin.sounds_known: 燃媒 ≈ 燃煤), also with one
    character before or after the slipped stretch (排茶率: 排茶 ≈ 排查, and 率; 平太叫: 平太 ≈ 平台, and 叫): the
    segmenter glues a character the slip took from its neighbour, and a one-character piece reads like too much."""
    from index.pinyin import sounds_known

    if sounds_known(word, contains, known):
        return True
    return len(word) >= 3 and (sounds_known(word[:-1], contains, known) or sounds_known(word[1:], contains, known))


WELL_KNOWN = 1000  # jieba's count of a place everyone knows (上海 16377, 成都 2770); slips are rare words (株州 4, 三原 32)


def well_known(word: str) -> bool:
    """A name common enough in jieba's dictionary that nobody writes it for another word (上海, 北京, 东京)."""
    return pos_tagger().dt.tokenizer.FREQ.get(word, 0) >= WELL_KNOWN


def unknown_names(
    question: str,
    contains: Contains,
    lexicon: dict | None = None,
    known: Callable[[str], bool] | None = None,
    names: Sequence[str] = (),
) -> list[str]:
    """Named things in a Chinese question that occur in no passage (looked up in canonical form: 南陽 is 南阳).

    Args:
        question: the question.
        contains: whether a text occurs in some passage.
        lexicon: the index's lexicon; a Latin word that looks known (index.lexicon.looks_known) is no unknown name.
        known: whether a term is in the BM25 vocabulary; a Chinese name that sounds like index words
            (a homophone slip: 黄镖车 for 黄标车) is no unknown name.
        names: names the index knows (its speakers' names and cities); the tagger never cuts across them
            (张海冰上任后 is not 张海|冰上|任后).
    """
    from index.lexicon import looks_known
    from retriever.answerability.roles import body_kind_written, province_written

    found = []
    text = canonical(question)
    acronyms = {a.lower() for a in _ACRONYM.findall(question)}  # GDP, CEO: names, not English words
    for word, tag, start in joined_names(tagged_around(text, names)):
        offset = start + len(word)
        named = tag in _NAMED_TAGS or (tag == "m" and re.search(r"\d{2,}", word))
        if named and tag == "m" and yardstick(text, start, offset):
            named = False  # 是否超过1000名: the asker's yardstick, not a figure the text must write
        if tag == "ns" and (_GENERIC_PLACE.search(word) or common_word(word)):
            named = False
        word = word.strip()
        if not named or len(word) < 2 or contains(word):
            continue
        if tag == "ns" and _AREA.search(word) and contains(_AREA.sub("", word)):
            continue  # the place without its kind of area (台湾 of 台湾地区) is written
        if tag == "ns" and province_written(word, contains) or body_kind_written(word, contains):
            continue  # 广东 where the text writes 广州, 上市公司 where it writes 上市企业: a role's words (roles.py)
        if tag.startswith("nr") and not person_name(word) and (written_apart(word, contains) or common_person_word(word)):
            continue  # 空气监测 (tagged nr): no surname, and the text writes 空气 and 监测; 籍贯 (tagged nr): a common word
        if lexicon and word.isascii() and word not in acronyms and looks_known(word, lexicon):
            continue
        if word.isascii() and word.lower() in acronyms and glossed_acronym(word, contains):
            continue  # Dalian EPB: the text writes 大连市环保局
        if known is not None and cut_across_term(text, start, offset, known, contains):
            continue  # 上门查黄标车 cut 查黄|标车: the tagger's name splits the text's 黄标车
        if not word.isascii() and (written_with_synonym(word, contains, known) or glued_particle(text, start, word, contains)):
            continue  # 武艺超群 where the text writes 武功超群; 鸡毛松才可以 cut 鸡毛|松才
        if tag.startswith("nr") and len(word) == 2 and _COUNT_BEFORE.search(text[:start]):
            continue  # (persona25) 哪两张网, 多少钱建站点: a count's measure word or noun (张, 钱) read as a surname
        # a place name may be a slip too (株州 for 株洲, 三原 for 三源): only other dictionary words, and places everyone
        # knows (上海, not a slip for 伤害), are meant as written
        slip = tag == "ns" and not well_known(word) or not is_dictionary_word(word)
        if known is not None and not word.isascii() and slip:
            # the slip may cut a word short (黄镖|车 for 黄标车): try it with a neighbouring character or two
            windows = [text[max(0, start - b) : offset + a] for b in (0, 1) for a in (0, 1, 2)]
            if any(sounds_written(w, contains, known) for w in windows):
                continue
        found.append(word)
    return found


def unknown_roles(question: str, contains: Contains, names: Sequence[str] = ()) -> list[str]:
    """Titles a Chinese question asks about that the text never writes (市长对空气质量有什么评价 where nobody is a
    市长 and no passage says 市长): a role no one holds names no one, as an unknown name does. A role the text writes
    (水务局局长 where it writes 局长) is known: the asked person may be the one it gives that title."""
    from index.structure.people import TITLES

    found = []
    for word, tag, _ in tagged_around(canonical(question), names):
        word = word.strip()
        title = next((t for t in TITLES if word.endswith(t)), "")
        if not title or tag.startswith(("v", "m")) or contains(word) or contains(title) or word in found:
            continue
        found.append(word)
    return found


def written_with_synonym(word: str, contains: Contains, known: Callable[[str], bool] | None = None) -> bool:
    """Whether the text writes the word with a two-character part in a near-synonym's form (武艺超群 as 武功超群:
    heads.near_synonyms), the near-synonym a word of the text (heads.written_word; known: the BM25 vocabulary)."""
    from retriever.answerability.heads import near_synonyms, written_word

    for i in range(len(word) - 1):
        for other in near_synonyms(word[i : i + 2]):
            if contains(word[:i] + other + word[i + 2 :]) and written_word(other, contains, known):
                return True
    return False


_FUNCTION_TAGS = frozenset({"d", "c", "p", "u", "ul", "uj", "uz", "ug", "uv", "ud", "r"})


def glued_particle(text: str, start: int, word: str, contains: Contains) -> bool:
    """Whether the tagger glued a name's last character to a function word after it (鸡毛松才可以 cut 鸡毛|松才: the text
    writes 鸡毛松, and 才 is an adverb): the word's first character ends the text's word before it, the rest is one
    function character."""
    if len(word) != 2 or start < 2:
        return False
    rest = list(pos_tagger().cut(word[1]))
    # (persona21) or the first character is what a count before it counts (多少钱才把 cut 多少|钱才)
    counted = re.search(r"(?:多少|[几幾]|\d)$", text[:start]) is not None
    return bool(rest) and rest[0].flag in _FUNCTION_TAGS and (counted or contains(text[start - 2 : start + 1]))


_COUNT_BEFORE = re.compile(r"(?:多少|[几幾哪两兩三四五六七八九十]|\d)$")  # a person is not counted straight before a surname
_GIVEN_NAME_TAGS = frozenset({"ns", "nr", "nz", "a", "ng"})  # what the tagger makes of a given name cut off (李|大海)


def joined_names(tagged: Sequence[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The tagged words of a question with a lone surname (tagged nr) joined to the given name the tagger cut off
    after it (李|大海 -> 李大海, 赵|明亮 -> 赵明亮), so that a person the text never names is checked as a whole. Only
    a word of one or two characters tagged as a name or an adjective joins: a title (张|局长) does not."""
    out: list[tuple[str, str, int]] = []
    skip = False
    for i, (word, tag, start) in enumerate(tagged):
        if skip:
            skip = False
            continue
        after = tagged[i + 1] if i + 1 < len(tagged) else None
        if (
            tag == "nr" and len(word) == 1 and word in SURNAMES and after is not None
            and 1 <= len(after[0]) <= 2 and after[1] in _GIVEN_NAME_TAGS and not after[0].isascii()
        ):
            out.append((word + after[0], "nr", start))
            skip = True
            continue
        out.append((word, tag, start))
    return out


def cut_across_term(text: str, start: int, stop: int, known: Callable[[str], bool], contains: Contains) -> bool:
    """Whether text[start:stop], a word the tagger cut, straddles a term of the index that the text writes: a term of
    2–4 characters that begins inside the word and ends after it, or begins before it and ends inside it (查黄|标车
    of 查黄标车: 黄标车). Such a word is the segmenter's slip, not a name."""
    for begin in range(max(0, start - 3), stop):
        for end in range(begin + 2, min(len(text), begin + 4) + 1):
            straddles = (start < begin < stop < end) or (begin < start < end < stop)
            term = text[begin:end]
            if straddles and known(term) and contains(term):
                return True
    return False


# The small words title case leaves in lower case (How Does Nanyang Protect the Water Source of the …).
_TITLE_LOWER = frozenset("a an the and but or nor for so yet of on in at to by up as via per vs".split())


def title_case(question: str) -> bool:
    """True when most words after the first are capitalised, the small words title case leaves alone (of, the, to)
    not counted: capitals then say nothing about names. A sentence-case question whose capitals are its names (What
    did Li Dahai say about Xiangtan?: did, say and about are lower case) is not in title case."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", question)[1:] if w.lower() not in _TITLE_LOWER]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 2 > len(words)


_SPOKEN_FILLER = re.compile(r"那个|这个|就是说|就是|然后|那么|那|嗯+|呃+|啊+")


def greeting_only(question: str) -> bool:
    """True when a question is only greetings, a channel check, interjections and spoken fillers (喂喂听得到吗那个嗯,
    hello can you hear me): it asks nothing, so nothing of the conversation completes it."""
    text = _GREETINGS.sub(" ", canonical(question))
    text = _SPOKEN_FILLER.sub("", text)
    return not re.sub(rf"[\W_{''.join(_INTERJECTIONS)}]+", "", text)
