import numpy as np

from lacourse.universe import (
    B, D, D_HEAD, H, N_PERSONS, N_SLOTS, N_TENSES, N_VERBS, T, V, conjugation_counts,
    embedding_matrix,
)

rng = np.random.default_rng(0)
x = embedding_matrix(D)[rng.integers(0, V, size=(B, T))]  # (B, T, D)
q = x @ rng.normal(0.0, D**-0.5, size=(D, D))  # (B, T, D)
q_heads = q.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)

questions = {
    7: "counts.T",
    8: "counts.reshape(N_VERBS, N_TENSES, N_PERSONS)",
    9: "counts.reshape(-1)",
    10: "x.T",
    11: "q.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)",
    12: "q_heads.transpose(0, 2, 1, 3).reshape(B, T, D)",
}
predictions = {}  # question number -> the shape you predict, in names: (B, T, D)
# --8<-- [start:solution]
predictions[7] = (N_SLOTS, N_VERBS)
predictions[8] = (N_VERBS, N_TENSES, N_PERSONS)  # the 15 slots are 5 tenses x 3 persons
predictions[9] = (N_VERBS * N_SLOTS,)  # -1: NumPy works the size out
predictions[10] = (D, T, B)  # .T reverses all the axes
predictions[11] = (B, H, T, D_HEAD)  # split the heads
predictions[12] = (B, T, D)  # merge them back
# --8<-- [end:solution]

score = 0
print(f"{'#':>2}  {'expression':48s} {'shape':>16s}")
for number, expression in questions.items():
    actual = eval(expression).shape
    guess = predictions.get(number)
    score += guess == actual
    if guess is None:  # predict first, then look
        print(f"{number:>2}  {expression:48s} {'?':>16s}")
        continue
    verdict = "right" if guess == actual else f"wrong: you said {guess}"
    print(f"{number:>2}  {expression:48s} {str(actual):>16s}  {verdict}")
print(f"score: {score}/{len(questions)}")
