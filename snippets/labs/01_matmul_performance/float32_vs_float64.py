import numpy as np

from lacourse.perf import SIZES, check, print_load, time_matmul
from lacourse.stamp import print_stamp

print("GFLOP/s from the best repeat; speed-up = float64 time / float32 time")
print(f"{'method':6} {'n':>5} {'float64':>9} {'float32':>9} {'speed-up':>9}")
speedup = {}
for method in ("rows", "blas"):
    for n in SIZES[method]:
        t64, t32 = time_matmul(method, n, "float64"), time_matmul(method, n, "float32")
        # --8<-- [start:solution]
        ratio = t64.best / t32.best  # > 1: float32 is faster
        rate64, rate32 = 2 * n**3 / t64.best / 1e9, 2 * n**3 / t32.best / 1e9
        # --8<-- [end:solution]
        check(f"ratio ({method}, n = {n})", ratio, t64.best / t32.best)
        check(f"rate32 ({method}, n = {n})", rate32, 2 * n**3 / t32.best / 1e9)
        speedup[method, n] = ratio
        check(f"rate64 ({method}, n = {n})", rate64, 2 * n**3 / t64.best / 1e9)
        print(f"{method:6} {n:5d} {rate64:9.3g} {rate32:9.3g} {ratio:8.2f}x")
print("check ratio, rate64, rate32: right")
digits = {d: (np.finfo(d).nmant + 1) * np.log10(2) for d in ("float64", "float32")}
print("significant digits:", ", ".join(f"{d} {digits[d]:.2f}" for d in digits))
print_load()
print_stamp()
