"""An event's picture where it is shown: the page, lecture mode, the handout.

`picture_for` says what to show of an event's picture in one language: its address (the
app's own `/media/<event id>` for a file of the data folder, or the http(s) address when
remote media are allowed), its alternative text, caption and credit, or only a link to a
remote picture when they are not (a lecture hall is offline, and a student's browser
would tell that site who is looking). `picture_bytes` gives a file as sent to a screen:
photographs at most `WIDTHS[size]` pixels wide, SVG as it is; `data_uri` the same inline,
for the handout, which must work as one file. Resized pictures are kept in memory, up to
`CACHE_BYTES`, so a class asking for the same pictures costs one resize.
"""

from __future__ import annotations

import base64
import functools
import io
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

from core.load.media import picture_type
from core.load.model import Timeline
from core.load.text import is_web_address

MEDIA_PATH = "/media/"
REMOTE_ENV = "TIMELINE_REMOTE_MEDIA"  # =1: pages may fetch pictures given as http(s) addresses
WIDTHS = {"full": 1600, "thumb": 160}  # px; a thumbnail is drawn at 64 px, sharp at 2x
CACHE_BYTES = 32 * 1024 * 1024
SVG_TYPE = "image/svg+xml"
_MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


@dataclass(frozen=True)
class Picture:
    """What to show: `src` is an address to draw (None for a remote picture that may not
    be fetched, shown as a link to `link` instead)."""

    src: str | None
    alt: str
    caption: str
    credit: str
    link: str | None = None
    # the file's proportions, when known: the page keeps the room for the picture before
    # it arrives, so nothing below it moves when it does
    width: int | None = None
    height: int | None = None


def remote_from_env() -> bool:
    """Whether the person serving allows remote pictures ($TIMELINE_REMOTE_MEDIA=1)."""
    return os.environ.get(REMOTE_ENV, "").strip().lower() in ("1", "true", "yes")


def media_url(event_id: str, size: str = "full") -> str:
    """The app's address of an event's picture file."""
    suffix = "" if size == "full" else f"?size={size}"
    return f"{MEDIA_PATH}{event_id}{suffix}"


def picture_for(
    timeline: Timeline, event: dict, lang: str, remote: bool = False, size: str = "full"
) -> Picture | None:
    """The picture of `event` (a row of `timeline.events`) in `lang`, or None."""
    value = event.get("image", "")
    texts = {
        "alt": event.get(f"image_alt_{lang}", ""),
        "caption": event.get(f"image_caption_{lang}", ""),
        "credit": event.get(f"image_credit_{lang}", ""),
    }
    if event["id"] in timeline.pictures:
        width, height = proportions(timeline.pictures[event["id"]]) or (None, None)
        return Picture(media_url(event["id"], size), **texts, width=width, height=height)
    if is_web_address(value):
        return Picture(value, **texts) if remote else Picture(None, **texts, link=value)
    return None


def proportions(path: Path) -> tuple[int, int] | None:
    """A raster picture's width and height in pixels (read from its header, kept per file
    and modification time), or None for an SVG or a file that cannot be read now."""
    try:
        return _proportions(path, path.stat().st_mtime_ns)
    except OSError:
        return None


@functools.lru_cache(maxsize=4096)
def _proportions(path: Path, _modified: int) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:  # the header only: the pixels are not decoded
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return (width, height) if width > 0 and height > 0 else None


class _Cache:
    """Finished pictures by (file, its modification, width), the least used dropped first."""

    def __init__(self, limit: int):
        self.limit, self.size = limit, 0
        self.items: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple) -> tuple[bytes, str] | None:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def put(self, key: tuple, value: tuple[bytes, str]) -> None:
        if len(value[0]) > self.limit // 4:
            return
        with self.lock:
            if key not in self.items:
                self.items[key] = value
                self.size += len(value[0])
            while self.size > self.limit:
                _, (data, _) = self.items.popitem(last=False)
                self.size -= len(data)


_CACHE = _Cache(CACHE_BYTES)


def picture_bytes(path: Path, width: int = WIDTHS["full"]) -> tuple[bytes, str]:
    """The file as sent to a screen, and its media type: SVG as it is; a photograph as it
    is when it is at most `width` px wide, else resized to `width` (its EXIF orientation
    applied, its metadata left out). Raises OSError if the file cannot be read as a picture."""
    if picture_type(path.name) == ".svg":
        return path.read_bytes(), SVG_TYPE
    info = path.stat()
    key = (str(path), info.st_mtime_ns, info.st_size, width)
    if (found := _CACHE.get(key)) is not None:
        return found
    result = _resized(path, width)
    _CACHE.put(key, result)
    return result


def _resized(path: Path, width: int) -> tuple[bytes, str]:
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        kind = image.format
        if kind not in _MIME:
            raise OSError(f"not a picture this app sends: {kind}")
        if image.width <= width:
            return path.read_bytes(), _MIME[kind]
        if kind == "JPEG":  # decode at a fraction of the size straight away (much faster)
            image.draft("RGB", (width, max(1, image.height * width // image.width)))
        image.seek(0)  # an animated GIF becomes its first frame
        picture = ImageOps.exif_transpose(image)
        # Halved cheaply first (reducing_gap), then resampled with care: a 12-megapixel
        # photograph takes a tenth of the time of resampling it all at once.
        picture.thumbnail((width, 1_000_000), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    if kind == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    elif kind == "WEBP":
        picture.save(out, "WEBP", quality=85)
    else:  # PNG, and GIF (one frame now) as PNG
        kind = "PNG"
        picture.save(out, "PNG", optimize=True)
    return out.getvalue(), _MIME[kind]


def data_uri(path: Path, width: int = WIDTHS["full"]) -> str:
    """The picture inline, as a `data:` address (for the handout: one file, offline)."""
    data, mime = picture_bytes(path, width)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def inline_picture(
    timeline: Timeline, event: dict, lang: str, remote: bool = False
) -> Picture | None:
    """As `picture_for`, with a file's picture inside its address (`data_uri`), for a page
    that must work as one file; None if the file can no longer be read."""
    picture = picture_for(timeline, event, lang, remote)
    path = timeline.pictures.get(event["id"])
    if picture is None or path is None:
        return picture
    try:
        return replace(picture, src=data_uri(path))
    except OSError:
        return None
