import numpy as np

from lacourse.checks.lesson00 import check_bag_of_forms
from lacourse.universe import D, V, embedding_matrix


def bag_of_forms(E, tokens):
    """Sum of the embeddings of each row of tokens (n, t), as counts (n, V) @ E."""
    n, V = len(tokens), E.shape[0]
    counts = np.zeros((n, V))  # (n, V)  how often each token occurs in each row
    rows = np.arange(n)[:, None]  # (n, 1)
    np.add.at(counts, (rows, tokens), 1.0)  # +1 at (i, tokens[i, j]), repeats too
    return counts @ E


cases = check_bag_of_forms(bag_of_forms)
print(f"check_bag_of_forms(bag_of_forms): {cases} cases passed")

E = embedding_matrix(D)  # (V, D)
tokens = np.array([[5, 159, 5]])  # (1, 3)  she walked, I have eaten, she walked
bag = bag_of_forms(E, tokens)  # (1, D)
same = np.allclose(bag[0], 2 * E[5] + E[159], rtol=1e-14, atol=0)
print("bag_of_forms(E, [[5, 159, 5]])[0] == 2 * E[5] + E[159]:", same)
assert same
