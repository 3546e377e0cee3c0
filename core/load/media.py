"""An event's picture (the `image` column): a file in the data folder, or a web address.

A file must stay inside the data folder (no absolute path, no `..`, no link pointing
out), be of a type every browser shows (PNG, JPEG, GIF, WebP, SVG), and be small enough
to serve to a class: `check_picture` says what is wrong in the loader's words, with the
file as written. Only what passes is ever served (the app looks files up in the loaded
timeline, never joins a path from a request). An http(s) address is kept as it is: the
page fetches it only when the person serving the timeline allows remote media.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

from core.i18n import DEFAULT_LANG, Message, message
from core.load.model import LANGS
from core.load.problems import WARNING, shorten
from core.load.schema import text_in
from core.load.text import is_web_address

MAX_PICTURE_BYTES = 10 * 1024 * 1024
MAX_PICTURE_PIXELS = 40_000_000  # 8000 x 5000; more is a photograph straight off a camera
# Extension -> the formats Pillow may find in such a file (None: SVG, checked as text).
PICTURE_TYPES: dict[str, tuple[str, ...] | None] = {
    ".png": ("PNG",),
    ".jpg": ("JPEG", "MPO"),
    ".jpeg": ("JPEG", "MPO"),
    ".gif": ("GIF",),
    ".webp": ("WEBP",),
    ".svg": None,
}
TYPE_NAMES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP"}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]+:", re.IGNORECASE)  # two letters at least: not C:
_SVG_START = re.compile(rb"<svg[\s>]", re.IGNORECASE)


class PictureError(ValueError):
    """What is wrong with a picture cell, as 'expected X; found Y' (`what`, in any
    language; str() of it in English)."""

    def __init__(self, what: Message):
        self.what = what
        super().__init__(what.text(DEFAULT_LANG))


def picture_type(value: str) -> str:
    """The lower-case extension of a picture cell ('.png'), or '' if it has none."""
    return PurePosixPath(value.replace("\\", "/")).suffix.lower()


def check_picture(value: str, folder: Path) -> Path | None:
    """The checked file a picture cell names, or None for a web address.

    Raises `PictureError` for a path that leaves `folder`, an unsupported type, a missing
    file, a file over `MAX_PICTURE_BYTES` or `MAX_PICTURE_PIXELS`, or one whose content is
    not what its name says.
    """
    if is_web_address(value):
        return None
    found = shorten(value)
    written = value.replace("\\", "/")  # typed on Windows: media\\needle.png
    if PureWindowsPath(value).drive or PurePosixPath(written).is_absolute():
        raise PictureError(message("picture_absolute", found=found))
    if _SCHEME.match(value):
        raise PictureError(message("picture_scheme", found=found))
    if ".." in PurePosixPath(written).parts:
        raise PictureError(message("picture_leaves", found=found))
    suffix = picture_type(value)
    if suffix not in PICTURE_TYPES:
        raise PictureError(message("picture_type", found=found))
    if any(ord(char) < 32 for char in value):  # no file name holds one (NUL: not even asked)
        raise PictureError(message("picture_missing", found=found))
    root = folder.resolve()
    path = (root / written).resolve()
    if not path.is_relative_to(root):
        raise PictureError(message("picture_link_outside", found=found))
    if not path.is_file():
        raise PictureError(message("picture_missing", found=found))
    size = path.stat().st_size
    if size > MAX_PICTURE_BYTES:
        raise PictureError(
            message(
                "picture_too_large",
                limit=MAX_PICTURE_BYTES // 2**20,
                found=found,
                size=f"{size / 2**20:.1f}",
            )
        )
    _check_content(path, suffix, found)
    return path


def picture_of(row: dict, folder: Path, bad: Callable[..., None]) -> Path | None:
    """The checked file of an events row's picture, if it has one in the data folder;
    `bad(column, message, severity)` reports what is wrong, on this row."""
    value = row.get("image", "")
    if not value:
        return None
    if not any(text_in(row, "image_alt", lang) for lang in LANGS):
        bad("image_alt", message("picture_no_alt"), WARNING)
    try:
        return check_picture(value, folder)
    except PictureError as exc:
        bad("image", exc.what)
        return None


def _check_content(path: Path, suffix: str, found: str | Message) -> None:
    formats = PICTURE_TYPES[suffix]
    if formats is None:
        with path.open("rb") as handle:
            start = handle.read(4096)
        if not _SVG_START.search(start):
            raise PictureError(message("picture_not_svg", found=found))
        return
    from PIL import Image, UnidentifiedImageError

    name = TYPE_NAMES[suffix]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PictureError(
            message(
                "picture_bomb",
                limit=MAX_PICTURE_PIXELS // 1_000_000,
                found=found,
                pixels=Image.MAX_IMAGE_PIXELS,
            )
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        kind, width, height = None, 0, 0
    if kind not in formats:
        raise PictureError(message("picture_wrong_format", kind=name, found=found))
    if width * height > MAX_PICTURE_PIXELS:
        raise PictureError(
            message(
                "picture_too_many_pixels",
                limit=MAX_PICTURE_PIXELS // 1_000_000,
                found=found,
                width=width,
                height=height,
            )
        )
