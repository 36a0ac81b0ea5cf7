"""Each claim type described once: its record model, its columns, its component, its colour.

Records, writers, tables, the report, the CLI and the pattern tests all read this table,
so a new field or a new claim type is added here and in ``records.py``, nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import labels
from .records import ClaimBase, CountClaim, DateClaim, ObjectiveClaim, OrganizationClaim


@dataclass(frozen=True)
class ClaimType:
    name: str
    record: type[ClaimBase]
    columns: tuple[str, ...]  # the fields only this type has, in table order
    component: str  # the spaCy factory that finds these claims
    color: str  # background of its highlights in the report
    description: str

    @property
    def extension(self) -> str:
        """The ``Span._`` attribute holding a claim span's normalized fields."""
        return f"pc_{self.name}"

    @property
    def labels(self) -> frozenset[str]:
        return labels.labels_of(self.component)

    @property
    def claim_labels(self) -> frozenset[str]:
        """Labels whose matches become claims carrying the line's id as ``rule``."""
        return frozenset(name for name in self.labels if labels.LABELS[name].claims)


_TYPES = (
    ClaimType("date", DateClaim, ("start_date", "end_date"), labels.DATES, "#cfe8ff", "when: a day or period"),
    ClaimType("count", CountClaim, ("value", "value_max", "unit", "qualifier"), labels.COUNTS, "#ffe3b3", "how many"),
    ClaimType(
        "organization", OrganizationClaim, ("name", "acronym"), labels.ORGANIZATIONS, "#d6f5d6", "who, acronyms linked"
    ),
    ClaimType("objective", ObjectiveClaim, ("subject",), labels.OBJECTIVES, "#f3d9fa", "what for: a goal"),
)

CLAIM_TYPES: dict[str, ClaimType] = {t.name: t for t in _TYPES}
CLAIM_TYPE_NAMES: tuple[str, ...] = tuple(CLAIM_TYPES)
BY_COMPONENT: dict[str, ClaimType] = {t.component: t for t in _TYPES}


def claim_type_of_label(label: str) -> ClaimType | None:
    """The claim type whose component reads ``label`` (None for sentences and metadata)."""
    spec = labels.LABELS.get(label)
    return BY_COMPONENT.get(spec.component) if spec else None
