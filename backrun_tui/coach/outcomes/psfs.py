"""The Patient-Specific Functional Scale: up to five everyday activities the runner finds hard
because of their back, each scored 0 (cannot do it) to 10 (as well as before the back hurt),
asked again every two weeks. A change of 2 points or more is one that matters (see
docs/programme.md). Activities are renamed or retired, never deleted: their scores stay."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NamedTuple

SCORE_MAX = 10
MAX_ACTIVE = 5
NAME_MAX = 60
ASK_EVERY = timedelta(days=14)
MEANINGFUL = 2  # points: the smallest change that matters to a person (see docs/programme.md)
EXAMPLES = (
    "run 30 minutes easy",
    "sit through an hour's drive",
    "put on socks and shoes",
    "run downhill",
    "lift a bag of shopping",
    "sleep through the night",
)


@dataclass(frozen=True)
class Activity:
    """One activity. `id` never changes, so a renamed activity keeps its scores; a retired one
    is asked no more."""

    id: str
    name: str
    added: datetime
    retired: datetime | None = None


@dataclass(frozen=True)
class Score:
    activity_id: str
    score: int
    at: datetime


@dataclass(frozen=True)
class Psfs:
    """The activities, when the scale was last asked (answered or skipped), and each activity's
    first and latest score (the history keeps every one)."""

    activities: tuple[Activity, ...] = ()
    asked: datetime | None = None
    first: tuple[Score, ...] = ()
    latest: tuple[Score, ...] = ()

    @property
    def active(self) -> tuple[Activity, ...]:
        return tuple(a for a in self.activities if a.retired is None)

    def first_of(self, activity_id: str) -> Score | None:
        return next((s for s in self.first if s.activity_id == activity_id), None)

    def latest_of(self, activity_id: str) -> Score | None:
        return next((s for s in self.latest if s.activity_id == activity_id), None)

    def name_of(self, activity_id: str) -> str:
        return next((a.name for a in self.activities if a.id == activity_id), activity_id)


class ActivityAnswer(NamedTuple):
    """One row of the form: an activity (None: a new one), its name ("" retires it) and score."""

    activity_id: str | None
    name: str
    score: int | None


class AnswerProblem(ValueError):
    """What is wrong with the form, in words; `row` is the first row to fix (0-based)."""

    def __init__(self, row: int, field: str, text: str) -> None:
        super().__init__(text)
        self.row = row
        self.field = field


def due(psfs: Psfs, now: datetime) -> bool:
    """Asked again two weeks after it was last answered or skipped (never asked: now)."""
    return psfs.asked is None or now - psfs.asked >= ASK_EVERY


def clean_name(text: str) -> str:
    """A name as typed, kept readable: no control characters, spaces made single."""
    shown = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return " ".join(shown.split())


def read_rows(psfs: Psfs, rows: list[tuple[str | None, str, str]]) -> tuple[ActivityAnswer, ...]:
    """The form's rows (activity id or None, name typed, score typed) as answers, or
    AnswerProblem saying the first thing to fix. An empty new row is left out."""
    answers: list[ActivityAnswer] = []
    seen: set[str] = set()
    for row, (activity_id, typed_name, typed_score) in enumerate(rows):
        name, score_text = clean_name(typed_name), typed_score.strip()
        if activity_id is None and not name and not score_text:
            continue
        if not name:
            if activity_id is None:
                raise AnswerProblem(row, "name", "Give the activity you scored a name.")
            answers.append(ActivityAnswer(activity_id, "", None))  # retired
            continue
        if len(name) > NAME_MAX:
            raise AnswerProblem(row, "name", f"Keep each name under {NAME_MAX} characters.")
        if name.casefold() in seen:
            raise AnswerProblem(row, "name", f'"{name}" is named twice: keep one.')
        seen.add(name.casefold())
        if not score_text.isdigit() or int(score_text) > SCORE_MAX:
            raise AnswerProblem(
                row, "score", f'Score "{name}" from 0 (cannot do it) to 10 (as before).'
            )
        answers.append(ActivityAnswer(activity_id, name, int(score_text)))
    if not any(a.score is not None for a in answers) and not any(not a.name for a in answers):
        raise AnswerProblem(0, "name", "Name at least one activity and score it, or skip (Esc).")
    return tuple(answers)


def answered(psfs: Psfs, answers: tuple[ActivityAnswer, ...], now: datetime) -> Psfs:
    """The scale after the runner's answers: renamed, retired and new activities, their scores
    as the latest (and the first, for a new one), and asked now."""
    activities = {a.id: a for a in psfs.activities}
    scores: list[Score] = []
    number = len(psfs.activities)
    for answer in answers:
        if answer.activity_id in activities:
            activity = activities[answer.activity_id]
            if not answer.name:
                activities[activity.id] = replace(activity, retired=now)
                continue
            activities[activity.id] = replace(activity, name=answer.name)
        else:
            number += 1
            while f"a{number}" in activities:
                number += 1
            activity = Activity(f"a{number}", answer.name, now)
            activities[activity.id] = activity
        if answer.score is not None:
            scores.append(Score(activity.id, min(SCORE_MAX, max(0, answer.score)), now))
    kept = tuple(activities.values())
    active = [a for a in kept if a.retired is None]
    if len(active) > MAX_ACTIVE:  # never more than five asked: the newest beyond are not kept
        extra = {a.id for a in active[MAX_ACTIVE:]}
        kept = tuple(a for a in kept if a.id not in extra)
        scores = [s for s in scores if s.activity_id not in extra]
    scored = {s.activity_id for s in scores}
    had_first = {s.activity_id for s in psfs.first}
    first = (*psfs.first, *(s for s in scores if s.activity_id not in had_first))
    latest = (*(s for s in psfs.latest if s.activity_id not in scored), *scores)
    return Psfs(kept, now, first, latest)


def skipped(psfs: Psfs, now: datetime) -> Psfs:
    """Skipped: asked again in two weeks."""
    return replace(psfs, asked=now)


def new_scores(before: Psfs, after: Psfs) -> tuple[Score, ...]:
    """The scores the last answer gave (what the history keeps of it)."""
    return tuple(s for s in after.latest if s.at == after.asked and s not in before.latest)


def change_words(first: int, now: int) -> str:
    """How a score moved since the first one, against the 2-point line."""
    change = now - first
    if change == 0:
        return "the same as at first"
    direction = "better" if change > 0 else "harder"
    points = f"{abs(change)} point{'s' if abs(change) != 1 else ''}"
    matters = abs(change) >= MEANINGFUL
    return f"{points} {direction} than at first{' (a change that matters)' if matters else ''}"


def answer_message(before: Psfs, after: Psfs) -> str:
    """What the answer kept, in words: each score, and how it moved since the first."""
    parts = []
    for score in new_scores(before, after):
        first = before.first_of(score.activity_id)
        said = f"{after.name_of(score.activity_id)} {score.score}/10"
        if first is not None:
            said += f", {change_words(first.score, score.score)}"
        parts.append(said)
    retired = [a.name for a in after.activities if a.retired == after.asked]
    text = ("Activity scores kept: " + "; ".join(parts) + ".") if parts else ""
    if retired:
        text += f" No longer asked (past scores kept): {', '.join(retired)}."
    when = (after.asked or before.asked or datetime.min) + ASK_EVERY
    return f"{text} Asked again from {when:%a %d %b}.".strip()


class Course(NamedTuple):
    """One activity's scores over time, oldest first, and how it moved since the first."""

    activity: Activity
    scores: tuple[Score, ...]

    def words(self) -> str:
        first, last = self.scores[0], self.scores[-1]
        state = "" if self.activity.retired is None else " (no longer asked)"
        if len(self.scores) == 1:
            return f"{self.activity.name}{state}: {first.score} on {first.at:%d %b %Y}"
        return (
            f"{self.activity.name}{state}: {first.score} on {first.at:%d %b %Y}, "
            f"{last.score} on {last.at:%d %b %Y}: {change_words(first.score, last.score)}"
        )


def courses(psfs: Psfs, scores: list[Score]) -> list[Course]:
    """Each activity that has scores, the ones still asked first, with its scores in order."""
    by_activity: dict[str, list[Score]] = {}
    for score in sorted(scores, key=lambda s: s.at):
        by_activity.setdefault(score.activity_id, []).append(score)
    ordered = sorted(psfs.activities, key=lambda a: a.retired is not None)
    return [Course(a, tuple(by_activity[a.id])) for a in ordered if a.id in by_activity]
