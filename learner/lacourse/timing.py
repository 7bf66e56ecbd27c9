"""Honest timings: warm up, repeat, report the median with the best and worst beside it."""

from __future__ import annotations

import statistics
import timeit
from dataclasses import dataclass


@dataclass
class Timing:
    median: float  # seconds per call
    best: float
    worst: float
    calls: int  # calls per repeat

    def __str__(self) -> str:
        return f"{_fmt(self.median)} (best {_fmt(self.best)}, worst {_fmt(self.worst)})"


def measure(fn, *, repeats: int = 7, min_seconds: float = 0.02) -> Timing:
    """Time `fn()`: one warm-up call, then `repeats` batches of enough calls to last `min_seconds`."""
    timer = timeit.Timer(fn)
    fn()  # warm-up: first-call costs (allocation, caches, lazy imports) are not the steady state
    calls = 1
    while timer.timeit(calls) < min_seconds:
        calls *= 2
    per_call = [t / calls for t in timer.repeat(repeat=repeats, number=calls)]
    return Timing(statistics.median(per_call), min(per_call), max(per_call), calls)


def _fmt(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"
