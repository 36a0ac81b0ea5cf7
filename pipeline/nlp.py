"""Build the policy-claims spaCy pipeline: ``spacy.blank("en")`` plus our rule components."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

from .patterns import PatternSet, load_patterns

# Component order matters: counts skip what dates took, objectives use organizations.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("policy_claims_sentences", ""),
    ("policy_claims_dates", "date"),
    ("policy_claims_counts", "count"),
    ("policy_claims_organizations", "organization"),
    ("policy_claims_objectives", "objective"),
)


def _register_factories() -> None:
    """Make the factories known when the package is used without being installed.

    Installed, spaCy finds them through the ``spacy_factories`` entry points.
    """
    from .components import counts, dates, objectives, organizations, sentences  # noqa: F401


def build_nlp(
    patterns: PatternSet | None = None,
    *,
    pattern_dirs: Iterable[Path | str] = (),
    builtin: bool = True,
    day_order: str = "dmy",
) -> Language:
    """A blank English pipeline with the sentence splitter and the four claim components."""
    _register_factories()
    if patterns is None:
        patterns = load_patterns(pattern_dirs, builtin=builtin)
    nlp = spacy.blank("en")
    for factory, claim_type in COMPONENTS:
        config = {"day_order": day_order} if claim_type == "date" else {}
        component = nlp.add_pipe(factory, config=config)
        if claim_type:
            component.add_patterns(patterns.for_type(claim_type))  # type: ignore[attr-defined]
        if claim_type == "organization":
            component.add_gazetteer(patterns.gazetteer)  # type: ignore[attr-defined]
    return nlp
