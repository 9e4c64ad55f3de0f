"""Which lookups a page consulted while it was rendered, so a save re-renders only what it touches.

A page is a pure function of its job's arguments and of the lookups every page
shares (``SiteView``). While serving, those lookups are wrapped
(``watched``): their dictionaries become ``Recorded`` mappings that note each
key a page reads, ``("view.entities", "meta")``, or ``("view.entities", EVERY)``
when the page goes through all of them; their other fields (the corpus, the
graph) note the attribute path read, ``("view.corpus.articles",)``.

What pages share beyond that (a link's hover text, a glossary entry, a list of
related articles) is remembered in the view's memo (``SiteView.remembered``):
an entry keeps the keys its making read, and a page that uses it notes only
the entry, ``(MEMO, key)``. After a save, ``changes`` compares the old and the
new lookups at every key, and ``carry_over`` keeps each memo entry whose keys
did not change, makes the others again and counts an entry as changed only if
its value did (what build systems call early cutoff): an edited paragraph
changes its article, but not the article's title that a hundred pages show.
A page needs rendering again only if it read a key or an entry that changed.
So new renderers stay correct without declaring what they depend on, as long
as they read only their job's arguments and these lookups, and only fields
that take part in equality (``field(compare=False)`` fields are not compared).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

#: A key read: (dictionary, key), (dictionary, EVERY), or (attribute path,).
Key = tuple[Hashable, ...]
#: Stands for "all of the dictionary, in its order" in a key.
EVERY = ("*",)

_open: list[set[Key]] = []  # the reads of the renders under way, innermost last
#: The attribute paths read so far (see ``changes``): only these are compared.
paths_read: set[str] = set()


class recording:  # lower case: used like a function, ``with recording() as reads:``
    """Collect the keys read inside the block (not those of the blocks around it)."""

    __slots__ = ("reads",)

    def __enter__(self) -> set[Key]:
        self.reads: set[Key] = set()
        _open.append(self.reads)
        return self.reads

    def __exit__(self, *exc: object) -> None:
        _open.pop()


def note(key: Key) -> None:
    """Count ``key`` as read by the innermost block being recorded, if any."""
    if _open:
        _open[-1].add(key)


#: Reads of a memo entry are noted as ``(MEMO, key)``.
MEMO = "memo"


@dataclass(frozen=True, slots=True)
class Remembered:
    """A memo entry: the value, the keys read to make it, and whether it is a lookup
    that pages read key by key (``SiteView.derived``) rather than as one value."""

    value: Any
    reads: frozenset[Key]
    keyed: bool = False


def remember(
    make: Callable[..., Any], view: object, args: tuple[Hashable, ...], keyed: bool
) -> Remembered:
    """``make(view, *args)`` with the keys it read."""
    with recording() as reads:
        value = make(view, *args)
    return Remembered(value, frozenset(reads), keyed)


class Recorded(Mapping[K, V]):
    """A read-only view of a dict that notes the keys read."""

    __slots__ = ("_data", "_name")

    def __init__(self, data: dict[K, V], name: Hashable) -> None:
        self._data = data
        self._name = name

    def __getitem__(self, key: K) -> V:
        if _open:
            _open[-1].add((self._name, key))
        return self._data[key]

    def get(self, key: K, default: Any = None) -> Any:
        if _open:
            _open[-1].add((self._name, key))
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        if _open:
            _open[-1].add((self._name, key))
        return key in self._data

    def _all(self) -> dict[K, V]:
        if _open:
            _open[-1].add((self._name, EVERY))
        return self._data

    def __iter__(self) -> Iterator[K]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def keys(self) -> Any:
        return self._all().keys()

    def values(self) -> Any:
        return self._all().values()

    def items(self) -> Any:
        return self._all().items()


class RecordedObject:
    """An object whose attribute reads are noted by their path; dataclasses inside stay wrapped."""

    __slots__ = ("_name", "_target")

    def __init__(self, target: object, name: str) -> None:
        self._target = target
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._target, attr)
        name = f"{self._name}.{attr}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return RecordedObject(value, name)
        if _open:
            _open[-1].add((name,))
            paths_read.add(name)
        return value


def watched(lookups: T, name: str) -> T:
    """A copy of the frozen dataclass ``lookups`` whose fields note what is read from them.

    Fields excluded from comparison (a memo) start anew, from their default.
    """
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(lookups):  # type: ignore[arg-type]
        if not f.init:
            continue
        if not f.compare:
            if f.default_factory is not dataclasses.MISSING:  # a memo: one of its own
                changes[f.name] = f.default_factory()
            continue
        value = getattr(lookups, f.name)
        if isinstance(value, dict):
            changes[f.name] = Recorded(value, f"{name}.{f.name}")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes[f.name] = RecordedObject(value, f"{name}.{f.name}")
    return dataclasses.replace(lookups, **changes)  # type: ignore[type-var]


def untracked_changed(old: object, new: object) -> bool:
    """Whether a field ``watched`` cannot follow (neither a dict nor a dataclass) changed.

    Reads of such a field are not noted, so a change to it must render every page.
    """
    for f in dataclasses.fields(old):  # type: ignore[arg-type]
        if not f.compare or not f.init:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if isinstance(before, dict) or dataclasses.is_dataclass(before):
            continue
        if not _same(before, after):
            return True
    return False


_MISSING = object()


def _same(a: object, b: object) -> bool:
    """Equal, dicts (a ``Counter`` too) by ``dict``'s own comparison: as strict, and in C."""
    if a is b:
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return dict.__eq__(a, b) is True
    return a == b


