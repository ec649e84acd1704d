from pathlib import Path

import pytest

from assistant.config import load_settings


def test_precedence_defaults_toml_env_flags(tmp_path):
    toml = tmp_path / "baocao.toml"
    toml.write_text('k = 7\nport = 9000\nanswer_mode = "extractive"\n', encoding="utf-8")
    s = load_settings(toml, env={})
    assert (s.k, s.port, s.answer_mode, s.chunk_size) == (7, 9000, "extractive", 900)
    s = load_settings(toml, env={"BAOCAO_K": "9", "BAOCAO_HOME": str(tmp_path / "h")})
    assert s.k == 9 and s.home == tmp_path / "h" and s.models_dir == tmp_path / "h" / "models"
    s = load_settings(toml, env={"BAOCAO_K": "9"}, k=3, port=None)
    assert s.k == 3 and s.port == 9000


def test_unknown_setting_is_an_error(tmp_path):
    toml = tmp_path / "baocao.toml"
    toml.write_text("kk = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kk"):
        load_settings(toml, env={})


def test_default_home_is_outside_the_repo():
    s = load_settings(Path("/nonexistent.toml"), env={"HOME": "/tmp"})
    assert "baocao" in str(s.home) and not str(s.home).startswith(str(Path(__file__).parent.parent))
