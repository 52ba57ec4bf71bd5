"""Event dates: the ``detente_dates`` spaCy component and the date expressions it reads.

Each event's date comes from a DATE entity of its own sentence, resolved against the article's
publication date: first one attached to the trigger (or to a verb governing it, as in "said on
Wednesday that ..."), else the one nearest to the trigger among the sentence's adverbials. Noun
modifiers ("the 2016 campaign"), durations ("six months", "20 years") and ranges ("2000-2005")
are not event dates. Failing all that, the event takes the publication date.

``Event.date_rule`` records what decided: ``trigger:<kind>`` or ``sentence:<kind>`` (``kind``
names the expression: ``weekday``, ``day-month``, ``month``, ``season``, ``year``,
``last-week`` ...), ``published`` (publication date), ``published:text`` (a publication date
read from the article's own header, e.g. "Posted Sep 13, 2017"), ``unresolved:relative`` (a
relative expression and no publication date: nothing is guessed) or ``unresolved:no-date``.
Dates coarser than a day stand for the first day of their period ("in April" is 1 April).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.nlp import extensions
from detente.records import Event

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
UNIT = r"(day|week|month|year|decade|centur(?:y|ie)|hour|minute)s?"
COUNT = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
COUNT += r"couple of|many|some|a few|a couple of)"
MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
PART = r"(?:early|mid|late|(?:the )?(?:end|beginning|start|middle|first half|second half) of)[\s-]*"
YEAR_WORD = r"(?:,?\s+(\d{4}|this year|last year))?$"
FUTURE_LEMMAS = {"plan", "schedule", "intend"}
MODIFIER_WORDS = {"the", "early", "late", "mid", "-", "end", "beginning", "start", "middle", "of",
                  "earlier", "later", "first", "second", "half", *SEASONS}  # fmt: skip
NOUN_MODIFIER_DEPS = {"compound", "nummod", "amod", "poss", "nmod"}

DURATION = re.compile(rf"^(?:for |over |during |within )?(?:the )?(?:past |last |next |coming |"
                      rf"first |previous )?{COUNT}\s+(?:more )?{UNIT}(?: long| old)?$")  # fmt: skip
RANGE = re.compile(r"\b\d{4}\s*(?:-|–|to|and)\s*\d{2,4}\b(?!-)|^between\b|^from\b.*\bto\b|\d{4}s\b")
AGO = re.compile(rf"^{COUNT}\s+{UNIT}\s+ago$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DAY_MONTH = re.compile(rf"^(?:{PART})?{DAY}(?: of)?\s+{MONTH}{YEAR_WORD}")
MONTH_DAY = re.compile(rf"^(?:{PART})?{MONTH}\s+{DAY}{YEAR_WORD}")
MONTH_ONLY = re.compile(rf"^(?:(last|this|next) )?(?:{PART})?{MONTH}(?:,?\s+(?:of )?(\d{{4}}))?$")
SEASON = re.compile(rf"^(?:(last|this|next) )?(?:{PART})?(spring|summer|autumn|fall|winter)"
                    r"(?:\s+(?:of\s+)?(\d{4}))?$")  # fmt: skip
YEAR = re.compile(rf"^(?:{PART})?(\d{{4}})$")
WEEKDAY = re.compile(rf"^(?:(last|this|next|past) )?({'|'.join(WEEKDAYS)})"
                     r"(?:\s+(?:morning|afternoon|evening|night))?$")  # fmt: skip
CALENDAR = re.compile(r"^(earlier |later )?(last|this|next|past) (week|month|year|weekend)$")
WEEKEND = re.compile(r"^(last |this |past )?weekend$")
CLOCK = re.compile(r"^(?:\d{1,2}:\d{2}|\d{1,2})\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?$")
DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
             "yesterday": -1, "last night": -1, "tomorrow": 1}  # fmt: skip
HEADER = re.compile(
    r"^\W*(posted|published|first published|updated|last updated|dated?)\b\W*(?:on\s+)?(.*)$",
    re.IGNORECASE,
)
DATE_IN_LINE = re.compile(
    rf"(\d{{4}}-\d{{2}}-\d{{2}}|(?:{DAY}\s+)?{MONTH}\s+(?:{DAY},?\s+)?\d{{4}})", re.IGNORECASE
)
HEADER_LINES = 12


@dataclass(frozen=True, slots=True)
class Resolved:
    """A date expression read against a publication date; ``date`` None when it is relative and
    there is no publication date to read it against."""

    date: date | None
    kind: str


def resolve(text: str, published: date | None, *, future: bool = False) -> Resolved | None:
    """The date ``text`` points to, or None when it is not a point in time (a duration, a range,
    a phrase no rule knows).

    Example: ``resolve("on Wednesday", date(2017, 9, 13))`` is 2017-09-13 (a Wednesday).
    """
    phrase = normalise(text)
    if not phrase or DURATION.match(phrase) or RANGE.search(phrase):
        return None
    for kind, reader in READERS:
        match = reader(phrase, published, future)
        if match is not None:
            return match if match.kind else replace(match, kind=kind)
    return None


def normalise(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text.lower()).strip(" .,;:()'\"")
    phrase = re.sub(r"^(?:on|in|at|by|since|during|of|as of|until|from) ", "", phrase)
    return re.sub(r"^the ", "", phrase)


def read_iso(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = ISO.match(phrase)
    return Resolved(_safe_date(int(match[1]), int(match[2]), int(match[3])), "") if match else None


def read_day_month(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = DAY_MONTH.match(phrase)
    if match:
        day, month, year = match[1], match[2], match[3]
    else:
        match = MONTH_DAY.match(phrase)
        if not match:
            return None
        month, day, year = match[1], match[2], match[3]
    number = MONTHS[month.rstrip(".")]
    if year and year.isdigit():
        return Resolved(_safe_date(int(year), number, int(day)), "")
    if published is None:
        return Resolved(None, "")
    years = {"this year": published.year, "last year": published.year - 1}
    if year in years:
        return Resolved(_safe_date(years[year], number, int(day)), "")
    return Resolved(_nearest_day(published, number, int(day), future), "")


def read_month(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = MONTH_ONLY.match(phrase)
    if not match:
        return None
    shift, number, year = match[1], MONTHS[match[2].rstrip(".")], match[3]
    if year:
        return Resolved(date(int(year), number, 1), "")
    if published is None:
        return Resolved(None, "")
    return Resolved(_month_start(published, number, shift, future), "")


def read_season(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = SEASON.match(phrase)
    if not match:
        return None
    shift, month, year = match[1], SEASONS[match[2]], match[3]
    if year:
        return Resolved(date(int(year), month, 1), "")
    if published is None:
        return Resolved(None, "")
    return Resolved(_month_start(published, month, shift, future), "")


def read_year(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = YEAR.match(phrase)
    if not match or not 1800 <= int(match[1]) <= 2200:
        return None
    return Resolved(date(int(match[1]), 1, 1), "")


def read_weekday(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = WEEKDAY.match(phrase)
    if not match:
        return None
    if published is None:
        return Resolved(None, "")
    shift, weekday = match[1], WEEKDAYS.index(match[2])
    forward = shift == "next" or (future and shift not in {"last", "past"})
    if forward:
        return Resolved(published + timedelta(days=(weekday - published.weekday()) % 7 or 7), "")
    back = (published.weekday() - weekday) % 7
    if shift in {"last", "past"} and back == 0:
        back = 7
    return Resolved(published - timedelta(days=back), "")


def read_day_word(phrase: str, published: date | None, future: bool) -> Resolved | None:
    if phrase not in DAY_WORDS:
        return None
    if published is None:
        return Resolved(None, "")
    return Resolved(published + timedelta(days=DAY_WORDS[phrase]), phrase.replace(" ", "-"))


def read_clock(phrase: str, published: date | None, future: bool) -> Resolved | None:
    """A time of day alone ("4:44 pm") is on the publication day."""
    if not CLOCK.match(phrase) or not re.search(r":|[ap]\.?m", phrase):
        return None
    return Resolved(published, "")


def read_ago(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = AGO.match(phrase)
    if not match or (match[1] not in NUMBERS and not match[1].isdigit()):
        return None
    if published is None:
        return Resolved(None, "")
    count = int(match[1]) if match[1].isdigit() else NUMBERS[match[1]]
    unit = match[2]
    if unit == "day":
        return Resolved(published - timedelta(days=count), "")
    if unit == "week":
        return Resolved(_week_start(published - timedelta(weeks=count)), "")
    if unit == "month":
        return Resolved(_add_months(published.replace(day=1), -count), "")
    if unit == "year":
        return Resolved(date(published.year - count, 1, 1), "")
    return None


def read_calendar(phrase: str, published: date | None, future: bool) -> Resolved | None:
    match = CALENDAR.match(phrase) or WEEKEND.match(phrase)
    if not match:
        return None
    if published is None:
        return Resolved(None, "")
    words = phrase.split()
    unit = words[-1]
    step = {"last": -1, "past": -1, "this": 0, "next": 1}.get(words[-2], 0) if len(words) > 1 else 0
    kind = "-".join(w for w in words if w not in {"earlier", "later", "past"}) or unit
    return Resolved(_calendar_start(published, unit, step), kind)


def read_with_dateparser(phrase: str, published: date | None, future: bool) -> Resolved | None:
    """Whatever the rules above miss ("Sept. 10 2017", "March 3rd"); relative only with a base."""
    from dateparser.date import DateDataParser

    has_year = re.search(r"\b\d{4}\b", phrase) is not None
    if published is None and not has_year:
        return None
    base = datetime.combine(published or date(2000, 1, 1), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past"}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    starts = {"year": date(day.year, 1, 1), "month": day.replace(day=1), "week": _week_start(day)}
    return Resolved(starts.get(data.period or "day", day), "")


READERS = (
    ("iso", read_iso),
    ("day-month", read_day_month),
    ("month", read_month),
    ("season", read_season),
    ("year", read_year),
    ("weekday", read_weekday),
    ("day-word", read_day_word),
    ("clock", read_clock),
    ("ago", read_ago),
    ("calendar", read_calendar),
    ("dateparser", read_with_dateparser),
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_day(published: date, month: int, day: int, future: bool) -> date | None:
    """The ``month``/``day`` nearest before (or after, for future) the publication date."""
    year = published.year
    candidate = _safe_date(year, month, day)
    if candidate is None:
        return None
    if future and candidate < published:
        return _safe_date(year + 1, month, day)
    if not future and candidate > published:
        return _safe_date(year - 1, month, day)
    return candidate


def _month_start(published: date, month: int, shift: str | None, future: bool) -> date:
    """The first of ``month`` in the year the phrase means: this year's, or the nearest one
    before (past) or after (future, "next") the publication date."""
    start = date(published.year, month, 1)
    if shift == "this":
        return start
    if shift == "next" or (future and shift != "last"):
        behind = start <= published if shift == "next" else start < published.replace(day=1)
        return date(start.year + 1, month, 1) if behind else start
    return start if start <= published else date(start.year - 1, month, 1)


def _calendar_start(published: date, unit: str, step: int) -> date:
    if unit == "week":
        return _week_start(published) + timedelta(weeks=step)
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return saturday + timedelta(weeks=1) if step > 0 else saturday
    if unit == "month":
        return _add_months(published.replace(day=1), step)
    return date(published.year + step, 1, 1)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# -- publication dates written in the text ---------------------------------------------------


def published_in_text(text: str) -> date | None:
    """A publication date written in the article's header lines ("Posted Sep 13, 2017 4:44 PM",
    "Published: 2 March 2021", or a line that is just a full date); None when there is none.

    Only the first lines are read and only full dates (with a year) count, so a date in the
    story ("on Sunday, Sept. 10, 2017") is not mistaken for the publication date.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEADER_LINES]
    labelled = [m for m in map(HEADER.match, lines) if m]
    ranked = sorted(labelled, key=lambda m: m[1].lower().endswith("updated"))
    for match in ranked:
        found = _full_date(match[2])
        if found:
            return found
    for line in lines:
        bare = DATE_IN_LINE.fullmatch(re.sub(r"[\s,]*\d{1,2}:\d{2}.*$", "", line).strip(" ."))
        if bare:
            return _full_date(bare[0])
    return None


