"""In a browser (a phone or tablet on the mat), the keys that work now as buttons a finger can
hit: three rows tall where the screen has the rows for it, a row each where it has not. A tap
works like the key, and one more button opens the command palette (a phone has no Ctrl+P)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from backrun_tui.tui.widgets.shown_keys import shown_keys

MENU = "Menu"  # the command palette's button
BUTTON_WIDTH = 14  # cells a button needs: how many fit in a row


class TouchKeys(Grid):
    """The screen's shown, enabled keys as buttons; shown only when `App.is_web` (it costs a
    terminal nothing: it stays empty there)."""

    DEFAULT_CSS = """
    TouchKeys {
        display: none;
        height: auto;
        grid-gutter: 1 2;
        grid-rows: 3;
        padding: 1 1 0 1;
        background: $footer-background;
    }
    TouchKey {
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-style: bold;
        background: $panel;
        border-top: tall $panel-lighten-2;
        border-bottom: tall $panel-darken-2;
    }
    TouchKey:hover {
        background: $panel-lighten-1;
    }
    """  # a short screen's: styles/app.tcss

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[tuple[str, str], ...] = ()

    def on_mount(self) -> None:
        if not self.app.is_web:
            return
        self.display = True
        self.screen.bindings_updated_signal.subscribe(self, self.show_keys)
        self.show_keys(self.screen)

    def on_resize(self) -> None:
        if self.app.is_web:
            self.fit_columns()

    def fit_columns(self) -> None:
        """As many buttons to a row as fit with every label whole."""
        longest = max((len(description) for _, description in self.keys), default=0)
        widest = max(BUTTON_WIDTH, longest + 4)
        self.styles.grid_size_columns = max(1, min(len(self.keys) + 1, self.size.width // widest))

    def show_keys(self, screen: Screen[object]) -> None:
        """Buttons for the keys the screen has now, less those it shows as buttons itself (a
        screen's small one-row buttons are hidden in a browser: these take their place)."""
        own = [button for button in screen.query(Button) if not button.compact and button.display]
        in_a_dialog = isinstance(screen, ModalScreen)  # its buttons never scroll out of view
        keys = tuple(
            (key, description)
            for key, action, description, shown_as in shown_keys(screen)
            if not any(offers(b, action, description) for b in own)
            and not (in_a_dialog and any(names_key(b, key, shown_as) for b in own))
        )
        if keys == self.keys:
            return
        shown = list(self.query(TouchKey))[: len(self.keys)]
        same_count = bool(self.keys) and len(keys) == len(self.keys) == len(shown)
        self.keys = keys
        self.fit_columns()
        if same_count:  # relabelled in place: no frame without buttons between the two
            for button, (key, description) in zip(shown, keys, strict=True):
                button.relabel(description, key)
        else:
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        if not self.keys:
            return
        for key, description in self.keys:
            yield TouchKey(description, key)
        yield TouchKey(MENU, "")


class TouchKey(Static):
    """One key as a button. Every tap counts (a Button ignores one within 0.2 s of the last,
    and a runner tapping "Yes" twice in a row lost the second), and it never takes the focus:
    the key it sends goes where a typed one would."""

    def __init__(self, label: str, key: str) -> None:
        super().__init__(label)
        self.label, self.key = label, key

    def relabel(self, label: str, key: str) -> None:
        self.label, self.key = label, key
        self.update(label)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.key:
            self.app.simulate_key(self.key)
        else:
            self.app.action_command_palette()


def names_key(button: Button, key: str, shown_as: str) -> bool:
    """Whether a button's label names the key it stands for: "End session (y)"."""
    label = str(button.label).lower()
    return any(f"({name.lower()})" in label for name in (key, shown_as))


def offers(button: Button, action: str, description: str) -> bool:
    """Whether a screen's own button does what a key does (it runs the key's action, or it is
    labelled with what the key does)."""
    if button.action in (action, f"screen.{action}"):
        return True
    return str(button.label).lower().startswith(description.lower())
