import numpy as np

from lacourse.universe import (
    B, D, N_SLOTS, N_VERBS, T, V, conjugation_counts, embedding_matrix,
)

rng = np.random.default_rng(0)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
x = embedding_matrix(D)[tokens]  # (B, T, D)
bias = np.zeros(D)  # (D,)
mask = rng.random((B, T)) < 0.9  # (B, T)
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)

questions = {
    13: "x + bias",
    14: "x * mask[..., None]",
    15: "x - x.mean(axis=-1, keepdims=True)",
    16: "counts / counts.sum(axis=0)",
    17: "tokens[:, :, None] == tokens[:, None, :]",
}
predictions = {}  # question number -> the shape you predict, in names: (B, T, D)
# --8<-- [start:solution]
predictions[13] = (B, T, D)  # (D,) lines up with the last axis
predictions[14] = (B, T, D)  # (B, T, 1) against (B, T, D)
predictions[15] = (B, T, D)  # keepdims: (B, T, 1)
predictions[16] = (N_VERBS, N_SLOTS)  # one total per column: (N_SLOTS,)
predictions[17] = (B, T, T)  # (B, T, 1) against (B, 1, T)
# --8<-- [end:solution]

score = 0
print(f"{'#':>2}  {'expression':40s} {'shape':>16s}")
for number, expression in questions.items():
    actual = eval(expression).shape
    guess = predictions.get(number)
    score += guess == actual
    if guess is None:  # predict first, then look
        print(f"{number:>2}  {expression:40s} {'?':>16s}")
        continue
    verdict = "right" if guess == actual else f"wrong: you said {guess}"
    print(f"{number:>2}  {expression:40s} {str(actual):>16s}  {verdict}")
print(f"score: {score}/{len(questions)}")
