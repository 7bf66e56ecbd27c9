from lacourse.universe import D, N_SLOTS, N_VERBS, V

# A rank-k SVD kept as factors costs k (m + n + 1) numbers: k columns of U, k values,
# k rows of V^T. It saves memory only while k < k* = m n / (m + n + 1).
cases = [("C", N_VERBS, N_SLOTS), ("E", V, D), ("768 x 768", 768, 768),
         ("768 x 3072", 768, 3072)]
print(f"{'matrix':11s} {'m':>5s} {'n':>5s} {'k*':>8s} {'k*/min(m,n)':>12s}")
for name, m, n in cases:
    k_star = m * n / (m + n + 1)
    print(f"{name:11s} {m:5d} {n:5d} {k_star:8.2f} {k_star / min(m, n):12.1%}")
    # for m >= n: m + n + 1 <= 2m + 1, so k* >= n m / (2m + 1) = n / (2 + 1/m)
    small, large = min(m, n), max(m, n)
    assert k_star >= small * large / (2 * large + 1) and k_star / small > 0.49
