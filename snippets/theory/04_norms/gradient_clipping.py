import numpy as np

from lacourse.universe import N_TENSES, V


def clip_by_global_norm(grads, c):
    """Scale all gradients by one factor so that their joint L2 norm is at most c."""
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    scale = min(1.0, c / total)
    return [g * scale for g in grads], total


def flat(grads):
    return np.concatenate([g.ravel() for g in grads])


rng = np.random.default_rng(0)
D = 64
c = 1.0  # the clipping threshold
print(f"{'case':6s} {'norm before':>12s} {'norm after':>11s} {'cos(before, after)':>19s} {'unchanged':>10s}")
for case, size in [("large", 0.5), ("small", 0.001)]:
    g_E = rng.normal(0.0, size, size=(V, D))  # (V, D)  gradient of the embedding matrix
    g_W = rng.normal(0.0, size, size=(N_TENSES, D))  # (N_TENSES, D)  gradient of the tense classifier
    clipped, total = clip_by_global_norm([g_E, g_W], c)
    before, after = flat([g_E, g_W]), flat(clipped)  # (V * D + N_TENSES * D,), (V * D + N_TENSES * D,)
    cos = before @ after / (np.linalg.norm(before) * np.linalg.norm(after))
    unchanged = np.array_equal(before, after)
    print(f"{case:6s} {np.linalg.norm(before):12.4f} {np.linalg.norm(after):11.4f} {cos:19.4f} {unchanged!s:>10s}")
    if total > c:
        assert np.isclose(np.linalg.norm(after), c, rtol=1e-12) and np.isclose(cos, 1.0, rtol=1e-12)
    else:
        assert unchanged
