"""Spoken Chinese in its written form, for the question side: 咋 → 怎么, 啥 → 什么, 打哪来 → 来自哪里.

Readers type questions as they speak (大连那边锅炉拆了多少啊？, 湘潭治污的钱都是打哪来的？); the transcript and the
embedder's training text are written Chinese. written_form() rewrites the spoken words of northern colloquial
Chinese (and a few common Cantonese ones) that have one plain written equivalent, and drops the spoken fillers that
carry no meaning (那边 after a place, sentence-final 啊/呀/嘛). General Chinese only: nothing about one transcript.
Words with several written senses (搞, 弄, 整) are left as they are.
"""

from __future__ import annotations

import re

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
    # Cantonese
    "点样": "怎样", "边度": "哪里", "乜嘢": "什么", "几多": "多少", "冇": "没有", "嘅": "的",
}
_SPOKEN = re.compile("|".join(map(re.escape, sorted(SPOKEN, key=len, reverse=True))))
# 那边/这边 right after a word ('大连那边' = 大连), and sentence-final particles (啊, 来着: 叫啥来着) before a question
# mark or the end.
_PLACE_FILLER = re.compile(r"(?<=[\u4e00-\u9fff])[那这]边(?=[\u4e00-\u9fff])")
_FINAL_PARTICLE = re.compile(r"(?:来着|[啊呀嘛呗哈啦咧])+(?=[？?！!。.，,\s]*$)")


def written_form(text: str) -> str:
    """The question with its spoken words in their written form ('大连那边锅炉拆了多少啊？' → '大连锅炉拆了多少？').

    Args:
        text: a question (simplified or traditional; only simplified spoken forms are rewritten).
    """
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    from index.normalize import to_simplified

    simplified = to_simplified(text)
    written = _SPOKEN.sub(lambda m: SPOKEN[m.group(0)], simplified)
    written = _FINAL_PARTICLE.sub("", _PLACE_FILLER.sub("", written))
    return text if written == simplified else written
