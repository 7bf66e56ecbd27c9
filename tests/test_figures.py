"""lacourse.figures: a figure's embedded pictures keep every pixel in fewer bytes."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import pytest
from PIL import Image

from lacourse.figures import _lean_png


def png(pixels: np.ndarray) -> str:
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="PNG")  # uint8 (h, w, 4): RGBA
    return base64.b64encode(out.getvalue()).decode("ascii")


def decoded(data: str) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(data)))


rng = np.random.default_rng(0)
GREY = np.repeat(rng.integers(0, 256, size=(120, 102, 1), dtype=np.uint8), 3, axis=2)  # (120, 102, 3)
PALETTE = rng.integers(0, 256, size=(200, 3), dtype=np.uint8)  # (200, 3): a colour map's worth
COLOURED = PALETTE[rng.integers(0, 200, size=(20, 15))]  # (20, 15, 3)
MANY = rng.integers(0, 256, size=(40, 40, 3), dtype=np.uint8)  # (40, 40, 3): ~1600 colours


def opaque(rgb: np.ndarray) -> np.ndarray:
    return np.concatenate([rgb, np.full(rgb.shape[:2] + (1,), 255, np.uint8)], axis=2)


@pytest.mark.parametrize(("rgb", "mode"), [(GREY, "L"), (COLOURED, "P")])
def test_an_opaque_picture_becomes_grey_levels_or_a_palette_with_the_same_pixels(rgb, mode):
    data = png(opaque(rgb))
    lean = _lean_png(data)
    assert lean.endswith('"')
    image = decoded(lean[:-1])
    assert image.mode == mode and len(lean) < len(data)
    assert np.array_equal(np.asarray(image.convert("RGBA")), opaque(rgb))


def test_transparency_and_too_many_colours_are_left_as_they_are():
    see_through = opaque(GREY)
    see_through[0, 0, 3] = 0
    for pixels in (see_through, opaque(MANY)):
        data = png(pixels)
        assert _lean_png(data) == data + '"'


def test_lab_02s_pictures_are_grey_levels_and_palettes():
    from lacourse_site.runner import run_file

    output = run_file("labs/02_svd_compression/reconstructions_figure.py").output
    modes = [decoded(m).mode for m in re.findall(r'href="data:image/png;base64,([^"]*)"', output)]
    assert modes == ["P"] * 5 + ["L"] * 5  # the counts matrix in viridis, the photo in grey
