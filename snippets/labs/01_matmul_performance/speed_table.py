from lacourse.perf import SIZES, fmt, print_load, time_matmul
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
        speedup = f"{loop.best / t.best:7,.0f}x" if loop else f"{'-':>8}"
        # --8<-- [end:solution]
        print(
            f"{method:6} {n:5d} {fmt(t.median):>9} {fmt(t.best):>9} {fmt(t.worst):>9} "
            f"{rate:9.3g} {speedup}"
        )
n = SIZES["loop"][-1]
print(f"loop, n = {n}: {table['loop', n].best / n**3 * 1e9:.1f} ns per multiply-add")
print_load()
print_stamp()
for n in SIZES["loop"]:  # the ranking the page describes
    assert table["blas", n].best < table["rows", n].best < table["loop", n].best
