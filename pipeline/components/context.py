"""The publication date, from the context the caller passes with each text.

``nlp.pipe([(text, {"published": "2024-03-15"}), ...], as_tuples=True)`` gives each doc
its publication date; this first component reads it into ``doc._.pc_published`` (an
ISO date, or None), where the date component resolves "last year" and "on Monday"
against it. A plain ``nlp(text)`` has no context: relative dates are then left out,
with a warning on the doc. A publication date that is not a date is a warning too.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import register_extensions, warn
from ..errors import Code
from ..normalize.dates import DayOrder, parse_published

CONTEXT = "policy_claims_context"


class ContextComponent:
    def __init__(self, name: str = CONTEXT, *, day_order: DayOrder = "dmy") -> None:
        register_extensions()
        self.name = name
        self.day_order = day_order

    def __call__(self, doc: Doc) -> Doc:
        context = doc._context
        given = context.get("published") if isinstance(context, Mapping) else None
        if given is not None and given != "":
            value = parse_published(given, order=self.day_order)
            if value is None:
                warn(doc, Code.W102, value=str(given))
            doc._.pc_published = value.isoformat() if value else None
        return doc


@Language.factory(CONTEXT, assigns=["doc._.pc_published"], default_config={"day_order": "dmy"})
def make_context_component(nlp: Language, name: str, *, day_order: DayOrder) -> ContextComponent:
    return ContextComponent(name, day_order=day_order)
