"""Measuring matrix multiply (lab 01): the three methods, the lab's size plan, what the CPU
says about itself, and one store of timings per process.

Each measurement is made once per process and kept: the tables of the lab page and its
roofline figure then show the very same numbers, and a block run on its own measures what
it needs. `forget()` empties the store (in a notebook: to measure again).
"""

from __future__ import annotations

import inspect
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


COPIES = {"loop": matmul_loop, "rows": matmul_rows, "blas": np.matmul}
METHODS = dict(COPIES)  # what time_matmul times: these copies until `use` names others

STORE: dict[tuple, Timing] = {}  # the kept timings, by what was measured


def use(**functions) -> None:
    """Time these functions from now on: `use(loop=matmul_loop, rows=matmul_rows)` after the
    lab's first block makes every table time the learner's own two functions."""
    unknown = set(functions) - set(METHODS)
    if unknown:
        raise ValueError(f"no method called {', '.join(sorted(unknown))}")
    METHODS.update(functions)


def check(name: str, yours, expected, rel: float = 1e-9) -> None:
    """Compare a value the learner computed with the right one, computed another way: a wrong
    one stops here, saying what was expected (`...` left in place of code says so)."""
    if yours is Ellipsis:
        raise AssertionError(f"{name} is still `...`: write it in the TODO above")
    if not _close(yours, expected, rel):
        raise AssertionError(f"wrong: {name} = {yours!r}, expected {expected!r}")


def _close(yours, expected, rel: float) -> bool:
    """Equal, numbers within `rel` (rounding: the same formula in another order), dicts by key."""
    if yours is None or expected is None:
        return yours is expected
    if isinstance(expected, dict):
        return isinstance(yours, dict) and set(yours) == set(expected) and all(
            _close(yours[key], expected[key], rel) for key in expected
        )
    if isinstance(expected, (int, float, np.number)) and not isinstance(expected, bool):
        try:
            return bool(abs(yours - expected) <= rel * abs(expected))
        except TypeError:
            return False
    return yours == expected


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
    # unwrap: the site's runner checks shape comments inside a snippet's functions and hands
    # over the function as written in __wrapped__; that is what is timed
    multiply = inspect.unwrap(METHODS[method])
    key = ("matmul", method, multiply, n, dtype, threads)  # a redefined function: timed anew
    if key not in STORE:
        A, B = operands(method, n, dtype)
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


def blas_best(dtype: str = "float64") -> tuple[int, float]:
    """The fastest BLAS product of this dtype, (n, GFLOP/s): what BLAS reached. It is not the
    compute roof (that would make "BLAS reaches the roof" true by definition)."""
    rates = {n: matmul_rate("blas", n, dtype) for n in SIZES["blas"]}
    best = max(rates, key=rates.get)
    return best, rates[best]


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


FMA_UNITS = 2  # full-width FMAs a core starts per cycle: /proc/cpuinfo does not say; 2 is common

# Known cores that start only one full-width FMA per cycle where the flags suggest two: they
# split the widest instruction into two halves, or have one unit of that width. For these the
# estimate from the flags is twice too high. (vendor, family, models, widest vector, name)
HALF_RATE = (
    ("AuthenticAMD", 23, range(0x00, 0x30), 256, "AMD Zen 1"),  # 2 x 128-bit FMA pipes
    ("AuthenticAMD", 25, range(0x00, 0x100), 512, "AMD Zen 4"),  # 512-bit as 2 x 256-bit
    ("AuthenticAMD", 26, range(0x20, 0x30), 512, "AMD Zen 5 mobile"),  # 256-bit datapath
    ("AuthenticAMD", 26, range(0x60, 0x70), 512, "AMD Zen 5 mobile"),
    # Cannon Lake, Ice Lake, Tiger Lake, Rocket Lake (client): one 512-bit FMA unit
    ("GenuineIntel", 6, (0x66, 0x7D, 0x7E, 0x8C, 0x8D, 0xA7), 512, "Intel client AVX-512"),
)


