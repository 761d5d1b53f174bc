"""retriever/answerability/aliases.py: the text's names for a reader's others (session 25, persona23)."""

from retriever.answerability.aliases import aliased

TEXT = "辽宁省大连市环保局 湖南省湘潭市 山东省济宁市 河南省南阳市 环境保护部、湖南省环保厅 中国环境报 环保部门 豫鄂陕"


def contains(text: str) -> bool:
    return text in TEXT


def test_nicknames_and_regions():
    assert aliased("滨城那会儿锅炉拆了多少台？", contains) == "大连那会儿锅炉拆了多少台？"
    assert aliased("莲城湘潭的竹埠港退出了几家？", contains) == "湘潭的竹埠港退出了几家？"
    assert aliased("濱城大連的市區完成了多少台？", contains) == "大连的市區完成了多少台？"
    assert aliased("鲁西南的济宁签了什么协议？", contains) == "山东的济宁签了什么协议？"
    assert aliased("对话人名单里豫那位局长是谁？", contains) == "对话人名单里河南那位局长是谁？"


def test_renamed_bodies_and_asides():
    assert aliased("南阳市生态环境局（当时叫环保局）的局长是谁？", contains) == "南阳市环保局的局长是谁？"
    assert aliased("生态环境部门要做什么？", contains) == "环保部门要做什么？"
    assert aliased("生态环境部给了湘潭多少钱？", contains) == "环境保护部给了湘潭多少钱？"
    assert aliased("中环报那次对话谁主持？", contains) == "中国环境报那次对话谁主持？"
    english = "The Ministry of Ecology and Environment (in 2016 still Ministry of Environmental Protection), who?"
    assert aliased(english, contains) == "The Ministry of Environmental Protection, who?"


def test_fails_safe():
    assert aliased("泉城济南的事", contains) == "泉城济南的事"  # the text never writes 济南: stays unknown
    assert aliased("湘潭的湘江", contains) == "湘潭的湘江"  # a short form inside a word is no alias
    assert aliased("鲁菜和湘菜哪个更辣？", contains) == "鲁菜和湘菜哪个更辣？"
    assert aliased("南阳位于豫鄂陕三省交界吗", contains) == "南阳位于豫鄂陕三省交界吗"
    assert aliased("滨城是哪里？", None) == "滨城是哪里？"  # no text to check against
    # an aside whose name the question writes nowhere else stays: the text may write only that name
    assert aliased("湘潭市城管局（当时叫环保局）的局长是谁", contains) == "湘潭市城管局（当时叫环保局）的局长是谁"


def test_english_nicknames():  # session 26, en7
    assert aliased("How many boilers did Bincheng remove?", contains) == "How many boilers did Dalian remove?"
    assert aliased("How much did the Lotus City raise in bonds?", contains) == "How much did the Xiangtan raise in bonds?"
    assert aliased("Who heads the Dalian EEB?", contains) == "Who heads the Dalian Environmental Protection Bureau?"
