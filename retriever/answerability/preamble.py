"""The asker's framing around a question: words addressed to the reader that ask nothing of the text.

Readers open a question politely or say who they are (请问、我想了解一下、麻烦问下、我是做环保的，想问一下：; Could you tell
me …, I'd like to know, Quick question -) and close it with thanks (谢谢; thanks). None of those words is asked about:
counted as content words (想, 了解, 环保, like, quick) they lower every coverage, move which passage best covers the asked
attribute and so flip the number and answer checks, and an English question no longer starts with its question word
(when …, who …). ``unframed`` takes that framing off before the question's features are computed, and before the
search reads the question (retriever/query.py parse_query).

Three more ways of writing add words that ask nothing (session 14, readers10's personas):

- a question dictated by voice input carries the speaker's fillers: 那个、嗯、呃 at its opening or close, 就是说 between
  its run-on clauses, 来着 after the asked word (叫什么来着), and a channel check (喂喂，听得到吗);
- a learner of Chinese counts with 位 whatever is counted (哪一位部门), puts 们 after a counted noun (多少位网格员们) and
  的 between 什么 and its noun (有什么的问题);
- an official wraps the question (关于…的情况，请简述; 请列明：…): 情况、简述 are no words of what is asked.

``unframed`` takes those off too (``spoken``): the learner's 们 and 的 go, 位 before a noun that names no person reads
个, the fillers and the official wrapping go. python -m eval.abstention_stress --kinds dictation,homophone,learner,official
(tune questions reworded by rule as those readers write): refused 29 of 1345 variants before, 17 after (official 6 -> 0,
dictation 5 -> 3, learner 1 -> 0, homophone 17 -> 14); leave one set out (python -m eval.calibrate_validate --test all)
pooled false abstention 0.018 -> 0.017, near miss 0.876 -> 0.876, nonsense 0.967 -> 1.000; readers10 false abstention
0.113 -> 0.075 (session 14, voice1).

A skeptic asks the same facts as a doubt, a negation or a presupposition (session 15, readers11's personas):
大连是不是根本没拆锅炉？济宁难道没有配网格员吗？大连真的拆过燃煤锅炉吗，到底拆了几台？…，是真的吗？; Isn't it true that …,
Didn't the moderator say …, Did Dalian really …, right?. The passage that settles the fact settles the doubt either way:
``doubting`` takes the frame off (the doubting adverbs 难道、根本、真的、究竟、到底、其实、确实, a negation right after them or
after 是不是/是否, 不是…吗 around a presupposed clause, a closing check such as 是真的吗、对吧、难道一台都没有吗; in English
Is it true that …, a negative auxiliary at the opening, a closing right?/or not?), for the search and the judge alike.
A Cantonese question is read in its written form (index/colloquial.py: 係咪 → 是不是, 嗰度 → 那里, 咗 → 了) by the judge
too, as the search reads it; northern spoken words (啥, 咋) stay as typed for the judge: read as 什么 they turned the
answer checks on for colloquial tune questions the judge had answered (leave one set out, readers2 and readers5 false
abstention 0 -> 0.028 and 0.049).

A fact-checker and a resident ask the text's facts wrapped in their own words (session 16, readers12's personas):

- a claim quoted for checking (网上说大连全市一共拆掉了一千四百来台小锅炉，这说法靠谱吗？ 有人说济宁配了两千多名网格员，这个
  数对吗？ 济宁罚了四千多万，是真的不？): the claim's figure, right or wrong, is the number asked — ``claimed`` reads the
  claim without its source (网上说、有人说、听说、我邻居说、我看到一篇文章说) and its check (这说法靠谱吗、对不对、是真的不) and
  with its last figure as 多少 and its measure word (大连全市一共拆掉了多少台小锅炉？); a claim without a figure is asked as a
  yes/no question (…吗？). A wrong figure would otherwise be a number the text never writes (an unknown name) and a claim
  about what the text never gives (网格员每月工资三千块) would ask no number the answer checks could miss;
- who said a phrase, naming a speaker to check (“环保工作的春天来了”是王奇说的吗？): the passage that holds the phrase names
  who said it, right or wrong — the named speaker reads 谁 (``claimed`` too);
- a resident's own context before the question (我是湘潭人，小时候在竹埠港边上长大，那边的化工厂现在还在不在？ 我是大连人，
  家里烧了十几年小锅炉，想问问…): ``situated`` keeps of those clauses only the words the text writes (湘潭、竹埠港、锅炉),
  before the question, or for its 那边/那里 — 长大 (which jieba tags a place), 小时候, 老家 and the asker's years
  (十几年: no number asked) ask nothing.

English alike (``english_claimed``): Did Zhang Haibing say that X? → Who said that X? (Did Ou Jinxiong say how much …? →
How much …?); Is it Peking University that serves as …? → Who serves as …?; Someone told me / My neighbour in Dalian says
X. Is that right? → X with its last figure asked (how many / how much), in Dalian; a "Fact check:" label comes off.
Figures (session 16, resident1; model unchanged): readers12 tune false abstention 6/53 -> 4/53, near misses refused 11/16
-> 12/16 (python -m eval.abstention_misses --sets readers12); eval/resident_stress.jsonl (python -m eval.resident_stress)
false abstention 9/45 -> 0/45, near misses refused 9/20 -> 13/20; every other tune set unchanged; tune R@1 0.952 ->
0.954 (python -m eval.misses --summary).

Three more readers (session 17, readers13's personas):

- a chatbot user wraps the question in instructions (``instructed``, for the search and the judge alike): which text
  to answer from (请根据这篇对话录回答：, 根据文章内容，, 按照文中的说法，, 文中提到的…; Based on the transcript, According
  to the article, Using only the dialogue) and how to answer (用一句话概括…, 请引用原文说明…, 列出…, 简单说说，, 只给数字：,
  …只回答数字即可, …，说个大概就行, 请直接给出答案，不要解释; In one sentence, Give me the figure only:, Quote the sentence
  where …, Summarise / Explain briefly …, … Answer briefly. / Keep it short. / Quote it.). Counted as content words
  (原文、数字、概括、sentence, figure) they were asked attributes the text never writes, or a place (文中);
- a quiz-writing teacher names the text itself (这篇对话录的主持人是谁): ``self_referenced`` leaves 这篇对话录的 out for
  the judge only — the search keeps it, since 对话录 finds the title's passage;
- tried and dropped: a search-engine user's keywords (普邦园林 员工 人数) read for the judge as the question they ask
  (人数 → 多少人, 日期 → 什么时候, 地点 → 在哪里; the last keyword asked otherwise). It refused more answerable keyword
  variants (python -m eval.abstention_stress --kinds keywords: 3 -> 46 of 502 with the last keyword asked, 3 -> 12 with
  the generic words only) for one more readers13 tune near miss refused; keywords stay as typed.

The half-remembering asker (session 19, persona15, from readers14's tune misses): a figure recalled with a hedge and
asked again (湘潭那个债好像发了十几个亿，到底是多少来着？; I seem to remember the firm had been going for thirty years. How old
is it really?) reads as the recalled clause with its figure asked (``remembered``: 湘潭那个债，发了多少亿？), as a claim's
figure is; a guess checked after the question (… remove? Was it below one percent?; …？是不是不到1%？) comes off
(``guess_checked``). python -m eval.abstention_misses: readers14 tune false abstentions z033, z065, z061 answered, no
other tune question changed.

A mainland netizen wraps the question in reactions (session 19, readers15): a cheer written as one digit repeated (666,
888), a pinyin initialism in lower case (yyds, xswl) and emoji, standing apart from the question's words. ``netizen``
takes them off (a key mash such as asdf stays, for the nonsense check; so does a lower-case acronym the text writes):
read as words they were a figure or a name the text never writes (转录稿中没有提到：666). A round figure the asker gives
for the exact one asked (一千多台？具体多少台) is their yardstick (comparison.yardstick), not a figure the text must write.

Session 22 (persona20, readers18's new readers): a Hong Kong reader's Cantonese grammar (邊個局長話佢係…, 邊幾種, 有咩,
先至) is read in its written form (index/colloquial.py), before homophone slips are sought too (發咗 is no slip for 发作);
a dictating English speaker's fillers come off (uh so, um so like; like before a figure or "in yuan"), and a question of
fillers alone is nonsense (names.py); the fact-checker's yes/no question stating a figure asks that figure
(``_figure_checked``: 大连拆锅炉是不是花了五个亿？ → 大连拆锅炉花了多少亿？; ``english_figure_checked``: Did Dalian spend
500 million yuan …? → Did Dalian spend how much yuan …?): right or slightly wrong, the passage with the real figure
settles it, and a figure no passage gives (a cost, a salary, a count of river chiefs) is refused; the numbers reader's
English units read as the text's measure words (english_units.py) and an acronym the glossary expands to a term the
text writes (EPB → 环保局) is no unknown name (names.py).
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile

_SEP = r"[\s,，:：;；、!！。.~\-–—]*"
# traditional characters too (關於…的情況，請簡述)
_PLEASE_STATE = (
    r"[请請](?:[简簡]要|[简簡]单|具[体體]|[详詳]细)?(?:[简簡]述|列明|[说說]明|介[绍紹]|[阐闡]述|概述|回答|列[举舉]|作答|明确|予以[说說]明)"
    r"(?:一下)?"
)
_AFFAIR = r"的?(?:有[关關])?(?:情[况況]|事[项項]|[问問][题題])"
_ZH_OPENINGS = (
    r"(?:你好|您好|老师好|大家好)",
    r"请问(?:一下|下)?",
    r"(?:麻烦|劳驾)(?:你|您)?(?:问(?:一下|下|问)|告诉我|说(?:一下|下)|讲(?:一下|下)|请教(?:一下|下)?)?",
    r"(?:我|我们)?(?:很|特别|非常|就)?(?:想|想要|希望|打算)(?:问|请教|咨询|了解|知道|打听|确认|確認|确定|確定|核实|核實|弄清楚|搞清楚)"
    r"(?:一下|下|问)?",
    # (persona27) the over-polite asker: 不知道方不方便问一下，…, 不知可否请教一下
    r"(?:我)?(?:不知道?|不晓得)(?:方不方便|是否方便|方便不方便|能不能|可不可以|可否|是否可以)(?:问|問|请教|請教|打听|打聽)?(?:一下|下)?",
    r"(?:我|我们)?(?:想)?(?:请教|咨询|打听|顺便问|再问|问)(?:一下|下|个问题|一个问题)",
    r"(?:你|您)(?:知道|晓得|清楚)",
    r"(?:你|您)?(?:能|可以|能不能|可不可以)(?:请你|麻烦你)?(?:告诉我|说说|讲讲|介绍一下)",
    r"(?:有人|有谁|谁)(?:知道|清楚)",
    r"(?:我是|本人是|作为一[名个位])[^，,：:。？?！!]{1,14}[，,：:]",  # 我是做环保的，作为一名学生，: who asks, not what
    r"(?:嗯+|呃+|额+|喂+|那[个個]|[这這][个個]|就是[说說]|然[后後]呢?)",  # a dictating speaker's fillers (那个就是说…)
    # 我不太明白，…: the asker's puzzlement, then the question
    r"(?:我|我们)?(?:还是|有点|有些|一直)?(?:不太|不大|不是很|不怎么|没太|没有?|不)(?:明白|懂|理解|清楚|搞懂|弄懂|搞明白|弄明白|搞清楚)"
    r"(?=[，,：:])",
)
# The letter or email writer's salutation and courtesies (session 24, persona22, readers20): 尊敬的编辑部：您好！冒昧打扰，
# 烦请告知…; Dear forumqa team, I hope this finds you well. …; To whom it may concern:; Correct me if I'm wrong: …
_LETTER_OPENINGS = (
    r"(?:尊敬|敬爱|亲爱|尊貴|尊贵|親愛)的[^，,：:。！!？?]{1,16}[：:，,]",  # 尊敬的编辑部：
    r"[^，,：:。！!？?\s]{1,10}(?:编辑部|編輯部|负责人|負責人|老师|老師|同志|先生|女士|团队|團隊)[：:]",  # 编辑部：
    r"(?:冒昧|贸然|貿然)?打扰(?:一下|了|您了?|您一下)?|冒昧(?:地)?(?:(?:请教|請教)(?:一下|下)?|问一句|問一句|问一下|問一下)?",
    r"(?:烦请|煩請|恳请|懇請|敬请|敬請|劳烦|勞煩)(?:您|贵方|貴方)?(?:告知|告诉|告訴|赐教|賜教|说明|說明)(?:一下)?",
    r"dear [^,:;.?!]{1,40}?[,:;]|to whom it may concern|to (?:the )?(?:editors?|team|forumqa|moderators?)[^,:;.?!]{0,20}[,:;]",
    r"i hope (?:this|you|all)[^.!?]{0,40}[.!]",
    r"(?:hi|hello|hey)?[, ]*(?:quick|short|simple) one[:,\-–—]",
    r"correct me if i['’]?m wrong|(?:is|isn['’]t) it true(?= [^a-z\s])",  # is it true 济宁…: the check without "that"
    r"per the \w+(?: \w+)?(?:['’]s)? (?:note|account|words)",
)
_EN_OPENINGS = (
    r"(?:hi|hello|hey|dear \w+)(?!\w)",
    r"(?:(?:a|one|just a|quick|simple|another) )*question(?!\w)",
    r"(?:could|can|would|will) you (?:please |kindly )?(?:tell|let) me(?: know)?",
    r"(?:could|can|would|will) you (?:please |kindly )?(?:explain|say|clarify)",
    r"(?:do|does) (?:you|anyone|anybody) (?:happen to )?know",
    r"i(?:'d| would) (?:like|love) to (?:know|ask|find out|understand)",
    r"i (?:want|wanted|need|needed|am trying|'m trying) to (?:know|ask|find out|understand)",
    r"i(?:'m| am) (?:curious|wondering)(?: about)?|i wonder(?:ed)?|just (?:curious|wondering)",
    r"(?:(?:please|pls|kindly)(?: tell me| let me know)?|tell me)(?!\w)",
    # the skeptic's frame around a statement asked about (Isn't it true that …, Is it really the case that …)
    r"(?:is|isn['’]t|is not|was|wasn['’]t) it (?:really |actually |not |also )?(?:true|the case|correct|right) that",
    r"it is (?:true|the case) that|am i right (?:in thinking |to think )?that|i (?:heard|read|was told) that",
    r"(?:i(?:'m| am)|as) (?:a|an) [a-z][a-z \-]{1,30}?[,:;]",  # I'm a student, / As an engineer,: who asks
    r"(?:quick |a )?fact[- ]?check(?:ing)?(?: this| please)?[:,\-–—]",  # the fact-checker's label (Fact check: did …)
    # an English speaker dictating (session 22, readers18): uh so, um so like, erm, okay so before the question
    r"(?:u+h+|u+m+|e+rm*|h+m+)(?:[\s,]+(?:so|like|well|okay|ok|yeah))*(?!\w)|(?:okay|ok|so|well)[\s,]+(?:so|like)(?!\w)",
)
_OPENING = lazy_compile(
    rf"^{_SEP}(?:{'|'.join(_ZH_OPENINGS + _LETTER_OPENINGS + _EN_OPENINGS)})(?:[哈啊呀哦嘛](?=[\s,，:：!！]))?{_SEP}", re.I
)
# The formal writer's hedge set off by commas inside the question (how long, by his account, has …; In what way, if at
# all, did …; how many, if I understood correctly, …): the asker's caution, not what is asked.
_EN_ASIDE = lazy_compile(
    r",\s*(?:by (?:his|her|their|its|the \w+'s) (?:own )?account|according to (?:him|her|them|the \w+)"
    r"|if (?:at all|any|anything|so"
    r"|I (?:have |'ve )?(?:understood|understand|read|heard|recall|remember)(?: (?:it|this|that|him|her))?"
    r"(?: correctly| right| well)?)"
    r"|as (?:far as I (?:know|can tell|understand)|I understand it|I recall)"
    r"|in (?:his|her|their) (?:own )?words|so to speak|roughly|approximately|more or less|exactly|precisely|broadly"
    r"|(?:broadly|roughly|generally) speaking|in (?:short|brief|essence|general))\s*,\s*",
    re.I,
)
# the dictating speaker's "like" before a figure or a unit asked (was like two hundred, like in yuan), "you know"
_EN_NUMBER_WORD = (
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion)\b)"
)
_EN_LIKE = lazy_compile(
    rf"\s+(?:like|you know|i mean)(?=\s+(?:about |around |roughly |maybe )?{_EN_NUMBER_WORD})"
    r"|,\s*(?:like|you know|i mean)(?=\s*,|\s+(?:in|about|around|roughly|maybe|a|an|the)\s)",
    re.I,
)
_CLOSING = lazy_compile(
    r"[\s,，。.!！~]*(?:谢谢|多谢|感谢|thanks|thank you|thx|please)(?:你|您|啦|了|a lot|so much)?[\s.。!！~]*(?=[？?]?$)", re.I
)
# the letter's close after the question (persona22): 不胜感激！此致敬礼, 盼复，谢谢！, Many thanks, Dr. Li; Best regards, …
_LETTER_CLOSE_WORDS = (
    r"不胜感激|不勝感激|感激不尽|感激不盡|万分感谢|萬分感謝|(?:非常|十分)?感谢(?:您|你)?(?:的)?(?:回复|回覆|解答|帮助|幫助)?|多谢|谢谢|謝謝"
    r"|盼复|盼覆|盼回复|期待(?:您的)?回复|静候佳音|靜候佳音|此致|敬礼|敬禮|祝(?:好|安|工作顺利|工作順利)|顺颂商祺|順頌商祺|即颂|"
    r"(?:many |a lot of |big )?thanks(?: (?:a lot|so much|in advance|again))?"
    r"|thank you(?: (?:very much|so much|in advance|again))?"
    r"|(?:best|kind|warm) (?:regards|wishes)|regards|sincerely|yours (?:sincerely|faithfully|truly)|cheers|respectfully"
)
_LETTER_CLOSE = lazy_compile(
    rf"(?<=[？?。.！!，,\s])[\s,，。.!！~]*(?:(?:{_LETTER_CLOSE_WORDS})[\s,，。.!！~]*)+"
    r"(?:(?:dr|mr|mrs|ms|prof)\.? ?[A-Za-z][\w.\- ]{0,24}|(?-i:[A-Z][\w.\-]{0,15}(?: [A-Z][\w.\-]{0,15})?))?"
    r"[\s,，。.!！~]*$",
    re.I,
)
_WORDS = lazy_compile(r"[\w\u4e00-\u9fff]")
# The skeptic's doubt (大连是不是根本没拆锅炉, 济宁难道没有配网格员吗): the adverbs, with a negation right after them or
# after 是不是/是否 (the passage settles the fact and its negation alike); 真 before 有/是 (真有合作吗).
_DOUBT = lazy_compile(
    r"(?:难道|根本|究竟|到底|果真|其实|确实|居然|竟然|真的|真是|真(?=有|是))(?:不是|没有|没|不|未)?(?=[\u4e00-\u9fff])"
    r"|(?:(?<=是不是)|(?<=是否))(?:根本)?(?:不是|没有|没|未)(?=[\u4e00-\u9fff])"
)
# 不是 … 吗/吧 around a presupposed clause (南阳不是光管城里吗，…; 张海冰以前不是干环保的吧，…): the clause is asked about
_PRESUPPOSED = lazy_compile(r"(?<!是)不是([^，,。？?！!]{1,24}?)(?:的)?[吗吧嘛](?=[，,。？?！!\s]|$)")
# a closing check that asks nothing new: …，是真的吗？ …，对吧？ …，难道一台都没有吗？
_CHECK = lazy_compile(
    r"[，,。？?!！\s]+(?:(?:这|那)?(?:是)?(?:真的|真|假的)(?:吗|吧|嘛)?|是吗|对吧|对不对|是吧|是不是|没错吧|不是吗|吹的吧|有没有"
    r"|还是(?:根本)?没有|(?:难道)?一[^\s，,？?。]{1,2}都(?:没有|没|不)[^\s，,？?。]{0,2}?(?:吗|吧)?)[？?。！!\s]*$"
)
_EN_NEGATIVE = lazy_compile(
    r"^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)n['’]t\b", re.I
)
_EN_CHECK = lazy_compile(
    r"[,\s]+(?:right|or not|isn['’]t (?:it|that (?:so|right|true))|is that (?:really )?(?:true|right|so)|or is that not so"
    r"|didn['’]t (?:it|they|he|she)|don['’]t they|doesn['’]t (?:it|he|she))\s*(?=[?？.]?$)",
    re.I,
)
_WONT = {"wo": "will", "ca": "can", "sha": "shall"}
_HAN = r"[\u4e00-\u9fff]"
# spoken fillers inside and at the end of a dictated question
_RUN_ON = lazy_compile(r"就是[说說]|(?<=[\u4e00-\u9fff])然[后後](?=[\u4e00-\u9fff])")  # …债券就是说发了多少亿: a clause break
_INTERJECTION = lazy_compile(r"[嗯呃]+")
_TRAILING = lazy_compile(r"(?:[来來]着|那[个個]|[这這][个個]|[嗯呃啊]+)+(?=[\s？?。.！!]*$)")
_CLAUSE_LAIZHE = lazy_compile(r"(?<=[\u4e00-\u9fff])[来來]着(?=[，,；;])")  # (persona21) "what was it again", mid-question
_OFFICIAL_CLOSE = lazy_compile(rf"[\s,，。；;：:]*{_PLEASE_STATE}[\s。.！!]*$")
_OFFICIAL_OPEN = lazy_compile(rf"^(?:{_PLEASE_STATE}|[关關][于於])[\s：:]*")
_AFFAIR_END = lazy_compile(rf"{_AFFAIR}(?=[，,：:]|[。.]?$)")
# 们 after a noun counted or picked out (多少位网格员们, 这些企业们); a pronoun's 们 (我们、他们、人们) stays
_COUNTED = r"(?:多少|[几幾]|哪些|[这這]些|那些|很多|[许許]多|好多|每|各)"
_PLURAL = lazy_compile(rf"({_COUNTED}{_HAN}{{1,8}}?)(?<![我你他她它咱人])[们們]")
# (persona23) a figure the question has just stated, pointed back at by the next clause (济宁立案处罚592起环境违法行为，
# 这个数字统计到几月底为止？): 这个数字 is that figure, no word the text must write; kept when no figure precedes
_FIGURE_BACK = lazy_compile(
    r"(?<=\d)(?P<rest>[^，,；;。？?]{0,12}[，,；;]\s*)(?:这个|這個|这一|這一|那个|那個|该|該|这些|這些)"
    r"(?:数字|數字|数据|數據|数目|數目|数|數)(?:是|呢|啊)?(?=[\u4e00-\u9fff])"
)
# (persona23) round the clock in speech (一天到晚都有人接, 没日没夜, 全天候): a text states it as 24小时
_ROUND_CLOCK = lazy_compile(
    r"一天到晚|一天到黑|全天候|没日没夜|沒日沒夜|日日夜夜|白天黑夜|不分昼夜|不分晝夜|整天整夜|全天24小时|全天二十四小时"
)
_WHAT_DE = lazy_compile(rf"(?<=[什甚][么麼])的(?={_HAN})")
_POSITION = lazy_compile(rf"((?<!第)(?:多少|[几幾]|哪一?|每|一|[两兩]))位(?={_HAN})(?![数數])")
_PERSON = lazy_compile(
    r"^[\u4e00-\u9fff]{0,5}?(?:员|人|长|者|家|师|生|官|士|领导|干部|书记|主任|委员|代表|同志|记者|嘉宾|专家|朋友|群众|居民|市民|村民)"
)


def _counts_persons(text: str) -> bool:
    """Whether the noun at the start of text names persons (网格员, 厅局长, 领导): the measure word 位 is theirs."""
    from index.tokenize import posseg

    words = posseg().lcut(text[:8])
    if words and words[0].flag.startswith("nr"):
        return True
    return bool(_PERSON.match(text[:8]))


def doubting(question: str) -> str:
    """The question without the skeptic's frame (the module's doc): 大连是不是根本没拆锅炉 → 大连是不是拆锅炉, 济宁难道没有配
    网格员吗 → 济宁配网格员吗, …，是真的吗 → …; Isn't it true that … → …, Didn't the moderator say … → Did the moderator
    say …, …, right? → …?"""
    text = question
    if re.search(_HAN, text):
        text = _CHECK.sub("", text) or text  # …，是真的吗 before 真的 goes
        text = _CHECK.sub("", _DOUBT.sub("", text)) or text
        text = _PRESUPPOSED.sub(r"是\1", text)
    text = _EN_NEGATIVE.sub(lambda m: m.group(1), text)
    return _EN_CHECK.sub("", text)


# The older official's 公文 (session 18, readers14): 兹就…一事 around the matter, 敬请告知/烦请一并说明 asking, 以便备案
# closing; the classical words read as the everyday question's (何人 谁, 为何 at a clause's close 是什么, 若干 多少, 系由
# 由, a clause's opening 其 'its'; 之 stays: 和谐之美 is a phrase).
_FORMAL_MATTER = lazy_compile(r"^(?:兹就|兹将|兹因|兹|谨就|现就)([^，,。；;？?]{2,40}?)(?:一事|事宜|一案|问题)[，,：:\s]*")
_FORMAL_ASK = lazy_compile(
    r"(?:敬请|烦请|恳请|谨请|特请|望请|务请|请予|望予)(?:贵方|贵处|贵单位|您)?(?:予以|一并|拨冗)?"
    r"(?:告知|说明|示知|明示|见告|答复|函告|赐教|指教|告|示|明确|列明|核实|说明一下)[：:\s]*"
)
_FORMAL_CLOSE = lazy_compile(r"[，,；;\s]*(?:以便|以资|以备|便于)(?:备案|存档|备查|查阅|参考|核对|了解|统计|归档)[。.！!\s]*$")
_FORMAL_WORDS = (
    (lazy_compile(r"系由何人|由何人"), "由谁"),
    (lazy_compile(r"何人"), "谁"),
    (lazy_compile(r"(?:系|乃)?为何(?=[，,。；;？?！!\s]|$)"), "是什么"),  # 其完整名称为何: what it is; 为何要… stays why
    (lazy_compile(r"何时"), "什么时候"),
    (lazy_compile(r"何地|何处"), "哪里"),
    (lazy_compile(r"何种|何类"), "什么"),
    (lazy_compile(r"若干"), "多少"),
    (lazy_compile(r"系由"), "由"),
    (lazy_compile(r"(?:(?<=^)|(?<=[，,：:；;]))其(?![他它余中次实])"), ""),
)


def formal(question: str) -> str:
    """An official's 公文 question in everyday words (the rules above): 兹就大连市环保局人员编制一事，敬请告知该局核定编制数为
    若干名，以便备案。 → 大连市环保局人员编制，该局核定编制数为多少名; 其完整名称为何 → 完整名称是什么. As typed when it holds
    none of them."""
    if not re.search(r"兹|敬请|烦请|恳请|谨请|以便|以资|何|若干|系由|其", question):
        return question
    text = _FORMAL_MATTER.sub(lambda m: m.group(1) + "，", question, count=1)
    text = _FORMAL_CLOSE.sub("", text)
    text = _FORMAL_ASK.sub("", text)
    for pattern, everyday in _FORMAL_WORDS:
        text = pattern.sub(everyday, text)
    text = re.sub(r"^[，,\s]+|[，,\s]+$|(?<=[，,])[，,\s]+", "", text)
    return text if len(_WORDS.findall(text)) >= 2 else question


def spoken(question: str) -> str:
    """A Chinese question without what a dictating speaker, a learner or an official adds that asks nothing: 就是说
    between clauses (a comma), 嗯/呃, a closing 来着/那个, 请简述 at the close and 关于…的情况 around the matter, the
    learner's 们 after a counted noun and 的 after 什么, and 位 before a noun that names no person (哪一位部门 → 哪一个部门)."""
    text = _RUN_ON.sub("，", question)
    text = _INTERJECTION.sub("", text)
    text = formal(_OFFICIAL_CLOSE.sub("", text))
    opened = _OFFICIAL_OPEN.sub("", text)
    if opened != text:  # 关于…的情况，请简述; 请简述…的情况: the matter is asked, not its 情况
        text = _AFFAIR_END.sub("", opened, count=1)
    text = _TRAILING.sub("", text)
    text = _CLAUSE_LAIZHE.sub("", text)  # (persona21) 多少人来着，…又盖了啥: 来着 closes a clause of a two-part question
    text = _PLURAL.sub(r"\1", text)
    text = _FIGURE_BACK.sub(r"\g<rest>", text)
    text = _WHAT_DE.sub("", text)
    text = _POSITION.sub(lambda m: m.group(1) + ("位" if _counts_persons(m.string[m.end() :]) else "个"), text)
    return re.sub(r"^[，,\s]+|(?<=[，,])[，,\s]+", "", text)