def cpu_identity(info: dict) -> tuple[str | None, int | None, int | None]:
    """(vendor, family, model) from /proc/cpuinfo fields; None for what is not there."""

    def number(field: str) -> int | None:
        try:
            return int(info[field])
        except (KeyError, ValueError):
            return None

    return info.get("vendor_id"), number("cpu family"), number("model")


def fma_units(info: dict) -> tuple[int, str]:
    """Full-width FMAs per core per cycle, and where that comes from: a known core's name, or
    "assumed" (FMA_UNITS) for any other."""
    vendor, family, model = cpu_identity(info)
    bits = vector_bits(cpu_flags(info))
    for v, f, models, widest, name in HALF_RATE:
        if (vendor, family, bits) == (v, f, widest) and model in models:
            return 1, name
    return FMA_UNITS, "assumed"


def flops_per_cycle(flags: set[str], dtype: str = "float64", units: int = FMA_UNITS) -> int | None:
    """units x lanes x (2 with a fused multiply-add, else 1): one core's FLOPs per cycle."""
    bits = vector_bits(flags)
    if bits is None:
        return None
    lanes = bits // (8 * np.dtype(dtype).itemsize)
    return units * lanes * (2 if "fma" in flags else 1)


def clock_mhz(info: dict, cpufreq: str = "/sys/devices/system/cpu/cpu0/cpufreq") -> tuple[float | None, str]:
    """The clock the estimate uses, and where it comes from: the highest clock cpufreq allows
    (a busy core's ceiling) where the kernel shows it, else the "cpu MHz" /proc/cpuinfo
    reports (on a virtual machine, often the base clock: a busy core may run faster)."""
    try:
        return int(Path(cpufreq, "cpuinfo_max_freq").read_text()) / 1e3, "cpufreq max"
    except (OSError, ValueError):
        mhz = cpu_mhz(info)
        return mhz, "cpu MHz" if mhz else "unknown"


def theoretical_peak(dtype: str = "float64") -> float | None:
    """cores x clock x FLOPs per cycle, in GFLOP/s; None when the CPU does not tell."""
    info = cpuinfo()
    mhz = clock_mhz(info)[0]
    per_cycle = flops_per_cycle(cpu_flags(info), dtype, fma_units(info)[0])
    if mhz is None or per_cycle is None or physical_cores() is None:
        return None
    return physical_cores() * mhz * 1e6 * per_cycle / 1e9


def compute_roof(dtype: str = "float64") -> tuple[float, str]:
    """The compute roof of the roofline, GFLOP/s, and what it is: the theoretical peak where the
    CPU tells enough; else (macOS, Windows, ARM) the fastest BLAS product, named as such."""
    peak = theoretical_peak(dtype)
    return (peak, "theoretical") if peak else (blas_best(dtype)[1], "BLAS best")


# OpenBLAS kernels (threadpoolctl's "architecture") and the vectors they use
KERNEL_BITS = {
    "skylakex": 512, "cooperlake": 512, "sapphirerapids": 512,
    "haswell": 256, "zen": 256, "sandybridge": 256, "excavator": 256, "piledriver": 256,
    "nehalem": 128, "core2": 128, "prescott": 128, "atom": 128, "barcelona": 128,
}


def blas_kernel() -> tuple[str | None, int | None]:
    """The BLAS kernel NumPy's OpenBLAS picked for this CPU, and its vector width in bits."""
    arch = next((i.get("architecture") for i in threadpool_info() if i["user_api"] == "blas"), None)
    return arch, KERNEL_BITS.get((arch or "").lower())


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


def logical_cpus() -> int:
    """Logical CPUs, as the operating system counts them: two per core with SMT."""
    return os.cpu_count() or 1


def cores() -> int:
    """Cores for "one thread per core": the physical cores where /proc/cpuinfo tells them,
    else the logical CPUs (the best that is known)."""
    return physical_cores() or logical_cpus()


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
    """The 1-minute load average: above the logical CPUs, other programs were competing."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average (1 min) {load:.2f}, {logical_cpus()} logical CPUs")


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
