import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
tokens = np.random.default_rng(0).integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)
embedded = E[tokens]  # (B, T, D)

nonzero_products = np.count_nonzero(one_hot) * D  # only the 1s meet a row of E
all_products = B * T * V * D
print(f"products by zero   : {all_products - nonzero_products:,} of {all_products:,}"
      f" ({1 - nonzero_products / all_products:.2%} = 1 - 1/V)")
print(f"one_hot  {str(one_hot.shape):14s} {one_hot.nbytes:>10,} bytes")
print(f"E        {str(E.shape):14s} {E.nbytes:>10,} bytes")
print(f"embedded {str(embedded.shape):14s} {embedded.nbytes:>10,} bytes")
print(f"one_hot / E: {one_hot.nbytes / E.nbytes:.3f}   "
      f"one_hot / embedded: {one_hot.nbytes / embedded.nbytes:.3f} = V / D")
assert nonzero_products / all_products == 1 / V
