import numpy as np

A = np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])  # (3, 2)
G = A.T @ A  # (2, 2)   a Gram matrix
lam, vecs = np.linalg.eigh(G)  # (2,), (2, 2)   ascending; eigenvectors are the columns
print("G =")
print(G)
print(f"{'lambda':>6}  {'v':>17}  {'G @ v':>17}  {'lambda * v':>17}"
      f"  {'v.T G v':>7}  {'|A v|^2':>7}")
for i in range(2):
    v = vecs[:, i]  # (2,)
    quadratic = v @ G @ v
    print(f"{lam[i]:6.3f}  {str(v):>17}  {str(G @ v):>17}  {str(lam[i] * v):>17}"
          f"  {quadratic:7.3f}  {np.sum((A @ v) ** 2):7.3f}")
    assert np.allclose(G @ v, lam[i] * v, rtol=0, atol=1e-12)  # G only stretches v
    assert np.isclose(quadratic, lam[i] * (v @ v), rtol=1e-12)  # v.T G v = lambda |v|^2
assert np.allclose(lam, [1.0, 3.0], rtol=0, atol=1e-12)

# lambda is an eigenvalue exactly when G - lambda I sends some v != 0 to 0, that is when
# det(G - lambda I) = 0; for a 2 x 2 that is lambda^2 - trace(G) lambda + det(G) = 0.
trace, det = np.trace(G), np.linalg.det(G)
roots = np.sort(np.roots([1.0, -trace, det]))  # (2,)
print(f"trace {trace:.0f}  det {det:.4f}"
      f"  roots of lambda^2 - {trace:.0f} lambda + {det:.0f}:", roots)
assert np.allclose(roots, lam, rtol=0, atol=1e-12)
