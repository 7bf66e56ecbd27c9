import numpy as np

from lacourse.universe import B, D, T

eps = 1e-5
rng = np.random.default_rng(0)
x = rng.normal(size=(B, T, D))  # (B, T, D)  activations
g = rng.uniform(0.5, 1.5, size=D)  # (D,)  learned gain, one per channel
beta = rng.normal(0.0, 0.1, size=D)  # (D,)  LayerNorm's learned bias
G = np.diag(g)  # (D, D)  the gain as a diagonal matrix


def rms(v):
    return np.sqrt(np.mean(v**2, axis=-1, keepdims=True) + eps)


def rms_norm(x):
    """The usual code: an elementwise product with the gain."""
    return g * x / rms(x)


def layer_norm(x):
    c = x - x.mean(axis=-1, keepdims=True)  # (B, T, D)  centred
    return g * c / rms(c) + beta


# The same layers as matrices: a diagonal matmul, and for LayerNorm first the centring
# matrix P = I - 1 1^T / D (it projects onto the vectors whose entries sum to 0).
P = np.eye(D) - np.ones((D, D)) / D  # (D, D)
as_matmul = (x @ G.T) / rms(x)  # (B, T, D)  G x / rms(x), token by token
centred = x @ P.T  # (B, T, D)
layer_as_matmul = (centred @ G.T) / rms(centred) + beta  # (B, T, D)

off_diagonal = np.count_nonzero(G - np.diag(np.diag(G)))
print(f"G = diag(g): {G.shape}, non-zeros off the diagonal: {off_diagonal}")
print(f"P: {P.shape}, symmetric {np.allclose(P, P.T)}, P P = P {np.allclose(P @ P, P)}")
print(f"RMSNorm(x) == diag(g) x / rms(x): {np.allclose(as_matmul, rms_norm(x))}")
print(f"LayerNorm(x) == diag(g) P x / rms(P x) + beta: "
      f"{np.allclose(layer_as_matmul, layer_norm(x))}")
one = x[0, 0]  # (D,)  one token
M = G / rms(one)  # (D, D)  for this token, RMSNorm is the matrix diag(g) / rms(x)
same = np.allclose(M @ one, rms_norm(one))
print(f"one token: RMSNorm(x) == (diag(g) / rms(x)) @ x: {same}")
W = rng.normal(0.0, 1 / np.sqrt(D), size=(D, D))  # (D, D)  the next linear layer
W_folded = W @ G  # (D, D)  the gain folded into it: W diag(g)
normalised = x / rms(x)  # (B, T, D)  RMSNorm without its gain
folded = np.allclose(rms_norm(x) @ W.T, normalised @ W_folded.T)
print(f"W (diag(g) x / rms(x)) == (W diag(g)) x / rms(x): {folded}")
singular = np.sort(np.linalg.svd(G, compute_uv=False))  # (D,)
print(f"singular values of diag(g) == sorted |g|: {np.allclose(singular, np.sort(g))}")
# Equal up to rounding (the same operations in another order): D eps, relative.
tolerance = D * np.finfo(float).eps
assert np.allclose(as_matmul, rms_norm(x), rtol=tolerance, atol=tolerance)
assert np.allclose(layer_as_matmul, layer_norm(x), rtol=tolerance, atol=tolerance)
assert np.allclose(M @ one, rms_norm(one), rtol=tolerance, atol=tolerance)
assert np.allclose(P @ P, P, rtol=0, atol=tolerance) and np.array_equal(P, P.T)
scale = np.abs(rms_norm(x) @ W.T).max()
assert np.allclose(rms_norm(x) @ W.T, normalised @ W_folded.T, rtol=0,
                   atol=tolerance * scale)
assert np.allclose(singular, np.sort(g), rtol=tolerance, atol=0)
