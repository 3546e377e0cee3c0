"""References in Vancouver style, and the links behind them.

Links are built by us from identifiers (DOI, PMID, FDA 510(k) numbers, NICE guidance
numbers) or taken from the `url` column only when it is http(s); nothing else ever
becomes a link.
"""

from __future__ import annotations

import re

from core.load.text import is_web_address, split_list

_FDA_510K = re.compile(r"^K\d{6}$")
_NICE = re.compile(r"^(TA|NG|CG|IPG|QS)\d+$", re.IGNORECASE)
MAX_AUTHORS = 6  # Vancouver: list six, then "et al."


def author_names(authors: str) -> tuple[list[str], bool]:
    """The names of a `|`-separated author list, and whether it ends with 'et al.'."""
    names = list(split_list(authors or ""))
    et_al = bool(names) and names[-1].rstrip(".").lower() == "et al"
    return (names[:-1] if et_al else names), et_al


def _authors(authors: str) -> str:
    names, et_al = author_names(authors)
    if len(names) > MAX_AUTHORS:
        names, et_al = names[:MAX_AUTHORS], True
    return ", ".join(names) + (", et al" if et_al else "")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def format_reference(source: dict[str, str]) -> str:
    """One reference as plain text in Vancouver style.

    >>> format_reference({"authors": "Galibert P|Deramond H", "title": "Note préliminaire",
    ...     "container": "Neurochirurgie", "year": "1987", "volume": "33", "issue": "2",
    ...     "pages": "166-8", "type": "article"})
    'Galibert P, Deramond H. Note préliminaire. Neurochirurgie. 1987;33(2):166-8.'
    """
    get = source.get
    parts = []
    if get("authors"):
        parts.append(_sentence(_authors(get("authors", ""))))
    elif get("container") and get("type") != "article":
        parts.append(_sentence(get("container", "")))  # corporate author
    if get("title"):
        parts.append(_sentence(get("title", "")))
    if get("type") == "article" or get("volume") or get("pages"):
        if get("container"):
            parts.append(_sentence(get("container", "")))
        detail = get("year", "")
        if get("volume"):
            detail += f";{get('volume')}"
        if get("issue"):
            detail += f"({get('issue')})"
        if get("pages"):
            detail += f":{get('pages')}"
        if detail:
            parts.append(_sentence(detail))
    elif get("year"):
        parts.append(_sentence(get("year", "")))
    if get("official_id"):
        parts.append(_sentence(get("official_id", "")))
    if get("doi"):
        parts.append(f"doi:{get('doi')}")
    if get("pmid"):
        parts.append(f"PMID: {get('pmid')}")
    return " ".join(parts)


def reference_links(source: dict[str, str]) -> list[tuple[str, str]]:
    """(label, url) pairs for a reference: DOI, PubMed, the official page, its web address."""
    links = []
    if source.get("doi"):
        links.append(("DOI", f"https://doi.org/{source['doi']}"))
    if source.get("pmid", "").isdigit():
        links.append(("PubMed", f"https://pubmed.ncbi.nlm.nih.gov/{source['pmid']}/"))
    official = source.get("official_id", "")
    if _FDA_510K.match(official):
        url = f"https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfpmn/pmn.cfm?ID={official}"
        links.append((f"FDA {official}", url))
    elif _NICE.match(official) and not source.get("url"):
        links.append(
            (f"NICE {official.upper()}", f"https://www.nice.org.uk/guidance/{official.lower()}")
        )
    url = source.get("url", "")
    if is_web_address(url):
        label = f"NICE {official.upper()}" if _NICE.match(official) else "Web"
        links.append((label, url))
    return links


def source_note(source: dict[str, str], lang: str) -> str:
    """A reference's note in `lang`, or in English when it has none in that language."""
    return source.get(f"note_{lang}") or source.get("note_en", "")
