import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.universe import N_VERBS, SLOTS, conjugation_counts

m, n = N_VERBS, len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)
S = np.linalg.svd(C, compute_uv=False)  # (n,)
index = np.arange(1, n + 1)  # (n,)

fig, ax = plt.subplots(figsize=(6, 3))
colors = ["#ff7f0e" if i <= 2 else "#1f77b4" for i in index]
ax.bar(index, S, color=colors)
ax.set_yscale("log")
ax.set_xticks(index)
ax.set_xlabel("$i$")
ax.set_ylabel("$\\sigma_i$")
ax.set_title(f"$C$: {m} × {n}", fontsize=11)
for spine in ("top", "right"):
    ax.spines[spine].set_visible(False)
fig.tight_layout()
show(fig)
