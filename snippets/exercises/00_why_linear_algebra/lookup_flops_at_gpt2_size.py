from lacourse.universe import V

# GPT-2 small's published sizes: vocabulary, width and context length; one sequence.
V_GPT2, D_GPT2, T_GPT2, B_GPT2 = 50_257, 768, 1_024, 1

flops = 2 * B_GPT2 * T_GPT2 * V_GPT2 * D_GPT2  # the one-hot einsum 'btv,vd->btd'
copied = B_GPT2 * T_GPT2 * D_GPT2  # what E[tokens] copies
one_hot_bytes = B_GPT2 * T_GPT2 * V_GPT2 * 4  # the one-hot tensor in float32

print(f"einsum FLOPs        : {flops:>15,}")
print(f"numbers copied      : {copied:>15,}")
print(f"FLOPs per copied    : {flops // copied:>15,} = 2 * V")
print(f"one-hot, float32    : {one_hot_bytes:>15,} bytes")
print(f"2 * V, our example  : {2 * V:>15,}")
assert flops // copied == 2 * V_GPT2
