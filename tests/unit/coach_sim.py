"""A small simulator for the coach across many sessions, and the vocabulary of the scenario
tables in test_coach_scenarios.py and test_coach_scenarios_later.py.

Each simulated session goes the way the app goes: the symptom check (with the next-day check
against the earlier checks and the last session), the picker (outdoor setting, retests), the
workout tapped rep by rep through the Workout methods, a rating after each exercise
(apply_feedback), and double progression at the end (progress_after_session). The plan and the
streaks carry over to the next session. After every step the plan's invariants are checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from backrun_tui.coach.catalog import Catalog
from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.feedback import Feedback, Rating, apply_feedback
from backrun_tui.coach.plan import Plan, harder_option
from backrun_tui.coach.plan_changes import apply_outdoor_setting
from backrun_tui.coach.progression import (
    Streaks,
    next_day_check,
    not_improving,
    progress_after_session,
)
from backrun_tui.coach.retest import accept_retest, decline_retest, due_retests
from backrun_tui.coach.session import Session
from backrun_tui.coach.settings import Settings
from backrun_tui.coach.triage import SymptomReport, triage
from backrun_tui.coach.workout import SessionMode, Workout, session_items, start_workout

START = datetime(2025, 3, 3, 8, 0)  # a Monday; session N starts at START + Day.day days
SESSION_LENGTH = timedelta(hours=1)
EVENTS = ("accept", "decline", "outdoor:on", "outdoor:off")


@dataclass(frozen=True)
class Ex:
    """What the runner does with one exercise of the workout.

    reps:    reps per set (each side the same); None = the day's reps in every set. Fewer
             entries than planned sets leave the exercise unfinished.
    flag_at: (set, reps): "Painful!" pressed in that set after that many reps, with `pain`.
    quit:    the session ends after these sets, before the rating."""

    reps: tuple[int, ...] | None = None
    rating: Rating = "just_right"
    pain: int | None = None
    flag_at: tuple[int, int] | None = None
    quit: bool = False


@dataclass(frozen=True)
class Day:
    """One session: its day (and extra hours) after START, the pain at the check, the reps of
    every set unless `ex` says otherwise, and what the runner chooses in the picker first."""

    day: int
    pain: int = 1
    reps: int = 10
    ex: dict[str, Ex] = field(default_factory=dict)
    before: tuple[str, ...] = ()  # EVENTS, in order
    hour: int = 0
    choice: SessionMode | None = None  # "stretches": the runner skips strength work

    @property
    def at(self) -> datetime:
        return START + timedelta(days=self.day, hours=self.hour)


@dataclass
class Run:
    """What the simulated sessions left behind."""

    plan: Plan
    streaks: Streaks
    outdoor: bool = False
    checks: list[tuple[datetime, int]] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # next-day messages
    modes: list[str] = field(default_factory=list)
    due: list[tuple[int, str]] = field(default_factory=list)  # (session index, benched id)
    sessions: list[Session] = field(default_factory=list)
    first_session: datetime | None = None


# --- the scenario table's vocabulary ----------------------------------------------------------

SLBR = "single-leg-balance-reach"
BAL = "single-leg-balance"
HPLL = "high-plank-leg-lifts"
SLB = "single-leg-bridge"
SPL = "side-plank-lifts"
FIRST_FOUR = ("superman", "beetle", SLBR, HPLL)
FROM_ONE_LEG = ("superman", "beetle", HPLL, SLB)
TOP_RUNGS = ("single-leg-deadlift", "high-plank-limb-raises", "v-ups", "single-leg-jump-squats")
OUTDOORS = ("single-leg-deadlift", "high-plank-limb-raises", "v-ups", "forward-jump-squats")

TOP = Ex(reps=(12, 12, 12))
TOO_EASY = Ex(rating="too_easy")
TOO_HARD = Ex(rating="too_hard")


def top(day: int, *ids: str, pain: int = 1, hour: int = 0) -> Day:
    """Every set of these exercises (all of them when none are named) at the top, 12."""
    if not ids:
        return Day(day, pain, reps=12, hour=hour)
    return Day(day, pain, ex=dict.fromkeys(ids, TOP), hour=hour)


def rated(
    day: int, exercise_id: str, ex: Ex, pain: int = 1, also: dict[str, Ex] | None = None
) -> Day:
    """A session where one exercise (and those in `also`) goes as `ex` says."""
    return Day(day, pain, ex={exercise_id: ex, **(also or {})})


def painful(pain: int) -> Ex:
    return Ex(rating="painful", pain=pain)


@dataclass(frozen=True)
class Scenario:
    id: str
    plan: tuple[str, ...]
    days: tuple[Day, ...]
    final: tuple[str, ...]
    kinds: tuple[str, ...] = ()  # every decision of the run, in order
    texts: tuple[str, ...] = ()  # fragments of "s<session>: <decision line>" or next-day notes
    streaks: dict[str, int] = field(default_factory=dict)  # the non-zero streaks at the end
    benched: tuple[tuple[str, str | None], ...] = ()  # (exercise, replaced_by)
    modes: tuple[str, ...] = ()  # each session's mode, when given
    due: tuple[tuple[int, str], ...] = ()  # (session, exercise) offered as a retest
    advice: str = ""  # not_improving after the last session; "" = no advice
    start_streaks: dict[str, int] = field(default_factory=dict)


def check_scenario(catalog: Catalog, case: Scenario) -> None:
    """Run a scenario and compare what it left with what the table expects."""
    run = simulate(catalog, Plan(case.plan), case.days, case.start_streaks)
    lines = [f"s{i}: {d.text}" for i, s in enumerate(run.sessions) for d in s.decisions]
    lines += run.notes
    assert run.plan.exercise_ids == case.final, lines
    assert [(b.exercise_id, b.replaced_by) for b in run.plan.benched] == list(case.benched)
    assert [d.kind for d in run.decisions] == list(case.kinds), lines
    for fragment in case.texts:
        assert any(fragment in line for line in lines), f"{fragment!r} not in {lines}"
    assert {k: v for k, v in run.streaks.items() if v} == case.streaks, run.streaks
    if case.modes:
        assert tuple(run.modes) == case.modes
    assert tuple(run.due) == case.due
    advice = not_improving(run.checks, run.first_session, case.days[-1].at)
    if case.advice:
        assert case.advice in advice
    else:
        assert advice == ""


# --- invariants ------------------------------------------------------------------------------


def family(catalog: Catalog, exercise_id: str) -> str:
    """The ladder rung an exercise stands for (a variant or outdoor alternative stands for its
    rung); worked out from the catalog links, independently of the coach's own helper."""
    exercise = catalog.get(exercise_id)
    if exercise.kind == "variant" and exercise.harder:
        return exercise.harder
    if exercise.kind == "alternative":
        return next(e.id for e in catalog.ladder() if e.alternative == exercise_id)
    return exercise_id


