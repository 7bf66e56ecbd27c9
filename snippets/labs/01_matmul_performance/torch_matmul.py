from lacourse.perf import MIN_SECONDS, PEAK_N, REPEATS, fmt, operands, print_load
from lacourse.stamp import print_stamp
from lacourse.timing import measure

try:
    import torch
except ImportError:
    torch = None

n = PEAK_N
if torch is None:
    print("torch: not found")
else:
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    print(f"torch {torch.__version__}, {torch.get_num_threads()} CPU threads, n = {n}")
    print(f"{'device':6} {'dtype':8} {'median':>9} {'best':>9} {'GFLOP/s':>9}")
    for device in devices:
        for dtype in ("float64", "float32"):
            A, B = (torch.from_numpy(M).to(device) for M in operands("blas", n, dtype))

            # --8<-- [start:solution]
            def product():
                torch.matmul(A, B)
                if device == "cuda":
                    torch.cuda.synchronize()  # GPU calls return before the work is done
            # --8<-- [end:solution]

            t = measure(product, repeats=REPEATS, min_seconds=MIN_SECONDS)
            rate = 2 * n**3 / t.best / 1e9
            times = f"{fmt(t.median):>9} {fmt(t.best):>9}"
            print(f"{device:6} {dtype:8} {times} {rate:9.1f}")
        if device == "cuda":
            print(f"cuda device: {torch.cuda.get_device_name()}")
    print_load()
    print_stamp()
