from lacourse.universe import D, N_SLOTS, N_VERBS, V


def factor_cost(m, n, k):
    """Numbers kept by a rank-k SVD of an (m, n) matrix: k columns, k values, k rows."""
    return k * (m + n + 1)


header = ("matrix", "m x n", "k", "k(m+n+1)", "ratio", "k_max", "k*", "k*/min")
print("{:6s} {:>7s} {:>3s} {:>9s} {:>6s} {:>6s} {:>6s} {:>6s}".format(*header))
for name, m, n, k in [("E", V, D, 8), ("C", N_VERBS, N_SLOTS, 2)]:
    cost, ratio = factor_cost(m, n, k), m * n / factor_cost(m, n, k)
    k_max = (m * n - 1) // (m + n + 1)  # largest k with k(m + n + 1) < m n
    k_star = m * n / (m + n + 1)  # the break-even: k(m + n + 1) = m n
    print(f"{name:6s} {m * n:7,} {k:3d} {cost:9,} {ratio:6.2f} {k_max:6d} {k_star:6.2f}"
          f" {k_star / min(m, n):6.0%}")
    assert k_star / min(m, n) > 0.5  # far from "a small fraction of the smaller side"

assert factor_cost(V, D, 57) < V * D <= factor_cost(V, D, 58)
assert factor_cost(N_VERBS, N_SLOTS, 8) < N_VERBS * N_SLOTS <= factor_cost(20, 15, 9)
