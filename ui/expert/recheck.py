"""The expert's re-check round (复核): only what was asked, the panel's spread without names, a reason per change.

`install(window, menu)` adds three actions to the expert window's Session menu: open a re-check
request (a `.prrecheck` file from the secretary: USB stick or the shared session folder), go back
to the open round, and open a round oneself for a mistake of one's own. Every value, reason and
confirmation is saved the moment it is given (app.scorefile); submitting the round is the
window's own Submit (it lists what is still missing and asks before locking).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QScrollArea,
    QVBoxLayout, QWidget,
)

from app import recheck
from app import vocabulary as words
from app.errors import PanelReviewError
from app.rubric import ScoreItem, fmt
from app.scorefile import ScoreFile
from ui.dialogs import show_error
from ui.i18n import tr

REQUEST_FILTER = "PanelReview re-check request (*.prrecheck)"


def choices(item: ScoreItem) -> list[tuple[str, str]]:
    """(stored value, shown text) an item can take: every point on its bands' step grid, or yes / no."""
    if not item.takes_points:
        return [(words.YES, words.word(words.YES)), (words.NO, words.word(words.NO))]
    values: set[Decimal] = set()
    step = item.allowed.step if item.allowed else Decimal(1)
    for band in (item.allowed.bands if item.allowed else ()):
        v = band.low
        while v <= band.high:
            values.add(v)
            v += step
    return [(fmt(v), fmt(v)) for v in sorted(values, reverse=True)]


def find_request(scores: ScoreFile, folders: list[Path]) -> recheck.Request | None:
    """The request that opened the current round, read from a `.prrecheck` file in `folders` (None if absent)."""
    opened = scores.round_request() or {}
    rid = opened.get("request")
    if not rid:
        return None
    for folder in folders:
        for path in sorted(Path(folder).glob(f"*{recheck.SUFFIX}")) if Path(folder).is_dir() else []:
            try:
                req = recheck.read_request(path)
            except PanelReviewError:
                continue
            if req.id == rid:
                return req
    return None


