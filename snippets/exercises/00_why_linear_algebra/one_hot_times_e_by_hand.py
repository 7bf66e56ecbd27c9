import numpy as np

# A toy vocabulary of 6 tokens with 2-number embeddings: small enough to do by hand.
E = np.array([[2, -1], [0, 3], [4, 1], [-2, 5], [1, 1], [3, -3]])  # (6, 2)
token = 2
x = np.zeros(len(E), dtype=int)  # (6,)
x[token] = 1
row = x @ E  # (2,)

for d in range(E.shape[1]):
    terms = " + ".join(f"{x[v]}*({E[v, d]})" for v in range(len(E)))
    print(f"(x @ E)[{d}] = {terms} = {row[d]}")
print("x @ E   :", row, "  E[2]:", E[token])

pair = np.zeros(len(E), dtype=int)  # (6,)
pair[[1, 3]] = 1  # a "two-hot" vector: tokens 1 and 3
print("pair    :", pair)
print("pair @ E:", pair @ E, "  E[1] + E[3]:", E[1] + E[3])
assert np.array_equal(row, E[token]) and np.array_equal(pair @ E, E[1] + E[3])
