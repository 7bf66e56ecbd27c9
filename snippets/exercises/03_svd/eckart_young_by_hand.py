import numpy as np

values = np.array([4.0, 3.0, 1.0])  # (3,)  the singular values of A
m, n = 5, 3
rng = np.random.default_rng(0)
U = np.linalg.qr(rng.normal(size=(m, n)))[0]  # (m, n)  orthonormal columns
Vt = np.linalg.qr(rng.normal(size=(n, n)))[0].T  # (n, n)  a rotation
A = U * values @ Vt  # (m, n)  any such A: only its singular values matter

print(f"|A|_F = sqrt({np.sum(values**2):g}) = {np.linalg.norm(A):.4f}")
print(f"{'k':>2} {'sqrt(sum dropped^2)':>19} {'|A - A_k|_F':>11} {'sigma_k+1':>9}"
      f" {'|A - A_k|_2':>11}")
for k in (1, 2):
    A_k = U[:, :k] * values[:k] @ Vt[:k]  # (m, n)  the best rank-k approximation
    frobenius, spectral = np.linalg.norm(A - A_k), np.linalg.norm(A - A_k, 2)
    predicted = np.sqrt(np.sum(values[k:] ** 2))
    row = (k, predicted, frobenius, values[k], spectral)
    print("{:2d} {:19.4f} {:11.4f} {:9.4f} {:11.4f}".format(*row))
    assert np.isclose(frobenius, predicted) and np.isclose(spectral, values[k])
