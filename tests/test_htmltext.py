"""html_to_text: what a reader sees is kept, what a browser would run is not."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.load.formats.htmltext import html_to_text

CASES = [
    # (id, html, text)
    ("empty", "", ""),
    ("plain", "Amiens, 1984", "Amiens, 1984"),
    ("entities", "Fish &amp; chips &lt;3 &eacute;t&#233; &#x2014; ok", "Fish & chips <3 été — ok"),
    ("bare ampersand and less-than", "R&D, 1 < 2", "R&D, 1 < 2"),
    ("nbsp collapses", "a&nbsp;&nbsp; b", "a b"),
    ("white space collapsed", "  a \n\t b  ", "a b"),
    ("emphasis kept", "<b>bold</b> <i>it</i> <em>em</em><strong>!</strong>", "bold it em!"),
    ("span", '<span class="tl-note">note</span>', "note"),
    ("paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"),
    ("paragraph with newline inside", "<p>one\ntwo</p>", "one two"),
    ("br", "a<br>b", "a\nb"),
    ("br self-closed", "a<br/>b<br />c", "a\nb\nc"),
    ("two br make a blank line", "a<br><br>b", "a\n\nb"),
    ("three br still one blank line", "a<br><br><br>b", "a\n\nb"),
    ("br before end of p", "<p>a<br></p><p>b</p>", "a\n\nb"),
    ("divs are lines", "<div>a</div><div>b</div>", "a\nb"),
    ("list items are lines", "<ul><li>one</li><li>two</li></ul>after", "one\ntwo\n\nafter"),
    ("unclosed li", "<ol><li>one<li>two</ol>", "one\ntwo"),
    ("heading", "<h2>Title</h2>text", "Title\n\ntext"),
    ("blockquote", "said:<blockquote>Quote</blockquote>", "said:\n\nQuote"),
    ("table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
    ("leading and trailing breaks dropped", "<br><p></p>x<br><br>", "x"),
    ("http link", '<a href="http://example.org/a">the page</a>', "the page (http://example.org/a)"),
    (
        "https link in sentence",
        'See <a href="https://x.org">this</a>.',
        "See this (https://x.org).",
    ),
    ("link text is the url", '<a href="https://x.org/p">https://x.org/p</a>', "https://x.org/p"),
    (
        "link text is the url without scheme",
        '<a href="https://www.x.org/">x.org</a>',
        "https://www.x.org/",
    ),
    ("link with no text", '<a href="https://x.org/p"></a>', "https://x.org/p"),
    (
        "link with emphasis inside",
        '<a href="https://x.org"><b>X</b> site</a>',
        "X site (https://x.org)",
    ),
    ("unclosed link", '<a href="https://x.org">X', "X (https://x.org)"),
    (
        "link href entities decoded",
        '<a href="https://x.org/?a=1&amp;b=2">q</a>',
        "q (https://x.org/?a=1&b=2)",
    ),
    ("upper-case scheme", '<a href="HTTPS://X.ORG">X</a>', "X (HTTPS://X.ORG)"),
    ("space in href encoded", '<a href="https://x.org/a b">X</a>', "X (https://x.org/a%20b)"),
    ("javascript link keeps text only", '<a href="javascript:alert(1)">click</a>', "click"),
    ("javascript link with spaces", '<a href=" JavaScript:alert(1)">click</a>', "click"),
    ("javascript link entity-obfuscated", '<a href="jav&#x09;ascript:alert(1)">click</a>', "click"),
    ("data link", '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', "d"),
    ("vbscript link", '<a href="vbscript:msgbox">v</a>', "v"),
    (
        "mailto and relative links keep text",
        '<a href="mailto:a@b.c">mail</a> <a href="/x">rel</a>',
        "mail rel",
    ),
    ("no host", '<a href="https://">t</a>', "t"),
    ("script dropped with its text", "a<script>alert('x')</script>b", "ab"),
    ("script with markup inside", "a<script>document.write('<p>x</p>')</script> b", "a b"),
    ("style dropped", "<style>p { color: red }</style>text", "text"),
    ("iframe dropped", '<iframe src="https://evil">inner <b>t</b></iframe>ok', "ok"),
    ("object dropped", "<object data=x><param name=a>fallback</object>ok", "ok"),
    ("embed is void", "a <embed src=x> b", "a b"),
    ("template dropped", "<template><p>hidden</p></template>shown", "shown"),
    ("nested hidden", "<object><iframe>x</iframe>y</object>z", "z"),
    ("unclosed script swallows the rest", "a<script>b", "a"),
    ("on attributes dropped", '<p onclick="alert(1)" onmouseover="x()">t</p>', "t"),
    ("img dropped", '<img src=x onerror="alert(1)">t', "t"),
    ("comment dropped", "a<!-- secret -->b", "ab"),
    ("malformed tags", "<p <b>x</p>", "x"),
    ("stray end tags", "</p></div>x</a>", "x"),
    ("unclosed tag at end", "text <b", "text"),
    ("marked section", "<![if !supportLists]>x<![endif]>y", "xy"),
    ("control characters dropped", "a\x00b\x07c", "abc"),
]


@pytest.mark.parametrize(("markup", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(markup: str) -> None:
    assert isinstance(html_to_text(markup), str)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<a href='https://x.org'>",
                "</a>",
                "<script>",
                "</script>",
                "<br>",
                "<div",
                ">",
                "&amp;",
                "&",
                "<",
                "x",
                " ",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<iframe>",
                "</iframe>",
                "<li>",
                '"',
                "'",
                "=",
                "<a href=javascript:x>",
            ]
        ),
        max_size=30,
    )
)
def test_never_raises_on_tag_soup(pieces: list[str]) -> None:
    text = html_to_text("".join(pieces))
    assert isinstance(text, str)
    assert "javascript" not in text


_WORD = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=6))
def test_escaped_text_comes_back(words: list[str]) -> None:
    text = " ".join(words)
    assert html_to_text(html.escape(text, quote=False)) == text


@settings(max_examples=300, deadline=None)
@given(st.text().filter(lambda t: "<" not in t and "&" not in t))
def test_text_without_markup_reads_as_through_the_parser(text: str) -> None:
    assert html_to_text(text) == html_to_text(text + "<b></b>")
