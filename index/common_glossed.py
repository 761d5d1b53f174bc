"""Words jieba's dictionary tags as names that are common words: the places and persons' names no question must find.

jieba tags 新建 as a place (ns) and 籍贯, 默契 as a person's name (nr); CC-CEDICT glosses them as common words
('new construction', "one's native place"), so a question asking 明年新建多少个监测站 or 区锦雄的籍贯是哪里 names no
place or person the text must write (retriever/answerability/names.py unknown_names asks these tables). A person's
name is told by its surname (person_name: 远远不够 and 空气监测 are tagged nr too). Both tables are derived once per
machine from jieba's tags and CC-CEDICT's glosses and cached with the other CC-CEDICT tables (index.cedict_tables);
a build derives them (index/question_tables.py), so no question pays for it (about 1 s each).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_COMMON_GLOSS = re.compile(r"^(?:to )?[a-z][a-z' -]*$")  # a short common word's gloss: 'new construction', 'newly built'


def common_word(word: str) -> bool:
    """A word jieba tags as a place that CC-CEDICT also gives a common word's sense of at most three words (新建:
    'Xinjian county …' and 'new construction', 'newly built'): a verb or noun of the question read as a place (明年新建
    多少个监测站), so no name the text must write. A place that is only a place (南阳, 上海), or whose other glosses
    describe where it is (江南 'south of the lower reaches of Changjiang'), stays one."""
    return word in common_places()


@lru_cache(maxsize=1)
def common_places() -> frozenset[str]:
    """The places common_word() knows, derived once per machine and cached."""
    from index.cedict_tables import cached

    return cached("common_places-1", _derive_common_places)


def _derive_common_places() -> frozenset[str]:
    return _common_glossed(("ns",))


def common_person_word(word: str) -> bool:
    """A word jieba's dictionary tags as a person's name (nr) though it opens with no surname, that CC-CEDICT glosses
    only as a common word of at most three words (籍贯 'one's native place', 默契, 凉亭; jieba tags some 1,650 such
    words nr): an attribute or thing the question asks about (区锦雄的籍贯是哪里), no person the text must name. A
    transliterated name (奥巴马 'Obama') has only capitalised glosses and stays one."""
    return word in common_person_words()


@lru_cache(maxsize=1)
def common_person_words() -> frozenset[str]:
    """The words common_person_word() knows, derived once per machine and cached."""
    from index.cedict_tables import cached

    return cached("common_person_words-1", lambda: frozenset(w for w in _common_glossed(("nr", "nrt", "nrfg"))
                                                             if not person_name(w)))


def _common_glossed(tags: Sequence[str]) -> frozenset[str]:
    """Words of two or more characters jieba's dictionary gives one of the tags, with a short common gloss in CC-CEDICT."""
    from index.lexicon import _all_definitions
    from index.tokenize import posseg

    definitions = _all_definitions()
    tagger = posseg()
    list(tagger.cut("初始化"))  # its first cut loads the tag table
    return frozenset(
        w for w, t in tagger.dt.word_tag_tab.items() if t in tags and len(w) >= 2
        and any(_COMMON_GLOSS.match(g.strip()) and len(g.split()) <= 3 for g in definitions.get(w, ()))
    )


SURNAMES = frozenset(
    """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡
    余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史
    陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 区 欧阳 司马 诸葛 上官""".split()
)


def person_name(word: str) -> bool:
    """A word jieba tags as a person's name (nr) that is one, checked by its surname: jieba tags 远远不够 and 空气监测
    nr too."""
    return 2 <= len(word) <= 4 and (word[0] in SURNAMES or word[:2] in SURNAMES)
