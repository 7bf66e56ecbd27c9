import numpy as np

from lacourse.universe import D, N_TENSES, V


def clip_by_global_norm(grads, c):
    """Scale all gradients by one factor so that their joint L2 norm is at most c."""
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    scale = min(1.0, c / total)
    return [g * scale for g in grads], total


def flat(grads):
    return np.concatenate([g.ravel() for g in grads])


rng = np.random.default_rng(0)
P = V * D + N_TENSES * D  # number of parameters
c = 1.0  # the clipping threshold
print(f"{'case':6s} {'norm before':>12s} {'norm after':>11s}", end=" ")
print(f"{'cos':>7s} {'unchanged':>10s}")
for case, size in [("large", 0.5), ("small", 0.001)]:
    g_E = rng.normal(0.0, size, size=(V, D))  # (V, D)  embedding gradient
    g_W = rng.normal(0.0, size, size=(N_TENSES, D))  # (N_TENSES, D)  classifier
    clipped, total = clip_by_global_norm([g_E, g_W], c)
    before, after = flat([g_E, g_W]), flat(clipped)  # (P,), (P,)
    norm_before, norm_after = np.linalg.norm(before), np.linalg.norm(after)
    cos = before @ after / (norm_before * norm_after)
    unchanged = np.array_equal(before, after)
    print(f"{case:6s} {norm_before:12.4f} {norm_after:11.4f}", end=" ")
    print(f"{cos:7.4f} {unchanged!s:>10s}")
    if total > c:
        assert abs(norm_after - c) < 1e-12 * c  # the norm is now exactly c
        assert abs(cos - 1) < 1e-12  # and the direction has not moved
    else:
        assert unchanged
