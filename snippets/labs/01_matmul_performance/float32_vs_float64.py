import numpy as np

from lacourse.perf import SIZES, print_load, time_matmul
from lacourse.stamp import print_stamp

print("GFLOP/s from the best repeat; speed-up = float64 time / float32 time")
print(f"{'method':6} {'n':>5} {'float64':>9} {'float32':>9} {'speed-up':>9}")
speedup = {}
for method in ("rows", "blas"):
    for n in SIZES[method]:
        t64, t32 = time_matmul(method, n, "float64"), time_matmul(method, n, "float32")
        # --8<-- [start:solution]
        speedup[method, n] = t64.best / t32.best
        rate64, rate32 = 2 * n**3 / t64.best / 1e9, 2 * n**3 / t32.best / 1e9
        # --8<-- [end:solution]
        ratio = speedup[method, n]
        print(f"{method:6} {n:5d} {rate64:9.3g} {rate32:9.3g} {ratio:8.2f}x")
digits = {d: (np.finfo(d).nmant + 1) * np.log10(2) for d in ("float64", "float32")}
print("significant digits:", ", ".join(f"{d} {digits[d]:.2f}" for d in digits))
print_load()
print_stamp()
