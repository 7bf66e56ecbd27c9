import numpy as np

from lacourse.checks.lesson04 import check_clip


def clip_by_global_norm(grads, max_norm):
    """Scale all gradients by one factor so that their joint L2 norm is <= max_norm."""
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    factor = min(1.0, max_norm / total)
    return [g * factor for g in grads]


grads = [np.array([3.0, 4.0]), np.array([12.0])]  # two tensors: (2,) and (1,)
max_norm = 6.5
clipped = clip_by_global_norm(grads, max_norm)
total = np.sqrt(sum(np.sum(g**2) for g in grads))
factor = min(1.0, max_norm / total)
print(f"joint norm {total:g}, max_norm {max_norm:g}, factor {factor:g}")
print("clipped:", clipped)
print(f"joint norm after: {np.sqrt(sum(np.sum(g**2) for g in clipped)):g}")
cases = check_clip(clip_by_global_norm)
print(f"check_clip(clip_by_global_norm): {cases} cases passed")
