import numpy as np

from lacourse.universe import N_PERSONS, N_TENSES, N_VERBS, SLOTS, conjugation_counts

N_SLOTS = len(SLOTS)  # (present, 1sg), (present, 2sg), ..., (progressive, 3sg)
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)

# The slots are tense-major, person-minor, so reshape can split them into two axes.
grouped = counts.reshape(N_VERBS, N_TENSES, N_PERSONS)  # (N_VERBS, N_TENSES, N_PERSONS)
inferred = counts.reshape(N_VERBS, -1, N_PERSONS)  # (N_VERBS, N_TENSES, N_PERSONS)
per_tense = grouped.sum(axis=2)  # (N_VERBS, N_TENSES)

print("counts          ", counts.shape)
print("grouped         ", grouped.shape)
print("walk, counts[0]:")
print(counts[0])
print("walk, grouped[0]  (rows: tenses, columns: persons):")
print(grouped[0])
print("walk, per_tense[0]:", per_tense[0])
print("shares memory with counts:", np.shares_memory(counts, grouped))

# Same sizes, different meaning: reshape is not transpose.
scrambled = counts.reshape(N_SLOTS, N_VERBS)  # (N_SLOTS, N_VERBS)
transposed = counts.T  # (N_SLOTS, N_VERBS)
print("counts.reshape(15, 20) == counts.T:", np.array_equal(scrambled, transposed))

past_3sg = SLOTS.index(("past", "3sg"))
assert grouped[0, 1, 2] == counts[0, past_3sg]  # walk, past, 3sg in both layouts
assert np.array_equal(inferred, grouped)  # -1: NumPy works out the missing size
assert np.shares_memory(counts, grouped)  # a view: no numbers were copied
assert not np.array_equal(scrambled, transposed)
