import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show

# Walk once around the circle of directions; rescale each one to norm 1 in each norm.
N = 721
theta = np.linspace(0.0, 2.0 * np.pi, N)  # (N,)
directions = np.stack([np.cos(theta), np.sin(theta)], axis=1)  # (N, 2)
norms = [
    (r"$L_1$: $|x_1| + |x_2| = 1$", 1),
    (r"$L_2$: $x_1^2 + x_2^2 = 1$", 2),
    (r"$L_\infty$: $\max(|x_1|, |x_2|) = 1$", np.inf),
]

fig, ax = plt.subplots(figsize=(4.2, 4.2))
for label, order in norms:
    lengths = np.linalg.norm(directions, ord=order, axis=1)  # (N,)
    ball = directions / lengths[:, None]  # (N, 2)
    assert np.allclose(np.linalg.norm(ball, ord=order, axis=1), 1.0, rtol=0, atol=1e-12)
    ax.plot(ball[:, 0], ball[:, 1], label=label)
ax.hlines(0, -1.3, 1.3, color="black", linewidth=0.5)
ax.vlines(0, -1.3, 1.2, color="black", linewidth=0.5)
ax.set_aspect("equal")
ax.set_xlim(-1.3, 1.3)
ax.set_ylim(-1.3, 1.85)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.legend(loc="upper center", fontsize=9, frameon=False)
show(fig)
