import numpy as np

shear = np.array([[1.0, 1.5], [0.0, 1.0]])  # (2, 2)  the shear above
page_02_map = np.array([[2.0, -1.0], [1.0, 1.0]])  # (2, 2)  the map drawn on page 02
flat = np.array([[1.0, 2.0], [0.5, 1.0]])  # (2, 2)  rank 1: second column = 2 x first
# the corners of the unit square, in order around it
square = np.array([[0.0, 1.0, 1.0, 0.0], [0.0, 0.0, 1.0, 1.0]])  # (2, 4)


def polygon_area(P):
    """Shoelace formula: the area enclosed by the corners P[:, 0], P[:, 1], ..."""
    x, y = P  # (4,), (4,)
    return abs(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)) / 2


print(f"{'matrix':12s} {'area of A(square)':>17s} {'|det A|':>8s}"
      f" {'sigma_1 * sigma_2':>17s}")
for name, A in [("shear", shear), ("page 02 map", page_02_map), ("rank 1", flat)]:
    area = polygon_area(A @ square)  # the unit square's image: a parallelogram
    S = np.linalg.svd(A, compute_uv=False)  # (2,)
    det = abs(np.linalg.det(A))
    print(f"{name:12s} {area:17.4f} {det:8.4f} {S[0] * S[1]:17.4f}")
    assert np.isclose(area, det, rtol=1e-12, atol=1e-12)
    assert np.isclose(det, S[0] * S[1], rtol=1e-12, atol=1e-12)
