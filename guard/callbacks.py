"""Callback requests are checked against what the page can send, before Dash runs them.

Dash runs whatever a callback request holds: a malformed one (`lang` null, a text for the
year range, JSON `null` or `[]`, too few inputs) raised inside a callback or inside Dash,
and got a 500 with its traceback in the log (65 of 124 wrong shapes did). Here each
request to an app's `_dash-update-component` is checked first, in a `before_request`
hook, so under any server:

- its shape, against the app's `callback_map`: a callback the server runs, its outputs,
  then its inputs and state in order, each with its component id and property;
- each value, against the schema (guard/schema.py) declared for that component property
  by the module that makes the component (`expect`, in each `register`). Every input and
  state of every server callback must have one: `install` refuses to start otherwise, so
  a new callback cannot go unchecked.

A request that passes is one the page could have sent; any other gets a 400 with one line
saying what was wrong (no traceback, and one short line in the log).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from dash import Dash
from dash._utils import split_callback_id, stringify_id
from flask import Response, request

from guard.schema import Json, ListOf, Schema, describe

EXPECTED = "timeline.expected"  # app.server.extensions[EXPECTED]: {"id.property": Schema}
KEYS = {"output", "outputs", "inputs", "state", "changedPropIds", "parsedChangedPropsIds"}
ITEM_KEYS = {"id", "property", "value"}  # of one input or state
MAX_MATCHES = 100  # components one pattern-matching input (ALL) may match
MAX_ID_CHARS = 200  # a wildcard's value in a component id
_ANY_OF = (["ALL"], ["ALLSMALLER"])  # wildcards that match a list of components

log = logging.getLogger(__name__)


def expect(app: Dash, schemas: Mapping[tuple[str, str], Schema]) -> None:
    """Declare what the page can send for these (component id, property) pairs. A
    pattern-matching id is given as `pattern({"type": "dismiss-notice", "index": ALL})`."""
    table = app.server.extensions.setdefault(EXPECTED, {})
    for (component, prop), schema in schemas.items():
        key = f"{component}.{prop}"
        if table.setdefault(key, schema) != schema:
            raise ValueError(f"{key} is declared twice, differently: {table[key]} and {schema}")


def pattern(component: dict) -> str:
    """A pattern-matching component id as the callback map names it."""
    return stringify_id(component)


def unchecked(app: Dash) -> list[str]:
    """The inputs and state of `app`'s server callbacks that have no declared schema."""
    table = app.server.extensions.get(EXPECTED, {})
    return sorted(
        {
            f"{item['id']}.{item['property']}"
            for spec in app.callback_map.values()
            if "callback" in spec
            for item in (*spec["inputs"], *spec["state"])
            if f"{item['id']}.{item['property']}" not in table
        }
    )


def install(app: Dash) -> None:
    """Check every request to `app`'s callbacks (see above)."""
    missing = unchecked(app)
    if missing:
        raise RuntimeError(f"callback inputs with no declared schema (guard.expect): {missing}")
    path = app.config.routes_pathname_prefix + "_dash-update-component"
    callbacks, schemas = app.callback_map, app.server.extensions[EXPECTED]

    def check_callback_request() -> Response | None:
        if request.path != path or request.method != "POST":
            return None
        try:
            body = json.loads(request.get_data(cache=True))
        except (ValueError, RecursionError):
            problem = "expected a JSON body"
        else:
            problem = problem_with(body, callbacks, schemas)
        if problem is None:
            return None
        log.info("refused a callback request to %s: %s", path, problem[:200])
        return Response(f"Bad callback request: {problem}\n", 400, mimetype="text/plain")

    app.server.before_request(check_callback_request)


