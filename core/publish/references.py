"""The filtered events as a spreadsheet, and their references for a reference manager.

Pure functions from loaded data to text: CSV (with the columns of events.csv, so the file
loads back into the app), BibTeX, RIS and CSL-JSON (for Zotero, EndNote, Mendeley...).
Only the references cited by the events given are exported, each once.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

import pandas as pd

from core.load.model import LANGS, TEXT_FIELDS
from core.publish.citations import author_names, reference_links

# A spreadsheet runs a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Dates are validated EDTF (a BCE year starts with '-'), so they are safe as they are.
SAFE_COLUMNS = ("date", "end")
CSV_COLUMNS = (
    "id",
    "date",
    "end",
    "kind",
    "tags",
    "people",
    "sources",
    "certainty",
    "image",
    *(f"{name}_{lang}" for name in TEXT_FIELDS for lang in LANGS),
)
LIST_COLUMNS = ("tags", "people", "sources")


def safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: formula-like values get a leading quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def events_csv(events: pd.DataFrame) -> str:
    """The events as CSV, one row each, in the columns of events.csv."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in events.to_dict("records"):
        row = []
        for column in CSV_COLUMNS:
            # `date` holds the whole EDTF, a period included; the frame's `end` is a number
            value = "" if column == "end" else event.get(column, "")
            if column in LIST_COLUMNS:
                value = "|".join(value)
            value = "" if value is None else str(value)
            row.append(value if column in SAFE_COLUMNS else safe_cell(value))
        writer.writerow(row)
    return out.getvalue()


def cited_sources(events: pd.DataFrame, sources: dict[str, dict[str, str]]) -> list[dict]:
    """The references the events cite, each once, in the order they are first cited."""
    ids = dict.fromkeys(s for cited in events["sources"] for s in cited if s in sources)
    return [{"id": source_id, **sources[source_id]} for source_id in ids]


# --- names, pages, types -----------------------------------------------------------------


def _people(authors: str) -> tuple[list[tuple[str, str]], bool]:
    """Vancouver names ('Le Gars D') as (family, given initials) pairs, and whether 'et al.'."""
    names, et_al = author_names(authors)
    people = []
    for name in names:
        family, _, initials = name.rpartition(" ")
        if family and initials.isalpha() and initials.isupper() and len(initials) <= 4:
            people.append((family, " ".join(f"{c}." for c in initials)))
        else:
            people.append((name, ""))
    return people, et_al


def _pages(pages: str) -> tuple[str, str]:
    """First and last page, with an abbreviated last page written out ('166-8' -> 166, 168)."""
    first, _, last = (pages or "").partition("-")
    first, last = first.strip(), last.strip()
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first, last


# type in sources.csv -> (BibTeX entry type, RIS type, CSL type)
TYPES = {
    "article": ("article", "JOUR", "article-journal"),
    "guideline": ("techreport", "RPRT", "report"),
    "regulatory": ("misc", "GOVDOC", "report"),
    "press": ("misc", "GEN", "article"),
    "company": ("misc", "GEN", "article"),
    "encyclopedia": ("misc", "ENCYC", "entry-encyclopedia"),
    "proceedings": ("inproceedings", "CPAPER", "paper-conference"),
}
DEFAULT_TYPE = ("misc", "GEN", "document")


def _web_address(source: dict) -> str:
    """The reference's own page: its url, else the official page built from its identifier."""
    links = [url for label, url in reference_links(source) if label not in ("DOI", "PubMed")]
    return links[0] if links else ""


# --- BibTeX ------------------------------------------------------------------------------

