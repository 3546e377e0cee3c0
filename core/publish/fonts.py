"""The app's font in every file it writes, so a slide or a handout looks like the app.

Atkinson Hyperlegible (assets/fonts, SIL OFL, which allows embedding) is:
- inlined as @font-face rules with data: addresses in the handout page (HTML and PDF) and
  inside each exported SVG, so the file needs neither a network nor the font installed;
- installed for the Chromium that Kaleido starts, in a folder of its own that fontconfig
  is pointed to (FONTCONFIG_FILE) for that one run, so the PNG is drawn in it too: an SVG
  turned into a PNG sees only the system's fonts. (fontconfig is how Chromium finds fonts
  on Linux; elsewhere the PNG uses the font if it is installed.)
"""

from __future__ import annotations

import base64
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from core.chart.metrics import FONT_FILES

FAMILY = "Atkinson Hyperlegible"
FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{folder}</dir>
  <cachedir>{folder}/cache</cachedir>
</fontconfig>
"""


@cache
def font_data() -> tuple[tuple[int, str], ...]:
    """(weight, the woff2 file in base64) for each weight the app ships."""
    return tuple(
        (weight, base64.b64encode(path.read_bytes()).decode("ascii"))
        for weight, path in sorted(FONT_FILES.items())
        if path.exists()
    )


def font_face_css() -> str:
    """@font-face rules for the app's font, the files inlined."""
    return "".join(
        f'@font-face{{font-family:"{FAMILY}";font-weight:{weight};font-style:normal;'
        f'src:url("data:font/woff2;base64,{data}") format("woff2")}}'
        for weight, data in font_data()
    )


def embed_in_svg(svg: bytes) -> bytes:
    """The SVG with the app's font inside it, in a <style> of its own <defs>."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    end = text.find(">", start)
    if start < 0 or end < 0 or not font_data():
        return svg
    style = f"<defs><style>{escape(font_face_css())}</style></defs>"
    return (text[: end + 1] + style + text[end + 1 :]).encode("utf-8")


@contextmanager
def fonts_for_chromium() -> Iterator[Path | None]:
    """For the block: the app's font installed where a Chromium started now will find it."""
    with tempfile.TemporaryDirectory(prefix="timeline-fonts-") as name:
        folder = Path(name)
        written = _write_truetype(folder)
        if not written:
            yield None
            return
        config = folder / "fonts.conf"
        config.write_text(FONTCONFIG.format(folder=escape(str(folder))), encoding="utf-8")
        before = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(config)
        try:
            yield folder
        finally:
            if before is None:
                os.environ.pop("FONTCONFIG_FILE", None)
            else:
                os.environ["FONTCONFIG_FILE"] = before


def _write_truetype(folder: Path) -> list[Path]:
    """The woff2 files as TrueType, which every fontconfig reads."""
    from fontTools.ttLib import TTFont

    written = []
    for weight, path in sorted(FONT_FILES.items()):
        if not path.exists():
            continue
        font = TTFont(path)
        font.flavor = None
        target = folder / f"atkinson-hyperlegible-{weight}.ttf"
        font.save(target)
        written.append(target)
    return written
