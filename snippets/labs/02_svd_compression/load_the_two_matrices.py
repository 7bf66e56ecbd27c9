import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)

# A photograph that ships inside matplotlib: no download.
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
block = 5
image = plt.imread(path)  # (600, 512, 3)
H, W = (size // block * block for size in image.shape[:2])  # multiples of 5: 600, 510
rgb = image[:H, :W] / 255.0  # (H, W, 3)  cropped to multiples of 5: 2 columns go
luma = np.array([0.299, 0.587, 0.114])  # (3,)  brightness weights of R, G, B
# --8<-- [start:solution]
gray = rgb @ luma  # (H, W)
h, w = gray.shape[0] // block, gray.shape[1] // block
photo = gray.reshape(h, block, w, block).mean(axis=(1, 3))  # (h, w)  5x5 block means
# --8<-- [end:solution]

print(f"image {image.shape} -> rgb {rgb.shape} -> gray {gray.shape}", end=" ")
print(f"-> photo {photo.shape}")
print(f"{'matrix':10s} {'shape':>10s} {'min':>6s} {'max':>6s} {'entries':>8s}")
for name, A in [("C", C), ("photo", photo)]:
    print(f"{name:10s} {str(A.shape):>10s} {A.min():6.2f} {A.max():6.2f} {A.size:8d}")
assert C.shape == (20, 15) and photo.shape == (120, 102)
assert 0.0 <= photo.min() and photo.max() <= 1.0
assert np.isclose(photo.mean(), gray.mean())  # block means keep the overall brightness
