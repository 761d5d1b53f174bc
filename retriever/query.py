"""The question side's first step: check and tidy a query, then analyse it (language, BM25 terms)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.abbreviations import LEVELS
from index.abbreviations import expansions as abbreviation_expansions
from index.colloquial import how_many_written, mainland, regional_written, written_form
from index.errors import InvalidQueryError
from index.everyday import everyday
from index.lexicon import stem
from index.lexicon_query import hanzi_for_pinyin, translate
from index.normalize import CJK, CJK_RUN, canonical, is_chinese, narrow, readable, without_particles
from index.spelling import toneless_latin, written_out
from index.stopwords import ZH_QUERY_FILLER
from index.synonyms import synonyms
from index.tokenize import tokenize, tokenize_around
from retriever.answerability.preamble import unframed

MAX_QUERY_CHARS = 512
# Controls, zero-width and bidi marks, and lone surrogates (argv bytes that are not UTF-8 arrive as
# surrogates and cannot be encoded for the embedder).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff\ud800-\udfff]")
_LATIN = re.compile(r"[A-Za-z]")
Known = Callable[[str], bool]  # is this term in the index's BM25 vocabulary


def clean_query(query: object, holding: str = "the transcript") -> tuple[str, str]:
    """Check and tidy a query (full-width letters and digits as ASCII, tone marks and control characters dropped,
    whitespace collapsed); holding names what the index holds (Retriever.holding.en: the transcript, the
    documents, a document's title) for the error about an empty query.

    Returns:
        (the query to search, a notice for the user: '' or why it was shortened).

    Raises:
        InvalidQueryError: not a string, or nothing left once control characters and
            whitespace are removed.
    """
    if not isinstance(query, str):
        raise InvalidQueryError(f"query must be a string, got {type(query).__name__}")
    text = toneless_latin(narrow(_CONTROL.sub(" ", query)))  # Ｄａｌｉａｎ, Dàlián → Dalian (index/spelling.py)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InvalidQueryError(f"query is empty; type a question about {holding}")
    notice = ""
    if len(text) > MAX_QUERY_CHARS:
        notice = (
            f"问题过长，只使用了前 {MAX_QUERY_CHARS} 个字符 "
            f"(query truncated to its first {MAX_QUERY_CHARS} of {len(text)} characters)"
        )
        text = text[:MAX_QUERY_CHARS]
    return text, notice


@dataclass(frozen=True)
class ParsedQuery:
    """A question ready to search: its text, language and BM25 terms (the vector is computed by the caller).

    ``text`` is the question as typed (cleaned); ``search_text`` the form the embedder reads
    (index.normalize.readable: simplified, ASCII letters and digits; spoken words in their written form,
    index.colloquial). ``terms`` are its exact
    BM25 terms, with the written terms of its everyday words (index.everyday: 厂子 → 企业) (shown to the user, used
    for highlighting and coverage); ``expansions`` are
    weaker sparse terms (pinyin, index.pinyin) searched with them.
    """

    text: str
    lang: str  # 'zh' or 'en'
    terms: tuple[str, ...]
    notice: str = ""
    search_text: str = ""
    expansions: tuple[str, ...] = ()
    typed: str = ""  # the question as typed when text corrects its homophone slips (retriever/slips.py), else ''

    @property
    def sparse_terms(self) -> tuple[str, ...]:
        """Every term the BM25 run searches: the exact terms, then the expansions."""
        return self.terms + self.expansions


def query_terms(text: str, lexicon: dict[str, list[str]], names: Iterable[str] = ()) -> list[str]:
    """Exact BM25 terms of a question, with the index's names (its speakers) never cut together with their
    neighbours and without its question words (index.stopwords.ZH_QUERY_FILLER: 怎么办, 什么样); its English and
    pinyin words are also mapped to Chinese terms (index/lexicon.py), and its Chinese words that are no term to the
    terms of the same meaning (index/synonyms.py: 烧煤 → 燃煤)."""
    terms = [t for t in tokenize_around(text, names) if t not in ZH_QUERY_FILLER]
    terms += [s for s in dict.fromkeys(s for t in terms for s in synonyms(t, lexicon)) if s not in terms]
    if lexicon and _LATIN.search(text):
        terms += [t for t in translate(canonical(text), lexicon, text) if t not in terms]
    return terms


RECUT_MIN, RECUT_MAX = 3, 6  # the lengths of the index words looked for across the question's unknown words


def recut_terms(text: str, terms: list[str], known: Known) -> list[str]:
    """Index words of three characters or more that the question holds across its words the index does not know.

    jieba guesses a word its dictionary lacks from its neighbours, so one term is cut differently by its contexts:
    全面推行河长制 gives 河长制, 搞河长制 gives 搞河 | 长制. The characters of adjacent unknown words (搞河长制) are
    read again for the index's own words (河长制). Nothing about one transcript: only what the index holds.
    """
    folded = canonical(text)
    unknown = sorted({(m.start(), m.end()) for t in terms if len(t) >= 2 and CJK.search(t) and not known(t)
                      for m in re.finditer(re.escape(t), folded)})
    runs: list[list[int]] = []
    for start, end in unknown:  # adjacent or overlapping unknown words: one run
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    found = (
        folded[a : a + n]
        for start, end in runs
        for n in range(RECUT_MIN, min(RECUT_MAX, end - start) + 1)
        for a in range(start, end - n + 1)
    )
    return [w for w in dict.fromkeys(found) if w not in terms and CJK_RUN.match(w) and known(w)]


def everyday_terms(terms: list[str], lexicon: dict[str, list[str]], known: Known) -> list[str]:
    """The index terms of the question's everyday words that are no index term themselves (index/everyday.py:
    厂子 → 企业, 冬天 → 冬季); a word the index holds keeps its exact match alone."""
    found = (w for t in terms if not t.isascii() and not known(t) for w in everyday(t, lexicon))
    return [w for w in dict.fromkeys(found) if w not in terms]


def regional_terms(terms: list[str], known: Known) -> list[str]:
    """The index terms of the question's Taiwan and Hong Kong words that are no index term themselves (index.colloquial
    .mainland, OpenCC's regional phrases: 资讯 → 信息, 网路 → 网络); a word the index holds keeps its exact match alone."""
    found = (w for t in terms if not t.isascii() and not known(t) for w in tokenize(mainland(t)) if mainland(t))
    return [w for w in dict.fromkeys(found) if w not in terms and known(w)]


