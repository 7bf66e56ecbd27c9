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
# Check: three float32 values; the in-order sum is the one a loop gives, addition by
# addition; and no way is further from the exact value than a summation of the 38400
# squares can be in theory (any order: at most about (number of terms) * eps32 / 2).
names = ["sum s_i^2 (float32 SVD)", "sum a_ij^2 (np.sum)", "sum a_ij^2 (in order)"]
assert list(ways) == names, f"ways: expected the keys {names}"
for name, value in ways.items():
    assert np.asarray(value).dtype == np.float32, f"{name}: computed in float32?"
    assert abs(float(value) - exact) <= E.size * eps32 * exact, f"{name}: too far off"
running = np.float32(0)
for square in (E * E).ravel():
    running = running + square
assert ways["sum a_ij^2 (in order)"] == running, "in order: add the squares one by one"
print(f"E = embedding_matrix(D) as float32 {E.shape}, {E.size} entries")
print(f"exact ||E||_F^2 = {exact:.6f}")
print(f"{'way':24s} {'float32 value':>14s} {'error in eps32':>15s}")
errors = {}
for name, value in ways.items():
    errors[name] = (float(value) - exact) / (eps32 * exact)
    print(f"{name:24s} {value:14.6f} {round(errors[name], 1) + 0.0:15.1f}")  # no -0.0
two_ways = (float(ways["sum s_i^2 (float32 SVD)"]) - float(ways["sum a_ij^2 (np.sum)"]))
print(f"sum s_i^2 - sum a_ij^2 = {two_ways / (eps32 * exact):.1f} eps32 ||E||_F^2")
# Any machine: a float32 SVD is backward stable, so sum s_i^2 is within about
# (size) * eps32 of ||E||_F^2; whether it lands on np.sum's value is the machine's.
assert abs(two_ways) <= E.size * eps32 * exact