# The mainland netizen's reactions around a question (session 19, readers15): a number that is a cheer (666, 888: one
# digit repeated), a pinyin initialism in lower case (yyds 永远的神, xswl, awsl) and emoji, standing apart from the
# question's words (at its edges, after a space or a comma). They ask nothing: read as words they were figures or
# names the text never writes (转录稿中没有提到：666).
_CHEER = lazy_compile(r"(?<![\w.])(\d)\1{2,}(?=[呢啊吧呀嘛哦]*(?![\w.%]))")  # (fa8) 666呢: a particle after it
_INITIALISM = lazy_compile(r"(?<![A-Za-z0-9])[a-z]{2,5}(?![A-Za-z0-9])")
_EMOJI = lazy_compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")
_APART = r"[\s,，。.!！?？~～、]"
_APART_AFTER = f"[呢啊吧呀嘛哦]*(?:{_APART}|$)"  # (fa8) a closing particle after it is no word of the question (666呢)


def netizen(question: str, contains=None) -> str:
    """A Chinese question without the netizen's cheers, pinyin initialisms and emoji standing apart from its words
    (济宁罚了四千来万？具体罚了多少钱 666 → …多少钱; 济宁环境APP yyds，举报是几个小时受理啊 → 济宁环境APP，举报…). An
    initialism is a lower-case run of two to five letters with at most one vowel that is no English word, no pinyin
    and nothing the text writes (contains): ppp or app stay. As typed when nothing would be left."""
    if not re.search(_HAN, question):
        return question
    from index.lexicon import _english_words
    from index.pinyin import is_pinyin
    from index.wordforms import light_stem
    from retriever.answerability.names import _KEYBOARD_ROWS, _mashed

    def initialism(m: re.Match) -> bool:
        word = m.group(0)
        before, after = m.string[: m.start()], m.string[m.end() :]
        apart = (not before or re.search(f"{_APART}$", before)) and (not after or re.match(_APART_AFTER, after))
        keys = any(word in row for row in _KEYBOARD_ROWS) or _mashed(word)  # asdf, qwer: a key mash, nonsense's
        return bool(apart) and not keys and len(re.findall("[aeiou]", word)) <= 1 \
            and light_stem(word) not in _english_words() and not is_pinyin(word) \
            and not (contains and (contains(word) or contains(word.upper())))

    def cheer(m: re.Match) -> bool:
        before, after = m.string[: m.start()], m.string[m.end() :]
        return (not before or bool(re.search(f"{_APART}$", before))) and (not after or bool(re.match(_APART_AFTER, after)))

    text = _EMOJI.sub(" ", question)
    text = _CHEER.sub(lambda m: " " if cheer(m) else m.group(0), text)
    text = _INITIALISM.sub(lambda m: " " if initialism(m) else m.group(0), text)
    text = re.sub(r"\s*([，,。？?！!])(?:\s*[，,])*", r"\1", text)  # the comma the reaction left
    text = re.sub(r"^[\s，,]+|\s+$", "", re.sub(r"\s{2,}", " ", text))
    return text if len(_WORDS.findall(text)) >= 2 else question


