"""The scoring form for one applicant: the rubric as it applies to its profile.

Every edit goes straight to the score file through the core (`ScoreFile`),
which checks it against the rubric; a refused value is put back and the
reason shown. After each saved change the form re-reads the file, so what
the expert sees is always what is saved.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QButtonGroup, QCheckBox, QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
    QWidget,
)

from app import rubric as rubric_mod
from app import textsearch
from app.errors import PanelReviewError
from app.scorefile import NEGATIVE, NO, POSITIVE, YES, ScoreFile
from ui.flow import FlowLayout
from ui.i18n import tr

fmt = rubric_mod.fmt


def wrap_label(text: str, *, css: str = "", selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if css:
        label.setStyleSheet(css)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ElidedLabel(QLabel):
    """One line, cut with … when the pane is narrow; the whole text in the tooltip and for screen readers."""

    def __init__(self, text: str, *, css: str = "") -> None:
        super().__init__()
        self.full = text
        if css:
            self.setStyleSheet(css)
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        super().setText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        super().setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width()))


class _ClickToCheck(QObject):
    """Clicking a level's wrapped text checks its radio button."""

    def __init__(self, button: QRadioButton | QCheckBox) -> None:
        super().__init__(button)
        self.button = button

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and self.button.isEnabled():
            self.button.click()
            return True
        return False


def choice_row(button: QRadioButton | QCheckBox, text: str) -> QWidget:
    row = QWidget()
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(6)
    lay.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    label = wrap_label(text)
    label.installEventFilter(_ClickToCheck(button))
    label.setCursor(Qt.CursorShape.PointingHandCursor)
    lay.addWidget(label, 1)
    return row


class PointsBox(QDoubleSpinBox):
    """Points typed by the expert; a keystroke the box cannot take is said, not swallowed."""

    refused = Signal(str)  # the text as it would have become

    def validate(self, text: str, pos: int):  # noqa: D102 (Qt)
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            self.refused.emit(text)
        return result


def points_box(step: Decimal) -> QDoubleSpinBox:
    box = PointsBox()
    box.setDecimals(0 if step == step.to_integral_value() else 1)
    box.setSingleStep(float(step))
    box.setKeyboardTracking(False)  # save on Enter, focus-out or arrows, not on every keystroke
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    box.setSuffix(" " + tr("pts"))
    box.setMinimumWidth(90)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