def problem_with(body: object, callbacks: Mapping, schemas: Mapping[str, Schema]) -> str | None:
    """What is wrong with a callback request's body, or None if the page could have sent it."""
    if not isinstance(body, dict):
        return f"expected a JSON object, found {describe(body)}"
    unknown = set(body) - KEYS
    if unknown:
        return f"expected only the keys {sorted(KEYS)}, found {describe(sorted(unknown)[0])}"
    output = body.get("output")
    spec = callbacks.get(output) if isinstance(output, str) else None
    if spec is None or "callback" not in spec:
        return f"expected the output of a callback of the app, found {describe(output)}"
    expected = split_callback_id(output)
    outputs = body.get("outputs")
    if not _same_outputs(outputs, expected):
        return f"expected the outputs of {output[:100]}, found {describe(outputs)}"
    changeable: set[str] = set()
    for part, specs in (("inputs", spec["inputs"]), ("state", spec["state"])):
        values = body.get(part, [])
        if not isinstance(values, list) or len(values) != len(specs):
            return f"expected {len(specs)} {part}, found {describe(values)}"
        for value, item_spec in zip(values, specs, strict=True):
            problem = _input_problem(
                value, item_spec, schemas, changeable if part == "inputs" else set()
            )
            if problem is not None:
                return problem
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or len(changed) > len(changeable):
        return f"expected a list of the inputs that changed, found {describe(changed)}"
    stray = next((c for c in changed if not isinstance(c, str) or c not in changeable), None)
    if stray is not None:
        return f"expected an input of the callback as changed, found {describe(stray)}"
    parsed = body.get("parsedChangedPropsIds", [])
    problem = ListOf(Json(max_depth=2), len(changeable)).check(parsed)
    return None if problem is None else f"parsedChangedPropsIds: {problem}"


def _same_outputs(outputs: object, expected: dict | list) -> bool:
    def same(item: object, wanted: dict) -> bool:
        return (
            isinstance(item, dict)
            and set(item) == {"id", "property"}
            and isinstance(item["id"], str | dict)
            and stringify_id(item["id"]) == wanted["id"]
            and item["property"] == wanted["property"]
        )

    if isinstance(expected, dict):
        return same(outputs, expected)
    return (
        isinstance(outputs, list)
        and len(outputs) == len(expected)
        and all(same(item, wanted) for item, wanted in zip(outputs, expected, strict=True))
    )


def _input_problem(
    value: object, spec: dict, schemas: Mapping[str, Schema], changeable: set
) -> str | None:
    """What is wrong with one input (or state) of a request, given its `spec` in the
    callback map; adds the prop ids it may name as changed to `changeable`."""
    name = f"{spec['id']}.{spec['property']}"
    schema = schemas[name]
    if not spec["id"].startswith("{"):
        problem = _item_problem(value, spec["id"], spec["property"], schema)
        changeable.add(name)
        return None if problem is None else f"{name}: {problem}"
    pattern = json.loads(spec["id"])
    many = any(wild in _ANY_OF for wild in pattern.values())
    items = value if many else [value]
    if many and (not isinstance(value, list) or len(value) > MAX_MATCHES):
        return (
            f"{name}: expected a list of at most {MAX_MATCHES} components, found {describe(value)}"
        )
    for item in items:
        component = item.get("id") if isinstance(item, dict) else None
        if not _matches(component, pattern):
            return f"{name}: expected a component matching the pattern, found {describe(component)}"
        problem = _item_problem(item, component, spec["property"], schema)
        if problem is not None:
            return f"{name}: {problem}"
        changeable.add(f"{stringify_id(component)}.{spec['property']}")
    return None


def _item_problem(item: object, component: str | dict, prop: str, schema: Schema) -> str | None:
    if not isinstance(item, dict) or not {"id", "property"} <= set(item) <= ITEM_KEYS:
        return f"expected an object with id, property and value, found {describe(item)}"
    if item["id"] != component or item["property"] != prop:
        return f"expected this component's {prop}, found another"
    return schema.check(item.get("value"))


def _matches(component: object, pattern: dict) -> bool:
    """Whether a component id from the page matches a pattern of the callback map."""
    if not isinstance(component, dict) or set(component) != set(pattern):
        return False
    for key, wanted in pattern.items():
        found = component[key]
        if isinstance(wanted, list):  # a wildcard: any short text or whole number
            plain = isinstance(found, int) and not isinstance(found, bool)
            if not (plain or (isinstance(found, str) and len(found) <= MAX_ID_CHARS)):
                return False
        elif found != wanted:
            return False
    return True
