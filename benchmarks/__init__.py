"""confterm's benchmark suite: synthetic programs and a runner that times load, first paint,
interactions and memory (``uv run python -m benchmarks``; see ``benchmarks/RESULTS.md``)."""
