"""The expert's window: applicants, their scanned materials, and the rubric form side by side."""

from __future__ import annotations

import json

from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QApplication, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QSplitter, QStyle,
    QStyledItemDelegate, QStyleOptionViewItem, QToolBar, QVBoxLayout, QWidget,
)

from app import acceptance
from app.errors import PanelReviewError
from app.rubric import fmt
from app.scorefile import IncompleteError, ScoreFile
from app.session import Session
from ui import search as stored_search
from ui import settings
from ui.dialogs import show_about, show_error
from ui.expert.dialogs import MissingDialog, RecusalDialog
from ui.expert.rubric_form import RubricForm
from ui.expert.sheets import ALL, sheet_pdf
from ui.expert import recheck as recheck_ui
from ui.i18n import language_menu, tr
from ui.printing import PrintJob, save_pdf
from ui.tasks import run_task
from ui.viewer import PdfViewer

STATE_COLOURS = {
    "recused": "#8a8a8a",
    "gate_failed": "#b35c00",
    "complete": "#1b7f3b",
    "in_progress": "#1f5fa8",
    "not_started": "#333333",
}


def state_words() -> dict[str, str]:
    return {
        "recused": tr("recused"),
        "gate_failed": tr("condition not met"),
        "complete": tr("complete"),
        "in_progress": tr("in progress"),
        "not_started": tr("not started"),
    }


NAME, DETAIL, STATE = Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2, Qt.ItemDataRole.UserRole + 3
MATERIAL_NAME = Qt.ItemDataRole.UserRole + 4  # on a missing material's row
FINDINGS = Qt.ItemDataRole.UserRole + 5  # the intake check's findings on a file's row, as sentences


class ApplicantDelegate(QStyledItemDelegate):
    """An applicant as a card: the name in bold (wrapped), its variant, and a coloured state."""

    PAD = 8

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.9)
        return bold, small

    def _rects(self, option: QStyleOptionViewItem, index) -> tuple[QRect, QRect, QRect]:
        bold, small = self._fonts(option)
        width = max(60, option.rect.width() - 2 * self.PAD)
        flags = int(Qt.TextFlag.TextWordWrap)
        name = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 10_000), flags, index.data(NAME) or "")
        detail = QFontMetrics(small).boundingRect(QRect(0, 0, width, 10_000), flags, index.data(DETAIL) or "")
        state = QFontMetrics(small).boundingRect(QRect(0, 0, width, 10_000), flags, index.data(STATE) or "")
        x, y = option.rect.x() + self.PAD, option.rect.y() + self.PAD
        r1 = QRect(x, y, width, name.height())
        r2 = QRect(x, r1.bottom() + 3, width, detail.height())
        r3 = QRect(x, r2.bottom() + 3, width, state.height())
        return r1, r2, r3

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt)
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, max(120, option.widget.viewport().width() if option.widget else 200), 0)
        _, _, r3 = self._rects(opt, index)
        return QSize(opt.rect.width(), r3.bottom() + self.PAD + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(option.rect, QColor("#dbe8fb") if selected else QColor("white"))
        painter.setPen(QColor("#eceef1"))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        bold, small = self._fonts(option)
        r1, r2, r3 = self._rects(option, index)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.setFont(bold)
        painter.setPen(QColor("#111111"))
        painter.drawText(r1, flags, index.data(NAME) or "")
        painter.setFont(small)
        painter.setPen(QColor("#555555"))
        painter.drawText(r2, flags, index.data(DETAIL) or "")
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole).color() if index.data(Qt.ItemDataRole.ForegroundRole)
                       else QColor("#333333"))
        painter.drawText(r3, flags, "● " + (index.data(STATE) or ""))
        painter.restore()


