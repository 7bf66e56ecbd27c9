import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)


# --8<-- [start:solution]
def truncate(A, k):
    """The rank-k truncated SVD of A: the sum of its first k rank-1 terms."""
    m, n = A.shape
    r = min(m, n)
    U, S, Vt = np.linalg.svd(A, full_matrices=False)  # (m, r), (r,), (r, n)
    return U[:, :k] * S[:k] @ Vt[:k]  # U_k diag(S_k) Vt_k without building diag(S_k)
# --8<-- [end:solution]


print(f"{'matrix':8s} {'k':>3s} {'rank(A_k)':>9s} {'||A - A_k||_F / ||A||_F':>24s}")
for name, A, ks in [("C", C, (1, 2, 5)), ("photo", photo, (1, 5, 20))]:
    for k in ks:
        A_k = truncate(A, k)  # (A.shape)
        relative = np.linalg.norm(A - A_k) / np.linalg.norm(A)
        print(f"{name:8s} {k:3d} {np.linalg.matrix_rank(A_k):9d} {relative:24.4f}")
        assert np.linalg.matrix_rank(A_k) == k
assert np.allclose(truncate(C, 15), C) and np.allclose(truncate(photo, 102), photo)