def shorthand_terms(terms: list[str], lexicon: dict[str, list[str]], known: Known) -> list[str]:
    """The index words of the full names the question's official shorthand stands for (index/abbreviations.py: 省厅 →
    省环保厅 → 环保, 厅; 部里 → 环境保护部), for a shorthand that is no index term; the level character alone (省) is
    left out: it would match every place of that level."""
    found = (
        w
        for t in terms
        if not t.isascii() and not known(t)
        for name in abbreviation_expansions(t, lexicon)
        for w in tokenize(name)
        if w not in LEVELS
    )
    return [w for w in dict.fromkeys(found) if w not in terms and known(w)]


def _carried(term: str, text: str, lexicon: dict[str, list[str]], known: Known) -> bool:
    """A Latin word of a Chinese question that the index lacks but whose meaning its Chinese terms now carry
    ('dalian' → 大连): not a term of its own, so it counts neither for matching nor against coverage."""
    if not term.isascii() or not _LATIN.search(term) or known(term):
        return False
    if stem(term) in lexicon or term in lexicon:
        return True
    remaining = {w.lower() for w in re.findall(r"[A-Za-z]+", hanzi_for_pinyin(canonical(text), lexicon))}
    return term not in remaining


def expansion_terms(
    text: str, terms: list[str], known: Known | None, lexicon: dict[str, list[str]] | None = None
) -> list[str]:
    """Pinyin terms of a question: for Chinese stretches that are not index words (typos), and for pinyin words;
    and the ``en:`` gloss tokens of its English words.

    Args:
        text: the question.
        terms: its exact terms.
        known: whether a term is in the index's vocabulary; None skips the Chinese part.
        lexicon: the index's lexicon, to look English words up by their base forms (None: by their stems).
    """
    from index.lexicon_query import query_english
    from index.pinyin import chinese_pinyin, latin_pinyin

    out = []
    slips = [t for t in terms if len(t) >= 2 and CJK.search(t) and not known(t)] if known is not None else []
    if slips:
        out += chinese_pinyin(canonical(text), known, slips)
    if _LATIN.search(text):
        out += latin_pinyin(canonical(text)) + query_english(canonical(text), lexicon)
    return list(dict.fromkeys(out))


