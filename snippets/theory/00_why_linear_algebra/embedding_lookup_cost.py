from lacourse.universe import B, D, T, V

einsum_flops = 2 * B * T * V * D  # one multiply and one add per (b, t, v, d)
useful_flops = 2 * B * T * D  # the only products that are not x * 0
zero_share = 1 - useful_flops / einsum_flops
index_copies = B * T * D  # indexing does no arithmetic: it copies B*T rows of D numbers
one_hot_entries = B * T * V  # the one-hot tensor the matmul ways must build first

print(f"einsum 'btv,vd->btd' FLOPs    : {einsum_flops:>11,}")
wasted = einsum_flops - useful_flops
print(f"  of which multiply by zero   : {wasted:>11,} ({zero_share:.2%})")
print(f"E[tokens] FLOPs               : {0:>11,}")
print(f"E[tokens] numbers copied      : {index_copies:>11,}")
print(f"one-hot entries built         : {one_hot_entries:>11,}")
print(f"einsum FLOPs per copied number: {einsum_flops // index_copies:>11,} = 2 * V")
assert einsum_flops // index_copies == 2 * V
assert zero_share == 1 - 1 / V  # the same share whatever B, T and D are
