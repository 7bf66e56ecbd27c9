from lacourse.perf import SIZES, check, compute_roof, fmt, print_load, time_matmul
from lacourse.stamp import print_stamp

print("float64, (n, n) @ (n, n); GFLOP/s and speed-up from the best repeat")
print(
    f"{'method':6} {'n':>5} {'median':>9} {'best':>9} {'worst':>9} "
    f"{'GFLOP/s':>9} {'x loop':>8}"
)
table = {}
for method in ("loop", "rows", "blas"):
    for n in SIZES[method]:
        t = table[method, n] = time_matmul(method, n, "float64")
        # --8<-- [start:solution]
        rate = 2 * n**3 / t.best / 1e9  # GFLOP/s
        loop = table.get(("loop", n))  # the loop's timing at this n, if it was measured
        speedup = loop.best / t.best if loop else None  # how many times faster
        # --8<-- [end:solution]
        check(f"rate ({method}, n = {n})", rate, 2 * n**3 / t.best / 1e9)
        faster = table["loop", n].best / t.best if ("loop", n) in table else None
        check(f"speedup ({method}, n = {n})", speedup, faster)
        times = f"{fmt(t.median):>9} {fmt(t.best):>9} {fmt(t.worst):>9}"
        ratio = f"{speedup:7,.0f}x" if speedup else f"{'-':>8}"
        print(f"{method:6} {n:5d} {times} {rate:9.3g} {ratio}")
print("check rate, speedup: right")
n = SIZES["loop"][-1]
print(f"loop, n = {n}: {table['loop', n].best / n**3 * 1e9:.1f} ns per multiply-add")
small = SIZES["blas"][0]  # its 2 n^3 FLOPs at the compute roof (the limits, below)
work = 2 * small**3 / (compute_roof("float64")[0] * 1e9)
call = table["blas", small].best
print(f"blas, n = {small}: {fmt(call)} per call, {fmt(work)} of work at the", end=" ")
print(f"compute roof: {call / work:.0f}x")
print_load()
print_stamp()
for n in SIZES["loop"]:  # the ranking the page describes
    assert table["blas", n].best < table["rows", n].best < table["loop", n].best
