import numpy as np

from lacourse.universe import B, D, T

eps = 1e-5  # the small constant every implementation adds under the square root


def rms_norm(x):
    """Divide each vector by its root mean square, ||x||_2 / sqrt(D) (plus eps)."""
    rms = np.sqrt(np.mean(x**2, axis=-1, keepdims=True) + eps)  # (B, T, 1)
    return x / rms


def layer_norm(x):
    """Centre each vector (subtract its mean), then RMS-normalise it."""
    return rms_norm(x - x.mean(axis=-1, keepdims=True))


rng = np.random.default_rng(0)
scales = 10.0 ** rng.uniform(-1, 2, size=(B, T, 1))  # (B, T, 1)  from 0.1 to 100
x = rng.normal(1.0, 1.0, size=(B, T, D)) * scales  # (B, T, D)  activations, all sizes

print(f"x: {x.shape}, sqrt(D) = {np.sqrt(D):.4f}")
print(f"{'':10s} {'min ||.||_2':>12s} {'max ||.||_2':>12s} {'max |mean|':>11s}")
outputs = {"x": x, "RMSNorm": rms_norm(x), "LayerNorm": layer_norm(x)}
lengths = {name: np.linalg.norm(y, axis=-1) for name, y in outputs.items()}
for name, y in outputs.items():
    centre = np.abs(y.mean(axis=-1)).max()
    shortest, longest = lengths[name].min(), lengths[name].max()
    print(f"{name:10s} {shortest:12.4f} {longest:12.4f} {centre:11.4f}")

# Output length: sqrt(D) * sqrt(m / (m + eps)), m the mean square; sqrt(D) up to eps.
for name in ("RMSNorm", "LayerNorm"):
    shortfall = 1 - lengths[name] / np.sqrt(D)  # (B, T)
    assert np.all(shortfall >= 0) and shortfall.max() < 1e-3
assert np.abs(outputs["LayerNorm"].mean(axis=-1)).max() < 1e-12  # centred
# Scale-invariant: a vector and 3 times it come out the same, up to eps.
gap = np.abs(rms_norm(3 * x) - rms_norm(x)).max()
print(f"max |RMSNorm(3x) - RMSNorm(x)| = {gap:.1e}")
assert gap < 1e-3
