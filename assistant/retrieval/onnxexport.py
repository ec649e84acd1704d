"""Produce the ONNX int8 embedder from the fetched EmbeddingGemma weights, on this machine.

Nothing is downloaded: the sentence-transformers model in $BAOCAO_HOME is traced by torch's
ONNX exporter (transformer, pooling, dense layers and normalisation in one graph), its MatMul
weights quantised to int8 by ONNX Runtime, and the result recorded with its sha256 and the
sha256 of the weights it came from. The work (about two minutes) happens once, in a staging
folder that replaces the old one only when complete.

The vectors' identity (`route_fingerprint`) is derived from the source weights and the recipe,
not from the produced file's bytes, so the seed vector cache shipped with the repo stays valid on
a machine whose exporter writes a byte-different but equivalent graph.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from pathlib import Path

from assistant.errors import ModelMissingError
from assistant.retrieval import sbert
from assistant.retrieval.sbert import weights_fingerprint

log = logging.getLogger(__name__)

# int8 weights and activations (dynamic) for every MatMul except the MLP down-projections, whose
# inputs carry outliers that per-tensor int8 flattens (cosine to torch 0.95 with them, 0.985
# without them; measured on the seeds' chunks, see the report of issue 12).
RECIPE = "onnx-int8-v2"
MODEL_FILE = "model.onnx"
RECORD = "produced.json"


def converted_dir(source: Path) -> Path:
    """Where the converted model of `source` lives: beside it, named by the recipe."""
    return source.parent / f"{source.name}-{RECIPE}"


def route_fingerprint(source_sha256: str, recipe: str = RECIPE) -> str:
    return sbert.route_fingerprint(source_sha256, recipe)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_record(folder: Path) -> dict | None:
    try:
        return json.loads((folder / RECORD).read_text())
    except (OSError, ValueError):
        return None


def converted_problem(source: Path, folder: Path, full: bool = False) -> str | None:
    """Why the converted model in `folder` cannot be used for `source`, or None. `full` re-hashes."""
    rec = read_record(folder)
    model = folder / MODEL_FILE
    if rec is None or not model.is_file():
        return "chưa chuyển đổi"
    if rec.get("recipe") != RECIPE or rec.get("source_sha256") != weights_fingerprint(source):
        return "chuyển đổi từ trọng số khác"
    if model.stat().st_size != rec.get("size") or (full and _sha256(model) != rec.get("sha256")):
        return "tệp hỏng (sha256 sai)"
    return None


def _export_fp32(source: Path, out: Path) -> None:
    import torch

    from assistant.retrieval.sbert import load_sentence_transformer

    st = load_sentence_transformer(source, eager=True)

    class Whole(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.st = st

        def forward(self, input_ids, attention_mask):
            return self.st({"input_ids": input_ids, "attention_mask": attention_mask})["sentence_embedding"]

    sample = st.tokenizer(["title: a | text: một hai", "title: none | text: ba bốn năm sáu bảy"],
                          padding=True, return_tensors="pt")
    batch, seq = torch.export.Dim("batch"), torch.export.Dim("seq")
    with torch.no_grad():
        torch.onnx.export(
            Whole().eval(), (sample["input_ids"], sample["attention_mask"]), str(out), dynamo=True,
            input_names=["input_ids", "attention_mask"], output_names=["sentence_vector"],
            dynamic_shapes={"input_ids": {0: batch, 1: seq}, "attention_mask": {0: batch, 1: seq}},
            external_data=True, verbose=False,
        )


def _down_projections(model: Path, source: Path) -> list[str]:
    """Names of the MatMuls whose weight maps the MLP's intermediate size back to the hidden size."""
    import onnx

    config = json.loads((source / "config.json").read_text())
    shape = [config["intermediate_size"], config["hidden_size"]]
    graph = onnx.load(str(model), load_external_data=False).graph
    weights = {t.name for t in graph.initializer if list(t.dims) == shape}
    return [n.name for n in graph.node if n.op_type == "MatMul" and n.input[1] in weights]


def convert(source: Path, folder: Path | None = None, force: bool = False) -> Path:
    """Make (or keep) the int8 ONNX model of `source`; returns its folder."""
    folder = folder or converted_dir(source)
    if not force and converted_problem(source, folder) is None:
        return folder
    if not (source / "modules.json").is_file():
        raise ModelMissingError(f"mô hình embedding không có tại {source} — chạy `baocao models fetch`")
    from onnxruntime.quantization import QuantType, quantize_dynamic

    staging = folder.parent / f".{folder.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "fp32").mkdir(parents=True)
    log.info("converting %s to ONNX int8 (once, a few minutes)", source.name)
    _export_fp32(source, staging / "fp32" / MODEL_FILE)
    fp32 = staging / "fp32" / MODEL_FILE
    quantize_dynamic(str(fp32), str(staging / MODEL_FILE), weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul"], nodes_to_exclude=_down_projections(fp32, source),
                     extra_options={"MatMulConstBOnly": True})
    shutil.rmtree(staging / "fp32")
    for name in ("config_sentence_transformers.json",):
        if (source / name).is_file():
            shutil.copy2(source / name, staging / name)
    model = staging / MODEL_FILE
    record = {"recipe": RECIPE, "source": source.name, "source_sha256": weights_fingerprint(source),
              "sha256": _sha256(model), "size": model.stat().st_size}
    (staging / RECORD).write_text(json.dumps(record, indent=1))
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(staging, folder)
    return folder
