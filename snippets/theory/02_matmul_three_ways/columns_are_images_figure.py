import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show

A = np.array([[2.0, -1.0], [1.0, 1.0]])  # (2, 2)  the map of the block above
basis = np.eye(2)  # (2, 2)  columns e1 and e2
x = np.array([1.5, 2.0])  # (2,)
square = np.array([[0.0, 1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0, 0.0]])  # (2, 5)
ticks = np.linspace(-3.0, 5.0, 9)  # (9,)  grid lines x = c and y = c

panels = [  # (title, map applied to everything in the panel)
    ("$e_1$, $e_2$, $x$", np.eye(2)),
    ("$A e_1$, $A e_2$, $A x$", A),
]
fig = plt.figure(figsize=(6.4, 3.2))
axes = fig.subplots(1, 2)  # (2,)  before and after
for ax, (title, M) in zip(axes, panels):
    for c in ticks:  # the grid, carried along by the map
        for line in ([[c, c], [-3.0, 5.0]], [[-3.0, 5.0], [c, c]]):
            ends = M @ np.array(line)  # (2, 2)
            ax.plot(ends[0], ends[1], color="#888888", lw=0.5, alpha=0.6)
    corners = M @ square  # (2, 5)
    ax.fill(corners[0], corners[1], color="#1f77b4", alpha=0.15)
    images = M @ basis  # (2, 2)  columns: M e1, M e2
    for i, color in enumerate(["#ff7f0e", "#2ca02c"]):
        style = {"arrowstyle": "->", "color": color, "lw": 2}
        ax.annotate("", xy=images[:, i], xytext=(0, 0), arrowprops=style)
    style = {"arrowstyle": "->", "color": "#d62728", "lw": 1.5}
    ax.annotate("", xy=M @ x, xytext=(0, 0), arrowprops=style)
    ax.set_xlim(-1.6, 3.1)
    ax.set_ylim(-0.6, 4.1)
    ax.set_aspect("equal")
    ax.set_xticks([-1, 0, 1, 2, 3])
    ax.set_yticks([0, 1, 2, 3, 4])
    ax.tick_params(labelsize=8)
    ax.set_title(title, fontsize=10)
axes[1].text(2.05, 0.65, "$A e_1$", color="#ff7f0e")
axes[1].text(-1.5, 1.15, "$A e_2$", color="#2ca02c")
axes[1].text(1.1, 3.5, "$A x$", color="#d62728")
axes[0].text(0.75, -0.45, "$e_1$", color="#ff7f0e")
axes[0].text(-0.45, 0.75, "$e_2$", color="#2ca02c")
axes[0].text(1.55, 2.0, "$x$", color="#d62728")
fig.tight_layout()
show(fig)
