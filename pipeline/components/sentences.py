"""A sentence splitter for policy articles: line structure first, then punctuation.

Every line break in the (repaired) article text ends a sentence, so headings, bylines
and list items are sentences of their own. Inside a line, a sentence ends at ``.``,
``!`` or ``?`` (with closing quotes or brackets) when the next word starts a new
sentence, except after abbreviations ("Mr.", "H.E.", "No.", "e.g.") and initials.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..labels import SENTENCES

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "h.e",
        "hon",
        "gen",
        "sen",
        "rep",
        "gov",
        "amb",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "pres",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "al",
        "fig",
        "art",
        "sec",
        "para",
        "vol",
        "pp",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
    ]
)
CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})
ENDERS = frozenset({".", "!", "?", "...", "\u2026"})


def _ends_with_abbreviation(token_text: str) -> bool:
    core = token_text.lower().rstrip(".")
    return core in ABBREVIATIONS or (len(core) == 1 and core.isalpha()) or ("." in core and len(core) <= 5)


def split_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``."""
    if len(doc) == 0:
        return doc
    starts = [False] * len(doc)
    starts[0] = True
    for i in range(len(doc) - 1):
        token = doc[i]
        if token.is_space and "\n" in token.text:
            starts[i + 1] = True
            continue
        ends = token.text in ENDERS
        if not ends and token.text.endswith(".") and len(token.text) > 1:
            ends = not _ends_with_abbreviation(token.text)
        if not ends:
            continue
        if not token.whitespace_ and doc[i + 1].text not in CLOSERS:
            continue  # "3.5" or "U.S." glued to the next token
        j = i + 1
        while j < len(doc) and doc[j].text in CLOSERS:
            j += 1
        if j >= len(doc):
            break
        first = doc[j]
        if first.is_space:
            continue
        if first.text[:1].isupper() or first.text[:1].isdigit() or first.text[:1] in "\"'\u201c\u2018(":
            starts[j] = True
    values = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]
    return doc


@Language.factory(
    SENTENCES,
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


class SentenceSplitter:
    """Callable component wrapper, so the factory has a stable, serializable object."""

    def __call__(self, doc: Doc) -> Doc:
        return split_sentences(doc)
