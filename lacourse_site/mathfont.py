"""The site's math font, cut at build time to the glyphs the site's formulas use.

A reader's system may have no math font (Chromium in a container has none): MathML then draws
display sums at inline size and short radicals. The site brings Noto Sans Math (SIL OFL 1.1;
npm @fontsource/noto-sans-math 5.3.0, converted once from WOFF2 to WOFF so that fontTools
reads and writes it without brotli), but the whole font is 270 KB (WOFF2) and the course uses
about 150 of its 4,060 glyphs. Each build subsets it to what its pages use:

* every character inside a `<math>` element of any page, both languages;
* for a one-letter `<mi>` (which MathML draws in italic), the Mathematical Italic letter the
  browser actually draws (x -> U+1D465); for `<msqrt>`/`<mroot>`, the radical sign √;
* what fontTools' subsetter adds for those: the MATH table's size variants and stretchy
  assemblies (large sums, tall norms and brackets), ligatures and kerning.

Made at build time, from the pages just built, rather than committed: a formula with a new
symbol can never render in a fallback font, and there is no file to regenerate by hand. It
costs about half a second per build (once per set of characters under `mkdocs serve`), and it
needs only fontTools, which matplotlib already installs. The output is deterministic (no
timestamps are recalculated), so two builds write the same bytes. tests/test_budgets.py checks
that every character used is in the font and that the font stays small.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path(__file__).with_name("fonts") / "noto-sans-math.woff"
SITE_PATH = "assets/fonts/noto-sans-math.woff"  # docs/assets/course.css names it

_MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
_SINGLE_MI = re.compile(r"<mi>([^<])</mi>")
_TAG = re.compile(r"<[^>]+>")


def _italic(char: str) -> str | None:
    """The Mathematical Italic letter MathML's automatic italic draws for `char`, if any."""
    c = ord(char)
    if char == "h":
        return "\u210e"  # PLANCK CONSTANT stands in for italic h
    if 0x41 <= c <= 0x5A:
        return chr(0x1D434 + c - 0x41)
    if 0x61 <= c <= 0x7A:
        return chr(0x1D44E + c - 0x61)
    if 0x391 <= c <= 0x3A9 and c != 0x3A2:
        return chr(0x1D6E2 + c - 0x391)
    if 0x3B1 <= c <= 0x3C9:
        return chr(0x1D6FC + c - 0x3B1)
    symbols = {"\u2207": 0x1D6FB, "\u2202": 0x1D715, "\u03f5": 0x1D716, "\u03d1": 0x1D717, "\u03f0": 0x1D718,
               "\u03d5": 0x1D719, "\u03f1": 0x1D71A, "\u03d6": 0x1D71B, "\u0131": 0x1D6A4, "\u0237": 0x1D6A5}
    return chr(symbols[char]) if char in symbols else None


def characters(page_html: str) -> set[str]:
    """The characters the formulas of one page draw."""
    used: set[str] = set()
    for math in _MATH.findall(page_html):
        used.update(html.unescape(_TAG.sub("", math)))
        used.update(filter(None, map(_italic, _SINGLE_MI.findall(math))))
        if "<msqrt" in math or "<mroot" in math:
            used.add("\u221a")  # the browser draws the radical sign from the font's √ (and its variants)
    return {char for char in used if not char.isspace()}


_made: dict[frozenset, bytes] = {}


def subset_font(chars: set[str]) -> bytes:
    """Noto Sans Math cut to `chars` (plus what they need), as WOFF bytes."""
    key = frozenset(chars)
    if key not in _made:
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]  # ligatures, kerning, ssty (script-size) variants
        options.name_IDs = ["*"]  # keep the copyright and license names
        options.notdef_outline = True
        font = TTFont(SOURCE, recalcTimestamp=False)  # the same bytes every build
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(c) for c in chars))
        subsetter.subset(font)
        out = io.BytesIO()
        font.flavor = "woff"
        font.save(out)
        _made.clear()
        _made[key] = out.getvalue()
    return _made[key]


def write(site_dir: Path, chars: set[str]) -> Path:
    target = Path(site_dir) / SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    data = subset_font(chars)
    if not target.is_file() or target.read_bytes() != data:
        target.write_bytes(data)
    return target