class Card(QFrame):
    """One answerable thing (criterion, checklist, condition, gate) with its comment and evidence."""

    def __init__(self, form: "RubricForm", target: str, title: str, *, max_text: str = "") -> None:
        super().__init__()
        self.form = form
        self.target = target
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(10, 8, 10, 8)
        self.lay.setSpacing(4)
        head = QHBoxLayout()
        self.title = wrap_label(title, css="font-weight: 600;")
        head.addWidget(self.title, 1)
        self.badge = QLabel(max_text)
        self.badge.setObjectName("badge")
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.lay.addLayout(head)
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        self.lay.addLayout(self.body)
        self.stopped_note = wrap_label("", css="color: #b35c00;")
        self.stopped_note.hide()
        self.lay.addWidget(self.stopped_note)
        self.footer = QHBoxLayout()
        self.lay.addLayout(self.footer)
        self.controls: list[QWidget] = []
        self.search_terms: list[str] = []  # offered as chips once the applicant's materials have stored text
        self.searches: list[QToolButton] = []

    def add_comment(self) -> None:
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(tr("Comment (optional)"))
        self.comment.setAccessibleName(tr("Comment on {criterion}").format(criterion=self.target))
        # saved as it is typed (after a short pause), and at once when the box is left
        self.comment.textEdited.connect(lambda text: self.form.text_typed(
            ("comment", self.target), lambda aid=self.form.applicant_id, t=text: self.form.save_comment(
                self.target, t, applicant_id=aid)))
        self.comment.editingFinished.connect(self._comment_left)
        self.lay.addWidget(self.comment)
        self.controls.append(self.comment)

    def _comment_left(self) -> None:
        """Enter or leaving the box: what it holds now is written at once."""
        self.form._pending.pop(("comment", self.target), None)
        self.form.save_comment(self.target, self.comment.text())

    def add_evidence(self, evidence: tuple[str, ...]) -> None:
        # the links wrap in a narrow pane; 引用当前页 keeps its place at the right of the first line
        row = QHBoxLayout()
        row.setSpacing(6)
        links = FlowLayout()
        if evidence:
            links.addWidget(QLabel(tr("Evidence:")))
            for name in evidence:
                link = QToolButton()
                link.setText(name)
                link.setObjectName("evidence")
                link.setCursor(Qt.CursorShape.PointingHandCursor)
                link.setToolTip(tr("Open this material"))
                link.setAccessibleName(tr("Open the material {name}").format(name=name))
                link.clicked.connect(lambda _=False, n=name: self.form.open_material.emit(n, -1))
                links.addWidget(link)
        row.addLayout(links, 1)
        self.cite = QPushButton(tr("Cite this page"))
        self.cite.setAccessibleName(tr("Cite the page now shown for {criterion}").format(criterion=self.target))
        self.cite.setToolTip(tr("Pin the page now shown in the viewer to this criterion"))
        self.cite.clicked.connect(lambda: self.form.cite(self.target))
        row.addWidget(self.cite, 0, Qt.AlignmentFlag.AlignTop)
        self.lay.addLayout(row)
        self.pins = FlowLayout()
        self.lay.addLayout(self.pins)
        self.controls.append(self.cite)

    SEARCHES_SHOWN = 4
    SEARCH_CSS = ("QToolButton { background: #eef3fb; border: 1px solid #c9d7ee; border-radius: 7px; padding: 0 6px;"
                  " color: #1f4f8a; font-size: 9pt; } QToolButton::menu-indicator { image: none; }")

    def add_searches(self, terms: list[str]) -> None:
        """One-click searches of the applicant's materials' stored text: the first few as chips, the rest in "…"."""
        if not terms or self.searches:
            return
        row = FlowLayout(spacing=3)
        label = QLabel(tr("Search:"))
        label.setStyleSheet("color: #555; font-size: 9pt;")
        row.addWidget(label)
        for term in terms[:self.SEARCHES_SHOWN]:
            chip = QToolButton()
            chip.setObjectName("search")
            chip.setStyleSheet(self.SEARCH_CSS)
            chip.setText(term)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setToolTip(tr("Search “{text}” in the applicant's materials").format(text=term))
            chip.setAccessibleName(tr("Search “{text}” in the applicant's materials").format(text=term))
            chip.clicked.connect(lambda _=False, t=term: self.form.search_requested.emit(t))
            row.addWidget(chip)
            self.searches.append(chip)
        rest = terms[self.SEARCHES_SHOWN:]
        if rest:
            more = QToolButton()
            more.setObjectName("search")
            more.setStyleSheet(self.SEARCH_CSS)
            more.setText("…")
            more.setToolTip(tr("More searches: {terms}").format(terms="、".join(rest)))
            more.setAccessibleName(tr("More searches: {terms}").format(terms="、".join(rest)))
            more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(more)
            for term in rest:
                menu.addAction(term, lambda t=term: self.form.search_requested.emit(t))
            more.setMenu(menu)
            row.addWidget(more)
            self.searches.append(more)
        self.lay.addLayout(row)

    def show_pins(self, citations: list[dict]) -> None:
        while self.pins.count():
            w = self.pins.takeAt(0).widget()
            if w:
                w.deleteLater()
        for c in citations:
            chip = QToolButton()
            chip.setObjectName("pin")
            chip.setText(tr("{material} p. {page}").format(material=c["material"] or c["file"], page=c["page"]))
            chip.setToolTip(tr("Show this page; right-click to remove the citation"))
            chip.clicked.connect(lambda _=False, m=c["material"] or "", p=c["page"]: self.form.open_material.emit(m, p - 1))
            chip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chip.customContextMenuRequested.connect(lambda _pos, cid=c["id"]: self.form.uncite(cid))
            self.pins.addWidget(chip)

    def set_stopped(self, gate: str | None) -> None:
        for w in self.controls:
            w.setEnabled(gate is None and self.form.editable)
        if gate:
            self.stopped_note.setText(tr("Not scored: the condition {gate} was answered no").format(gate=gate))
        self.stopped_note.setVisible(bool(gate))
        self.setProperty("stopped", bool(gate))
        self.style().unpolish(self)
        self.style().polish(self)

    def refresh(self) -> None:  # overridden
        pass

    def announce(self) -> None:
        """What a screen reader says on reaching the card: the criterion, then its band and points."""
        self.setAccessibleName(f"{self.target} {self.title.text()}")
        parts = [self.badge.text()]
        hint = getattr(self, "band_hint", None)
        if hint is not None and hint.text():
            parts.append(hint.text())
        if self.stopped_note.isVisibleTo(self):
            parts.append(self.stopped_note.text())
        self.setAccessibleDescription(" · ".join(p for p in parts if p))


class YesNoCard(Card):
    """A basic condition, priority condition or gate: yes or no."""

    def __init__(self, form: "RubricForm", item: rubric_mod.ScoreItem, *, yes: str, no: str) -> None:
        kind = {"condition": tr("Basic condition"), "priority": tr("Priority condition"), "gate": tr("Gate")}[item.kind]
        super().__init__(form, item.id, item.text, max_text=f"{kind} {item.id}")
        self.item = item
        row = QHBoxLayout()
        row.setSpacing(24)
        self.group = QButtonGroup(self)
        self.yes, self.no = QRadioButton(yes), QRadioButton(no)
        for k, b in enumerate((self.yes, self.no)):
            b.setAccessibleName(f"{item.id}: {b.text()}")
            self.group.addButton(b, k)
            row.addWidget(b)
            self.controls.append(b)
        row.addStretch(1)
        self.body.addLayout(row)
        self.group.idClicked.connect(lambda k: form.save_answer(item.id, YES if k == 0 else NO))
        self.add_comment()
        if item.kind != "priority":
            self.add_evidence(item.evidence)

    def refresh(self) -> None:
        value = self.form.answers.get(self.item.id)
        with blocked(self.group, self.yes, self.no):
            self.group.setExclusive(False)
            self.yes.setChecked(value == YES)
            self.no.setChecked(value == NO)
            self.group.setExclusive(True)


