import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)
eps = np.finfo(float).eps

rows = []  # name, k, measured and predicted F, measured and predicted 2, gap
cases = [("C", C, (1, 2, 3, 5, 10, 14)), ("P", photo, (1, 2, 5, 10, 20, 50, 100))]
for name, A, ks in cases:
    m, n = A.shape
    U, S, Vt = np.linalg.svd(A, full_matrices=False)  # (m, n), (n,), (n, n)  (m > n)
    for k in ks:
        A_k = U[:, :k] * S[:k] @ Vt[:k]  # (A.shape)
        # --8<-- [start:solution]
        measured_F = np.linalg.norm(A - A_k, "fro")
        predicted_F = np.sqrt(np.sum(S[k:] ** 2))  # the singular values left out
        measured_2 = np.linalg.norm(A - A_k, 2)
        predicted_2 = S[k]  # sigma_{k+1}: index k counts from 0
        # --8<-- [end:solution]
        gap = max(abs(measured_F - predicted_F), abs(measured_2 - predicted_2))
        gap_in_eps = gap / (eps * S[0])
        errors = (measured_F, predicted_F, measured_2, predicted_2)
        rows.append((name, k, *errors, gap_in_eps))
        # Rounding in the SVD and in A - A_k: eps * sigma_1 times a factor that grows
        # at most like the dimension (LAPACK's bounds). A bound scaled to the problem.
        assert gap <= max(m, n) * eps * S[0]

print(f"{'A':2s} {'k':>3s} {'||A-A_k||_F':>12s} {'sqrt(sum_i>k s^2)':>18s}"
      f" {'||A-A_k||_2':>12s} {'sigma_k+1':>10s} {'gap/(eps s1)':>12s}")
for name, k, measured_F, predicted_F, measured_2, predicted_2, gap in rows:
    print(f"{name:2s} {k:3d} {measured_F:12.6f} {predicted_F:18.6f}"
          f" {measured_2:12.6f} {predicted_2:10.6f} {gap:12.2f}")
