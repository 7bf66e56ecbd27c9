from math import prod

import numpy as np

from lacourse.universe import B, D, D_HEAD, H, T, V, embedding_matrix


def einsum_flops(spec: str, *operands) -> int:
    """2 per multiply-add: each output entry sums a product over the letters it drops.

    A spec of one operand that drops no letter only relabels axes: no arithmetic.
    """
    inputs, output = spec.split("->")
    sizes = {}
    for letters, operand in zip(inputs.split(","), operands):
        sizes.update(zip(letters, operand.shape))
    summed = prod(n for letter, n in sizes.items() if letter not in output)
    entries = prod(sizes[letter] for letter in output)
    if len(operands) == 1 and summed == 1:
        return 0
    return 2 * entries * summed if summed > 1 else entries


rng = np.random.default_rng(0)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)
E = embedding_matrix(D)  # (V, D)
x = E[tokens]  # (B, T, D)
q = x @ rng.normal(0.0, D**-0.5, size=(D, D))  # (B, T, D)
q_split = q.reshape(B, T, H, D_HEAD)  # (B, T, H, D_HEAD)
q_heads = q_split.transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
k_heads = rng.normal(size=(B, H, T, D_HEAD))  # (B, H, T, D_HEAD)
v_heads = rng.normal(size=(B, H, T, D_HEAD))  # (B, H, T, D_HEAD)
weights = np.full((B, H, T, T), 1.0 / T)  # (B, H, T, T)

questions = {  # number -> (spec, operands)
    24: ("btv,vd->btd", "one_hot, E"),
    25: ("bhtd,bhsd->bhts", "q_heads, k_heads"),
    26: ("bhts,bhsd->bhtd", "weights, v_heads"),
    27: ("btd,btd->bt", "x, x"),
    28: ("bthd->bhtd", "q_split"),
    29: ("bhtd->bthd", "q_heads"),
}
predictions = {}  # number -> (shape, FLOPs), in names: ((B, T, D), 2 * B * T * V * D)
# --8<-- [start:solution]
predictions[24] = ((B, T, D), 2 * B * T * V * D)  # the embedding lookup
predictions[25] = ((B, H, T, T), 2 * B * H * T * T * D_HEAD)  # scores: Q K^T
predictions[26] = ((B, H, T, D_HEAD), 2 * B * H * T * T * D_HEAD)  # weights times V
predictions[27] = ((B, T), 2 * B * T * D)  # a squared norm per token
predictions[28] = ((B, H, T, D_HEAD), 0)  # split heads: a relabelling
predictions[29] = ((B, T, H, D_HEAD), 0)  # and back; then reshape(B, T, D)
# --8<-- [end:solution]

score = 0
print(f"{'#':>2}  {'spec':16s} {'operands':17s} {'shape':>16s} {'FLOPs':>11s}")
for number, (spec, names) in questions.items():
    operands = eval(f"[{names}]")
    actual = (np.einsum(spec, *operands).shape, einsum_flops(spec, *operands))
    guess = predictions.get(number)
    score += guess == actual
    if guess is None:  # predict first, then look
        print(f"{number:>2}  {spec:16s} {names:17s} {'?':>16s} {'?':>11s}")
        continue
    verdict = "right" if guess == actual else f"wrong: you said {guess}"
    shape, flops = actual
    row = f"{number:>2}  {spec:16s} {names:17s} {str(shape):>16s} {flops:>11,}"
    print(f"{row}  {verdict}")
print(f"score: {score}/{len(questions)}")