class ItemBox(QGroupBox):
    """One asked item: its words, why it is asked, the panel's spread, last round → now, reason or confirmation."""

    changed = Signal()

    def __init__(self, scores: ScoreFile, it: Any, asked: recheck.RequestItem | None) -> None:
        a = scores.applicant(it.applicant_id)
        super().__init__(f"{a.name} · {it.item_id}")
        self.setObjectName(f"recheck-{it.applicant_id}-{it.item_id}")
        self.scores, self.aid, self.item_id = scores, it.applicant_id, it.item_id
        self.item = scores.items(it.applicant_id)[it.item_id]
        lay = QGridLayout(self)
        lay.setColumnStretch(1, 1)
        text = QLabel(self.item.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(text, 0, 0, 1, 3)
        row = 1
        if asked is not None:
            if asked.why:
                why = QLabel(tr("Why asked: {why}").format(why="；".join(str(w) for w in asked.why)))
                why.setWordWrap(True)
                why.setObjectName("muted")
                lay.addWidget(why, row, 0, 1, 3)
                row += 1
            panel = QLabel(tr("The panel (without names): {spread}").format(spread=asked.spread.text())
                           + ("\n" + tr("Totals (without names): {spread}").format(spread=asked.total.text())
                              if asked.total is not None else ""))
            panel.setWordWrap(True)
            panel.setObjectName("spread")
            lay.addWidget(panel, row, 0, 1, 3)
            row += 1
        shown = dict(choices(self.item))
        lay.addWidget(QLabel(tr("Last round: {value}").format(value=shown.get(it.before or "", it.before or "—"))),
                      row, 0)
        self.value = QComboBox()
        self.value.setAccessibleName(tr("New value for {item}").format(item=it.item_id))
        self.value.setMinimumWidth(self.fontMetrics().horizontalAdvance("000.00") + 40)
        for stored, label in choices(self.item):
            self.value.addItem(label, stored)
        self.value.setCurrentIndex(max(0, self.value.findData(it.now)))
        self.value.currentIndexChanged.connect(self._value_chosen)
        lay.addWidget(QLabel(tr("Now:")), row, 1, alignment=Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.value, row, 2)
        row += 1
        self.reason = QLineEdit(it.reason)
        self.reason.setPlaceholderText(tr("Reason for the change (required)"))
        self.reason.setAccessibleName(tr("Reason for the change of {item}").format(item=it.item_id))
        self.reason.editingFinished.connect(self._reason_given)
        lay.addWidget(self.reason, row, 0, 1, 3)
        row += 1
        self.confirm = QCheckBox(tr("Checked again: unchanged (复核确认不变)"))
        self.confirm.setChecked(it.confirmed)
        self.confirm.toggled.connect(self._confirmed)
        lay.addWidget(self.confirm, row, 0, 1, 2)
        self.state = QLabel()
        self.state.setObjectName("state")
        lay.addWidget(self.state, row, 2, alignment=Qt.AlignmentFlag.AlignRight)
        self.refresh()

    def current(self) -> Any:
        return next(i for i in self.scores.round_items() if (i.applicant_id, i.item_id) == (self.aid, self.item_id))

    def refresh(self) -> None:
        it = self.current()
        self.reason.setEnabled(it.changed)
        self.confirm.blockSignals(True)
        self.confirm.setChecked(it.confirmed)
        self.confirm.setEnabled(not it.changed)
        self.confirm.blockSignals(False)
        self.state.setText({"changed": tr("changed, with a reason"), "confirmed": tr("confirmed unchanged"),
                            "open": tr("to do")}[it.state])
        self.state.setProperty("done", it.state != "open")
        self.state.setStyleSheet("color: #1a7f37; font-weight: 700;" if it.state != "open" else
                                 "color: #b35900; font-weight: 700;")

    def _write(self, fn) -> None:
        try:
            fn()
        except PanelReviewError as exc:
            show_error(self, str(exc))
        self.refresh()
        self.changed.emit()

    def _value_chosen(self) -> None:
        value = self.value.currentData()

        def write() -> None:
            if self.item.takes_points:
                self.scores.set_points(self.aid, self.item_id, value)
            else:
                self.scores.set_answer(self.aid, self.item_id, value)
        self._write(write)

    def _reason_given(self) -> None:
        text = self.reason.text().strip()
        if text != (self.current().reason or ""):
            self._write(lambda: self.scores.round_reason(self.aid, self.item_id, text))

    def _confirmed(self, on: bool) -> None:
        self._write(lambda: self.scores.round_confirm(self.aid, self.item_id, on))


class RecheckRound(QDialog):
    """The open re-check round: one box per asked item, a count of what is left, and Submit."""

    submit_requested = Signal()

    def __init__(self, scores: ScoreFile, request: recheck.Request | None = None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.scores = scores
        self.setObjectName("recheck-round")
        self.setWindowTitle(tr("Re-check round {round}").format(round=scores.round))
        opened = scores.round_request() or {}
        lay = QVBoxLayout(self)
        if opened.get("own"):
            head = tr("You opened this round yourself: {reason}").format(reason=opened.get("reason", ""))
        else:
            head = tr("The secretary's re-check request {id}").format(id=opened.get("request", ""))
            if request is not None and request.note:
                head += "　" + tr("Note: {note}").format(note=request.note)
        title = QLabel(head)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: 700;")
        lay.addWidget(title)
        intro = QLabel(tr("Only the items below can be changed. Change a value and give the reason, or tick that "
                          "you checked it again and it stays. The panel's answers are shown without names; "
                          "subjective scores are not negotiated (财政部令第87号 第六十二条（四）)."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        asked = {(i.applicant_id, i.item_id): i for i in (request.items if request else ())}
        inner = QWidget()
        il = QVBoxLayout(inner)
        self.boxes = []
        for it in scores.round_items():
            box = ItemBox(scores, it, asked.get((it.applicant_id, it.item_id)))
            box.changed.connect(self._count)
            il.addWidget(box)
            self.boxes.append(box)
        il.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        self.left = QLabel()
        self.left.setObjectName("left")
        bottom.addWidget(self.left, 1)
        buttons = QDialogButtonBox()
        self.submit_button = buttons.addButton(tr("Submit the round…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Close (saved; submit later)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        lay.addLayout(bottom)
        self._count()

    def _count(self) -> None:
        items = self.scores.round_items()
        done = sum(1 for i in items if i.state != "open")
        self.left.setText(tr("{done} of {count} items done").format(done=done, count=len(items)))
        self.submit_button.setEnabled(done == len(items))

    def _submit(self) -> None:
        for box in self.boxes:  # a reason still being typed is written first
            box._reason_given()
        self.accept()
        self.submit_requested.emit()


class OwnRoundDialog(QDialog):
    """The expert found a mistake of their own: which items of an applicant, why, and a confirmation."""

    def __init__(self, scores: ScoreFile, applicant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores, self.aid = scores, applicant_id
        self.setWindowTitle(tr("Re-check my own scores"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Items of {name} to reopen:").format(name=scores.applicant(applicant_id).name)))
        self.list = QListWidget()
        answers = scores.answers(applicant_id)
        for item in scores.applied(applicant_id).items():
            if item.id not in answers:
                continue
            row = QListWidgetItem(f"{item.id}　{words.short(item.text, 48)}　[{answers[item.id]}]")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(row)
        lay.addWidget(self.list, 1)
        lay.addWidget(QLabel(tr("Why (required):")))
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(70)
        lay.addWidget(self.reason)
        self.sure = QCheckBox(tr("I reopen my submitted score file for these items; the round is submitted and "
                                 "fingerprinted again, and the secretary sees both rounds"))
        lay.addWidget(self.sure)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(tr("Open the round"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        for signal in (self.list.itemChanged, self.reason.textChanged, self.sure.toggled):
            signal.connect(self._ready)
        self._ready()

    def targets(self) -> list[tuple[str, str]]:
        return [(self.aid, self.list.item(k).data(Qt.ItemDataRole.UserRole)) for k in range(self.list.count())
                if self.list.item(k).checkState() == Qt.CheckState.Checked]

    def _ready(self, *_: Any) -> None:
        self.ok.setEnabled(bool(self.targets()) and bool(self.reason.toPlainText().strip()) and self.sure.isChecked())


# --------------------------------------------------------------------------- the hook in the expert window


class Recheck:
    """The re-check actions of one expert window (kept on it as `window.recheck`)."""

    def __init__(self, window: Any, menu: Any) -> None:
        self.window = window
        self.request: recheck.Request | None = None
        menu.addSeparator()
        self.open_action = menu.addAction(tr("Open a re-check request…"), self.open_request)
        self.round_action = menu.addAction(tr("Re-check round…"), self.show_round)
        self.own_action = menu.addAction(tr("Re-check my own scores…"), self.own_round)
        menu.aboutToShow.connect(self.update)
        self.update()

    @property
    def scores(self) -> ScoreFile:
        return self.window.scores

    def update(self) -> None:
        open_round = bool(self.scores.round_targets()) and not self.scores.submitted
        self.round_action.setEnabled(open_round)
        self.open_action.setEnabled(self.scores.submitted)
        self.own_action.setEnabled(self.scores.submitted and bool(self.window.applicant_id))

    def _after(self) -> None:
        w = self.window
        for name in ("_fill_applicants", "_show_saved"):
            if hasattr(w, name):
                getattr(w, name)()
        if getattr(w, "applicant_id", None):
            w.form.refresh()
        self.update()

    def open_request(self, path: str | Path | None = None) -> None:
        if path is None:
            start = str(self.window.session.path)
            path, _ = QFileDialog.getOpenFileName(self.window, tr("Open a re-check request"), start, REQUEST_FILTER)
            if not path:
                return
        try:
            request = recheck.read_request(path)
            recheck.answer(self.scores, request, session=self.window.session)
        except PanelReviewError as exc:
            show_error(self.window, str(exc))
            return
        self.request = request
        self._after()
        self.show_round()

    def own_round(self) -> None:
        aid = self.window.applicant_id
        if not aid:
            return
        dialog = OwnRoundDialog(self.scores, aid, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            recheck.open_own(self.scores, dialog.targets(), dialog.reason.toPlainText())
        except PanelReviewError as exc:
            show_error(self.window, str(exc))
            return
        self.request = None
        self._after()
        self.show_round()

    def show_round(self) -> RecheckRound | None:
        if not self.scores.round_targets() or self.scores.submitted:
            QMessageBox.information(self.window, tr("Re-check round"), tr("No re-check round is open."))
            return None
        request = self.request or find_request(self.scores, [self.window.session.path,
                                                             self.window.session.path / "rechecks"])
        self.dialog = RecheckRound(self.scores, request, self.window)
        self.dialog.resize(min(900, self.window.width()), min(760, self.window.height()))
        self.dialog.submit_requested.connect(self._submit)
        self.dialog.finished.connect(lambda _code: self._after())
        self.dialog.open()
        return self.dialog

    def _submit(self) -> None:
        self.window.submit()
        self._after()


def install(window: Any, menu: Any) -> Recheck:
    """Add the re-check actions to `menu` of the expert `window`; kept as `window.recheck`."""
    window.recheck = Recheck(window, menu)
    return window.recheck


__all__ = ["install", "RecheckRound", "OwnRoundDialog", "choices", "find_request"]