def check_plan(catalog: Catalog, plan: Plan, where: str) -> None:
    ids = plan.exercise_ids
    assert len(set(ids)) == len(ids), f"{where}: an exercise twice in {ids}"
    families = [family(catalog, i) for i in ids]
    assert len(set(families)) == len(families), f"{where}: a rung beside its variant in {ids}"
    assert not set(ids) & plan.benched_ids, f"{where}: resting exercise planned: {plan}"
    assert len(plan.benched_ids) == len(plan.benched), f"{where}: benched twice: {plan.benched}"
    assert all(not catalog.get(i).is_stretch for i in ids), f"{where}: a stretch in {ids}"
    rungs = [catalog.get(i).rung or 0 for i in ids]
    assert rungs == sorted(rungs), f"{where}: plan out of ladder order: {ids}"
    items = [i.exercise_id for i in session_items(catalog, plan, "full")]
    assert items, f"{where}: nothing to do in a full session"
    assert len(set(items)) == len(items), f"{where}: an exercise twice in the workout {items}"
    assert set(ids) <= set(items), f"{where}: planned exercises missing from {items}"


def check_decisions(catalog: Catalog, before: Plan, decisions: list[Decision], where: str) -> None:
    """One line each; a promotion takes the next harder option free at that moment, skipping
    no free rung."""
    for decision in decisions:
        assert decision.text and "\n" not in decision.text, f"{where}: {decision.text!r}"
        if decision.kind != "promote":
            continue
        assert decision.from_id is not None and decision.to_id is not None
        expected = harder_option(catalog, before, decision.from_id)
        assert expected is not None and expected.id == decision.to_id, f"{where}: {decision}"
        low = catalog.get(decision.from_id).rung or 0
        high = catalog.get(decision.to_id).rung or 0
        taken = {family(catalog, i) for i in before.exercise_ids} | before.benched_ids
        skipped = [
            e.id for e in catalog.ladder() if low < (e.rung or 0) < high and e.id not in taken
        ]
        assert low <= high and not skipped, f"{where}: {decision.text} skips {skipped}"


# --- the simulator ---------------------------------------------------------------------------


