"""A report of a province's department (Sở): the title block names the People's Committee
above the department; the department issued it, and the place is still the province."""

from assistant.ingest.profile import extract_profile

DEPARTMENT = """UBND TỈNH NGHỆ AN
SỞ KẾ HOẠCH VÀ ĐẦU TƯ
Số: 1520/BC-SKHĐT
Nghệ An, ngày 05 tháng 7 năm 2023

BÁO CÁO
Tình hình thu hút đầu tư 6 tháng đầu năm 2023
"""

COMMITTEE = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 410/BC-UBND
Nghệ An, ngày 05 tháng 7 năm 2023

BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2023
"""


def test_a_department_issues_its_report_about_the_province():
    p = extract_profile(DEPARTMENT)
    assert p.place == "Nghệ An"
    assert p.issuer == "Sở Kế hoạch và Đầu tư tỉnh Nghệ An"


def test_the_peoples_committee_stays_the_issuer_without_a_department_line():
    assert extract_profile(COMMITTEE).issuer == "UBND tỉnh Nghệ An"