# The search-engine user's operators (session 24, persona22, readers20): site:, filetype:, inurl: name where to look, not
# what is asked; intitle:/intext: and + mark a word that is asked; -word and NOT word exclude a word, which is then no
# word asked; OR/AND join words; * is a wildcard; "" quotes a phrase, kept.
_SITE = lazy_compile(r"(?<!\S)(?:site|filetype|inurl|ext|lang|before|after|cache|related):\S*", re.I)
_IN_FIELD = lazy_compile(r"(?<!\S)(?:all)?(?:intitle|intext|inanchor):", re.I)
_EXCLUDED = lazy_compile(r"(?<!\S)(?:-(?=[^\d\s\-])(?:\"[^\"]*\"|\S+)|NOT\s+(?:\"[^\"]*\"|\S+))")
_REQUIRED = lazy_compile(r"(?<!\S)\+(?=\S)")
_BOOLEAN = lazy_compile(r"(?<!\S)(?:OR|AND|\|)(?!\S)")
_WILDCARD = lazy_compile(r"\*+|(?<!\S)-+(?!\S)|\"\s*\"")
_OPERATOR = lazy_compile(
    r"(?<!\S)(?:(?:site|filetype|inurl|(?:all)?intitle|intext):|[+\-](?=[^\d\s])|(?:OR|AND|NOT)(?=\s))|\*[^*\s]+\*", re.I
)


