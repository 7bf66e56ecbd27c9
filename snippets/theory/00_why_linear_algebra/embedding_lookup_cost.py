from lacourse.universe import B, D, T, V

einsum_flops = 2 * B * T * V * D  # one multiply and one add per (b, t, v, d)
multiplies = B * T * V * D  # half of the FLOPs are multiplications
by_zero = B * T * D * (V - 1)  # each output number meets one 1 and V - 1 zeros
zero_share = by_zero / multiplies
index_copies = B * T * D  # indexing does no arithmetic: it copies B*T rows of D numbers
one_hot_entries = B * T * V  # the one-hot tensor the matmul ways must build first

print(f"einsum 'btv,vd->btd' FLOPs    : {einsum_flops:>11,}")
print(f"  of which multiplications    : {multiplies:>11,}")
print(f"  multiplications by zero     : {by_zero:>11,} ({zero_share:.2%}) = BTD(V-1)")
print(f"E[tokens] FLOPs               : {0:>11,}")
print(f"E[tokens] numbers copied      : {index_copies:>11,}")
print(f"one-hot entries built         : {one_hot_entries:>11,}")
print(f"einsum FLOPs per copied number: {einsum_flops // index_copies:>11,} = 2 * V")
assert einsum_flops // index_copies == 2 * V
assert by_zero == multiplies - index_copies  # one product per output is not x * 0
assert by_zero * V == multiplies * (V - 1)  # a share of 1 - 1/V whatever B, T and D are
