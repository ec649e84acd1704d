"""A count's indicator carries the verb it is the object of and the scope that opens its
statement ("Riêng trong các KCN, … đã thu hút thêm 22 dự án"), in sentences written for the test."""

from test_facts import facts_of, one


def test_a_count_after_a_scope_clause_names_its_verb_and_scope():
    facts = facts_of("Riêng tại các cụm công nghiệp, từ đầu năm đến nay, đã thu hút thêm 17 dự án; thu hồi 03 dự án.")
    assert one(facts, "17").indicator == "thu hút thêm dự án tại các cụm công nghiệp"


def test_a_count_whose_head_is_a_scope_takes_the_verb_and_the_state_counted():
    facts = facts_of("Lũy kế đến nay trong các khu công nghiệp thu hút 386 dự án còn hiệu lực (gồm 250 dự án FDI).")
    assert one(facts, "386").indicator == "thu hút dự án còn hiệu lực trong các khu công nghiệp"


def test_a_count_with_a_copula_keeps_its_noun_phrase():
    facts = facts_of("Trong các khu công nghiệp có 215 doanh nghiệp đang hoạt động, tăng 9 doanh nghiệp.")
    assert one(facts, "215").indicator == "doanh nghiệp đang hoạt động trong các khu công nghiệp"


def test_a_rate_after_a_count_out_of_a_total_is_the_rate_of_that_count():
    facts = facts_of("Đã xử lý xong 2.318/2.540 hồ sơ (đất đai 1.204, xây dựng 870, khác 244), đạt tỷ lệ 91,3%.")
    assert one(facts, "2.318").unit == "hồ sơ"
    assert not [f for f in facts if f.text == "2"]  # "2.318/2.540" is one ratio, not the figure 2
    rate = one(facts, "91,3")
    assert rate.role == "share_whole" and rate.indicator == "tỷ lệ xử lý xong hồ sơ"
