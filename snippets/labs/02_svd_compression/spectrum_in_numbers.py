import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)

header = ["s2/s1", "s3/s1", "s_min/s1", "max s_i/s_i+1, i>=2"]
print(f"{'A':2s} {header[0]:>7s} {header[1]:>7s} {header[2]:>9s} {header[3]:>20s}")
spectra = {}  # name -> singular values
for name, A in [("C", C), ("P", photo)]:
    S = np.linalg.svd(A, compute_uv=False)  # (min(A.shape),)
    # --8<-- [start:solution]
    steps = S[1:-1] / S[2:]  # (len(S) - 2,)  sigma_i / sigma_{i+1} for i = 2, 3, ...
    # --8<-- [end:solution]
    spectra[name] = S
    print(f"{name:2s} {S[1] / S[0]:7.4f} {S[2] / S[0]:7.4f} {S[-1] / S[0]:9.5f}"
          f" {steps.max():20.2f}")
S_C, S_P = spectra["C"], spectra["P"]  # (15,), (102,)
assert S_C[1] / S_C[2] > 2  # C: after sigma_2, a drop by more than 2
assert S_P[-1] / S_P[0] < 1e-3  # P: more than three decades from first to last
