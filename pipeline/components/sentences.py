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
from ..lexicon import Lexicon
from .base import DataComponent

CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})
ENDERS = frozenset({".", "!", "?", "...", "\u2026"})


def abbreviations(lexicon: Lexicon) -> frozenset[str]:
    """``ABBREVIATION`` and ``TITLE_ABBREVIATION`` words, and every term of any word list written
    with a final dot ("jan.")."""
    dotted = {w[:-1] for label in lexicon.labels for w in lexicon.words(label) if w.endswith(".") and len(w) > 1}
    listed = lexicon.words("ABBREVIATION") | lexicon.words("TITLE_ABBREVIATION")
    return frozenset({w.rstrip(".") for w in listed} | dotted)


def ends_with_abbreviation(token_text: str, known: frozenset[str]) -> bool:
    """Is the dot of ``token_text`` an abbreviation's: a known one, an initial, or "U.S."-like?"""
    written = token_text.rstrip(".")  # lowercasing may lengthen a letter ("İ" becomes "i̇")
    core = written.lower()
    return core in known or (len(written) == 1 and written.isalpha()) or ("." in core and len(core) <= 5)


def is_day_dot(doc: Doc, i: int, months: frozenset[str]) -> bool:
    """Is the dot at ``i`` that of a day written "16. Nov. 2016" (a day number glued to the
    dot, and a month name next)? Then it ends no sentence."""
    if i == 0 or doc[i - 1].whitespace_ or not doc[i - 1].text.isdigit() or not 1 <= int(doc[i - 1].text) <= 31:
        return False
    following = doc[i + 1] if i + 1 < len(doc) else None
    return following is not None and following.lower_.rstrip(".") in months


def split_sentences(doc: Doc, known: frozenset[str] = frozenset(), months: frozenset[str] = frozenset()) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``; ``known`` are the abbreviations,
    ``months`` the month names (a day number's dot before one ends no sentence)."""
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
        if ends and token.text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].lower_ in known:
            ends = False  # "Thu. Jan 23rd": the tokenizer split the abbreviation's dot off
        if not ends and token.text.endswith(".") and len(token.text) > 1:
            ends = not ends_with_abbreviation(token.text, known)
        if not ends or (token.text == "." and is_day_dot(doc, i, months)):
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


class SentenceSplitter(DataComponent):
    """Sentence boundaries from line structure and punctuation; abbreviations come from the data."""

    component = SENTENCES

    def build(self) -> None:
        self.abbreviations = abbreviations(self.lexicon)
        self.months = frozenset(word.rstrip(".") for word in self.lexicon.words("MONTH"))

    def annotate(self, doc: Doc) -> None:
        split_sentences(doc, self.abbreviations, self.months)


@Language.factory(SENTENCES, assigns=["token.is_sent_start"], default_config={})
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
