import numpy as np

q = np.array([1.0, 1.0, 0.0])  # (3,)  the query
candidates = np.array([  # (3, 3)  one candidate per row
    [10.0, 0.0, 0.0],  # long, 45 degrees away
    [1.0, 1.2, 0.0],  # short, almost aligned
    [0.0, 3.0, 3.0],  # medium, 60 degrees away
])
dots = candidates @ q  # (3,)
cosines = dots / (np.linalg.norm(candidates, axis=1) * np.linalg.norm(q))  # (3,)
print(f"{'row':>3s} {'|u|':>8s} {'u . q':>6s} {'cos':>7s}")
for i, (u, dot, cos) in enumerate(zip(candidates, dots, cosines)):
    print(f"{i:3d} {np.linalg.norm(u):8.4f} {dot:6.2f} {cos:7.4f}")
print("best by dot product:", np.argmax(dots), " best by cosine:", np.argmax(cosines))
scaled = {"3 q": 3 * q, "-2 q": -2 * q}
for name, u in scaled.items():
    print(f"cos(q, {name}) = {u @ q / (np.linalg.norm(u) * np.linalg.norm(q)):+.4f}")