def searched(question: str) -> str:
    """A search-engine query without its operators (the comment above): "网格员" 济宁 专职 人数 -大连 → "网格员" 济宁 专职 人数;
    湘潭 +雨湖 +岳塘 → 湘潭 雨湖 岳塘; site:cenews.com.cn 济宁 污染源 → 济宁 污染源; intitle:"…" 2016 → "…" 2016. OR, AND and
    NOT are read as operators only in capitals and in a query that has another operator or a Chinese word; a query of
    operators alone leaves ''."""
    if not _OPERATOR.search(question):
        return question
    boolean_only = not re.search(
        r"(?<!\S)(?:site|filetype|inurl|(?:all)?intitle|intext):|(?<!\S)[+\-](?=[^\d\s])|\*", question, re.I
    )
    if boolean_only and not re.search(_HAN, question):
        return question  # What did Dalian AND Jining …: capitals in an English question
    text = _SITE.sub(" ", question)
    text = _IN_FIELD.sub(" ", text)
    text = _EXCLUDED.sub(" ", text)
    text = _REQUIRED.sub("", text)
    text = _BOOLEAN.sub(" ", text)
    text = _WILDCARD.sub(" ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def letter_closed(question: str) -> str:
    """The question without a letter's close (不胜感激！此致敬礼; Many thanks, Dr. Li): as typed when nothing would be left."""
    text = _LETTER_CLOSE.sub("", question)
    text = re.sub(r"[，,；;\s]+$", "", text) if text != question else text
    return text if len(_WORDS.findall(text)) >= 2 else question


def framing_only(question: str) -> bool:
    """True when a question is only a letter's salutation or close, or search operators (此致敬礼; Dear Sir or Madam,;
    site: -- OR AND ""): it asks nothing."""
    text = searched(question)
    if text != question and not _WORDS.findall(text):
        return True
    text = _LETTER_CLOSE.sub("", " " + text)
    for _ in range(3):
        text = _OPENING.sub("", text, count=1)
    return not _WORDS.findall(text)


def unframed(question: str, contains=None) -> str:
    """The question without the asker's opening and closing words (请问、我想了解一下、Could you tell me, thanks).

    At most three openings come off (请问，我是做环保的，想问一下：); the question is returned as typed when less than two
    word characters would be left (请问 alone is no question, and stays what it is).
    """
    from retriever.answerability.aliases import aliased

    question = aliased(question, contains)  # (persona23) 滨城 → 大连, 生态环境部 → 环境保护部: the text's own names
    from retriever.answerability.posted import undialected, unposted

    question = undialected(unposted(question))  # (persona26) #求问#, 谢谢大佬, ELI5:; 大连那旮沓 → 大连
    question = _ROUND_CLOCK.sub("24小时", question)  # (persona23) 一天到晚都有人接 → 24小时都有人接
    from retriever.answerability.exam import examined

    question = examined(question, contains)  # (persona24) a blank, options, an English self-introduction: the asked slot only
    from retriever.answerability.register import registered

    question = registered(question)  # (persona25) a definition, gist or source frame; a dictated possessive (Nanyangs)
    from retriever.answerability.purpose import purposed

    question = purposed(question)  # (persona28) 做PPT用，…; 翻译核对：…; 抢答题：…; For my slide on Dalian: …
    from retriever.answerability.lookup import headline_asked, range_guessed, reverse_asked

    # (persona27) “604台”指的是什么 → 604台…; Grid Staff: Head Count? → What is the head count of …; …，是不是有上千台？
    question = range_guessed(headline_asked(reverse_asked(question)))
    if not re.search(_HAN, question):
        from retriever.answerability.texting import untexted  # (persona21) the texter's chat English written out

        question = _EN_LIKE.sub("", _EN_ASIDE.sub(" ", untexted(question)))
    # (fa8) the polite opening first (请问听说…, 请问我在台湾…, 请问intitle:…): the frames below are read at the start
    # (the asker's own context, 我是湘潭人，, is situated()'s: its place words stay)
    opened = _OPENING.sub("", question, count=1)
    if opened != question and len(_WORDS.findall(opened)) >= 2 and not _ASKER.match(question.lstrip(" ，,")):
        question = opened
    question = letter_closed(searched(question)) or question  # operators and a letter's close ask nothing (persona22)
    # 我记得…，具体多少？ is a figure recalled, not the asker's own context
    text = situated(remembered(guess_checked(instructed(netizen(question, contains)))), contains)
    for _ in range(3):
        stripped = _OPENING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = instructed(_CLOSING.sub("", text))  # 请问，请根据原文回答：…
    if re.search(_HAN, text):
        from index.colloquial import regional_written

        text = regional_written(text)  # Cantonese (係咪, 嗰度, 咗) and Taiwan's variants (連著) in their written form
        text = claimed(text)  # the fact-checker's claim as the question it checks
    else:
        claimed_text = english_claimed(text)
        text = claimed_text if claimed_text != text else english_figure_checked(text)
    text = doubting(text)
    for _ in range(2):  # an opening after the doubt (Is it true that …: the frame is one)
        text = _OPENING.sub("", text, count=1)
    if re.search(_HAN, text):
        text = spoken(text)
        for _ in range(2):  # an opening after the fillers (嗯，请问…)
            text = _OPENING.sub("", text, count=1)
        if text != question:  # (persona25) options or a stem behind fillers or an instruction (用一句话概括：以下哪一项…)
            text = examined(text, contains)
    return text if len(_WORDS.findall(text)) >= 2 else question


# --- the fact-checker's claim and the resident's context (session 16) ---
_ZH_ASKING = lazy_compile(  # 十几年, 几百亿: a round number, not 几 asked
    r"多少|(?<![十百千万萬好])[几幾](?![十百千万萬亿億])|什么|甚么|谁|誰|哪|怎|如何|为何|為何|为什么|吗|嗎|呢|是否|有没有|有沒有"
    r"|是不是|啥|咋|么|麼"
)
# who the claim comes from: someone, the web, a report, a neighbour — never a speaker of the text (许伟说 is the claim)
_SOURCE_WORDS = (
    r"有人|网上|網上|网友|網友|新闻|新聞|报道|報道|报纸|報紙|文章|帖子|群里|群裡|朋友圈|微博|媒体|媒體|视频|視頻|传言|傳言"
    r"|朋友|邻居|鄰居|同事|亲戚|親戚|家里人|家裡人|老人|别人|別人|人家|大家|老乡|老鄉|司机|司機|师傅|師傅"
)
_ZH_SOURCE = lazy_compile(
    rf"^(?:(?:我|俺)?(?:听|聽)(?:人|别人|別人)?(?:说|說)|据说|據說|(?:我|俺)?(?:听|聽)(?:{_SOURCE_WORDS})(?:说|說|讲|講)"
    rf"|[^，,。？?！!]{{0,12}}?(?:{_SOURCE_WORDS})[^，,。？?！!]{{0,6}}?(?:说|說|讲|講|称|稱|写|寫)(?:道|着|著|过|過)?)[，,：:\s]*"
)
_DEMONSTRATIVE = r"(?:(?:这|這|那)(?:个|個|种|種)?(?:数字?|數字?|数据|數據|说法|說法|话|話|事|消息)?|此话|此話)"
_PARTICLE = r"(?:吗|嗎|不|吧|嘛|么|麼|呢|没|沒)"
_VERDICT = (
    rf"(?:(?:靠谱|靠譜|准确|準確|属实|屬實|真的|可信|没错|沒錯|正确|正確|这样|這樣|实情|實情){_PARTICLE}?|(?:对|對|准|準){_PARTICLE})"
)
_EITHER = (
    r"(?:对不对|對不對|靠不靠谱|靠不靠譜|准不准|準不準|是不是真的|是不是这样|是不是這樣|真的假的|是真是假|有没有这回事"
    r"|有沒有這回事)"
)
# the check at the close: after a comma (…，靠谱吗) or opening with 这/是 (…这说法靠谱吗, …是真的不), or either-or (…对不对)
_ZH_CLAIM_CHECK = lazy_compile(
    rf"(?:[，,。\s]+{_DEMONSTRATIVE}?(?:是)?{_VERDICT}|{_DEMONSTRATIVE}(?:是)?{_VERDICT}|是{_VERDICT}"
    rf"|[，,。\s]*{_DEMONSTRATIVE}?{_EITHER})[啊呀哦呢]?[？?。！!\s]*$"
)
# (persona27) the range reader's guess is a figure too: 大概上千, 小一千, 好几百, 几十, 五万多, 过万
_NUMBER = (
    r"(?:约|約|近|大约|大約|大概|差不多|将近|將近|接近|超过|超過)?(?:上|过|過|小|好)?"
    r"(?:\d[\d.,]*|[〇零一二两兩三四五六七八九十百千几幾]+)(?:多|来|來|余|餘|几|幾)?"
)
_MEASURE = (
    r"人次|立方米|平方米|平方公里|公里|千米|万元|萬元|亿元|億元|万吨|萬噸|个|個|名|台|家|项|項|辆|輛|次|吨|噸|元|块|塊|条|條"
    r"|座|件|起|人|级|級|类|類|种|種|批|所|位|倍|岁|歲|个月|個月|天|%|％"
)
_FIGURE = lazy_compile(
    rf"{_NUMBER}(?:[个個]?[万萬亿億](?:多|来|來|余|餘)?)+(?:{_MEASURE})?|{_NUMBER}(?:{_MEASURE})"  # 十几个亿: a scale counted
    rf"|(?:大概|大约|大約|差不多)?(?:上|过|過|破)[万萬亿億](?:{_MEASURE})?"  # (persona27) 过万吨, 上亿元: a scale guessed
)
_SCALE = lazy_compile(r"[万萬亿億]")
# 是王奇说的吗 / 是许伟局长提出来的吧 at the close: the speaker named to check reads 谁
_TITLE = r"(?:局长|局長|副总裁|副總裁|总编辑|總編輯|先生|女士|主任|书记|書記|市长|市長)?"
_SAID_VERB = r"(?:说|說|讲|講|提|提出|提到|讲到|講到)(?:来|來|出来|出來|过|過)?的"
_SAID_CHECK = lazy_compile(rf"(是)?((?:(?!是)[\u4e00-\u9fff]){{2,5}}?){_TITLE}({_SAID_VERB})(?:吗|嗎|吧|嘛|么|麼)?[？?。！!\s]*$")
_SAID_FIRST = lazy_compile(  # 是许伟说的“腰杆特别硬”吗
    rf"^是([\u4e00-\u9fff]{{2,5}}?){_TITLE}({_SAID_VERB})([“「『\"][^”」』\"]+[”」』\"])(?:吗|嗎|吧|嘛|么|麼)?[？?。！!\s]*$"
)
_HEARSAY = lazy_compile(r"[说說讲講称稱听聽]")  # 我邻居说…, 我看到一篇文章说…: a claim checked, not the asker's context
# (persona28) the hypothetical asker puts themselves in the text's world (假如我是竹埠港的企业主，…; 要是我是那个小镇的，…)
_ASKER = lazy_compile(
    r"^(?:(?:假如|假若|如果|要是|假设|假設|倘若|设想|設想|想象|想像)(?:说|說)?(?=我|本人|俺|咱))?"
    r"(?:我|本人|俺|咱|小时候|小時候|从小|從小|打小|老家|家里|家裡|我家|以前我)"
)
_ORIGIN = lazy_compile(r"^(?:我|本人|俺)(?:是|系)([\u4e00-\u9fff]{2,8}?)(?:人|的人)$")
_PERSONA = lazy_compile(r"^(?:我|本人|俺)(?:是|系)[^，,]{0,12}的$")  # 我是做环保的: who asks, said by the opening rule
# what goes on about the asker's job after their self-introduction (最近在写…的稿子, 平时负责…); a clause naming anything
# else (區錦雄提到…的那个小镇，) is the question's own
_ASKER_MORE = lazy_compile(
    r"^(?:最近|近来|近來|现在|現在|目前|平时|平時|平常|正在|一直|今年|去年|这几年|這幾年|刚|剛|主要|专门|專門)"
)
_SELF_INTRO = lazy_compile(r"^(?:我|本人|俺)(?:是|系)|^作为")
# the asker's own unit named indefinitely (一个县环保局, 一家公司) or their own organisation's doing (我们也在搞…, 我们县…):
# another place than the text's, whose words are no part of the question (session 26, readers22)
_OWN_UNIT = lazy_compile(
    r"[一某](?:个|個|家|所)?[\u4e00-\u9fff]{0,2}?(?:县|縣|区|區|市|省|镇|鎮|乡|鄉|村|单位|單位|企业|企業|公司|部门|部門|局|厂|廠)"
    r"|^(?:我们|我們|咱们|咱們|俺们|俺們)"
)
_POINTED = lazy_compile(r"他们|他們|她们|她們|人家|那边|那邊|那里|那裡|那儿|那兒|当地|當地")  # a referent the context names
_DEICTIC = lazy_compile(r"^(?:那边|那邊|那里|那裡|那儿|那兒|那一片|那片|那块|那塊|这边|這邊|这里|這裡|当地|當地)(?:的)?")


def _speaker_named(word: str) -> bool:
    """Whether a word ends in a person's name (王奇, 湘潭苏国军): a speaker named to check."""
    from retriever.answerability.names import person_name

    return any(person_name(word[-k:]) for k in (3, 2) if len(word) >= k)


def claimed(question: str) -> str:
    """The fact-checker's question as the question it checks (the module's doc): 网上说大连拆掉了一千四百来台小锅炉，这说
    法靠谱吗？ → 大连拆掉了多少台小锅炉？; 有人说…，是真的吗 without a figure → …吗？; “…”是王奇说的吗？ → “…”是谁说的？.
    The question as typed when it checks no claim (no check at its close, or a question word in the claim)."""
    if not re.search(_HAN, question):
        return question
    said = _SAID_CHECK.search(question)
    if said and _speaker_named(said.group(2)) and said.start() > 0 and not _ZH_ASKING.search(question[: said.start()]):
        return question[: said.start()] + "是谁" + said.group(3) + "？"
    said = _SAID_FIRST.match(question)
    if said and _speaker_named(said.group(1)):
        return said.group(3) + "是谁" + said.group(2) + "？"
    check = _ZH_CLAIM_CHECK.search(question)
    if not check or check.start() == 0:
        return _figure_checked(question)
    claim = _ZH_SOURCE.sub("", question[: check.start()], count=1).strip("，,。 ")
    if len(claim) < 2 or _ZH_ASKING.search(claim):
        return question
    figures = [m for m in _FIGURE.finditer(claim) if not re.fullmatch(r"[一1](?:个|個|次|名|位|种|種|条|條|件)", m.group(0))
               and not re.fullmatch(r"\d{4}年?", m.group(0))]
    if not figures:
        return claim + "吗？"
    return _figure_asked(claim, figures[-1])


# A yes/no question that states a figure (session 22, readers18's fact-checker): 大连拆锅炉是不是花了五个亿？ 济宁配了992名
# 网格员吗？ 南阳有没有任命三百个河长？ The figure, right or slightly wrong, is the number asked, as a quoted claim's is
# (claimed): the passage that gives the real figure settles it, and a figure the text never gives (a cost, a salary) is
# a number no passage gives. A remark after the question (我看到的报道这么写的) asks nothing.
_YES_NO = lazy_compile(r"是不是|是否|有没有|有沒有")
_CLOSING_MA = lazy_compile(
    r"(?:吗|嗎|(?<![什甚怎这這那多要])(?:么|麼))(?=[？?。！!\s]*$)"
    r"|(?:是吧|对吧|對吧|(?<![的了])吧)(?=[？?]\s*$)"  # (persona27) the range reader's tag: …有几十件吧？ 出动了几千个交警是吧？
)
_WH = lazy_compile(r"多少|[几幾](?![十百千万萬亿億])|什么|甚么|谁|誰|哪|怎|如何|为何|為何|为什么|啥|咋")


def _figure_checked(question: str) -> str:
    """A yes/no question stating a figure as the question of that figure (大连拆锅炉是不是花了五个亿？ → 大连拆锅炉花了多少
    亿？); the question as typed when it asks no yes/no, names no figure or asks a question word too."""
    first = re.split(r"(?<=[？?])", question, maxsplit=1)[0]
    yes_no = _YES_NO.search(first)
    claim = first[: yes_no.start()] + first[yes_no.end() :] if yes_no else _CLOSING_MA.sub("", first)
    if claim == first or _WH.search(question):  # a question word anywhere: a wh-question, or a second question
        return question
    claim = _CLOSING_MA.sub("", claim).strip("，,。？? ")
    figures = [m for m in _FIGURE.finditer(claim) if not re.fullmatch(r"[一1](?:个|個|次|名|位|种|種|条|條|件)", m.group(0))
               and not re.fullmatch(r"\d{4}年?", m.group(0))]
    if len(claim) < 4 or not figures:
        return question
    return _figure_asked(claim, figures[-1])


def _figure_asked(claim: str, last: re.Match) -> str:
    """The claim with its figure asked: 大连拆掉了一千四百来台小锅炉 → 大连拆掉了多少台小锅炉？ (the measure word kept,
    the scale too when no measure word follows it: 十几个亿 → 多少亿)."""
    text = last.group(0)
    scale = "".join(dict.fromkeys(_SCALE.findall(text)))
    measure = re.search(rf"(?:{_MEASURE})$", text)
    unit = measure.group(0) if measure else ""
    asked = "多少" + ("" if unit and unit[0] in "万萬亿億" else scale[-1:]) + unit
    return claim[: last.start()] + asked + claim[last.end() :] + "？"


# The half-remembering asker (session 18, readers14): a figure recalled with a hedge, then asked again —
# 湘潭那个债好像发了十几个亿，到底是多少来着？ / I seem to remember the firm had been going for thirty years. How old is it
# really? The recalled figure, right or wrong, is the number asked, as a fact-checker's claim's is.
_RECALL = lazy_compile(
    r"(?:我|俺)?(?:好像|好象|似乎|貌似|依稀|隐约|隱約)?(?:记得|記得|印象中|印象里|印象裡|以为|以為)"
    r"|好像|好象|似乎|貌似|大概是|应该是|應該是"
)
_REASK = lazy_compile(  # the figure asked again: 到底是多少来着, 具体多少, 究竟是几个
    r"[，,。；;\s]+(?:那|那么|那麼)?(?:到底|究竟|具体|具體|实际|實際|确切|確切|准确|準確|实际上|實際上)?(?:是|有)?"
    r"(?:多少|几|幾)(?:[个個])?(?:来着|來著|啊|呀|呢|啦)*[？?。!！\s]*$"
)


def remembered(question: str) -> str:
    """The half-remembering asker's question as the question it asks (the comment above): the recalled clause without
    its hedge, its last figure asked (湘潭那个债发了多少亿？); English alike (english_remembered). The question as typed
    when it recalls no figure or asks something else after it."""
    if not re.search(_HAN, question):
        return english_remembered(question)
    again = _REASK.search(question)
    if not again or again.start() == 0:
        return question
    claim = question[: again.start()].strip("，,。 ")
    if not _RECALL.search(claim) or _ZH_ASKING.search(claim):
        return question
    # the hedge parts the topic from what is said of it (湘潭那个债｜好像｜发了…): a comma keeps them two words apart
    claim = re.sub(r"[，,\s]{2,}", "，", _RECALL.sub("，", claim)).strip("，, ")
    figures = [m for m in _FIGURE.finditer(claim) if not re.fullmatch(r"\d{4}年?", m.group(0))]
    return _figure_asked(claim, figures[-1]) if figures and len(claim) >= 2 else question


_EN_RECALL = lazy_compile(
    r"^(?:i (?:seem to |think i |kind of |vaguely |faintly )?(?:remember|recall)(?:ed)?(?: reading| hearing)?"
    r"|i (?:think|thought|believed?|was told|had the impression|have the impression|was under the impression)"
    r"|if i (?:remember|recall) (?:right|rightly|correctly)|as far as i (?:remember|recall)|my memory is)"
    r"(?: that)?[,\s]+(.+?)[.;!]\s+(.+)$",
    re.I,
)
_EN_REASK = lazy_compile(  # the figure asked again: How old is it really? What's the actual number? How many was it exactly?
    r"^(?=.*\b(?:really|actually|exactly|precisely|in fact|in reality|then|real|actual|exact|correct|right|true)\b)"
    r"(?:so |but |then |well,? )?(?:how (?:old|many|much|long|big|large|far)\b|what(?:'s| is| was) (?:the|its) "
    r"(?:real |actual |exact |correct |right |true )?(?:figure|number|amount|age|total|sum|count)\b)",
    re.I,
)
_EN_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|a dozen|a hundred|a thousand)"
)
_EN_RECALLED_FIGURE = lazy_compile(
    r"\b(?:about |around |nearly |almost |over |more than |some |roughly |only |just )?"
    rf"(?:\d[\d,.]*|{_EN_WORD_NUMBER})(?: (?:hundred|thousand|million|billion|trillion))*"
    r"(?: (yuan|rmb|dollars?|usd))?(?= |$|[,.?])",
    re.I,
)


