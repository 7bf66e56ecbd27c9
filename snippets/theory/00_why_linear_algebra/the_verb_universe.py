import numpy as np

from lacourse.universe import FORMS, N_PERSONS, N_TENSES, N_VERBS, V, token_id

print(f"{N_VERBS} verbs x {N_TENSES} tenses x {N_PERSONS} persons x 2 languages"
      f" = {V} forms")
for verb, tense, person, language in [
    ("walk", "past", "3sg", "en"),
    ("walk", "past", "3sg", "es"),
    ("eat", "perfect", "1sg", "en"),
    ("eat", "perfect", "1sg", "es"),
]:
    token = token_id(verb, tense, person, language)
    print(f"token {token:3d} -> {FORMS[token]!r}")

one_hot = np.zeros(V)  # (V,)
one_hot[token_id("walk", "past", "3sg")] = 1.0
print("one-hot vector:", one_hot.shape, "non-zeros:", int(one_hot.sum()))
