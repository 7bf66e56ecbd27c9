import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show

A = np.array([[1.0, 1.5], [0.0, 1.0]])  # (2, 2)  the shear from the block above
U, S, Vt = np.linalg.svd(A)  # (2, 2), (2,), (2, 2)
if np.linalg.det(Vt) < 0:  # same sign choice as above: V^T a rotation
    Vt[1] *= -1
    U[:, 1] *= -1

N = 200
theta = np.linspace(0.0, 2 * np.pi, N)  # (N,)
X = np.stack([np.cos(theta), np.sin(theta)])  # (2, N)  the unit circle
marked = Vt.T.copy()  # (2, 2)  columns v_1 and v_2, the two marked vectors
Sigma = np.diag(S)  # (2, 2)

stages = [  # (panel title, circle points, marked vectors) after each step
    ("$x$", X, marked),
    ("$V^\\top x$", Vt @ X, Vt @ marked),
    ("$\\Sigma V^\\top x$", Sigma @ Vt @ X, Sigma @ Vt @ marked),
    ("$U \\Sigma V^\\top x = A x$", U @ Sigma @ Vt @ X, A @ marked),
]
# the last panel really is A applied to the circle
assert np.allclose(stages[-1][1], A @ X)

fig = plt.figure(figsize=(8, 2.4))
axes = fig.subplots(1, 4)  # (4,)  one panel per stage
for ax, (title, points, arrows) in zip(axes, stages):
    ax.plot(points[0], points[1], color="#1f77b4", lw=1.5)
    for i, color in enumerate(["#ff7f0e", "#2ca02c"]):
        style = {"arrowstyle": "->", "color": color, "lw": 2}
        ax.annotate("", xy=arrows[:, i], xytext=(0, 0), arrowprops=style)
    ax.axhline(0, color="#888888", lw=0.5)
    ax.axvline(0, color="#888888", lw=0.5)
    ax.set_xlim(-2.3, 2.3)
    ax.set_ylim(-2.3, 2.3)
    ax.set_aspect("equal")
    ax.set_xticks([-2, 0, 2])
    ax.set_yticks([-2, 0, 2])
    ax.tick_params(labelsize=8)
    ax.set_title(title, fontsize=10)
axes[0].text(-2.1, 1.9, "$v_1$", color="#ff7f0e")
axes[0].text(-2.1, 1.4, "$v_2$", color="#2ca02c")
fig.tight_layout()
show(fig)
