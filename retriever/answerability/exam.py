"""The exam-prep student's, the technical reader's and the self-introducing reader's ways of asking (session 26,
readers22).

Readers ask the text's facts in the shape of a test or wrapped in their own situation:

- a fill-in-the-blank (大连市区共拆除10吨以下燃煤锅炉____台。（填空）; 湘潭的联席会议制度以（ ）为总召集人。; "Fill in the
  blank: … by about ____ t."): the blank is the asked slot. ``examined`` writes it as the question word it stands for
  (多少 before a measure word or unit, 什么 otherwise; "how many" / "what"), and the label (（填空）, 填空：, Fill in the
  blank:) comes off: it asks nothing of the text;
- a multiple-choice question (以下哪一项是…？A.604起 B.592起 C.843起 D.76起; "…: (a) 11.1% (b) 0.4% (c) 13.1%?"): the
  options are the student's, not the asked content. Read as words, their wrong numbers and other cities are names the
  text never writes (an unknown name refuses), and one right option would satisfy the number check by itself. The
  options come off, and the stem asks its attribute (以下哪一项是X → X是什么 / 是多少; 以下哪一项不是X → X有哪些;
  "Which of the following is X" → "What is X");
- a reader who first says who they are (I'm a reporter in Chengdu working on air quality; …, Engineer here: …): their
  own place, job and numbers are frame, not asked content. The Chinese ones are ``preamble.situated``'s; the English
  clause ending in a semicolon or colon comes off here;
- the opinion reader names how a speaker sees or explains a thing (区锦雄怎么解释…, 在张海冰看来…): the speaker's
  explaining is how the text gives his words (他说), not a thing asked about;
- a list then a collective count (环保、财政、审计几家对…开展…): 几家 after a list of the bodies names those bodies (等),
  it asks no count.

Every rule fails open: a question without a blank, options, a self-introduction or a listed 几家 is returned as typed.
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile

_HAN = r"[\u4e00-\u9fff]"

# --- fill in the blank ---
_BLANK = r"(?:_{2,}|＿{2,}|﹍{2,}|[（(]\s*[)）]|【\s*】|\[\s*\])"
_ZH_LABEL = lazy_compile(r"[（(【\[]\s*(?:填空|填空题|填空題|单选|單選|单选题|單選題|选择题|選擇題|多选|多選)\s*[)）】\]]|"
                         r"^\s*(?:填空|填空题|填空題|单选题|單選題|选择题|選擇題)\s*[：:]\s*")
_EN_LABEL = lazy_compile(
    r"^\s*(?:fill in the blanks?|complete the (?:sentence|blank)|multiple[- ]choice|quiz(?: question)?|choose one)"
    r"\s*[:\-–—]\s*", re.I)
# a measure word or unit after the blank: the blank is a number
_ZH_MEASURE = (
    r"(?:台|个|個|家|名|位|人|起|项|項|条|條|座|辆|輛|吨|噸|万|萬|亿|億|元|%|％|次|天|年|月|日|倍|处|處|套|所|种|種|批|户|戶|公里|平方|"
    r"亩|畝|公顷|立方|方|块|塊|批|件|台次|余|餘|多)"
)
# an amount named before the blank (年利率是____, 常住人口为____) or after it (拿到____补贴, 花了____钱): a number asked
_ZH_AMOUNT_BEFORE = (
    r"(?:率|人口|数量|數量|数目|數目|金额|金額|面积|面積|规模|規模|总数|總數|人数|人數|产值|產值|投资|投資|资金|資金|费用|費用|价格|"
    r"價格|造价|造價|工资|工資|收入|总量|總量|浓度|濃度|长度|長度|排放量|削减量|削減量|比例|比重|占比|佔比|个数|個數|次数|次數|天数|天數)"
    r"(?:是|为|為|达|達|达到|達到|约|約|大约|大約|有|共|共计|共計|仅|僅|只有)?\s*$"
)
_ZH_AMOUNT_AFTER = r"\s*(?:的)?(?:钱|錢|补贴|補貼|资金|資金|经费|經費|费用|費用|罚款|罰款|投资|投資|工资|工資|公頃|噸|萬|億)"
_ZH_BLANK = lazy_compile(rf"(?:约|約|大约|大約)?{_BLANK}")
_EN_BLANK = lazy_compile(r"(?:_{2,}|＿{2,}|\(\s*\)|\[\s*\])")
_EN_MONEY = lazy_compile(r"^\s*(?:yuan|rmb|dollars?|percent|per cent|%|million|billion|bn\b)", re.I)  # how much (en7)
_EN_NUMBERED = lazy_compile(
    r"^\s*(?!(?:does|did|do|has|have|had|is|are|was|were|will|would|can|could)\b)(?:[\w\-]+\s+){0,2}?"
    r"(?!(?:does|has|is|was|this|its|as|us|his|yes|less|plus|thus)\b)"
    r"(?:%|percent|per cent|t\b|tons?\b|tonnes?\b|million|billion|bn\b|yuan|rmb|km|kilomet|square|hectares?|"
    r"mu\b|cubic|[a-z]+s\b|units?\b|times\b|years?\b|days?\b)", re.I)

# --- multiple choice ---
_ZH_OPTION = r"(?:(?<![A-Za-z0-9])[A-DＡ-Ｄ]\s*[.．、:：)）]|[（(][A-DＡ-Ｄa-d][)）])"
_EN_OPTION = r"(?:\([a-dA-D]\)|(?<![\w.])[a-dA-D]\)|(?<![\w.])[A-D]\.(?=\s))"
_ZH_STEM = lazy_compile(
    r"^(?:以下|下列|下面|如下)(?:哪一?(?:项|項|个|個|个选项|個選項)|哪些(?:项|項)?|选项中哪一?(?:项|項|个|個)?)"
    r"(?P<neg>不是|不属于|不屬於|不正确|不正確|错误|錯誤)?(?:是|属于|屬於|正确|正確)?(?:的)?[：:，,]?"
)
_ZH_COUNTED = lazy_compile(
    r"(?:数量|數量|数目|數目|个数|個數|总数|總數|台数|台數|人数|人數|金额|金額|比例|比重|面积|面積|规模|規模|多少|数$|數$)"
)
_EN_STEM = lazy_compile(r"^\s*which (?:one )?of the following(?: options| statements| choices)?\b", re.I)

# --- the English self-introduction ---
_EN_SELF = lazy_compile(
    r"^\s*(?:(?:hi|hello|hey)[,!]?\s+)?(?:(?:(?:i(?:'m|’m| am)|i work as|i work at|i work in|i work for)\s+"
    # (fa11) a learner drops the article (I'm reporter in Chengdu …; …); a reported claim (I'm told …) and a doing
    # (I'm advising …: already an introduction with its article or not) stay as before
    r"(?:(?:a|an)\s+|(?!(?:told|not|sure|so|just|from|in|at|based|\w+ing)\b))"
    r"|as(?!\s+an?\s+(?:result|whole|rule|matter|consequence|first step)\b)\s+(?:a|an)\s+)"
    r"[^;:?]{2,90}?|[a-z][a-z\- ]{1,30}\s+here)\s*(?:[;:](?!\w)|,(?=\s*(?:"
    r"(?:with|in|by|from|to|for|at|of|on|under)\s+(?:which|what|whom|whose|how)\b"
    r"|what|which|who|whom|whose|how|when|where|why|did|does|do"
    r"|is|are|was|were|can|could|has|have|had|(?:is|are|was|were|does|do|did|has|have|can|could)n['’]t"
    # (fa10) a request said as an imperative (As a county EPB official in Hebei, name …; … , please tell me …), unless a
    # colon or semicolon follows (…, give me the quote: what … is one introduction up to the colon)
    r"|(?:name|list|give|tell|describe|explain|state|summari[sz]e|identify|outline|specify|please)\b(?![^:;?]*[:;]))\b"
    # (fa10) or anything that runs on to a closing question mark (As a county EPB official …, nanyang sits on the border
    # of which three provinces?; …, roughly how much …?): the question is what follows the comma
    r"|[^?;:]*\?\s*$))\s*(?:(?:in|at|from) (?:the )?(?:forum|transcript|text|article)\s*,\s*)?",
    re.I,
)

_BARE_SELF = lazy_compile(r"^\s*(?:(?:hi|hello|hey)[,!]?\s+)?i(?:'m|’m| am| work \w+)\s+(?!(?:a|an)\s)", re.I)

# --- the opinion reader's frame ---
_OPINION = lazy_compile(
    rf"(?P<who>{_HAN}{{2,3}}?)(?:(?:是)?(?:怎么|怎麼|怎樣|怎样|如何|咋)(?:解释|解釋|看待|理解|阐释|闡釋)(?:的)?)"
)
_IN_VIEW = lazy_compile(rf"^(?:在(?P<who>{_HAN}{{2,4}}?)(?:看来|看來|眼里|眼裡|眼中)|(?:依|据|據|照|按)(?P<who2>{_HAN}{{2,4}}?)"
                        rf"(?:之见|之見|的看法|的观点|的觀點|的意思|看来|看來))[，,]?")

# --- a list, then a collective count ---
_LISTED_COUNT = lazy_compile(
    rf"(?P<list>、{_HAN}{{1,6}}?)(?:这|這|那)?(?:几|幾|两|兩|三|四|五)(?:家|个部门|個部門|个单位|個單位|方|个方面)(?=(?:都|一起|共同|联合|聯合|对|對|定期|分别|分別)?{_HAN})"
)


# --- a technical reader's symbols and abbreviations in a Chinese question, as the text writes them ---
_SYMBOLS = (
    (r"SO₂|SO2", ("二氧化硫",)),
    (r"NO[xX]|NOₓ", ("氮氧化物",)),
    (r"NO₂|NO2", ("二氧化氮", "氮氧化物")),
    (r"CO₂|CO2", ("二氧化碳",)),
    (r"NH₃-N|NH3-N", ("氨氮",)),
    (r"COD", ("化学需氧量", "COD")),
    (r"VOCs?", ("挥发性有机物",)),
    (r"km²|km2|平方千米", ("平方公里",)),
    (r"μg/m³|ug/m3|μg/m3", ("微克/立方米",)),
    (r"m³|m3", ("立方米",)),
    (r"(?<=[\d万萬亿億少几幾])\s*t(?![A-Za-z])", ("吨",)),
    (r"kWh", ("千瓦时",)),
    (r"MW", ("兆瓦",)),
    (r"NPC", ("人大",)),
    (r"EPBs?", ("环保局",)),
    (r"MEP", ("环境保护部", "环保部")),
    (r"GDP", ("生产总值", "GDP")),
)


def _symbols_read(question: str, contains) -> str:
    """A Chinese question's formula, unit symbol or English abbreviation (SO₂, 万t, km², NPC, EPB) as the text's word
    for it (二氧化硫, 万吨, 平方公里, 人大, 环保局): only when the text never writes the symbol and does write the word (a
    symbol the text has no word for stays unknown)."""
    if contains is None:
        return question
    for symbol, words in _SYMBOLS:
        pattern = rf"(?<![A-Za-z0-9.]){symbol}(?![A-Za-z0-9])" if not symbol.startswith("(?<=") else symbol
        if not re.search(pattern, question):
            continue
        plain = re.sub(r"\(\?<=[^)]*\)|\\s\*|\(\?![^)]*\)", "", symbol).split("|")[0]
        if plain and contains(plain):
            continue
        word = next((w for w in words if contains(w)), None)
        if word is not None:
            question = re.sub(pattern, word, question)
    return question


# (fa9) a self-introduction said as a sentence of its own before the question (Hi, I teach geography in Shanxi. How …?;
# I'm a grad student in Wuhan studying policy. How many …?): the asker's own job, place and work, never a claim about
# the text (I heard / I read / I think … stays: that is the asker's claim, checked by the text), and kept when the
# question points back at it
_EN_SELF_SENTENCE = lazy_compile(
    r"^\s*(?:(?:hi|hello|hey|dear \w+)[,!]?\s+)?(?:i(?:'m|’m| am)\s+(?:a|an|from|based|working|studying|writing|doing|in|at|"
    r"with|on|part|new|one)\b|i\s+(?:work|teach|study|live|run|manage|write|report|research|volunteer|lead|head|coach)\b|"
    r"my\s+(?:job|work|name|team|office|unit|company|bureau)\b|we(?:'re|’re| are)\s+(?:a|an)\b|as\s+(?:a|an)\s)"
    r"[^.!?;:]{2,120}?[.!]\s+(?=[A-Z\d])",
    re.I,
)

# --- the source frame of an opinion or an account (What, in Su Guojun's view, …; …, according to its vice-president's
# introduction?): the speaker's view or account is how the text gives his words; its noun asks nothing ---
_EN_VIEW = lazy_compile(
    r"\b(in|according to|by)\s+((?:(?:its|his|her|their|the)\s+)?[A-Za-z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})['’]s?\s+"
    r"(?:own\s+)?(?:view|views|opinion|eyes|mind|account|words|introduction|remarks|telling|description|explanation"
    r"|judgement|judgment|assessment|presentation|speech|reckoning|estimation)\b",
    re.I,
)
# a source named only by a pointing word at the close (…, according to its vice-president?; … as the host put it): it
# points back at what the question names
_EN_POINTED_SOURCE = lazy_compile(
    r"[,;]?\s*(?:according to|as told by|in the words of)\s+(?:its|his|her|their|the|this|that)\s+[^,;?]{1,40}?(?=\s*[?.]?\s*$)",
    re.I,
)
# a manner adverb before the verb (专门请来, 特地派出): how a thing was done, not what is asked; read only when the text
# never writes it (the text's own 专门 may be what a passage says)
_MANNER = lazy_compile(r"(专门|專門|特地|专程|專程)(?=[\u4e00-\u9fff])(?!的|化|性|机构|機構|人员|人員|委员|委員)")


# (fa10) a word pointing back at what the asker said before the question; "this year", "this month", "that day" … point
# at the calendar, not at the introduction
_EN_POINTER = lazy_compile(r"(?i)\b(?:there|here|that|this|those|these|they|them|such|same|mine|our|ours|us)\b")
_EN_CALENDAR = lazy_compile(
    r"(?i)\b(?:this|that|these|those)\s+(?:(?:past|coming)\s+)?(?:year|years|month|months|week|weeks|quarter|season|spring"
    r"|summer|autumn|fall|winter|time|morning|afternoon|evening|day|days)\b")
# a name of its own inside the question (Dalian's, Xiangtan, the Huangpu River): a capitalised word after the first, not I
_EN_OWN_NAME = lazy_compile(r"(?<=[\s(\"'“‘])(?!I\b|I['’])[A-Z][a-z]")


# an introduction that reports something heard or read (… and keep hearing that upstream towns pay …): its content is
# what a pointing word in the question refers to, even when the question names its own entity
_EN_REPORTED = lazy_compile(r"(?i)\b(?:hear|hears|hearing|heard|read|reading|told|saw|seen|noticed|learned|learnt)\b")


def _points_back(sentence: str, rest: str) -> bool:
    """Whether the question after an English self-introduction sentence leans on it: a pointing word outside a
    calendar phrase, and no name of the question's own (a question naming its own entity stands alone) unless the
    introduction reports something heard or read."""
    if not _EN_POINTER.search(_EN_CALENDAR.sub(" ", rest)):
        return False
    return bool(_EN_REPORTED.search(sentence)) or not _EN_OWN_NAME.search(rest.strip())


def _is_person(word: str) -> bool:
    from index.normalize import to_simplified
    from retriever.answerability.names import person_name

    word = to_simplified(word)
    return any(person_name(word[-k:]) for k in (3, 2) if len(word) >= k)


def _cut_options(question: str, option: str) -> str:
    """The question without its trailing options (A.… B.… C.…; (a) … (b) …): cut at the first option marker when a
    second one follows it; as typed otherwise."""
    markers = list(re.finditer(option, question))
    if len(markers) < 2:
        return question
    first = markers[0]
    head = question[: first.start()].rstrip(" \t:：，,;；")
    if len(re.findall(r"[\w\u4e00-\u9fff]", head)) < 4:
        return question
    tail_mark = re.search(r"[？?]\s*$", question[first.start():])
    if not re.search(r"[？?。.]$", head):
        head += "？" if re.search(_HAN, head) else "?"
    elif tail_mark and head.endswith(("。", ".")):
        head = head[:-1] + ("？" if re.search(_HAN, head) else "?")
    return head


def _zh_blank(question: str) -> str:
    def fill(m: re.Match) -> str:
        after = question[m.end():]
        before = question[: m.start()]
        numbered = (re.match(rf"\s*{_ZH_MEASURE}", after) or re.search(r"(?:约|約|大约|大約)$", m.group(0))
                    or re.match(_ZH_AMOUNT_AFTER, after) or re.search(_ZH_AMOUNT_BEFORE, before))
        if numbered:
            return "多少"
        if re.search(r"[第]$", before):
            return "几"
        return "什么"

    text = _ZH_BLANK.sub(fill, question)
    if text != question:
        text = re.sub(r"[。.]\s*$", "？", text.rstrip())
        if not re.search(r"[？?]$", text):
            text += "？"
    return text


def _en_options_cut(question: str, labelled: bool) -> str:
    """An English question without its trailing options, only when they run (a), (b)… after a whole stem (… have? (a) …;
    … boilers: A. …), a quiz label or "which of the following" (en7): Who said a) this and b) that? stays as typed."""
    markers = list(re.finditer(_EN_OPTION, question))
    if len(markers) < 2:
        return question
    letters = [re.sub(r"[^a-dA-D]", "", m.group(0)).lower() for m in markers[:2]]
    head = question[: markers[0].start()].rstrip()
    listed = labelled or head.endswith(("?", "？", ":", "：")) or _EN_STEM.search(head)
    return _cut_options(question, _EN_OPTION) if letters == ["a", "b"] and listed else question


def _en_blank(question: str) -> str:
    def fill(m: re.Match) -> str:
        after = question[m.end():]
        if _EN_MONEY.match(after):
            return "how much"
        if re.match(r"\s*[a-z]+s\s+(?:the|a|an|its|his|her|their|this|that|[A-Z])", after):
            return "what"  # (fa9) ____ chairs the meeting / heads Xiangtan's group: a verb, not a counted noun
        return "how many" if _EN_NUMBERED.match(after) else "what"

    text = _EN_BLANK.sub(fill, question)
    if text != question:
        text = re.sub(r"[.]\s*$", "?", text.rstrip())
        if not text.endswith("?"):
            text += "?"
    return text


def examined(question: str, contains=None) -> str:
    """The question as the attribute it asks, without an exam's blank, options and label, an English asker's
    self-introduction, an opinion frame around a speaker's words and a listed 几家 (the module's doc); as typed when it has
    none of those or when fewer than two word characters would be left."""
    text = question
    if re.search(_HAN, text):
        text = _ZH_LABEL.sub("", text).strip()
        text = _cut_options(text, _ZH_OPTION)
        stem = _ZH_STEM.match(text)
        if stem and len(text) - stem.end() >= 4:
            body = re.sub(r"[？?。.\s]+$", "", text[stem.end():])
            if stem.group("neg"):
                text = body + "有哪些？"
            else:
                text = body + ("是多少？" if _ZH_COUNTED.search(body[-6:]) else "是什么？")
        text = _zh_blank(text)
        view = _IN_VIEW.match(text)
        who = view and (view.group("who") or view.group("who2"))
        if who and _is_person(who):
            text = who + "说" + text[view.end():]
        opinion = _OPINION.search(text)
        if opinion and _is_person(opinion.group("who")):
            text = text[: opinion.start()] + opinion.group("who") + "说" + text[opinion.end():]
        text = _LISTED_COUNT.sub(lambda m: m.group("list") + "等", text)
        text = _symbols_read(text, contains)
        if contains is not None:
            text = _MANNER.sub(lambda m: m.group(0) if contains(m.group(1)) else "", text)
    else:
        labelled = _EN_LABEL.sub("", text)
        was_labelled = labelled != text
        if was_labelled:
            text = labelled[:1].upper() + labelled[1:]
        text = _en_options_cut(text, was_labelled)
        text = _EN_STEM.sub(lambda m: "What" if m.group(0).strip()[:1].isupper() else "what", text)
        blank_first = bool(_EN_BLANK.match(text.lstrip()))
        text = _en_blank(text)
        if blank_first:
            text = text.lstrip()
            text = text[:1].upper() + text[1:]
        text = _EN_VIEW.sub(lambda m: ("According" if m.start() == 0 else "according") + " to " + m.group(2), text)
        words = re.findall(r"[A-Za-z][\w'’\-]*", text)
        titled = len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
        # a capital inside the source names it (according to the Nanyang chief), unless every word is capitalised
        text = _EN_POINTED_SOURCE.sub(lambda m: "" if titled or not re.search(r"\s[A-Z]", m.group(0)) else m.group(0), text)
        sentence = _EN_SELF_SENTENCE.match(text)
        rest = text[sentence.end():] if sentence else ""
        # kept when the question points back at it (there, that, those, they …: I'm from Xiangtan. Who heads … there?)
        # and does not stand alone: a question naming an entity of its own (How much soot did Dalian's plants emit …?)
        # asks about that one, and "this year / this month" points at the calendar, not at the introduction (fa10)
        if sentence and len(re.findall(r"\w+", rest)) >= 3 and not _points_back(sentence.group(0), rest):
            text = text[sentence.end():]
        for _ in range(2):  # (fa10) two in a row: Engineer here: I'm a reporter in Chengdu …; how many …?
            self_ = _EN_SELF.match(text)
            if not (self_ and len(re.findall(r"\w+", text[self_.end():])) >= 3):
                break
            rest = text[self_.end():].lstrip()
            # (fa11) an introduction without its article (I'm from Dalian, how many … did it …?) stays when the question
            # leans on it, as a sentence of its own does; and it ends in its own sentence
            if _BARE_SELF.match(self_.group(0)) and (re.search(r"[.!]\s", self_.group(0)) or _points_back(self_.group(0), rest)):
                break
            text = rest[:1].upper() + rest[1:]
    return text if len(re.findall(r"[\w\u4e00-\u9fff]", text)) >= 2 else question
