"""What the runner can ask for from anywhere (the command table's actions), and the one handler
that applies a screen's event for the coach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import App

from backrun_tui.tui.session_view import CoachEvent

if TYPE_CHECKING:  # loaded with the data, after the first frame
    from backrun_tui.coach.session import events as ev
    from backrun_tui.service import SessionService
    from backrun_tui.tui.context import Context
    from backrun_tui.tui.flow import SessionFlow


class Actions(App[None]):
    """The app's actions; `BackrunApp` builds what they use."""

    ctx: Context
    service: SessionService
    flow: SessionFlow

    @on(CoachEvent)
    def apply_coach_event(self, message: CoachEvent) -> None:
        """The one way a screen's event reaches the coach: applied through the flow (the
        service saves, every screen shows the new state, the flow goes on if it must)."""
        message.stop()
        step = self.flow.apply(message.event, news=message.news, say=message.then is None)
        if message.then is not None:
            message.then(step)

    def action_start_session(self) -> None:
        """A new symptom check, if the coach agrees (not in the middle of a workout)."""
        from backrun_tui.coach.session import events as ev

        self.go_where_the_coach_agrees(ev.StartOver(), ("check", "doctor"))

    def action_activities(self) -> None:
        """The everyday activities' screen now, if the coach agrees (after today's check, not
        in a workout); the day goes on where it was once they are scored."""
        from backrun_tui.coach.session import events as ev

        self.go_where_the_coach_agrees(ev.ScoreActivities(), ("psfs",))

    def go_where_the_coach_agrees(self, event: ev.Event, expected: tuple[str, ...]) -> None:
        """Apply a runner's request that moves the day; if the coach goes where it was asked,
        every screen above the base goes and the flow shows the new step, else it says why not."""
        step = self.service.apply(event)
        if step.next not in expected:
            self.notify(step.message, severity="warning")
            return
        self.workers.cancel_group(self, "flow")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.flow.go_on_from(step)

    def action_history(self) -> None:
        from backrun_tui.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.flow.view))

    def action_runs(self) -> None:
        from backrun_tui.tui.screens.runs import RunsScreen

        self.push_screen(RunsScreen(self.flow.view))

    def action_log_run(self) -> None:
        from backrun_tui.tui.screens.run_form import RunFormScreen

        self.push_screen(RunFormScreen(self.flow.view))

    def action_settings(self) -> None:
        from backrun_tui.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.flow.view))

    def action_export(self) -> None:
        """Write the four formats into the data folder's exports/ folder."""
        from backrun_tui.report.export_files import ExportFailed, write_exports

        try:
            folder, written = write_exports(self.ctx.store, self.ctx.catalog, self.ctx.clock())
        except ExportFailed as failed:
            self.notify(str(failed), severity="error" if failed.written else "warning")
            return
        self.notify(
            f"Wrote {', '.join(written)} in {folder} (the .html is the report for a physio)",
            title="Export",
            timeout=15,
        )
