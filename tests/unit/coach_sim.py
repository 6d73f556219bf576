"""A small simulator for the coach across many sessions, and the vocabulary of the scenario
tables in test_coach_scenarios.py and test_coach_scenarios_later.py.

Each simulated session is sent, event by event, to the coach's session model, the same code
the app runs: the symptom check (with the next-day check), the advice, the picker (outdoor
setting, retests), the workout tapped rep by rep, a rating after each exercise (or the painful
flag, or the end), and double progression when it ends. The state carries over to the next
session as the service keeps it. After every event the plan's invariants are checked."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Rating
from backrun_tui.coach.ladder.plan import Plan, harder_option
from backrun_tui.coach.ladder.progression import Streaks, not_improving
from backrun_tui.coach.ladder.retest import due_retests
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import SessionMode, session_items
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session import session_model
from backrun_tui.coach.session.session_state import SessionState, Transition
from backrun_tui.coach.settings import Settings

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
    move_up: bool = False  # the answer when "too easy" asks before passing over rungs


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
    notes: list[str] = field(default_factory=list)  # next-day messages and questions asked
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
    """Each day through the coach's session model, from the check to the end of the workout;
    the state (plan, streaks, checks, log) carries over from one day to the next, as the
    service keeps it."""
    settings = settings or Settings()
    run = Run(plan, dict(streaks or {}))
    check_plan(catalog, plan, "start")
    state = SessionState(plan=plan, settings=settings, progress=Progress(streaks=run.streaks))
    for index, day in enumerate(days):
        state = run_session(catalog, run, index, day, state)
    return run


class Driver:
    """Sends one day's events to the session model and checks the plan after each one."""

    def __init__(self, catalog: Catalog, state: SessionState, day: Day, where: str) -> None:
        self.catalog, self.state, self.day, self.where = catalog, state, day, where
        self.now = day.at
        self.decisions: list[Decision] = []
        self.asked: list[str] = []  # the yes/no questions the coach asked

    def send(self, event: ev.Event) -> Transition:
        before = self.state.plan
        step = session_model.apply(self.catalog, self.state, event, lambda: self.now)
        check_decisions(self.catalog, before, list(step.decisions), f"{self.where}, {event}")
        check_plan(self.catalog, step.state.plan, f"{self.where}, after {event}")
        self.state = step.state
        if step.next == "psfs":  # the everyday activities' scores: skipped, as Esc does
            skipped = session_model.apply(
                self.catalog, self.state, ev.PsfsSkipped(), lambda: self.now
            )
            self.state = skipped.state
            return step._replace(state=skipped.state, next=skipped.next)
        return step


def run_session(
    catalog: Catalog, run: Run, index: int, day: Day, state: SessionState
) -> SessionState:
    drive = Driver(catalog, state, day, f"session {index} (day {day.day})")
    for event in day.before:
        assert event in EVENTS, event
        if event.startswith("outdoor:"):
            outdoor = replace(drive.state.settings, outdoor=event == "outdoor:on")
            drive.send(ev.SettingsChanged(outdoor))
    launched = drive.send(ev.Launch())
    if launched.next == "news":  # the plan changed last time: the card says how
        launched = drive.send(ev.NewsRead())
    if launched.next == "doctor":  # three weeks without improvement
        drive.send(ev.DoctorNoticeRead(understood=False))
    if drive.send(ev.CheckAnswered(SymptomReport(day.pain, "lower", "none"))).next == "doctor":
        drive.send(ev.DoctorNoticeRead(understood=False))  # judged with today's check
    today = drive.state.today
    assert today is not None
    if today.next_day is not None and today.next_day.lighter:
        run.notes.append(today.next_day.message)
    step = drive.send(ev.AdviceChosen("stretches" if day.choice == "stretches" else "train"))
    assert step.next == "picker", step.next
    session = drive.state.session
    assert session is not None
    run.modes.append(session.mode)
    run.due += [(index, b.exercise_id) for b in due_retests(drive.state.plan, day.at.date())]
    for event in day.before:
        if event in ("accept", "decline"):
            drive.send(ev.Retest(event == "accept"))
    drive.now = day.at + SESSION_LENGTH  # the workout's records and its end
    drive.send(ev.StartWorkout())
    while drive.state.stage == "workout":
        do_exercise(drive)
    ended = drive.state.session
    assert drive.state.stage == "summary" and ended is not None
    run.plan = drive.state.plan
    run.streaks = dict(drive.state.progress.streaks)
    run.checks = list(drive.state.checks)
    run.decisions += ended.decisions
    run.sessions.append(ended)
    run.first_session = drive.state.progress.first_session
    run.notes += drive.asked
    return drive.state


def do_exercise(drive: Driver) -> None:
    """Tap and finish the sets of the current exercise as the day says, then rate it (or flag
    it painful mid-set, or end the session)."""
    workout = drive.state.workout
    item = workout.current
    spec = drive.day.ex.get(item.exercise_id, Ex())
    sides = 2 if workout.sided[workout.item_index] else 1
    is_hold = drive.catalog.get(item.exercise_id).is_hold
    reps = spec.reps if spec.reps is not None else (drive.day.reps,) * item.sets
    for set_number in range(1, item.sets + 1):
        if spec.flag_at is not None and spec.flag_at[0] == set_number:
            tap(drive, spec.flag_at[1])
            step = drive.send(ev.FlaggedPainful(spec.pain if spec.pain is not None else 5))
            if step.next == "offer":  # the easier exercise, to try now: not in these scenarios
                drive.send(ev.TryInstead(False))
            return
        if set_number > len(reps):
            break  # left unfinished
        for _ in range(sides):
            if not is_hold:
                tap(drive, reps[set_number - 1])
            step = drive.send(ev.SetDone())
    if spec.quit or not drive.state.workout.awaiting_feedback:
        drive.send(ev.EndSession())
        return
    step = drive.send(ev.Rated(spec.rating, spec.pain))
    if step.next == "ask":
        drive.asked.append(step.message)
        step = drive.send(ev.Rated(spec.rating, spec.pain, skip_ok=spec.move_up))
    if step.next == "offer":
        step = drive.send(ev.TryInstead(False))
    assert step.next in ("count", "rest", "summary"), step.next


def tap(drive: Driver, reps: int) -> None:
    for _ in range(reps):
        drive.send(ev.Tap())
