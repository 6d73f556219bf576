"""Write a synthetic training history through the real store, for the benchmarks."""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any

from tinydb import TinyDB

from backrun_tui.coach.ladder.catalog import Catalog, load_catalog
from backrun_tui.coach.ladder.feedback import Feedback, Rating, apply_feedback
from backrun_tui.coach.ladder.first_assessment import plan_from_assessment
from backrun_tui.coach.ladder.plan import UPPER_BACK_EXERCISE, Plan, add_exercise
from backrun_tui.coach.ladder.progression import next_day_check, progress_after_session
from backrun_tui.coach.ladder.retest import accept_retest, due_retests
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import SessionMode, Workout, session_items, start_workout
from backrun_tui.coach.outcomes.psfs import Psfs
from backrun_tui.coach.outcomes.psfs import answered as psfs_answered
from backrun_tui.coach.outcomes.psfs import due as psfs_due
from backrun_tui.coach.outcomes.psfs import new_scores as psfs_new_scores
from backrun_tui.coach.outcomes.psfs import read_rows as psfs_rows
from backrun_tui.coach.outcomes.psfs import skipped as psfs_skipped
from backrun_tui.coach.safety.triage import SymptomReport, Where, triage
from backrun_tui.coach.session.session_filing import file_session
from backrun_tui.coach.session.session_state import SessionState
from backrun_tui.coach.session.writes import FileSession
from backrun_tui.coach.settings import Settings
from backrun_tui.store.atomic_storage import AtomicJSONStorage, make_private_dir
from backrun_tui.store.lock import DataDirLock
from backrun_tui.store.repository import Store

SESSIONS_PER_WEEK = 4
LOCAL = datetime.now().astimezone().tzinfo


@dataclass
class Totals:
    sessions: int = 0
    sets: int = 0
    decisions: int = 0
    finish_seconds: list[float] = field(default_factory=list)  # each Store.finish_session


def training_days(first: date, last: date, rng: random.Random) -> list[date]:
    """About four days a week from `first` to `last`; `last` is always one of them."""
    days: list[date] = []
    week = first - timedelta(days=first.weekday())
    while week <= last:
        picked = rng.sample(range(7), SESSIONS_PER_WEEK)
        days.extend(week + timedelta(days=d) for d in sorted(picked))
        week += timedelta(days=7)
    days = [d for d in days if first <= d < last]
    return [*days, last]


def pain_on(day_number: int, rng: random.Random) -> int:
    """Starts around 5, settles around 1-2 over a few months, with a flare-up now and then."""
    if rng.random() < 0.02:
        return rng.choice((6, 6, 7))
    usual = 1.5 + 3.5 * math.exp(-day_number / 60)
    return max(0, min(5, round(rng.gauss(usual, 0.8))))


def rating_for(rng: random.Random) -> Rating:
    roll = rng.random()
    if roll < 0.01:
        return "painful"
    if roll < 0.03:
        return "too_hard"
    if roll < 0.06:
        return "too_easy"
    return "just_right"


def train(
    catalog: Catalog, settings: Settings, plan: Plan, session: Session, rng: random.Random
) -> tuple[Session, Plan, datetime]:
    """Do every set of the session's workout, answering after each exercise."""
    workout, now = session.workout, session.started_at
    while not workout.finished:
        exercise = catalog.get(workout.current.exercise_id)
        seconds = exercise.hold_seconds or 0  # a hold is held in full; reps have none
        if not exercise.is_hold:
            low, high = (settings.rep_low, settings.rep_high)
            if exercise.is_stretch and exercise.rep_range:
                low, high = exercise.rep_range
            reps = high if rng.random() < 0.6 else rng.randint(low, high)
            for _ in range(reps):
                workout = workout.tap()
        now += timedelta(seconds=rng.randint(40, 110))
        workout, step = workout.finish_set(now, seconds=seconds)
        if step != "exercise_done":
            continue
        rating: Rating = "just_right" if exercise.is_stretch else rating_for(rng)
        pain = rng.randint(4, 7) if rating == "painful" else None
        feedback = Feedback(exercise.id, rating, pain, now)
        plan, decisions = apply_feedback(
            catalog,
            plan,
            feedback,
            progressed_today=session.progressed_today,
            pain_today=session.report.pain,
        )
        session = session.with_feedback(feedback, decisions)
        workout = workout.next_exercise()
    return session.with_workout(workout), plan, now


def one_session(
    store: Store,
    catalog: Catalog,
    settings: Settings,
    start: datetime,
    day_number: int,
    rng: random.Random,
) -> tuple[int, int, float]:
    """Check, train and file one session as the app would; returns (sets, decisions, seconds
    spent in finish_session)."""
    where: Where = "upper" if rng.random() < 0.1 else "lower"
    report = SymptomReport(pain_on(day_number, rng), where, "none")
    earlier = store.recent_checks()
    result = triage(report)
    store.record_check(report, result.outcome, start)
    plan = store.load_plan() or Plan(())
    progress = store.progress()
    since = progress.last_session_start
    last = [d for d in store.recent_decisions() if since is None or d.at >= since]
    next_day = next_day_check(
        catalog, plan, report.pain, earlier, progress.last_session_end, last, start
    )
    lighter = result.outcome == "go" and next_day.lighter
    mode: SessionMode = "flare_up" if result.flare_up else "light" if lighter else "full"
    session = Session(new_session_id(start), start, report, result.outcome, mode, Workout((), ()))
    if lighter and next_day.decisions:
        plan = next_day.plan
        session = session.with_decisions(list(next_day.decisions))
    if result.add_upper_back_exercise and mode != "flare_up":
        plan, added = add_exercise(catalog, plan, UPPER_BACK_EXERCISE, "addon", "upper back", start)
        session = session.with_decisions([added] if added else [])
    due = due_retests(plan, start.date())
    if due and mode == "full":  # the picker's "r": try a rested exercise again
        plan, decision = accept_retest(catalog, plan, due[0], start)
        session = session.with_decisions([decision])
    items = session_items(catalog, plan, mode, settings.sets)
    session = session.with_workout(start_workout(catalog, items))
    session, plan, end = train(catalog, settings, plan, session, rng)
    session = session.ended(end)
    plan, streaks, decisions = progress_after_session(
        catalog, plan, session, progress.streaks, settings
    )
    session = session.with_decisions(decisions)
    state = SessionState(plan=plan, progress=progress)
    _, (filed, *_) = file_session(state, session, end, plan, streaks)
    assert isinstance(filed, FileSession)
    began = time.perf_counter()
    store.finish_session(filed.session, filed.plan, filed.progress)
    spent = time.perf_counter() - began
    return len(session.workout.done), len(session.decisions), spent


