"""Pure normalizers: strings in, values out. No spaCy import."""

from .dates import parse_date
from .numbers import parse_number
from .units import canonical_qualifier, currency_code

__all__ = ["canonical_qualifier", "currency_code", "parse_date", "parse_number"]
