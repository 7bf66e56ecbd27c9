"""Matplotlib figures as inline SVG that is identical from build to build and follows
the page's light or dark scheme: black becomes `currentColor`, the background is transparent."""

from __future__ import annotations

import io
import re

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
    # Text without an explicit fill would be black even in dark mode: inherit the page colour.
    text = text.replace("<svg ", '<svg fill="currentColor" ', 1)
    return text.replace("#000000", "currentColor")


def show(fig) -> None:
    """Print the figure; its block needs html="1" and an alt="..." in the page's language."""
    print(svg(fig))