# A guess checked after the question (What percentage … remove? Was it below one percent? / …占多少？是不是不到1%？): the
# asker's own bound on the figure asked, which the answer settles; its words (below, percent) ask nothing more.
_EN_GUESS = lazy_compile(
    r"(?<=[?？])\s+(?:so\s+)?(?:was|is|were|are|did|does|do)\s+(?:it|that|they|this)\s+(?:really\s+)?(?:even\s+)?"
    r"(?:below|under|above|over|more than|less than|fewer than|at least|at most|around|about|near|close to|nearly|almost"
    r"|roughly|higher than|lower than|bigger than|smaller than|greater than)\s+[^?？]{1,30}[?？]\s*$",
    re.I,
)
_ZH_GUESS = lazy_compile(
    r"(?<=[？?])\s*(?:是不是|是否|有没有)?(?:还)?(?:不到|不足|超过|超出|低于|高于|少于|多于|大于|小于|接近|将近|有)"
    r"[^？?。]{1,12}[？?]\s*$"
)


def guess_checked(question: str) -> str:
    """The question without a guess checked after it (… remove? Was it below one percent? → … remove?; …占多少？是不是不到
    1%？ → …占多少？); as typed when nothing asks before the guess."""
    guess = (_ZH_GUESS if re.search(_HAN, question) else _EN_GUESS).search(question)
    if guess is None or len(_WORDS.findall(question[: guess.start()])) < 2:
        return question
    return question[: guess.start()].rstrip()


