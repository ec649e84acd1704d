"""Figures a report implies but does not state, worked out in code from two it states (reports
written for these tests, figures invented)."""

REPORT = """ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
III. VĂN HÓA - XÃ HỘI
2. Giảm nghèo
Đến cuối năm, tỷ lệ hộ nghèo theo chuẩn đa chiều còn 6,41%, giảm 1,73 điểm phần trăm so với cuối năm 2023. Tốc độ tăng thu nhập bình quân đạt 8,2%, tăng 1,5% so với năm 2023.
"""


def test_the_rate_before_a_change_in_points(answerer_on):
    answerer = answerer_on({"soc-trang-2024.txt": REPORT})
    a = answerer.ask("Tỷ lệ hộ nghèo đa chiều cuối năm 2023 là bao nhiêu?")
    assert a.mode == "computed" and not a.refused, a.answer
    assert "**8,14%**" in a.answer and "6,41" in a.answer and "1,73" in a.answer
    assert a.facts[-1]["op"] == "level_before" and abs(a.facts[-1]["value"] - 8.14) < 1e-6


def test_no_level_is_divided_back_from_a_growth_in_percent(answerer_on):
    answerer = answerer_on({"soc-trang-2024.txt": REPORT})
    a = answerer.ask("Tốc độ tăng thu nhập bình quân năm 2023 là bao nhiêu?")
    assert a.mode != "computed" and "6,7" not in a.answer, a.answer
    # nor is a change asked for answered by a level worked out
    b = answerer.ask("Tỷ lệ hộ nghèo năm 2022 là bao nhiêu?")
    assert b.mode != "computed", b.answer


BUDGET = """ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
BÁO CÁO
Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2025
1. Thu ngân sách
Dự toán thu ngân sách nhà nước năm 2025 Trung ương giao 4.100 tỷ đồng, Hội đồng nhân dân tỉnh giao 4.400 tỷ đồng. Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm 2025 đạt 2.310,5 tỷ đồng, bằng 56,4% dự toán Trung ương giao, bằng 52,5% dự toán Hội đồng nhân dân tỉnh giao.
Ước thu ngân sách nhà nước trên địa bàn cả năm 2025 đạt 4.650 tỷ đồng, bằng 105,7% dự toán Hội đồng nhân dân tỉnh giao.
"""


def test_the_gap_questions_become_a_plan_and_a_result_question():
    from assistant.generation.remaining import split_gap

    g = split_gap("Sau 6 tháng, tỉnh còn phải thu bao nhiêu nữa mới đạt dự toán thu NSNN HĐND tỉnh giao?")
    assert g.direction == "left" and g.issuer == "hdnd tinh" and g.done_period.span == "h1"
    g = split_gap("Để hoàn thành kế hoạch giải ngân vốn đầu tư công năm 2025, quý IV phải giải ngân thêm bao nhiêu tỷ đồng?")
    assert g.direction == "left" and g.done_period.span == "first9" and g.verb == "giải ngân"
    g = split_gap("Ước thu NSNN năm 2025 thiếu bao nhiêu so với kế hoạch?")
    assert g.direction == "short" and g.done_period.span == "year"
    assert split_gap("Tăng trưởng GRDP vượt kế hoạch bao nhiêu?") is None  # no result named before the cue
    assert split_gap("Tỉnh còn phải thu bao nhiêu nữa mới đạt dự toán?") is None  # no period: what was done when?


def test_what_is_left_of_the_plan_of_the_setter_named(answerer_on):
    answerer = answerer_on({"hau-giang-6t-2025.txt": BUDGET})
    a = answerer.ask("Sau 6 tháng, tỉnh còn phải thu bao nhiêu nữa mới đạt dự toán thu NSNN HĐND tỉnh giao?")
    assert a.mode == "computed" and not a.refused, a.answer
    assert "**2.089,5 tỷ đồng**" in a.answer and "4.400" in a.answer and "2.310,5" in a.answer
    b = answerer.ask("Sau 6 tháng, tỉnh còn phải thu bao nhiêu nữa mới đạt dự toán thu NSNN Trung ương giao?")
    assert "**1.789,5 tỷ đồng**" in b.answer, b.answer
    # two plans and no setter named: which one is not known, nothing is computed
    c = answerer.ask("Sau 6 tháng, tỉnh còn phải thu bao nhiêu nữa mới đạt dự toán thu NSNN?")
    assert c.mode != "computed", c.answer


def test_an_estimate_over_its_plan(answerer_on):
    answerer = answerer_on({"hau-giang-6t-2025.txt": BUDGET})
    a = answerer.ask("Ước thu NSNN năm 2025 vượt dự toán HĐND tỉnh giao bao nhiêu tỷ đồng?")
    assert a.mode == "computed" and "**250 tỷ đồng**" in a.answer, a.answer
    # the sign the question assumes is not the figures': nothing is computed
    b = answerer.ask("Ước thu NSNN năm 2025 hụt bao nhiêu tỷ đồng so với dự toán HĐND tỉnh giao?")
    assert b.mode != "computed", b.answer


