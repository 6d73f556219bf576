"""Whole days driven through the session service, without Textual: the flows the Pilot tests
walk by key presses, here event by event, against a real data folder."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher, sets, to_picker, whole_workout

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import session_items, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session import picker_rules
from backrun_tui.coach.session.workout_model import unfinished_set
from backrun_tui.coach.settings import Settings
from backrun_tui.store.repository import Store

PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))
STRETCHES = ["cat-cow", "lying-figure-4", "supine-twist"]


def check(pain: int = 2, where: str = "lower", legs: str = "none", *flags: str) -> ev.Event:
    return ev.CheckAnswered(SymptomReport(pain, where, legs, frozenset(flags)))  # type: ignore[arg-type]


def test_a_first_day_from_the_check_to_the_history(store: Store, launch: Launcher) -> None:
    service = launch()
    assert service.apply(ev.Launch()).next == "check"
    assert service.apply(check(3)).next == "advice"
    assert service.apply(ev.AdviceChosen("train")).next == "assessment"
    ladder = [e.id for e in service.catalog.ladder()]
    step = service.apply(
        ev.AssessmentDone(
            (("superman", True), ("beetle", False), *((i, True) for i in ladder[2:5]))
        )
    )
    assert step.next == "picker"
    assert service.state.plan.exercise_ids == ("superman", *ladder[2:5])
    assert [d.kind for d in step.decisions] == ["assessment"] * 4
    assert store.load_plan() == service.state.plan  # saved the moment it was made

    rated = whole_workout(service, reps=12)
    assert rated == [*STRETCHES, "superman", *ladder[2:5]]
    assert service.state.stage == "summary" and not service.pending
    [filed] = list(store.sessions())
    assert filed.ended_at is not None
    assert sum(r.reps for r in filed.workout.done if r.exercise_id == "superman") == 36
    assert store.load_live() is None
    assert store.progress().first_session == filed.started_at

    again = launch(START + timedelta(days=1))
    assert again.apply(ev.Launch()).next == "check"  # nothing to resume
    assert again.state.plan == service.state.plan
    assert [r.reps for r in again.state.last_sets["superman"]] == [12, 12, 12]


def seed_live(store: Store, catalog: Catalog, *, rate: bool = False) -> Session:
    """A session left mid-way: Cat Cow's set done, then (unless it waits for its rating) 5
    reps tapped into the next exercise."""
    workout = start_workout(catalog, session_items(catalog, PLAN, "full"))
    for _ in range(8):
        workout = workout.tap()
    workout, _step = workout.finish_set(START)
    if not rate:
        workout = workout.next_exercise()
        for _ in range(5):
            workout = workout.tap()
    session = Session("mid-way", START, SymptomReport(2, "lower", "none"), "go", "full", workout)
    store.save_plan(PLAN)
    store.save_live(session)
    return session


def test_resume_goes_back_to_the_same_reps(
    store: Store, catalog: Catalog, launch: Launcher
) -> None:
    seed_live(store, catalog)
    service = launch()
    assert service.apply(ev.Launch()).next == "resume"
    assert service.apply(ev.ResumeAnswered(True)).next == "count"
    assert service.state.workout.count == 5
    service.apply(ev.HoldToggled())  # the Lying Figure 4 is a hold: a tap does nothing there
    assert service.state.hold_running


def test_resume_at_the_rating_question(store: Store, catalog: Catalog, launch: Launcher) -> None:
    seed_live(store, catalog, rate=True)
    service = launch()
    service.apply(ev.Launch())
    assert service.apply(ev.ResumeAnswered(True)).next == "rate"
    assert service.apply(ev.Rated("just_right")).next == "count"  # a stretch: no rest


def test_ending_an_interrupted_session_files_it(
    store: Store, catalog: Catalog, launch: Launcher
) -> None:
    seed_live(store, catalog)
    service = launch()
    service.apply(ev.Launch())
    assert service.apply(ev.ResumeAnswered(False)).next == "check"
    [filed] = list(store.sessions())
    assert filed.id == "mid-way" and store.load_live() is None


def test_flare_up_keeps_to_the_easiest_and_comes_back_to_them(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service, pain=7)
    session = service.state.session
    assert session is not None and session.mode == "flare_up"
    service.apply(ev.StretchesOnly())
    service.apply(ev.FullPlan())  # back to the day's own session: still a flare-up
    assert service.state.session is not None and service.state.session.mode == "flare_up"
    service.apply(ev.StartWorkout())
    items = service.state.workout.items
    assert [i.sets for i in items] == [1, 1, 1, 2, 2]
    assert service.state.plan == PLAN  # the plan waits for the pain to settle


def test_doctor_soon_allows_stretches_only(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    service.apply(ev.Launch())
    service.apply(check(2, "lower", "one", "high_temperature"))
    assert service.state.today is not None and service.state.today.result.outcome == "doctor_soon"
    assert service.apply(ev.AdviceChosen("train")).next == "advice"  # not allowed: nothing moves
    assert service.apply(ev.AdviceChosen("stretches")).next == "picker"
    service.apply(ev.FullPlan())  # no way back to strength work today
    assert service.state.session is not None and service.state.session.mode == "stretches"


def test_urgent_allows_neither(store: Store, launch: Launcher) -> None:
    service = launch()
    service.apply(ev.Launch())
    service.apply(check(2, "lower", "both"))
    assert service.apply(ev.AdviceChosen("stretches")).next == "advice"
    assert service.apply(ev.AdviceChosen("quit")).next == "quit"


def test_swaps_are_kept_and_saved(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    step = service.apply(ev.Swap("single-leg-balance-reach", "easier"))
    assert [d.text for d in step.decisions] == [
        "Single Leg Balance & Reach -> Single Leg Balance: you chose an easier one"
    ]
    step = service.apply(ev.Swap("superman", "outdoor"))
    assert step.message == "No outdoor exercise is free for Superman."
    saved = store.load_plan()
    assert saved is not None and "single-leg-balance" in saved.exercise_ids
    live = store.load_live()
    assert live is not None and len(live.decisions) == 1  # the change is in today's session


def test_upper_back_pain_adds_the_pull_down(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    service.apply(ev.Launch())
    service.apply(check(2, "upper"))
    step = service.apply(ev.AdviceChosen("train"))
    assert "wall-lateral-pull-downs" in service.state.plan.exercise_ids
    assert step.decisions[-1].text == "Wall Lateral Pull-Downs added: for your upper-back pain"


def test_painful_flag_keeps_the_reps_and_swaps_at_once(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    for exercise_id in sets(service):
        if exercise_id == "beetle":
            break
    while service.state.workout.current.exercise_id != "single-leg-balance-reach":
        service.apply(ev.Tap())
        service.apply(ev.SetDone())
        if service.state.workout.awaiting_feedback:
            service.apply(ev.Rated("just_right"))
    for _ in range(4):
        service.apply(ev.Tap())
    step = service.apply(ev.FlaggedPainful(5))
    assert step.next == "offer"  # its easier replacement, to try now
    assert [d.kind for d in step.decisions] == ["regress"]
    assert service.apply(ev.TryInstead(False)).next == "count"  # no rest after a painful one
    assert service.state.plan.benched == (
        Bench(
            "single-leg-balance-reach",
            service.state.session.started_at.date(),
            "single-leg-balance",
        ),  # type: ignore[union-attr]
    )
    kept = service.state.workout.sets_of("single-leg-balance-reach")
    assert [r.reps for r in kept] == [4]


def test_ending_mid_set_keeps_the_reps(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    for _ in range(6):
        service.apply(ev.Tap())
    assert unfinished_set(service.catalog, service.state) == "6 reps"
    assert service.apply(ev.EndSession()).next == "summary"
    [filed] = list(store.sessions())
    assert [r.reps for r in filed.workout.done] == [6]


def test_quitting_the_picker_files_only_a_session_that_changed_something(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    assert service.apply(ev.QuitPicker()).next == "quit"
    assert list(store.sessions()) == [] and store.load_live() is None
    service = launch(START + timedelta(hours=1))
    to_picker(service)
    service.apply(ev.Swap("single-leg-balance-reach", "easier"))
    service.apply(ev.QuitPicker())
    [filed] = list(store.sessions())
    assert [d.kind for d in filed.decisions] == ["swap"]


def test_start_over_is_refused_during_a_workout(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    assert service.apply(ev.StartOver()).next == "check"
    to_picker(service)
    service.apply(ev.StartWorkout())
    step = service.apply(ev.StartOver())
    assert step.message == "A session is under way: end it first with q."
    assert step.next == "count"


def test_settings_are_saved_and_the_outdoor_swap_follows(store: Store, launch: Launcher) -> None:
    outdoor_plan = Plan(("superman", "beetle", "high-plank-leg-lifts", "single-leg-jump-squats"))
    store.save_plan(outdoor_plan)
    service = launch()
    to_picker(service)
    step = service.apply(ev.SettingsChanged(Settings(sets=2, outdoor=True)))
    assert store.load_settings() == Settings(sets=2, outdoor=True)
    assert [d.text for d in step.decisions] == [
        "Single Leg Jump Squats -> Forward Jump Squats: outdoor setting is on"
    ]
    service.apply(ev.StartWorkout())
    assert service.state.workout.items[-1].sets == 2


def test_the_doctor_reminder_until_it_is_read(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    first = START - timedelta(days=30)
    for days in range(30, 0, -3):
        store.record_check(SymptomReport(4, "lower", "none"), "go", START - timedelta(days=days))
    service = launch(first)
    to_picker(service, pain=4)
    whole_workout(service)
    later = launch()
    assert later.apply(ev.Launch()).next == "doctor"
    assert "not yet 2 points better" in later.state.doctor_reason
    assert later.apply(ev.DoctorNoticeRead(understood=False)).next == "check"
    assert launch().apply(ev.Launch()).next == "doctor"  # reminded again
    read = launch()
    read.apply(ev.Launch())
    read.apply(ev.DoctorNoticeRead(understood=True))
    assert store.progress().doctor_acknowledged is not None
    assert launch().apply(ev.Launch()).next == "check"


def test_ending_during_a_hold_keeps_the_seconds_held(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    for _ in range(8):
        service.apply(ev.Tap())
    service.apply(ev.SetDone())
    service.apply(ev.Rated("just_right"))  # Cat Cow done; the Lying Figure 4 hold is next
    service.apply(ev.HoldToggled())
    for _ in range(12):
        service.apply(ev.HoldTick())
    assert unfinished_set(service.catalog, service.state) == "12 s held"
    service.apply(ev.EndSession())
    [filed] = list(store.sessions())
    held = filed.workout.sets_of("lying-figure-4")
    assert [(r.side, r.seconds) for r in held] == [("L", 12)]


def test_a_new_rep_range_starts_the_streaks_again(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    whole_workout(service, reps=12)
    assert any(service.state.progress.streaks.values())
    later = launch(START + timedelta(days=1))
    to_picker(later)
    step = later.apply(ev.SettingsChanged(Settings(rep_low=6, rep_high=10)))
    assert [d.text for d in step.decisions] == [
        "Sessions in a row at the top of the range count again from zero: the rep range "
        "changed to 6-10"
    ]
    assert store.progress().streaks == {}
    assert later.state.session is not None and step.decisions[0] in later.state.session.decisions
    same = later.apply(ev.SettingsChanged(Settings(rep_low=6, rep_high=10, sets=2)))
    assert same.decisions == ()  # the range did not change again


def test_a_painful_flag_at_six_or_more_makes_the_rest_gentle(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    for _ in sets(service):
        if service.state.workout.current.exercise_id == "superman":
            break
    for _ in range(3):
        service.apply(ev.Tap())
    step = service.apply(ev.FlaggedPainful(7))
    assert [d.kind for d in step.decisions] == ["drop", "gentle"]
    assert step.decisions[-1].text == (
        "The rest of today is a gentle flare-up session: pain 7/10 in Superman, so only the "
        "stretches and the easiest exercises follow"
    )
    session = service.state.session
    assert session is not None and session.mode == "flare_up"
    rest = session.workout.items[session.workout.item_index :]
    assert [(i.exercise_id, i.sets) for i in rest] == [
        ("beetle", 2),
        ("single-leg-balance-reach", 2),
    ]


def test_when_everything_rests_there_is_no_empty_session(store: Store, launch: Launcher) -> None:
    rested = tuple(Bench(e.id, START.date(), None) for e in (*launch().catalog.stretches(),))
    store.save_plan(Plan((), rested))
    service = launch()
    service.apply(ev.Launch())
    service.apply(check(2))
    assert service.apply(ev.AdviceChosen("stretches")).next == "picker"
    step = service.apply(ev.StartWorkout())
    assert step.next == "picker"  # stays: nothing to start
    assert "see a physiotherapist or doctor" in step.message
    assert list(store.sessions()) == []


def test_when_every_strength_exercise_hurt_only_the_gentlest_stretch_is_left(
    store: Store, launch: Launcher
) -> None:
    catalog = launch().catalog
    hurt = tuple(Bench(i, START.date(), None) for i in PLAN.exercise_ids)
    flagged_stretch = Bench(catalog.stretches()[0].id, START.date(), None)
    store.save_plan(Plan((), (*hurt, flagged_stretch)))
    service = launch()
    service.apply(ev.Launch())
    service.apply(check(2))
    assert service.apply(ev.AdviceChosen("train")).next == "picker"  # no assessment of others
    assert "see a physiotherapist or doctor" in picker_rules.mode_note(catalog, service.state)
    assert not picker_rules.no_strength_yet(catalog, service.state)
    items = picker_rules.today_items(catalog, service.state)
    assert [i.exercise_id for i in items] == [catalog.stretches()[1].id]  # the next gentlest
    assert service.apply(ev.StartWorkout()).next == "count"


def test_three_weeks_at_a_steady_one_is_doing_well(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    for day in (0, 7, 14):
        service = launch(START + timedelta(days=day))
        to_picker(service, pain=1)
        whole_workout(service)
    later = launch(START + timedelta(days=22))
    assert later.apply(ev.Launch()).next == "check"  # no doctor reminder
    later.apply(check(1))
    assert later.state.today is not None
    assert later.state.today.notes == (
        "Your usual pain has stayed low (1/10) over three weeks of training: you are doing well.",
    )


def test_a_week_without_checks_cannot_hide_not_improving(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    for day in (0, 7, 14):
        service = launch(START + timedelta(days=day))
        to_picker(service, pain=4)
        whole_workout(service)
    later = launch(START + timedelta(days=29))  # no check in the last week
    assert later.apply(ev.Launch()).next == "check"
    assert later.apply(check(4)).next == "doctor"  # judged with today's check
    assert "not yet 2 points better" in later.state.doctor_reason
    assert later.apply(ev.DoctorNoticeRead(understood=False)).next == "advice"
    assert later.apply(ev.AdviceChosen("recheck")).next == "check"
    assert later.apply(check(4)).next == "advice"  # said once per launch


def test_ending_an_interrupted_session_keeps_its_unfinished_set(
    store: Store, catalog: Catalog, launch: Launcher
) -> None:
    seed_live(store, catalog)  # Cat Cow's 8 reps done, then 5 reps of the next exercise
    service = launch()
    service.apply(ev.Launch())
    step = service.apply(ev.ResumeAnswered(False))
    [filed] = list(store.sessions())
    assert [r.reps for r in filed.workout.done] == [8, 5]
    assert filed.ended_at == filed.workout.done[-1].at  # not the time backrun was opened again
    assert "2 sets (13 reps) of Cat Cow, " in step.message
    assert "in your history" in step.message
