"""Requests are bounded before anything reads them: the address's length and the body's.

`RequestLimits` is the outermost WSGI layer of the app, so it holds under any server
(Flask's development server, waitress, gunicorn) and before `serving.AnswerCache`, which
reads callback bodies itself:

- a body longer than `MAX_BODY_BYTES` gets a 413 without being read (200 MB bodies were
  read whole, then answered with a 500, leaving workers at 0.5-0.9 GB each); a body sent
  in chunks, with no length given, is read up to the limit and no further;
- a `Content-Length` that is not a number of bytes (`-1` hung a thread of the development
  server, which read until the client gave up) gets a 400;
- an address (path and query) longer than `MAX_ADDRESS_BYTES` gets a 414 page saying so
  in both languages. gunicorn refuses request lines over 4,094 bytes itself, with a bare
  414, before the app sees them; `--limit-request-line 8190` lets the app answer up to 8 KB.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Iterable

from core.i18n import t
from core.load.model import LANGS

# The page's largest callback request is 3.5 KB for the built-in timeline (8 kinds), about
# 40 KB for one of 100 kinds; a refused body costs no more than reading this much.
MAX_BODY_BYTES = 256 * 1024
MAX_ADDRESS_BYTES = 4000  # under gunicorn's default limit of 4,094 for the request line
MAX_ADDRESS_CHARS = 4 * MAX_ADDRESS_BYTES  # an address the page itself may hold (pushed)

Headers = Callable[[], list[tuple[str, str]]]


def _number(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def address_too_long_page(length: int, home: str) -> str:
    """The 414 page, in every language of the app."""
    parts = []
    for lang in LANGS:
        text = t(
            lang,
            "address_too_long_text",
            limit=_number(MAX_ADDRESS_BYTES, lang),
            length=_number(length, lang),
        )
        parts.append(
            f'<section lang="{lang}"><h1>{html.escape(t(lang, "address_too_long_title"))}</h1>'
            f"<p>{html.escape(text)}</p>"
            f'<p><a href="{html.escape(home)}">{html.escape(t(lang, "address_too_long_back"))}</a></p>'
            "</section>"
        )
    title = html.escape(t(LANGS[0], "address_too_long_title"))
    return (
        f'<!DOCTYPE html><html lang="{LANGS[0]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head>"
        '<body style="font: 1.25rem/1.5 sans-serif; max-width: 40rem; margin: 2rem auto; '
        f'padding: 0 1rem"><main>{"".join(parts)}</main></body></html>'
    )


def address_length(environ: dict) -> int:
    """The length of the address as sent (gunicorn and Flask's server give it whole; else
    it is put together again, its path already decoded)."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if raw:
        return len(raw)
    query = environ.get("QUERY_STRING", "")
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    return len(path) + (len(query) + 1 if query else 0)


class RequestLimits:
    """WSGI middleware: refuses what is too long before it is read (see above). `headers`
    gives the headers every answer of the app carries (guard/headers.py)."""

    def __init__(
        self,
        app: Callable,
        headers: Headers,
        max_body: int = MAX_BODY_BYTES,
        max_address: int = MAX_ADDRESS_BYTES,
    ):
        self.app = app
        self.headers = headers
        self.max_body = max_body
        self.max_address = max_address

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        address = address_length(environ)
        if address > self.max_address:
            page = address_too_long_page(address, environ.get("SCRIPT_NAME", "") + "/")
            return self.refuse(start_response, "414 URI Too Long", page, "text/html")
        length = environ.get("CONTENT_LENGTH", "").strip()
        if length:
            if not (length.isascii() and length.isdigit()):
                return self.refuse(
                    start_response,
                    "400 Bad Request",
                    "Bad request: expected a Content-Length that is a number of bytes.\n",
                )
            if int(length) > self.max_body:
                return self.too_large(start_response)
        elif (
            environ.get("wsgi.input_terminated")
            or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        ):
            body = self.read_chunked(environ["wsgi.input"])
            if body is None:
                return self.too_large(start_response)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)

    def read_chunked(self, stream) -> bytes | None:
        """A body of unknown length, read up to the limit: None if it goes past it."""
        parts, size = [], 0
        while size <= self.max_body:
            part = stream.read(min(65536, self.max_body + 1 - size))
            if not part:
                return b"".join(parts)
            parts.append(part)
            size += len(part)
        return None

    def too_large(self, start_response: Callable) -> Iterable[bytes]:
        return self.refuse(
            start_response,
            "413 Content Too Large",
            f"Request too large: expected a body of at most {self.max_body:,} bytes.\n",
        )

    def refuse(
        self, start_response: Callable, status: str, text: str, kind: str = "text/plain"
    ) -> Iterable[bytes]:
        body = text.encode("utf-8")
        headers = [
            ("Content-Type", f"{kind}; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *self.headers(),
        ]
        start_response(status, headers)
        return [body]
