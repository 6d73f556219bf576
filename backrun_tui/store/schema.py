"""The shape of every record on disk, checked as it is read: types, ranges and dates.

A record that does not fit raises BadRecord, whose str() says what is wrong in plain words.
The coach's own records are built from these only after they passed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

import msgspec

from backrun_tui.coach.decisions import DecisionKind
from backrun_tui.coach.ladder.feedback import Rating
from backrun_tui.coach.ladder.workout import SessionMode, Side
from backrun_tui.coach.safety.triage import Legs, Outcome, Where

Count = Annotated[int, msgspec.Meta(ge=0, le=1_000_000)]
Positive = Annotated[int, msgspec.Meta(ge=1, le=1_000_000)]
Pain = Annotated[int, msgspec.Meta(ge=0, le=10)]
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class BadRecord(ValueError):
    """A record that is not what backrun wrote: a wrong type, a value out of range, a bad date
    or an exercise backrun does not know."""


class BenchDoc(msgspec.Struct):
    exercise_id: Id = msgspec.field(name="id")
    since: date
    replaced_by: Id | None = None
    why: Literal["painful", "not_yet"] | None = "painful"

    def __post_init__(self) -> None:
        if self.why is None:  # kept so by an early backrun: it was a painful flag
            self.why = "painful"


class PlanDoc(msgspec.Struct):
    exercise_ids: list[Id]
    benched: list[BenchDoc] = []


class ReportDoc(msgspec.Struct):
    pain: Pain
    where: Where
    legs: Legs
    flags: list[Id] = []

    def __post_init__(self) -> None:
        self.flags = sorted(self.flags)  # the same answers, the same document


class CheckDoc(ReportDoc):
    at: datetime | None = None
    outcome: Outcome | None = None


class SetDoc(msgspec.Struct):
    exercise_id: Id
    set_number: Positive = msgspec.field(name="set")
    side: Side | None
    reps: Count
    seconds: Count
    at: datetime


class DecisionDoc(msgspec.Struct):
    kind: DecisionKind
    from_id: Id | None
    to_id: Id | None
    reason: str
    text: str
    at: datetime


class ItemDoc(msgspec.Struct, array_like=True):
    """One exercise of the day and its sets, kept as [id, sets]."""

    exercise_id: Id
    sets: Positive


class WorkoutDoc(msgspec.Struct):
    items: list[ItemDoc]
    sided: list[bool]
    item_index: Count
    set_number: Positive
    side: Side | None
    count: Count
    done: list[SetDoc]

    def __post_init__(self) -> None:
        if len(self.sided) != len(self.items) or self.item_index > len(self.items):
            raise ValueError("the session's exercises do not match its place in them")


class FeedbackDoc(msgspec.Struct):
    exercise_id: Id
    rating: Rating
    pain: Pain | None
    at: datetime


class SessionDoc(msgspec.Struct):
    id: str
    started_at: datetime
    ended_at: datetime | None
    report: ReportDoc
    outcome: Outcome
    mode: SessionMode
    workout: WorkoutDoc
    feedback: list[FeedbackDoc]
    decisions: list[DecisionDoc]


class WarningDoc(msgspec.Struct):
    outcome: Literal["urgent", "doctor_soon"]
    at: datetime
    report: ReportDoc


class RunChangeDoc(msgspec.Struct):
    at: datetime
    kind: Literal["edited", "deleted", "restored"]
    before: Annotated[str, msgspec.Meta(max_length=500)] = ""


class RunDoc(msgspec.Struct):
    fingerprint: Id
    started_at: datetime
    moving_seconds: Annotated[int, msgspec.Meta(ge=0, le=7 * 24 * 3600)]
    distance_m: Annotated[float, msgspec.Meta(ge=0, le=2_000_000)]
    source: Literal["gpx", "tcx", "fit", "manual"]
    ascent_m: Annotated[float, msgspec.Meta(ge=0, le=100_000)] | None = None
    avg_hr: Annotated[int, msgspec.Meta(ge=20, le=260)] | None = None
    effort: Annotated[int, msgspec.Meta(ge=1, le=10)] | None = None
    back_after: Pain | None = None
    deleted_at: datetime | None = None
    changes: list[RunChangeDoc] = []
    aliases: Annotated[list[Id], msgspec.Meta(max_length=1000)] = []
    origin: Annotated[str, msgspec.Meta(max_length=1000)] = ""


ActivityId = Annotated[str, msgspec.Meta(pattern=r"^a[0-9]{1,4}$")]
ActivityName = Annotated[str, msgspec.Meta(min_length=1, max_length=60)]


class ActivityDoc(msgspec.Struct):
    id: ActivityId
    name: ActivityName
    added: datetime
    retired: datetime | None = None


class ScoreDoc(msgspec.Struct):
    activity_id: ActivityId = msgspec.field(name="activity")
    score: Pain  # 0 (cannot do it) to 10 (as before), the same range as pain
    at: datetime


class PsfsDoc(msgspec.Struct):
    activities: Annotated[list[ActivityDoc], msgspec.Meta(max_length=1000)] = []
    asked: datetime | None = None
    first: list[ScoreDoc] = []
    latest: list[ScoreDoc] = []

    def __post_init__(self) -> None:
        ids = {a.id for a in self.activities}
        if len(ids) != len(self.activities):
            raise ValueError("two activities have the same id")
        if any(s.activity_id not in ids for s in (*self.first, *self.latest)):
            raise ValueError("a score names an activity that is not there")


class ProgressDoc(msgspec.Struct):
    streaks: dict[Id, Count] = {}
    first_session: datetime | None = None
    last_session_start: datetime | None = None
    last_session_end: datetime | None = None
    doctor_acknowledged: datetime | None = None
    warning: WarningDoc | None = None
    news_seen: datetime | None = None


T = TypeVar("T")


def read(doc: Any, shape: type[T]) -> T:
    """The document as `shape`, or BadRecord saying what does not fit."""
    try:
        return msgspec.convert(doc, shape, strict=False)
    except msgspec.ValidationError as error:
        raise BadRecord(plain(str(error))) from None


def plain(message: str) -> str:
    """msgspec's "Expected `int`, got `str` - at `$.pain`" as "pain: expected a whole number,
    got text"."""
    text, _, where = message.partition(" - at ")
    field = where.strip("`").removeprefix("$").lstrip(".") or "the record"
    words = (
        text.replace("`int`", "a whole number")
        .replace("`str`", "text")
        .replace("`float`", "a number")
        .replace("`null`", "nothing")
        .replace("Invalid enum value", "Not a value backrun knows:")
        .replace("`", "")
    )
    return f"{field}: {words[0].lower()}{words[1:]}" if words else field
