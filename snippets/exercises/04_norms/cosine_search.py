import numpy as np

from lacourse.checks.lesson04 import check_cosine_search
from lacourse.universe import D, FORMS, V, embedding_matrix, token_id


def cosine_search(E, query, k):
    """Ids of the k rows of E most cosine-similar to row `query`, best first."""
    unit = E / np.linalg.norm(E, axis=1, keepdims=True)  # (len(E), E.shape[1])
    cos = unit @ unit[query]  # (len(E),)
    cos[query] = -np.inf  # leave the query out
    return np.argsort(-cos)[:k]


E = embedding_matrix(D)  # (V, D)
query, k = token_id("walk", "past", "3sg"), 5
unit = E / np.linalg.norm(E, axis=1, keepdims=True)  # (V, D)
neighbours = cosine_search(E, query, k)  # (k,)
print(f"top {k} by cosine to {FORMS[query]!r}, E {E.shape}:")
for token in neighbours:
    print(f"  {token:3d} {FORMS[token]!r:24s} {unit[token] @ unit[query]:+.4f}")
cases = check_cosine_search(cosine_search)
print(f"check_cosine_search(cosine_search): {cases} cases passed")
