import textwrap

import numpy as np

from lacourse.universe import (
    B, D, D_HEAD, H, N_SLOTS, N_TENSES, N_VERBS, T, V, conjugation_counts,
    embedding_matrix,
)

rng = np.random.default_rng(0)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)
E = embedding_matrix(D)  # (V, D)
x = E[tokens]  # (B, T, D)
q = x @ rng.normal(0.0, D**-0.5, size=(D, D))  # (B, T, D)
q_heads = q.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
k_heads = rng.normal(size=(B, H, T, D_HEAD))  # (B, H, T, D_HEAD)
W_tense = rng.normal(0.0, D**-0.5, size=(N_TENSES, D))  # (N_TENSES, D)
mask = rng.random((B, T)) < 0.9  # (B, T)
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)

questions = {
    30: "x @ W_tense",
    31: "counts - counts.mean(axis=1)",
    32: "x * mask",
    33: "q.reshape(B, H, D_HEAD)",
    34: 'np.einsum("btv,dv->btd", one_hot, E)',
    35: 'np.einsum("bhtd,bhsd->bhtt", q_heads, k_heads)',
    36: "x[:, :, :, 0]",
}
predictions = {}  # number -> the error you predict (ValueError, ...), or the shape
# --8<-- [start:solution]
predictions[30] = ValueError  # (B, T, D) @ (N_TENSES, D): D meets N_TENSES
predictions[31] = ValueError  # (N_VERBS,) lines up with the last axis, N_SLOTS
predictions[32] = ValueError  # (B, T) lines up with (T, D)
predictions[33] = ValueError  # B * T * D numbers can't fill B * H * D_HEAD places
predictions[34] = ValueError  # E is (V, D); "dv" says (D, V)
predictions[35] = ValueError  # an output letter may appear once only
predictions[36] = IndexError  # four indices for three axes
# --8<-- [end:solution]

score = 0
print(f"{'#':>2}  {'expression':46s} {'result':>16s}")
for number, expression in questions.items():
    try:
        actual = eval(expression).shape
    except Exception as error:  # noqa: BLE001  the error is the answer
        actual, message = type(error), str(error).strip()
    else:
        message = ""
    guess = predictions.get(number)
    score += guess == actual
    if guess is None:  # predict first, then look
        print(f"{number:>2}  {expression:46s} {'?':>16s}")
        continue
    name = actual.__name__ if isinstance(actual, type) else str(actual)
    verdict = "right" if guess == actual else f"wrong: you said {guess}"
    print(f"{number:>2}  {expression:46s} {name:>16s}  {verdict}")
    for line in textwrap.wrap(message, width=82):
        print(f"      {line}")
print(f"score: {score}/{len(questions)}")
