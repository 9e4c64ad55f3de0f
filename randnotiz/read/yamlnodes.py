"""YAML with line numbers: safe loading that remembers where each value stood.

``yaml.safe_load`` forgets positions, but an editor needs "line 12, column 5"
to find a mistake. So files are composed into nodes with the safe loader and
turned into values here, each paired with its ``Origin``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from randnotiz.model import Origin
from randnotiz.problems import Problem, error


@dataclass(frozen=True)
class Value:
    """A plain Python value from YAML and where it was written."""

    data: Any
    origin: Origin


@dataclass(frozen=True)
class Mapping:
    origin: Origin
    items: tuple[tuple[str, Value | Mapping | Sequence], ...]

    def get(self, key: str) -> Value | Mapping | Sequence | None:
        return dict(self.items).get(key)


@dataclass(frozen=True)
class Sequence:
    origin: Origin
    items: tuple[Value | Mapping | Sequence, ...]


Node = Value | Mapping | Sequence

INVALID = object()
"""The data of a value that could not be read; its problem is already reported."""


def origin_of(file: str, node: yaml.Node) -> Origin:
    return Origin(file, node.start_mark.line + 1, node.start_mark.column + 1)


#: libyaml's parser, when PyYAML was built with it: it composes a knowledge base of
#: thousands of entries five times faster than the pure-Python parser.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_STR_TAG = "tag:yaml.org,2002:str"


def _compose_fast(text: str) -> yaml.Node | None:
    """The node tree by libyaml; raises on any syntax error."""
    loader = _FAST_LOADER(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_nodes(text: str, file: str) -> tuple[Node | None, list[Problem]]:
    """The document in ``text`` as nodes, or None and the syntax error.

    A document libyaml reads is composed by libyaml; a broken one is read again
    by the pure-Python parser, whose messages are the ones editors are shown.
    """
    if _FAST_LOADER is not None:
        try:
            root = _compose_fast(text)
        except yaml.YAMLError:
            pass
        else:
            return _converted(root, file)
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        # At the end of the file the problem is better shown where the open construct began.
        at_end = "stream end" in (exc.problem or "") and exc.context_mark is not None
        mark = exc.context_mark if at_end else exc.problem_mark or exc.context_mark
        where = Origin(file, mark.line + 1, mark.column + 1) if mark else Origin(file)
        what = exc.problem or exc.context or "invalid YAML"
        if at_end and exc.context:
            what += f" ({exc.context} that starts here is not closed)"
        return None, [
            error(where, f"YAML syntax error: {what}; check indentation, colons and quotes here")
        ]
    except yaml.YAMLError as exc:
        return None, [error(Origin(file), f"YAML error: {exc}")]
    finally:
        loader.dispose()
    return _converted(root, file)


def _converted(root: yaml.Node | None, file: str) -> tuple[Node | None, list[Problem]]:
    if root is None:
        return None, []
    problems: list[Problem] = []
    constructor = yaml.SafeLoader("")
    try:
        return _convert(root, file, constructor, problems), problems
    finally:
        # The loader holds a bound method of itself, and through its cache every node
        # it built; without this only the cycle collector would free them.
        constructor.dispose()


def _is_str(node: yaml.Node) -> bool:
    """A plain string, which the constructor would return as it is, at a cost."""
    return node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode)


def _convert(
    node: yaml.Node, file: str, constructor: yaml.SafeLoader, problems: list[Problem]
) -> Node:
    where = origin_of(file, node)
    if isinstance(node, yaml.MappingNode):
        items: list[tuple[str, Node]] = []
        seen: dict[str, yaml.Node] = {}  # where a key stood, made an Origin only when repeated
        for key_node, value_node in node.value:
            key = (
                key_node.value
                if _is_str(key_node)
                else str(constructor.construct_object(key_node, deep=True))
            )
            if key in seen:
                problems.append(
                    error(
                        origin_of(file, key_node),
                        f"'{key}' appears twice in this entry "
                        f"(first at line {seen[key].start_mark.line + 1}); keep one",
                    )
                )
                continue
            seen[key] = key_node
            items.append((key, _convert(value_node, file, constructor, problems)))
        return Mapping(where, tuple(items))
    if isinstance(node, yaml.SequenceNode):
        return Sequence(where, tuple(_convert(n, file, constructor, problems) for n in node.value))
    if _is_str(node):
        return Value(node.value, where)
    try:
        data = constructor.construct_object(node, deep=True)
    except ValueError:
        # A timestamp of a day that does not exist (2025-02-30): kept as written,
        # for the reader of the key to say what is wrong with it.
        data = node.value
    except yaml.constructor.ConstructorError as exc:
        problems.append(
            error(where, f"cannot read this value: {exc.problem}; write it as plain text")
        )
        data = INVALID
    return Value(data, where)
