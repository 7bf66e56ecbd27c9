import numpy as np

from lacourse.perf import (
    SIZES, STREAM_N, blas_best, blas_kernel, cache_bytes, check, clock_mhz, cores,
    cpu_flags, cpu_identity, cpuinfo, fma_units, logical_cpus, matmul_rate,
    physical_cores, print_load, print_row, theoretical_peak, time_add, vector_bits,
)
from lacourse.perf import bandwidth as measured_bandwidth
from lacourse.stamp import print_stamp

info = cpuinfo()  # /proc/cpuinfo, first processor; {} where there is none
flags = cpu_flags(info)
vendor, family, model = cpu_identity(info)  # e.g. AuthenticAMD, 25, 17
mhz, clock_source = clock_mhz(info)  # cpufreq's maximum, else the reported "cpu MHz"
n_cores = physical_cores()  # distinct (physical id, core id) in /proc/cpuinfo, or None
bits = vector_bits(flags)  # avx512f: 512, avx: 256, sse2: 128, else None
units, units_source = fma_units(info)  # 1 on a known half-rate core, else 2 (assumed)
FLOATS = ("float64", "float32")
add = {t: time_add(threads=t) for t in sorted({1, cores()})}  # c = a + b, float64

# --8<-- [start:solution]
per_lane = 2 if "fma" in flags else 1  # a fused multiply-add: 2 FLOPs, one instruction
lanes = {d: bits // (8 * np.dtype(d).itemsize) if bits else None for d in FLOATS}
per_cycle = {d: units * lanes[d] * per_lane if bits else None for d in FLOATS}
theoretical = {  # GFLOP/s = cores x cycles per second x FLOPs per cycle
    d: n_cores * mhz * 1e6 * per_cycle[d] / 1e9 if bits and mhz and n_cores else None
    for d in FLOATS
}
stream = 3 * STREAM_N * 8  # bytes per call: read a, read b, write c
bandwidth = {t: stream / timing.best / 1e9 for t, timing in add.items()}  # GB/s
# --8<-- [end:solution]
check("theoretical", theoretical, {d: theoretical_peak(d) for d in FLOATS})
check("bandwidth", bandwidth, {t: measured_bandwidth(t) for t in add})
print("check theoretical, bandwidth: right")

print("theoretical peak = cores x clock x FLOPs per cycle")
print(f"  {'CPU':15} {vendor or '?'}, family {family or '?'}, model {model or '?'}")
print_row("cores", [n_cores], 0, f"core ids; {logical_cpus()} logical CPUs")
print_row("clock", [mhz], 0, f"MHz, {clock_source}")
print_row("vector width", [bits], 0, "bits, widest of avx512f, avx, sse2 in flags")
print_row("FLOPs per lane", [per_lane], 0, f"fma in flags: {'fma' in flags}")
print_row("FMA units", [units], 0, units_source)
print(f"{'':17} {'float64':>8} {'float32':>8}")
print_row("lanes", lanes.values(), 0)
print_row("FLOPs/cycle", per_cycle.values(), 0)
print_row("theoretical", theoretical.values(), 1, "GFLOP/s")
best = {d: blas_best(d) for d in FLOATS}  # (n, GFLOP/s) of the fastest BLAS product
print_row("BLAS best", [best[d][1] for d in FLOATS], 1, "GFLOP/s")
print_row("  at n", [best[d][0] for d in FLOATS], 0)
share = {d: best[d][1] / theoretical[d] if theoretical[d] else None for d in FLOATS}
print_row("  of peak", share.values(), 2, "BLAS best / theoretical")
kernel, kernel_bits = blas_kernel()
print(f"  {'BLAS kernel':15} {kernel or '?'}, {kernel_bits or '?'}-bit vectors")
l3 = cache_bytes(3)
print(f"memory bandwidth: c = a + b, 3 arrays of {STREAM_N:,} float64", end=" ")
print(f"({stream:,} bytes)")
print_row("array", [STREAM_N * 8 / 2**20], 0, "MiB")
print_row("L3 cache", [l3 and l3 / 2**20], 0, "MiB, sysfs")
for threads, rate in bandwidth.items():
    print_row(f"{threads} thread(s)", [rate], 1, "GB/s")
compute = {d: theoretical[d] or best[d][1] for d in FLOATS}  # the compute roof
ridge = {d: compute[d] / max(bandwidth.values()) for d in FLOATS}
print(f"{'':17} {'float64':>8} {'float32':>8}")
print_row("ridge point", ridge.values(), 1, "FLOP/byte = compute roof / bandwidth")
print("below the compute roof, float64, largest n: log10(roof / rate)")
below = {}
for method in SIZES:
    n = SIZES[method][-1]
    below[method] = np.log10(compute["float64"] / matmul_rate(method, n))
    print_row(f"{method}, n = {n}", [below[method]], 1)
print_load()
print_stamp()
