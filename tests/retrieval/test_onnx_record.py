"""The converted ONNX model is trusted only with a record naming the weights it came from and
its own sha256 (no conversion here: the real one runs in tests/integration/test_onnx_route.py)."""

import hashlib
import json

from assistant.retrieval import onnxexport


def _fake(tmp_path):
    source = tmp_path / "models" / "tiny"
    source.mkdir(parents=True)
    (source / "model.safetensors").write_bytes(b"weights v1")
    folder = onnxexport.converted_dir(source)
    folder.mkdir()
    model = folder / onnxexport.MODEL_FILE
    model.write_bytes(b"graph bytes")
    record = {"recipe": onnxexport.RECIPE, "source_sha256": hashlib.sha256(b"weights v1").hexdigest(),
              "sha256": hashlib.sha256(b"graph bytes").hexdigest(), "size": model.stat().st_size}
    (folder / onnxexport.RECORD).write_text(json.dumps(record))
    return source, folder


def test_converted_model_beside_its_source_is_recognised(tmp_path):
    source, folder = _fake(tmp_path)
    assert folder.parent == source.parent and onnxexport.RECIPE in folder.name
    assert onnxexport.converted_problem(source, folder, full=True) is None
    assert onnxexport.convert(source, folder) == folder  # nothing to do: no export started


def test_damaged_or_stale_conversion_is_refused(tmp_path):
    source, folder = _fake(tmp_path)
    (folder / onnxexport.MODEL_FILE).write_bytes(b"graph bytez")  # same size, other bytes
    assert onnxexport.converted_problem(source, folder) is None  # the fast check trusts the size
    assert "sha256" in onnxexport.converted_problem(source, folder, full=True)
    (source / ".baocao-sha256").unlink()
    (source / "model.safetensors").write_bytes(b"weights v2")
    assert "trọng số khác" in onnxexport.converted_problem(source, folder)


def test_route_fingerprint_depends_on_weights_and_recipe_only():
    a = onnxexport.route_fingerprint("ab" * 32)
    assert a == onnxexport.route_fingerprint("ab" * 32) != onnxexport.route_fingerprint("cd" * 32)
    assert a != onnxexport.route_fingerprint("ab" * 32, "other-recipe") and len(a) == 64
