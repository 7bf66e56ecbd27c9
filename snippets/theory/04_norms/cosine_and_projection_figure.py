import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show

a = np.array([4.0, 1.0])  # (2,)
b = np.array([2.0, 3.0])  # (2,)
cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
theta = np.degrees(np.arccos(cos))
proj = (a @ b) / (a @ a) * a  # (2,)  the part of b along a
assert abs(proj @ (b - proj)) < 1e-12  # the dashed line meets a at a right angle

fig, ax = plt.subplots(figsize=(5.0, 3.4))
arrow = dict(arrowstyle="-|>", mutation_scale=14, linewidth=2, shrinkA=0, shrinkB=0)
for vector, color, label, offset in [
    (a, "C0", r"$a$", (0.15, -0.25)),
    (b, "C1", r"$b$", (-0.3, 0.1)),
    (proj, "C2", r"$\mathrm{proj}_a(b)$", (-0.5, -0.45)),
]:
    ax.annotate("", xy=vector, xytext=(0, 0), arrowprops={**arrow, "color": color})
    ax.text(*(vector + offset), label, color=color, fontsize=12)
ax.plot(*np.stack([b, proj]).T, "--", color="black", linewidth=1)
# the right angle at the foot of the perpendicular, and the angle between a and b
u, w = a / np.linalg.norm(a), (b - proj) / np.linalg.norm(b - proj)  # (2,), (2,)
corner = np.stack([proj + 0.2 * u, proj + 0.2 * (u + w), proj + 0.2 * w])  # (3, 2)
ax.plot(*corner.T, color="black", linewidth=0.8)
start, stop = np.arctan2(a[1], a[0]), np.arctan2(b[1], b[0])
arc = np.linspace(start, stop, 30)  # (30,)
ax.plot(0.8 * np.cos(arc), 0.8 * np.sin(arc), color="black", linewidth=0.8)
middle = (start + stop) / 2
ax.text(*(1.05 * np.array([np.cos(middle), np.sin(middle)])), r"$\theta$", va="center")
length = np.linalg.norm(proj)
numbers = [
    rf"$\theta = {theta:.1f}^\circ$",
    rf"$\cos\theta = {cos:.2f}$",
    rf"$\|\mathrm{{proj}}_a(b)\| = \|b\| \cos\theta = {length:.2f}$",
]
ax.text(2.9, 2.2, "\n".join(numbers), fontsize=10, va="center")
assert abs(length - np.linalg.norm(b) * cos) < 1e-12 * length
ax.set_aspect("equal")
ax.set_xlim(-0.2, 6.2)
ax.set_ylim(-0.5, 3.3)
ax.axis("off")
show(fig)
