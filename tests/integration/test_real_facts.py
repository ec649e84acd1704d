"""The fact path on the real corpus and models: the neighbour of a figure is not given for it,
comparisons and the trade balance are computed in code, and a province or indicator the
reports never mention is refused."""


def test_value_not_its_share_of_plan(service):
    a = service.ask("Quy mô GRDP (giá hiện hành) 6 tháng đầu năm 2024 của tỉnh đạt bao nhiêu?")
    assert a.mode == "facts" and a.facts[0]["text"] == "96.058" and a.facts[0]["unit"] == "tỷ đồng"
    assert "45,3" not in a.answer.split("\n")[0]  # "bằng 45,3% kế hoạch" in the same sentence


def test_share_of_the_economy(service):
    a = service.ask("6 tháng đầu năm 2024, ngành công nghiệp - xây dựng chiếm bao nhiêu phần trăm cơ cấu kinh tế?")
    assert a.facts and a.facts[0]["text"] == "65,34"


def test_quarters_compared_in_percentage_points(service):
    a = service.ask("Tăng trưởng GRDP quý II/2024 cao hơn quý I/2024 bao nhiêu điểm phần trăm?")
    assert a.mode == "computed" and "0,35 điểm phần trăm" in a.answer


def test_trade_balance_from_two_facts(service):
    a = service.ask("6 tháng đầu năm 2024 tỉnh xuất siêu bao nhiêu (xuất khẩu trừ nhập khẩu)?")
    assert a.mode == "computed" and "xuất siêu 1,3 tỷ USD" in a.answer


def test_another_province_is_refused(service):
    a = service.ask("Thu ngân sách của tỉnh Thái Nguyên 6 tháng đầu năm 2024 đạt bao nhiêu?")
    assert a.refused and "Thái Nguyên" in a.answer
