import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show

rng = np.random.default_rng(0)
m, k, n = 4, 3, 5
A = rng.integers(-3, 4, size=(m, k)).astype(float)  # (m, k)
B = rng.integers(-3, 4, size=(k, n)).astype(float)  # (k, n)
pieces = np.stack([np.outer(A[:, p], B[p, :]) for p in range(k)])  # (k, m, n)
product = A @ B  # (m, n)

panels = [*pieces, product]
titles = ["A[:,0] B[0,:]", "+ A[:,1] B[1,:]", "+ A[:,2] B[2,:]", "= A @ B"]
limit = max(np.abs(panel).max() for panel in panels)

fig = plt.figure(figsize=(6.4, 2.1))
axes = fig.subplots(1, k + 1)  # (k + 1,)
for ax, panel, title in zip(axes, panels, titles):
    image = ax.imshow(panel, cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(title, fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])
fig.colorbar(image, ax=list(axes), shrink=0.8)
show(fig)
