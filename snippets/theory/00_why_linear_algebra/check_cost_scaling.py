from lacourse.universe import B, D, T, V

print(f"{'T':>3s} {'einsum FLOPs':>13s} {'copied':>8s} {'FLOPs / copied':>15s}")
for length in (T, 2 * T):
    flops = 2 * B * length * V * D
    copied = B * length * D
    print(f"{length:3d} {flops:13,} {copied:8,} {flops // copied:15,}")
    assert flops // copied == 2 * V  # B, T and D cancel: only V is left
