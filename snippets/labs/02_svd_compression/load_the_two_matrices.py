import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)

# A photograph that ships inside matplotlib: no download.
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
rgb = plt.imread(path)[:590, :510] / 255.0  # (590, 510, 3)  cropped to a multiple of 5
luma = np.array([0.299, 0.587, 0.114])  # (3,)  brightness weights of R, G, B
block = 5
# --8<-- [start:solution]
gray = rgb @ luma  # (590, 510)
h, w = gray.shape[0] // block, gray.shape[1] // block
photo = gray.reshape(h, block, w, block).mean(axis=(1, 3))  # (h, w)  5x5 block means
# --8<-- [end:solution]

print(f"rgb {rgb.shape} -> gray {gray.shape} -> photo {photo.shape}")
print(f"{'matrix':10s} {'shape':>10s} {'min':>6s} {'max':>6s} {'entries':>8s}")
for name, A in [("C", C), ("photo", photo)]:
    print(f"{name:10s} {str(A.shape):>10s} {A.min():6.2f} {A.max():6.2f} {A.size:8d}")
assert C.shape == (20, 15) and photo.shape == (118, 102)
assert 0.0 <= photo.min() and photo.max() <= 1.0
assert np.isclose(photo.mean(), gray.mean())  # block means keep the overall brightness
