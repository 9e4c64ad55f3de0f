"""YAML with line numbers, read safely: every value paired with where it was written.

``yaml.safe_load`` forgets positions, but an editor needs "line 12, column 5"
to find a mistake. So a file is parsed into events (by libyaml when PyYAML was
built with it, else by PyYAML's own parser) and composed here into nodes that
carry their ``Origin``.

Composing here rather than with PyYAML's composer also bounds what a hostile
file can do. PyYAML composes recursively: 20,000 nested lists raise
``RecursionError`` in Python, and 200,000 crash the process inside libyaml's
binding. Aliases let nine lines stand for nine to the ninth values (an alias
bomb), which a recursive walk over the nodes expands. Here the events are
taken one at a time, nesting deeper than ``MAX_DEPTH`` and aliases that repeat
more than ``MAX_ALIASED`` values are refused where they occur, and the parser
is not asked for one event more. An alias shares its anchor's node instead of
copying it. It is faster as well: a 5 MB knowledge base composes in 1.6 s,
against 3.2 s through libyaml's composer and a conversion of its nodes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
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

#: Levels of lists and mappings inside each other. The deepest annotation
#: (a note's sources in an article's YAML) needs four, mkdocs.yml about six.
MAX_DEPTH = 50
#: Values that aliases (``*name``) may repeat in one file, counted as if copied.
#: Sharing a list of sources among a few entries takes dozens.
MAX_ALIASED = 10_000
#: A syntax error found by libyaml is looked for again by PyYAML's parser, whose
#: messages name the character at fault, in the text up to the line after it;
#: that parser takes about a second for 400 KB, so not in more than this.
MESSAGE_REPARSE_CHARS = 256 * 1024

#: libyaml's parser, when PyYAML was built with it: five times as fast as PyYAML's own.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_STR_TAG = "tag:yaml.org,2002:str"
#: What PyYAML's constructors raise for a value they cannot make: ValueError and
#: OverflowError for numbers and days; for a value an explicit tag does not fit,
#: whatever their code trips over (a failed match, a missing key, an empty string).
_UNFIT = (ValueError, OverflowError, AttributeError, LookupError, TypeError)
#: The characters YAML does not allow anywhere in a file, comments included.
NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def origin_of(file: str, mark: yaml.Mark) -> Origin:
    return Origin(file, mark.line + 1, mark.column + 1)


#: What YAML takes for the end of a line besides LF and CR, and editors, terminals and
#: ``grep`` do not: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (pasted text brings them).
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_YAML_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_EDITOR_BREAKS = re.compile("\n")


@dataclass(frozen=True)
class _Lines:
    """Where YAML's marks are in the file as an editor counts its lines.

    YAML's line 5 is the editor's line 3 when two LINE SEPARATORs stand above it,
    and a message must send the editor to the line it shows. Both counts' line
    starts are found once, so each mark is placed by a binary search, not by
    counting the file's lines up to it again.
    """

    file: str
    yaml_starts: tuple[int, ...] | None  # where YAML's lines start, when it counts others
    editor_starts: tuple[int, ...] = ()

    @classmethod
    def of(cls, text: str, file: str) -> _Lines:
        if not _YAML_ONLY_BREAKS.search(text):
            return cls(file, None)
        return cls(
            file,
            (0, *(m.end() for m in _YAML_BREAKS.finditer(text))),
            (0, *(m.end() for m in _EDITOR_BREAKS.finditer(text))),
        )

    def origin(self, mark: yaml.Mark) -> Origin:
        if self.yaml_starts is None or mark.line >= len(self.yaml_starts):
            return origin_of(self.file, mark)
        index = self.yaml_starts[mark.line] + mark.column
        line = bisect.bisect_right(self.editor_starts, index) - 1
        return Origin(self.file, line + 1, index - self.editor_starts[line] + 1)


def load_nodes(text: str, file: str, *, lenient: bool = False) -> tuple[Node | None, list[Problem]]:
    """The document in ``text`` as nodes, or None and why it cannot be read.

    ``lenient`` reads the way MkDocs reads ``mkdocs.yml``: a value with a tag
    it does not know (``!!python/name:…``) is None, and of a key written twice
    the last one counts. Otherwise both are problems.
    """
    unprintable = NON_PRINTABLE.search(text)
    if unprintable:
        where = _origin_at(text, unprintable.start(), file)
        return None, [
            error(
                where,
                f"the character U+{ord(unprintable.group()):04X} is not allowed in YAML; "
                "remove it (it may have come with pasted text)",
            )
        ]
    lines = _Lines.of(text, file)
    try:
        return _Composer(lines, lenient).compose(_FAST_LOADER or yaml.SafeLoader, text)
    except yaml.YAMLError as exc:
        if _FAST_LOADER is not None:
            exc = _with_pure_message(text, exc)
        return None, [_syntax_problem(exc, lines)]


def _origin_at(text: str, index: int, file: str) -> Origin:
    line = text.count("\n", 0, index)
    return Origin(file, line + 1, index - (text.rfind("\n", 0, index) + 1) + 1)


def _with_pure_message(text: str, exc: yaml.YAMLError) -> yaml.YAMLError:
    """libyaml's syntax error as PyYAML's parser words it, if that is quickly found."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return exc
    line_end = text.find("\n", mark.index)
    end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    end = len(text) if end < 0 else end
    if end > MESSAGE_REPARSE_CHARS:
        return exc
    try:
        _Composer(_Lines("", None), lenient=False).compose(yaml.SafeLoader, text[:end])
    except yaml.MarkedYAMLError as pure:
        cut_short = (
            end < len(text) and pure.problem_mark is not None and (pure.problem_mark.index >= end)
        )
        return exc if cut_short else pure
    except yaml.YAMLError:
        return exc
    return exc


