"""List questions: the noun asked, the sentence that enumerates it, its items counted in code."""

from assistant.generation import listing


def test_the_noun_a_list_question_asks_for():
    assert listing.asked_noun("Năm 2023 những huyện nào có tỷ lệ hộ nghèo dưới 2%?") == "huyện"
    assert listing.asked_noun("Quý I có các dự án nào được khởi công?") == "dự án"
    assert listing.asked_noun("Những DN nào bị xử phạt?") == "doanh nghiệp"
    assert listing.asked_noun("GRDP năm 2024 tăng bao nhiêu?") is None


def test_items_after_a_lead_are_counted_and_a_decimal_comma_splits_nothing():
    line = listing.items_line(
        "Có 03 huyện có tỷ lệ hộ nghèo dưới 2%, gồm: Kim Sơn 1,5%, Hoa Lư 1,2% và Yên Mô 1,9%.",
        "Những huyện nào có tỷ lệ hộ nghèo dưới 2%?")
    assert line == "Báo cáo nêu 3 huyện: Kim Sơn 1,5%; Hoa Lư 1,2%; Yên Mô 1,9%."


def test_capitalised_names_right_after_the_noun_are_the_items():
    line = listing.items_line("Lũ quét gây thiệt hại tại các xã Tân Lập, Hòa Bình và thị trấn Mường Lát.",
                              "Lũ quét gây thiệt hại ở những xã nào?")
    # "thị trấn Mường Lát" is no capitalised name of a "xã": without a lead, no count is made
    assert line is None
    line = listing.items_line("Lũ quét gây thiệt hại tại các xã Tân Lập, Hòa Bình và Trung Sơn của huyện X.",
                              "Lũ quét gây thiệt hại ở những xã nào?")
    # the last name ends where the sentence goes on in lower case ("của huyện X")
    assert line == "Báo cáo nêu 3 xã: Tân Lập; Hòa Bình; Trung Sơn."


def test_the_noun_named_again_for_each_item():
    line = listing.items_line("Khẩn trương khởi công Nhà máy nước sạch phía Bắc và Nhà máy nước sạch xã Y.",
                              "Cần khởi công những nhà máy nào?")
    assert line == "Báo cáo nêu 2 nhà máy: Nhà máy nước sạch phía Bắc; Nhà máy nước sạch xã Y."


def test_an_open_list_says_so_and_a_disagreeing_count_writes_no_count():
    line = listing.items_line("Một số huyện tăng cao, như: Kim Sơn 12%, Hoa Lư 9%, …", "Những huyện nào tăng cao?")
    assert line is not None and "2 huyện (báo cáo chưa liệt kê hết)" in line
    assert listing.items_line("Có 05 huyện đạt chuẩn, gồm: Kim Sơn, Hoa Lư và Yên Mô.", "Những huyện nào đạt chuẩn?") is None


def test_a_sentence_that_lists_something_else_or_nothing_gives_no_items():
    q = "Những nhà máy xử lý rác nào được khởi công?"
    assert listing.items_line("Việc xây dựng các nhà máy xử lý rác và lắp đặt lò đốt được chỉ đạo sát sao.", q) is None
    # groups cut at ";" holding items cut at ",": how many is unclear, no count
    assert listing.items_line("Một số sản phẩm giảm: thép, xi măng; bia giảm 3%.", "Những sản phẩm nào giảm?") is None


def test_groups_counted_in_brackets_add_up():
    s = ("Phê duyệt thêm 02 KCN mới (KCN An Lạc 120ha, KCN Đông Tiến 95ha); sáp nhập 02 CCN vào KCN "
         "(CCN Hòa Bình diện tích 30ha vào KCN Phú Mỹ; CCN Tân Lập diện tích 41,5ha vào KCN Tân Lập).")
    assert listing.items_line(s, "Năm 2023 phê duyệt thêm những KCN mới nào?") == (
        "Báo cáo nêu 2 KCN mới: KCN An Lạc 120ha; KCN Đông Tiến 95ha.")
    s = ("Chấp thuận thêm 01 CCN mới (CCN Hòa Sơn 50ha) và 02 CCN mở rộng (CCN Đại Đồng 12,5ha, CCN Tam Hiệp 20ha); "
         "đang lập hồ sơ 02 CCN mới (CCN Phú Lâm, CCN Xuân Hòa).")
    assert listing.items_line(s, "Những CCN mới và CCN mở rộng nào được chấp thuận?") == (
        "Báo cáo nêu 3 cụm công nghiệp: CCN Hòa Sơn 50ha; CCN Đại Đồng 12,5ha; CCN Tam Hiệp 20ha.")
    # a bracket holding fewer names than its count: no count
    s = "Chấp thuận 03 CCN mới (CCN Hòa Sơn, CCN Đại Đồng)."
    assert listing.items_line(s, "Những CCN mới nào được chấp thuận?") is None


