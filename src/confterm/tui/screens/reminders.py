"""Reminders on screen: the alert that stays until dismissed, and the list of recent ones.

A reminder is too important for a toast that fades while the attendee looks away: the
:class:`ReminderAlert` stays on top, naming each session's time, title and room, until Esc or
Enter dismisses it (sessions due while it is open join it rather than stack another one).
:class:`RecentReminders` (``r``, or the palette's "Reminders") lists every reminder shown in
this run, newest first; Enter goes to the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from confterm.model.targets import JumpTarget

#: The key that reopens the list, named on the alert (the app binds it as app.reminders).
REMINDERS_KEY = "r"


@dataclass(frozen=True, slots=True)
class Reminded:
    """One reminder shown: when, for which session, and its line (time, title, room)."""

    shown_at: datetime
    session_id: str
    text: str


class ReminderAlert(ModalScreen[None]):
    """Sessions starting soon, on top of everything until dismissed."""

    DEFAULT_CSS = """
    ReminderAlert { align: center middle; }
    ReminderAlert > Vertical {
        width: 90%; max-width: 90; height: auto; max-height: 80%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    ReminderAlert #reminder-title { text-style: bold; }
    ReminderAlert #reminder-lines { height: auto; margin: 1 0; }
    ReminderAlert #reminder-keys { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss_alert", "Dismiss", id="reminder.dismiss"),
    ]
    HELP_TITLE = "Reminder"

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__()
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title(), id="reminder-title", markup=False)
            yield Static(Content("\n".join(self.lines)), id="reminder-lines", markup=False)
            yield Label(
                f"Esc or Enter: dismiss · {REMINDERS_KEY}: recent reminders (also in ctrl+p)",
                id="reminder-keys",
                markup=False,
            )

    def _title(self) -> str:
        count = len(self.lines)
        return "Starting soon" if count == 1 else f"{count} sessions starting soon"

    def add(self, lines: Sequence[str]) -> None:
        """More sessions due while this alert is open: listed in it too."""
        self.lines += lines
        self.query_one("#reminder-title", Label).update(self._title())
        self.query_one("#reminder-lines", Static).update(Content("\n".join(self.lines)))

    @property
    def text(self) -> str:
        """The title and the lines shown (for tests)."""
        return "\n".join([self._title(), *self.lines])

    def action_dismiss_alert(self) -> None:
        """Close the alert (the reminders stay in the recent list)."""
        self.dismiss(None)


class RecentReminders(ModalScreen[JumpTarget | None]):
    """The reminders shown in this run, newest first; Enter goes to the session."""

    DEFAULT_CSS = """
    RecentReminders { align: center middle; }
    RecentReminders > Vertical {
        width: 90%; max-width: 110; height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    RecentReminders #recent-title { text-style: bold; }
    RecentReminders OptionList { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", id="reminders.back"),
    ]
    HELP_TITLE = "Recent reminders"

    def __init__(self, reminded: Sequence[Reminded], zone: tzinfo) -> None:
        super().__init__()
        self.reminded = list(reversed(reminded))
        self.zone = zone

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                "Recent reminders, newest first · Enter: go to it · Esc: back",
                id="recent-title",
                markup=False,
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (f"{item.shown_at.astimezone(self.zone):%a %H:%M}  ", "$text-muted"),
                            item.text,
                        )
                    )
                    for item in self.reminded
                ),
                id="recent-list",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#recent-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(JumpTarget("session", self.reminded[event.option_index].session_id))

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