_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def tex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, braces balanced."""
    return "".join(_TEX.get(c, c) for c in " ".join(text.split()))


def _bib_key(source_id: str, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_:-]", "", source_id) or "ref"
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key


def bibtex(sources: Iterable[dict]) -> str:
    entries, used = [], set()
    for source in sources:
        get = source.get
        entry_type = TYPES.get(get("type", ""), DEFAULT_TYPE)[0]
        people, et_al = _people(get("authors", ""))
        names = [f"{tex_escape(f)}, {tex_escape(g)}" if g else tex_escape(f) for f, g in people]
        if et_al:
            names.append("others")
        first, last = _pages(get("pages", ""))
        container = tex_escape(get("container", ""))
        fields = [
            ("author", " and ".join(names)),
            ("title", tex_escape(get("title", ""))),
            ("journal" if entry_type == "article" else "", container),
            ("booktitle" if entry_type == "inproceedings" else "", container),
            ("institution" if entry_type == "techreport" else "", container),
            ("publisher" if entry_type == "misc" else "", container),
            ("year", tex_escape(get("year", ""))),
            ("volume", tex_escape(get("volume", ""))),
            ("number", tex_escape(get("issue", "") or get("official_id", ""))),
            ("pages", tex_escape(f"{first}--{last}" if last else first)),
            ("doi", re.sub(r"[{}\\\s]", "", get("doi", ""))),
            ("pmid", re.sub(r"\D", "", get("pmid", ""))),
            ("url", re.sub(r"[{}\\\s]", "", _web_address(source))),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if name and value)
        entries.append(f"@{entry_type}{{{_bib_key(get('id', ''), used)},\n{body}\n}}\n")
    return "\n".join(entries)


# --- RIS ---------------------------------------------------------------------------------


def _ris_value(text: str) -> str:
    return " ".join((text or "").split())


def ris(sources: Iterable[dict]) -> str:
    lines: list[str] = []
    for source in sources:
        get = source.get
        kind = TYPES.get(get("type", ""), DEFAULT_TYPE)[1]
        people, _ = _people(get("authors", ""))
        tags = [("TY", kind)]
        tags += [("AU", f"{family}, {given}" if given else family) for family, given in people]
        tags.append(("TI", get("title", "")))
        if kind == "JOUR":
            tags += [("T2", get("container", "")), ("JO", get("container", ""))]
        else:
            tags.append(("PB", get("container", "")))
        first, last = _pages(get("pages", ""))
        tags += [
            ("PY", get("year", "")),
            ("VL", get("volume", "")),
            ("IS", get("issue", "")),
            ("SP", first),
            ("EP", last),
            ("M1", get("official_id", "")),
            ("DO", get("doi", "")),
            ("AN", get("pmid", "")),
            ("UR", _web_address(source)),
            ("N1", get("note_en", "")),
        ]
        lines += [f"{tag}  - {_ris_value(value)}" for tag, value in tags if _ris_value(value)]
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


# --- CSL-JSON ----------------------------------------------------------------------------


def csl_json(sources: Iterable[dict]) -> str:
    items = []
    for source in sources:
        get = source.get
        kind = TYPES.get(get("type", ""), DEFAULT_TYPE)[2]
        people, _ = _people(get("authors", ""))
        item: dict = {"id": get("id", ""), "type": kind, "title": get("title", "")}
        if people:
            item["author"] = [{"family": f, "given": g} if g else {"literal": f} for f, g in people]
        elif get("container") and kind != "article-journal":
            item["author"] = [{"literal": get("container", "")}]
        container_key = "container-title" if kind != "report" else "publisher"
        first, last = _pages(get("pages", ""))
        optional = {
            container_key: get("container", ""),
            "volume": get("volume", ""),
            "issue": get("issue", ""),
            "page": f"{first}-{last}" if last else first,
            "number": get("official_id", ""),
            "DOI": get("doi", ""),
            "PMID": get("pmid", ""),
            "URL": _web_address(source),
            "note": get("note_en", ""),
        }
        item.update({k: v for k, v in optional.items() if v})
        if get("year", "").isdigit():
            item["issued"] = {"date-parts": [[int(get("year", ""))]]}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


FORMATS = {
    "csv": ("events.csv", "text/csv"),
    "bib": ("references.bib", "application/x-bibtex"),
    "ris": ("references.ris", "application/x-research-info-systems"),
    "json": ("references.json", "application/vnd.citationstyles.csl+json"),
}


def export(fmt: str, events: pd.DataFrame, sources: dict[str, dict[str, str]]) -> str:
    """The text of one export format (a key of FORMATS) for these events."""
    if fmt == "csv":
        return events_csv(events)
    cited = cited_sources(events, sources)
    return {"bib": bibtex, "ris": ris, "json": csl_json}[fmt](cited)