SOCIAL = """ỦY BAN NHÂN DÂN TỈNH VĨNH LONG
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
III. VĂN HÓA - XÃ HỘI
3. Bảo hiểm xã hội
Số người tham gia bảo hiểm xã hội đạt 152.400 người, trong đó bảo hiểm xã hội tự nguyện 38.150 người.
4. Cải cách hành chính
Trung tâm phục vụ hành chính công tiếp nhận 25.300 hồ sơ, đã giải quyết đúng hạn 25.012 hồ sơ.
5. Nhà ở
Tổng số nhà cần sửa chữa là 1.840 căn, năm 2024 đã hoàn thành 1.215 căn.
6. Giao thông
Toàn tỉnh xảy ra 120 vụ tai nạn giao thông, làm chết 64 người.
"""


def test_a_part_left_by_its_complement(answerer_on):
    answerer = answerer_on({"vinh-long-2024.txt": SOCIAL})
    a = answerer.ask("Số người tham gia BHXH bắt buộc năm 2024 là bao nhiêu?")
    assert a.mode == "computed" and "**114.250 người**" in a.answer and "152.400" in a.answer, a.answer
    b = answerer.ask("Năm 2024 trung tâm phục vụ hành chính công có bao nhiêu hồ sơ giải quyết trễ hạn?")
    assert b.mode == "computed" and "**288 hồ sơ**" in b.answer, b.answer
    c = answerer.ask("Còn bao nhiêu căn nhà cần sửa chữa chưa hoàn thành năm 2024?")
    assert c.mode == "computed" and "**625 căn**" in c.answer, c.answer
    # the part the report states is read, not worked out
    d = answerer.ask("Số người tham gia BHXH tự nguyện năm 2024 là bao nhiêu?")
    assert d.mode != "computed" and "38.150" in d.answer, d.answer
    # no complement stated: nothing is worked out ("làm chết" is no part of the accidents)
    e = answerer.ask("Có bao nhiêu vụ tai nạn giao thông không làm chết người năm 2024?")
    assert e.mode != "computed", e.answer


SHARES = """HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN
BAN KINH TẾ - NGÂN SÁCH
BÁO CÁO THẨM TRA
Tình hình thu chi ngân sách 6 tháng đầu năm 2025
1. Thu ngân sách
Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm 2025 đạt 1.020 tỷ đồng, bằng 55,2% dự toán Trung ương giao, bằng 51,4% dự toán Hội đồng nhân dân tỉnh giao.
Ban nhận thấy tỷ lệ thu còn thấp hơn bình quân chung cả nước (cả nước thu ngân sách nhà nước 6 tháng đầu năm 2025 đạt 58,9% dự toán).
"""


def test_two_places_shares_of_plan_in_points(answerer_on):
    answerer = answerer_on({"bac-kan-6t-2025.txt": SHARES})
    a = answerer.ask("Tỷ lệ thu NSNN 6 tháng 2025 so dự toán HĐND tỉnh giao của Bắc Kạn thấp hơn cả nước bao nhiêu điểm phần trăm?")
    assert a.mode == "computed" and "7,5 điểm phần trăm" in a.answer and "51,4" in a.answer and "58,9" in a.answer, a.answer
    b = answerer.ask("Tỷ lệ thu NSNN 6 tháng 2025 so dự toán Trung ương giao của Bắc Kạn thấp hơn cả nước bao nhiêu điểm phần trăm?")
    assert b.mode == "computed" and "3,7 điểm phần trăm" in b.answer, b.answer
    # two plans, no setter named: which share is not known
    c = answerer.ask("Tỷ lệ thu NSNN 6 tháng 2025 so dự toán của Bắc Kạn thấp hơn cả nước bao nhiêu điểm phần trăm?")
    assert c.refused and "51,4" not in c.answer.split("\n")[-1], c.answer


HALF = """ỦY BAN NHÂN DÂN HUYỆN BẢO LÂM
BÁO CÁO
Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024
I. KẾT QUẢ
3. Tài chính
Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 96,3 tỷ đồng, bằng 45,0% dự toán Hội đồng nhân dân huyện giao. Chi ngân sách địa phương 6 tháng ước đạt 250 tỷ đồng.
Phần thứ hai
NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024
1. Thu ngân sách nhà nước trên địa bàn đạt 214 tỷ đồng.
2. Chi ngân sách địa phương đạt 530 tỷ đồng.
"""


def test_a_plan_dated_otherwise_is_taken_only_when_the_stated_share_confirms_it(answerer_on):
    answerer = answerer_on({"bao-lam-6t-2024.txt": HALF})
    a = answerer.ask("Để đạt chỉ tiêu thu NSNN năm 2024, huyện còn phải thu thêm bao nhiêu tỷ đồng trong 6 tháng cuối năm?")
    assert a.mode == "computed" and "**117,7 tỷ đồng**" in a.answer and "45" in a.answer, a.answer
    # no stated share to confirm the spending plan: nothing is computed
    b = answerer.ask("Để đạt chỉ tiêu chi ngân sách địa phương năm 2024, huyện còn phải chi thêm bao nhiêu tỷ đồng trong 6 tháng cuối năm?")
    assert b.mode != "computed", b.answer
