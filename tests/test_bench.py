"""The bench helpers on fakes (the real run is `baocao bench`; no timing is asserted)."""

from assistant.bench import _median, _tokens_per_s, bench_generation
from assistant.generation.generator import ScriptedGenerator


def test_tokens_per_second_counts_pieces_after_the_first():
    assert _tokens_per_s(iter([])) == 0.0
    assert _tokens_per_s(iter(["a", "b", "c"])) > 0


def test_bench_generation_reports_wrapper_speed_without_llama():
    gen = ScriptedGenerator(fn=lambda m: "x" * 70)
    out = bench_generation(gen, runs=3)
    assert set(out) == {"wrapper_tokens_per_s_median"} and len(gen.history) == 4  # a warm-up, then the runs


def test_median():
    assert _median([3.0, 1.0, 2.0]) == 2.0
