import numpy as np

A = np.array([[5, 2], [2, 2]])  # (2, 2)
trace, det = np.trace(A), round(np.linalg.det(A))
# det(A - lambda I) = lambda^2 - trace * lambda + det
disc = trace**2 - 4 * det
roots = sorted([(trace + np.sqrt(disc)) / 2, (trace - np.sqrt(disc)) / 2], reverse=True)
print(f"lambda^2 - {trace} lambda + {det} = 0   discriminant {disc}")
print("roots:", "  ".join(f"{root:g}" for root in roots))
eigvals = np.linalg.eigvals(A)  # (2,)  complex dtype from NumPy 2.5, real values
print("np.linalg.eigvals:", np.sort(eigvals.real)[::-1])
for lam, v in [(roots[0], np.array([2, 1])), (roots[1], np.array([1, -2]))]:
    print(f"A @ {v} = {A @ v} = {lam:g} * {v}")

W = np.array([[1, 0], [2, 1], [0, 1]])  # (3, 2)
print("A == W.T @ W:", np.array_equal(A, W.T @ W))

assert np.allclose(np.sort(eigvals.real)[::-1], roots) and np.all(eigvals.imag == 0)
assert np.array_equal(A @ [2, 1], 6 * np.array([2, 1]))  # eigenvalue 6
assert np.array_equal(A @ [1, -2], 1 * np.array([1, -2]))  # eigenvalue 1
