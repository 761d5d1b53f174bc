"""Session 24 (persona22): a letter's salutation and close and a search engine's operators ask nothing; a stance
question's topic."""

import pytest

from retriever.answerability.preamble import framing_only, searched, unframed
from retriever.answerability.stances import stance_topic


@pytest.mark.parametrize(("typed", "asked"), [
    ("尊敬的编辑部：您好！烦请告知大连交警排查黄标车时采取了哪些方式，不胜感激！", "大连交警排查黄标车时采取了哪些方式"),
    ("您好！冒昧打扰，请问南阳有多少河长？盼复，谢谢！", "南阳有多少河长？"),
    ("麻烦问一下哈，南阳治理黑臭水体一共花了多少钱？", "南阳治理黑臭水体一共花了多少钱？"),
    ("Dear forumqa team, I hope this finds you well. Could you kindly tell me how much Xiangtan's banks added on top "
     "of the bond money? Many thanks, Dr. Li", "how much Xiangtan's banks added on top of the bond money?"),
    ("Hi, quick one: how does Jining's supervision combine online cameras with people on the ground?",
     "how does Jining's supervision combine online cameras with people on the ground?"),
    ("How many boilers? Thanks, Bob", "How many boilers?"),
    ("Which was best, Dalian", "Which was best, Dalian"),
])
def test_a_letters_framing_comes_off(typed, asked):
    assert unframed(typed) == asked


@pytest.mark.parametrize(("typed", "asked"), [
    ('"网格员" 济宁 专职 人数 -大连', '"网格员" 济宁 专职 人数'),
    ("湘潭 +雨湖 +岳塘 经开区 退出主体", "湘潭 雨湖 岳塘 经开区 退出主体"),
    ("site:cenews.com.cn 济宁 污染源 视频监控点位 数量", "济宁 污染源 视频监控点位 数量"),
    ("济宁 导则 整改到位 NOT 关停 家数", "济宁 导则 整改到位 家数"),
    ("2016 厅局长论坛 主题 *改革创新* 海口", "2016 厅局长论坛 主题 改革创新 海口"),
    ('intitle:"Environmental Bureau Chiefs Forum" 2016', '"Environmental Bureau Chiefs Forum" 2016'),
    ("What did Dalian AND Jining do?", "What did Dalian AND Jining do?"),  # capitals in an English question
    ("湘潭-岳塘区", "湘潭-岳塘区"),
    ("PM2.5下降了多少", "PM2.5下降了多少"),
])
def test_search_operators_come_off(typed, asked):
    assert searched(typed) == asked


@pytest.mark.parametrize("typed", ["此致敬礼", 'site: -- OR AND ""', "Dear Sir or Madam,", "尊敬的编辑部：您好！"])
def test_a_frame_alone_asks_nothing(typed):
    assert framing_only(typed)


@pytest.mark.parametrize("typed", ["湘潭 +雨湖", "大连拆了多少台锅炉？谢谢", "Dear editor, how many boilers?"])
def test_a_question_in_a_frame_asks(typed):
    assert not framing_only(typed)


@pytest.mark.parametrize(("question", "lang", "topic"), [
    ("许伟怎么看秸秆焚烧对济宁空气质量的影响？", "zh", "秸秆焚烧"),
    ("区锦雄对垃圾分类怎么看？", "zh", "垃圾分类"),
    ("局里好些人怕问责，大连那局长怎么看这事", "zh", ""),  # points back to the clause before
    ("What's Zhang Haibing's take on electric cars replacing the old yellow-label vehicles?", "en", "electric cars"),
    ("How many boilers did Dalian remove?", "en", ""),
])
def test_the_topic_of_a_stance_question(question, lang, topic):
    assert stance_topic(question, lang) == topic
