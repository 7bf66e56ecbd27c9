import numpy as np

from lacourse.universe import D, V, embedding_matrix

eps32 = np.finfo(np.float32).eps
E = embedding_matrix(D).astype(np.float32)  # (V, D)
# Reference: the same float32 entries, squared and summed in float64 (error ~1e-16).
exact = np.sum(E.astype(np.float64) ** 2)

# --8<-- [start:solution]
S = np.linalg.svd(E, compute_uv=False)  # (D,)  float32 SVD
ways = {
    "sum s_i^2 (float32 SVD)": np.sum(S * S),
    "sum a_ij^2 (np.sum)": np.sum(E * E),
    "sum a_ij^2 (in order)": np.cumsum((E * E).ravel())[-1],
}
# --8<-- [end:solution]
print(f"E = embedding_matrix(D) as float32 {E.shape}, {E.size} entries")
print(f"exact ||E||_F^2 = {exact:.6f}")
print(f"{'way':24s} {'float32 value':>14s} {'error in eps32':>15s}")
errors = {}
for name, value in ways.items():
    assert value.dtype == np.float32
    errors[name] = (float(value) - exact) / (eps32 * exact)
    print(f"{name:24s} {value:14.6f} {round(errors[name], 1) + 0.0:15.1f}")  # no -0.0
two_ways = (float(ways["sum s_i^2 (float32 SVD)"]) - float(ways["sum a_ij^2 (np.sum)"]))
print(f"sum s_i^2 - sum a_ij^2 = {two_ways / (eps32 * exact):.1f} eps32 ||E||_F^2")
assert two_ways != 0  # equal on paper, not in float32
assert all(abs(error) < 1000 for error in errors.values())
