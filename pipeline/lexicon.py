"""Word lists as data: the ``terms`` lines of the data folders, looked up by label.

A ``terms`` line lists words or phrases under a label, each with a value::

    {"id": "month-september", "label": "MONTH", "terms": ["september", "sep", "sept"], "value": 9}
    {"id": "number-units", "label": "NUMBER_WORD", "terms": {"one": 1, "two": 2}}

A ``Lexicon`` holds every such line (and every phrase-pattern line, a one-term list) and
answers "is this word a MONTH, and which one?". Lookups fold case and spacing unless the
label is case-sensitive (``labels.Label.case_sensitive``). No spaCy here: normalizers
take a ``Lexicon`` and stay pure functions of their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .labels import LABELS


@dataclass(frozen=True)
class Term:
    label: str
    text: str  # as written in the data
    value: Any
    rule: str  # id of the line it comes from


def fold(text: str, *, case_sensitive: bool = False) -> str:
    """The lookup key of a term: spacing collapsed and, unless case matters, case folded."""
    joined = " ".join(text.split())
    return joined if case_sensitive else joined.casefold()


def _case_sensitive(label: str) -> bool:
    spec = LABELS.get(label)
    return spec.case_sensitive if spec is not None else False


class Lexicon:
    """Terms by label; later lines win over earlier ones for the same word."""

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        self._tables: dict[str, dict[str, Term]] = {}
        for term in terms:
            key = fold(term.text, case_sensitive=_case_sensitive(term.label))
            if key:
                self._tables.setdefault(term.label, {})[key] = term

    def term(self, label: str, text: str) -> Term | None:
        table = self._tables.get(label)
        if not table:
            return None
        return table.get(fold(text, case_sensitive=_case_sensitive(label)))

    def get(self, label: str, text: str, default: Any = None) -> Any:
        """The value of ``text`` under ``label``, or ``default`` when it is not listed."""
        found = self.term(label, text)
        return default if found is None else found.value

    def has(self, label: str, text: str) -> bool:
        return self.term(label, text) is not None

    def table(self, label: str) -> Mapping[str, Any]:
        """Folded term -> value, for the normalizers' inner loops."""
        return self._values.get(label, {})

    def words(self, label: str) -> frozenset[str]:
        """The folded terms of a label."""
        return frozenset(self._tables.get(label, {}))

    def terms(self, label: str) -> list[Term]:
        return list(self._tables.get(label, {}).values())

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(self._tables)

    @cached_property
    def _values(self) -> dict[str, dict[str, Any]]:
        return {label: {key: term.value for key, term in table.items()} for label, table in self._tables.items()}

    def __len__(self) -> int:
        return sum(len(table) for table in self._tables.values())

    def __bool__(self) -> bool:
        """A lexicon is a lexicon even when it lists nothing (``--no-builtin-patterns``)."""
        return True
