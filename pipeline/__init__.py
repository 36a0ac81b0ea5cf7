"""policy-claims: dates, counts, organizations and objectives from policy articles."""

from .errors import ClaimsError, Code, Problem
from .extract import Extraction, claims_from_doc, extract_articles, extract_paths, extract_text, process_article
from .nlp import build_nlp
from .patterns import check_patterns, load_patterns
from .records import Article, Claim, CountClaim, DateClaim, ObjectiveClaim, OrganizationClaim
from .report import render_report, write_report
from .tables import load_articles, load_claims, load_tables
from .writers import write_outputs

__version__ = "0.1.0"

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
    "load_articles",
    "load_claims",
    "load_patterns",
    "load_tables",
    "process_article",
    "render_report",
    "write_outputs",
    "write_report",
]
