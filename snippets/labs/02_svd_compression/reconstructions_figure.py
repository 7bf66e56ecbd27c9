import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)

rows = [("C", C, (1, 2, 5, 10), "viridis"), ("P", photo, (1, 5, 10, 20), "gray")]
fig, axes = plt.subplots(2, 5, figsize=(8.5, 4.0))  # (2, 5)
for (name, A, ks, cmap), row in zip(rows, axes):
    m, n = A.shape
    U, S, Vt = np.linalg.svd(A, full_matrices=False)  # (m, n), (n,), (n, n)  (m > n)
    panels = [(f"${name}_{{{k}}}$", U[:, :k] * S[:k] @ Vt[:k]) for k in ks]
    panels.append((f"${name}$", A))
    for ax, (title, image) in zip(row, panels):
        # The original's colour scale for every panel of a row: colours compare.
        ax.imshow(image, cmap=cmap, vmin=A.min(), vmax=A.max(), interpolation="none")
        ax.set_title(title, fontsize=11)
        ax.set_xticks([])
        ax.set_yticks([])
fig.tight_layout()
show(fig)
