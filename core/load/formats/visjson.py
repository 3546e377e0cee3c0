"""vis-timeline data files read as the app's events, eras and groups.

A vis-timeline (visjs/vis-timeline, version 8) page is fed a list of items, often kept in a
JSON file: either the list itself or {"items": [...], "groups": [...]}. This module reads
such data (already parsed from JSON) into the same `Converted` as the TimelineJS reader:

- item `start` / `end` -> EDTF `date` / `end`, as `visdates` reads them: ISO strings at
  the precision written ('2013-04-24', '1984-05', '1984', '-000044'), or milliseconds
  since 1970 as a UTC day; a time of day other than midnight goes to `time` / `end_time`.
- `content` (HTML) -> `title`, through `html_to_text`; the `title` attribute (an HTML
  tooltip) -> `summary`.
- `group` -> the group's `content` as text; nested groups (`nestedGroups`) are named by
  their path, 'Parent / Child'. Without a `groups` list, the group id is the name.
- `type`: 'background' makes an era (label: its content); 'box', 'point' and 'range' make
  events, and a box or point draws no end (an `end` there is ignored, with a warning).
  `className`, `style`, `subgroup`, `editable` and the like are ignored.

Problems name the item by its position: row = index + 1 ("item 3" is row 3), column = the
field name.
"""

from __future__ import annotations

from typing import Any

from core.i18n import Message, message

from .converted import ERROR, EVENT_KEYS, WARNING, Converted, Problem, quote
from .htmltext import html_to_text
from .visdates import VisDateError, parse_vis_date

__all__ = ["convert", "Converted"]

TYPES = ("box", "point", "range", "background")


def _text(value: object) -> str:
    """An HTML field (content, title) as plain text; numbers are taken as their text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return html_to_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise TypeError(type(value).__name__)


def _group_names(groups: list[Any], problems: list[Problem]) -> dict[Any, str]:
    """Each group id's name: its content as text, nested groups as 'Parent / Child'."""
    own: dict[Any, str] = {}
    parent: dict[Any, Any] = {}
    children: list[tuple[int, Any, list[Any]]] = []
    for index, group in enumerate(groups):
        if not isinstance(group, dict) or group.get("id") is None:
            problems.append(
                (
                    None,
                    "groups",
                    message("vis_bad_group", number=index + 1, found=quote(group)),
                    WARNING,
                )
            )
            continue
        key = group["id"]
        try:
            name = _text(group.get("content"))
        except TypeError:
            name = ""
        own[key] = name or str(key)
        nested = group.get("nestedGroups")
        if isinstance(nested, list):
            children.append((index, key, nested))
    for index, key, nested in children:
        for child in nested:
            if child not in own:
                problems.append(
                    (
                        None,
                        "groups",
                        message("vis_bad_nested", number=index + 1, found=quote(child)),
                        WARNING,
                    )
                )
            elif child not in parent and child != key:
                parent[child] = key

    def path(key: Any) -> str:
        names, seen = [], set()
        while key is not None and key not in seen:
            seen.add(key)
            names.append(own[key])
            key = parent.get(key)
        return " / ".join(reversed(names))

    return {key: path(key) for key in own}


def _lookup(names: dict[Any, str], key: Any) -> str | None:
    if key in names:
        return names[key]
    by_text = {str(k): v for k, v in names.items()}
    return by_text.get(str(key))


def _split(data: object, result: Converted) -> tuple[list[Any], list[Any] | None] | None:
    if isinstance(data, list):
        return data, None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        groups = data.get("groups")
        if groups is not None and not isinstance(groups, list):
            result.problems.append(
                (
                    None,
                    "groups",
                    message("vis_groups_not_list", found=quote(groups)),
                    WARNING,
                )
            )
            groups = None
        return data["items"], groups
    result.problems.append(
        (
            None,
            None,
            message("vis_not_items", found=quote(data)),
            ERROR,
        )
    )
    return None


def convert(data: object, file_name: str) -> Converted:
    """Read vis-timeline data (parsed JSON) into the app's events and eras.

    Every problem is collected; an item with an error gives no event. `file_name` is only
    quoted in whole-file messages.
    """
    result = Converted()
    split = _split(data, result)
    if split is None:
        return result
    items, groups = split
    names = _group_names(groups, result.problems) if groups is not None else None
    for index, item in enumerate(items):
        _read_item(index + 1, item, names, result)
    if not result.events and not result.eras and not result.errors:
        result.problems.append((None, None, message("vis_no_items", file=file_name), ERROR))
    return result


def _read_item(row: int, item: object, names: dict[Any, str] | None, result: Converted) -> None:
    problems = result.problems
    failed = False

    def error(column: str | None, what: Message) -> None:
        nonlocal failed
        failed = True
        problems.append((row, column, what, ERROR))

    def warn(column: str | None, what: Message) -> None:
        problems.append((row, column, what, WARNING))

    if not isinstance(item, dict):
        error(None, message("vis_bad_item", found=quote(item)))
        return
    has_end = item.get("end") not in (None, "")
    kind = item.get("type")
    if kind is not None and kind not in TYPES:
        warn(
            "type",
            message("vis_unknown_type", found=quote(kind)),
        )
        kind = None
    kind = kind or ("range" if has_end else "box")

    start = end = None
    start_time = end_time = ""
    if item.get("start") in (None, ""):
        error("start", message("vis_no_start"))
    else:
        try:
            start, start_time, note = parse_vis_date(item["start"])
            if note:
                warn("start", note)
        except VisDateError as exc:
            error("start", exc.what)
    if has_end:
        if kind in ("box", "point"):
            warn(
                "end",
                message("vis_end_ignored", kind=kind),
            )
        else:
            try:
                end, end_time, note = parse_vis_date(item["end"])
                if note:
                    warn("end", note)
            except VisDateError as exc:
                error("end", exc.what)
    elif kind == "range":
        warn("end", message("vis_range_no_end"))
    elif kind == "background":
        error(
            "end",
            message("vis_background_no_end"),
        )
    if start is not None and end is not None and end.last < start.first:
        error("end", message("vis_end_before_start", start=start.plain, end=end.plain))

    fields: dict[str, str] = {}
    unreadable = False
    for column in ("content", "title"):
        try:
            fields[column] = _text(item.get(column))
        except TypeError:
            error(column, message("vis_not_text", found=quote(item.get(column))))
            fields[column] = ""
            unreadable = True
    group = ""
    key = item.get("group")
    if key is not None and kind != "background":
        if names is None:
            group = str(key)
        else:
            found = _lookup(names, key)
            if found is None:
                warn(
                    "group",
                    message("vis_unknown_group", found=quote(key)),
                )
                group = str(key)
            else:
                group = found
    if kind != "background" and not unreadable and not fields["content"] and not fields["title"]:
        error("content", message("vis_no_content"))
    if failed or start is None:
        return
    if kind == "background":
        assert end is not None
        result.eras.append(
            (row, {"start": start.plain, "end": end.plain, "label": fields["content"]})
        )
        return
    event = dict.fromkeys(EVENT_KEYS, "")
    event.update(
        date=start.plain,
        end=end.plain if end is not None else "",
        time=start_time,
        end_time=end_time if end is not None else "",
        title=fields["content"],
        summary=fields["title"],
        group=group,
    )
    result.events.append((row, event))