def test_an_abbreviated_noun_named_before_each_item():
    s = "Năm 2023, UBND tỉnh quyết định thành lập CCN Phú Lâm và CCN Hà Mãn (huyện Thuận Thành), CCN Tam Sơn (huyện Từ Sơn)."
    assert listing.asked_noun("Năm 2023 thành lập những cụm công nghiệp nào?") == "cụm công nghiệp"
    assert listing.items_line(s, "Năm 2023 thành lập những cụm công nghiệp nào?") == (
        "Báo cáo nêu 3 cụm công nghiệp: CCN Phú Lâm; CCN Hà Mãn (huyện Thuận Thành); CCN Tam Sơn (huyện Từ Sơn).")


def test_a_lower_case_noun_before_each_name():
    s = "Tổ chức diễn tập phòng thủ huyện Kỳ Sơn, diễn tập cứu hộ, cứu nạn huyện Tân Kỳ năm 2025."
    assert listing.items_line(s, "Tổ chức diễn tập ở những huyện nào?") == "Báo cáo nêu 2 huyện: Kỳ Sơn; Tân Kỳ."
    # two places in two clauses are no enumeration
    s = "Diễn tập phòng thủ huyện Kỳ Sơn đạt yêu cầu; huyện Tân Kỳ chưa tổ chức."
    assert listing.items_line(s, "Tổ chức diễn tập ở những huyện nào?") is None


def test_places_asked_as_areas_are_the_places_written_with_their_level():
    s = "Trong tháng ghi nhận 214 ca mắc tay chân miệng, tập trung ở quận Hải An, quận Kiến An và huyện An Lão; chưa có ca tử vong."
    assert listing.items_line(s, "Tay chân miệng tập trung ở những địa bàn nào?") == (
        "Báo cáo nêu 3 địa bàn: quận Hải An; quận Kiến An; huyện An Lão.")


def test_names_after_the_noun_end_with_their_statement():
    s = "Vụ Thu Đông gieo trồng 4.120 ha, chủ yếu ở các huyện Cao Lãnh, Tháp Mười và Tam Nông; năng suất đạt 5,6 tấn/ha."
    assert listing.items_line(s, "Vụ Thu Đông gieo trồng chủ yếu ở những huyện nào?") == (
        "Báo cáo nêu 3 huyện: Cao Lãnh; Tháp Mười; Tam Nông.")


def test_a_long_semicolon_list_keeps_a_comma_inside_one_item():
    s = ("Tập trung hoàn thành các dự án trọng điểm: cầu Rạch Miễu 2; tuyến tránh thị trấn Châu Thành; "
         "nâng cấp, mở rộng Quốc lộ 57; kè chống sạt lở bờ sông Tiền.")
    assert listing.items_line(s, "Những dự án trọng điểm nào cần hoàn thành?") == (
        "Báo cáo nêu 4 dự án trọng điểm: cầu Rạch Miễu 2; tuyến tránh thị trấn Châu Thành; "
        "nâng cấp, mở rộng Quốc lộ 57; kè chống sạt lở bờ sông Tiền.")