class LevelsCard(Card):
    """A criterion scored by picking a level, then points inside its band."""

    def __init__(self, form: "RubricForm", item: rubric_mod.ScoreItem, crit: rubric_mod.Criterion,
                 *, target: str | None = None, title: str | None = None) -> None:
        super().__init__(form, target or item.id, title or crit.text,
                         max_text=tr("max {max}").format(max=fmt(item.max)))
        self.item = item
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        heading = None
        for k, lv in enumerate(item.levels):
            if lv.heading and lv.heading != heading:
                heading = lv.heading
                self.body.addWidget(wrap_label(lv.heading, css="color: #555;"))
            b = QRadioButton(tr("{band} pts").format(band=str(lv.band)))
            self.group.addButton(b, k)
            self.buttons.append(b)
            self.controls.append(b)
            self.body.addWidget(choice_row(b, lv.text))
        self.zero: QRadioButton | None = None
        if item.none_allowed and form.scores.none_of_levels_allowed:
            self.zero = QRadioButton(tr("0 pts"))
            self.group.addButton(self.zero, len(item.levels))
            self.controls.append(self.zero)
            self.body.addWidget(choice_row(self.zero, tr("None of the levels applies")))
        row = QHBoxLayout()
        points_label = QLabel(tr("Points:"))
        row.addWidget(points_label)
        self.spin = points_box(item.allowed.step)
        self.spin.setRange(0, float(item.max or 0))
        self.spin.setSpecialValueText("—")
        points_label.setBuddy(self.spin)
        row.addWidget(self.spin)
        self.band_hint = QLabel("")
        self.band_hint.setStyleSheet("color: #666;")
        self.band_hint.setWordWrap(True)
        row.addWidget(self.band_hint, 1)
        self.body.addLayout(row)
        self.controls.append(self.spin)
        self.group.idClicked.connect(self._level_picked)
        self.spin.valueChanged.connect(self._points_typed)
        self.spin.refused.connect(self._refused)
        for k, b in enumerate(self.buttons):
            lv = item.levels[k]
            b.setAccessibleName(tr("{criterion}: level {band} pts").format(criterion=self.target, band=str(lv.band)))
            b.setAccessibleDescription(lv.text)
        self.spin.setAccessibleName(tr("Points for {criterion}").format(criterion=self.target))

    def bands_text(self) -> str:
        return " / ".join(str(lv.band) for lv in self.item.levels)

    def _refused(self, text: str) -> None:
        self.form.failed.emit(tr("{criterion}: “{text}” cannot be typed here: points from 0 to {max}, in the "
                                 "bands {bands}").format(criterion=self.target, text=text.strip(),
                                                         max=fmt(self.item.max), bands=self.bands_text()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        """A digit typed on a level (or the card) goes into the points box: the level follows the points."""
        if event.text() and event.text() in "0123456789" and self.spin.isEnabled() \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.spin.setFocus()
            self.spin.selectAll()
            QApplication.sendEvent(self.spin.lineEdit(), QKeyEvent(event.type(), event.key(), event.modifiers(),
                                                                   event.text()))
            return
        super().keyPressEvent(event)

    def _level_picked(self, k: int) -> None:
        if k >= len(self.item.levels):
            self.form.save_points(self.item.id, Decimal(0), rubric_mod.NONE_LEVEL)  # "none of the levels"
            return
        band = self.item.levels[k].band
        current = self.form.answers.get(self.item.id)
        if current is not None and Decimal(current) in band:
            value = Decimal(current)
        else:
            value = band.low  # the expert raises it inside the band; never more than asked for
        self.form.save_points(self.item.id, value, k)
        if band.low != band.high:
            self.spin.setFocus()
            self.spin.selectAll()

    def _points_typed(self, value: float) -> None:
        points = Decimal(str(value)).quantize(self.item.allowed.step)
        k = self.group.checkedId()
        if 0 <= k < len(self.item.levels) and points in self.item.levels[k].band:
            level = k
        else:  # the points choose the level: the one whose band holds them
            lv = self.item.level_for(points)
            if lv is not None:
                level = self.item.levels.index(lv)
            elif points == 0 and self.zero is not None:
                self.form.save_points(self.item.id, Decimal(0), rubric_mod.NONE_LEVEL)
                return
            else:
                self.form.failed.emit(tr("{criterion}: {points} pts is in none of the bands {bands}").format(
                    criterion=self.target, points=fmt(points), bands=self.bands_text()))
                self.refresh()
                return
        self.form.save_points(self.item.id, points, level)

    def refresh(self) -> None:
        value = self.form.answers.get(self.item.id)
        level = self.form.levels.get(self.item.id)
        with blocked(self.group, self.spin, *self.buttons, *( [self.zero] if self.zero else [])):
            self.group.setExclusive(False)
            for b in self.group.buttons():
                b.setChecked(False)
            self.group.setExclusive(True)
            self.spin.setRange(0, float(self.item.max or 0))
            self.spin.setEnabled(self.form.editable)
            if value is None:
                self.spin.setSpecialValueText("—")
                self.spin.setValue(0)
                self.band_hint.setText(tr("or type the points"))
                self.badge.setText(tr("max {max}").format(max=fmt(self.item.max)))
                self.setProperty("answered", False)
            else:
                pts = Decimal(value)
                if level is None:
                    lv = self.item.level_for(pts)
                    level = self.item.levels.index(lv) if lv is not None else None
                if level is not None and level < len(self.buttons):
                    self.buttons[level].setChecked(True)
                    band = self.item.levels[level].band
                elif self.zero is not None:
                    self.zero.setChecked(True)
                    band = rubric_mod.Band(Decimal(0), Decimal(0))
                else:
                    band = rubric_mod.Band(pts, pts)
                self.spin.setSpecialValueText("")
                self.spin.setValue(float(pts))
                self.band_hint.setText(tr("band {band}").format(band=str(band)) if band.low != band.high else "")
                self.badge.setText(tr("{points} / {max}").format(points=fmt(pts), max=fmt(self.item.max)))
                self.setProperty("answered", True)
        self.style().unpolish(self)
        self.style().polish(self)

    def set_stopped(self, gate: str | None) -> None:
        super().set_stopped(gate)
        if gate is None:
            self.refresh()


class RangeCard(Card):
    def __init__(self, form: "RubricForm", item: rubric_mod.ScoreItem, crit: rubric_mod.Criterion) -> None:
        super().__init__(form, item.id, crit.text, max_text=tr("max {max}").format(max=fmt(item.max)))
        self.item = item
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Points:")))
        self.spin = points_box(item.allowed.step)
        self.spin.setRange(0, float(item.max))
        self.spin.setSpecialValueText("—")
        self.spin.setAccessibleName(tr("Points for {criterion}").format(criterion=item.id))
        row.addWidget(self.spin)
        row.addStretch(1)
        self.body.addLayout(row)
        self.controls.append(self.spin)
        self.spin.valueChanged.connect(lambda v: form.save_points(item.id, Decimal(str(v)), None))

    def refresh(self) -> None:
        value = self.form.answers.get(self.item.id)
        with blocked(self.spin):
            self.spin.setValue(float(value) if value is not None else 0)


class ChecklistCard(Card):
    """Fixed-point or banded items ticked and summed; an item may itself be a choice of levels."""

    def __init__(self, form: "RubricForm", items: list[rubric_mod.ScoreItem], crit: rubric_mod.Criterion) -> None:
        super().__init__(form, crit.id, crit.text, max_text=tr("max {max}").format(max=fmt(crit.max)))
        self.items = items
        self.crit = crit
        self.checks: dict[str, QCheckBox] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.choices: dict[str, LevelsCard] = {}
        for item in items:
            if item.levels:
                sub = LevelsCard(form, item, crit, target=crit.id, title=item.text)
                sub.setObjectName("subcard")
                sub.badge.hide()
                self.choices[item.id] = sub
                self.body.addWidget(sub)
                continue
            top = item.allowed.max
            box = QCheckBox(tr("{points} pts").format(points=fmt(top)) if len([b for b in item.allowed.bands if b.high]) == 1
                            and item.allowed.bands[-1].low == item.allowed.bands[-1].high
                            else tr("{band} pts").format(band=str(item.allowed.bands[-1])))
            self.checks[item.id] = box
            box.setAccessibleName(f"{item.id}: {box.text()}")
            box.setAccessibleDescription(item.text)
            self.controls.append(box)
            row = choice_row(box, item.text)
            band = item.allowed.bands[-1]
            if band.low != band.high:
                spin = points_box(item.allowed.step)
                spin.setRange(float(band.low), float(band.high))
                spin.setAccessibleName(tr("Points for {criterion}").format(criterion=item.id))
                spin.setEnabled(False)
                spin.valueChanged.connect(lambda v, i=item.id: form.save_points(i, Decimal(str(v)), None))
                self.spins[item.id] = spin
                self.controls.append(spin)
                row.layout().addWidget(spin, 0, Qt.AlignmentFlag.AlignTop)
            box.clicked.connect(lambda on, i=item, b=band: form.save_points(i.id, b.low if on else Decimal(0), None))
            self.body.addWidget(row)

    def refresh(self) -> None:
        answers = self.form.answers
        total = Decimal(0)
        answered = False
        for item in self.items:
            value = answers.get(item.id)
            answered |= value is not None
            pts = Decimal(value) if value is not None else Decimal(0)
            total += pts
            if item.id in self.choices:
                self.choices[item.id].refresh()
                continue
            box = self.checks[item.id]
            with blocked(box):
                box.setChecked(pts > 0)
                box.setTristate(False)
                if value is None:
                    box.setStyleSheet("")
            spin = self.spins.get(item.id)
            if spin is not None:
                with blocked(spin):
                    if pts > 0:
                        spin.setValue(float(pts))
                    spin.setEnabled(pts > 0 and self.form.editable)
        self.badge.setText(tr("{points} / {max}").format(points=fmt(total), max=fmt(self.crit.max)) if answered
                           else tr("max {max}").format(max=fmt(self.crit.max)))

    def set_stopped(self, gate: str | None) -> None:
        super().set_stopped(gate)
        for sub in self.choices.values():
            sub.set_stopped(gate)
        if gate is None:
            self.refresh()


class blocked:
    """Silence widgets' signals while the form writes saved values into them."""

    def __init__(self, *objects: QObject) -> None:
        self.objects = objects

    def __enter__(self) -> None:
        self.old = [o.blockSignals(True) for o in self.objects]

    def __exit__(self, *exc: Any) -> None:
        for o, old in zip(self.objects, self.old):
            o.blockSignals(old)


class RubricForm(QScrollArea):
    """The rubric of one applicant as a form; every change saved the moment it is made."""

    saved = Signal(str)  # applicant id
    failed = Signal(str)  # the sentence saying why a change was refused
    open_material = Signal(str, int)  # material name, page (0-based; -1: keep)
    search_requested = Signal(str)  # a criterion's search chip: the text to find in the applicant's materials
    undo_available = Signal(bool)
    saving = Signal()  # typed text waits for its save (a fraction of a second)

    TEXT_DELAY_MS = 600

    def __init__(self, scores: ScoreFile, *, current_page: Callable[[], tuple[str, str, int] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = scores
        self.current_page = current_page
        self.searchable: Callable[[str], bool] = lambda _aid: False  # the window: has the applicant stored text?
        self.applicant_id: str | None = None
        self.cards: dict[str, Card] = {}
        self.item_cards: dict[str, Card] = {}
        self.order: list[Card] = []
        self.answers: dict[str, str] = {}
        self.levels: dict[str, int | None] = {}
        self.undo_stacks: dict[str, list[tuple[str, Callable[[], None]]]] = {}  # per applicant
        self._pending: dict[tuple, Callable[[], None]] = {}  # typed text not yet written
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(self.TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.flush_text)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for keys, step in (("Alt+Down", 1), ("Alt+Up", -1)):
            QShortcut(QKeySequence(keys), self, lambda s=step: self.move_focus(s),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    @property
    def undo_stack(self) -> list[tuple[str, Callable[[], None]]]:
        """The changes of the applicant now shown, last one last."""
        return self.undo_stacks.setdefault(self.applicant_id or "", [])

    def text_typed(self, key: tuple, save: Callable[[], None]) -> None:
        """Typed text is written after a pause of TEXT_DELAY_MS (or when the box is left, or anything else happens)."""
        self._pending[key] = save
        self._text_timer.start()
        self.saving.emit()

    @property
    def text_pending(self) -> bool:
        return bool(self._pending)

    def flush_text(self) -> None:
        """Write every piece of typed text still waiting."""
        self._text_timer.stop()
        while self._pending:
            _key, save = self._pending.popitem()
            save()

    @property
    def editable(self) -> bool:
        return not self.scores.closed and not self.scores.submitted and not self.scores.readonly

    # -- building ---------------------------------------------------------

    def show_applicant(self, applicant_id: str) -> None:
        self.flush_text()
        self.applicant_id = applicant_id
        self.undo_available.emit(bool(self.undo_stack))
        self.cards.clear()
        self.item_cards.clear()
        self.order.clear()
        page = QWidget()
        page.setObjectName("formpage")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(12, 12, 12, 24)
        lay.setSpacing(10)
        a = self.scores.applicant(applicant_id)
        applied = self.scores.applied(applicant_id)
        rub = applied.rubric

        # the head (name, total, progress) stays above the scrolling criteria: the total is always in view
        head = QFrame()
        head.setObjectName("formhead")
        hl = QVBoxLayout(head)
        hl.setContentsMargins(8, 6, 8, 6)
        hl.setSpacing(2)
        hl.addWidget(ElidedLabel(a.name, css="font-size: 13pt; font-weight: 700;"))
        variant = applied.variant_label()
        hl.addWidget(ElidedLabel(rub.carrier_type_name + (f" · {variant}" if variant else ""), css="color: #555;"))
        row = FlowLayout(spacing=12)
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        row.addWidget(self.total_label)
        self.progress_label = QLabel()
        row.addWidget(self.progress_label)
        self.recuse_button = QPushButton()
        self.recuse_button.clicked.connect(self.toggle_recusal)
        row.addWidget(self.recuse_button)
        hl.addLayout(row)
        self.recusal_box = QFrame()
        self.recusal_box.setObjectName("recusal")
        rl = QHBoxLayout(self.recusal_box)
        rl.setContentsMargins(4, 2, 4, 2)
        self.recusal_label = wrap_label("")
        rl.addWidget(self.recusal_label, 1)
        hl.addWidget(self.recusal_box)
        self._set_head(head)

        self.scoring = QWidget()
        sl = QVBoxLayout(self.scoring)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.setSpacing(10)
        items = applied.items()
        by_id = {i.id: i for i in items}
        yes_c, no_c = tr("Met"), tr("Not met")
        conds = [i for i in items if i.kind == "condition"]
        if conds:
            sl.addWidget(self._heading(tr("Basic conditions")))
            for item in conds:
                self._add(sl, YesNoCard(self, item, yes=yes_c, no=no_c), [item.id])
        for gate in applied.gates:
            item = by_id[gate.id]
            sl.addWidget(self._heading(tr("Before scoring")))
            self._add(sl, YesNoCard(self, item, yes=tr("Yes"), no=tr("No")), [item.id])
        self.section_labels: dict[str, QLabel] = {}
        for sec in applied.sections:
            box = QFrame()
            box.setObjectName("section")
            bl = QVBoxLayout(box)
            bl.setContentsMargins(8, 8, 8, 8)
            title = QHBoxLayout()
            t = wrap_label(f"{sec.no} {sec.title}" + (f"  {sec.variant}" if sec.variant else ""),
                           css="font-size: 12pt; font-weight: 700;")
            title.addWidget(t, 1)
            sub = QLabel()
            sub.setObjectName("subtotal")
            self.section_labels[sec.id] = sub
            title.addWidget(sub, 0, Qt.AlignmentFlag.AlignTop)
            bl.addLayout(title)
            if sec.standard:
                bl.addWidget(wrap_label(sec.standard, css="color: #555;", selectable=True))
            for note in sec.notes:
                bl.addWidget(wrap_label(note.text, css="color: #555;"))
            for crit in sec.criteria:
                ev = crit.evidence or sec.evidence
                if crit.is_gate:
                    card = YesNoCard(self, by_id[crit.id], yes=tr("Yes"), no=tr("No"))
                    self._add(bl, card, [crit.id])
                    continue
                if crit.rule == "checklist":
                    its = [by_id[i.id] for i in crit.items if i.id in by_id]
                    card = ChecklistCard(self, its, crit)
                    ids = [i.id for i in its]
                elif crit.rule == "range":
                    card = RangeCard(self, by_id[crit.id], crit)
                    ids = [crit.id]
                else:
                    card = LevelsCard(self, by_id[crit.id], crit)
                    ids = [crit.id]
                for note in crit.notes:
                    card.body.insertWidget(0, wrap_label(note.text, css="color: #8a5a00;"))
                card.add_comment()
                card.add_evidence(ev)
                card.search_terms = textsearch.criterion_terms(crit.text, ev)
                self._add(bl, card, ids)
            sl.addWidget(box)
        prio = [i for i in items if i.kind == "priority"]
        if prio:
            sl.addWidget(self._heading(tr("Priority conditions")))
            for item in prio:
                self._add(sl, YesNoCard(self, item, yes=tr("Yes"), no=tr("No")), [item.id])

        rec = QFrame()
        rec.setObjectName("section")
        rcl = QVBoxLayout(rec)
        rcl.addWidget(self._heading(tr("Overall recommendation")))
        rrow = QHBoxLayout()
        rrow.setSpacing(24)
        self.rec_group = QButtonGroup(self)
        self.rec_pos = QRadioButton(rub.recommendation.positive)
        self.rec_neg = QRadioButton(rub.recommendation.negative)
        for b in (self.rec_pos, self.rec_neg):
            b.setAccessibleName(tr("Overall recommendation: {answer}").format(answer=b.text()))
        self.rec_group.addButton(self.rec_pos, 0)
        self.rec_group.addButton(self.rec_neg, 1)
        rrow.addWidget(self.rec_pos)
        rrow.addWidget(self.rec_neg)
        rrow.addStretch(1)
        rcl.addLayout(rrow)
        self.rec_group.idClicked.connect(
            lambda k: self.save_recommendation(POSITIVE if k == 0 else NEGATIVE, None))
        rcl.addWidget(QLabel(tr("Opinion")))
        self.opinion = QPlainTextEdit()
        self.opinion.setPlaceholderText(tr("The panel member's opinion on this applicant (printed on the opinion sheet)"))
        self.opinion.setMinimumHeight(90)
        self.opinion.setAccessibleName(tr("Opinion"))
        self.opinion.setTabChangesFocus(True)
        self.opinion.installEventFilter(self)
        self.opinion.textChanged.connect(lambda: self.text_typed(
            ("opinion",), lambda aid=applicant_id, t=self.opinion.toPlainText(): self.save_recommendation(
                None, t, applicant_id=aid)))
        rcl.addWidget(self.opinion)
        sl.addWidget(rec)
        lay.addWidget(self.scoring)
        lay.addStretch(1)
        self.offer_searches()
        self.setWidget(page)
        self.refresh()

    def _set_head(self, head: QFrame) -> None:
        old = getattr(self, "head", None)
        if old is not None:
            old.hide()
            old.deleteLater()
        self.head = head
        head.setParent(self)
        head.show()
        self._place_head()

    def _place_head(self) -> None:
        head = getattr(self, "head", None)
        if head is None:
            return
        width = self.width()
        height = head.heightForWidth(width) if head.hasHeightForWidth() else head.sizeHint().height()
        height = max(height, head.minimumSizeHint().height())
        self.setViewportMargins(0, height, 0, 0)
        head.setGeometry(0, 0, width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._place_head()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-size: 12pt; font-weight: 700; margin-top: 4px;")
        return label

    def offer_searches(self) -> bool:
        """Give the criteria their search chips if the applicant's materials have stored text (now, or since
        the form was built: recognised while it was open); whether any were added."""
        waiting = [c for c in self.order if c.search_terms and not c.searches]
        if not waiting or not self.applicant_id or not self.searchable(self.applicant_id):
            return False
        for card in waiting:
            card.add_searches(card.search_terms)
        return True

    def _add(self, layout: QVBoxLayout, card: Card, ids: list[str]) -> None:
        layout.addWidget(card)
        self.cards[card.target] = card
        for i in ids:
            self.item_cards[i] = card
        self.order.append(card)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is getattr(self, "opinion", None) and event.type() == QEvent.Type.FocusOut:
            self.flush_text()
        return super().eventFilter(obj, event)

    # -- showing what is saved --------------------------------------------

    def refresh(self) -> None:
        aid = self.applicant_id
        if aid is None:
            return
        s = self.scores
        self.answers = s.answers(aid)
        self.levels = s.levels(aid)
        comments = s.comments(aid)
        citations = s.citations(aid)
        stopped = s.stopped(aid)
        recused = s.recusal(aid)
        for card in self.order:
            card.refresh()
            if hasattr(card, "comment"):
                with blocked(card.comment):
                    if not card.comment.hasFocus():
                        card.comment.setText(comments.get(card.target, ""))
            if hasattr(card, "pins"):
                card.show_pins([c for c in citations if c["target_id"] == card.target])
            ids = [i for i, c in self.item_cards.items() if c is card]
            gate = next((stopped[i] for i in ids if i in stopped), None)
            card.set_stopped(gate)
            card.announce()
        decision, opinion = s.recommendation(aid)
        with blocked(self.rec_group, self.rec_pos, self.rec_neg):
            self.rec_group.setExclusive(False)
            self.rec_pos.setChecked(decision == POSITIVE)
            self.rec_neg.setChecked(decision == NEGATIVE)
            self.rec_group.setExclusive(True)
        if not self.opinion.hasFocus():
            with blocked(self.opinion):
                self.opinion.setPlainText(opinion)
        for w in (self.rec_pos, self.rec_neg, self.opinion):
            w.setEnabled(self.editable)
        self.opinion.setReadOnly(not self.editable)
        total = s.total(aid)
        applied = s.applied(aid)
        if applied.rubric.has_points:
            self.total_label.setText(tr("Total {total} / {max}").format(
                total=fmt(total or Decimal(0)), max=fmt(applied.rubric.total)))
        else:
            self.total_label.setText(tr("Decided by recommendation (no points table)"))
        sections = s.section_points(aid)
        for sec in applied.sections:
            self.section_labels[sec.id].setText(
                tr("{points} / {max}").format(points=fmt(sections.get(sec.id, Decimal(0))), max=fmt(sec.max)))
        p = s.progress(aid)
        self.progress_label.setText(tr("answered {done} of {total}").format(done=p.answered, total=p.required))
        self.scoring.setEnabled(recused is None)
        self.scoring.setVisible(recused is None)
        if recused is not None:
            self.recusal_label.setText(tr("You recused yourself from this applicant: {reason}").format(reason=recused))
            self.recuse_button.setText(tr("Withdraw recusal"))
        else:
            self.recusal_label.setText("")
            self.recuse_button.setText(tr("Recuse myself…"))
        self.recuse_button.setToolTip(tr("Conflict of interest with this applicant?"))
        self.recusal_box.setVisible(recused is not None)
        self.total_label.setAccessibleName(self.total_label.text())
        self.recuse_button.setEnabled(self.editable)
        self.recusal_box.setProperty("active", recused is not None)
        self.recusal_box.style().unpolish(self.recusal_box)
        self.recusal_box.style().polish(self.recusal_box)
        self._place_head()

    # -- saving -------------------------------------------------------------

    def _do(self, undo_label: str, change: Callable[[], Any], undo: Callable[[], None] | None, *,
            applicant_id: str | None = None, merge: bool = False) -> bool:
        """Make `change`; remember `undo` under `undo_label` (a burst of typing in one box is one change)."""
        aid = applicant_id or self.applicant_id
        try:
            change()
        except PanelReviewError as exc:
            self.failed.emit(str(exc))
            if aid == self.applicant_id:
                self.refresh()
            return False
        if undo is not None:
            stack = self.undo_stacks.setdefault(aid or "", [])
            if not (merge and stack and stack[-1][0] == undo_label):
                stack.append((undo_label, undo))
            self.undo_available.emit(bool(self.undo_stack))
        if aid == self.applicant_id:
            self.refresh()
        self.saved.emit(aid or "")
        return True

    def _restore_answer(self, aid: str, item_id: str) -> Callable[[], None]:
        old = self.scores.answer(aid, item_id)
        old_level = self.levels.get(item_id)
        item = self.scores.items(aid)[item_id]

        def undo() -> None:
            if old is None:
                self.scores.clear(aid, item_id)
            elif item.takes_points:
                self.scores.set_points(aid, item_id, old, level=old_level)
            else:
                self.scores.set_answer(aid, item_id, old)
        return undo

    def save_points(self, item_id: str, value: Decimal, level: int | None) -> None:
        self.flush_text()
        aid = self.applicant_id
        if self.answers.get(item_id) == fmt(value) and (level is None or self.levels.get(item_id) == level):
            return
        undo = self._restore_answer(aid, item_id)
        self._do(tr("the points of {item} ({points})").format(item=item_id, points=fmt(value)),
                 lambda: self.scores.set_points(aid, item_id, value, level=level), undo)

    def save_answer(self, item_id: str, value: str) -> None:
        self.flush_text()
        aid = self.applicant_id
        if self.answers.get(item_id) == value:
            return
        undo = self._restore_answer(aid, item_id)
        words = {YES: tr("Yes"), NO: tr("No")}
        self._do(tr("the answer to {item} ({answer})").format(item=item_id, answer=words.get(value, value)),
                 lambda: self.scores.set_answer(aid, item_id, value), undo)

    def save_comment(self, target: str, text: str, *, applicant_id: str | None = None) -> None:
        aid = applicant_id or self.applicant_id
        if aid is None or not self.editable:
            return
        old = self.scores.comments(aid).get(target, "")
        if old == text.strip():
            return
        self._do(tr("the comment on {item}").format(item=target), lambda: self.scores.set_comment(aid, target, text),
                 lambda: self.scores.set_comment(aid, target, old), applicant_id=aid, merge=True)

    def save_recommendation(self, decision: str | None, opinion: str | None, *,
                            applicant_id: str | None = None) -> None:
        if decision is not None:
            self.flush_text()
        aid = applicant_id or self.applicant_id
        if aid is None or not self.editable:
            return
        old_decision, old_opinion = self.scores.recommendation(aid)
        if decision == old_decision and (opinion is None or opinion.strip() == old_opinion):
            return
        if decision is None and opinion is not None and opinion.strip() == old_opinion:
            return

        def undo() -> None:
            self.scores.set_recommendation(aid, old_decision, old_opinion)
        label = tr("the opinion") if decision is None else tr("the overall recommendation")
        self._do(label, lambda: self.scores.set_recommendation(aid, decision, opinion),
                 undo if old_decision or decision is None else None, applicant_id=aid, merge=decision is None)

    def cite(self, target: str) -> None:
        where = self.current_page()
        if where is None:
            self.failed.emit(tr("Open a material in the viewer first, then cite its page"))
            return
        material, file, page = where
        aid = self.applicant_id
        ids: list[int] = []

        def change() -> None:
            ids.append(self.scores.cite(aid, target, material=material, file=file, page=page))
        self._do(tr("the citation of {material} p. {page} on {item}").format(material=material, page=page,
                                                                              item=target),
                 change, lambda: self.scores.uncite(ids[0]))

    def uncite(self, citation_id: int) -> None:
        self._do(tr("removing a citation"), lambda: self.scores.uncite(citation_id), None)

    def toggle_recusal(self) -> None:
        from ui.expert.dialogs import ask_recusal_reason

        aid = self.applicant_id
        if self.scores.recusal(aid) is not None:
            self._do(tr("withdrawing the recusal"), lambda: self.scores.unrecuse(aid), None)
            return
        reason = ask_recusal_reason(self, self.scores.applicant(aid).name)
        if reason:
            self._do(tr("the recusal"), lambda: self.scores.recuse(aid, reason), lambda: self.scores.unrecuse(aid))

    def undo(self) -> str | None:
        """Take back the last change made to this applicant in this window; what it was (None: nothing to undo)."""
        self.flush_text()
        if not self.undo_stack:
            return None
        label, undo = self.undo_stack.pop()
        try:
            undo()
        except PanelReviewError as exc:
            self.failed.emit(str(exc))
        self.undo_available.emit(bool(self.undo_stack))
        self.refresh()
        self.saved.emit(self.applicant_id or "")
        return label

    # -- navigation -----------------------------------------------------------

    def focus_target(self, target: str) -> None:
        card = self.cards.get(target) or self.item_cards.get(target)
        if target in ("recommendation", "opinion"):
            self.ensureWidgetVisible(self.opinion)
            (self.rec_pos if target == "recommendation" else self.opinion).setFocus()
            return
        if card is None:
            return
        self.ensureWidgetVisible(card, 0, 40)
        first = next((w for w in card.controls if w.isEnabled()), None)
        (first or card).setFocus()
        card.setProperty("flash", True)
        card.style().unpolish(card)
        card.style().polish(card)
        # the card is the timer's context: if the form is rebuilt first, Qt drops the timer
        QTimer.singleShot(900, card, lambda: (card.setProperty("flash", False), card.style().unpolish(card),
                                              card.style().polish(card)))

    def move_focus(self, step: int) -> None:
        """Alt+Down / Alt+Up: the next or previous criterion."""
        if not self.order:
            return
        focus = self.focusWidget()
        index = next((k for k, c in enumerate(self.order) if focus is not None and c.isAncestorOf(focus)), -1)
        index = max(0, min(len(self.order) - 1, index + step))
        self.focus_target(self.order[index].target)
