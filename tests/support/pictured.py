"""A small timeline with its own front matter and pictures, written by a test into a folder.

Four events: one with a photograph (PNG, 2400 px wide: sent resized), one with an SVG
drawing, one with a picture on another site (never fetched unless allowed) and one with
none; a row of kind `title` gives the title and subtitle, `timeline.csv` the authors and
licence. `evil_svg` is a drawing with scripts inside, for the tests that check they never
run.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PIL import Image, ImageDraw

TITLE = {"en": "Bridges of Lyon", "fr": "Les ponts de Lyon"}
SUBTITLE = {"en": "Eight centuries of crossings", "fr": "Huit siècles de traversées"}
AUTHORS = ("Ada Martin", "Li Wei")
LICENCE = "CC BY 4.0"
PHOTO_ALT = {"en": "A red arch over blue water", "fr": "Une arche rouge sur l'eau bleue"}
DRAWING_ALT = {"en": "A green square", "fr": "Un carré vert"}
REMOTE = "https://pictures.example.org/bridge.jpg"

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">'
    '<rect width="300" height="200" fill="#ffffff"/>'
    '<rect x="100" y="50" width="100" height="100" fill="#009e73"/></svg>'
)
# A script that would change the page's title and set a global, if it ever ran; and an
# image it would load from another site, if anything in it could load.
EVIL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="200" height="200" onload="top.document.title=\'pwned\';window.svgRan=1">'
    "<script>top.document.title='pwned'; parent.svgRan = 1; window.svgRan = 1;</script>"
    '<rect width="200" height="200" fill="#d55e00"/>'
    '<image href="https://tracker.example.org/pixel.png" width="10" height="10"/></svg>'
)

COLUMNS = [
    "id",
    "kind",
    "date",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "sources",
    "image",
    "image_alt_en",
    "image_alt_fr",
    "image_caption_en",
    "image_caption_fr",
    "image_credit",
]


def photo(path: Path, size: tuple[int, int] = (2400, 1200)) -> None:
    """A PNG the size of a photograph: a red arch over blue water."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, "#56b4e9")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w // 6, h // 5, 5 * w // 6, 9 * h // 5), outline="#d55e00", width=w // 40)
    image.save(path, "PNG")


def write_pictured_timeline(folder: Path) -> Path:
    """The timeline in `folder`; returns its events file."""
    photo(folder / "media" / "arch.png")
    (folder / "media" / "square.svg").write_text(SVG, encoding="utf-8")
    rows = [
        {
            "kind": "title",
            "title_en": TITLE["en"],
            "title_fr": TITLE["fr"],
            "summary_en": SUBTITLE["en"],
            "summary_fr": SUBTITLE["fr"],
        },
        {
            "id": "pont-romain",
            "date": "1180",
            "title_en": "A stone bridge",
            "title_fr": "Un pont de pierre",
            "image": "media/arch.png",
            "image_alt_en": PHOTO_ALT["en"],
            "image_alt_fr": PHOTO_ALT["fr"],
            "image_caption_en": "The arch, drawn for the test",
            "image_caption_fr": "L'arche, dessinée pour le test",
            "image_credit": "Drawing by the tests (CC0)",
        },
        {
            "id": "passerelle",
            "date": "1860",
            "title_en": "A footbridge",
            "title_fr": "Une passerelle",
            "image": "media/square.svg",
            "image_alt_en": DRAWING_ALT["en"],
            "image_alt_fr": DRAWING_ALT["fr"],
        },
        {
            "id": "pont-lointain",
            "date": "1950",
            "title_en": "A bridge far away",
            "title_fr": "Un pont lointain",
            "image": REMOTE,
            "image_alt_en": "A bridge in a photograph elsewhere",
            "image_alt_fr": "Un pont sur une photographie ailleurs",
            "image_credit": "Someone else's photograph",
        },
        {"id": "pont-neuf", "date": "2000", "title_en": "A new bridge", "title_fr": "Un pont neuf"},
    ]
    events = folder / "events.csv"
    with events.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    (folder / "timeline.csv").write_text(
        f"authors,licence,languages\n{'|'.join(AUTHORS)},{LICENCE},en|fr\n", encoding="utf-8"
    )
    return events


def write_evil_timeline(folder: Path) -> Path:
    """One event whose picture is an SVG with scripts inside."""
    (folder / "media").mkdir(parents=True, exist_ok=True)
    (folder / "media" / "evil.svg").write_text(EVIL_SVG, encoding="utf-8")
    events = folder / "events.csv"
    events.write_text(
        "id,date,title,image,image_alt\n"
        "evil,1999,A drawing with a script,media/evil.svg,An orange square\n"
        "plain,2001,A plain event,,\n",
        encoding="utf-8",
    )
    return events
