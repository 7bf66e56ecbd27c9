import numpy as np

from lacourse.universe import D, N_TENSES

rng = np.random.default_rng(0)
W = rng.normal(0.0, 1.0 / np.sqrt(D), size=(N_TENSES, D))  # (N_TENSES, D)  classifier
lr, lam = 0.1, 0.5
factor = 1 - lr * lam
steps = 40

norms = [np.linalg.norm(W)]  # Frobenius: W seen as one long vector
for step in range(steps):
    grad = np.zeros_like(W)  # (N_TENSES, D)  no signal from the data: decay alone
    W = W - lr * (grad + lam * W)  # (N_TENSES, D)
    norms.append(np.linalg.norm(W))
norms = np.array(norms)  # (steps + 1,)
predicted = norms[0] * factor ** np.arange(steps + 1)  # (steps + 1,)
step_ratios = norms[1:] / norms[:-1]  # (steps,)

print(f"lr = {lr}, lambda = {lam}, 1 - lr * lambda = {factor}")
print(f"{'step':>4s} {'||W||_F':>9s} {'||W_0|| * factor^step':>22s}")
for step in range(0, steps + 1, 5):
    print(f"{step:4d} {norms[step]:9.4f} {predicted[step]:22.4f}")
print(f"ratio of consecutive norms: min {step_ratios.min():.6f},", end=" ")
print(f"max {step_ratios.max():.6f}")
assert np.allclose(step_ratios, factor, rtol=1e-12, atol=0)
assert np.allclose(norms, predicted, rtol=1e-12, atol=0)
