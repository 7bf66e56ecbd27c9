import numpy as np

from lacourse.checks.lesson00 import check_lookup


def embed(E, tokens):
    """E[tokens] for tokens of any shape, computed as a one-hot matrix product."""
    V = E.shape[0]
    ids = np.asarray(tokens)[..., None]  # (*np.shape(tokens), 1)
    one_hot = (ids == np.arange(V)).astype(E.dtype)  # (*np.shape(tokens), V)
    return one_hot @ E


cases = check_lookup(embed)
print(f"check_lookup(embed): {cases} cases passed")
