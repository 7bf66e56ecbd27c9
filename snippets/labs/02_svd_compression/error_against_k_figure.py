import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)

fig, axes = plt.subplots(1, 2, figsize=(8.5, 3.4))  # (2,)
curves = {}  # name -> (sigma_1, k, measured F, predicted F, measured 2, predicted 2)
for ax, (name, A) in zip(axes, [("C", C), ("P", photo)]):
    m, n = A.shape
    U, S, Vt = np.linalg.svd(A, full_matrices=False)  # (m, n), (n,), (n, n)  (m > n)
    ks = np.arange(1, n)  # (n - 1,)  k = n would leave nothing to measure
    measured_F, measured_2 = [], []
    for k in ks:
        residual = A - U[:, :k] * S[:k] @ Vt[:k]  # (m, n)
        measured_F.append(np.linalg.norm(residual, "fro"))
        measured_2.append(np.linalg.norm(residual, 2))
    predicted_F = np.sqrt(np.cumsum(S[::-1] ** 2)[::-1][1:])  # (n - 1,)  tails k+1..n
    predicted_2 = S[1:]  # (n - 1,)  sigma_{k+1}
    measured_F = np.array(measured_F)  # (n - 1,)
    measured_2 = np.array(measured_2)  # (n - 1,)
    curves[name] = (S[0], ks, measured_F, predicted_F, measured_2, predicted_2)
    every = 1 if n < 30 else 6  # markers: every point for C, every 6th for the photo
    tail_label = r"$(\Sigma_{i>k}\,\sigma_i^2)^{1/2}$"
    ax.plot(ks, predicted_F, color="#1f77b4", label=tail_label)
    ax.plot(ks[::every], measured_F[::every], "o", color="#1f77b4", ms=4,
            label=r"$\|A - A_k\|_F$")
    ax.plot(ks, predicted_2, color="#ff7f0e", label=r"$\sigma_{k+1}$")
    ax.plot(ks[::every], measured_2[::every], "s", color="#ff7f0e", ms=4,
            label=r"$\|A - A_k\|_2$")
    ax.set_yscale("log")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("$k$")
    ax.set_title(f"$A = {name}$, {m} × {n}", fontsize=11)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
axes[1].legend(fontsize=9, frameon=False)
fig.tight_layout()
show(fig)

# Every point on its line: rounding in the SVD and in A - A_k is eps * sigma_1 times
# a factor that grows at most like the dimension (LAPACK's bounds): scaled to both.
for A, (sigma_1, ks, measured_F, predicted_F, measured_2, predicted_2) in zip(
    (C, photo), curves.values()
):
    tolerance = max(A.shape) * np.finfo(float).eps * sigma_1
    assert np.all(np.abs(measured_F - predicted_F) <= tolerance)
    assert np.all(np.abs(measured_2 - predicted_2) <= tolerance)
