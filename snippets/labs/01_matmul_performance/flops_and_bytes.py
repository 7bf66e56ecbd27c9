from lacourse.perf import SIZES, check


# --8<-- [start:solution]
def matmul_flops(n):
    return 2 * n**3  # n * n entries, each n multiplies and n adds


def matmul_bytes(n, itemsize):
    return 3 * n**2 * itemsize  # read A, read B, write C: each once


def gflops(n, seconds):
    return matmul_flops(n) / seconds / 1e9
# --8<-- [end:solution]


for n in (3, 1024):  # against the counts of the text: 2 n^3, 3 n^2 numbers
    check(f"matmul_flops({n})", matmul_flops(n), 2 * n**3)
    check(f"matmul_bytes({n}, 4)", matmul_bytes(n, 4), 3 * n**2 * 4)
check("gflops(1000, 2.0)", gflops(1000, 2.0), 1.0)
print("check matmul_flops, matmul_bytes, gflops: right")
print(f"{'':21} {'bytes':>15}   {'FLOP/byte':^18}")
print(f"{'n':>5} {'FLOPs':>15} {'float64':>15} {'float64':>9} {'float32':>8}")
for n in SIZES["blas"]:
    b64, b32 = matmul_bytes(n, 8), matmul_bytes(n, 4)
    print(
        f"{n:5d} {matmul_flops(n):15,d} {b64:15,d} "
        f"{matmul_flops(n) / b64:9.2f} {matmul_flops(n) / b32:8.2f}"
    )
print(f"gflops(n=1000, seconds=2.0) = {gflops(1000, 2.0)}")
assert matmul_flops(1024) == 2_147_483_648 and matmul_bytes(1024, 8) == 25_165_824
assert gflops(1000, 2.0) == 1.0
