from assistant.retrieval.restore import DiacriticRestorer

CORPUS = [
    "Giá trị sản xuất công nghiệp đạt 315.145 tỷ đồng. Sản lượng thủy sản đạt 28.505 tấn.",
    "Tân Yên, Tân Sỏi; tổng thu ngân sách. Tân Yên có thêm sản phẩm.",
]


def test_restores_from_corpus_pairs_and_question_phrases():
    r = DiacriticRestorer(CORPUS)
    assert r.restore("gia tri san xuat cong nghiep") == "giá trị sản xuất công nghiệp"
    assert r.restore("san luong thuy san dat bao nhieu tan?") == "sản lượng thủy sản đạt bao nhiêu tấn?"


def test_question_with_diacritics_is_left_alone():
    r = DiacriticRestorer(CORPUS)
    assert r.restore("Tân Yên gia tri") == "Tân Yên gia tri"
    assert DiacriticRestorer.needs("tong thu ngan sach 2022") and not DiacriticRestorer.needs("tổng thu")


def test_unknown_words_and_figures_pass_through():
    r = DiacriticRestorer(CORPUS)
    assert r.restore("GRDP 2024 xyz 13,96%") == "GRDP 2024 xyz 13,96%"
