"""Which embedding route a backend setting means on a machine, and the trial run that guards
the bfloat16 route on a CPU that reports instructions it may not execute."""

import subprocess

import pytest

from assistant.chat.pipeline import embed_route
from assistant.retrieval import sbert
from assistant.retrieval.sbert import bf16_runs, cpu_has_native_bf16, route_fingerprint

AMX = "processor\t: 0\nmodel name\t: Some Xeon\nflags\t\t: fpu sse2 avx2 avx512f amx_bf16 amx_tile\n"
AVX512_BF16 = "flags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\n"
PLAIN = "processor\t: 0\nmodel name\t: bf16 marketing name amx_bf16\nflags\t\t: fpu sse2 avx2 fma\n"


def test_native_bfloat16_is_read_from_the_flags_line_only():
    assert cpu_has_native_bf16(AMX)
    assert cpu_has_native_bf16(AVX512_BF16)
    assert not cpu_has_native_bf16(PLAIN)  # a word in the model name is no CPU flag
    assert not cpu_has_native_bf16("")


def test_auto_picks_bf16_only_where_native_and_the_trial_run_succeeds():
    assert embed_route("auto", cpuinfo=AMX, probe=lambda: True) == "bf16"
    assert embed_route("auto", cpuinfo=AMX, probe=lambda: False) == "torch"
    assert embed_route("auto", cpuinfo=PLAIN, probe=lambda: True) == "torch"
    for explicit in ("torch", "bf16", "onnx"):
        assert embed_route(explicit, cpuinfo=PLAIN) == explicit


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="embed_backend"):
        embed_route("gpu")


def test_each_recipe_has_its_own_identity():
    a, b = route_fingerprint("abc", "torch-bf16-v1"), route_fingerprint("abc", "onnx-int8-v2")
    assert a != b and len(a) == 64 and a != route_fingerprint("abd", "torch-bf16-v1")


def test_a_crashing_trial_selects_fp32_and_is_remembered(tmp_path, monkeypatch):
    # the child dies by a signal, as an illegal instruction would kill it
    monkeypatch.setattr(sbert, "_BF16_PROBE", "import os, signal; os.kill(os.getpid(), signal.SIGILL)")
    assert bf16_runs(tmp_path, AMX) is False
    assert (tmp_path / "cpu-bf16.json").is_file()

    def no_child(*a, **k):
        raise AssertionError("the remembered answer should be used")

    monkeypatch.setattr(subprocess, "run", no_child)
    assert bf16_runs(tmp_path, AMX) is False
    with pytest.raises(AssertionError):  # another CPU is tried afresh
        bf16_runs(tmp_path, AVX512_BF16)


def test_the_real_trial_runs_here(tmp_path):
    """The probe itself is valid code on this machine's torch: it succeeds wherever the CPU
    runs bfloat16, and a native-bf16 CI machine must take the fast route."""
    import json
    import pathlib

    ok = bf16_runs(tmp_path)
    assert json.loads((tmp_path / "cpu-bf16.json").read_text())["ok"] is ok
    if cpu_has_native_bf16(pathlib.Path("/proc/cpuinfo").read_text(errors="replace")):
        assert ok is True