def _resolve(root: object, path: str) -> object:
    value = root
    for attr in path.split(".")[1:]:
        value = getattr(value, attr, _MISSING)
        if value is _MISSING:
            return value
    return getattr(value, "__self__", value)  # a method: the object it belongs to


def changes(old: T, new: T, name: str, paths: Iterable[str]) -> set[Key]:
    """The keys of lookups ``name`` whose values differ between ``old`` and ``new``.

    ``old`` and ``new`` are the plain lookups (not ``watched``); ``paths`` are
    the attribute paths read so far (``paths_read``), the only ones worth comparing.
    """
    out: set[Key] = set()
    for f in dataclasses.fields(old):  # type: ignore[arg-type]
        if not f.compare or not f.init:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before is after or not isinstance(before, dict):
            continue
        out |= _dict_changes(before, after, f"{name}.{f.name}")
    for path in paths:
        if path.startswith(name + ".") and not _same(_resolve(old, path), _resolve(new, path)):
            out.add((path,))
    return out


def carry_over(old: dict[Hashable, Remembered], view: Any, changed: set[Key]) -> set[Key]:
    """Fill ``view.memo`` from ``old``, the memo of the last pages; ``changed`` and the
    keys of the entries whose value changed.

    An entry none of whose reads changed is kept; the others are made again from
    ``view`` (a ``watched`` one). Entries come in the order they were made, each
    after those it used, so an entry is looked at only once those it read are.
    An entry that cannot be made again is about something that is gone: it is
    dropped, and counts as changed.
    """
    memo = view.memo
    changed = set(changed)
    for key, entry in old.items():
        if key in memo:  # made anew while an entry made again used it
            new = memo[key]
        elif entry.reads.isdisjoint(changed):
            memo[key] = entry
            continue
        else:
            make, *args = key
            try:
                new = memo[key] = remember(make, view, tuple(args), entry.keyed)
            except LookupError:
                changed |= _entry_keys(key, entry)
                continue
        if entry.keyed:
            changed |= _dict_changes(entry.value, new.value, key)
        elif not _same(entry.value, new.value):
            changed.add((MEMO, key))
    return changed


def _entry_keys(key: Hashable, entry: Remembered) -> set[Key]:
    """Every key a page can have read of the entry."""
    if entry.keyed:
        return {(key, k) for k in entry.value} | {(key, EVERY)}
    return {(MEMO, key)}


def _dict_changes(before: dict[Any, Any], after: dict[Any, Any], name: str) -> set[Key]:
    """The keys of dictionary ``name`` whose values differ; EVERY too if any or the order did."""
    keys = [
        k
        for k in before.keys() | after.keys()
        if not _same(before.get(k, _MISSING), after.get(k, _MISSING))
    ]
    out: set[Key] = {(name, k) for k in keys}
    if keys or list(before) != list(after):
        out.add((name, EVERY))
    return out
