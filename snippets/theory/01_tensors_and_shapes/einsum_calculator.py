from math import prod

import numpy as np

from lacourse.universe import (
    B, D, D_HEAD, H, N_PERSONS, N_SLOTS, N_TENSES, N_VERBS, T, V, conjugation_counts,
)


def einsum_shape(spec, **sizes):
    """Operand shapes, output shape and FLOPs of an explicit einsum (a size per letter).

    FLOPs, counted the naive way (one loop over every combination of all the letters):
    per combination, one multiply for each operand after the first, and one add if some
    letter is summed away. For two operands: 2 x the product of all sizes, or 1 x when
    nothing is summed. With a letter summed, np.einsum_path's "Naive FLOP count" agrees.
    """
    if "->" not in spec or "..." in spec:
        raise ValueError("write the output explicitly, without '...': 'ij,jk->ik'")
    inputs, output = spec.replace(" ", "").split("->")
    operands = inputs.split(",")
    letters = set("".join(operands))
    if unknown := set(output) - letters:
        raise ValueError(f"output letters {sorted(unknown)} appear in no input")
    if len(set(output)) != len(output):
        raise ValueError("an output letter appears twice")
    if missing := sorted(letters - sizes.keys()):
        raise ValueError(f"no size given for {missing}")
    input_shapes = [tuple(sizes[letter] for letter in operand) for operand in operands]
    output_shape = tuple(sizes[letter] for letter in output)
    summed = letters - set(output)
    every = prod(sizes[letter] for letter in letters)
    multiplies = max(len(operands) - 1, 1)
    flops = every * (multiplies + (1 if summed else 0))
    return input_shapes, output_shape, flops


examples = [
    ("btv,vd->btd", dict(b=B, t=T, v=V, d=D)),  # embedding lookup as a matmul
    ("bhqd,bhkd->bhqk", dict(b=B, h=H, q=T, k=T, d=D_HEAD)),  # attention scores
    ("bhqk,bhkd->bhqd", dict(b=B, h=H, q=T, k=T, d=D_HEAD)),  # weights times values
    ("ij,jk->ik", dict(i=N_VERBS, j=N_SLOTS, k=N_TENSES)),  # counts -> per tense
    ("i,j->ij", dict(i=N_VERBS, j=N_SLOTS)),  # outer product: nothing summed
]
rng = np.random.default_rng(0)
print(f"{'spec':16s} {'inputs':34s} {'output':16s} {'FLOPs':>11s}")
for spec, sizes in examples:
    input_shapes, output_shape, flops = einsum_shape(spec, **sizes)
    operands = [rng.normal(size=shape) for shape in input_shapes]
    actual = np.einsum(spec, *operands)  # (*output_shape,)  the runner checks it too
    assert actual.shape == output_shape
    inputs = ", ".join(map(str, input_shapes))
    print(f"{spec:16s} {inputs:34s} {str(output_shape):16s} {flops:>11,}")

# 'ij,jk->ik' on real data: a 0/1 matrix that adds up the 3 persons of each tense.
counts = conjugation_counts()  # (N_VERBS, N_SLOTS)
one_per_tense = np.eye(N_TENSES, dtype=int)  # (N_TENSES, N_TENSES)
tense_of_slot = np.repeat(one_per_tense, N_PERSONS, axis=0)  # (N_SLOTS, N_TENSES)
per_tense = np.einsum("ij,jk->ik", counts, tense_of_slot)  # (N_VERBS, N_TENSES)
print("walk, per_tense[0]:", per_tense[0])
grouped = counts.reshape(N_VERBS, N_TENSES, N_PERSONS)  # (N_VERBS, N_TENSES, N_PERSONS)
assert np.array_equal(per_tense, grouped.sum(axis=2))

attention = 2 * B * H * T * T * D_HEAD
assert einsum_shape("btv,vd->btd", b=B, t=T, v=V, d=D)[2] == 2 * B * T * V * D
assert einsum_shape("bhqd,bhkd->bhqk", b=B, h=H, q=T, k=T, d=D_HEAD)[2] == attention
assert einsum_shape("bhqk,bhkd->bhqd", b=B, h=H, q=T, k=T, d=D_HEAD)[2] == attention
shape_ik = einsum_shape("ij,jk->ik", i=N_VERBS, j=N_SLOTS, k=N_TENSES)[1]
assert shape_ik == (N_VERBS, N_TENSES)
