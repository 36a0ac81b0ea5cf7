"""policy-claims: dates, counts, organizations and objectives from policy articles.

The public names are imported on first use (PEP 562 module ``__getattr__``): ``import
pipeline`` and the ``claims`` command's help stay fast, and spaCy, pandas and pyarrow are
loaded only by the names that need them. ``from pipeline import build_nlp`` works as ever.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ClaimsError, Code, Problem
    from .extract import Extraction, claims_from_doc, extract_articles, extract_paths, extract_text, process_article
    from .nlp import build_nlp
    from .patterns import check_patterns, load_patterns
    from .records import Article, Claim, CountClaim, DateClaim, ObjectiveClaim, OrganizationClaim
    from .report import render_report, write_report
    from .tables import iter_claims, load_articles, load_claims, load_tables
    from .writers import write_outputs

    __version__: str

_HOMES = {
    "errors": ("ClaimsError", "Code", "Problem"),
    "extract": (
        "Extraction",
        "claims_from_doc",
        "extract_articles",
        "extract_paths",
        "extract_text",
        "process_article",
    ),
    "nlp": ("build_nlp",),
    "patterns": ("check_patterns", "load_patterns"),
    "records": ("Article", "Claim", "CountClaim", "DateClaim", "ObjectiveClaim", "OrganizationClaim"),
    "report": ("render_report", "write_report"),
    "tables": ("iter_claims", "load_articles", "load_claims", "load_tables"),
    "writers": ("write_outputs",),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Article",
    "Claim",
    "ClaimsError",
    "Code",
    "CountClaim",
    "DateClaim",
    "Extraction",
    "ObjectiveClaim",
    "OrganizationClaim",
    "Problem",
    "build_nlp",
    "check_patterns",
    "claims_from_doc",
    "extract_articles",
    "extract_paths",
    "extract_text",
    "iter_claims",
    "load_articles",
    "load_claims",
    "load_patterns",
    "load_tables",
    "process_article",
    "render_report",
    "write_outputs",
    "write_report",
]


def _installed_version() -> str:
    """The installed package's version, from its metadata (pyproject.toml is the one source)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("policy-claims")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _installed_version()
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
