"""The room's screen: a full-screen display for the projector, readable from the back of the room.

It shows what the panel may see (app.panel.room_state): who has submitted and how many applicants are
done while the experts score — never a score before everyone has submitted — and, after the merge,
the items up for discussion without any expert's name. It refreshes itself every few seconds from the
score files it was given (files or folders, opened read-only). Esc closes it, F11 leaves full screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.errors import PanelReviewError
from app.panel import RoomState, room_state
from ui.i18n import tr

REFRESH_MS = 5000
BACKGROUND, INK, FAINT, DONE, WAITING, ACCENT = "#10161f", "#f4f6f8", "#9aa7b4", "#4ade80", "#fbbf24", "#93c5fd"


def score_paths(inputs: Iterable[Path]) -> list[Path]:
    """The score files among `inputs`, folders searched (the room may watch the shared session folder)."""
    out: list[Path] = []
    for p in inputs:
        p = Path(p)
        if p.is_dir():
            out += sorted(p.rglob("*.prscore"))
        elif p.suffix == ".prscore":
            out.append(p)
    return out


def provider(session, inputs: Callable[[], Iterable[Path]], result: Callable[[], object]) -> Callable[[], RoomState]:
    """A function the screen calls on each refresh: the state from the inputs and result as they are now."""
    return lambda: room_state(session, score_paths(inputs()), result())


class RoomScreen(QWidget):
    """Progress and discussion items in large type; made with a function that returns the current RoomState."""

    def __init__(self, state: Callable[[], RoomState], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("room")
        self.setWindowTitle(tr("Room display"))
        self.state = state
        self.setStyleSheet(f"QWidget#room {{ background: {BACKGROUND}; }} QLabel {{ color: {INK}; }}")
        self.setAutoFillBackground(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 32, 48, 32)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counts = QLabel()
        self.counts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counts.setWordWrap(True)
        self.grid_box = QFrame()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setHorizontalSpacing(36)
        self.grid.setVerticalSpacing(10)
        self.heading = QLabel()
        self.items = QLabel()
        self.items.setWordWrap(True)
        # the list never makes the window taller than the projector: what does not fit is counted instead
        self.items.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.items.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = QLabel(tr("Esc closes · F11 full screen"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.title)
        lay.addWidget(self.counts)
        lay.addSpacing(12)
        lay.addWidget(self.grid_box)
        lay.addWidget(self.heading)
        lay.addWidget(self.items, 1)
        lay.addWidget(self.hint)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.last: RoomState | None = None
        self.refresh()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _font(self, label: QLabel, size: int, *, bold: bool = False, colour: str = INK) -> None:
        f = QFont(label.font())
        f.setPixelSize(max(12, size))
        f.setBold(bold)
        label.setFont(f)
        label.setStyleSheet(f"color: {colour};")

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.last is not None:
            self.show_state(self.last)

    def refresh(self) -> None:
        try:
            state = self.state()
        except PanelReviewError as exc:  # a file being copied in: show the last state, say why
            self.hint.setText(str(exc))
            return
        self.show_state(state)

    def show_state(self, state: RoomState) -> None:
        self.last = state
        unit = max(14, self.height() // 28)  # body text: a 768-pixel projector gets 27 px, 1080 gets 38 px
        self._font(self.title, int(unit * 1.5), bold=True)
        self._font(self.counts, int(unit * 1.25), bold=True, colour=ACCENT)
        self._font(self.heading, unit, bold=True)
        self._font(self.items, int(unit * 0.9))
        self._font(self.hint, max(12, unit // 2), colour=FAINT)
        self.title.setText(state.title)
        submitted = sum(1 for e in state.experts if e.submitted)
        self.counts.setText(tr("Submitted: {done} of {experts} experts　·　Applicants done: {apps} of {total}").format(
            done=submitted, experts=len(state.experts), apps=state.applicants_done, total=state.applicants))
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        columns = 2 if len(state.experts) > 6 else 1
        for k, e in enumerate(state.experts):
            mark = QLabel("✓" if e.submitted else "…")
            self._font(mark, unit, bold=True, colour=DONE if e.submitted else WAITING)
            name = QLabel(e.name)
            self._font(name, unit)
            if e.submitted:
                text, colour = tr("submitted"), DONE
            elif e.found:
                text, colour = tr("scoring: {done} of {total} applicants").format(done=e.done, total=state.applicants), WAITING
            else:
                text, colour = tr("no score file yet"), FAINT
            status = QLabel(text)
            self._font(status, unit, colour=colour)
            row, col = k // columns if columns > 1 else k, (k % columns) * 3 if columns > 1 else 0
            self.grid.addWidget(mark, row, col)
            self.grid.addWidget(name, row, col + 1)
            self.grid.addWidget(status, row, col + 2)
        self.grid.setColumnStretch(self.grid.columnCount(), 1)
        if not state.all_submitted:
            self.heading.setText(tr("Scores are shown once every expert has submitted."))
            self.items.setText("")
        elif not state.merged:
            self.heading.setText(tr("Every expert has submitted: the secretary merges the scores."))
            self.items.setText("")
        elif not state.discussion:
            self.heading.setText(tr("Nothing is up for discussion."))
            self.items.setText("")
        else:
            self.heading.setText(tr("Up for discussion ({count})").format(count=len(state.discussion)))
            used = self.title.sizeHint().height() + self.counts.sizeHint().height() + self.grid_box.sizeHint().height()
            room = max(1, (self.height() - used - 4 * unit - 64) // int(unit * 2.4))  # two lines an item, at most
            shown = state.discussion[:room]
            more = len(state.discussion) - len(shown)
            self.items.setText("\n".join(f"• {s}" for s in shown)
                               + ("\n" + tr("… and {count} more").format(count=more) if more > 0 else ""))
