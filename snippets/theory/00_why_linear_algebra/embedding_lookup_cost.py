from lacourse.universe import V

D, B, T = 64, 32, 16

einsum_flops = 2 * B * T * V * D  # one multiply and one add per (b, t, v, d)
useful_flops = 2 * B * T * D  # the only products that are not x * 0
index_copies = B * T * D  # indexing does no arithmetic: it copies B*T rows of D numbers
one_hot_entries = B * T * V  # the one-hot tensor the matmul ways must build first

print(f"einsum 'btv,vd->btd' FLOPs : {einsum_flops:>12,}")
print(f"  of which multiply by zero: {einsum_flops - useful_flops:>12,} ({1 - useful_flops / einsum_flops:.2%})")
print(f"E[tokens] FLOPs            : {0:>12,}")
print(f"E[tokens] numbers copied   : {index_copies:>12,}")
print(f"one-hot entries built      : {one_hot_entries:>12,}")
print(f"einsum FLOPs per copied number: {einsum_flops // index_copies} = 2 * V")
assert einsum_flops // index_copies == 2 * V