def test_places_each_with_its_own_figure_in_brackets_are_the_items():
    # the figure of each place in brackets is no separator (sentences written for this test)
    s = "Số vụ cháy rừng tập trung ở huyện Krông Bông (12 vụ), thị xã Buôn Hồ (7 vụ) và thành phố Kon Tum (5 vụ)."
    assert listing.enumerated(s, "địa phương")[0] == ["huyện Krông Bông", "thị xã Buôn Hồ", "thành phố Kon Tum"]
    assert listing.names_noun(s, "địa phương") and not listing.noun_in(s, "địa phương")
    s = "Số hộ nghèo còn 410 hộ, chủ yếu ở xã Ia Pết (120 hộ), xã Ia Băng (95 hộ) và xã Ia Dêr (61 hộ)."
    assert listing.enumerated(s, "xã")[0] == ["Ia Pết", "Ia Băng", "Ia Dêr"]
def test_places_each_named_with_the_noun_stop_at_the_statement_after_a_semicolon():
    s = "Huyện Tri Tôn gieo sạ 7.100 ha, huyện Tịnh Biên 5.400 ha và huyện Thoại Sơn 6.900 ha; cao nhất ở huyện Chợ Mới."
    assert listing.enumerated(s, "huyện") == (["Tri Tôn", "Tịnh Biên", "Thoại Sơn"], False)
    # a name inside a bracket breaks the run: no enumeration is made up
    assert listing.enumerated("Huyện A Lưới (gồm huyện Nam Đông) đạt 9%, huyện Phú Vang 8%.", "huyện") is None


def test_a_word_in_small_letters_with_a_mark_is_no_name():
    # "được", "để" begin with small letters outside a-z: no capitalised names, no items
    q = "Những doanh nghiệp nào được hỗ trợ?"
    s = "Hỗ trợ doanh nghiệp được đẩy mạnh, nhiều doanh nghiệp đã đổi mới và doanh nghiệp để lại ấn tượng."
    assert listing.items_line(s, q) is None


def test_places_asked_after_o_or_tai_are_a_list():
    from assistant.generation.answer import wants_list

    q = "Những hộ chưa được hỗ trợ nhà ở của huyện còn lại tập trung ở xã nào?"
    assert wants_list(q) and listing.asked_noun(q) == "xã"
    s = "Còn 9 hộ chưa được hỗ trợ, tập trung ở xã Đắk Pxi và xã Đắk Ui."
    assert listing.items_line(s, q) == "Báo cáo nêu 2 xã: Đắk Pxi; Đắk Ui."
    assert not wants_list("Giá trị sản xuất năm 2024 đạt ở mức nào?")


# -- session 9: nouns named before the verb, coordinated nouns, "là" leads, thresholds -----------

def test_coordinated_nouns_and_names_before_the_verb():
    q = "Những khu, cụm công nghiệp nào của tỉnh đón thêm nhà đầu tư năm 2024?"
    noun = listing.asked_noun(q)
    assert noun == "khu, cụm công nghiệp"
    s = "Các khu công nghiệp Phú Mỹ, Tân Hòa và cụm công nghiệp Đồng Bãi đón thêm 9 dự án với vốn 1.200 tỷ đồng."
    assert listing.enumerated(s, noun) == (["Phú Mỹ", "Tân Hòa", "Đồng Bãi"], False)
    assert listing.items_line(s, q) == "Báo cáo nêu 3 khu, cụm công nghiệp: Phú Mỹ; Tân Hòa; Đồng Bãi."


def test_the_last_place_named_again_with_its_level_word():
    s = "Mưa lớn gây ngập ở các xã Hòa Bình, Tân Lập và xã Yên Phú làm hư hỏng 40 ha lúa."
    assert listing.enumerated(s, "xã") == (["Hòa Bình", "Tân Lập", "Yên Phú"], False)


def test_each_place_with_its_own_figure_separated_by_semicolons():
    s = "Hỗ trợ huyện Đại Lộc 8,2 tỷ đồng; huyện Nam Giang 6,5 tỷ đồng; huyện Tây Giang 3,1 tỷ đồng."
    assert listing.enumerated(s, "huyện") == (["Đại Lộc", "Nam Giang", "Tây Giang"], False)


def test_kinds_of_an_area_written_before_each_name():
    s = "Khẩn trương đấu giá đất tại các khu tái định cư Hòa Lạc, khu đô thị mới Nam Sơn, bảo đảm tiến độ thu."
    q = "Những khu nào được đề nghị khẩn trương đấu giá đất?"
    assert listing.enumerated(s, listing.asked_noun(q))[0] == ["khu tái định cư Hòa Lạc", "khu đô thị mới Nam Sơn"]


