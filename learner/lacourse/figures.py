"""Matplotlib figures as inline SVG that is identical from build to build and follows
the page's light or dark scheme: black becomes `currentColor`, the background is transparent.

In a Jupyter kernel (a lab notebook), `show` displays the figure as an SVG image instead,
black on white so that it reads in a light or a dark notebook theme."""

from __future__ import annotations

import io
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

matplotlib.rcParams.update(
    {
        "svg.hashsalt": "lacourse",  # stable ids
        "svg.fonttype": "none",  # real text: smaller, selectable, in the page's font
        "font.family": "sans-serif",
        "font.size": 11,
        "axes.prop_cycle": matplotlib.cycler(color=["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]),
    }
)


def svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True, bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prolog and doctype
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = _EMBEDDED_PNG.sub(lambda m: m.group(1) + _lean_png(m.group(2)), text)
    # Text without an explicit fill would be black even in dark mode: inherit the page colour.
    text = text.replace("<svg ", '<svg fill="currentColor" ', 1)
    return text.replace("#000000", "currentColor")


# An image drawn with imshow is embedded as an RGBA PNG, even when it is opaque and has a few
# hundred colours at most (a colour map): the same pixels as grey levels or a palette take a
# third to a quarter of the bytes, and these bytes are most of a page with pictures.
_EMBEDDED_PNG = re.compile(r'(href="data:image/png;base64,)([^"]*)"')


def _lean_png(data: str) -> str:
    """The same pixels, in the smallest exact PNG mode: grey levels, or a palette, without alpha
    where every pixel is opaque. Returns base64 with the closing quote."""
    import base64

    import numpy as np
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(data)))
    pixels = np.asarray(image.convert("RGBA"))  # (h, w, 4)
    if (pixels[..., 3] != 255).any():
        return data + '"'  # transparency to keep: leave it as it is
    rgb = pixels[..., :3]  # (h, w, 3)
    if (rgb == rgb[..., :1]).all():
        lean = Image.fromarray(np.ascontiguousarray(rgb[..., 0]))  # uint8 (h, w): grey levels, "L"
    else:
        colours, index = np.unique(rgb.reshape(-1, 3), axis=0, return_inverse=True)
        if len(colours) > 256:
            return data + '"'
        height, width = rgb.shape[:2]
        lean = Image.frombytes("P", (width, height), index.astype(np.uint8).tobytes())
        lean.putpalette(colours.astype(np.uint8).tobytes())
    out = io.BytesIO()
    lean.save(out, format="PNG", optimize=True)
    if out.tell() >= len(base64.b64decode(data)):
        return data + '"'
    return base64.b64encode(out.getvalue()).decode("ascii") + '"'


def _kernel():
    """The IPython kernel this runs in (Jupyter, Colab), or None (the site's runner, pytest)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if getattr(shell, "kernel", None) is not None else None


def show(fig) -> None:
    """Print the figure; its block needs html="1" and an alt="..." in the page's language.

    In a notebook, display it as an image: printed SVG markup would show as text there.
    """
    if _kernel() is None:
        print(svg(fig))
        return
    from IPython.display import SVG, display

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white", bbox_inches="tight")
    plt.close(fig)
    display(SVG(buffer.getvalue()))
