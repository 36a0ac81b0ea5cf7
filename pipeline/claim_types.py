"""Each claim type described once: its record model, its columns, its component, its colour.

Records, writers, tables, the report, the CLI and the pattern tests all read this table,
so a new field or a new claim type is added here and in ``records.py``, nowhere else.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from . import labels
from .records import ClaimBase, CountClaim, DateClaim, ObjectiveClaim, OrganizationClaim

ColumnKind = Literal["text", "date", "number", "integer", "category"]


@dataclass(frozen=True)
class ClaimType:
    name: str
    record: type[ClaimBase]
    component: str  # the spaCy factory that finds these claims
    color: str  # background of its highlights in the report
    description: str

    @property
    def columns(self) -> tuple[str, ...]:
        """The fields only this type's record has, in the model's order."""
        shared = {*ClaimBase.model_fields, "claim_type"}
        return tuple(name for name in self.record.model_fields if name not in shared)

    @property
    def extension(self) -> str:
        """The ``Span._`` attribute holding a claim span's normalized fields."""
        return f"pc_{self.name}"

    @property
    def labels(self) -> frozenset[str]:
        return labels.labels_of(self.component)


_TYPES = (
    ClaimType("date", DateClaim, labels.DATES, "#cfe8ff", "when: a day or period"),
    ClaimType("count", CountClaim, labels.COUNTS, "#ffe3b3", "how many"),
    ClaimType("organization", OrganizationClaim, labels.ORGANIZATIONS, "#d6f5d6", "who, acronyms linked"),
    ClaimType("objective", ObjectiveClaim, labels.OBJECTIVES, "#f3d9fa", "what for: a goal"),
)

CLAIM_TYPES: dict[str, ClaimType] = {t.name: t for t in _TYPES}
CLAIM_TYPE_NAMES: tuple[str, ...] = tuple(CLAIM_TYPES)
BY_COMPONENT: dict[str, ClaimType] = {t.component: t for t in _TYPES}


# Column order of claims.csv: the shared fields, each type's own, then the evidence.
LEADING_COLUMNS = ("claim_id", "article_id", "claim_type", "text", "start", "end")
TRAILING_COLUMNS = ("rule", "sentence", "source_start", "source_end")
NORMALIZED_FIELDS: tuple[str, ...] = tuple(column for t in _TYPES for column in t.columns)
CSV_COLUMNS: tuple[str, ...] = (*LEADING_COLUMNS, *NORMALIZED_FIELDS, *TRAILING_COLUMNS)
SHARED_COLUMNS: tuple[str, ...] = (*LEADING_COLUMNS, "sentence", "rule")


def _kind(annotation: Any) -> ColumnKind:
    args = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    if typing.get_origin(annotation) is Literal:
        return "text"
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return _kind(args[0]) if all(_kind(a) == _kind(args[0]) for a in args) else "number"
    if annotation is date:
        return "date"
    if annotation is int:
        return "integer"
    if annotation in (float,):
        return "number"
    return "text"


def column_kinds() -> dict[str, ColumnKind]:
    """Every claims column and the kind of its values, read off the record models."""
    kinds: dict[str, ColumnKind] = {}
    for claim_type in _TYPES:
        for name, info in claim_type.record.model_fields.items():
            kinds.setdefault(name, "category" if name == "claim_type" else _kind(info.annotation))
    return {column: kinds[column] for column in CSV_COLUMNS}


def normalized_text(claim: Mapping[Any, object]) -> str:
    """``"value=27, unit=permanent members"``: a claim's normalized fields, for people to read.

    Takes a record dict or a DataFrame row (where empty cells are NaN, NaT or <NA>).
    """
    parts = []
    for field in NORMALIZED_FIELDS:
        value = claim.get(field)
        if value is None or (isinstance(value, float) and value != value) or str(value) in ("", "<NA>", "NaT"):
            continue
        if field.endswith("_date") and hasattr(value, "date"):
            value = value.date().isoformat()
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        parts.append(f"{field}={value}")
    return ", ".join(parts)


def claim_type_of_label(label: str) -> ClaimType | None:
    """The claim type whose component reads ``label`` (None for sentences and metadata)."""
    spec = labels.LABELS.get(label)
    return BY_COMPONENT.get(spec.component) if spec else None
