"""What a whole workout says aloud, through the service as the app drives it: the exercise's
name as it comes up, the count with the last rep named, the set's end, and a hold's start and
last five seconds."""

from __future__ import annotations

from service_driver import Launcher, to_picker, whole_workout

from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Transition
from backrun_tui.service import SessionService
from backrun_tui.speech.cues import workout_cues


def listening(service: SessionService, every_fifth: bool = False) -> list[str]:
    """Every cue the service's changes lead to, as the app's spoken cues hear them."""
    heard: list[str] = []
    apply = service.apply

    def apply_and_listen(event: ev.Event) -> Transition:
        before = service.state
        step = apply(event)
        heard.extend(workout_cues(before, step.state, service.catalog, every_fifth=every_fifth))
        return step

    service.apply = apply_and_listen  # type: ignore[method-assign]
    return heard


def test_a_workout_is_said_as_it_goes(launch: Launcher) -> None:
    service = launch()
    to_picker(service)
    heard = listening(service)
    whole_workout(service, reps=10)
    cat_cow = heard[: heard.index("Set done.") + 1]
    assert cat_cow == [
        "Next: Cat Cow, 1 set.",
        *[str(n) for n in range(1, 9)],
        "9. Last rep.",  # Cat Cow is 8-10 reps
        "10. Top of the range.",
        "Set done.",
    ]
    after = heard[len(cat_cow) :]
    assert after[0] == "Next: Lying Figure 4 Stretch, 1 set."
    assert after[1:9] == [
        "Hold for 30 seconds.",
        "5",
        "4",
        "3",
        "2",
        "1",
        "Set done.",
        "Now the right side.",
    ]
    assert "Now the right side." in after
    assert heard[-1] == "Session done."
    assert heard.count("Session done.") == 1


def test_every_fifth_rep_only_and_nothing_before_the_workout(launch: Launcher) -> None:
    service = launch()
    heard = listening(service, every_fifth=True)
    to_picker(service)
    assert heard == []  # the check, the advice and the picker say nothing
    service.apply(ev.StartWorkout())
    for _ in range(10):
        service.apply(ev.Tap())
    assert heard == ["Next: Cat Cow, 1 set.", "5", "9. Last rep.", "10. Top of the range."]