class ExpertWindow(QMainWindow):
    """One expert scoring one session; every score saved as entered."""

    language_change = Signal(str)

    def __init__(self, session: Session, scores: ScoreFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scores = scores
        self.applicant_id: str | None = None
        self.material_rel: str | None = None
        self.setWindowTitle(tr("PanelReview — {title} — {expert}").format(
            title=session.title, expert=scores.expert["name"]))
        self.setAcceptDrops(True)

        self.applicants = QListWidget()
        self.applicants.setObjectName("applicants")
        self.applicants.setAccessibleName(tr("Applicants"))
        self.applicants.setItemDelegate(ApplicantDelegate(self.applicants))
        self.applicants.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.applicants.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.applicants.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.applicants.currentRowChanged.connect(self._applicant_row)

        self.materials = QListWidget()
        self.materials.setObjectName("materials")
        self.materials.setAccessibleName(tr("Materials"))
        self.materials.setMaximumHeight(132)
        self.materials.currentItemChanged.connect(lambda cur, _prev: self._material_chosen(cur))

        self.viewer = PdfViewer()
        self.viewer.rotation_changed.connect(self._rotation_changed)
        self.viewer.page_rotated.connect(self._page_rotated)

        self.form = RubricForm(scores, current_page=self.current_page)
        self.form.saved.connect(self._saved)
        self.form.failed.connect(self._failed)
        self.form.open_material.connect(self.open_material)
        self.form.search_requested.connect(self.search_materials)
        self.form.searchable = self.has_stored_text
        self.form.undo_available.connect(lambda on: self.undo_action.setEnabled(on))
        self.form.saving.connect(self._show_saving)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 0, 6)
        ll.addWidget(self._caption(tr("Applicants")))
        ll.addWidget(self.applicants)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 6, 0, 0)
        ml.addWidget(self._caption(tr("Materials")))
        ml.addWidget(self.materials)
        self.findings_banner = QLabel()  # the intake check's findings on the material shown (app/acceptance.py)
        self.findings_banner.setObjectName("findings")
        self.findings_banner.setStyleSheet("background: #fff4d6; color: #7a4b00; padding: 2px 6px;")
        self.findings_banner.hide()
        ml.addWidget(self.findings_banner)
        ml.addWidget(self.viewer, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(0, True)  # the applicants give way first on a narrow screen
        left.setMinimumWidth(150)
        self.form.setMinimumWidth(300)
        self.left_pane = left
        self.setCentralWidget(self.splitter)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_actions()
        self.splitter.splitterMoved.connect(
            lambda *_: self.applicants_action.setChecked(self.splitter.sizes()[0] > 0))
        self._fill_applicants()
        self._restore_layout()
        self._show_saved()
        self._wanted = settings.place(session.id, scores.expert_id)  # where the expert left off
        ids = [a.id for a in scores.applicants]
        if self._wanted.get("applicant") in ids:
            self.show_applicant(self._wanted["applicant"])
        elif self.applicants.count():
            self.applicants.setCurrentRow(0)
        self.viewer.current_page_changed.connect(lambda _page: self._store_place())

    # -- building ---------------------------------------------------------

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("caption")
        return label

    def _build_actions(self) -> None:
        bar = QToolBar(tr("Actions"))
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)

        def action(text: str, slot, keys: str | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
            a = QAction(text, self)
            if keys is not None:
                a.setShortcut(QKeySequence(keys))
                a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.setToolTip(f"{tip or text}" + (f" ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
                                             if keys is not None else ""))
            a.triggered.connect(slot)
            return a

        self.prev_action = action(tr("◀ Previous applicant"), lambda: self.step_applicant(-1), "Ctrl+[")
        self.next_action = action(tr("Next applicant ▶"), lambda: self.step_applicant(1), "Ctrl+]")
        self.undo_action = action(tr("Undo"), self.undo, QKeySequence.StandardKey.Undo, tr("Undo the last change"))
        self.undo_action.setEnabled(False)
        self.recusal_action = action(tr("Conflicts of interest…"), self.declare_recusals)
        self.submit_action = action(tr("Submit…"), self.submit, "Ctrl+Return",
                                    tr("Check that everything is answered, then lock the score file"))
        self.sign_action = action(tr("My signature…"), self.sign)
        self.print_action = action(tr("Print opinion sheet…"), lambda: self.print_sheets("current", "preview"),
                                   QKeySequence.StandardKey.Print)
        self.applicants_action = action(tr("Applicants"), self.toggle_applicants, "Ctrl+Shift+A",
                                        tr("Show or hide the list of applicants"))
        self.applicants_action.setCheckable(True)
        self.applicants_action.setChecked(True)
        for a in (self.applicants_action, self.prev_action, self.next_action, None, self.undo_action, None,
                  self.recusal_action, self.submit_action, None, self.sign_action, self.print_action):
            if a is None:
                bar.addSeparator()
            else:
                bar.addAction(a)

        # Pages turn from anywhere in the window, the form included.
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1), ("F8", 1), ("F7", -1)):
            QShortcut(QKeySequence(keys), self, lambda s=step: self.turn_page(s),
                      context=Qt.ShortcutContext.WindowShortcut)

        menu = self.menuBar()
        session_menu = menu.addMenu(tr("&Session"))
        session_menu.addAction(self.recusal_action)
        session_menu.addAction(self.submit_action)
        recheck_ui.install(self, session_menu)  # re-check rounds (复核): ui/expert/recheck.py
        session_menu.addSeparator()
        session_menu.addAction(self.sign_action)
        print_menu = session_menu.addMenu(tr("Print"))
        print_menu.addAction(self.print_action)
        print_menu.addAction(action(tr("Print all opinion sheets…"), lambda: self.print_sheets("all", "preview")))
        print_menu.addAction(action(tr("Print the score sheet of this category…"),
                                    lambda: self.print_sheets("score_sheet", "preview")))
        print_menu.addSeparator()
        print_menu.addAction(action(tr("Save opinion sheet as PDF…"), lambda: self.print_sheets("current", "save")))
        print_menu.addAction(action(tr("Save all opinion sheets as PDF…"), lambda: self.print_sheets("all", "save")))
        session_menu.addSeparator()
        session_menu.addAction(action(tr("Quit"), self.close, QKeySequence.StandardKey.Quit))
        view_menu = menu.addMenu(tr("&View"))
        view_menu.addAction(self.prev_action)
        view_menu.addAction(self.next_action)
        view_menu.addAction(action(tr("Next page"), lambda: self.turn_page(1)))
        view_menu.addAction(action(tr("Previous page"), lambda: self.turn_page(-1)))
        language_menu(menu.addMenu(tr("S&ettings")), settings.get("language"), self.language_change.emit)
        help_menu = menu.addMenu(tr("&Help"))
        help_menu.addAction(action(tr("Keyboard shortcuts"), self.show_keys, "F1"))
        help_menu.addAction(action(tr("About PanelReview"), lambda: show_about(self)))

    def show_keys(self) -> None:
        QMessageBox.information(self, tr("Keyboard shortcuts"), "\n".join(f"{k}:  {v}" for k, v in self.key_rows()))

    def key_rows(self) -> list[tuple[str, str]]:
        """Every keyboard path of the window, the viewer's included (F1)."""
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (tr("Next / previous criterion"), "Alt+↓ / Alt+↑"),
            (tr("Type points"), tr("digits on a criterion, then Enter (the level follows the points)")),
            (tr("Choose a level or an answer"), tr("arrow keys, then Space")),
            (tr("Next / previous page"), "Ctrl+PgDn / Ctrl+PgUp, F8 / F7, PgDn / PgUp"),
            (tr("Go to page"), "Ctrl+G"),
            (tr("Back / forward (after following a citation)"), "Alt+← / Alt+→"),
            (tr("Zoom in / out, fit width"), tr("Ctrl+wheel, Ctrl++ / Ctrl+-, Ctrl+0")),
            (tr("Turn the page clockwise / anticlockwise"), "Ctrl+R / Ctrl+Shift+R"),
            (tr("Search the material, next / previous match"), "Ctrl+F, F3 / Shift+F3"),
            (tr("Next / previous applicant"), "Ctrl+] / Ctrl+["),
            (tr("Show or hide the list of applicants"), "Ctrl+Shift+A"),
            (tr("Undo"), QKeySequence(QKeySequence.StandardKey.Undo).toString(native)),
            (tr("Submit"), "Ctrl+Enter"),
            (tr("Print opinion sheet"), QKeySequence(QKeySequence.StandardKey.Print).toString(native)),
        ]

    def _fill_applicants(self) -> None:
        self.applicants.blockSignals(True)
        current = self.applicants.currentRow()
        self.applicants.clear()
        for a in self.scores.applicants:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.applicants.addItem(item)
            self._update_applicant_item(item)
        self.applicants.setCurrentRow(current)
        self.applicants.blockSignals(False)

    def _update_applicant_item(self, item: QListWidgetItem) -> None:
        aid = item.data(Qt.ItemDataRole.UserRole)
        a = self.scores.applicant(aid)
        applied = self.scores.applied(aid)
        p = self.scores.progress(aid)
        words = state_words()
        variant = applied.variant_label()
        kind = applied.rubric.carrier_type_name + (f" · {variant}" if variant else "")
        state = words[p.state] if p.state != "in_progress" else f"{p.answered}/{p.required}"
        if self.scores.submitted and p.state != "recused":
            state = tr("submitted")
        item.setText(a.name)
        item.setData(NAME, a.name)
        item.setData(DETAIL, kind)
        item.setData(STATE, state)
        item.setForeground(QBrush(QColor(STATE_COLOURS[p.state])))
        item.setToolTip(f"{a.name}\n{kind}\n{words[p.state]} · {p.answered}/{p.required}")

    # -- applicants and materials ----------------------------------------------

    def _applicant_row(self, row: int) -> None:
        if row < 0:
            return
        aid = self.applicants.item(row).data(Qt.ItemDataRole.UserRole)
        self.show_applicant(aid)

    def show_applicant(self, applicant_id: str) -> None:
        if applicant_id == self.applicant_id:
            return
        self.applicant_id = applicant_id
        row = [a.id for a in self.scores.applicants].index(applicant_id)
        if self.applicants.currentRow() != row:
            self.applicants.blockSignals(True)
            self.applicants.setCurrentRow(row)
            self.applicants.blockSignals(False)
        self.form.show_applicant(applicant_id)
        self._fill_materials()

    def step_applicant(self, step: int) -> None:
        row = self.applicants.currentRow() + step
        if 0 <= row < self.applicants.count():
            self.applicants.setCurrentRow(row)

    def _fill_materials(self) -> None:
        aid = self.applicant_id
        self.materials.blockSignals(True)
        self.materials.clear()
        if self.scores.recusal(aid) is not None:
            self.materials.blockSignals(False)
            self.viewer.close_document()
            self.material_rel = None
            return
        files = self.session.materials(aid)
        by_material: dict[str, list] = {}
        for f in files:
            by_material.setdefault(f.material or "", []).append(f)
        names = list(dict.fromkeys(m.name for m in self.session.applied(aid).materials))
        first = None
        for name in names:
            found = by_material.get(name, [])
            if not found:
                item = QListWidgetItem(tr("{name} — missing").format(name=name))
                item.setForeground(QBrush(QColor("#b00020")))
                item.setData(Qt.ItemDataRole.UserRole, None)
                item.setData(MATERIAL_NAME, name)
                item.setToolTip(tr("The applicant did not hand in this material"))
                self.materials.addItem(item)
                continue
            findings = self._findings(aid, name)
            for f in found:
                pages = tr("{n} pages").format(n=f.pages) if f.pages else ""
                here = [x for x in findings if x.path in (None, f.path)]
                item = QListWidgetItem(f"{name}　{pages}" + ("　⚠" if here else ""))
                item.setData(Qt.ItemDataRole.UserRole, (name, f.path))
                item.setData(FINDINGS, [self._finding_text(x) for x in here])
                item.setToolTip("\n".join([f.path, tr("The intake check found:")] + item.data(FINDINGS))
                                if here else f.path)
                self.materials.addItem(item)
                first = first or item
        for f in by_material.get("", []):
            item = QListWidgetItem(tr("Other file: {file}").format(file=f.name))
            item.setData(Qt.ItemDataRole.UserRole, ("", f.path))
            item.setForeground(QBrush(QColor("#666666")))
            self.materials.addItem(item)
            first = first or item
        self.materials.blockSignals(False)
        wanted = getattr(self, "_wanted", {})
        if wanted.get("applicant") == aid:  # back where the expert left off, once
            self._wanted = {}
            for k in range(self.materials.count()):
                item = self.materials.item(k)
                data = item.data(Qt.ItemDataRole.UserRole)
                if data and data[1] == wanted.get("material"):
                    self.materials.blockSignals(True)
                    self.materials.setCurrentItem(item)
                    self.materials.blockSignals(False)
                    self._material_chosen(item, int(wanted.get("page") or 0))
                    return
        if first is not None:
            self.materials.setCurrentItem(first)
        else:
            self.viewer.close_document()
            self.material_rel = None

    def _findings(self, aid: str, material: str) -> list:
        """The intake check's findings on `material` kept in the session (none where the check was not run)."""
        try:
            return acceptance.for_material(self.session, aid, material)
        except Exception:  # noqa: BLE001 — a store that cannot be read must not keep the expert from scoring
            return []

    @staticmethod
    def _finding_text(finding) -> str:
        text = finding.text()
        if finding.accepted:
            text += "　" + tr("(accepted by the secretary: {note})").format(note=finding.accepted)
        return text

    def _show_findings(self, item: QListWidgetItem | None) -> None:
        found = (item.data(FINDINGS) or []) if item is not None else []
        if found:
            first = found[0] if len(found) == 1 else tr("{first} (and {more} more)").format(
                first=found[0], more=len(found) - 1)
            self.findings_banner.setText("⚠ " + tr("Intake check: {finding}").format(finding=first))
            self.findings_banner.setToolTip("\n".join(found))
        self.findings_banner.setVisible(bool(found))

    def has_stored_text(self, applicant_id: str) -> bool:
        """Has the session stored text (recognised on the secretary's machine) of any of the applicant's files?"""
        return any(stored_search.stored_text(self.session.material_path(mf)) is not None
                   for mf in self.session.materials(applicant_id))

    def search_materials(self, text: str) -> None:
        """A criterion's search: in the material shown where its text is stored (the hit list names the
        applicant's other materials too), else in the first of the applicant's materials that has `text`."""
        stored = getattr(self.viewer, "_stored", None)
        if stored is not None and self.viewer.path:
            self.viewer.search_box.setText(text)
            self.viewer.search(text)
            return
        for mf in self.session.materials(self.applicant_id) if self.applicant_id else []:
            other = stored_search.stored_text(self.session.material_path(mf))
            hits = other.material.find(text) if other is not None else []
            if hits:
                self.viewer.search_panel.search_after_load(text, hits[0].page)
                self._open_rel(mf.path)
                return
        self.statusBar().showMessage(
            tr("“{text}” is not in the stored text of the applicant's materials").format(text=text), 6000)

    def _open_rel(self, rel: str) -> None:
        for k in range(self.materials.count()):
            item = self.materials.item(k)
            data = item.data(Qt.ItemDataRole.UserRole)
            if data and data[1] == rel:
                self.materials.setCurrentItem(item)
                return

    def _material_chosen(self, item: QListWidgetItem | None, page: int = -1) -> None:
        self._show_findings(item)
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not data:
            if item is not None:  # a material the applicant did not hand in: nothing to show, and why
                self.material_rel = None
                self.viewer.close_document()
                self.viewer.view.clear(tr("{name}: material missing — the applicant did not hand it in").format(
                    name=item.data(MATERIAL_NAME) or item.text()))
                self.statusBar().showMessage(item.toolTip(), 5000)
                self._store_place()
            return
        _name, rel = data
        if rel == self.material_rel and self.viewer.path:
            if page >= 0:
                self.viewer.go_to_page(page)
            return
        self.material_rel = rel
        rotation = int(settings.per_file("rotation", self._rotation_key(rel)) or 0)
        path = str(self.session.path.joinpath(*rel.split("/")))
        # page -1: where this material was left in this run (the viewer keeps a place per material), else page 1
        if self.viewer.place(path) is None:  # first time this run: the pages turned in an earlier one
            self.viewer.restore(path, turns=self._saved_turns(rel))
        self.viewer.open(path, rotation=rotation, page=page if page >= 0 else None)
        self._store_place(page=page if page >= 0 else (self.viewer.last_page(path) or 0))
        self.form.offer_searches()  # the text may have been recognised since the applicant was shown

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        # back to the window (from the secretary's, or after text was recognised on a shared folder)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and hasattr(self, "form"):
            self.form.offer_searches()
        super().changeEvent(event)

    def _store_place(self, page: int | None = None) -> None:
        """Remember applicant, material and page, so that the next start lands here."""
        if self.applicant_id is None:
            return
        if page is None:
            page = self.viewer.current_page() if self.viewer.path and self.viewer.page_count() else 0
        settings.set_place(self.session.id, self.scores.expert_id, applicant=self.applicant_id,
                           material=self.material_rel, page=page)

    def open_material(self, name: str, page: int) -> None:
        """Show material `name` (at 0-based `page`, or where it was when -1)."""
        for k in range(self.materials.count()):
            item = self.materials.item(k)
            data = item.data(Qt.ItemDataRole.UserRole)
            if data and data[0] == name:
                self.materials.blockSignals(True)
                self.materials.setCurrentItem(item)
                self.materials.blockSignals(False)
                self._material_chosen(item, page)
                return
            if item.data(MATERIAL_NAME) == name:  # missing (缺): said as such, not as a failed save
                self.materials.setCurrentItem(item)
                return
        self.statusBar().showMessage(tr("{name}: the applicant did not hand in this material").format(name=name), 6000)

    def current_page(self) -> tuple[str, str, int] | None:
        """(material, file relative to the session, 1-based page) now in the viewer."""
        item = self.materials.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not data or not self.viewer.path or self.viewer.page_count() == 0:
            return None
        name, rel = data
        return name, rel, self.viewer.current_page() + 1

    def turn_page(self, step: int) -> None:
        (self.viewer.next_page if step > 0 else self.viewer.previous_page)()

    def _rotation_key(self, rel: str) -> str:
        return f"{self.session.id}/{self.scores.expert_id}/{rel}"

    def _rotation_changed(self, path: str, degrees: int) -> None:
        if self.material_rel:
            settings.set_per_file("rotation", self._rotation_key(self.material_rel), degrees)

    def _saved_turns(self, rel: str) -> dict[int, int]:
        """Pages of material `rel` turned on their own in an earlier run: page -> degrees clockwise."""
        try:
            raw = json.loads(settings.per_file("turns", self._rotation_key(rel)) or "{}")
            return {int(k): int(v) % 360 for k, v in raw.items() if int(v) % 360}
        except (TypeError, ValueError, AttributeError):
            return {}  # a settings file edited by hand: the pages upright, as at first

    def _page_rotated(self, path: str, _page: int, _degrees: int) -> None:
        if self.material_rel:
            settings.set_per_file("turns", self._rotation_key(self.material_rel),
                                  json.dumps(self.viewer.page_turns(), sort_keys=True))

    # -- saving ---------------------------------------------------------------

    def _saved(self, applicant_id: str) -> None:
        for k in range(self.applicants.count()):
            item = self.applicants.item(k)
            if item.data(Qt.ItemDataRole.UserRole) == applicant_id:
                self._update_applicant_item(item)
        if self.scores.recusal(applicant_id) is not None and self.viewer.path:
            self._fill_materials()
        self._show_saved()

    def _show_saved(self) -> None:
        if self.scores.submitted:
            self.saved_label.setText(tr("Submitted · fingerprint {fp}").format(fp=self.scores.fingerprint))
        else:
            self.saved_label.setText(tr("✓ Saved {time} · {file}").format(
                time=datetime.now().strftime("%H:%M:%S"), file=self.scores.path.name))
        self.saved_label.setToolTip(str(self.scores.path))
        self.saved_label.setProperty("error", False)
        self.saved_label.style().unpolish(self.saved_label)
        self.saved_label.style().polish(self.saved_label)

    def _show_saving(self) -> None:
        self.saved_label.setText(tr("Saving…"))

    def _failed(self, text: str) -> None:
        self.statusBar().showMessage(tr("Not saved: {reason}").format(reason=text), 8000)
        QApplication.beep()

    def undo(self) -> None:
        what = self.form.undo()
        if what is None:
            self.statusBar().showMessage(tr("Nothing to undo for this applicant"), 3000)
        else:
            self.statusBar().showMessage(tr("Undone: {what}").format(what=what), 6000)

    # -- recusal and submit -----------------------------------------------------

    def declare_recusals(self) -> None:
        RecusalDialog(self.scores, self).exec()
        self._fill_applicants()
        if self.applicant_id:
            self.form.refresh()
            self._fill_materials()

    def submit(self) -> None:
        if self.scores.submitted:
            self._show_saved()
            return
        self.form.flush_text()  # text being typed is written first
        try:
            missing = self.scores.missing()
            round_missing = getattr(self.scores, "round_missing", None)  # a re-check round's own questions
            if round_missing is not None:
                missing += round_missing()
            if missing:
                raise IncompleteError(missing)
            if not self.confirm_submit():
                self.statusBar().showMessage(tr("Not submitted: you can go on changing your scores"), 5000)
                return
            fp = self.scores.submit()
        except IncompleteError as exc:
            dialog = MissingDialog(exc.missing, self)
            dialog.go_to.connect(self.go_to)
            dialog.exec()
            return
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return
        self._fill_applicants()
        self.form.refresh()
        self._show_saved()
        QMessageBox.information(self, tr("Submitted"), tr(
            "Your scores are submitted and the file is locked.\n\nFingerprint: {fp}\n\nHand the file {file} to the "
            "secretary.").format(fp=fp, file=self.scores.path))

    def submit_question(self) -> str:
        """What submitting locks, applicant by applicant, in the expert's words."""
        scored, recused = [], []
        for a in self.scores.applicants:
            if self.scores.recusal(a.id) is not None:
                recused.append(a.name)
            else:
                total = self.scores.total(a.id)
                decision, _ = self.scores.recommendation(a.id)
                rec = self.scores.applied(a.id).rubric.recommendation
                words = {"positive": rec.positive, "negative": rec.negative}.get(decision or "", "")
                scored.append("  · " + a.name + (f"　{fmt(total)}" if total is not None else "")
                              + (f"　{words}" if words else ""))
        text = tr("Submit the scores of {expert} and lock the file {file}?").format(
            expert=self.scores.expert["name"], file=self.scores.path.name) + "\n\n"
        text += tr("Scored ({n}):").format(n=len(scored)) + "\n" + "\n".join(scored)
        if recused:
            text += "\n\n" + tr("Recused ({n}): {names}").format(n=len(recused), names="、".join(recused))
        return text + "\n\n" + tr("After submitting nothing can be changed; the opinion sheets are printed from "
                                     "the submitted file.")

    def confirm_submit(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Submit and lock?"), self.submit_question(),
                          QMessageBox.StandardButton.Cancel, self)
        submit = box.addButton(tr("Submit and lock"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter alone does not lock the file
        box.exec()
        return box.clickedButton() is submit

    # -- signing and printing ---------------------------------------------------

    def sign(self) -> None:
        from ui.expert.signature import SignatureDialog

        SignatureDialog(self.scores, self).exec()

    def print_sheets(self, what: str, how: str) -> None:
        """Preview and print, or save as PDF; sheets come from the submitted file only, built off the UI thread."""
        if not self.scores.submitted:
            QMessageBox.information(self, tr("Print"), tr(
                "Opinion sheets are printed from your submitted scores, so that paper and file match. "
                "Submit first."))
            return
        label = tr("Preparing the opinion sheets…") if what == ALL else tr("Preparing the sheet…")
        # every sheet at once goes to a worker process: joining them with PyMuPDF holds the GIL
        run_task(self, label, partial(sheet_pdf, score_path=str(self.scores.path), what=what,
                                      applicant_id=self.applicant_id),
                 process=what == ALL, cancellable=what == ALL,
                 on_done=lambda out: self._sheet_ready(how, *out), on_error=lambda exc: show_error(self, str(exc)))

    def _sheet_ready(self, how: str, pdf: bytes, name: str) -> None:
        if how == "save":
            path = save_pdf(self, pdf, name)
            if path:
                self.statusBar().showMessage(tr("Saved {path}").format(path=path), 8000)
            return
        PrintJob(pdf, name).preview(self)

    def go_to(self, applicant_id: str, target: str) -> None:
        self.show_applicant(applicant_id)
        QTimer.singleShot(0, self.form, lambda: self.form.focus_target(target))

    # -- layout memory -----------------------------------------------------------

    NARROW = 1100  # logical px: below this the applicants list folds away (the toolbar button brings it back)

    def _restore_layout(self) -> None:
        settings.restore_geometry(self, "expert/geometry", width=1500, height=940)
        split = settings.state("expert/splitter")
        if split is None or not self.splitter.restoreState(split) or sum(self.splitter.sizes()) > self.width() + 40:
            self.fit_panes()

    def fit_panes(self, width: int | None = None) -> None:
        """Share `width` (the window's) between the panes: the rubric gets room for its points and buttons."""
        w = max(width or self.width(), 600)
        narrow = w < self.NARROW
        left = 0 if narrow else max(150, min(260, int(w * 0.16)))
        form = max(300, min(560, int(w * 0.36)))
        self.splitter.setSizes([left, max(200, w - left - form), form])
        self.applicants_action.setChecked(not narrow)

    def toggle_applicants(self, on: bool | None = None) -> None:
        sizes = self.splitter.sizes()
        show = on if isinstance(on, bool) else sizes[0] == 0
        if show and sizes[0] == 0:
            left = max(150, min(240, int(self.width() * 0.16)))
            take = min(left, max(0, sizes[1] - self.viewer.minimumSizeHint().width()))
            self.splitter.setSizes([left, sizes[1] - take, sizes[2] - (left - take)])
        elif not show and sizes[0] > 0:
            self.splitter.setSizes([0, sizes[1] + sizes[0], sizes[2]])
        self.applicants_action.setChecked(self.splitter.sizes()[0] > 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.materials.setMaximumHeight(max(56, min(132, int(event.size().height() * 0.17))))
        old, new = event.oldSize().width(), event.size().width()
        if old > 0 and (old < self.NARROW) != (new < self.NARROW):
            self.fit_panes(new)  # crossing the line (maximised, moved to another screen): lay out again

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.form.flush_text()  # text still being typed is written first
        self._store_place()
        settings.save_state("expert/geometry", self.saveGeometry())
        settings.save_state("expert/splitter", self.splitter.saveState())
        settings.store().sync()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1366, 768)
