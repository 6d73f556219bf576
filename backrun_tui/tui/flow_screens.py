"""The flow's table: what the coach says comes next -> the screen that shows it, and how that
screen's answer becomes the coach's event (None: no event, go on from the state as it is)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from textual.screen import Screen

from backrun_tui.coach.safety import warning_gate as gate
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Next, Transition
from backrun_tui.coach.session.session_text import where_it_stopped
from backrun_tui.tui.session_view import SessionView

if TYPE_CHECKING:
    from backrun_tui.coach.outcomes.psfs import ActivityAnswer
    from backrun_tui.tui.first_check import FirstCheck

# The screens after the symptom check are imported where they are first shown: start-up then
# loads only what the first frame shows (see benchmarks/README.md).

DOCTOR_TITLE = "Time to see a doctor"

ToEvent = Callable[[Any], ev.Event | None]
Shown = tuple[Screen[Any], ToEvent]


class Asking(Protocol):
    """What a table entry reads of the flow."""

    view: SessionView
    plain: bool
    last_event: ev.Event | None
    first_frame_painted: Callable[[], bool]
    first_check: FirstCheck | None


def gate_answer(choice: str | None) -> ev.Event:
    if choice in ("mistake", "doctor"):
        return ev.GateAnswered(choice)  # type: ignore[arg-type]
    return ev.GateAnswered("keep")


def resume_question(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.dialogs import ConfirmScreen

    assert state.live is not None
    live = state.live
    stopped = where_it_stopped(flow.view.catalog, live.workout)
    question = (
        f"You have an unfinished session from {live.started_at:%a %d %b %Y, %H:%M}. It "
        f"stopped at {stopped}. Resume it?"
    )
    return ConfirmScreen(question, "Resume", "End it"), lambda yes: ev.ResumeAnswered(bool(yes))


def since_last_card(flow: Asking, step: Transition) -> Shown:
    from backrun_tui.coach.session.since_last import since_last_time
    from backrun_tui.tui.screens.since_last import SinceLastScreen

    news = since_last_time(flow.view.catalog, step.state)
    assert news is not None
    return SinceLastScreen(news), lambda _: ev.NewsRead()


def doctor_notice(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.dialogs import NoticeScreen

    text = (
        f"Please book a visit with a doctor or physiotherapist: {state.doctor_reason}. "
        "Training can go on gently meanwhile. backrun gives advice, not a diagnosis."
    )
    notice = NoticeScreen(DOCTOR_TITLE, text)
    return notice, lambda understood: ev.DoctorNoticeRead(bool(understood))


def symptom_check(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

    first = flow.first_check
    if first is not None and first.usable(state.answers):  # the blank one put up at launch
        return first.screen, ev.CheckAnswered
    # Changing answers (or a new check) starts from the answers given, never a blank form: a
    # warning sign ticked earlier stays ticked unless the runner unticks it.
    check = SymptomCheckScreen(complete=flow.first_frame_painted(), answers=state.answers)
    return check, ev.CheckAnswered


def warning_signs(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.dialogs import WarningSignsScreen

    holding = gate.standing(state.progress, flow.view.now())
    assert holding is not None
    question = gate.take_back_question(holding, state.just_ticked)
    return WarningSignsScreen(question, state.just_ticked), gate_answer


def advice(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.coach.ladder.workout import everything_hurt
    from backrun_tui.tui.screens.advice import AdviceScreen

    assert state.today is not None
    next_day = state.today.next_day
    notes = [next_day.message] if next_day and next_day.lighter else []
    notes += state.today.notes
    screen = AdviceScreen(
        state.today.result,
        notes,
        first_run=state.first_run,
        view=flow.view,  # running advice from the runner's runs, on a run day
        pain=state.today.report.pain,
        lighter=bool(next_day and next_day.lighter),
        all_resting=everything_hurt(flow.view.catalog, state.plan),
    )
    return screen, ev.AdviceChosen


def assessment(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.assessment import AssessmentScreen

    screen = AssessmentScreen(flow.view.catalog, state.plan.benched_ids)
    return screen, lambda answers: ev.AssessmentDone(tuple(answers.items()))


def activities(flow: Asking, step: Transition) -> Shown:
    from backrun_tui.tui.screens.psfs import PsfsAskedForScreen, PsfsScreen

    def to_event(answers: tuple[ActivityAnswer, ...] | None) -> ev.Event:
        return ev.PsfsSkipped() if answers is None else ev.PsfsAnswered(answers)

    kind = PsfsAskedForScreen if step.state.psfs_asked_for else PsfsScreen
    return kind(step.state.psfs, flow.view.now()), to_event


def picker(flow: Asking, step: Transition) -> Shown:
    from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen

    screen = ExercisePickerScreen(flow.view)
    return screen, lambda go: ev.StartWorkout() if go else ev.QuitPicker()


def rest(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.rest_timer import RestTimerScreen

    workout, settings = state.workout, state.settings
    name = flow.view.catalog.get(workout.current.exercise_id).name
    next_up = f"{name}, set {workout.set_number} of {workout.current.sets}"
    timer = RestTimerScreen(
        settings.rest_seconds,
        next_up,
        bell=settings.bell,
        progress=workout.progress(),
        plain=flow.plain,
    )
    return timer, lambda _: None  # then back to the counter


def rating(flow: Asking, step: Transition) -> Shown:
    state = step.state
    from backrun_tui.tui.screens.feedback import FeedbackScreen

    assert state.session is not None
    name = flow.view.catalog.get(state.workout.current.exercise_id).name
    screen = FeedbackScreen(name, pain_now=state.session.report.pain)
    return screen, lambda answer: None if answer is None else ev.Rated(*answer)


def skip_question(flow: Asking, step: Transition) -> Shown:
    """Moving up would pass over rungs the runner is not doing: asked before it happens."""
    from backrun_tui.tui.screens.dialogs import ConfirmScreen

    asked = flow.last_event
    assert isinstance(asked, ev.Rated)
    question = ConfirmScreen(step.message, "Move up", "Stay on this rung")
    return question, lambda yes: asked._replace(skip_ok=bool(yes))


def easier_offer(flow: Asking, step: Transition) -> Shown:
    """The easier exercise that took a painful one's place, offered at once."""
    from backrun_tui.tui.screens.dialogs import ConfirmScreen

    question = ConfirmScreen(step.message, "Try it now", "Not today")
    return question, lambda yes: ev.TryInstead(bool(yes))


def summary(flow: Asking, step: Transition) -> Shown:
    from backrun_tui.tui.screens.summary import SummaryScreen

    return SummaryScreen(flow.view), lambda _: ev.StartOver()


SCREENS: dict[Next, Callable[[Asking, Transition], Shown]] = {
    "resume": resume_question,
    "news": since_last_card,
    "doctor": doctor_notice,
    "check": symptom_check,
    "gate": warning_signs,
    "advice": advice,
    "assessment": assessment,
    "psfs": activities,
    "picker": picker,
    "rest": rest,
    "rate": rating,
    "ask": skip_question,
    "offer": easier_offer,
    "summary": summary,
}
