"""The model never chooses a figure on the default (fact) path: when a question without "bao
nhiêu" falls to the model and its reply carries a figure, the sentence is quoted instead (a report
written for this test, figures invented)."""

from assistant.generation.answer import wants_figure
from tests.generation.conftest import ScriptedGenerator

REPORT = """SỞ Y TẾ TỈNH KON TUM
Số: 88/BC-SYT                    Kon Tum, ngày 05 tháng 7 năm 2024
BÁO CÁO
Kết quả công tác y tế 6 tháng đầu năm 2024
1. Khám chữa bệnh
Trong 6 tháng, các cơ sở khám chữa bệnh được nâng cấp thêm 3 khoa hồi sức; hiệu suất khai thác giường nội trú chung của tỉnh 91,3%, riêng tuyến huyện 84,6%.
2. Nhân lực
Ngành tổ chức 4 lớp tập huấn về cấp cứu ban đầu cho y tế thôn bản.
"""

Q = "Hiệu suất khai thác giường nội trú tuyến huyện của Kon Tum 6 tháng đầu năm 2024?"


def test_the_figure_beside_the_one_asked_is_not_chosen(answerer_on):
    # "tuyến huyện" labels the second figure: the first one (of the whole province) lacks those
    # words, so it is that figure's neighbour, not the answer
    a = answerer_on({"kon-tum-y-te.txt": REPORT}).ask(Q.replace("?", " là bao nhiêu?"))
    assert "**91,3" not in a.answer
    whole = answerer_on({"kon-tum-y-te.txt": REPORT}).ask("Hiệu suất khai thác giường nội trú chung của Kon Tum 6 tháng đầu năm 2024 là bao nhiêu?")
    assert whole.mode == "facts" and "**91,3" in whole.answer


def test_a_figure_the_model_picked_is_not_shown_alone(answerer_on):
    gen = ScriptedGenerator()
    gen.enqueue("91,3% [1]")  # the province's figure, not the district level asked
    a = answerer_on({"kon-tum-y-te.txt": REPORT}, gen=gen).ask(Q)
    assert not wants_figure(Q) and len(gen.history) == 1  # the question reached the model
    assert a.mode == "extractive-repair" and a.answer.strip() != "91,3% [1]"
    assert "91,3%" in a.answer and "84,6%" in a.answer  # the sentence quoted whole


def test_the_model_still_writes_an_answer_without_figures(answerer_on):
    gen = ScriptedGenerator()
    gen.enqueue("Ngành tổ chức các lớp tập huấn cấp cứu ban đầu cho y tế thôn bản [1].")
    a = answerer_on({"kon-tum-y-te.txt": REPORT}, gen=gen).ask(
        "Ngành y tế tỉnh Kon Tum tổ chức tập huấn gì cho y tế thôn bản 6 tháng đầu năm 2024?")
    assert a.mode == "llm" and "tập huấn" in a.answer


def test_a_generic_word_of_another_figure_does_not_make_a_neighbour():
    from assistant.generation.factpick import FactIndex
    from assistant.generation.request import parse_request
    from tests.generation.test_matter_asked import _fact

    s1 = "Dịch vụ chiếm 43,8% GRDP; khu vực nông nghiệp chiếm 20,4%."
    farm, services = _fact(s1, "20,4", "%", "tỷ trọng khu vực nông nghiệp trong GRDP"), _fact(s1, "43,8", "%", "tỷ trọng dịch vụ trong GRDP")
    s2 = "Hiệu suất sử dụng giường chung 91,3%, riêng tuyến huyện 84,6%."
    whole, district = _fact(s2, "91,3", "%", "hiệu suất sử dụng giường chung"), _fact(s2, "84,6", "%", "tuyến huyện")
    index = FactIndex([farm, services, whole, district], {"d": None})
    # "khu vực" labels the farm share, which names "nông nghiệp" the question does not ask
    assert not index.neighbour_owns(services, parse_request("Tỷ trọng khu vực dịch vụ trong GRDP là bao nhiêu?"))
    assert index.neighbour_owns(whole, parse_request("Hiệu suất sử dụng giường tuyến huyện là bao nhiêu?"))


def test_an_empty_reply_or_a_bare_direction_is_not_an_answer(answerer_on):
    gen = ScriptedGenerator()
    for reply in ("", " [1]. "):  # the model wrote nothing but a citation: the evidence is quoted
        gen.enqueue(reply)
        a = answerer_on({"kon-tum-y-te.txt": REPORT}, gen=gen).ask(Q)
        assert a.mode == "extractive-repair" and "84,6%" in a.answer, (reply, a.answer)
    # "tăng hay giảm" asks the figure's sign and size: a reply "Tăng" without a figure is not shown
    assert wants_figure("Số ca sốt xuất huyết 6 tháng tăng hay giảm so với cùng kỳ?")