def _full_date(text: str) -> date | None:
    found = DATE_IN_LINE.search(text)
    if found is None:
        return None
    resolved = resolve(found[0], None)
    return resolved.date if resolved else None


# -- the spaCy component ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateCue:
    """A DATE entity of the event's sentence and how close it is to the trigger."""

    span: Span
    rank: int  # 0: attached to the trigger or a verb governing it; 1: elsewhere in the sentence
    distance: int


@Language.factory(
    "detente_dates",
    requires=["doc._.events", "doc.ents"],
    assigns=["doc._.events"],
)
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    extensions.register()
    return DatesComponent()


class DatesComponent:
    """Sets each event's ``date`` and ``date_rule`` from its sentence and the publication date."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.events:
            return doc
        published = doc._.published
        fallback = "published"
        if published is None:
            published = published_in_text(doc.text)
            fallback = "published:text"
        doc._.events = [date_event(doc, e, published, fallback) for e in doc._.events]
        return doc


def date_event(doc: Doc, event: Event, published: date | None, fallback: str) -> Event:
    """``event`` with its date and the rule that set it."""
    trigger = _trigger_token(doc, event)
    relative_seen = False
    for cue in date_cues(trigger) if trigger is not None else ():
        found = resolve(cue.span.text, published, future=_future(cue.span.root))
        if found is None:
            continue
        if found.date is None:
            relative_seen = True
            continue
        where = "trigger" if cue.rank == 0 else "sentence"
        return replace(event, date=found.date, date_rule=f"{where}:{found.kind}")
    if published is not None:
        return replace(event, date=published, date_rule=fallback)
    rule = "unresolved:relative" if relative_seen else "unresolved:no-date"
    return replace(event, date=None, date_rule=rule)


def date_cues(trigger: Token) -> list[DateCue]:
    """DATE entities of the trigger's sentence, best first."""
    sentence = trigger.sent
    governors = {trigger, *trigger.ancestors}
    cues = []
    for span in sentence.ents:
        if span.label_ not in {"DATE", "TIME"}:
            continue
        head = _attachment(span)
        if head is None:
            continue
        rank = 0 if head in governors else 1
        if rank == 1 and span.root.dep_ in NOUN_MODIFIER_DEPS:
            continue
        distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
        cues.append(DateCue(_with_modifier(span), rank, distance))
    return sorted(cues, key=lambda cue: (cue.rank, cue.distance))


def _attachment(span: Span) -> Token | None:
    """The verb (or event noun) a date expression modifies; None for a noun modifier far from
    any predicate."""
    token = span.root
    if token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ not in {"VERB", "AUX"}:
        return token.head
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} or ancestor.dep_ == "ROOT":
            return ancestor
    return token.head if token.head is not token else None


def _with_modifier(span: Span) -> Span:
    """Extend "this month" to "earlier this month", "2016" to "the autumn of 2016"."""
    start = span.start
    while start > span.sent.start and span.doc[start - 1].lower_ in MODIFIER_WORDS:
        start -= 1
    while start < span.start and span.doc[start].lower_ in {"of", "-", "the"}:
        start += 1
    return span.doc[start : span.end]


def _future(token: Token) -> bool:
    """Whether the verb a date modifies speaks of the future ("will meet", "plans to visit")."""
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), None)
    while verb is not None:
        if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children):
            return True
        if verb.lemma_ in FUTURE_LEMMAS:
            return True
        verb = verb.head if verb.dep_ == "xcomp" else None
    return False


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root
