"""Measuring matrix multiply (lab 01): the three methods, the lab's size plan, what the CPU
says about itself, and one store of timings per process.

Each measurement is made once per process and kept: the tables of the lab page and its
roofline figure then show the very same numbers, and a block run on its own measures what
it needs. `forget()` empties the store (in a notebook: to measure again).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from lacourse.timing import Timing, measure

# Which method gets which sizes: the pure-Python loop does 2 n^3 operations one at a time,
# so it gets small n only; BLAS gets sizes up to the "large GEMM" that measures the peak.
SIZES = {
    "loop": (16, 32, 64),
    "rows": (16, 32, 64, 256),
    "blas": (16, 32, 64, 256, 1024),
}
DTYPES = {"loop": ("float64",), "rows": ("float64", "float32"), "blas": ("float64", "float32")}
PEAK_N = 1024  # the large GEMM whose rate stands for the machine's peak
STREAM_N = 1 << 23  # numbers per array in a + b: 64 MiB in float64, far larger than any cache
REPEATS, MIN_SECONDS = 7, 0.01  # per measurement: 7 repeats of at least 10 ms each


def matmul_loop(A, B):
    """C = A B with three Python loops over lists: one multiply-add at a time."""
    n, k, m = len(A), len(B), len(B[0])
    C = [[0.0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            total = 0.0
            for p in range(k):
                total += A[i][p] * B[p][j]
            C[i][j] = total
    return C


def matmul_rows(A, B):
    """C = A B one row at a time: row i of C is the vector-matrix product A[i] @ B."""
    n, m = A.shape[0], B.shape[1]
    C = np.empty((n, m), dtype=np.result_type(A, B))  # (n, m)
    for i in range(n):
        C[i] = A[i] @ B
    return C


METHODS = {"loop": matmul_loop, "rows": matmul_rows, "blas": np.matmul}

STORE: dict[tuple, Timing] = {}  # the kept timings, by what was measured


def forget() -> None:
    """Drop every kept timing: the next request measures afresh."""
    STORE.clear()


def operands(method: str, n: int, dtype: str = "float64"):
    """Two seeded (n, n) matrices; lists of Python floats for the loop."""
    rng = np.random.default_rng(n)
    A = rng.standard_normal((n, n)).astype(dtype)
    B = rng.standard_normal((n, n)).astype(dtype)
    return (A.tolist(), B.tolist()) if method == "loop" else (A, B)


def blas_threads() -> int | None:
    """How many threads the BLAS would use now (inside a threadpool_limits block: the limit);
    None for a BLAS threadpoolctl does not know."""
    return next((i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"), None)


def time_matmul(method: str, n: int, dtype: str = "float64", threads: int | None = None) -> Timing:
    """Median, best and worst seconds of one (n, n) @ (n, n) product, measured once per process.

    `threads=None` leaves the BLAS at its default; a number limits it for this measurement."""
    key = ("matmul", method, n, dtype, threads)
    if key not in STORE:
        A, B = operands(method, n, dtype)
        multiply = METHODS[method]
        with threadpool_limits(limits=threads, user_api="blas"):
            STORE[key] = measure(lambda: multiply(A, B), repeats=REPEATS, min_seconds=MIN_SECONDS)
    return STORE[key]


def time_add(threads: int = 1, n: int = STREAM_N, dtype: str = "float64") -> Timing:
    """Seconds for c = a + b on arrays of n numbers, split across `threads` Python threads
    (NumPy releases the GIL inside the addition, so the threads run at once)."""
    key = ("add", n, dtype, threads)
    if key not in STORE:
        a, b, c = np.ones(n, dtype), np.ones(n, dtype), np.empty(n, dtype)
        parts = [slice(i * n // threads, (i + 1) * n // threads) for i in range(threads)]
        with ThreadPoolExecutor(threads) as pool:

            def add():
                list(pool.map(lambda part: np.add(a[part], b[part], out=c[part]), parts))

            STORE[key] = measure(add, repeats=REPEATS, min_seconds=MIN_SECONDS)
    return STORE[key]


# --- rates and roofs (the page derives each of these in a snippet; a test checks they agree) ---


def intensity(n: int, dtype: str = "float64") -> float:
    """FLOP per byte of an (n, n) @ (n, n) product that reads A and B and writes C once."""
    return 2 * n**3 / (3 * n**2 * np.dtype(dtype).itemsize)


def matmul_rate(method: str, n: int, dtype: str = "float64", threads: int | None = None) -> float:
    """GFLOP/s, 2 n^3 / t, with t the fastest repeat: other programs can only slow a run down,
    so the fastest repeat is the closest to what the hardware does."""
    return 2 * n**3 / time_matmul(method, n, dtype, threads).best / 1e9


def peak_rate(dtype: str = "float64") -> float:
    """The measured compute roof: the fastest BLAS product of this dtype (on a quiet machine,
    the large GEMM, n = PEAK_N; a busy one can slow that one down more than a smaller one)."""
    return max(matmul_rate("blas", n, dtype) for n in SIZES["blas"])


def stream_bytes(n: int = STREAM_N, dtype: str = "float64") -> int:
    """Bytes a + b moves: read a, read b, write c."""
    return 3 * n * np.dtype(dtype).itemsize


def bandwidth(threads: int = 1) -> float:
    """GB/s of a + b on arrays far larger than the caches (fastest repeat)."""
    return stream_bytes() / time_add(threads).best / 1e9


def memory_roof() -> float:
    """The measured memory roof: the better of one thread and one thread per core."""
    return max(bandwidth(1), bandwidth(cores()))


def vector_bits(flags: set[str]) -> int | None:
    """Widest vector the x86 flags announce, or None when they don't say."""
    for flag, bits in (("avx512f", 512), ("avx", 256), ("sse2", 128)):
        if flag in flags:
            return bits
    return None


