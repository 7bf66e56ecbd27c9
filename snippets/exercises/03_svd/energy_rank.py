import numpy as np

from lacourse.checks.lesson03 import check_rank_for_energy
from lacourse.universe import D, conjugation_counts, embedding_matrix


def rank_for_energy(S, fraction):
    """Smallest k with sum(S[:k]**2) >= fraction * sum(S**2)."""
    energy = np.cumsum(S**2)  # (len(S),)
    return int(np.argmax(energy >= fraction * energy[-1])) + 1


spectra = {
    "C": np.linalg.svd(conjugation_counts().astype(float), compute_uv=False),
    "E": np.linalg.svd(embedding_matrix(D), compute_uv=False),
}
fractions = (0.5, 0.9, 0.98, 0.99)
print(f"{'matrix':6s} {'values':>6s}", "".join(f"{f'{f:.0%}':>6s}" for f in fractions))
for name, S in spectra.items():
    ks = [rank_for_energy(S, fraction) for fraction in fractions]
    print(f"{name:6s} {len(S):6d}", "".join(f"{k:6d}" for k in ks))
cases = check_rank_for_energy(rank_for_energy)
print(f"check_rank_for_energy(rank_for_energy) -> {cases}")
