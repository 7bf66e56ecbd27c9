from lacourse.perf import SIZES, fmt, time_matmul
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
        rate = 2 * n**3 / t.best / 1e9
        loop = table.get(("loop", n))
        speedup = f"{loop.best / t.best:7,.0f}x" if loop else f"{'-':>8}"
        print(
            f"{method:6} {n:5d} {fmt(t.median):>9} {fmt(t.best):>9} {fmt(t.worst):>9} "
            f"{rate:9.3g} {speedup}"
        )
print_stamp()
for n in SIZES["loop"]:  # the ranking the page describes
    assert table["blas", n].best < table["rows", n].best < table["loop", n].best
