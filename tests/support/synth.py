"""Synthetic timelines for the benchmarks: a valid timeline folder with N events.

    python -m tests.support.synth 10000 out/synth-10000     # writes events.csv, sources.csv, ...

The mix looks like real teaching data: mostly years, then months and days, some
approximate or uncertain dates, periods and windows; titles of 20 to 60 characters;
one to three tags; one or two references per event. Deterministic for a given N.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

KINDS = ("procedure", "technique", "research", "publication", "trial", "guideline", "device")
TAGS = ("haemangioma", "osteoporosis", "metastasis", "vertebroplasty", "kyphoplasty", "imaging")
WORDS = [
    "first",
    "clinical",
    "series",
    "report",
    "trial",
    "cement",
    "spine",
    "fracture",
    "device",
    "guideline",
    "review",
    "approval",
    "registry",
    "outcome",
    "study",
    "vertebral",
    "balloon",
    "injection",
    "needle",
    "imaging",
    "surgeons",
    "society",
    "congress",
    "method",
    "pain",
    "relief",
    "follow-up",
    "results",
    "patients",
    "hospital",
    "national",
]
MOTS = [
    "première",
    "série",
    "clinique",
    "rapport",
    "essai",
    "ciment",
    "rachis",
    "fracture",
    "dispositif",
    "recommandation",
    "revue",
    "autorisation",
    "registre",
    "étude",
    "vertébrale",
    "ballon",
    "injection",
    "aiguille",
    "imagerie",
]
PLACES = ("Amiens", "Lyon", "Paris", "Boston", "Rochester", "Melbourne", "Rome", "Berlin")
FIRST_YEAR, LAST_YEAR = 1900, 2020


def _title(rng: random.Random, words: tuple[str, ...] | list[str]) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8)))
    return text[:60].strip().capitalize()


def _date(rng: random.Random) -> tuple[str, str]:
    """(date, end): a realistic mix of precisions and shapes."""
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    roll = rng.random()
    if roll < 0.40:
        return f"{year}", ""
    if roll < 0.55:
        return f"{year}-{rng.randint(1, 12):02d}", ""
    if roll < 0.70:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", ""
    if roll < 0.78:
        return f"{year}{rng.choice('~?')}", ""
    if roll < 0.90:
        return f"{year}", f"{min(LAST_YEAR, year + rng.randint(1, 12))}"
    if roll < 0.95:
        return f"{year}/{min(LAST_YEAR + 1, year + rng.randint(1, 6))}", ""
    if roll < 0.98:
        return f"[{year}..{min(LAST_YEAR + 1, year + rng.randint(1, 6))}]", ""
    return f"{str(year)[:3]}X", ""


def write_timeline(count: int, folder: str | Path, seed: int = 6) -> Path:
    """Write a timeline of `count` events into `folder`; return the events.csv path."""
    rng = random.Random(seed + count)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source_count = max(5, count // 10)
    _write(
        folder / "vocabulary.csv",
        ["type", "id", "group", "label_en", "label_fr"],
        [["group", "indication", "", "Indication", "Indication"]]
        + [["kind", k, "", k.capitalize(), k.capitalize()] for k in KINDS]
        + [["tag", t, "indication", t.capitalize(), t.capitalize()] for t in TAGS],
    )
    _write(
        folder / "eras.csv",
        ["id", "start", "end", "label_en", "label_fr"],
        [
            [f"era-{y}", str(y), str(y + 29), f"The years {y}-{y + 29}", f"Les années {y}"]
            for y in range(FIRST_YEAR, LAST_YEAR, 30)
        ],
    )
    _write(
        folder / "sources.csv",
        ["id", "type", "authors", "title", "container", "year", "pages", "pmid"],
        [
            [
                f"src-{n}",
                "article",
                "Smith J|Martin P",
                _title(rng, WORDS),
                "Spine",
                str(rng.randint(FIRST_YEAR, LAST_YEAR)),
                "1-9",
                str(1000000 + n),
            ]
            for n in range(source_count)
        ],
    )
    header = ["id", "date", "end", "kind", "tags", "place_en", "people", "title_en", "title_fr"]
    header += ["summary_en", "summary_fr", "sources", "certainty"]
    rows = []
    for n in range(count):
        date, end = _date(rng)
        title = _title(rng, WORDS)
        rows.append(
            [
                f"event-{n}",
                date,
                end,
                rng.choice(KINDS),
                "|".join(rng.sample(TAGS, rng.randint(1, 3))),
                rng.choice(PLACES),
                "Jane Doe|Pierre Martin" if n % 3 else "",
                title,
                _title(rng, MOTS),
                f"{title}. " + " ".join(rng.choice(WORDS) for _ in range(25)) + ".",
                " ".join(rng.choice(MOTS) for _ in range(20)) + ".",
                "|".join(f"src-{rng.randrange(source_count)}" for _ in range(rng.randint(1, 2))),
                rng.choice(("verified", "secondary", "source-text")),
            ]
        )
    return _write(folder / "events.csv", header, rows)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m tests.support.synth COUNT FOLDER")
    print(write_timeline(int(sys.argv[1]), sys.argv[2]))
