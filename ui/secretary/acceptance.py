"""The intake check page (受理): check every material, recognise the scans' text, accept findings with a
note, print a 通知补正材料 per applicant. Thin: the work is app/acceptance.py, app/ocr.py and
app/correction_sheet.py, run off the UI thread (their own worker processes do the heavy part)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import acceptance, ocr
from app.errors import PanelReviewError
from app.session import Session
from app.vocabulary import N_
from ui.dialogs import show_error
from ui.i18n import tr
from ui.tasks import Cancelled, Task

THUMB = QSize(72, 100)
COLUMNS = (N_("Applicant"), N_("Material"), N_("File"), N_("Page"), N_("Finding"), N_("Accepted with note"))


# each column's share of the table's width (the finding takes the rest); the page column holds a thumbnail
SHARES = {0: 0.17, 1: 0.15, 2: 0.17, 5: 0.17}


class AcceptancePage(QWidget):
    """Findings of the intake check as a table, with thumbnails of the pages they are on."""

    checked = Signal(int)  # open findings after a check

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.findings: list[acceptance.Finding] = []
        self.notes: list[acceptance.Finding] = []  # checks not made (no OCR yet, an extra not installed)
        self._task: Task | None = None
        self._ocr_task: Task | None = None
        self._thumbs: list[int] = []

        self.intro = QLabel(tr("Before the meeting: are all materials there, named after their material, real PDFs, "
                               "readable, within their page limit, clear, straight and sealed where required? "
                               "(000 五（一）: 扫描件必须清晰明辨、不缺页、不歪斜，并加盖公章)"))
        self.intro.setWordWrap(True)
        self.check_button = QPushButton(tr("Check materials"))
        self.check_button.clicked.connect(self.run_check)
        self.ocr_button = QPushButton(tr("Recognise text"))
        self.ocr_button.setToolTip(tr("Read the text of every scanned page once, so that experts can search it; "
                                      "goes on where it stopped"))
        self.ocr_button.clicked.connect(self.run_ocr)
        self.notice_button = QPushButton(tr("Print notices…"))
        self.notice_button.setToolTip(tr("A notice to supply materials again (通知补正材料) per applicant"))
        self.notice_button.clicked.connect(self.print_notices)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.check_button, self.ocr_button, self.notice_button):
            top.addWidget(w)
        top.addWidget(self.bar, 1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(THUMB)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(THUMB.height() // 2 + 8)
        head = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # widths follow the table's own width until the secretary drags a column (then they are hers)
        self._fitted: dict[int, int] = {}
        head.sectionResized.connect(self._column_dragged)
        self.table.itemSelectionChanged.connect(self._selected)

        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Why this finding is accepted (an empty note takes the acceptance back)"))
        self.accept_button = QPushButton(tr("Accept with note"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.accept_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.accept_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        self._enable()

    # -- state -----------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self._set_findings(acceptance.stored(session) if session is not None else [])
        self._fill()
        self._enable()

    def _enable(self) -> None:
        has = self.session is not None
        busy = self._task is not None and self._task.running
        self.check_button.setEnabled(has)
        self.check_button.setText(tr("Stop checking") if busy else tr("Check materials"))
        self.notice_button.setEnabled(has and any(f.counts for f in self.findings))
        reading = self._ocr_task is not None and self._ocr_task.running
        self.ocr_button.setEnabled(has and (reading or ocr.available()))
        self.ocr_button.setText(tr("Stop recognising") if reading else tr("Recognise text"))
        if has and not ocr.available():
            self.ocr_button.setToolTip(ocr.missing_message().text())

    def _fill(self) -> None:
        self.table.setRowCount(0)
        names = {a.id: a.name for a in self.session.applicants} if self.session else {}
        self._thumbs = []
        for f in self.findings:
            r = self.table.rowCount()
            self.table.insertRow(r)
            page = tr("page {page}").format(page=f.page) if f.page else ""
            cells = (names.get(f.applicant_id, f.applicant_id), f.material or "—", f.file or "—", page,
                     f.text(with_file=False), f.accepted or "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{f.document}：“{f.rule}”" if f.rule and c == 4 else text)
                if not f.counts:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(r, c, item)
            if f.page and f.path:
                self._thumbs.append(r)
        open_ = sum(1 for f in self.findings if f.counts)
        accepted = sum(1 for f in self.findings if f.accepted)
        if self.session is not None and (self.findings or self.notes):
            text = tr("{open} findings to remedy, {accepted} accepted").format(open=open_, accepted=accepted)
            left: dict[str, int] = {}
            for n in self.notes:
                key = n.text(with_file=False)
                left[key] = left.get(key, 0) + 1
            for key, count in left.items():
                text += "\n" + tr("{note} ({count} files)").format(note=key, count=count)
            self.status.setText(text)
        elif self.session is not None:
            self.status.setText(tr("Not checked yet."))
        QTimer.singleShot(0, self._next_thumb)

    def _next_thumb(self) -> None:
        """One page picture per event-loop turn (a small grey render takes some milliseconds)."""
        if not self._thumbs or self.session is None:
            return
        r = self._thumbs.pop(0)
        if r < len(self.findings):
            f = self.findings[r]
            image = page_image(self.session.path / f.path, f.page - 1, THUMB)
            item = self.table.item(r, 3)
            if image is not None and item is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
                self.table.setRowHeight(r, THUMB.height() + 6)
        QTimer.singleShot(0, self._next_thumb)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        width = self.table.viewport().width()
        if width <= 0:
            return
        page = max(THUMB.width() + 16, self.table.fontMetrics().horizontalAdvance(tr("Page")) + 24)
        wanted = {col: max(60, int(width * share)) for col, share in SHARES.items()}
        wanted[3] = page
        for col, w in wanted.items():
            if col in self._fitted and self._fitted[col] != self.table.columnWidth(col):
                continue  # dragged by hand: left as it is
            self._fitted[col] = w
            self.table.setColumnWidth(col, w)

    def _column_dragged(self, col: int, _old: int, new: int) -> None:
        if self._fitted.get(col, new) != new:
            self._fitted[col] = -1  # never a width again: this column is the secretary's now

    def _selected(self) -> None:
        f = self._current()
        self.accept_button.setEnabled(f is not None)
        self.note.setText(f.accepted or "" if f else "")

    def _current(self) -> acceptance.Finding | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.findings):
            return None
        return self.findings[rows[0].row()]

    # -- actions ---------------------------------------------------------------

    def run_check(self) -> None:
        """Check the materials in the background; pressed again while it runs, stop (the last check stays)."""
        if self._task is not None and self._task.running:
            self._task.cancel()
            self.status.setText(tr("Stopping the check…"))
            return
        if self.session is None:
            return
        session = self.session
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.status.setText(tr("Checking…"))

        def work(progress):
            report = acceptance.check(session, progress=lambda done, total, _what: progress(done, total),
                                      should_stop=lambda: task.cancelling)
            if report is None:
                raise Cancelled()  # stopped before the end: nothing was kept
            return report

        task = self._task = Task(work)
        task.progressed.connect(self._check_progress)
        task.succeeded.connect(self._checked)
        task.cancelled.connect(self._check_stopped)
        task.failed.connect(self._failed)
        task.start()
        self._enable()

    def _check_progress(self, done: int, total: int, _text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if self._task is not None and not self._task.cancelling:
            self.status.setText(tr("Checking… {done} of {total} pages").format(done=done, total=total))

    def _check_stopped(self) -> None:
        self.bar.setVisible(False)
        self._fill()  # what the last whole check found, as before
        said = tr("The check was stopped; nothing of it was kept.")
        self.status.setText(f"{self.status.text()}\n{said}" if self.findings or self.notes else said)
        self._enable()

    def _set_findings(self, findings: list[acceptance.Finding]) -> None:
        """The table lists what an applicant may have to remedy; checks not made are summed up above it."""
        self.findings = [f for f in findings if f.code != "not_checked"]
        self.notes = [f for f in findings if f.code == "not_checked"]

    def _checked(self, report: acceptance.Report) -> None:
        self.bar.setVisible(False)
        self._set_findings(report.findings)
        self._fill()
        self._enable()
        self.checked.emit(len(report.open))

    def _failed(self, exc: BaseException, _text: str) -> None:
        self.bar.setVisible(False)
        self._enable()
        if isinstance(exc, PanelReviewError):
            show_error(self, str(exc))
        else:
            raise exc

    def run_ocr(self) -> None:
        if self._ocr_task is not None and self._ocr_task.running:
            self._ocr_task.cancel()
            return
        if self.session is None:
            return
        session = self.session

        def work(progress):
            def report(p: ocr.Progress) -> None:
                eta = round(p.eta / 60) if p.eta else 0
                progress(p.done, p.total, N_("{done} of {total} pages, about {minutes} min left") if eta else
                         N_("{done} of {total} pages"), done=p.done, total=p.total, minutes=max(eta, 1))

            return ocr.run(session, progress=report, should_stop=lambda: task.cancelling)

        task = self._ocr_task = Task(work)
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        task.progressed.connect(self._ocr_progress)
        task.succeeded.connect(lambda p: self._ocr_done(p))
        task.cancelled.connect(lambda: self._ocr_done(None))
        task.failed.connect(self._failed)
        task.start()
        self._enable()

    def _ocr_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(text)

    def _ocr_done(self, p) -> None:
        self.bar.setVisible(False)
        if p is not None:
            self.status.setText(tr("{done} of {total} pages have their text").format(done=p.done, total=p.total))
        self._enable()

    def accept_selected(self) -> None:
        f = self._current()
        if f is None or self.session is None:
            return
        try:
            acceptance.accept(self.session, f, self.note.text())
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return
        f.accepted = self.note.text().strip() or None
        row = self.findings.index(f)
        self._fill()
        self.table.selectRow(row)
        self._enable()

    def print_notices(self) -> None:
        if self.session is None:
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Folder for the notices"))
        if folder:
            self.write_notices(Path(folder))

    def write_notices(self, folder: Path) -> list[Path]:
        from app import correction_sheet

        report = acceptance.Report(acceptance.Limits(), self.findings + self.notes,
                                   [a.id for a in self.session.applicants])
        try:
            written = correction_sheet.write_all(self.session, report, folder)
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return []
        self.status.setText(tr("{count} notices written to {folder}").format(count=len(written), folder=folder))
        return written


def page_image(path: Path, index: int, size: QSize) -> QImage | None:
    """A small grey picture of one page (None: the page cannot be drawn)."""
    import pymupdf

    try:
        with pymupdf.open(path) as doc:
            page = doc[index]
            zoom = min(size.width() / page.rect.width, size.height() / page.rect.height)
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
            return QImage(pix.samples, pix.w, pix.h, pix.stride, QImage.Format.Format_Grayscale8).copy()
    except Exception:  # noqa: BLE001 — a page that cannot be drawn has no thumbnail
        return None
