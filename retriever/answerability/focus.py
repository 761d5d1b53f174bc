"""The asked attribute of a question: the content words next to its question word, and the event a when/where
question asks about (focus_units, asked_event)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.normalize import canonical, search_key
from index.stopwords import STOPWORDS
from retriever.answerability.comparison import reference_year
from retriever.answerability.entities import Entity, names_alias
from retriever.answerability.eras import rule_on
from retriever.answerability.names import is_dictionary_word
from retriever.answerability.quantity import MEASURE_ASKED
from retriever.answerability.units import (
    EN_AUXILIARIES,
    EN_WH_WORDS,
    UNIT_CHARS,
    Unit,
    name_words,
    names_nothing,
    tagged_around,
    unit_weight,
)

_ZH_MARKER = re.compile(r"多少|几|什么|哪|谁")
_ZH_HOW = re.compile(r"为什么|为何|怎|如何")  # why and how questions ask for no attribute
_ZH_GUESS = re.compile(r"(?:[几幾][十百千万亿]|[十百千万][几幾])[\u4e00-\u9fff]?")  # 几十家, 十几台: a guess
# Verbs of meaning and likeness before 什么 (想说明什么, 把自己比作什么, 意味着什么): the question asks the point or the
# figure, which the answer states in its own words; the words before the verb (举例, 海岛度假) are what was said, not an
# attribute the answer must write.
_ZH_POINT = frozenset("说明 表明 证明 比作 比喻 比喻成 比成 比为 比方 看作 看成 当作 当成 视为 形容 意味着 象征 强调".split())
_NOUN_TAG = re.compile(r"^(?:n|vn|an|eng|l|j)")  # jieba tags of nouns, nominal verbs, idioms, abbreviations
_RESULT = frozenset("成 为 作 做".split())  # the result a verb of likeness reaches (形容成, 看作): cut apart by the tagger


def _points(before: Sequence[tuple[str, str]]) -> bool:
    """Whether the words before 什么 end in a verb of meaning or likeness (比作), also with its result complement
    cut off by the tagger (形容|成 什么, 比喻|为 什么): the question asks the phrase said, no attribute."""
    if before and before[-1][0] in _ZH_POINT:
        return True
    return len(before) >= 2 and before[-1][0] in _RESULT and before[-2][0] in _ZH_POINT


# Names (places, people, organisations) are what a question is about, not the attribute it asks: unknown_names
# checks them (株州, a slip for 株洲, is no attribute the text lacks).
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})
# Spoken place-holders that point at the topic instead of naming it (锅炉那块儿一共拆了多少台: the boilers are asked).
_PLACEHOLDERS = frozenset("块儿 那块 这块 那块儿 这块儿 那边 这边 那边儿 这边儿 那儿 这儿 事儿 玩意儿 东东".split())
# Heads of a time clause (年轻的时候, 改革期间, 来之前): they say when, not what is asked.
_TIME_HEADS = frozenset("时候 时 期间 之前 以前 之后 以后 当时 那时 时期 时代".split())
_CLAUSE_END = re.compile(r"[，。？！；、,.?!;：:\s]")
# Verbs of asking and number words after the question word are no attribute either ('which three provinces').
_PAST = re.compile(r"^[a-z]{3,}[^e]ed$")  # helped, provided, attended (not need, seed)
_EN_NOT_FOCUS = EN_AUXILIARIES | frozenset(
    """happen happens happened think thinks thought feel feels felt mean means meant use used spend spent make made
    one two three four five six seven eight nine ten hundred hundreds thousand thousands million millions billion""".split()
)


# What happened is asked by the verb of an event before 什么事 (遭遇了什么事情, 发生过什么事, 经历了何事): the verb
# frames the asked event as English "happen" does; the answer tells the event in its own verb (发生大火)
_EVENT_FRAME = re.compile(r"([\u4e00-\u9fff]{2})(?:了|过|到)?(?:什么|哪些|啥|何)(?:样的)?(?:事情|事件|事|变故)")


def event_frames(question: str) -> frozenset[str]:
    """The verbs that frame an asked event (遭遇 of 此大厦遭遇了什么事情; session 19, cmrc7): no asked words."""
    return frozenset(_EVENT_FRAME.findall(search_key(question)))


def focus_units(question: str, lang: str, units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """The asked attribute: the content words next to the question word (常住人口 of 南阳市的常住人口是多少,
    员工 of 有多少名员工, 'population' of 'What is the population of Jining?'); [] for why/how questions, for
    who-questions and for a kind asked right after 哪/什么 (哪条大河: 淮河).
    """
    aliases = [a for e in entities for a in e.aliases]

    def names_entity(word: str) -> bool:
        return names_alias(word, aliases)

    if lang == "zh":
        found = _zh_focus(question, units, aliases, names_entity)
        year = reference_year(canonical(question))  # 比去年多了多少: last year's figure is asked too
        return found + ([Unit(year, unit_weight(year), (year,))] if year and year not in [u.label for u in found] else [])
    return _en_focus(question, units, entities)


def _guess(cut: Sequence[tuple[str, str]], i: int) -> bool:
    """Whether the cut word at i is a guessed round number (几十家, 十几台; canonical writes 几10, 10几), no question word."""
    word = cut[i][0]
    if _ZH_GUESS.fullmatch(word):
        return True
    after = cut[i + 1][0] if i + 1 < len(cut) else ""
    before = cut[i - 1][0] if i else ""
    return word in ("几", "幾") and bool(re.fullmatch(r"10+|[十百千万亿]", after) or re.fullmatch(r"10+|[十百千万]", before))


def _zh_focus(question: str, units: Sequence[Unit], aliases: Sequence[str], names_entity) -> list[Unit]:
    """focus_units of a Chinese question, the year it compares with left out."""
    cut = [(w, t) for w, t, _ in tagged_around(canonical(question), aliases) if not w.isspace()]  # Latin words stay whole
    markers = [i for i, (w, _) in enumerate(cut) if _ZH_MARKER.search(w) and not _ZH_HOW.search(w)]
    # (session 30, nm11) a guessed round number (几十家, 几百台: dozens, hundreds) asks nothing when a question word
    # follows (是不是有几十家企业退出？具体多少家？); alone it is the figure checked (出动了几千个交警是吧) and stays
    real = [i for i in markers if not _guess(cut, i)] if rule_on(30) else markers
    marker = (real or markers or [None])[0]
    if marker is None and MEASURE_ASKED.search(canonical(question)):  # 寿命有多长: the measured noun before it is asked
        marker = next((i for i, (w, _) in enumerate(cut) if MEASURE_ASKED.fullmatch(w) or w == "多" and i + 1 < len(cut)
                       and MEASURE_ASKED.match(w + cut[i + 1][0])), None)
    event = asked_event(cut, names_entity)
    frames = event_frames(question)
    own = {u.label: u for u in units}  # with their synonyms' and everyday words' forms (上班 by 工作)
    asked = [_with_result(own.get(event) or Unit(event, unit_weight(event), (event,)), cut)] if event else []
    if marker is None:
        return asked
    if cut[marker][0] == "什么" and _points(cut[:marker]):
        return []  # 想说明什么, 比作什么, 形容成什么: a point or a figure is asked, no attribute
    found = []
    # The noun after 多少/几 is what is counted (多少台锅炉); after 哪/什么 it is a kind (哪条大河: 淮河), which the
    # answer names without writing it: only the noun before the question word is then asked (利率是多少).
    sides = ((-1, -1), (1, len(cut))) if re.search(r"多少|几", cut[marker][0]) else ((-1, -1),)
    for step, stop in sides:  # the nearest noun on each side, within the clause
        for i in range(marker + step, stop, step):
            word, tag = cut[i]
            if _CLAUSE_END.fullmatch(word) or names_entity(word) or _circumstance(cut, i):
                break  # a setting (在地球上) ends the asked noun's side: the words before it are the subject's
            if word.isascii() and word in own and own[word].label.isascii() and tag in ("eng", "x"):
                # a code-switched English word where the noun stands (多少个测air的小站, 专门管grid的人): the
                # attribute the student asks, looked up by its glosses as the Chinese word would be written
                found.append(own[word])
                break
            if i == marker + 1 and step > 0 and _measured(word, tag):
                word = word[1:]  # the measure word belongs to 多少 (多少台燃媒锅炉 cut 台燃媒|锅炉, 多少种鸟 种鸟)
            else:
                if len(word) > 1 and word.endswith("是") and _NOUN_TAG.match(tag):
                    word = word[:-1]  # a copula the segmenter glued to a noun (…的账是哪几个部门: 账|是)
                elif len(word) > 1 and word.endswith("比") and not is_dictionary_word(word):
                    word = word[:-1]  # comparison's 比 glued to a name's end (竹埠港比以前: 竹埠|港比), not 对比
                if (
                    word.isascii() or names_nothing(word) or word in STOPWORDS or word in _PLACEHOLDERS
                    or word in frames
                    or len(word) < 2 or word in _TIME_HEADS or not _NOUN_TAG.match(tag) or tag in _NAME_TAGS
                    or adverb(word) or manner_noun(word)  # last: they read CC-CEDICT's meanings
                ):
                    continue
            longer = [u.label for u in units if word in u.label and u.label[0] not in UNIT_CHARS and not _measured(u.label)]
            whole = max(longer, key=len, default=word)  # 标车 of 黄标车
            found.append(own.get(whole) or Unit(whole, unit_weight(whole), (whole,)))  # its synonyms' forms too
            if step < 0 and i > 0:  # the noun it heads: 办公电话 asks an office number, not any 电话
                before, before_tag = cut[i - 1]
                if _modifier(before, before_tag, names_entity) and before not in whole:
                    found.append(own.get(before) or Unit(before, unit_weight(before), (before,)))
            break
    measure = MEASURE_ASKED.search(canonical(question)) if not _ZH_MARKER.search(cut[marker][0]) else None
    if measure and not found:  # 有多高 without a noun: the height is asked, which the answer writes (高可达30米)
        adjective = measure.group(0)[1:]
        found.append(Unit(adjective, unit_weight(adjective), (adjective,)))
    return found + ([] if event in [u.label for u in found] else asked)


# How many times bigger / as much: the data journalist's ratio of two figures (quantity.asked_unit: 几倍)
_EN_RATIO = re.compile(r"how many times (?:as|bigger|larger|greater|higher|more|smaller|lower|less|fewer|over)\b")


def _en_focus(question: str, units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """focus_units of an English question."""
    by_label = {u.label: u for u in units}
    words, naming = name_words(question, units, entities)
    marker = next((i for i, w in enumerate(words) if w in EN_WH_WORDS), None)
    if marker is None or words[marker] == "why":
        return []
    if words[marker] == "how" and marker + 1 < len(words) and words[marker + 1] not in ("many", "much"):
        return []
    if words[marker] in ("who", "whom"):
        return []  # 'who is the director': a person is asked; the role is a kind the answer need not write
    found: list[Unit] = []  # the first run of content words after the question word: its last two (the head noun)
    ratio = _EN_RATIO.match(" ".join(words[marker:]))
    for i in range(marker + 1, len(words)):
        word = words[i]
        if ratio and i <= marker + 3:
            continue  # how many times bigger: a ratio of the two figures compared, which the text gives, no attribute
        if "-" in word and word not in by_label:  # micro-stations: its head is the last part
            word = word.rsplit("-", 1)[-1]
        if found and _PAST.search(word):
            break  # a past participle ends the noun phrase (the bank provided, the people attended)
        unit = None if word in _EN_NOT_FOCUS else by_label.get(word)
        if unit is None or naming[i]:
            if found:
                break
            continue
        found.append(unit)
    return found[-2:]


# A place or setting a question puts its fact in: a noun between 在/于/从 and a word of position (在地球上生存了多少年,
# 在水中能活多久): where it happened, not the attribute asked (features.circumstances reads the same frame for a
# subject's article; session 22, cmrc9: its noun was still the focus the number had to stand with).
_SETTING_BEFORE = frozenset("在 于 从".split())
_SETTING_AFTER = frozenset("上 中 里 内 之中 之内 当中".split())


def _circumstance(cut: Sequence[tuple[str, str]], i: int) -> bool:
    """Whether the word at i is the noun of a setting 在…上 (在|地球|上): the place the fact happens in."""
    return 0 < i < len(cut) - 1 and cut[i - 1][0] in _SETTING_BEFORE and cut[i + 1][0] in _SETTING_AFTER


# The first CC-CEDICT meanings of a noun of manner (方式 way, 方法 method, 办法 means, 模式 mode, 途径 way): 用药方式是什么
# asks how the drug is given, as 怎么用药 does; the answer states the manner in its own verbs (经静脉注射或口服给药) and
# writes no 方式. The noun it qualifies (用药) is the asked attribute (session 22, cmrc9).
_MANNER = frozenset({"way", "method", "means", "mode", "manner"})


def manner_noun(word: str) -> bool:
    """A noun whose first meanings are all a manner or a method (方式, 方法, 办法, 手段, 途径, 模式; not 形式, 渠道)."""
    from retriever.answerability.heads import meanings

    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", word):
        return False
    senses = meanings(word)
    return bool(senses) and senses <= _MANNER


# A verb of naming or ranking with its result (列为, 评为, 定为, 选为, 改为, 命名为): its result (世界文化遗产) is the
# event a when-question asks, which a text states with another verb of the kind (被UNESCO登录为世界文化遗产, 被定为): the
# result after 为 is a form of the event (session 22, cmrc9).
_RESULT_END = re.compile(r"[\u4e00-\u9fff]为$")


def _with_result(unit: Unit, cut: Sequence[tuple[str, str]]) -> Unit:
    """The asked event with its result as a form (列为 of 列为世界文化遗产: also 为世界文化遗产), when its verb ends in 为
    and a result of two characters or more follows within the clause."""
    if not _RESULT_END.search(unit.label):
        return unit
    at = next((i for i, (w, _) in enumerate(cut) if w == unit.label), None)
    if at is None:
        return unit
    result = ""
    for word, _ in cut[at + 1 :]:
        if _CLAUSE_END.fullmatch(word) or word in ("的", "了", "吗", "呢") or _ZH_MARKER.search(word):
            break
        result += word
    return Unit(unit.label, unit.weight, (*unit.forms, "为" + result)) if len(result) >= 2 else unit


# Measure words (量词): after 多少/几 the segmenter glues one to the noun it counts (多少种鸟: 种鸟, 几条河: 条河).
_MEASURES = frozenset("个位名种只条件项台辆家座头匹棵株本张片所间栋处类批届场篇部首艘架块根支枚颗粒门道份套户口") | UNIT_CHARS


def _measured(word: str, tag: str = "n") -> bool:
    """A measure word glued to the noun it counts: a longer word opening with a unit (台燃媒), or a noun of two
    characters opening with a measure word that is no word of its own in CC-CEDICT (种鸟, 条河; not 种类, 个人, 条件,
    nor an amount 亿元 or a mis-cut 台小 of 台|小锅炉, which the segmenter tags no noun)."""
    if len(word) < 2 or word[0] not in _MEASURES or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return False
    if len(word) > 2:
        return word[0] in UNIT_CHARS
    from retriever.answerability.heads import meanings

    return tag == "n" and word[1] not in UNIT_CHARS and not meanings(word)


def adverb(word: str) -> bool:
    """A manner adverb the segmenter tags a noun (特地 'specially' of 特地邀请; jieba's dictionary tags 特地, 专程 n):
    each first CC-CEDICT meaning is an -ly adverb of a common English word (special+ly, specific+ally), not a noun that
    ends so (family, supply, assembly). It says how something was done, not what is asked."""
    from index.lexicon import _english_words
    from index.wordforms import light_stem
    from retriever.answerability.heads import meanings

    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word):
        return False
    senses = meanings(word)
    if not senses:
        return False

    def of_ly(meaning: str) -> bool:
        if " " in meaning or not meaning.endswith("ly"):
            return False  # decided without the English word list (loaded only for one -ly word)
        stems = (meaning[:-2], meaning[:-3] + "y", meaning[:-4]) if meaning.endswith("ily") else (
            (meaning[:-2], meaning[:-4]) if meaning.endswith("ally") else (meaning[:-2],))
        return any(len(s) >= 4 and light_stem(s) in _english_words() for s in stems)

    return all(of_ly(m) for m in senses)


def _modifier(word: str, tag: str, names_entity) -> bool:
    """A noun that qualifies the next one (办公 of 办公电话): a common noun of two characters or more."""
    return (
        len(word) >= 2 and bool(_NOUN_TAG.match(tag)) and tag not in _NAME_TAGS and not word.isascii()
        and not names_nothing(word) and word not in STOPWORDS and not names_entity(word)
    )


_WHEN_WHERE = re.compile(r"哪一?年|哪一?天|哪个月|几月|几日|几号|何时|何地|哪里|哪儿|时候")
_SPLIT_WHEN = frozenset("哪天 哪年 哪月 什么时候 什么时间 什么地方 哪个地方".split())  # cut in two by the tagger (哪|天)
_NOT_EVENT = frozenset("天 年 月 时间 地方 开始 进行 发生 出现 正式 首次 第一次".split())  # no event of their own
_EVENT_TAG = re.compile(r"^(?:v|n)")  # a verb or a noun: the event a when/where question asks about


def asked_event(cut: Sequence[tuple[str, str]], names_entity) -> str:
    """The event a when/where question asks about: the first verb or noun after 哪一年, 什么时候, 几月几日, 哪里
    (苏国军是哪一年出生的 -> 出生; 论坛在哪里举行 -> 举行); '' when the question asks no time or place. The text must
    report that event for the question to be answered, as it must write the noun a 多少 question counts."""
    pairs = zip(cut, cut[1:] + [("", "")])
    start = next((i for i, ((w, _), (n, _)) in enumerate(pairs) if _WHEN_WHERE.fullmatch(w) or w + n in _SPLIT_WHEN), None)
    if start is None:
        return ""
    for word, tag in cut[start + 1 :]:
        if _CLAUSE_END.fullmatch(word) or names_entity(word):
            return ""
        if _WHEN_WHERE.fullmatch(word) or word in _NOT_EVENT or len(word) < 2 or names_nothing(word) or word in STOPWORDS:
            continue
        if _EVENT_TAG.match(tag) and not word.isascii():
            return word
    return ""


# Another name of the subject asked (别名是什么, 俗名是什么, 又名什么, 称之为什么, 史称什么, 魏玩的字是什么): a text gives one
# with a word of naming (又名, 俗称, 别称为, 叫做, 称为, 字玉汝, 谥号), whatever the alias noun's tag (jieba tags 别名 an
# adjective, 俗名 and 简称 verbs, so no noun check reads them). Not why the subject is so called (为什么又叫…): the name
# is the question's own there (session 23, nm4).
_ALIAS_ASKED = re.compile(
    r"(别名|别称|俗名|俗称|又名|又称|原名|简称|全称|旧称|古称|昵称|绰号|外号|艺名|笔名|史称|(?<!名)称(?:之为|为|作)|叫做|又叫|也叫"
    r"|(?<=的)[字号])[是为叫]?(?:什么|啥|哪)"
)
_NAMING = re.compile(r"[名称叫]")


def alias_asked(question: str) -> str:
    """The alias word a question asks for (别名 of 斯氏腔吻鳕的别名是什么, 又名 of 刺角瓜又名什么); '' for none."""
    key = search_key(question)
    match = _ALIAS_ASKED.search(key)
    if not match or _ZH_HOW.search(key[: match.start()] + "|" + key[match.end() :]):  # 称之为什么 asks no why
        return ""
    return match.group(1)


def names_stated(text: str, alias: str) -> bool:
    """Whether a text writes a word of naming (名, 称, 叫: 又名, 俗称, 叫做; 字 or 号 of a courtesy name asked: 字玉汝,
    谥号): where it can give the alias asked."""
    return alias in text if alias in ("字", "号") else bool(_NAMING.search(text))


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_FRAME_TAGS = frozenset(("d", "ad", "l", "c"))  # adverb, adverbial, set phrase, conjunction: the asker's frame


def synonym_in_sentence(word: str, others: Sequence[Unit], sentences: Sequence[str], known=None) -> str:
    """The answering passage's own word for an asked word the text never writes, or ''. A reader names a thing in
    their own words (公司 for the text's 企业, 谈话 for 对话, 事实上 for 实际上, 机构 for 机关): the text's word shares two
    or more CC-CEDICT meanings with it (one shared bare meaning is too loose: 资金 'funds' is no 出资, 营业 no 运营) and
    stands in one answering sentence (search_key form) with every other asked word the text writes, of which there
    must be one at least. An attribute asked alone (多少名员工 where a sentence writes 人员) stays unknown: nothing
    else asked ties the sentence to the question. A frame word (jieba: an adverb, set phrase or conjunction: 事实上 for
    实际上) is how the asker talks, never an attribute: any answering sentence may write it (session 26, fa8)."""
    if not _HAN_WORD.fullmatch(word):
        return ""
    if not others:
        from index.tokenize import posseg

        tags = [p.flag for p in posseg().cut(word)]
        if len(tags) != 1 or tags[0] not in _FRAME_TAGS:
            return ""
    from index.synonyms import _senses

    meanings = _senses()[1]
    mine = meanings.get(word, set())
    if len(mine) < 2:
        return ""
    for text in sentences:
        if not all(o.found_in(text) for o in others):
            continue
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
            for size in (2, 3, 4):
                for i in range(len(run) - size + 1):
                    other = run[i : i + size]
                    if other != word and len(mine & meanings.get(other, set())) >= 2 and (known is None or known(other)):
                        return other
    return ""


def with_sentence_synonyms(units: Sequence[Unit], sentences: Sequence[str], known=None) -> list[Unit]:
    """The asked words, each that no answering sentence writes taking the answering sentence's own word for it as a form
    (session 27, fa9): a reader counts 公司 where the sentence giving the number writes 企业 (竹埠港退出了多少家公司 of
    28家企业全部退出), asks 几类规格 of a text that writes 几类标准. As synonym_in_sentence: the sentence's word shares two
    or more CC-CEDICT meanings with the asked one, and the sentence holds every other asked word the answering sentences
    write, of which there must be one at least (an attribute asked alone stays as asked), and no answering sentence holds
    the asked word with them. Every check that looks for the
    asked words in a sentence (clause_number's counted thing, focus_sentence, fact_elsewhere's windows) then reads the
    text's word; a word some answering sentence writes, and a name, keep their forms. Fails open: it only adds forms."""
    out = list(units)
    for i, unit in enumerate(units):
        if not _HAN_WORD.fullmatch(unit.label):
            continue
        others = [o for o in units if o is not unit and any(o.found_in(s) for s in sentences)]
        if not others or any(unit.found_in(s) and all(o.found_in(s) for o in others) for s in sentences):
            continue
        word = synonym_in_sentence(unit.label, others, sentences, known)
        if word:
            out[i] = Unit(unit.label, unit.weight, (*unit.forms, word))
    return out