_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d{2}")  # a year sets the question's time (the 2016 forum): the text writes it everywhere
FIGURE_REPEAT = 2  # how many more times the sparse run counts a figure an English question names


def named_figures(lang: str, terms: Sequence[str], known: Known | None) -> tuple[str, ...]:
    """The figures an English question writes (992, 11.1; two characters or more) that are index terms, repeated
    FIGURE_REPEAT times: searched again beside the exact terms, so that BM25 weighs them more.

    A reader quoting a figure and asking what it counts (What does the figure 992 refer to in Jining?) shares with the
    Chinese text only that figure: the rest of the question is English words mapped to Chinese glosses (论坛 of forum,
    数 of count), each as heavy in BM25 as the one exact term, and the embedder reads no figure across the languages,
    so the passage writing 992 ranked below the city's overview (session 29, persona27: reverse-lookup variants R@1
    12 of 25). A Chinese question is left as it is: its own words are exact terms of the text already; a year (the
    2016 forum) is no quoted figure but the question's time, which the text writes in many passages (repeated, it cost
    four tune English questions their BM25 rank: p059, q086, q141, zm053).
    """
    if lang == "zh" or known is None:
        return ()
    figures = [t for t in dict.fromkeys(terms) if len(t) >= 2 and _FIGURE.fullmatch(t) and not _YEAR.fullmatch(t) and known(t)]
    return tuple(f for f in figures for _ in range(FIGURE_REPEAT))


def embedding_text(text: str, lexicon: dict[str, list[str]]) -> str:
    """The question as the embedder reads it: the readable() form with pinyin names in characters.

    'dalian guolu 拆了多少' is read as '大连 锅炉 拆了多少' and 'How does Nanyang …' as 'How does 南阳 …'
    (index.lexicon.hanzi_for_pinyin): the multilingual embedder matches names better in characters.
    """
    text = readable(text)
    if lexicon and _LATIN.search(text):
        text = hanzi_for_pinyin(text, lexicon)
    return text


# The titles a reader puts after a speaker's surname (张局长, 区副总裁); a speaker holds those his title or role holds.
TITLES = (
    "副局长", "局长", "副厅长", "厅长", "副部长", "部长", "副市长", "市长", "副县长", "县长", "副书记", "书记", "副主任", "主任",
    "副总裁", "总裁", "总经理", "副总经理", "董事长", "总编辑", "主编", "副处长", "处长", "科长", "院长", "所长", "主席",
    "教授", "研究员",
)


def title_aliases(speakers: Iterable[object]) -> dict[str, str]:
    """Surname + title -> the speaker it names (张局长 -> 张海冰, 区副总裁 -> 区锦雄), for the titles a speaker's title or
    role holds (a 副局长 is also addressed as 局长), where exactly one speaker has that surname and title. The host and a
    name that is no person's two or three ideographs (中国环境报) get none."""
    found: dict[str, set[str]] = {}
    for s in speakers:
        name, title, role = getattr(s, "name", ""), getattr(s, "title", ""), getattr(s, "role", "")
        if not 2 <= len(name) <= 3 or not CJK_RUN.match(name) or "主持" in title + role:
            continue
        held = {t for t in TITLES if t in title or t in role} | ({title} if len(title) >= 2 and CJK_RUN.match(title) else set())
        for t in held:
            found.setdefault(name[0] + t, set()).add(name)
    return {alias: next(iter(names)) for alias, names in found.items() if len(names) == 1}


