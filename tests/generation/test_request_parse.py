"""Questions parsed into requests: words that only look like cues or places are not."""

from assistant.generation.request import parse_request

PLACES = ["Ninh Bình", "thành phố Ninh Bình", "huyện Nho Quan", "thị xã Chũ"]


def test_traffic_is_not_an_assigned_plan():
    assert parse_request("Năm 2023 xảy ra bao nhiêu vụ tai nạn giao thông?", PLACES).kind is None
    assert parse_request("Kế hoạch giao thu ngân sách năm 2024 là bao nhiêu?", PLACES).kind == "target"


def test_dong_inside_a_word_is_not_the_currency():
    assert parse_request("Số doanh nghiệp đang hoạt động là bao nhiêu?", PLACES).unit is None
    assert parse_request("Tổng huy động vốn đến cuối năm?", PLACES).unit is None
    assert parse_request("Thu nhập bình quân đạt bao nhiêu triệu đồng?", PLACES).unit == "đồng"


def test_a_word_spelled_like_the_currency_but_written_otherwise_is_not_money():
    # "đông" (winter, frozen) and "dòng" fold to the letters of "đồng"; only the written
    # currency word, or "dong" typed without any diacritics, hints at money
    assert parse_request("Sản lượng lúa vụ Đông Xuân năm nay đạt bao nhiêu?", PLACES).unit is None
    assert parse_request("Giá trị xuất khẩu cá đông lạnh quý II là bao nhiêu?", PLACES).unit is None
    assert parse_request("Giá thịt lợn hơi là bao nhiêu đồng/kg?", PLACES).unit == "đồng"
    assert parse_request("tong von dau tu la bao nhieu ty dong?", PLACES).unit == "đồng"
    assert parse_request("tong so tien ho tro la bao nhieu dong?", PLACES).unit == "đồng"


def test_a_bare_province_name_is_the_province_not_its_city():
    assert parse_request("GRDP của Ninh Bình năm 2024 tăng bao nhiêu?", PLACES).place == "Ninh Bình"
    assert parse_request("Thu ngân sách thành phố Ninh Bình năm 2024?", PLACES).place == "thành phố Ninh Bình"


def test_a_one_syllable_place_is_matched_as_written():
    assert parse_request("Chủ tịch UBND tỉnh ban hành bao nhiêu chỉ thị?", PLACES).place is None
    assert parse_request("Thu ngân sách của Chũ năm 2024?", PLACES).place == "thị xã Chũ"


def test_the_scope_of_a_rank_or_an_event_is_not_the_place():
    assert parse_request("Chỉ số PCI năm 2023 của tỉnh đứng thứ mấy cả nước?", PLACES).place is None
    assert parse_request("Tại Đại hội Thể thao toàn quốc lần thứ IX, tỉnh giành bao nhiêu huy chương?",
                         PLACES).place is None
    assert parse_request("GRDP cả nước năm 2023 tăng bao nhiêu?", PLACES).place == "cả nước"


def test_abbreviations_are_written_out_for_the_passage_search():
    from assistant.generation.request import expand_abbreviations
    out = expand_abbreviations("Những huyện nào có mức tăng sản xuất CN cao nhất theo NQ?")
    assert "sản xuất công nghiệp" in out and "theo nghị quyết" in out
    assert expand_abbreviations("Giá trị XYZW năm 2024") == "Giá trị XYZW năm 2024"  # unknown: left alone
    # the passages write "UBND" themselves: the question keeps it
    assert expand_abbreviations("UBND tỉnh chỉ đạo thế nào?", "UBND tỉnh chỉ đạo quyết liệt") == "UBND tỉnh chỉ đạo thế nào?"


def test_foreign_invested_firms_are_fdi_in_either_writing():
    from assistant.generation.request import terms_of

    assert "fdi" in terms_of("thu từ doanh nghiệp có vốn đầu tư nước ngoài")
    assert "fdi" in terms_of("vốn đầu tư trực tiếp nước ngoài")
    assert "fdi" not in terms_of("vốn đầu tư trong nước")


def test_the_issuers_place_is_the_place_when_it_is_the_only_one_named():
    req = parse_request("HĐND tỉnh Ninh Bình giao chỉ tiêu thu ngân sách năm 2026 là bao nhiêu?", PLACES)
    assert req.place == "Ninh Bình"
    assert "hđnd" not in req.terms and "giao" not in req.terms
    # a place named besides the issuer is still the one asked about
    req = parse_request("Theo UBND tỉnh Ninh Bình, huyện Nho Quan thu ngân sách bao nhiêu?", PLACES)
    assert req.place == "huyện Nho Quan"