def english_remembered(question: str) -> str:
    """I seem to remember X (a figure). How old is it really? → X with its last figure asked (how many / how much); the
    question as typed otherwise (no figure recalled, or another question after it)."""
    recall = _EN_RECALL.match(question.strip())
    if not recall or not _EN_REASK.match(recall.group(2)):
        return question
    claim = recall.group(1).strip(" ,")
    figures = list(_EN_RECALLED_FIGURE.finditer(claim))
    if len(claim.split()) < 3 or not figures:
        return question
    last = figures[-1]
    claim = claim[: last.start()] + ("how much" if last.group(1) else "how many") + claim[last.end() :]
    return claim[:1].upper() + claim[1:] + "?"


def situated(question: str, contains=None) -> str:
    """The resident's question without their own context (the module's doc): of the leading clauses about the asker
    (我是湘潭人，小时候在竹埠港边上长大，…) only the words the text writes (contains; without it, the nouns) stay, before the
    question or for its 那边; the question as typed when it opens with none or has nothing after them."""
    if not re.search(_HAN, question) or not _ASKER.match(question):
        return question
    clauses = re.split(r"(?<=[，,；;。！!])", question)
    context: list[str] = []
    introduced = False  # (persona24) a job's self-introduction (我是四川一个市的记者，): what follows is about that job
    # the clauses after the first one about the asker go on about them (我是南阳人，在这边住了十几年，想问问…)
    while len(clauses) > 1 and not _ZH_ASKING.search(clauses[0]) and not _HEARSAY.search(clauses[0]) and (
            _ASKER.match(clauses[0]) or (context and not introduced) or (introduced and _ASKER_MORE.match(clauses[0]))):
        clause = clauses.pop(0)
        if not _ORIGIN.match(clause.rstrip("，,；;。！! ")) and not _OPENING.sub("", clause).strip():
            introduced = introduced or (not context and bool(_SELF_INTRO.match(clause)))
            continue  # 我想了解一下，: the asker's opening, no context
        context.append(clause.rstrip("，,；;。！! "))
    rest = "".join(clauses).strip()
    if not (context or introduced) or len(_WORDS.findall(rest)) < 2:
        return question
    kept: list[str] = []
    for clause in context:
        if (introduced or _OWN_UNIT.search(clause)) and not _POINTED.search(rest):
            continue  # (persona24) their own unit, job and numbers (我在江苏一个区环保局干了五年, 我们也在搞网格化)
        if _PERSONA.match(clause) and not _ORIGIN.match(clause):
            continue
        origin = _ORIGIN.match(clause)
        kept += _written_words(origin.group(1) if origin else clause, contains)
        if _HYPOTHETICAL.match(clause):  # (persona28) 假如我去海南岛度假: the scene supposed is asked about, written or not
            kept += _places(clause)
    rest = _OPENING.sub("", rest, count=1) or rest
    kept = [w for w in dict.fromkeys(kept) if w not in rest]
    if not kept:
        return rest
    if _DEICTIC.match(rest):
        return "".join(kept) + "的" + _DEICTIC.sub("", rest, count=1)
    return "".join(kept) + "，" + rest


_HYPOTHETICAL = lazy_compile(r"^(?:假如|假若|如果|要是|假设|假設|倘若|设想|設想|想象|想像)")


def _places(clause: str) -> list[str]:
    """The clause's place names (jieba's ns), written by the text or not."""
    from index.tokenize import posseg

    return [p.word for p in posseg().lcut(clause) if p.flag.startswith("ns") and len(p.word) >= 2]


def _written_words(clause: str, contains=None) -> list[str]:
    """The clause's words of two or more characters that the text writes (contains), or without it its nouns;
    pronouns, numbers (十几年) and function words never. jieba's tags alone do not tell a place in a clause (在大连开了…
    tags 大连 an adverb, 在济宁长大 tags 长大 a place): the text's own words do."""
    from index.tokenize import posseg

    out = []
    for pair in posseg().lcut(clause):
        word = pair.word
        if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or pair.flag[:1] in "rmupxqcyeo":
            continue
        if (contains(word) if contains is not None else pair.flag[:1] in "nj"):
            out.append(word)
    return out


