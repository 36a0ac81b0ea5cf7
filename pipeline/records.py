"""Pydantic output models: one per claim type, and the article record."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Qualifier = Literal["about", "more than", "less than", "at least", "at most", "up to"]
ClaimType = Literal["date", "count", "organization", "objective"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # JSON has no NaN or Infinity


class ClaimBase(_Record):
    claim_id: str = Field(description="Stable id: the same article, type and span give the same id")
    article_id: str
    text: str = Field(description="The claim's text: exactly article_text[start:end]")
    start: int = Field(ge=0, description="Offset of the first character in the article text")
    end: int = Field(ge=0, description="Offset after the last character in the article text")
    sentence: str = Field(description="The sentence that supports the claim")
    rule: str = Field(description="Id of the pattern that produced the claim")
    source_start: int | None = Field(default=None, description="Offset of the span in the source file")
    source_end: int | None = None


class DateClaim(ClaimBase):
    claim_type: Literal["date"] = "date"
    start_date: date
    end_date: date


class CountClaim(ClaimBase):
    claim_type: Literal["count"] = "count"
    value: int | float
    value_max: int | float | None = None
    unit: str | None = Field(default=None, description="What is counted; empty for a bare number")
    qualifier: Qualifier | None = None


class OrganizationClaim(ClaimBase):
    claim_type: Literal["organization"] = "organization"
    name: str = Field(description="The fullest name the article uses for the organization")
    acronym: str | None = None


class ObjectiveClaim(ClaimBase):
    claim_type: Literal["objective"] = "objective"
    subject: str | None = Field(description="The organization or initiative whose goal it is")


Claim = Annotated[DateClaim | CountClaim | OrganizationClaim | ObjectiveClaim, Field(discriminator="claim_type")]
CLAIMS_ADAPTER: TypeAdapter[list[Claim]] = TypeAdapter(list[Claim])


class Article(_Record):
    article_id: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    source: str = Field(description="Path of the file the article was read from")
    text: str = Field(description="The article text that claim offsets index")


def claim_id(article_id: str, claim_type: str, start: int, end: int, extra: str = "") -> str:
    digest = hashlib.sha1(f"{article_id}\x1f{claim_type}\x1f{start}\x1f{end}\x1f{extra}".encode()).hexdigest()
    return f"{claim_type[:3]}-{digest[:12]}"


RecordKind = Literal["claim", "article"]
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"  # the dialect Pydantic writes
RECORD_FILES: dict[str, str] = {"claim": "claims.json", "article": "articles.json"}


def json_schema(kind: RecordKind, *, array: bool = False) -> dict[str, Any]:
    """The JSON Schema document (with ``$schema``) of one record of ``kind`` as the output
    files write it, or with ``array`` the schema of the file that lists them
    (``claims.json``, ``articles.json``): a JSON array of those records."""
    record: Any = Claim if kind == "claim" else Article
    adapter: TypeAdapter[Any] = TypeAdapter(list[record] if array else record)
    schema = adapter.json_schema(mode="serialization")
    title = f"{RECORD_FILES[kind]}: an array of {kind} records" if array else f"one {kind} record"
    return {"$schema": JSON_SCHEMA_DIALECT, **schema, "title": f"policy-claims {title}"}
