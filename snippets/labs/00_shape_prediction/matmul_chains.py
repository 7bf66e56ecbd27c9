import numpy as np

from lacourse.universe import (
    B, D, D_HEAD, H, N_SLOTS, N_VERBS, T, V, conjugation_counts, embedding_matrix,
)


class Counted(np.ndarray):
    """An array that counts the FLOPs of every @ it takes part in.

    Each entry of a product is a dot product of length k: k multiplies and k adds.
    """

    flops = 0

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        arrays = [np.asarray(a) for a in inputs]  # plain arrays inside: no recursion
        return Counted.count(ufunc, arrays, getattr(ufunc, method)(*arrays, **kwargs))

    @staticmethod
    def count(ufunc, arrays, result):
        if ufunc is np.matmul:  # (..., m, k) @ (..., k, n)
            Counted.flops += 2 * result.size * arrays[0].shape[-1]
        return result.view(Counted)


rng = np.random.default_rng(0)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens].view(Counted)  # (B, T, V)
E = embedding_matrix(D).view(Counted)  # (V, D)
x = np.asarray(E)[tokens].view(Counted)  # (B, T, D)
W_q = rng.normal(0.0, D**-0.5, size=(D, D)).view(Counted)  # (D, D)
q_heads = rng.normal(size=(B, H, T, D_HEAD)).view(Counted)  # (B, H, T, D_HEAD)
k_heads = rng.normal(size=(B, H, T, D_HEAD)).view(Counted)  # (B, H, T, D_HEAD)
counts = conjugation_counts().view(Counted)  # (N_VERBS, N_SLOTS)

questions = {
    18: "one_hot @ E",
    19: "x @ W_q",
    20: "one_hot @ E @ W_q",
    21: "one_hot @ (E @ W_q)",
    22: "q_heads @ k_heads.swapaxes(-1, -2)",
    23: "counts.T @ counts",
}
predictions = {}  # number -> (shape, FLOPs), in names: ((B, T, D), 2 * B * T * V * D)
# --8<-- [start:solution]
predictions[18] = ((B, T, D), 2 * B * T * V * D)  # the embedding lookup as a matmul
predictions[19] = ((B, T, D), 2 * B * T * D * D)
predictions[20] = ((B, T, D), 2 * B * T * V * D + 2 * B * T * D * D)  # left to right
predictions[21] = ((B, T, D), 2 * V * D * D + 2 * B * T * V * D)  # E @ W_q first
predictions[22] = ((B, H, T, T), 2 * B * H * T * T * D_HEAD)  # attention scores
predictions[23] = ((N_SLOTS, N_SLOTS), 2 * N_SLOTS * N_VERBS * N_SLOTS)
# --8<-- [end:solution]

score = 0
print(f"{'#':>2}  {'expression':34s} {'shape':>16s} {'FLOPs':>11s}")
for number, expression in questions.items():
    Counted.flops = 0
    actual = (eval(expression).shape, Counted.flops)
    guess = predictions.get(number)
    score += guess == actual
    if guess is None:  # predict first, then look
        print(f"{number:>2}  {expression:34s} {'?':>16s} {'?':>11s}")
        continue
    verdict = "right" if guess == actual else f"wrong: you said {guess}"
    shape, flops = actual
    print(f"{number:>2}  {expression:34s} {str(shape):>16s} {flops:>11,}  {verdict}")
print(f"score: {score}/{len(questions)}")
