"""Which embedding route a backend setting means on a machine (no model is loaded)."""

import pytest

from assistant.chat.pipeline import embed_route
from assistant.retrieval.sbert import cpu_has_native_bf16, route_fingerprint

AMX = "processor\t: 0\nmodel name\t: Some Xeon\nflags\t\t: fpu sse2 avx2 avx512f amx_bf16 amx_tile\n"
AVX512_BF16 = "flags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\n"
PLAIN = "processor\t: 0\nmodel name\t: bf16 marketing name amx_bf16\nflags\t\t: fpu sse2 avx2 fma\n"


def test_native_bfloat16_is_read_from_the_flags_line_only():
    assert cpu_has_native_bf16(AMX)
    assert cpu_has_native_bf16(AVX512_BF16)
    assert not cpu_has_native_bf16(PLAIN)  # a word in the model name is no CPU flag
    assert not cpu_has_native_bf16("")


def test_auto_picks_bf16_only_where_native():
    assert embed_route("auto", AMX) == "bf16"
    assert embed_route("auto", PLAIN) == "torch"
    for explicit in ("torch", "bf16", "onnx"):
        assert embed_route(explicit, PLAIN) == explicit


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="embed_backend"):
        embed_route("gpu")


def test_each_recipe_has_its_own_identity():
    a, b = route_fingerprint("abc", "torch-bf16-v1"), route_fingerprint("abc", "onnx-int8-v2")
    assert a != b and len(a) == 64 and a != route_fingerprint("abd", "torch-bf16-v1")
