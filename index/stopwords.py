"""Stopwords: function words that carry no retrieval signal (one list per language, used everywhere)."""

from __future__ import annotations

import hashlib

ZH_STOPWORDS = frozenset(
    """
    的 了 和 是 在 也 与 及 等 对 为 将 把 被 从 到 向 以 于 之 其 这 那 有 就 都 而 或 并 又 还 所 个 中
    上 下 我 我们 你 你们 他 他们 她 它 要 会 能 可以 一个 一些 这个 那个 这些 那些 这样 什么 哪些 哪个 多少
    如何 怎么 怎样 为什么 是否 吗 呢 吧 啊 哪 谁 几 请问 请 问 说 讲 谈 提到 介绍 一下 方面 里 后 时 们
    """.split()
)

EN_STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or is are was were be been being do does did what which who whom
    whose how why when where that this these those it its as about into than then there their they he she his her we our
    you your i me my can could should would will shall may might much many more most some any all each other such only
    own same so too very just also not no nor one two get got make made use used up out over under between during
    before after again further once here both few s t don now year years according""".split()
)

STOPWORDS = ZH_STOPWORDS | EN_STOPWORDS

# Words that frame an English question but name nothing to look for ('What did Su Guojun say about …',
# 'What happens to a company that …'): left out when a question's words are mapped to Chinese terms
# (index.lexicon_query), not from the index's tokens (so the tokenizer, and every index, stay as they are).
EN_QUERY_FILLER = frozenset(
    """has have had having them him us itself themselves himself herself someone somebody something anyone
    anything everyone everything else ever really actually exactly please tell told say said says mention
    mentioned mentions describe explain happen happens happened thing things kind kinds
    talk talked talking speak speaks spoke spoken discuss discussed discussing""".split()
)


# Question words and spoken fillers of a Chinese question that name nothing to look for (怎么办, 什么样, 到底, 搞),
# once index.colloquial has written its spoken words out (咋办 → 怎么办): left out of a question's BM25 terms
# (retriever/query.py), not from the index's tokens (so the tokenizer, and every index, stay as they are).
ZH_QUERY_FILLER = frozenset(
    """怎么办 怎么样 怎么回事 什么样 什么时候 哪里 哪儿 从哪里 到底 究竟 为什么 为何 搞 弄 呢 吗 啊""".split()
)


# Light (delexical) verbs: their meaning comes from their object ('take the job', 'make progress', 'give support'),
# so their own CC-CEDICT glosses scatter over unrelated senses (take: 采取, 主持, 利用, 排查, 牵头, …) and lift
# unrelated passages. index.lexicon_query maps them to no Chinese term of their own; the gloss phrases they
# start ('take charge' → 主持) and their en: token (one term for all their senses) still count.
EN_LIGHT_VERBS = frozenset("take make get do have give go put".split())


def fingerprint(words: frozenset[str]) -> str:
    """A short hash of a word list, so an index built with other stopwords is recognised as different."""
    return hashlib.sha256("\n".join(sorted(words)).encode()).hexdigest()[:12]
