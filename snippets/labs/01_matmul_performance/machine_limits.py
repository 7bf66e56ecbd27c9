import numpy as np

from lacourse.perf import (
    SIZES, STREAM_N, cache_bytes, cores, cpu_flags, cpu_mhz, cpuinfo, physical_cores,
    print_load, print_row, time_add, time_matmul, vector_bits,
)
from lacourse.stamp import print_stamp

info = cpuinfo()  # /proc/cpuinfo, first processor; {} where there is none
flags, mhz = cpu_flags(info), cpu_mhz(info)
n_cores = physical_cores()  # distinct (physical id, core id) in /proc/cpuinfo, or None
bits = vector_bits(flags)  # avx512f: 512, avx: 256, sse2: 128, else None
FMA_UNITS = 2  # vector units per core: /proc/cpuinfo does not say; an assumption
FLOATS = ("float64", "float32")

rates = {(d, n): 2 * n**3 / time_matmul("blas", n, d).best / 1e9
         for d in FLOATS for n in SIZES["blas"]}
best_n = {d: max(SIZES["blas"], key=lambda n: rates[d, n]) for d in FLOATS}
measured = {d: rates[d, best_n[d]] for d in FLOATS}  # the measured compute roof
add = {t: time_add(threads=t) for t in sorted({1, cores()})}  # c = a + b, float64

# --8<-- [start:solution]
per_lane = 2 if "fma" in flags else 1  # a fused multiply-add: 2 FLOPs, one instruction
lanes = {d: bits // (8 * np.dtype(d).itemsize) if bits else None for d in FLOATS}
per_cycle = {d: FMA_UNITS * lanes[d] * per_lane if bits else None for d in FLOATS}
theoretical = {  # GFLOP/s = cores x cycles per second x FLOPs per cycle
    d: n_cores * mhz * 1e6 * per_cycle[d] / 1e9 if bits and mhz and n_cores else None
    for d in FLOATS
}
stream = 3 * STREAM_N * 8  # bytes per call: read a, read b, write c
bandwidth = {t: stream / timing.best / 1e9 for t, timing in add.items()}  # GB/s
# --8<-- [end:solution]


print("theoretical peak = cores x clock x FLOPs per cycle")
print_row("cores", [n_cores], 0, f"/proc/cpuinfo core ids; {cores()} logical CPUs")
print_row("clock", [mhz], 0, "MHz, /proc/cpuinfo 'cpu MHz'")
print_row("vector width", [bits], 0, "bits, widest of avx512f, avx, sse2 in flags")
print_row("FLOPs per lane", [per_lane], 0, f"fma in flags: {'fma' in flags}")
print_row("vector units", [FMA_UNITS], 0, "assumed")
print(f"{'':17} {'float64':>8} {'float32':>8}")
print_row("lanes", lanes.values(), 0)
print_row("FLOPs/cycle", per_cycle.values(), 0)
print_row("theoretical", theoretical.values(), 1, "GFLOP/s")
print_row("measured", measured.values(), 1, "GFLOP/s")
print_row("  at n", best_n.values(), 0)
l3 = cache_bytes(3)
print(f"memory bandwidth: c = a + b, 3 arrays of {STREAM_N:,} float64", end=" ")
print(f"({stream:,} bytes)")
print_row("array", [STREAM_N * 8 / 2**20], 0, "MiB")
print_row("L3 cache", [l3 and l3 / 2**20], 0, "MiB, sysfs")
for threads, rate in bandwidth.items():
    print_row(f"{threads} thread(s)", [rate], 1, "GB/s")
ridge = {d: measured[d] / max(bandwidth.values()) for d in FLOATS}
print(f"{'':17} {'float64':>8} {'float32':>8}")
print_row("ridge point", ridge.values(), 1, "FLOP/byte = measured peak / bandwidth")
print_load()
print_stamp()
