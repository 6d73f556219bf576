"""The session model from launch to the symptom check: an interrupted session offered, the
"since last time" card, the doctor advice when pain is not improving, and warning signs that
still hold. Pure: no Textual, no files."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.progression import NOT_IMPROVING_AFTER, not_improving
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import count_of
from backrun_tui.coach.safety import warning_gate as gate
from backrun_tui.coach.safety.triage import triage
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.psfs_model import psfs_first
from backrun_tui.coach.session.session_filing import file_session
from backrun_tui.coach.session.session_state import (
    Clock,
    SessionState,
    Today,
    Transition,
    unchanged,
)
from backrun_tui.coach.session.session_text import sets_done
from backrun_tui.coach.session.writes import LogDecisions, SaveProgress, Write


def launch(catalog: Catalog, state: SessionState, _: ev.Launch, clock: Clock) -> Transition:
    """Offer an interrupted session; one that ended or never started a set is filed first."""
    state = state._replace(reminded=False)  # a new start: the doctor advice may be said again
    live = state.live
    if live is not None and live.workout.items and live.ended_at is None:
        return Transition(state._replace(stage="resume"), "resume")
    writes: tuple[Write, ...] = ()
    if live is not None:
        state, writes = file_session(state._replace(live=None), live, clock())
    return news_or_on(catalog, state, clock(), writes)


def resume_answered(
    catalog: Catalog, state: SessionState, event: ev.ResumeAnswered, clock: Clock
) -> Transition:
    live = state.live
    if state.stage != "resume" or live is None:
        return unchanged(state)
    state = state._replace(live=None)
    if event.resume:
        from backrun_tui.coach.session.workout_model import resume

        return resume(catalog, state, live, clock())
    kept = interrupted_kept(live)
    state, writes = file_session(state, kept, clock())
    step = news_or_on(catalog, state, clock(), writes)
    said = " ".join(m for m in (kept_message(catalog, kept), step.message) if m)
    return step._replace(message=said)


def interrupted_kept(live: Session) -> Session:
    """An interrupted session ended from the resume question: the reps of its unfinished set
    kept as a set of their own, as when a session is ended mid-set. It ends when it was last
    heard of (its last set, answer or start), not when backrun was opened again."""
    times = [live.started_at, *(r.at for r in live.workout.done), *(f.at for f in live.feedback)]
    last = max(times)
    return live.with_workout(live.workout.keep_partial(last)).ended(last)


def kept_message(catalog: Catalog, session: Session) -> str:
    """What ending an interrupted session kept, in words (nothing done: nothing to say)."""
    done = session.workout.done
    if not done:
        return ""
    names = ", ".join(dict.fromkeys(catalog.get(r.exercise_id).name for r in done))
    reps = sum(r.reps for r in done)
    amount = count_of(sets_done(session), "set") + (f" ({count_of(reps, 'rep')})" if reps else "")
    return (
        f"The unfinished session of {session.started_at:%a %d %b %Y} is in your history with "
        f"everything it had: {amount} of {names}."
    )


def news_or_on(
    catalog: Catalog, state: SessionState, now: datetime, writes: tuple[Write, ...] = ()
) -> Transition:
    """At launch, the "since last time" card first when the plan changed since it was read."""
    from backrun_tui.coach.session.since_last import since_last_time

    if since_last_time(catalog, state) is not None:
        return Transition(state._replace(stage="news"), "news", writes)
    return doctor_or_check(state, now, writes)


def news_read(_: Catalog, state: SessionState, __: ev.NewsRead, clock: Clock) -> Transition:
    if state.stage != "news":
        return unchanged(state)
    now = clock()
    progress = replace(state.progress, news_seen=now)
    return doctor_or_check(state._replace(progress=progress), now, (SaveProgress(progress),))


def doctor_or_check(
    state: SessionState, now: datetime, writes: tuple[Write, ...] = ()
) -> Transition:
    """Three weeks without improvement: advise a doctor on every launch until read (and again
    three weeks after it was read); else straight to the symptom check."""
    state = state._replace(today=None, session=None, hold_running=False, just_ticked=False)
    reason = doctor_visit_due(state, now)
    if reason:
        state = state._replace(stage="doctor", doctor_reason=reason, reminded=True)
        return Transition(state, "doctor", writes)
    return to_check(state, now, writes)


def doctor_visit_due(state: SessionState, now: datetime) -> str:
    """Why a doctor visit is advised now, or "": not improving after three weeks, not yet read
    (or read three weeks ago), and not already said since backrun started."""
    reason = not_improving(list(state.checks), state.progress.first_session, now)
    seen = state.progress.doctor_acknowledged
    if not reason or state.reminded or (seen is not None and now - seen < NOT_IMPROVING_AFTER):
        return ""
    return reason


def to_check(state: SessionState, now: datetime, writes: tuple[Write, ...] = ()) -> Transition:
    """The symptom check, unless warning signs still hold: urgent ones open on their advice
    again; "see a doctor soon" ones stay ticked in the check, with a reminder."""
    holding = gate.standing(state.progress, now)
    if holding is None:
        return Transition(state._replace(stage="check"), "check", writes)
    message = gate.still_standing_message(holding)
    state = state._replace(answers=holding.report)
    if holding.outcome == "urgent":
        today = Today(holding.report, triage(holding.report), None)
        return Transition(
            state._replace(stage="advice", today=today), "advice", writes, (), message
        )
    return Transition(state._replace(stage="check"), "check", writes, (), message)


def doctor_notice_read(
    _: Catalog, state: SessionState, event: ev.DoctorNoticeRead, clock: Clock
) -> Transition:
    """The doctor advice answered: kept in the log (its first showing, and when it was read),
    and "read" holds it back for three weeks."""
    if state.stage != "doctor":
        return unchanged(state)
    now = clock()
    advice = doctor_advice(state, event.understood, now)
    state = state._replace(doctor_reason="")
    writes: tuple[Write, ...] = ()
    if event.understood:
        progress = replace(state.progress, doctor_acknowledged=now)
        state, writes = state._replace(progress=progress), (SaveProgress(progress),)
    if advice is not None:
        state = state._replace(log=(*state.log, advice))
        writes = (*writes, LogDecisions((advice,)))
    decisions = (advice,) if advice else ()
    if state.today is not None:  # shown after today's check: on to its advice
        on = Transition(state._replace(stage="advice"), "advice", writes, decisions)
        return psfs_first(on, now)
    step = to_check(state, now, writes)
    return step._replace(decisions=decisions)


ADVICE_READ = "you said you have read it"
ADVICE_LATER = "you asked to be reminded next time"


def doctor_advice(state: SessionState, understood: bool, now: datetime) -> Decision | None:
    """The log line for the doctor advice answered; None for a "remind me" when the advice
    is already in the log since it was last read."""
    read = state.progress.doctor_acknowledged
    if not understood and any(
        d.kind == "advice" and (read is None or d.at > read) for d in state.log
    ):
        return None
    answer = ADVICE_READ if understood else ADVICE_LATER
    text = f"Advised a visit to a doctor or physiotherapist ({state.doctor_reason}): {answer}"
    return Decision("advice", None, None, answer, text, now)
