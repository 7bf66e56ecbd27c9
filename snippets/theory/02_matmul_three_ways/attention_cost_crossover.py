from lacourse.universe import D, D_HEAD, H


def head_flops(T, D, d):
    """FLOPs of one head: its three projections, and the two T x T products."""
    projections = 3 * 2 * T * D * d  # Q, K, V: (T, D) @ (D, d)
    attention = 2 * (2 * T * T * d)  # Q @ K.T and weights @ V
    return projections, attention


def layer_flops(T, D, H):
    """FLOPs of a layer of H heads of width D // H, with the output projection."""
    projections, attention = head_flops(T, D, D // H)
    output = 2 * T * D * D  # (T, D) @ (D, D): mixes the heads
    return H * projections + output, H * attention


print(f"{'T':>5s} {'head: proj':>11s} {'head: T^2':>10s} {'layer: proj+out':>15s}"
      f" {'layer: T^2':>11s}")
for T in (12, 64, 96, 128, 1024):
    hp, ha = head_flops(T, D, D_HEAD)
    lp, la = layer_flops(T, D, H)
    print(f"{T:5d} {hp:11,} {ha:10,} {lp:15,} {la:11,}")

# the first T at which the T^2 products cost at least as much as the rest
head_cross = next(T for T in range(1, 10 * D) if head_flops(T, D, D_HEAD)[1]
                  >= head_flops(T, D, D_HEAD)[0])
layer_cross = next(T for T in range(1, 10 * D) if layer_flops(T, D, H)[1]
                   >= layer_flops(T, D, H)[0])
print(f"crossover: one head T = {head_cross} = {head_cross / D} D"
      f"   layer with output projection T = {layer_cross} = {layer_cross / D} D")
assert head_flops(96, D, D_HEAD)[0] == head_flops(96, D, D_HEAD)[1]  # 6TDd = 4T^2 d
assert layer_flops(128, D, H)[0] == layer_flops(128, D, H)[1]  # 8TD^2 = 4T^2 D
assert (head_cross, layer_cross) == (3 * D // 2, 2 * D)
