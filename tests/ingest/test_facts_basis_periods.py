"""The basis of a stated change named as a period ("so với quý IV/2024", "so với tháng 12 năm
trước", "so với cuối năm 2024") is recorded, and resolves against the figure's own period."""

from assistant.ingest.periods import Period, basis_period, same_basis
from tests.ingest.test_facts import facts_of, one


def test_a_named_period_after_so_voi_is_the_basis():
    g = facts_of("Sản lượng muối quý I/2025 đạt 52.300 tấn, tăng 7,1% so cùng kỳ nhưng giảm 21,4% so với quý IV/2024 do mưa.")
    assert one(g, "7,1").basis == "cùng kỳ"
    assert one(g, "21,4").basis == "quý IV năm 2024"


def test_december_of_the_year_before_and_the_end_of_a_year():
    g = facts_of("CPI tháng 3/2025 tăng 0,15% so với tháng trước, tăng 1,72% so với tháng 12 năm trước "
                 "và tăng 3,41% so với cùng kỳ năm 2024.")
    assert [one(g, t).basis for t in ("0,15", "1,72", "3,41")] == ["tháng trước", "tháng 12 năm trước", "cùng kỳ"]
    h = facts_of("Tỷ lệ hộ nghèo năm 2025 còn 7,25%, giảm 0,93 điểm phần trăm so với cuối năm 2024.")
    assert one(h, "0,93").basis == "cuối năm 2024"
    k = facts_of("Dư nợ tín dụng đến 30/9/2024 tăng 6,4% so với thời điểm 31/12/2023.")
    assert one(k, "6,4").basis == "cuối năm 2023"


def test_a_bracket_of_the_same_period_of_the_year_before_is_that_periods_figure():
    g = facts_of("Tổng sản phẩm trên địa bàn (GRDP) quý I năm 2025 ước tăng 8,4% (cùng kỳ năm trước tăng 6,9%).")
    assert one(g, "8,4").period["label"] == "quý I năm 2025"
    assert one(g, "6,9").period["label"] == "quý I năm 2024"


def test_bases_resolve_against_the_figures_period():
    q1, m3 = Period("q1", 2025), Period("m3", 2025)
    assert basis_period("quý trước", q1) == basis_period("quý IV năm 2024", q1) == Period("q4", 2024)
    assert basis_period("cùng kỳ", q1) == Period("q1", 2024)
    assert basis_period("tháng 12 năm trước", m3) == Period("m12", 2024)
    assert same_basis(basis_period("cuối năm 2024", m3), basis_period("tháng 12 năm trước", m3))
    assert basis_period("tháng trước", Period("m1", 2025)) == Period("m12", 2024)
    assert basis_period("kế hoạch", q1) is None
