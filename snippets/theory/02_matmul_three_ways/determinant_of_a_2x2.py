import numpy as np

A = np.array([[2.0, -1.0], [1.0, 1.0]])  # (2, 2)   the map drawn above
flat = np.array([[1.0, 2.0], [2.0, 4.0]])  # (2, 2)   second column = 2 x first

# det [[a, b], [c, d]] = a d - b c: the signed area of the parallelogram spanned by the
# columns (a, c) and (b, d), the image of the unit square
print(f"{'matrix':6s} {'a d - b c':>9s} {'np.linalg.det':>13s}")
for name, M in [("A", A), ("flat", flat), ("swap", A[:, ::-1])]:
    by_hand = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
    det = round(np.linalg.det(M), 12) + 0.0  # LU may leave rounding noise; never "-0"
    print(f"{name:6s} {by_hand:9.4f} {det:13.4f}")
    assert np.isclose(np.linalg.det(M), by_hand, rtol=0, atol=1e-12)

# det = 0 exactly when some v != 0 goes to 0: the columns are dependent.
v = np.array([2.0, -1.0])  # (2,)
print("flat @ v =", flat @ v, "  for v =", v)
assert np.array_equal(flat @ v, [0.0, 0.0])