class WrittenAtClose(AtomicJSONStorage):
    """Each file written once, when generation is done (as atomically as ever): thousands of
    rewrites of a growing year file, each encoded whole and synced, took two minutes."""

    def write(self, data: dict[str, Any]) -> None:
        self._cache = data
        self.unwritten = True

    def close(self) -> None:
        if getattr(self, "unwritten", False) and self._cache is not None:
            super().write(self._cache)
        super().close()


def open_store(data_dir: Path, write_each: bool) -> Store:
    if write_each:
        return Store.open(data_dir)
    make_private_dir(data_dir)
    return Store(lambda name: TinyDB(data_dir / name, storage=WrittenAtClose), data_dir)


def generate(
    data_dir: Path, years: float, seed: int = 1, quiet: bool = False, write_each: bool = True
) -> Totals:
    """About four sessions a week for `years` years, the last one yesterday. write_each: every
    change saved as the app saves it (the finish timings are then real); False writes each file
    once at the end, for tests that only need the data."""
    rng = random.Random(seed)
    catalog, settings = load_catalog(), Settings()
    last = date.today() - timedelta(days=1)
    first = last - timedelta(days=round(years * 365.25))
    lock = DataDirLock(data_dir).acquire()
    store = open_store(data_dir, write_each)
    totals = Totals()
    try:
        if store.load_plan() is not None or store.recent_checks():
            raise SystemExit(f"generate_history: {data_dir} already holds data; use a new folder")
        answers = {e.id: True for e in catalog.ladder()[:4]}
        plan, _ = plan_from_assessment(catalog, answers, _at(first, 7))
        store.save_plan(plan)
        days = training_days(first, last, rng)
        scale = Psfs()
        for number, day in enumerate(days):
            start = _at(day, rng.randint(6, 19), rng.randint(0, 59))
            if psfs_due(scale, start):
                scale = score_activities(store, scale, start, (day - first).days, rng)
            sets, made, spent = one_session(
                store, catalog, settings, start, (day - first).days, rng
            )
            totals.sessions += 1
            totals.sets += sets
            totals.decisions += made
            totals.finish_seconds.append(spent)
            if not quiet and number % 200 == 199:
                print(f"  {number + 1} of {len(days)} sessions", file=sys.stderr)
    finally:
        store.close()
        lock.release()
    return totals


# The activities a runner names (PSFS): each starts low and comes back over the first months.
ACTIVITIES = (("run 30 minutes easy", 2), ("sit through an hour's drive", 4), ("put on socks", 5))


def score_activities(
    store: Store, scale: Psfs, at: datetime, day_number: int, rng: random.Random
) -> Psfs:
    """The activities' scores, as the app keeps them: named at the first session, then every
    two weeks (one time in six skipped), rising over about six months with a little noise; one
    renamed after a year, one retired and a new one named after two."""
    if scale.asked is not None and rng.random() < 1 / 6:
        skipped_scale = psfs_skipped(scale, at)
        store.save_psfs(skipped_scale, ())
        return skipped_scale
    recovered = min(1.0, day_number / 180)

    def score(start: int) -> str:
        return str(min(10, max(0, round(start + (9 - start) * recovered + rng.uniform(-1, 1)))))

    if not scale.activities:
        rows: list[tuple[str | None, str, str]] = [(None, n, score(s)) for n, s in ACTIVITIES]
    else:
        starts = dict(zip(("a1", "a2", "a3"), (s for _, s in ACTIVITIES), strict=True))
        rows = []
        for activity in scale.active:
            name = activity.name
            if activity.id == "a1" and day_number >= 365:
                name = "run an hour easy"
            if activity.id == "a3" and day_number >= 730:
                rows.append((activity.id, "", ""))  # socks are no trouble any more: retired
            else:
                rows.append((activity.id, name, score(starts.get(activity.id, 6))))
        if day_number >= 730 and len(scale.activities) == 3:
            rows.append((None, "run downhill", str(rng.randint(4, 6))))
    after = psfs_answered(scale, psfs_rows(scale, rows), at)
    store.save_psfs(after, psfs_new_scores(scale, after))
    return after


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=float, required=True, help="years of history, e.g. 5")
    parser.add_argument("--data-dir", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    totals = generate(args.data_dir, args.years, args.seed)
    took = time.perf_counter() - began
    spent = totals.finish_seconds
    size = sum(p.stat().st_size for p in args.data_dir.rglob("*.json")) / 2**20
    print(
        f"{totals.sessions} sessions, {totals.sets} sets, {totals.decisions} decisions, "
        f"{size:.1f} MiB in {args.data_dir}; {took:.1f} s "
        f"(finish_session: {sum(spent):.1f} s in all, median {median(spent) * 1000:.0f} ms, "
        f"slowest {max(spent) * 1000:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
