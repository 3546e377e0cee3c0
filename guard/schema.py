"""What a value sent by the page may be: a light schema, written beside each component.

    Text(200)                      a text of at most 200 characters
    Choice("en", "fr")             one of these values
    Number(0, 10_000, whole=True)  a number in a range (whole: no fraction)
    ListOf(Text(60), 1_000)        a list of at most 1,000 such items (`length=2`: exactly 2)
    OrNone(schema)                 null, or what `schema` takes
    Record(value=Text(60))         an object with these keys (others: `Json`)
    Json()                         any JSON of bounded depth and size

`schema.check(value)` is None when the value fits, else what was wrong, as the app's
messages say it: "expected X, found Y" (for the first item or key that does not fit).
Plain Python, so the checks are tested in milliseconds (tests/test_guard.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

MAX_DEPTH = 8  # of lists and objects inside one another in a `Json` value
MAX_ITEMS = 1_000  # in one list or object of a `Json` value


def describe(value: object) -> str:
    """What a value is, briefly (never the whole of a long one)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}" if abs(value) < 1e15 else "a very large number"
    if isinstance(value, str):
        if len(value) <= 30:
            return repr(value)
        return f"a text of {len(value):,} characters"
    if isinstance(value, list):
        return f"a list of {len(value):,} items"
    if isinstance(value, dict):
        return f"an object of {len(value):,} keys"
    return type(value).__name__


class Schema:
    expected: str

    def fits(self, value: object) -> bool:
        return self.check(value) is None

    def check(self, value: object) -> str | None:
        raise NotImplementedError

    def wrong(self, value: object) -> str:
        return f"expected {self.expected}, found {describe(value)}"


@dataclass(frozen=True)
class Text(Schema):
    max_chars: int

    @property
    def expected(self) -> str:
        return f"a text of at most {self.max_chars:,} characters"

    def check(self, value: object) -> str | None:
        if isinstance(value, str) and len(value) <= self.max_chars:
            return None
        return self.wrong(value)


@dataclass(frozen=True)
class Choice(Schema):
    values: tuple

    def __init__(self, *values: object):
        object.__setattr__(self, "values", values)

    @property
    def expected(self) -> str:
        return "one of " + ", ".join(repr(v) for v in self.values)

    def check(self, value: object) -> str | None:
        # by type too: True == 1 and 1 == 1.0 in Python, not for the page
        if any(type(value) is type(v) and value == v for v in self.values):
            return None
        return self.wrong(value)


@dataclass(frozen=True)
class Number(Schema):
    low: float
    high: float
    whole: bool = False

    @property
    def expected(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        return f"{kind} from {self.low:,} to {self.high:,}"

    def check(self, value: object) -> str | None:
        kinds = int if self.whole else int | float
        if not isinstance(value, kinds) or isinstance(value, bool):
            return self.wrong(value)
        if isinstance(value, float) and not math.isfinite(value):
            return self.wrong(value)
        return None if self.low <= value <= self.high else self.wrong(value)


@dataclass(frozen=True)
class ListOf(Schema):
    item: Schema
    max_items: int = MAX_ITEMS
    length: int | None = None

    @property
    def expected(self) -> str:
        count = (
            f"exactly {self.length}" if self.length is not None else f"at most {self.max_items:,}"
        )
        return f"a list of {count} items, each {self.item.expected}"

    def check(self, value: object) -> str | None:
        if not isinstance(value, list):
            return self.wrong(value)
        if len(value) > self.max_items or self.length not in (None, len(value)):
            return self.wrong(value)
        for index, item in enumerate(value):
            problem = self.item.check(item)
            if problem is not None:
                return f"item {index}: {problem}"
        return None


@dataclass(frozen=True)
class OrNone(Schema):
    schema: Schema

    @property
    def expected(self) -> str:
        return f"null or {self.schema.expected}"

    def check(self, value: object) -> str | None:
        return None if value is None else self.schema.check(value)


@dataclass(frozen=True)
class Json(Schema):
    max_depth: int = MAX_DEPTH
    max_items: int = MAX_ITEMS
    max_chars: int = 10_000

    @property
    def expected(self) -> str:
        return f"JSON at most {self.max_depth} levels deep"

    def check(self, value: object, depth: int = 0) -> str | None:
        if value is None or isinstance(value, bool | int | str):
            if isinstance(value, str) and len(value) > self.max_chars:
                return f"expected texts of at most {self.max_chars:,} characters, found {describe(value)}"
            return None
        if isinstance(value, float):
            return None if math.isfinite(value) else self.wrong(value)
        if not isinstance(value, list | dict) or depth >= self.max_depth:
            return self.wrong(value)
        if len(value) > self.max_items:
            return f"expected at most {self.max_items:,} items, found {describe(value)}"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str) and len(key) > self.max_chars:
                return f"expected keys of at most {self.max_chars:,} characters"
            problem = self.check(item, depth + 1)
            if problem is not None:
                return problem
        return None


@dataclass(frozen=True)
class Record(Schema):
    fields: dict = field(hash=False)
    others: Schema | None = None  # what keys not in `fields` may hold; None: no other keys

    def __init__(self, others: Schema | None = None, **fields: Schema):
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "others", others)

    @property
    def expected(self) -> str:
        return "an object with " + ", ".join(self.fields)

    def check(self, value: object) -> str | None:
        if not isinstance(value, dict) or not set(self.fields) <= set(value):
            return self.wrong(value)
        if len(value) > len(self.fields) + MAX_ITEMS:
            return self.wrong(value)
        for key, item in value.items():
            schema = self.fields.get(key, self.others)
            if schema is None:
                return f"expected {self.expected}, found a key {describe(key)}"
            problem = schema.check(item)
            if problem is not None:
                return f"{key}: {problem}"
        return None


# What several components send.
COUNT = Number(0, 2**53, whole=True)  # clicks and intervals counted by the page
YEAR = Number(-1_000_000, 1_000_000, whole=True)


@dataclass(frozen=True)
class Said(Schema):
    """A `core.i18n.Message` as the page keeps it (`Message.to_data`): one of these keys,
    with a text or whole number for exactly each of its placeholders. Anything else would
    raise as it is written out (an unknown key, a missing value)."""

    placeholders: dict = field(hash=False)  # key -> the names of its placeholders
    max_chars: int = 500  # of one value

    @property
    def expected(self) -> str:
        return "a message of the app's"

    def check(self, value: object) -> str | None:
        if not isinstance(value, dict) or set(value) != {"key", "values"}:
            return self.wrong(value)
        key, values = value["key"], value["values"]
        if not isinstance(key, str) or key not in self.placeholders:
            return f"expected {self.expected}, found the key {describe(key)}"
        if not isinstance(values, dict) or set(values) != self.placeholders[key]:
            return f"expected the values {sorted(self.placeholders[key])}, found {describe(values)}"
        for item in values.values():
            text = isinstance(item, str) and len(item) <= self.max_chars
            number = isinstance(item, int) and not isinstance(item, bool) and abs(item) < 2**53
            if not (text or number):
                return f"expected {self.expected}, found {describe(item)}"
        return None