def test_the_verb_that_sets_a_plan_is_not_an_indicator_word():
    req = parse_request("Kế hoạch năm 2026 đặt tổng sản lượng lương thực là bao nhiêu tấn?", PLACES)
    assert req.kind == "target" and "đặt" not in req.terms
    assert {"sản", "lượng", "lương"} <= set(req.terms)


def test_receiving_visitors_is_how_a_count_of_visits_is_asked():
    req = parse_request("Ninh Bình đón bao nhiêu lượt khách du lịch năm 2024?", PLACES)
    assert "đón" not in req.terms and req.unit == "lượt"


def test_a_level_abbreviation_before_a_known_place_is_no_indicator_word():
    places = ["thành phố Pleiku", "thị xã Sa Pa"]
    req = parse_request("ty le ho ngheo cua tp pleiku nam 2024", places)
    assert req.place == "thành phố Pleiku" and "tp" not in req.terms
    req = parse_request("Thu ngân sách của tx Sa Pa năm 2024?", places)
    assert req.place == "thị xã Sa Pa" and "tx" not in req.terms and "thu" in req.terms
def test_an_orientation_asks_for_a_target():
    assert parse_request("Định hướng đến năm 2030 tỷ lệ hộ dùng điện lưới đạt bao nhiêu?", PLACES).kind == "target"


def test_counting_indicators_that_missed_the_plan_asks_no_plan():
    req = parse_request("Năm 2024 tỉnh có bao nhiêu chỉ tiêu không đạt kế hoạch?", PLACES)
    assert req.kind is None and req.unit == "chỉ tiêu"
    assert parse_request("Kế hoạch năm 2025 đặt ra bao nhiêu chỉ tiêu?", PLACES).kind == "target"


def test_who_set_the_plan_of_a_share_is_no_indicator_word():
    req = parse_request("Chi ngân sách năm 2024 bằng bao nhiêu % dự toán HĐND tỉnh giao?", PLACES)
    assert req.role == "share_plan" and req.plan_by == ["hdnd", "tinh"]
    assert "hđnd" not in req.terms and "tỉnh" not in req.terms


def test_a_measure_head_names_no_indicator_word():
    req = parse_request("Khối lượng hàng hóa luân chuyển năm 2024 đạt bao nhiêu?", PLACES)
    assert "khối" not in req.terms and "luân" in req.terms
    assert "lượng" not in parse_request("Số lượng hợp tác xã thành lập mới năm 2024?", PLACES).terms
    # "giá trị khối lượng thực hiện": the value of the work done, a name of its own
    assert "khối" in parse_request("Giá trị khối lượng vốn đầu tư công thực hiện năm 2024?", PLACES).terms


def test_the_owner_of_a_plan_is_no_indicator_word():
    req = parse_request("Kế hoạch năm 2025 của ngành công thương Ninh Bình đặt kim ngạch xuất khẩu bao nhiêu?", PLACES)
    assert req.kind == "target" and req.place == "Ninh Bình"
    assert "thương" not in req.terms and "xuất" in req.terms
    # without a plan word the sector is the indicator
    assert "nghiệp" in parse_request("Giá trị sản xuất ngành công nghiệp Ninh Bình năm 2024?", PLACES).terms


def test_a_share_asked_to_rise_or_fall_asks_its_change():
    assert parse_request("Tỷ trọng công nghiệp trong GRDP năm 2024 tăng hay giảm, bao nhiêu?").role == "change"
    assert parse_request("Tỷ trọng nông nghiệp trong GRDP năm 2025 thay đổi thế nào?").role == "change"
    assert parse_request("Tỷ trọng nông nghiệp trong GRDP năm 2025 chiếm bao nhiêu?").role == "share_whole"


def test_what_is_left_or_a_total_asks_the_level():
    assert parse_request("Tỷ lệ hộ nghèo năm 2023 còn bao nhiêu?").role == "level"
    assert parse_request("Tổng thu ngân sách 5 năm 2021-2025 ước bao nhiêu?").role == "level"
    assert parse_request("Tổng thu ngân sách 6 tháng tăng bao nhiêu?").role == "change"


def test_a_growth_asked_with_no_unit_is_a_rate():
    # "tăng trưởng … bao nhiêu" is answered in %, never by a per-head amount that "tăng 40 triệu đồng"
    assert parse_request("Tỉnh đặt kế hoạch tăng trưởng GRDP năm 2025 là bao nhiêu?").unit == "%"
    assert parse_request("Năm 2024 kinh tế tỉnh tăng trưởng bao nhiêu?").unit == "%"
    assert parse_request("GRDP năm 2024 tăng trưởng thêm bao nhiêu tỷ đồng?").unit == "đồng"
    assert parse_request("Về tăng trưởng GRDP năm 2024, tỉnh xếp thứ mấy cả nước?").unit != "%"