def with_names(text: str, aliases: Mapping[str, str]) -> str:
    """The question with each surname + title that names one speaker written as the speaker's name (张局长 → 张海冰):
    the search reads it as it reads the question that names him (with the title kept, 局长 would weigh for every
    局长's passages and move the ranking away from the named one's)."""
    if not aliases:
        return text
    pattern = re.compile("|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)))
    return pattern.sub(lambda m: aliases[m.group(0)], text)


def query_lang(text: str) -> str:
    """'zh' or 'en': the language of the question itself, its asker's opening left out (我想了解一下，Who is …?: English;
    请问 + an English question is no Chinese one)."""
    return "zh" if is_chinese(unframed(text)) else "en"


def english_passage(text: str) -> bool:
    """A passage written in English: most of its characters Latin letters."""
    return sum(ch.isascii() and ch.isalpha() for ch in text) * 2 > len(text)


_GLOSS_WORD = re.compile(r"[a-z][a-z-]{2,}")


def english_glosses(lang: str, terms: Sequence[str], known: Known | None, english: Callable[[], bool] | None) -> list[str]:
    """The index's English words that CC-CEDICT glosses a Chinese question's words with, for each word that is no index
    term (臭氧 → ozone, 浓度 → concentration), when the index holds English text: a Chinese question about an English
    report is searched by what the report writes. Only short glosses (three words or fewer) give words."""
    if lang != "zh" or known is None or english is None:
        return []
    unknown = [t for t in terms if CJK.search(t) and not known(t)]
    if not unknown or not english():
        return []
    forms = (f for t in unknown for f in gloss_words(t))
    return [f for f in dict.fromkeys(forms) if known(f)]


@lru_cache(maxsize=1024)
def gloss_words(term: str) -> tuple[str, ...]:
    """The English words of a Chinese word's short CC-CEDICT glosses (three words or fewer; 浓度 → concentration,
    density…), each also in its plural and past forms (an index's English words are as written: boilers, closed)."""
    from index.lexicon import _GLOSS_NOISE, _all_definitions
    from index.stopwords import EN_STOPWORDS

    glosses = (_GLOSS_NOISE.sub("", g).strip().lower() for g in _all_definitions().get(term, ()))
    found = (w for g in glosses if 0 < len(g.split()) <= 3 for w in _GLOSS_WORD.findall(g) if w not in EN_STOPWORDS)
    return tuple(dict.fromkeys(f for w in dict.fromkeys(found) for f in (w, w + "s", w + "es", w + "d", w + "ed")))


def parse_query(
    query: object,
    lexicon: dict[str, list[str]],
    known: Known | None = None,
    names: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
    holding: str = "the transcript",
    contains: Known | None = None,
    english: Callable[[], bool] | None = None,
) -> ParsedQuery:
    """Clean a query and find its language and BM25 terms.

    Args:
        query: the question.
        lexicon: the index's English/pinyin lexicon.
        known: whether a term is in the index's BM25 vocabulary (for pinyin expansion of typos).
        names: the index's speakers' names, kept whole when the question is cut into words.
        aliases: surname + title -> speaker name (title_aliases): 张局长 is searched as 张海冰.
        holding: what the index holds, as the error about an empty query names it (see clean_query).
        contains: whether a text occurs in some passage; with it a Chinese question's homophone slips are written as
            the text writes them (retriever/slips.py: 交经 → 交警) and ``text`` is the corrected question (``typed``
            the question as typed).
        english: whether the index holds English text (read when needed); with it a Chinese question's words that are
            no index term are also searched by their English glosses (english_glosses: 臭氧 → ozone).

    The asker's opening and closing words (请问、我想了解一下、Could you tell me; thanks:
    retriever/answerability/preamble.py) ask nothing of the text: the terms, the embedded text and the language are
    those of the question without them, and an English question's Chinese particle (…river呢？) is left out too
    (``text`` stays as typed).

    Raises:
        InvalidQueryError: see clean_query.
    """
    text, notice = clean_query(query, holding)
    typed = ""
    if lexicon and (fixed := written_out(text)) != text:  # Pubang 的 VP → vice president (index/spelling.py)
        text, typed = fixed, text
    lang = query_lang(text)
    if lang == "zh" and known is not None and contains is not None:
        # written Cantonese in its written form first (發咗 is no slip for 发作, 上係 none for 上西: session 22)
        fixed = without_slips(regional_written(text), known, contains, [*names, *(aliases or {})])
        if fixed != text:
            text, typed = fixed, typed or text
    elif lang != "zh" and lexicon:  # Hsiang-tan, Ji Ning → Xiangtan, Jining; Dailan goverment → Dalian government
        fixed = respelled_words(text, lexicon, names)
        if fixed != text:
            text, typed = fixed, typed or text
    asked = unframed(text, contains)
    if asked != text and asked[:1].isascii() and asked[:1].islower():  # I'd like to know, which … → Which …
        asked = asked[0].upper() + asked[1:]
    if lang == "en":
        asked = without_particles(asked)  # How does … river呢？: English
    # 张局长 → 张海冰; spoken Chinese in its written form (咋 → 怎么, 打哪来 → 从哪里来): index/colloquial.py
    plain = written_form(with_names(asked, aliases or {}))
    if lang == "zh":
        plain = how_many_written(plain)  # (persona26) south-western 好多家走了？ asks 多少家: the search's terms only
    terms = query_terms(plain, lexicon, names)
    if lang == "zh" and known is not None and lexicon:
        terms = [t for t in terms if not _carried(t, plain, lexicon, known)]
    if known is not None:
        terms += recut_terms(plain, terms, known)
    terms += english_glosses(lang, terms, known, english)  # 臭氧 → ozone, in an index of English text
    if known is not None and lexicon:
        terms += everyday_terms(terms, lexicon, known)
        terms += regional_terms(terms, known)
        terms += shorthand_terms(terms, lexicon, known)
    return ParsedQuery(
        text=text,
        lang=lang,
        terms=tuple(terms),
        notice=notice,
        search_text=embedding_text(plain, lexicon),
        expansions=tuple(expansion_terms(plain, terms, known, lexicon or None)) + named_figures(lang, terms, known),
        typed=typed,
    )


def respelled_words(text: str, lexicon: dict[str, list[str]], names: Iterable[str] = ()) -> str:
    """An English question as the index spells it: names in Wade-Giles, postal or split pinyin written as the
    lexicon's pinyin (Hsiang-tan, Ji Ning → Xiangtan, Jining: index/romanisation.py), misspelt words and names as the
    words the lexicon knows (Dailan goverment → Dalian government: index/spelling.py, the one respeller, which
    pinyin_names also asks for a capitalised name) and a speaker named by honorific and surname given his full name
    (Mister Ou → Mister Ou Jinxiong)."""
    from index.lexicon import is_english_word
    from index.romanisation import pinyin_names, proper_name, titled_surnames
    from index.spelling import respelled, sentence_case

    pinyin = pinyin_names(text, lexicon, proper_name, lambda w: is_english_word(w, lexicon))
    return titled_surnames(sentence_case(respelled(pinyin, lexicon, proper_name), lexicon, proper_name), names)


def without_slips(text: str, known: Known, contains: Known, names: Iterable[str]) -> str:
    """The question with its homophone slips written as the text writes them (retriever/slips.py); the question
    itself when it has none. Slips are found in the question's canonical form; where that form is not one character
    for one (十吨 → 10吨), each slip is written where the question types it, when it types it once.

    A numeral read as a count hides a slip that starts with it (三元两河 reads 3元两河: 三元 is the text's 三源): where the
    canonical form writes counted numerals in digits, slips holding such a numeral are sought in the question with its
    numerals as typed too."""
    from retriever.slips import corrected, find_slips

    folded = canonical(text)
    slips = _placed(text, find_slips(folded, known, contains, names), folded, canonical)
    spelled = numerals_as_typed(text)
    if spelled != folded:
        counted = [s for s in find_slips(spelled, known, contains, names) if canonical(s.typed) != s.typed]
        for slip in _placed(text, counted, spelled, numerals_as_typed):
            if not any(s.start < slip.start + len(slip.typed) and slip.start < s.start + len(s.typed) for s in slips):
                slips.append(slip)
    return corrected(text, slips) if slips else text


def numerals_as_typed(text: str) -> str:
    """canonical() with Chinese numerals as typed (三元 stays 三元, not 3元)."""
    import unicodedata

    from index.normalize import to_simplified, unify_chars

    return to_simplified(unicodedata.normalize("NFKC", unify_chars(text))).lower()


def _placed(text: str, slips: list, form: str, fold: Callable[[str], str]) -> list:
    """Slips found in a form of the question, placed where the question types them (once, else dropped)."""
    from retriever.slips import Slip

    if len(form) == len(text):
        return [Slip(s.start, text[s.start : s.start + len(s.typed)], s.written) for s in slips]
    placed = []
    for slip in slips:
        n = len(slip.typed)
        at = [i for i in range(len(text) - n + 1) if fold(text[i : i + n]) == slip.typed]
        if len(at) == 1:
            placed.append(Slip(at[0], text[at[0] : at[0] + n], slip.written))
    return placed