FMA_UNITS = 2  # vector units per core: /proc/cpuinfo does not say; 2 is the common case


def flops_per_cycle(flags: set[str], dtype: str = "float64") -> int | None:
    """units x lanes x (2 with a fused multiply-add, else 1): an upper bound for one core."""
    bits = vector_bits(flags)
    if bits is None:
        return None
    lanes = bits // (8 * np.dtype(dtype).itemsize)
    return FMA_UNITS * lanes * (2 if "fma" in flags else 1)


def theoretical_peak(dtype: str = "float64") -> float | None:
    """cores x clock x FLOPs per cycle, in GFLOP/s; None when the CPU does not tell."""
    info = cpuinfo()
    mhz, per_cycle = cpu_mhz(info), flops_per_cycle(cpu_flags(info), dtype)
    if mhz is None or per_cycle is None or physical_cores() is None:
        return None
    return physical_cores() * mhz * 1e6 * per_cycle / 1e9


# --- what the CPU says about itself ----------------------------------------------------------


def cpuinfo(path: str = "/proc/cpuinfo") -> dict:
    """The first processor's fields in /proc/cpuinfo ({} where there is no such file)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return {}
    fields = {}
    for line in text.split("\n\n")[0].splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            fields[name.strip()] = value.strip()
    return fields


def cpu_mhz(info: dict) -> float | None:
    """The clock /proc/cpuinfo reports ("cpu MHz"), or None."""
    try:
        return float(info["cpu MHz"])
    except (KeyError, ValueError):
        return None


def cpu_flags(info: dict) -> set[str]:
    """Instruction-set flags ("flags" on x86, "Features" on ARM)."""
    return set((info.get("flags") or info.get("Features") or "").split())


def cache_bytes(level: int = 3) -> int | None:
    """Size of the CPU cache of this level, from sysfs, or None."""
    for index in sorted(Path("/sys/devices/system/cpu/cpu0/cache").glob("index*")):
        try:
            if int((index / "level").read_text()) == level:
                size = (index / "size").read_text().strip()
                scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(size[-1], 1)
                return int(size.rstrip("KMG")) * scale
        except (OSError, ValueError):
            continue
    return None


def cores() -> int:
    """Logical CPUs, as the operating system counts them (threads of work run on these)."""
    return os.cpu_count() or 1


def physical_cores(path: str = "/proc/cpuinfo") -> int | None:
    """Distinct (physical id, core id) pairs in /proc/cpuinfo: cores with their own vector
    units (two hardware threads of one core share them); None where the file does not say."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return None
    pairs = set()
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(":", 1) for line in block.splitlines() if ":" in line)
        fields = {k.strip(): v.strip() for k, v in fields.items()}
        if "core id" not in fields:
            return None
        pairs.add((fields.get("physical id", "0"), fields["core id"]))
    return len(pairs) or None


def print_load() -> None:
    """The 1-minute load average: above the number of cores, other programs were competing."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average (1 min) {load:.2f}, {cores()} cores")


def print_row(name: str, values, digits: int = 1, note: str = "") -> None:
    """One row of a small table: a name, numbers 8 wide ('?' for an unknown), a note."""
    cells = " ".join(f"{v:8.{digits}f}" if v is not None else f"{'?':>8}" for v in values)
    print(f"  {name:15} {cells}  {note}".rstrip())


def fmt(seconds: float) -> str:
    """Seconds with a unit and 3 significant digits: '11.2 ms', '10.3 µs'."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"