def _syntax_problem(exc: yaml.YAMLError, lines: _Lines) -> Problem:
    if not isinstance(exc, yaml.MarkedYAMLError):
        return error(Origin(lines.file), f"YAML error: {' '.join(str(exc).split())}")
    # At the end of the file the problem is better shown where the open construct began.
    at_end = "stream end" in (exc.problem or "") and exc.context_mark is not None
    mark = exc.context_mark if at_end else exc.problem_mark or exc.context_mark
    where = lines.origin(mark) if mark else Origin(lines.file)
    what = exc.problem or exc.context or "invalid YAML"
    if at_end and exc.context:
        what += f" ({exc.context} that starts here is not closed)"
    return error(where, f"YAML syntax error: {what}; check indentation, colons and quotes here")


class _Refused(Exception):
    """The file goes beyond a limit; it is not read further."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class _Open:
    """A list or mapping whose end has not been read yet."""

    mapping: bool
    origin: Origin
    anchor: str | None
    items: list[Any] = field(default_factory=list)
    size: int = 1  # values in it, aliases counted as copies, itself included
    key: tuple[str | None, Origin] | None = None  # of a mapping: the key awaiting its value
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # key: (index, line)


class _Composer:
    """Events to nodes, one at a time, within ``MAX_DEPTH`` and ``MAX_ALIASED``."""

    def __init__(self, lines: _Lines, lenient: bool) -> None:
        self.lines = lines
        self.lenient = lenient
        self.problems: list[Problem] = []

    def compose(self, loader_class: Any, text: str) -> tuple[Node | None, list[Problem]]:
        loader = loader_class(text)
        # The pure-Python loader resolves and constructs what is not plain text.
        self.constructor = yaml.SafeLoader("")
        try:
            return self._compose(loader), self.problems
        except _Refused as refused:
            return None, [refused.problem]
        finally:
            loader.dispose()
            # The loader holds a bound method of itself, and through its cache every
            # value it built; without this only the cycle collector would free them.
            self.constructor.dispose()

    def _compose(self, loader: Any) -> Node | None:
        stack: list[_Open] = []
        anchors: dict[str, tuple[Node, int]] = {}
        aliased = 0
        documents = 0
        root: Node | None = None
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                node: Node = self._scalar(event)
                size, anchor, raw = 1, event.anchor, event.value
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                where = self.lines.origin(event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(
                        error(
                            where,
                            f"lists and mappings are nested more than {MAX_DEPTH} levels deep "
                            "here; no annotation needs more than a few",
                        )
                    )
                stack.append(_Open(kind is yaml.MappingStartEvent, where, event.anchor))
                continue
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                done = stack.pop()
                node = (
                    Mapping(done.origin, tuple(done.items))
                    if done.mapping
                    else Sequence(done.origin, tuple(done.items))
                )
                size, anchor, raw = done.size, done.anchor, None
            elif kind is yaml.AliasEvent:
                node, size = self._alias(event, anchors, stack)
                aliased += size
                if aliased > MAX_ALIASED:
                    raise _Refused(
                        error(
                            self.lines.origin(event.start_mark),
                            f"the aliases of this file repeat more than {MAX_ALIASED:,} values "
                            f"(here '*{event.anchor}'); write the values out instead",
                        )
                    )
                anchor, raw = None, None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(
                        error(
                            self.lines.origin(event.start_mark),
                            "a second YAML document starts here; keep one per file "
                            "(remove the '---' line)",
                        )
                    )
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            else:
                continue
            if anchor is not None:
                anchors[anchor] = (node, size)
            if stack:
                self._add(stack[-1], node, size, raw)
            else:
                root = node

    def _scalar(self, event: yaml.ScalarEvent) -> Value:
        where = self.lines.origin(event.start_mark)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.constructor.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return Value(event.value, where)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return Value(self.constructor.construct_object(node, deep=True), where)
        except _UNFIT:
            # A timestamp of a day that does not exist (2025-02-30), a number of
            # 5,000 digits, a tag the value does not fit ('!!timestamp morgen',
            # '!!bool vielleicht', '!!int ""'): kept as written, for the reader of
            # the key to say what is wrong.
            return Value(event.value, where)
        except yaml.constructor.ConstructorError as exc:
            if self.lenient:
                return Value(None, where)
            self.problems.append(
                error(where, f"cannot read this value: {exc.problem}; write it as plain text")
            )
            return Value(INVALID, where)

    def _alias(
        self, event: yaml.AliasEvent, anchors: dict[str, tuple[Node, int]], stack: list[_Open]
    ) -> tuple[Node, int]:
        name = event.anchor
        if any(open_.anchor == name for open_ in stack):
            message = f"'*{name}' stands inside the value '&{name}' names; write the value out"
        elif name not in anchors:
            message = f"'*{name}' names no anchor '&{name}' above it; write the value out"
        else:
            return anchors[name]
        raise _Refused(error(self.lines.origin(event.start_mark), message))

    def _add(self, parent: _Open, node: Node, size: int, raw: str | None) -> None:
        parent.size += size
        if not parent.mapping:
            parent.items.append(node)
        elif parent.key is None:
            parent.key = self._key(node, raw)
        else:
            key, where = parent.key
            parent.key = None
            if key is None:  # a key that is not a word: reported, its value dropped
                return
            if key in parent.seen and not self.lenient:
                line = parent.seen[key][1]
                self.problems.append(
                    error(
                        where,
                        f"'{key}' appears twice in this entry (first at line {line}); keep one",
                    )
                )
            elif key in parent.seen:  # as MkDocs reads mkdocs.yml: the last one counts
                parent.items[parent.seen[key][0]] = (key, node)
            else:
                parent.seen[key] = (len(parent.items), where.line)
                parent.items.append((key, node))

    def _key(self, node: Node, raw: str | None) -> tuple[str | None, Origin]:
        """A key as written ("2013", "true"), or None when it is a list or a mapping."""
        if isinstance(node, Value):
            if isinstance(node.data, str):
                return node.data, node.origin
            return (str(node.data) if raw is None else raw), node.origin
        self.problems.append(
            error(node.origin, "a key must be a word, not a list or a mapping; write 'key: value'")
        )
        return None, node.origin
