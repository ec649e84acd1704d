"""Profiles of ten reports from other provinces (eval/other/, labelled by hand in profiles.jsonl):
place and period come from each report's own text."""

import json

import pytest

from assistant.config import ROOT
from assistant.ingest.profile import extract_profile

FOLDER = ROOT / "eval" / "other"
LABELS = [json.loads(line) for line in (FOLDER / "profiles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("label", LABELS, ids=lambda d: d["file"])
def test_place_and_period_of_a_report_from_another_province(label):
    p = extract_profile((FOLDER / label["file"]).read_text(encoding="utf-8"))
    assert p.place == label["place"]
    assert p.period.to_dict() == label["period"]


def test_a_province_office_is_the_issuer_even_when_a_city_shares_the_province_name():
    # invented release: the provincial statistics office; the body also names the city of the same name
    text = (
        "CỤC THỐNG KÊ TỈNH NAM ĐỊNH                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 88/BC-CTK                                 Độc lập - Tự do - Hạnh phúc\n\n"
        "BÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2024\n\n"
        "Thu ngân sách trên địa bàn tỉnh Nam Định quý I ước đạt 1.150 tỷ đồng; riêng thành phố Nam Định "
        "thu 402 tỷ đồng. Tỉnh Nam Định có 9 huyện và thành phố Nam Định.\n"
    )
    p = extract_profile(text)
    assert p.place == "Nam Định"
    assert p.issuer == "Cục Thống kê tỉnh Nam Định"


def test_a_city_office_keeps_the_city_level():
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 12/BC-UBND\n\n"
        "BÁO CÁO\nTình hình kinh tế - xã hội tháng 3 năm 2024\n\n"
        "Tổng thu ngân sách trên địa bàn thành phố Cần Thơ quý I đạt 3.210 tỷ đồng.\n"
    )
    assert extract_profile(text).issuer == "UBND thành phố Cần Thơ"
