"""A reader asking a speaker's stance, worry or reason about a topic (session 24, persona22, readers20's stance reader).

许伟怎么看秸秆焚烧对济宁空气质量的影响？ 区锦雄对垃圾分类怎么看？ 苏国军担心湘潭的土壤修复要花多少年才能完成？
What's Zhang Haibing's take on electric cars replacing the old yellow-label vehicles?
What did Wang Qi say about cutting the chemical fertiliser
…? The passage that answers is one where that speaker speaks of the topic: a speaker's view of something the forum
never discusses has no answer, however well the speaker's name and the asking words (怎么看, take, view) match — those
matched, and the judge answered (readers20 tune near misses zk109, zk115, zk125, zk129). ``stance_topic`` finds the
topic asked about; ``topic_cover`` is the most of its content words (by weight) that one passage of the asked speaker
writes. Only the words of the topic count: 怎么看, 态度, take, view ask the stance and are no topic.
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile

STANCE_COVER = 0.5  # below this share of the topic's words in every passage of the speaker, the topic is not theirs
_ZH_VIEW = (
    r"(?:怎么看|怎麼看|怎样看|怎樣看|如何看待?|怎么评价|怎麼評價|如何评价|如何評價"
    r"|有(?:什么|甚么|何)(?:看法|观点|觀點|评价|評價|意见|意見)"
    r"|(?:持|是)(?:什么|甚么|何种|何種|怎样的?|怎樣的?)(?:态度|態度|立场|立場|看法)"
    r"|的(?:看法|态度|態度|观点|觀點|评价|評價)(?:是什么|是甚么|如何|怎样|怎樣)?)"
)
# 区锦雄对垃圾分类怎么看, 张海冰对此持什么态度: the topic between 对 and the asking words
_ZH_ABOUT = lazy_compile(rf"(?:对于|對於|关于|關於|对|對)([^，,。？?！!；;]{{2,24}}?){_ZH_VIEW}")
# 许伟怎么看秸秆焚烧对…的影响, 苏国军担心湘潭的土壤修复要花多少年: the topic after the asking words
_ZH_AFTER = lazy_compile(
    r"(?:怎么看待?|怎麼看待?|如何看待?|怎么评价|怎麼評價|如何评价|担心|擔心|担忧|擔憂|忧虑|憂慮)([^，,。？?！!；;]{2,30})"
)
_EN_ABOUT = lazy_compile(
    r"(?:take|view|views|stance|position|opinion|opinions|thoughts|attitude|feelings?|verdict)\s+(?:on|about|of|towards?)\s+"
    r"([^?;.]{3,80})"
    r"|(?:say|said|says|think|thinks|thought|feel|feels|felt)\s+(?:about|of)\s+([^?;.]{3,80})"
    r"|(?:worr(?:y|ied|ies)|concerns?|concerned|fears?|feared)\s+(?:\w+\s+){0,3}?(?:about|over|that)\s+([^?;.]{3,80})",
    re.I,
)
_ANAPHOR = lazy_compile(r"^(?:此|这|這|那|它|他|她|其|(?:this|that|it|these|those|him|her|them)\b)", re.I)
# the topic's own noun phrase: 秸秆焚烧 of 秸秆焚烧对济宁空气质量的影响 (what it affects is the text's own words); electric
# cars of electric cars replacing the old …; the Liaoning bureau staff of … after paying them a visit
_ZH_TOPIC_END = lazy_compile(r"(?<=[\u4e00-\u9fff]{2})(?:对|對|给|給|在|时|時|以后|以後|之后|之後)")
_EN_TOPIC_END = lazy_compile(
    r"\s+(?:replacing|instead of|after|before|when|while|during|since|once|compared with|compared to|versus|vs\.?)\s", re.I
)


def stance_topic(question: str, lang: str) -> str:
    """The topic a stance, worry or view is asked about ('' when the question asks none, or its topic points back:
    对此持什么态度 names its topic in the clause before, which the other features judge)."""
    if lang == "zh":
        m = _ZH_ABOUT.search(question) or _ZH_AFTER.search(question)
        topic = m.group(1) if m else ""
    else:
        m = _EN_ABOUT.search(question)
        topic = next((g for g in m.groups() if g), "") if m else ""
    topic = (_ZH_TOPIC_END if lang == "zh" else _EN_TOPIC_END).split(topic, maxsplit=1)[0].strip(" ，,的")
    return "" if not topic or _ANAPHOR.match(topic) else topic


def topic_cover(topic: str, units, texts) -> float | None:
    """The most of the topic's content words (units whose label the topic writes, by weight) that one text holds;
    None when the topic holds no content word."""
    key = topic.lower()
    own = [u for u in units if u.label and u.label.lower() in key]
    total = sum(u.weight for u in own)
    if not own or not total:
        return None
    return max((sum(u.weight for u in own if u.found_in(t)) / total for t in texts), default=0.0)
