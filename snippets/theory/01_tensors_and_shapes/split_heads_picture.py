import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.universe import D, D_HEAD, H, T, V, embedding_matrix

rng = np.random.default_rng(0)
tokens = rng.integers(0, V, size=T)  # (T,)
W_q = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, D))  # (D, D)
q = embedding_matrix(D)[tokens] @ W_q  # (T, D)  one sequence of the batch
heads = q.reshape(T, H, D_HEAD).transpose(1, 0, 2)  # (H, T, D_HEAD)
limit = np.abs(q).max()
boundary = "#ff7f0e"

fig = plt.figure(figsize=(6, 3.4))
grid = fig.add_gridspec(2, H, height_ratios=[1, 1], hspace=0.55, wspace=0.25)
top = fig.add_subplot(grid[0, :])
top.imshow(q, cmap="viridis", vmin=-limit, vmax=limit, aspect="auto")
for h in range(1, H):
    top.axvline(h * D_HEAD - 0.5, color=boundary, linewidth=2)
top.set_title(f"q[b] : (T, D) = {q.shape}", fontsize=10)
centres = [h * D_HEAD + D_HEAD / 2 - 0.5 for h in range(H)]
top.set_xticks(centres, [f"h = {h}" for h in range(H)])
top.set_yticks([])
for h in range(H):
    ax = fig.add_subplot(grid[1, h])
    ax.imshow(heads[h], cmap="viridis", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_title(f"heads[b, {h}]", fontsize=10)
    ax.set_xlabel(str(heads[h].shape), fontsize=9)  # (T, D_HEAD)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(boundary)
        spine.set_linewidth(2)
show(fig)