# English: who said it, naming a speaker to check (Did Zhang Haibing say that …?), a cleft naming a candidate to check
# (Is it Peking University that serves as …?), and a claim quoted for checking (Someone told me …. Is that right?)
_EN_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
_EN_SAY = r"(?:say|mention|claim|tell (?:us|the forum|the audience)|state|suggest|argue|admit|reveal|explain)"
_EN_SAID_CHECK = lazy_compile(
    rf"^(?:did|does|has|had) ({_EN_NAME}) (?:really |actually |ever |also )?{_EN_SAY}"
    r"(?: (?:at|during|in) the (?:forum|dialogue|talk))?(?: that)? (.+?)[?？.]?\s*$"
)
_EN_WH = lazy_compile(r"^(?:how (?:much|many|long|often|far)|what|when|where|which|who|whom|whose|why|whether|if)\b", re.I)
_EN_CLEFT = lazy_compile(r"^(?:is|was) it (?:really |actually )?(.+?) (?:that|who|which) (.+?)[?？.]?\s*$", re.I)
_EN_CLAIM_SOURCE = lazy_compile(
    r"^(?:(?:someone|somebody|people|a friend|my (?:friend|neighbou?r|cousin|colleague|uncle|aunt|brother|sister|dad|mum|mom"
    r"|father|mother|teacher|boss)(?: in [A-Z][a-z]+)?|a (?:news ?site|website|newspaper|report|post|blog|video|article)"
    r"|(?:an? |the )?(?:article|post|report|story|blog|rumou?r)(?: online)?)"
    r" (?:told me|tells me|says|said|claims|claimed|reckons|insists|thinks|wrote|writes|reported|reports)(?: that)?"
    r"|i (?:read|heard|saw)(?: (?:somewhere|online|on the news|on social media|in the news))?(?: that)?"
    r"|(?:it is|it's) said that|rumou?r has it that)\s+",
    re.I,
)
_EN_CLAIM_CHECK = lazy_compile(
    r"[.,;!?]*\s+(?:is (?:that|this|it) (?:really )?(?:right|true|correct|accurate|so|what (?:they|he|she|it|the [a-z ]+) said)"
    r"|(?:true|right),? or (?:false|not|wrong)|(?:am i|are they|is he|is she) right|does that check out|did (?:he|she|they))"
    r"\s*[?？.]?\s*$",
    re.I,
)
_EN_CONTEXT = lazy_compile(  # the asker's own sentences before the claim: I'm from Nanyang. I live in Dalian and …
    r"^(?:(?:i(?:'m| am) (?:from|in|based in|living in|an? [a-z ]{2,20} (?:in|from))|i (?:live|grew up|moved|work|was born)"
    r"|as (?:a|an|someone) [^.?!]{2,40}?,|my [a-z]+ (?:lives|grew up|works|is from))[^.?!]*[.!]\s+)+",
    re.I,
)
_EN_SCALE = r"(?: (?:hundred|thousand|million|billion|trillion))*"
_EN_FIGURE = lazy_compile(
    r"\b(?:about |around |nearly |almost |over |more than |some |roughly |only |just )?"
    rf"(?:\d[\d,.]*|a few|several|dozens of|hundreds of|thousands of){_EN_SCALE}(?: (yuan|rmb|dollars?|usd))?(?= |$|[,.?])",
    re.I,
)


# The English fact-checker's yes/no question stating a figure (session 22, readers18): Did Dalian spend 500 million yuan
# on it? Is it true that Nanyang appointed 300 river chiefs? Was the bond worth 1.8 billion yuan? The figure, right or
# slightly wrong, is the number asked (how many / how much, its unit kept: english_units.py reads how much yuan), as
# the Chinese 是不是…五个亿 (_figure_checked); figures spoken in words too (fourteen hundred, forty million).
_EN_UNITS_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
    r"|seven|eight|nine))?"
)
_EN_YES_NO = lazy_compile(r"^(?:did|does|do|is|are|was|were|has|have|had|can|could|will)\s", re.I)
_EN_YES_NO_FIGURE = lazy_compile(
    r"\b(?:about |around |nearly |almost |over |more than |some |roughly |only |just |close to |under |less than )?"
    rf"(?:\d[\d,.]*(?:{_EN_SCALE})(?:[- ]odd| plus)?"
    rf"|(?:{_EN_UNITS_WORD})(?: (?:hundred|thousand|million|billion))*(?:[- ]odd| plus)?"
    r"|(?:a|half a) (?:hundred|thousand|million|billion)(?: (?:hundred|thousand|million|billion))*)"
    r"(?=[\s,.?%]|$)(?: ?(%|percent|per cent|yuan|rmb))?",
    re.I,
)
_EN_NUMBER_NOUN = lazy_compile(r"\b(?:number|amount|total|count|figure|share|percentage|proportion)\b", re.I)
_EN_WH_WORD = lazy_compile(r"\b(?:how|what|which|who|whom|whose|where|when|why)\b", re.I)


def english_figure_checked(question: str) -> str:
    """An English yes/no question (or a statement asked with Is it true that) stating a figure, with its last figure
    asked: Did Dalian spend 500 million yuan on it? → Did Dalian spend how much yuan on it?; as typed otherwise."""
    text = question.strip()
    if _EN_WH_WORD.search(text) or not (_EN_YES_NO.match(text) or text.endswith("?")) or _EN_NUMBER_NOUN.search(text):
        return question  # And the number of boilers under ten tonnes …?: a number asked by its noun, the figure a limit
    figures = [m for m in _EN_YES_NO_FIGURE.finditer(text)
               if not re.fullmatch(r"(?:19|20)\d\d", m.group(0).strip()) and m.group(0).strip().lower() != "one"]
    if not figures:
        return question
    last = figures[-1]
    unit = (last.group(1) or "").lower()
    if unit in ("%", "percent", "per cent"):
        asked = "what percentage"
    elif unit or re.search(r"million|billion", last.group(0), re.I):
        asked = "how much " + (unit or "")
    else:
        asked = "how many"
    return (text[: last.start()] + asked.strip() + text[last.end() :]).strip()


def english_claimed(question: str) -> str:
    """The English fact-checker's question as the question it checks: Did Zhang Haibing say that X? → Who said that X?
    (Did Ou Jinxiong say how much …? → How much …?); Is it X that Y? → Who Y?; Someone told me X. Is that right? → X with
    its last figure asked (how many / how much); the question as typed otherwise."""
    text = question.strip()
    said = _EN_SAID_CHECK.match(text[:1].lower() + text[1:])
    if said:
        claim = said.group(2)
        if _EN_WH.match(claim):
            return claim[:1].upper() + claim[1:] + "?"
        return f"Who said that {claim}?"
    cleft = _EN_CLEFT.match(text)
    if cleft and re.match(r"(?:the )?[A-Z]", cleft.group(1)) and not re.match(  # a candidate named, not a verdict
            r"(?i)(?:true|the case|correct|right|so|possible|likely|fair|accurate|wrong|false)\b", cleft.group(1)):
        return f"Who {cleft.group(2)}?"
    place = ""
    context = _EN_CONTEXT.match(text)
    if context:  # I'm from Nanyang. A friend says …: the asker's own sentence names where, and asks nothing
        place = " and ".join(dict.fromkeys(re.findall(r"(?<!^)(?<![.!] )\b[A-Z][a-z]+\b", context.group(0).strip())))
        text = text[context.end() :]
    check = _EN_CLAIM_CHECK.search(text)
    source = _EN_CLAIM_SOURCE.match(text)
    # a claim: someone's word for it, or a statement of its own before the check (…. Is that accurate?)
    if not check or not (source or re.match(r"[.!;]", text[check.start() :])):
        return question
    claim = text[source.end() if source else 0 : check.start()].strip(" .,;")
    if source:  # My neighbour in Dalian says …: where the claim is about
        named = re.findall(r"\bin ([A-Z][a-z]+)\b", source.group(0))
        place = " and ".join(dict.fromkeys([*filter(None, place.split(" and ")), *named]))
    if len(claim.split()) < 3 or _EN_WH.match(claim):
        return question
    if place and place not in claim:
        claim = f"in {place}, {claim}"
    figures = list(_EN_FIGURE.finditer(claim))
    if figures:
        last = figures[-1]
        claim = claim[: last.start()] + ("how much" if last.group(1) else "how many") + claim[last.end() :]
    return claim[:1].upper() + claim[1:] + "?"


