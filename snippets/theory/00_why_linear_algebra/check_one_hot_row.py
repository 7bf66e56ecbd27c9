import numpy as np

from lacourse.universe import D, FORMS, V, embedding_matrix, token_id

E = embedding_matrix(D)  # (V, D)
token = token_id("walk", "past", "3sg")
x = np.zeros(V)  # (V,)
x[token] = 1.0
row = x @ E  # (D,)

equal_rows = [i for i in range(V) if np.array_equal(row, E[i])]
print("token:", token, repr(FORMS[token]))
print("x @ E == E[token] exactly:", np.array_equal(row, E[token]))
print("rows of E equal to x @ E :", equal_rows)
assert equal_rows == [token]
