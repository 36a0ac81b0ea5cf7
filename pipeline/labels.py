"""Every label a data line may carry, who reads it, and what its ``value`` must be.

A data line (see ``patterns.py``) names a label. The label decides everything about the
line: which component reads it, whether that component matches it in the text or only
looks its words up, whether its matches become claims, and what kind of ``value`` it
carries. A label that is not listed here is a located error, never silently ignored.

Labels are read by one component each (``component`` is the factory name, or
``"ingest"`` for the readers' metadata). Term lists are shared: every component sees
every ``terms`` line, so a component may look up another's words (objectives look up
the organization head nouns, dates look up number words).
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .records import Qualifier

# What a line's ``value`` (or each value of a ``terms`` mapping) must be.
ValueKind = Literal["none", "text", "number", "integer", "codes"]

DATES = "policy_claims_dates"
COUNTS = "policy_claims_counts"
ORGANIZATIONS = "policy_claims_organizations"
OBJECTIVES = "policy_claims_objectives"
SENTENCES = "policy_claims_sentences"
INGEST = "ingest"


@dataclass(frozen=True)
class Label:
    name: str
    component: str
    description: str
    matched: bool = True  # the component runs its matchers over these lines
    claims: bool = False  # a match becomes a claim whose ``rule`` is the line's id
    value: ValueKind = "none"
    case_sensitive: bool = False  # terms are compared as written, not case-folded
    values: frozenset[str] | None = None  # the only values a line may give, where the mechanism knows no others
    word_list: str | None = None  # single words of this label belong in that word list (its patterns use LEX)


def _date_words(name: str, description: str, value: ValueKind = "none", values: Iterable[str] | None = None) -> Label:
    """A word list of the dates component: looked up, not matched."""
    return Label(name, DATES, description, matched=False, value=value, values=frozenset(values) if values else None)


QUALIFIERS = frozenset(typing.get_args(Qualifier))


_LABELS: tuple[Label, ...] = (
    # dates
    Label("DATE", DATES, "a full date expression", claims=True),
    Label("DATE_RELATIVE", DATES, "a date that needs the publication date", claims=True),
    Label("DATE_YEAR", DATES, "a bare year, kept only where it acts as a year", claims=True),
    Label("DATE_FISCAL", DATES, "fiscal years (2024-25, FY 2023): no date, and no count inside either"),
    Label("DATE_RUN", DATES, "a run of date words, scanned for the longest dates inside it", claims=True),
    Label("MONTH", DATES, "month names and abbreviations; value: 1-12", matched=False, value="integer"),
    Label("WEEKDAY", DATES, "weekday names and abbreviations; value: 0 (Monday) to 6", matched=False, value="integer"),
    _date_words("WEEKDAY_PLURAL", "weekday names in the plural (mondays); value: 0 (Monday) to 6", "integer"),
    # dates: the vocabulary of the date grammar (normalize/dates.py) and of the component
    _date_words("DATE_SHIFT", "relative words (last, this, next); value: the shift, -1, 0 or 1", "integer"),
    _date_words(
        "DATE_UNIT",
        "calendar units (week, years); value: day, week, weekend, month, year, decade, century",
        "text",
        ("day", "week", "weekend", "month", "year", "decade", "century"),
    ),
    _date_words("DATE_YEAR_PART", "parts of a year by number (quarter, half, Q of Q1); value: its months", "integer"),
    _date_words("DATE_PART", "part-of-period words (early, mid, end of): the date is the whole period"),
    _date_words("DATE_DEICTIC", "days named from publication (today, yesterday); value: days after it", "integer"),
    _date_words("DATE_NOW", "the publication moment (now): a range end or an offset's base, never a date alone"),
    _date_words("DATE_COUNT", "indefinite counts of units (a, several, a few); value: the count", "number"),
    _date_words("DATE_AGO", "words after a counted duration that count back from publication (ago)"),
    _date_words("DATE_AHEAD", "words before a counted duration that count on from publication (in)"),
    _date_words("DATE_FROM", "words between a duration and its base day; value: 1 from, after; -1 before", "integer"),
    _date_words("DATE_RANGE_START", "words opening a range (from, between)"),
    _date_words("DATE_RANGE_TO", "words and signs joining a range's ends (to, -); value: the opener it needs", "text"),
    _date_words(
        "DATE_FILLER", "words a date may hold that change nothing (the, of); value: kinds they precede", "text"
    ),
    _date_words("DATE_PREPOSITION", "prepositions that introduce a date but are not part of it (in, since)"),
    _date_words("DATE_LEADING", "other words before a date that are not part of its span (the, as)"),
    _date_words(
        "DATE_YEAR_CONTEXT",
        "words after which four digits read as a year; value 'joins' for and, or; 'act' for the word"
        " after a numbered act that makes the year part of its identifier (No. 41 of 2019)",
        "text",
        ("joins", "act"),
    ),
    _date_words("DATE_SPELLED_YEAR_CONTEXT", "words after which a year spelled in words reads as a year"),
    _date_words(
        "DATE_NOT_YEAR",
        "signs and words by four digits that make them no year ($, %; 'before' ones: no day either, No. 23; 'name': a document noun ending a title;"
        " 'law': a capitalised law noun before ', YEAR' in the law's name, Act, 2013); value: side",
        "text",
        ("before", "after", "name", "law"),
    ),
    _date_words(
        "DATE_EDGE",
        "words a date never starts or ends with; value: not-first, not-last or inside",
        "text",
        ("not-first", "not-last", "inside"),
    ),
    _date_words(
        "DATE_RECURRING",
        "words that make a date recur (every, each): before it, or after it before a unit; value 'alone' "
        "for words that do so alone after it (annually)",
        "text",
        ("alone",),
    ),
    _date_words("DATE_AMBIGUOUS", "names that are common words too (may, sat): in lower case a date only by a number"),
    # counts
    Label("NUMBER_WORD", COUNTS, "cardinal number words; value: the number", matched=False, value="number"),
    Label("SCALE", COUNTS, "words that multiply a number (hundred, million, crore)", matched=False, value="number"),
    Label(
        "ORDINAL", COUNTS, "ordinal words (first, fifth, hundredth); value: the number", matched=False, value="number"
    ),
    Label(
        "MULTIPLIER",
        COUNTS,
        "abbreviations that multiply the digits before them (10k, 5 bn, 3M); value: the factor",
        matched=False,
        value="number",
        case_sensitive=True,  # "M" is million, "m" metres
    ),
    Label(
        "MONEY_MULTIPLIER",
        COUNTS,
        "abbreviations that multiply only an amount of money ($5m); value: the factor",
        matched=False,
        value="number",
        case_sensitive=True,
    ),
    Label(
        "FRACTION_WORD",
        COUNTS,
        "words for a part (half, quarter); value: the denominator",
        matched=False,
        value="number",
    ),
    Label(
        "NUMBER_GROUP",
        COUNTS,
        "words that count in groups (dozen); value: the group's size",
        matched=False,
        value="number",
    ),
    Label("NUMBER_ARTICLE", COUNTS, "articles that stand for one before a scale (a million)", matched=False),
    Label("NUMBER_SIGN", COUNTS, "words that make a number negative (minus five)", matched=False),
    Label(
        "NUMBER_CONNECTOR",
        COUNTS,
        "words inside a number; value: their role (and, point, over, of, out, dash, power)",
        matched=False,
        value="text",
        values=frozenset({"and", "point", "over", "of", "out", "dash", "power"}),
    ),
    Label(
        "PART_OF_WHOLE",
        COUNTS,
        "a part of a whole in words (half, two thirds); value: its percent",
        matched=False,
        value="number",
    ),
    Label("NUMBER", COUNTS, "a number in digits or words", claims=True),
    Label("MONEY", COUNTS, "an amount of money with its currency", claims=True),
    Label("FRACTION", COUNTS, "a fraction of a whole (half, two thirds)", claims=True),
    Label("RATIO", COUNTS, "a part of every so many (one in six): a percent", claims=True),
    Label(
        "RATIO_POPULATION",
        COUNTS,
        "plural nouns a ratio in digits shares out (3 in 10 households; not 3 in 10 categories)",
        matched=False,
    ),
    Label(
        "QUALIFIER",
        COUNTS,
        "words that qualify a number; value: about, more than, ...",
        value="text",
        values=QUALIFIERS,
    ),
    Label("QUALIFIER_OUTSIDE", COUNTS, "qualifiers left outside the claim's span (an estimated)", matched=False),
    Label(
        "CURRENCY",
        COUNTS,
        "currency names and codes after a number (yuan, cedis, USD); value: ISO 4217 code(s)",
        matched=False,
        value="codes",
    ),
    Label(
        "CURRENCY_SIGN",
        COUNTS,
        "currency symbols and codes before a number ($, Rs, USD); value: ISO 4217 code(s), the default first",
        matched=False,
        value="codes",
        case_sensitive=True,
    ),
    Label(
        "CURRENCY_COUNTRY",
        COUNTS,
        "words that pick one of the currencies sharing a sign (pakistan: PKR for Rs); value: the code",
        matched=False,
        value="text",
    ),
    Label(
        "CURRENCY_HINT",
        COUNTS,
        "words that favour one of the currencies sharing a sign when no country word decides (crore: INR); value: the code",
        matched=False,
        value="text",
    ),
    Label(
        "UNIT",
        COUNTS,
        "unit words: kept as written (km, MW), or with value, the canonical unit (percent)",
        value="text",
    ),
    Label("UNIT_STOP", COUNTS, "words that end a unit (of, were)", matched=False),
    Label("PLURAL_NOUN", COUNTS, "plural nouns without a plural ending (people, staff)", matched=False),
    Label("NOT_PLURAL_ENDING", COUNTS, "endings of words in -s that are not plurals (-ss, -us)", matched=False),
    Label("NOT_PLURAL_WORD", COUNTS, "words in -s that are verbs, never plural nouns (goes, remains)", matched=False),
    Label(
        "CONJUNCT_END",
        COUNTS,
        "words after a plural joined to a unit by and/or that show it ends the noun phrase (were, will, of)",
        matched=False,
    ),
    Label(
        "NO_COUNT_COMPOUND",
        COUNTS,
        "words after a hyphen that make the number no count (two-way, ten-fold)",
        matched=False,
    ),
    Label(
        "NO_COUNT_COMPOUND_END",
        COUNTS,
        "words ending a hyphenated compound that make the number no count (43-year-old)",
        matched=False,
    ),
    Label(
        "ORDINAL_UNIT",
        COUNTS,
        "ordinals that are also units after a hyphen (a 30-second video): a count, unless a tens word comes first",
        matched=False,
    ),
    Label("NOT_NAME_WORD", COUNTS, "capitalised words that may stand before a number outside a name", matched=False),
    Label(
        "RANGE_WORD",
        COUNTS,
        "words between the two numbers of a range; value: the word the range must open with",
        matched=False,
        value="text",
    ),
    Label(
        "PARTITIVE_DETERMINER",
        COUNTS,
        "words after the 'of' of a part before its whole (four of the states)",
        matched=False,
    ),
    Label("NOT_RANGE_START", COUNTS, "words before two numbers that make them a change, not a range", matched=False),
    Label("DURING_WORD", COUNTS, "qualifier words that mean 'during' right after an amount (over)", matched=False),
    Label(
        "PREPOSITION_QUALIFIER",
        COUNTS,
        "qualifier words that are prepositions after an ARRANGING_VERB (around)",
        matched=False,
    ),
    Label(
        "ARRANGING_VERB",
        COUNTS,
        "verbs after which a PREPOSITION_QUALIFIER is no qualifier (organised around)",
        matched=False,
    ),
    Label(
        "FRACTION_WHOLE", COUNTS, "singular nouns that end the whole of a fraction (half of the world)", matched=False
    ),
    Label(
        "FRACTION_PERIOD_WORD",
        COUNTS,
        "words before a fraction that make it part of a period (the last quarter, each half)",
        matched=False,
    ),
    Label("NOT_COUNT", COUNTS, "contexts where a number is no count (Article 5, phone numbers)"),
    # organizations
    Label("ORG", ORGANIZATIONS, "a full organization name", claims=True),
    Label(
        "ORG_HEAD",
        ORGANIZATIONS,
        "token patterns of head nouns in names (add words to ORG_NOUN)",
        claims=True,
        word_list="ORG_NOUN",
    ),
    Label(
        "ORG_DOC",
        ORGANIZATIONS,
        "token patterns of documents and events (add words to DOCUMENT_NOUN)",
        word_list="DOCUMENT_NOUN",
    ),
    Label(
        "INITIATIVE",
        ORGANIZATIONS,
        "token patterns ending initiatives (add words to INITIATIVE_NOUN)",
        word_list="INITIATIVE_NOUN",
    ),
    Label(
        "ORG_IN_CONTEXT",
        ORGANIZATIONS,
        "a name known by its context (a news credit, an appositive): the capitalized words after the first token",
        claims=True,
    ),
    Label(
        "ORG_LIST_IN_CONTEXT",
        ORGANIZATIONS,
        "names listed after their context (companies such as A, B and C): each capitalized run after the first token",
        claims=True,
    ),
    Label(
        "NEWS_CREDIT",
        ORGANIZATIONS,
        'a news credit (a dateline\'s "(XNA) -", ", Meridian Wire reports"): the capitalized words after the first'
        " token, kept when they read as an agency's name",
        claims=True,
    ),
    Label("INITIATIVE_HEAD", ORGANIZATIONS, "token patterns opening at a head noun that make the name an initiative"),
    Label("ORG_ENTRY", ORGANIZATIONS, "a well-known organization: name, acronym, variants", claims=True),
    Label("ORG_NOUN", ORGANIZATIONS, "head nouns of organization names (Council, Bank)", matched=False),
    Label("DOCUMENT_NOUN", ORGANIZATIONS, "nouns of documents and events (Charter, Summit)", matched=False),
    Label("INITIATIVE_NOUN", ORGANIZATIONS, "nouns ending initiative names (Corridor, Agreement)", matched=False),
    Label("INITIATIVE_MODIFIER", ORGANIZATIONS, "words before an initiative noun (Economic)", matched=False),
    Label("NAME_SMALL_WORD", ORGANIZATIONS, "small words inside names (of, and): no initials", matched=False),
    Label("NAME_CONNECTOR", ORGANIZATIONS, "words joining a complement to a name (of, for)", matched=False),
    Label("NOT_NAME_START", ORGANIZATIONS, "sentence-opening words not part of a name (The, Since)", matched=False),
    Label(
        "ADJECTIVE_PREFIX",
        ORGANIZATIONS,
        "prefixes glued to a head noun that make it an adjective (Inter-Agency)",
        matched=False,
    ),
    Label(
        "ADJECTIVES_AFTER_HEAD",
        ORGANIZATIONS,
        "head nouns of languages that write adjectives after them (Agence Française de Développement)",
        matched=False,
    ),
    Label(
        "HEADLINE_TAG",
        ORGANIZATIONS,
        "a wire service's tags glued to a headline's first name (CORRECTED-, EXCLUSIVE-): no part of it",
        matched=False,
    ),
    Label(
        "LIST_NAME_HEAD",
        ORGANIZATIONS,
        "heads of a government unit's name that open the next name of a list after 'and' (Ministry, Department)",
        matched=False,
    ),
    Label(
        "PEOPLE_PLURAL",
        ORGANIZATIONS,
        "plurals of people and their endings (-ers, -ors: Farmers, Donors) whose possessive is a word of a name",
        matched=False,
    ),
    Label(
        "HEAD_FIRST_TAIL",
        ORGANIZATIONS,
        "words a head-first name adds after its complement (Ministry of Foreign Affairs)",
        matched=False,
    ),
    Label(
        "NAME_ARTICLE",
        ORGANIZATIONS,
        "articles of other languages after a name's connector (Banco de la Nacion)",
        matched=False,
    ),
    Label(
        "SPELLING_VARIANT",
        ORGANIZATIONS,
        "words of names spelt two ways; value: the one form two names are compared in (organisation)",
        matched=False,
        value="text",
    ),
    Label(
        "ALIAS_MARKER",
        ORGANIZATIONS,
        "words before another name (formerly); value: former or alias",
        matched=False,
        value="text",
        values=frozenset({"former", "alias"}),
    ),
    Label("ALIAS_ADVERB", ORGANIZATIONS, "words between the comma and an alias marker (also)", matched=False),
    Label(
        "NAME_MODIFIER",
        ORGANIZATIONS,
        "short forms of countries written before a name (US, UK): part of the name",
        matched=False,
        case_sensitive=True,
    ),
    Label("NAME_END_NOUN", ORGANIZATIONS, "head nouns that close a name: a name after them is another", matched=False),
    Label(
        "COMPANY_SUFFIX",
        ORGANIZATIONS,
        "a company's legal form; after another one it is still the same name ('Co. Ltd.', 'Pvt. Ltd.')",
        matched=False,
    ),
    Label(
        "NAME_SAME_SUFFIX",
        ORGANIZATIONS,
        "words after a name that leave the organization the same (Group)",
        matched=False,
    ),
    Label(
        "EVENT_HEAD",
        ORGANIZATIONS,
        "head nouns that name an event when no complement follows (Conference)",
        matched=False,
    ),
    Label(
        "OWNED_PROGRAMME_HEAD",
        ORGANIZATIONS,
        "head nouns of an organization's own programmes (its Fund, its Facility)",
        matched=False,
    ),
    Label(
        "OWNED_BY_NAME_HEAD",
        ORGANIZATIONS,
        "head nouns of a programme whose name opens with its organization's name (IMF Extended Credit Facility)",
        matched=False,
    ),
    Label("EVENT_MODIFIER", ORGANIZATIONS, "words opening the name of an event (Extraordinary, Annual)", matched=False),
    Label("PERSON_ROLE", ORGANIZATIONS, "words of a person's role (Minister, Spokesperson)", matched=False),
    Label(
        "PUBLICATION_HEAD",
        ORGANIZATIONS,
        "head nouns of publications: a masthead names an organization, a title with a complement none (Journal of X)",
        matched=False,
    ),
    Label(
        "EVENT_SESSION_HEAD",
        ORGANIZATIONS,
        "head nouns that an event modifier makes an event (Extraordinary Congress; an Ordinary Council is a body)",
        matched=False,
    ),
    Label(
        "NOT_ORG_NAME",
        ORGANIZATIONS,
        "capitalized phrases that name a kind of body, not one (National Society)",
        matched=False,
    ),
    Label(
        "COUNTRY",
        ORGANIZATIONS,
        "countries and world regions (CLDR names): after a known organization, its country office (UNICEF Nigeria)",
        case_sensitive=True,
    ),
    Label(
        "PAIR_NOUN",
        ORGANIZATIONS,
        "nouns after an organization and a country that make the pair a modifier (the IMF Kenya programme)",
        matched=False,
    ),
    Label(
        "SURNAME_PREFIX",
        ORGANIZATIONS,
        "openings of surnames written in CamelCase (Mac, Van): a CamelCase word opening so is no name",
        matched=False,
    ),
    Label(
        "KIND_OF_BODY_HEAD",
        ORGANIZATIONS,
        "plural head nouns of kinds of body (Partners, Institutions): with only generic words before them, no name",
        matched=False,
    ),
    Label(
        "KIND_OF_BODY_WORD",
        ORGANIZATIONS,
        "generic words describing a kind of body (National, Implementing, Member)",
        matched=False,
    ),
    # objectives
    Label("LIST_INTRO", OBJECTIVES, "words that introduce a list of goals", claims=True),
    Label(
        "GOAL_MARKER",
        OBJECTIVES,
        "words that introduce a goal (aims to); value: how many of the match's last tokens are the goal's",
        claims=True,
        value="integer",
    ),
    Label("NOT_GOAL", OBJECTIVES, "vetoes: a goal marker that is no goal (has the potential to)"),
    Label(
        "REFERENCE_NOUN",
        OBJECTIVES,
        "nouns referring back to an organization or initiative (the bloc); value: which",
        matched=False,
        value="text",
        values=frozenset({"organization", "initiative"}),
    ),
    Label("CLAUSE_BREAK", OBJECTIVES, "words that end a goal clause after a comma (and, while)", matched=False),
    Label("RELATIVE_WORD", OBJECTIVES, "words that give a goal to the nearest name (which, who)", matched=False),
    Label("FOUNDING_DOCUMENT", OBJECTIVES, "documents whose goals are the adopting organization's", matched=False),
    Label("GOAL_ADJECTIVE", OBJECTIVES, "words between a marker and its goal noun (main, ultimate)", matched=False),
    Label(
        "LIST_ANNOUNCER",
        OBJECTIVES,
        "words after a goal noun that open its items like a colon (priorities, notably to ...)",
        matched=False,
    ),
    Label(
        "GOAL_VERB",
        OBJECTIVES,
        "verbs that open the next goal of an inline series (to cut X, raise Y and end Z)",
        matched=False,
    ),
    Label("BACK_REFERENCE", OBJECTIVES, "words before a goal noun that refer back (those objectives)", matched=False),
    Label(
        "SOUGHT_STATE", OBJECTIVES, "words after 'seeks' that open a state to reach (universal, an end)", matched=False
    ),
    Label("VERB_PARTICLE", OBJECTIVES, "words after a goal word that make it a verb (aims to, aim at)", matched=False),
    Label(
        "FRONTED_MARKER_WORD",
        OBJECTIVES,
        "first words of a marker opening its sentence (Seeking to ..., the)",
        matched=False,
    ),
    Label(
        "SUBJECT_PRONOUN",
        OBJECTIVES,
        "words opening a new clause after a series' ', and' or ';' (and it has ...)",
        matched=False,
    ),
    Label(
        "CLAUSE_VERB",
        OBJECTIVES,
        "finite verbs that make the words after a series' ', and' or ';' a clause (and the bank will)",
        matched=False,
    ),
    Label(
        "MARKER_ADVERB",
        OBJECTIVES,
        "modal verbs and adverbs between a goal marker and its subject (will, also, likely)",
        matched=False,
    ),
    Label(
        "REFERRING_WORD", OBJECTIVES, "words before a noun that refer to the latest name (the corridor)", matched=False
    ),
    Label(
        "DESCRIPTION_CONNECTOR",
        OBJECTIVES,
        "words opening an unnamed project's description (project for)",
        matched=False,
    ),
    Label(
        "NOT_INFINITIVE", OBJECTIVES, "words after a marker's 'to' that open no verb (a mission to the)", matched=False
    ),
    Label("POSSESSIVE", OBJECTIVES, "words that give a goal noun its owner (its, their, 's)", matched=False),
    Label("DESCRIPTION_STOP", OBJECTIVES, "words that end an unnamed project's description (was, will)", matched=False),
    Label(
        "REPORTING_VERB", OBJECTIVES, "verbs of a closing attribution that ends a goal (the agency said)", matched=False
    ),
)

_LABELS += (
    # sentences
    Label("ABBREVIATION", SENTENCES, "abbreviations whose dot ends no sentence (etc, e.g)", matched=False),
    Label("TITLE_ABBREVIATION", SENTENCES, "abbreviations before a name or number (Mr, No)", matched=False),
    # the file readers: text repair and metadata
    Label("LINE_CONTINUES", INGEST, "a wrapped line ending in these runs on (of, the, and)", matched=False),
    Label("COMPOUND_HEAD", INGEST, "first parts whose line-end hyphen is the word's own (low-, cross-)", matched=False),
    Label(
        "JOINED_WORD",
        INGEST,
        "plain words opening with a compound head: the line-end hyphen is the break's (generated)",
        matched=False,
    ),
    Label(
        "COMPOUND_TAIL", INGEST, "second parts after a line-end hyphen that is the word's own (-related)", matched=False
    ),
    Label("HONORIFIC", INGEST, "titles dropped from an author's name (Dr, H.E.)", matched=False),
    Label("POSTNOMINAL", INGEST, "letters dropped after an author's name (PhD)", matched=False),
    Label("BYLINE_LABEL", INGEST, "words that open a byline (By, Prepared by)", matched=False),
    Label("DATE_LABEL", INGEST, "words that open a publication date line (Published, Posted)", matched=False),
    Label("TITLE_LABEL", INGEST, "words that label a title line (Title, Headline)", matched=False),
    Label("UPDATE_LABEL", INGEST, "words that open the date line of a later change (Updated)", matched=False),
    Label("ISSUE_VERB", INGEST, "verbs of a head sentence that dates the item (issued ... on 3 May)", matched=False),
    Label("TIME_WORD", INGEST, "words after a time of day on a date line (am, GMT)", matched=False),
    Label("FURNITURE_LABEL", INGEST, "words that open a line of page furniture (Category:, Share)", matched=False),
    Label(
        "NOT_HEADLINE_OPENER",
        INGEST,
        "openings of lines that are never a headline (Skip to, Photo:, Latest news)",
        matched=False,
    ),
    Label("FURNITURE_PHRASE", INGEST, "phrases anywhere in a line of page furniture (click to print)", matched=False),
    Label("RELEASE_LABEL", INGEST, "a release's labels anywhere in a line in capitals (EMBARGOED)", matched=False),
    Label("READ_TIME_WORD", INGEST, "words of a reading time after a date line's date (min read)", matched=False),
    Label("SOCIAL_WORD", INGEST, "the words of a share row (Facebook, LinkedIn, Email)", matched=False),
    Label("PROMO_LABEL", INGEST, "words of a promotional label line (Sponsored, Partner content)", matched=False),
    Label("LISTING_WORD", INGEST, "first or last words of a listing counter (Displaying 1 - 3 of 3)", matched=False),
    Label("MASTHEAD_NOUN", INGEST, "nouns of publication names (Journal, Blog): a masthead line", matched=False),
    Label(
        "TARGET_WORD", INGEST, "words before a target date (by, until): no clue to the article's year", matched=False
    ),
    Label("PLACE_SMALL_WORD", INGEST, "small words inside a dateline's place (Dar es Salaam)", matched=False),
    Label("PLACE_OPENER_WORD", INGEST, "first words of a place of two words or more (NEW YORK)", matched=False),
    Label(
        "DATE_TAIL_WORD", INGEST, "words after a date line's date that start what is dropped (by, in)", matched=False
    ),
    Label("AUTHOR_ROLE_WORD", INGEST, "words of an author's role after the name (Senior Fellow)", matched=False),
    Label("NOT_PERSON_WORD", INGEST, "byline words that name no person (staff, desk)", matched=False),
)

LABELS: dict[str, Label] = {label.name: label for label in _LABELS}


def labels_of(component: str) -> frozenset[str]:
    """The labels a component reads."""
    return frozenset(name for name, label in LABELS.items() if label.component == component)