# --- the chatbot user's instructions (session 17) ---
# which text to answer from: 请根据这篇对话录回答, 根据文章内容, 按照文中的说法, 请结合原文; Based on the transcript
_ZH_TEXT = (
    r"(?:这|這|该|該|本|此|上面的?|以上|上述|下面的?)?(?:一)?(?:篇|份|段|则|則)?"
    r"(?:对话录|對話錄|对话|對話|文章|原文|文本|材料|全文|上文|文中|文内|文字|报道|報道|稿件|访谈|訪談|资料|資料|记录|記錄)"
    r"(?:中|里|裡|内|內)?(?:的)?(?:内容|內容|说法|說法|所述|记载|記載|信息|原话|原話)?"
)
_ZH_ANSWER = (
    r"(?:来|來)?(?:回答|作答|回复|回覆|答题|答題|答|说明|說明|判断|判斷|概括|总结|總結|分析)?(?:一下)?"
    r"(?:下面|下列|以下|这个|這個|这道|這道)?(?:的)?(?:问题|問題|题目|題目)?"
)
_ZH_FROM_TEXT = (
    rf"(?:请|請)?(?:你|您)?(?:根据|根據|依据|依據|按照|按|结合|結合|基于|基於|参照|參照|对照|對照|就|从|從)"
    rf"{_ZH_TEXT}{_ZH_ANSWER}"
)
# how to answer: 用一句话概括, 只给数字, 简单说说, 说个大概就行, 请引用原文说明, 列出, 不要解释
_ZH_MANNER = (
    r"(?:用|以)(?:一句话|一句話|一两句话|一兩句話|两句话|兩句話|几句话|幾句話|简短的话|簡短的話|简洁的话|簡潔的話|简短的语言"
    r"|簡短的語言|简洁的语言|簡潔的語言|简单的话|簡單的話|自己的话|自己的話)"
)
_ZH_HOW = r"(?:只|仅|僅|直接|简单|簡單|简要|簡要|简短|簡短|简洁|簡潔|大概|大致|粗略|如实|如實|准确|準確)*(?:地)?"
_ZH_DO = (
    r"(?:说说|說說|说一下|說一下|说下|說下|讲讲|講講|讲一下|講一下|谈谈|談談|说|說|讲|講|回答|作答|答|概括|总结|總結|概述|描述|介绍|"
    r"介紹|说明|說明|解释|解釋|写|寫|给出?|給出?|告诉我|告訴我|列出|列举|列舉|写出|寫出|引用|摘引|摘录|摘錄)"
)
_ZH_WHAT_GIVEN = (
    r"(?:一下|个|個|一个|一個|我)?(?:数字|數字|数|數|答案|结果|結果|结论|結論|大概|要点|要點|原文|原话|原話|出处|出處|理由)?"
)
_ZH_ENOUGH = r"(?:就行|就好|就可以|就可|即可|便可|就够了|就夠了|就行了|就好了)?(?:了|啦|吧)?"
_ZH_INSTRUCTION_CLAUSE = lazy_compile(
    rf"^(?:{_ZH_FROM_TEXT}|(?:请|請)?(?:你|您)?(?:{_ZH_MANNER})?{_ZH_HOW}{_ZH_DO}{_ZH_WHAT_GIVEN}{_ZH_ENOUGH}"
    rf"|(?:请|請)?(?:你|您)?(?:引用|摘引|摘录|摘錄)(?:这句话|這句話|这句|這句)?(?:所在的)?{_ZH_TEXT}(?:来|來)?(?:说明|說明|回答|作答)?"
    r"|(?:不要|不用|无需|無需|不需要|不必|别|別)(?:解释|解釋|展开|展開|多说|多說|啰嗦|囉嗦|说明|說明|分析)"
    r"|(?:考考(?:大家|你|你们|你們)|小测验|小測驗|测验题|測驗題|随堂测验|隨堂測驗|问答题|問答題|quiz))$",
    re.I,
)
# an instruction that opens the question's own clause: 用一句话概括湘潭的…, 请引用原文说明…, 列出…, 简单说说…, 只给数字：
_ZH_INSTRUCTION_OPEN = lazy_compile(
    rf"^(?:{_ZH_FROM_TEXT}(?=[，,：:\s])"
    rf"|(?:请|請)?(?:你|您)?{_ZH_MANNER}(?:来|來)?{_ZH_HOW}{_ZH_DO}(?:一下)?"
    rf"|(?:请|請)?(?:你|您)?(?:引用|摘引|摘录|摘錄){_ZH_TEXT}(?:来|來)?(?:说明|說明|回答|作答)?"
    r"|(?:请|請)?(?:你|您)?(?:简单|簡單|简要|簡要)?(?:列出|列举|列舉|写出|寫出|说出|說出|指出)(?:一下)?"
    r"|(?:(?:请|請)(?:你|您)?(?:简单|簡單|简要|簡要)?|(?:简单|簡單|简要|簡要))(?:概括|概述|总结|總結)(?:一下)?"
    r"|(?:请|請)?(?:你|您)?(?:简单|簡單|简要|簡要)(?:说说|說說|说一下|說一下|讲讲|講講|谈谈|談談|介绍一下|介紹一下|说明|說明)"
    r"|(?:只|仅|僅)(?:给|給|回答|说|說|写|寫)(?:出)?(?:我)?(?:数字|數字|答案|数|數)"
    r"|(?:在|据|據)?(?:文中|文章中|原文中|文章里|文章裡|对话录中|對話錄中|对话录里|對話錄裡|对话中|對話中|本文中?|全文中?)"
    r"(?:所?(?:提到|提及|说|說|讲|講|写|寫|述|指出|介绍|介紹)(?:到)?(?:的|了)?)?)"
    r"[，,：:；;\s]*(?=[\u4e00-\u9fff“「『\"《A-Za-z0-9])",
    re.I,
)
_EN_TEXT = (
    r"(?:the|this|that)(?: (?:given|above|following|provided|whole|original|same))? (?:forum |dialogue |interview )?"
    r"(?:transcript|text|article|dialogue|dialog|passage|document|record|interview|conversation|excerpts?|report|page"
    r"|material|source|discussion)"
)
_EN_INSTRUCTION_OPEN = lazy_compile(
    r"^(?:(?:please |kindly )?(?:based (?:only |solely |purely )?on|according to|(?:answer |respond )?(?:using|from|with)"
    r"(?: only)?|drawing (?:only )?on|going by|with reference to|referring to|relying (?:only )?on|judging by|per)"
    rf" {_EN_TEXT}(?: alone| only)?(?:,? (?:answer|tell me|respond|explain))?"
    r"|(?:please )?(?:answer|respond|reply)(?: (?:briefly|concisely|shortly|in one sentence|in a word|in a few words"
    rf"|(?:only )?from {_EN_TEXT}))*(?:,? (?:with )?no explanation)?"
    r"|in (?:one|a single|a|two|a few|one or two|one short) (?:short )?(?:sentences?|words?|line|phrase)|briefly|in short"
    r"|in brief|quickly|tl;?dr"
    r"|(?:(?:please |just )?give me |just |please )?(?:the |a )?(?:figure|number|numbers|figures|digits?|answer|year|date"
    r"|name) only(?: please)?"
    r"|(?:please |just )?give me (?:just )?the (?:figure|number|answer)"
    rf"|(?:please )?(?:cite|quote) (?:{_EN_TEXT}|the original|the source|your source|sources?|it)"
    rf"|(?:please )?(?:quote|cite) the (?:sentence|line|passage|words?|phrase|part)(?: (?:of|in) {_EN_TEXT})?"
    r"(?: (?:where|in which|with which|that says|saying))?"
    r"|(?:quiz|test|exam|review|homework)(?: question)?(?: \d+)?|(?:with )?no explanation(?: needed| please)?)"
    r"[\s,:;.\-–—]+(?=\w)"
    r"|^(?:please )?(?:(?:briefly )?(?:summari[sz]e|explain|describe|outline|list|name|state|identify)(?: briefly| in brief"
    r"| in one sentence| concisely)?)"
    r"\s+(?=(?:the|a|an|all|both|every|each|one|two|three|four|five|who|whom|what|which|where|when|how|why|in which|that)\b)",
    re.I,
)
_EN_INSTRUCTION_CLOSE = lazy_compile(  # a sentence or clause of its own after the question (… early in the year? stays)
    r"(?:[,;:.!?\-–—]\s*|\s+[\-–—]\s*)"
    r"(?:(?:please )?(?:answer|reply|respond) (?:briefly|concisely|in one sentence|in a word|in a few words"
    rf"|shortly|only from {_EN_TEXT}|from {_EN_TEXT})|keep it (?:short|brief|simple)|be (?:brief|concise)"
    rf"|(?:please )?(?:quote|cite) (?:it|them|the text|the source|the original|the sentence|{_EN_TEXT})"
    r"|(?:with )?no explanation(?: needed| please| necessary)?|(?:just )?the (?:number|figure|answer|year|date|name)"
    r"(?: only)?(?: please)?|(?:number|figure|answer) only(?: please)?|(?:in )?one sentence(?: please| only)?"
    r"|(?:a )?short answer(?: please)?|briefly)[\s.!]*(?=[?？]?$)",
    re.I,
)
_CLAUSE = lazy_compile(r"[^，,。；;：:！!？?\s]+[，,。；;：:！!？?\s]*")


def instructed(question: str) -> str:
    """The question without the chatbot user's instructions (the module's doc): which text to answer from
    (请根据这篇对话录回答：, 根据文章内容，, 文中提到的…, Based on the transcript, …), how to answer (用一句话概括…, 只给数字：,
    …，简单说说, 说个大概就行, 请引用原文说明…, 列出…, In one sentence, …, Give me the figure only: …, … Answer briefly.).
    None of those words is asked about; the question as typed when nothing would be left."""
    text = question.strip()
    if re.search(_HAN, text):
        for _ in range(3):  # whole clauses that only instruct, at the opening and at the close
            clauses = _CLAUSE.findall(text)
            if len(clauses) < 2:
                break
            bare = [re.sub(r"[，,。；;：:！!？?\s]+$", "", c) for c in clauses]
            if _ZH_INSTRUCTION_CLAUSE.match(bare[0]):
                text = "".join(clauses[1:])
            elif _ZH_INSTRUCTION_CLAUSE.match(bare[-1]) and len(bare[-1]) > 0:
                mark = re.search(r"[？?]", clauses[-1]) or re.search(r"[？?]", clauses[-2])
                text = re.sub(r"[\s，,。；;：:！!？?]+$", "", "".join(clauses[:-1])) + ("？" if mark else "")
            else:
                break
        for _ in range(2):
            opened = _ZH_INSTRUCTION_OPEN.sub("", text, count=1)
            if opened == text or len(_WORDS.findall(opened)) < 2:
                break
            text = opened
    for _ in range(2):
        opened = _EN_INSTRUCTION_OPEN.sub("", text, count=1)
        if opened == text or len(_WORDS.findall(opened)) < 2:
            break
        text = opened
    close = _EN_INSTRUCTION_CLOSE.search(text)
    if close and close.start() > 0 and len(_WORDS.findall(text[: close.start()])) >= 2:
        text = text[: close.start()] + ("?" if re.search(r"[?？]", close.group(0)) else "")
    return text if len(_WORDS.findall(text)) >= 2 else question


# the quiz writer names the text itself (这篇对话录的主持人是谁, 本文的编辑是谁): the text is no content word of the question
_SELF_REFERENCE = lazy_compile(
    r"^(?:(?:这|這|该|該|本|此)(?:一)?(?:篇|份|期|则|則|场|場|次)?(?:对话录|對話錄|对话|對話|谈话|談話|文章|报道|報道|访谈|訪談|稿件|文|材料)"
    r"(?:的|中的|里的|裡的|中|里|裡)|(?:文中|文章中)(?:的)?)(?=[\u4e00-\u9fff“「])"
)


def self_referenced(question: str) -> str:
    """The quiz writer's question without the text it names (这篇对话录的主持人是谁 → 主持人是谁), for the judge: every
    passage is the text's, so 对话录 is no asked word it could miss. The search keeps it (这篇对话录的主标题 finds the
    title's passage by 对话录)."""
    text = _SELF_REFERENCE.sub("", question.strip(), count=1)
    return text if len(_WORDS.findall(text)) >= 2 else question
