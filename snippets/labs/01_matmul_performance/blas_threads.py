from threadpoolctl import threadpool_limits

from lacourse.perf import (
    PEAK_N, blas_threads, check, cores, fmt, print_load, time_matmul,
)
from lacourse.stamp import print_stamp

n = PEAK_N
print(f"(n, n) @ (n, n), n = {n}; GFLOP/s from the best repeat")
print(f"{'dtype':8} {'threads':>7} {'median':>9} {'best':>9} {'GFLOP/s':>9}", end="")
print(f" {'speed-up':>9}")
timings, reported = {}, {}
for dtype in ("float64", "float32"):
    for threads in sorted({1, cores()}):
        with threadpool_limits(limits=threads, user_api="blas"):
            # --8<-- [start:solution]
            used = blas_threads()  # as the BLAS reports it, inside the limit
            t = time_matmul("blas", n, dtype, threads=threads)
            # --8<-- [end:solution]
        if used is not None:  # None: a BLAS threadpoolctl can't see
            check(f"used ({dtype}, {threads} threads)", used, threads)
        right = time_matmul("blas", n, dtype, threads)  # the limit, applied by perf
        check(f"t ({dtype}, {threads} threads)", t, right)
        timings[dtype, threads], reported[dtype, threads] = t, used
        speedup = timings[dtype, 1].best / t.best
        used = reported[dtype, threads] or "?"  # "?": a BLAS threadpoolctl can't see
        print(
            f"{dtype:8} {used:>7} {fmt(t.median):>9} {fmt(t.best):>9} "
            f"{2 * n**3 / t.best / 1e9:9.1f} {speedup:8.2f}x"
        )
print("check used, t: right")
print_load()
print_stamp()
