"""A contribution in percentage points is the contribution of the subject of its statement, and
its name ends before the next statement (sentences written for the test)."""

from test_facts import facts_of, one


def test_contribution_after_a_semicolon_is_the_sectors_of_the_statement_before():
    facts = facts_of("a) Ngành thương mại phục hồi nhanh, là động lực chính: tăng 11,8%, cao hơn 2,1 điểm % so với "
                     "cùng kỳ; đóng góp 3,27 điểm % vào mức tăng chung và chiếm tỷ trọng 28,4% trong GRDP.")
    assert one(facts, "3,27").indicator == "Ngành thương mại đóng góp vào mức tăng chung"


def test_contribution_after_a_growth_in_the_same_clause_chain():
    facts = facts_of("Khu vực xây dựng tăng 9,6%, đóng góp 1,15 điểm phần trăm vào mức tăng trưởng chung.")
    assert one(facts, "1,15").indicator == "Khu vực xây dựng đóng góp vào mức tăng trưởng chung"
