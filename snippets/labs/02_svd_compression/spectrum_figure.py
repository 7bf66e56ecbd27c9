import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)

S_C = np.linalg.svd(C, compute_uv=False)  # (15,)
S_P = np.linalg.svd(photo, compute_uv=False)  # (102,)

fig, ax = plt.subplots(figsize=(6.5, 3.2))
ax.plot(np.arange(1, len(S_P) + 1), S_P / S_P[0], ".", ms=4, color="#1f77b4",
        label=f"$P$, {photo.shape[0]} × {photo.shape[1]}")
ax.plot(np.arange(1, len(S_C) + 1), S_C / S_C[0], "o-", ms=4, color="#ff7f0e",
        label=f"$C$, {C.shape[0]} × {C.shape[1]}")
ax.set_yscale("log")
ax.set_xlabel("$i$")
ax.set_ylabel(r"$\sigma_i / \sigma_1$")
ax.legend(fontsize=9, frameon=False)
for spine in ("top", "right"):
    ax.spines[spine].set_visible(False)
fig.tight_layout()
show(fig)

# C: a cliff after sigma_2, then a floor; P: a long, steady slope over four decades.
assert S_C[1] / S_C[2] > 2 and S_C[-1] / S_C[0] > 1e-3
assert S_P[-1] / S_P[0] < 1e-3
