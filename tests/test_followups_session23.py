"""Session 23 (fu6): follow-up false abstention — how a question names an action or a body in everyday words."""

from retriever.answerability.asked import answer_kind, asks_role
from retriever.answerability.asked_action import how_action, verb_object


def test_a_traditional_how_question_asks_what_its_simplified_form_asks():
    # 咋調侃的 asks the words said, like 咋调侃的: the verb of saying is read in simplified characters
    assert how_action("老百姓咋調侃的？", []) == how_action("老百姓咋调侃的？", []) == ""
    assert how_action("湘潭是怎麼處理的？", []) == "处理"


def test_a_verb_and_its_object_is_no_action_the_text_must_write():
    # 筹钱 'raise money': the text writes 融资 and 筹集资金; a plain verb (治理, 处理, 招聘) is still asked
    assert verb_object("筹钱") and verb_object("修路")
    assert not any(verb_object(w) for w in ("治理", "处理", "招聘", "整治", "监管", "融资"))
    assert how_action("那湘潭是怎么筹钱的？", []) == ""
    assert how_action("他们是怎么招聘的？", []) == "招聘"


def test_a_leading_group_is_a_body_not_a_person_asked_by_role():
    # 领导小组谁当组长 asks who heads a body (以市长为组长 answers); 哪位领导 asks a person by role
    assert not asks_role("湘潭市重金属污染治理领导小组由谁担任组长？", "zh")
    assert answer_kind("南阳成立的领导小组叫什么？", "zh") == "name"
    assert asks_role("湘潭的哪位领导签了协议？", "zh")