def simulate(
    catalog: Catalog,
    plan: Plan,
    days: tuple[Day, ...],
    streaks: Streaks | None = None,
    settings: Settings | None = None,
) -> Run:
    settings = settings or Settings()
    run = Run(plan, dict(streaks or {}))
    check_plan(catalog, plan, "start")
    for index, day in enumerate(days):
        run_session(catalog, run, index, day, settings)
    return run


def run_session(catalog: Catalog, run: Run, index: int, day: Day, settings: Settings) -> None:
    where = f"session {index} (day {day.day})"
    now = day.at
    report = SymptomReport(day.pain, "lower", "none")
    result = triage(report)
    decisions: list[Decision] = []
    lighter = False
    if result.outcome == "go":
        last = run.sessions[-1] if run.sessions else None
        next_day = next_day_check(
            catalog,
            run.plan,
            day.pain,
            list(run.checks),
            last.ended_at if last else None,
            list(last.decisions) if last else [],
            now,
        )
        lighter = next_day.lighter
        run.notes += [next_day.message] if lighter else []
        run.plan = next_day.plan
        decisions += next_day.decisions
    run.checks.append((now, day.pain))
    mode: SessionMode = day.choice or (
        "flare_up" if result.flare_up else "light" if lighter else "full"
    )
    run.modes.append(mode)
    plan = picker(catalog, run, index, day, mode, decisions)
    check_plan(catalog, plan, f"{where}, before the workout")

    items = session_items(catalog, plan, mode, settings.sets)
    session = Session(f"s{index}", now, report, result.outcome, mode, start_workout(catalog, items))
    session = session.with_decisions(decisions)
    workout = session.workout
    while not workout.finished:
        exercise_id = workout.current.exercise_id
        spec = day.ex.get(exercise_id, Ex())
        workout, rating = do_exercise(workout, spec, day, now)
        if spec.quit:
            break
        feedback = Feedback(exercise_id, rating, spec.pain, now)
        before = plan
        plan, changes = apply_feedback(
            catalog, plan, feedback, progressed_today=session.progressed_today, pain_today=day.pain
        )
        check_decisions(catalog, before, changes, f"{where}, {exercise_id}")
        check_plan(catalog, plan, f"{where}, after {exercise_id}")
        session = session.with_feedback(feedback, changes)
        workout = workout.next_exercise()
    session = session.with_workout(workout).ended(now + SESSION_LENGTH)

    before = plan
    plan, run.streaks, changes = progress_after_session(
        catalog, plan, session, run.streaks, settings
    )
    check_decisions(catalog, before, changes, f"{where}, progression")
    check_plan(catalog, plan, f"{where}, end")
    session = session.with_decisions(changes)
    run.plan = plan
    run.decisions += session.decisions
    run.sessions.append(session)
    run.first_session = run.first_session or now


def picker(
    catalog: Catalog, run: Run, index: int, day: Day, mode: SessionMode, out: list[Decision]
) -> Plan:
    """The outdoor setting, then the retest offer (full and light sessions only, as in the app);
    decisions are appended to `out`."""
    now = day.at
    for event in day.before:
        assert event in EVENTS, event
        if event.startswith("outdoor:"):
            run.outdoor = event == "outdoor:on"
    plan, changes = apply_outdoor_setting(catalog, run.plan, run.outdoor, now)
    out += changes
    run.due += [(index, b.exercise_id) for b in due_retests(plan, now.date())]
    for event in day.before:
        due = due_retests(plan, now.date())
        if event in ("accept", "decline") and due and mode in ("full", "light"):
            answer = accept_retest if event == "accept" else decline_retest
            plan, decision = answer(catalog, plan, due[0], now)
            out.append(decision)
            check_plan(catalog, plan, f"session {index}, after {event} {due[0].exercise_id}")
    return plan


def do_exercise(workout: Workout, spec: Ex, day: Day, now: datetime) -> tuple[Workout, Rating]:
    """Tap and finish the sets of the current exercise; returns the workout (waiting on this
    exercise) and the rating to give."""
    item = workout.current
    sides = 2 if workout.sided[workout.item_index] else 1
    reps = spec.reps if spec.reps is not None else (day.reps,) * item.sets
    for set_number in range(1, item.sets + 1):
        if spec.flag_at is not None and spec.flag_at[0] == set_number:
            return tap(workout, spec.flag_at[1]).keep_partial(now), "painful"
        if set_number > len(reps):
            break  # left unfinished
        for _ in range(sides):
            workout, _step = tap(workout, reps[set_number - 1]).finish_set(now, seconds=0)
    return workout, spec.rating


def tap(workout: Workout, reps: int) -> Workout:
    for _ in range(reps):
        workout = workout.tap()
    return workout