def test_items_after_la_and_and_inside_items():
    q = "Các nhóm hàng nhập khẩu chính của tỉnh năm 2024 là gì?"
    assert listing.asks_what_items(q) and listing.asked_noun(q) == "nhóm hàng"
    s = ("Kim ngạch nhập khẩu ước đạt 900 triệu USD; các nhóm hàng chính là máy móc và thiết bị, vải, "
         "sắt và thép.")
    assert listing.enumerated(s, "nhóm hàng")[0] == ["máy móc và thiết bị", "vải", "sắt và thép"]
    assert not listing.asks_what_items("Tổng thu ngân sách năm 2024 là bao nhiêu?")


def test_a_threshold_keeps_only_items_whose_own_share_meets_it():
    b = listing.bound("Những khoản chi nào đạt dưới 50% dự toán?")
    assert (b.op, b.value) == ("<", 50.0)
    assert listing.bound("Những huyện nào giải ngân từ 80% trở lên?").op == ">="
    assert listing.bound("Những xã nào có từ 60% hộ dùng nước sạch?") is None
    items = ["chi thường xuyên đạt 71,2%", "chi đầu tư phát triển đạt 43,5%", "chi khác đạt 48%"]
    assert listing.bounded_items(items, "Một số khoản chi: …", b) == items[1:]
    # the sentence states the threshold itself: an item without its own share stays
    s = "Còn 2 khoản chi đạt dưới 50% dự toán: chi sự nghiệp môi trường; chi đầu tư phát triển đạt 43,5%."
    assert listing.bounded_items(["chi sự nghiệp môi trường", "chi đầu tư phát triển đạt 43,5%"], s, b) is not None
    # items without figures in a sentence that does not state it: cannot be told
    assert listing.bounded_items(["chi a", "chi b"], "Các khoản chi: chi a, chi b.", b) is None


def test_no_items_line_for_a_list_that_misses_the_threshold_asked():
    q = "Những khoản thu nào đạt dưới 60% dự toán?"
    good = "Một số khoản thu đạt khá: thu từ khu vực ngoài quốc doanh đạt 85,1%; thuế thu nhập cá nhân đạt 77%."
    assert listing.items_line(good, q) is None
    low = ("Vẫn còn 3 khoản thu đạt dưới 60% dự toán: thu tiền thuê đất mới đạt 20,5 tỷ đồng, bằng 41,2% dự toán; "
           "thu khác ngân sách bằng 55% dự toán; thu phí, lệ phí bằng 58,3% dự toán.")
    assert listing.items_line(low, q).startswith("Báo cáo nêu 3 khoản thu: thu tiền thuê đất")


def test_a_count_of_another_statement_of_the_sentence_is_no_count_of_the_items():
    s = ("Tuyến đường đi qua 7 xã, phường; đã bàn giao 97% mặt bằng, còn 9 hộ chưa nhận tiền bồi thường, "
         "tập trung ở xã Vạn Hưng và xã Vạn Lương.")
    assert listing.items_line(s, "Các hộ chưa nhận tiền bồi thường tập trung ở xã nào?") == (
        "Báo cáo nêu 2 xã: Vạn Hưng; Vạn Lương.")


def test_coordinated_nouns_are_listed_whole_or_not_at_all():
    # "những vùng, huyện nào": the two districts alone would leave out the area named first
    s = ("Vùng cà phê đặc sản Cầu Đất (thành phố Đà Lạt) cho sản lượng 9 tháng 5,1 nghìn tấn; "
         "huyện Di Linh 40,3 nghìn tấn; huyện Bảo Lâm 28,7 nghìn tấn.")
    q = "Báo cáo nêu sản lượng cà phê của những vùng, huyện nào?"
    assert listing.items_line(s, q) is None
    assert listing.items_line(s, "Báo cáo nêu sản lượng cà phê của những huyện nào?") == (
        "Báo cáo nêu 2 huyện: Di Linh; Bảo Lâm.")
