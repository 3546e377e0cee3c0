"""HTML from other timeline tools, made into the plain text this app shows.

TimelineJS sheets and vis-timeline files carry HTML in their text cells (headlines, text,
captions, tooltips). The app shows text, never HTML, and makes http(s) addresses into
links itself. So this module keeps what a reader sees and nothing a browser would run:

- paragraphs and line breaks: <p>, <div>, <li>, <br>, headings, <blockquote>, table rows
  and the like become line breaks; a paragraph ends with a blank line; two <br> in a row
  also leave a blank line;
- the visible text of everything else (emphasis, spans, ...), with entities decoded and
  runs of white space made one space;
- each link whose href is http:// or https:// as "text (URL)", or just the URL when the
  text is the URL; any other link (javascript:, data:, vbscript:, mailto:, relative) keeps
  its text only;
- nothing of script, style, iframe, object, template and their like, not even their text;
  attributes (on* handlers, style, src) are never read, except a link's href.

It uses only the standard library's `html.parser`, and never raises: malformed markup gives
whatever text could be read.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from core.load.text import is_web_address

__all__ = ["html_to_text"]

# Elements whose content is never shown: their text is dropped with them.
_HIDDEN = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "template",
        "noscript",
        "noembed",
        "noframes",
        "head",
        "title",
        "svg",
        "math",
        "applet",
        "frameset",
        "audio",
        "video",
        "canvas",
        "select",
        "datalist",
        "textarea",
    }
)
# Void elements have no content and no end tag: `<embed src=x>text` shows "text".
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Blocks that end a paragraph (a blank line around them) ...
_PARAGRAPH = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "ul",
        "ol",
        "dl",
        "table",
        "pre",
        "figure",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "address",
        "hr",
        "fieldset",
        "details",
    }
)
# ... and blocks that only start a new line.
_LINE = frozenset(
    {
        "div",
        "li",
        "dt",
        "dd",
        "tr",
        "caption",
        "figcaption",
        "summary",
        "legend",
        "center",
    }
)
_CELL = frozenset({"td", "th"})

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UNFINISHED = re.compile(r"<[a-zA-Z/!?]")
_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f<>\"]")


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", _CONTROL.sub("", text))


def _clean_url(href: str) -> str:
    """The href as it can stand in text: white space, controls and quotes percent-encoded."""
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), href)


def _same_address(text: str, url: str) -> bool:
    """Whether a link's text already says its address (scheme, 'www.', trailing '/' aside)."""

    def bare(value: str) -> str:
        value = re.sub(r"^https?://", "", value.strip(), flags=re.IGNORECASE)
        return value.removeprefix("www.").rstrip("/").casefold()

    return bool(text) and bare(text) == bare(url)


class _TextExtractor(HTMLParser):
    """Collects text and break tokens; `text()` joins them into the final string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # tokens: a str is text (already collapsed); an int is a break:
        # 1 = start a new line, 2 = leave a blank line, -1 = a <br> (they add up)
        self._tokens: list[str | int] = []
        self._hidden: list[str] = []  # open hidden elements, innermost last
        self._link: tuple[str, int] | None = None  # (safe href or "", token index at <a>)

    # --- tokens ---------------------------------------------------------------------

    def _break(self, kind: int) -> None:
        if not self._hidden:
            self._tokens.append(kind)

    def handle_data(self, data: str) -> None:
        if not self._hidden and data:
            self._tokens.append(_collapse(data))

    # --- tags -----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:
            if tag in _HIDDEN:
                self._hidden.append(tag)
            return
        if tag in _HIDDEN:
            self._hidden.append(tag)
            return
        if tag == "a":
            self._close_link()
            href = next((v for k, v in attrs if k == "href" and v), "") or ""
            href = href.strip()
            safe = _clean_url(href) if is_web_address(href) else ""
            self._link = (safe, len(self._tokens))
        elif tag == "br":
            self._break(-1)
        elif tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        elif tag in _CELL:
            self._tokens.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <p/>, <script/>: nothing is opened, whatever the tag
        if self._hidden:
            return
        if tag == "br":
            self._break(-1)
        elif tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag in self._hidden:
                # close it and anything left open inside it
                while self._hidden and self._hidden.pop() != tag:
                    pass
            return
        if tag == "a":
            self._close_link()
        elif tag == "br":  # </br> is read as <br> by browsers
            self._break(-1)
        elif tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        elif tag in _CELL:
            self._tokens.append(" ")

    def _close_link(self) -> None:
        if self._link is None:
            return
        href, start = self._link
        self._link = None
        if not href:
            return
        shown = " ".join(
            t for t in (tok.strip() for tok in self._tokens[start:] if isinstance(tok, str)) if t
        )
        if not shown:
            self._tokens.append(href)
        elif _same_address(shown, href):
            # replace the text by the full address, so that the app can make it a link
            del self._tokens[start:]
            self._tokens.append(href)
        else:
            self._tokens.append(f" ({href})")

    # --- result ---------------------------------------------------------------------

    def text(self) -> str:
        self._close_link()
        out: list[str] = []
        brs = 0
        block = 0
        for token in self._tokens:
            if isinstance(token, int):
                if token < 0:
                    brs += 1
                else:
                    block = max(block, token)
                continue
            if not token.strip():
                if out and (brs or block) == 0:
                    out.append(" ")
                continue
            newlines = min(2, max(brs, block))
            if newlines and out:
                out.append("\n" * newlines)
            brs = block = 0
            out.append(token)
        lines = "".join(out).split("\n")
        text = "\n".join(_SPACE.sub(" ", line).strip() for line in lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment, as plain text with paragraphs kept.

    >>> html_to_text('<p>Read <a href="https://example.org">this</a>.</p><p>Then &amp; now</p>')
    'Read this (https://example.org).\\n\\nThen & now'
    """
    if not html:
        return ""
    if not isinstance(html, str):
        html = str(html)
    if "<" not in html and "&" not in html:
        return _collapse(html).strip()  # no markup (most cells): same text, 3 times faster
    parser = _TextExtractor()
    try:
        parser.feed(html)
        if _UNFINISHED.match(parser.rawdata):
            # a tag or comment cut off by the end of the text: browsers show none of it
            parser.rawdata = ""
        parser.close()
    except Exception:  # noqa: BLE001 - malformed markup gives what was read, never an error
        pass
    try:
        return parser.text()
    except Exception:  # noqa: BLE001 - defensive: text() works on plain tokens only
        return _collapse(re.sub(r"<[^>]*>", " ", html)).strip()
