from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language

from pipeline import extract_text


def claims_of(nlp: Language, text: str, claim_type: str, published: date | None = None) -> list[dict[str, Any]]:
    _, claims = extract_text(text, nlp, published=published)
    return [c.model_dump() for c in claims if c.claim_type == claim_type]


def org_groups(nlp: Language, text: str) -> dict[str, set[str | None]]:
    """Organization name -> the acronyms its claims carry."""
    out: dict[str, set[str | None]] = {}
    for claim in claims_of(nlp, text, "organization"):
        out.setdefault(claim["name"], set()).add(claim["acronym"])
    return out
