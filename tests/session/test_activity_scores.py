"""The everyday activities (PSFS) through the service: named after the first run's assessment,
asked again two weeks on after the symptom check (not on an urgent day), skippable, and kept."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher

from backrun_tui.coach.outcomes.psfs import ActivityAnswer
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.service import SessionService
from backrun_tui.store.repository import Store

CALM = SymptomReport(2, "lower", "none")
NAMED = (ActivityAnswer(None, "run 30 minutes easy", 3), ActivityAnswer(None, "put on socks", 5))


def first_run_to_activities(service: SessionService) -> None:
    assert service.apply(ev.Launch()).next == "check"
    assert service.apply(ev.CheckAnswered(CALM)).next == "advice"  # a first run: not yet
    assert service.apply(ev.AdviceChosen("train")).next == "assessment"
    ladder = service.catalog.ladder()
    step = service.apply(ev.AssessmentDone(tuple((e.id, True) for e in ladder[:4])))
    assert step.next == "psfs"


def to_check(service: SessionService, report: SymptomReport = CALM) -> str:
    step = service.apply(ev.Launch())
    if step.next == "news":
        service.apply(ev.NewsRead())
    return service.apply(ev.CheckAnswered(report)).next


def test_named_after_the_assessment_then_on_to_the_picker(store: Store, launch: Launcher) -> None:
    service = launch(activities=True)
    first_run_to_activities(service)
    step = service.apply(ev.PsfsAnswered(NAMED))
    assert step.next == "picker"
    assert "run 30 minutes easy 3/10; put on socks 5/10" in step.message
    assert service.state.plan.exercise_ids  # the assessment's plan stands
    assert [a.name for a in store.load_psfs().active] == ["run 30 minutes easy", "put on socks"]
    assert [s.score for s in store.psfs_scores()] == [3, 5]

    next_day = launch(START + timedelta(days=1), activities=True)
    assert to_check(next_day) == "advice"  # asked again two weeks on
    later = launch(START + timedelta(days=14, hours=1), activities=True)
    assert to_check(later) == "psfs"
    again = (ActivityAnswer("a1", "run 30 minutes easy", 6), ActivityAnswer("a2", "", None))
    step = later.apply(ev.PsfsAnswered(again))
    assert step.next == "advice"
    assert "3 points better than at first (a change that matters)" in step.message
    assert [a.name for a in store.load_psfs().active] == ["run 30 minutes easy"]
    assert [s.score for s in store.psfs_scores()] == [3, 5, 6]  # the retired one's score kept


def test_a_skip_waits_two_weeks(store: Store, launch: Launcher) -> None:
    service = launch(activities=True)
    first_run_to_activities(service)
    step = service.apply(ev.PsfsSkipped())
    assert step.next == "picker"
    assert "asked again from Mon 07 Dec" in step.message
    assert to_check(launch(START + timedelta(days=13), activities=True)) == "advice"
    assert to_check(launch(START + timedelta(days=14, hours=1), activities=True)) == "psfs"


def test_never_asked_on_a_day_that_sends_the_runner_to_a_doctor_now(
    store: Store, launch: Launcher
) -> None:
    service = launch(activities=True)
    first_run_to_activities(service)
    service.apply(ev.PsfsSkipped())
    asked = store.load_psfs().asked
    urgent = SymptomReport(3, "lower", "none", frozenset({"bladder_bowel"}))
    assert to_check(launch(START + timedelta(days=15), activities=True), urgent) == "advice"
    assert store.load_psfs().asked == asked  # still due: asked on a calmer day


def test_a_new_check_from_the_activities_keeps_the_assessments_session(
    store: Store, launch: Launcher
) -> None:
    service = launch(activities=True)
    first_run_to_activities(service)
    assert service.apply(ev.StartOver()).next == "check"
    filed = list(store.sessions())
    assert len(filed) == 1 and filed[0].decisions  # what the assessment decided is in the history


def test_asked_for_at_the_runners_request_after_the_check_only(
    store: Store, launch: Launcher
) -> None:
    service = launch(activities=True)
    first_run_to_activities(service)
    service.apply(ev.PsfsAnswered(NAMED))
    asked = store.load_psfs().asked
    later = launch(START + timedelta(days=3), activities=True)
    assert later.apply(ev.Launch()).next == "check"
    refused = later.apply(ev.ScoreActivities())  # not before the warning signs
    assert refused.next == "check" and "once today's symptom check is done" in refused.message
    assert later.apply(ev.CheckAnswered(CALM)).next == "advice"
    assert later.apply(ev.ScoreActivities()).next == "psfs"
    step = later.apply(ev.PsfsSkipped())  # changed their mind: nothing changes
    assert step.next == "advice" and step.message == "Your everyday activities are as they were."
    assert store.load_psfs().asked == asked  # the two-weekly round stands
    assert later.apply(ev.AdviceChosen("train")).next == "picker"
    assert later.apply(ev.ScoreActivities()).next == "psfs"
    renamed = (ActivityAnswer("a1", "run 45 minutes easy", 5), ActivityAnswer("a2", "", None))
    step = later.apply(ev.PsfsAnswered(renamed))
    assert step.next == "picker"  # back where the runner was
    assert [a.name for a in store.load_psfs().active] == ["run 45 minutes easy"]
    assert [s.score for s in store.psfs_scores()] == [3, 5, 5]
    later.apply(ev.StartWorkout())
    busy = later.apply(ev.ScoreActivities())  # not in the middle of a workout
    assert busy.next == "count" and "not during a workout" in busy.message
