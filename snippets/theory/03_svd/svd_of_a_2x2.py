import numpy as np

A = np.array([[1.0, 1.5], [0.0, 1.0]])  # (2, 2)  a shear: slides the top sideways
U, S, Vt = np.linalg.svd(A)  # (2, 2), (2,), (2, 2)

# Signs are not unique: flipping u_i and v_i together leaves U diag(S) Vt unchanged.
# Choose them so that V^T is a rotation (determinant +1), not a reflection.
if np.linalg.det(Vt) < 0:
    Vt[1] *= -1
    U[:, 1] *= -1


def angle(R):
    """Angle (degrees) of a 2-D rotation matrix."""
    return np.degrees(np.arctan2(R[1, 0], R[0, 0]))


for name, value in [("A", A), ("U", U), ("S", S), ("Vt", Vt)]:
    print(f"{name} =")
    print(value)
print(f"det(Vt) = {np.linalg.det(Vt):+.4f}   rotation by {angle(Vt):+.2f} deg")
print(f"det(U)  = {np.linalg.det(U):+.4f}   rotation by {angle(U):+.2f} deg")
print(f"sigma_1 * sigma_2 = {S[0] * S[1]:.4f} = |det(A)| = {abs(np.linalg.det(A)):.4f}")

# Rotate, scale, rotate: apply the three factors in turn to points on the unit circle.
N = 1000
theta = np.linspace(0.0, 2 * np.pi, N)  # (N,)
X = np.stack([np.cos(theta), np.sin(theta)])  # (2, N)
three_steps = U @ (np.diag(S) @ (Vt @ X))  # (2, N)
gap = np.abs(three_steps - A @ X).max()
print(f"max |U diag(S) Vt x - A x| over {N} circle points: {gap:.1e}")
stretch = np.linalg.norm(A @ X, axis=0)  # (N,)  length of A x, for |x| = 1
print(f"longest |A x| = {stretch.max():.4f}   shortest |A x| = {stretch.min():.4f}")

assert np.allclose(U.T @ U, np.eye(2)) and np.allclose(Vt @ Vt.T, np.eye(2))
assert np.isclose(np.linalg.det(U), 1.0) and np.isclose(np.linalg.det(Vt), 1.0)
assert np.allclose(A @ Vt.T, U * S)  # A v_i = sigma_i u_i, column by column
assert np.isclose(S[0] * S[1], abs(np.linalg.det(A)))
assert gap < 20 * np.finfo(float).eps * S[0]  # rounding only: a few eps times sigma_1
assert np.isclose(stretch.max(), S[0], rtol=1e-4)
assert np.isclose(stretch.min(), S[1], rtol=1e-4)
