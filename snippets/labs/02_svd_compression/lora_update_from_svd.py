import numpy as np

from lacourse.universe import D

D_FF = 4 * D  # width of a feed-forward layer: its first weight is (D, D_FF)
R_TRUE = 6  # rank of the structured part of the synthetic update
rng = np.random.default_rng(0)
# A synthetic weight change: a rank-6 part plus small dense noise. Not from training.
low_rank = rng.normal(size=(D, R_TRUE)) @ rng.normal(size=(R_TRUE, D_FF))  # (D, D_FF)
low_rank /= D  # (D, D_FF)
noise = rng.normal(0.0, 0.005, size=(D, D_FF))  # (D, D_FF)
delta_W = low_rank + noise  # (D, D_FF)

U, S, Vt = np.linalg.svd(delta_W, full_matrices=False)  # (D, D), (D,), (D, D_FF)
full = D * D_FF
noise_share = np.linalg.norm(noise) / np.linalg.norm(delta_W)
noise_to_signal = np.linalg.norm(noise) / np.linalg.norm(low_rank)
print(f"delta_W {delta_W.shape}: m n = {full}")
print(f"||noise||_F / ||delta_W||_F  = {noise_share:.4f}")
print(f"||noise||_F / ||low-rank||_F = {noise_to_signal:.4f}")
print(f"sigma_1..8: {np.array2string(S[:8], precision=3)}")
print(f"{'r':>3s} {'r(m+n)':>7s} {'/ mn':>6s} {'err vs delta_W':>15s}"
      f" {'predicted':>10s} {'err vs low-rank part':>21s}")
results = {}  # r -> (parameters, error vs delta_W, error vs the rank-6 part)
shapes = {}  # r -> shapes of the two factors
for r in (1, 2, 4, 6, 8, 16, 32):
    # --8<-- [start:solution]
    root = np.sqrt(S[:r])  # (r,)  split each sigma_i evenly between the two factors
    B = U[:, :r] * root  # (D, r)
    A = root[:, None] * Vt[:r]  # (r, D_FF)
    parameters = B.size + A.size  # r (m + n)
    error = np.linalg.norm(delta_W - B @ A) / np.linalg.norm(delta_W)
    # --8<-- [end:solution]
    predicted = np.sqrt(np.sum(S[r:] ** 2)) / np.sqrt(np.sum(S**2))  # Eckart-Young
    to_signal = np.linalg.norm(low_rank - B @ A) / np.linalg.norm(low_rank)
    results[r] = (parameters, error, to_signal)
    shapes[r] = (B.shape, A.shape)
    print(f"{r:3d} {parameters:7d} {parameters / full:6.1%} {error:15.4f}"
          f" {predicted:10.4f} {to_signal:21.4f}")
    assert parameters == r * (D + D_FF)
    assert abs(error - predicted) <= 1e-12  # both relative: compare to 1, not to 0
print(f"r = {R_TRUE}: B {shapes[R_TRUE][0]}  A {shapes[R_TRUE][1]}")
