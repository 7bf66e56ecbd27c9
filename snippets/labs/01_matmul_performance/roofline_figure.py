import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.perf import (
    DTYPES, SIZES, STREAM_N, check, clock_mhz, compute_roof, cores, cpu_flags, cpuinfo,
    flops_per_cycle, fma_units, intensity, matmul_rate, memory_roof, physical_cores,
    time_add,
)

bandwidth = memory_roof()  # GB/s: the better of 1 thread and all threads on a + b
roofs = {d: compute_roof(d) for d in ("float64", "float32")}  # theoretical where known
peak = {d: roofs[d][0] for d in roofs}  # GFLOP/s: the compute roofs
x = np.logspace(-2, 3, 400)  # (400,) arithmetic intensity, FLOP/byte


# --8<-- [start:solution]
def roof(intensity, peak, bandwidth):
    return np.minimum(peak, bandwidth * intensity)  # compute-bound or memory-bound
# --8<-- [end:solution]
check("roof(0.5, 50, 20)", roof(0.5, 50.0, 20.0), 10.0)  # memory-bound: 20 x 0.5
check("roof(100, 50, 20)", roof(100.0, 50.0, 20.0), 50.0)  # compute-bound

points = [  # (method, dtype, n, FLOP/byte, GFLOP/s), every measured product
    (method, dtype, n, intensity(n, dtype), matmul_rate(method, n, dtype))
    for method in SIZES for dtype in DTYPES[method] for n in SIZES[method]
]
add_rates = {t: STREAM_N / time_add(threads=t).best / 1e9 for t in sorted({1, cores()})}

info = cpuinfo()
fig, ax = plt.subplots(figsize=(7.5, 4.2))
for dtype, style in (("float64", "-"), ("float32", "--")):
    how = f"{peak[dtype]:.0f} GFLOP/s"
    if roofs[dtype][1] == "theoretical":  # its factors: cores x clock x FLOPs/cycle
        ghz = clock_mhz(info)[0] / 1e3
        per_cycle = flops_per_cycle(cpu_flags(info), dtype, fma_units(info)[0])
        how = f"{physical_cores()} × {ghz:.2f} GHz × {per_cycle} = {how}"
    else:
        how = f"BLAS best {how}"
    label = f"{dtype}: min({how}, {bandwidth:.0f} GB/s × I)"
    ax.loglog(x, roof(x, peak[dtype], bandwidth), style, color="#000000", label=label)
series = [(m, d) for m in SIZES for d in DTYPES[m]]
for (method, dtype), color in zip(series, ["C0", "C1", "C1", "C2", "C2"]):
    xy = [(i, r) for m, d, n, i, r in points if (m, d) == (method, dtype)]
    ax.loglog(*zip(*xy), "o^s"[list(SIZES).index(method)], color=color, ms=6,
              mfc="none" if dtype == "float32" else color,
              label=f"{method}, {dtype}, n = {SIZES[method][0]}…{SIZES[method][-1]}")
for (threads, rate), face in zip(add_rates.items(), ["C4", "none"]):
    ax.loglog([1 / 24], [rate], "D", color="C4", mfc=face, ms=6,  # 1 FLOP per 24 bytes
              label=f"a + b, float64, threads={threads}")
ax.set_xlabel("I (FLOP/byte)")
ax.set_ylabel("GFLOP/s")
ax.set_xlim(x[0], x[-1])
ax.grid(True, which="major", alpha=0.3)
ax.legend(fontsize=8, frameon=False, ncol=2, loc="upper center",
          bbox_to_anchor=(0.5, -0.14))  # below the axes, out of the points' way
show(fig)
