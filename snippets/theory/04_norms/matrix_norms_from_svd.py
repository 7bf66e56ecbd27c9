import numpy as np

from lacourse.universe import conjugation_counts

A = conjugation_counts().astype(float)  # (20, 15)
m, n = A.shape
k = min(m, n)
U, S, Vt = np.linalg.svd(A, full_matrices=False)  # (m, k), (k,), (k, n)

fro_entries = np.sqrt(np.sum(A**2))
fro_svd = np.sqrt(np.sum(S**2))
fro_numpy = np.linalg.norm(A, "fro")
spec_svd = S[0]
spec_numpy = np.linalg.norm(A, 2)
print("A = conjugation_counts():", A.shape)
print(f"{'':18s} {'from entries':>13s} {'from the SVD':>13s} {'np.linalg.norm':>15s}")
print(f"{'Frobenius ||A||_F':18s} {fro_entries:13.4f} {fro_svd:13.4f}", end=" ")
print(f"{fro_numpy:15.4f}")
print(f"{'spectral  ||A||_2':18s} {'':13s} {spec_svd:13.4f} {spec_numpy:15.4f}")
assert abs(fro_entries - fro_svd) < 1e-12 * fro_svd
assert abs(fro_numpy - fro_svd) < 1e-12 * fro_svd
assert abs(spec_svd - spec_numpy) < 1e-12 * spec_svd

# ||A||_2 is the most A can stretch a unit vector: try many, then the best one, v_1.
rng = np.random.default_rng(0)
N = 10_000
X = rng.normal(size=(n, N))  # (n, N)
X /= np.linalg.norm(X, axis=0)  # (n, N)  unit columns
stretch = np.linalg.norm(A @ X, axis=0)  # (N,)
print()
print(f"max ||A x|| over {N} random unit x: {stretch.max():.4f}")
print(f"||A v_1||  (v_1 = first row of Vt): {np.linalg.norm(A @ Vt[0]):.4f}")
assert stretch.max() < 0.9 * S[0]  # random search stops well short of sigma_1
assert abs(np.linalg.norm(A @ Vt[0]) - S[0]) < 1e-12 * S[0]

print()
share = S[0] ** 2 / fro_svd**2
print(f"sigma_1^2 / ||A||_F^2 = {share:.4f}")
assert share > 0.9  # sigma_1^2 is most of the sum
assert S[0] <= fro_svd  # sigma_1^2 is one term of the sum
