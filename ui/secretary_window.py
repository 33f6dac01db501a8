"""The secretary's desk: prepare a session, take the score files in, merge, rank, inspect, export and print.

The pages are views over one merged result file (app.merge); every change
is one core call (merge, record_inspection, write_xlsx, ...) and the pages
are refilled from what the file then says.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
    QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from app import paths
from app.errors import MergeError, PanelReviewError
from app.merge import ACCEPTED, REJECTED, FileStatus, Result, collect, load_result, merge, take_in
from app.session import Session, open_session
from ui import settings
from ui.dialogs import show_error
from ui.i18n import tr
from ui.prepare import PreparePage
from ui.results import InspectionPage, RankingPage
from ui.tasks import run_task

RESULT_NAME = "result.sqlite"
REJECTED_BG = "#fdecea"
REJECTED_FG = "#b00020"
ACCEPTED_FG = "#1b7f3b"


# --------------------------------------------------------------------------- where the result lives


def _writable(folder: Path) -> bool:
    """True when a file can really be made in `folder` (os.access lies on sticks and shares)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(fd)
        os.unlink(name)
        return True
    except OSError:
        return False


def result_places(session: Session) -> list[Path]:
    """Where the session's result file may be: in the session folder, else in the data folder."""
    return [session.path / "results" / RESULT_NAME, paths.data_dir() / "results" / session.id / RESULT_NAME]


def existing_result(session: Session) -> Path | None:
    """The session's result file from an earlier merge, if one can be read."""
    for p in result_places(session):
        if p.is_file():
            try:
                if load_result(p).session_id == session.id:
                    return p
            except PanelReviewError:
                continue
    return None


def result_target(session: Session) -> Path:
    """Where a merge writes: the earlier result if it can be written again, else the first writable place."""
    found = existing_result(session)
    if found is not None and _writable(found.parent):
        return found
    for p in result_places(session):
        if _writable(p.parent):
            return p
    raise MergeError("no folder to keep the result in can be written: {folders}",
                     folders=", ".join(str(p.parent) for p in result_places(session)))


def _unprefixed(reason: str, path: str) -> str:
    """The reason without the file name in front (the table shows the file in its own column)."""
    for prefix in (f"{path}: ", f"{path}："):
        if reason.startswith(prefix):
            return reason[len(prefix):]
    return reason


def _statuses(session: Session, inputs: list[Path]) -> list[FileStatus]:
    """Each file's status when nothing could be merged (merge() raised, so it wrote no result)."""
    files, _experts, _rubrics = take_in(session, inputs)
    out = []
    for f in files:
        reason = MergeError(f["reason"]["template"], **f["reason"].get("fields", {})).message() if f["reason"] else ""
        out.append(FileStatus(f["path"], f["expert_id"], f["expert_name"], f["organisation"], f["title"],
                              f["fingerprint"], f["round"], f["status"], reason))
    return out


# --------------------------------------------------------------------------- 2. the merge page


class MergePage(QWidget):
    """Score files in (button, folder or drop), their status, and the Merge button."""

    merged = Signal(object)  # the Result

    @staticmethod
    def headers() -> list[str]:
        return [tr("File"), tr("Expert"), tr("Round"), tr("Fingerprint"), tr("Status"), tr("Reason")]

    def __init__(self, window: "SecretaryWindow") -> None:
        super().__init__()
        self.window_ = window
        self.inputs: list[Path] = []
        self.statuses: dict[str, FileStatus] = {}
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Add the experts' submitted score files (*.prscore): drop files or a folder onto this "
                          "window, or use the buttons. Then merge. Files that cannot be trusted are refused with "
                          "their reason; the rest are merged."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.add_files_button = QPushButton(tr("Add score files…"))
        self.add_files_button.clicked.connect(self.browse_files)
        self.add_folder_button = QPushButton(tr("Add a folder…"))
        self.add_folder_button.clicked.connect(self.browse_folder)
        self.remove_button = QPushButton(tr("Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.merge_button = QPushButton(tr("Merge"))
        self.merge_button.setObjectName("primary")
        self.merge_button.setMinimumWidth(120)
        self.merge_button.setStyleSheet("QPushButton { background: #0f3d75; color: white; font-weight: 700; "
                                        "padding: 5px 18px; border-radius: 4px; }"
                                        "QPushButton:disabled { background: #9aa7b8; }")
        self.merge_button.clicked.connect(self.merge)
        for b in (self.add_files_button, self.add_folder_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.merge_button)
        lay.addLayout(row)
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setObjectName("files")
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(64)
        for k in range(5):
            header.setSectionResizeMode(k, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        self._update_buttons()

    # -- files in ------------------------------------------------------------

    def browse_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("Choose score files"), "",
                                                tr("Score files (*.prscore);;All files (*)"))
        if names:
            self.add_paths([Path(n) for n in names])

    def browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose a folder of score files"))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, items: list[Path]) -> int:
        """Add files and every score file in folders; returns how many were new."""
        have = {p.resolve() for p in self.inputs}
        new = []
        empty = []
        for item in items:
            found = collect([item])
            if item.is_dir() and not found:
                empty.append(str(item))
            for f in found:
                if f.resolve() not in have:
                    have.add(f.resolve())
                    new.append(f)
        self.inputs.extend(new)
        self.fill()
        if empty:
            self.say(tr("No score files (*.prscore) in {folders}.").format(folders=", ".join(empty)), error=True)
        elif new:
            self.say(tr("{n} files added. Merge when every expert's file is here.").format(n=len(new)))
        return len(new)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            if 0 <= r < len(self.inputs):
                del self.inputs[r]
        self.fill()

    def set_result(self, result: Result | None) -> None:
        """Show the files of a result (an earlier merge); they are merged again with any new ones."""
        self.statuses = {}
        if result is not None:
            for f in result.files:
                self.statuses[str(Path(f.path))] = f
            known = {p.resolve() for p in self.inputs}
            for f in result.files:
                p = Path(f.path)
                if p.exists() and p.resolve() not in known:
                    known.add(p.resolve())
                    self.inputs.append(p)
        self.fill()

    # -- the table -----------------------------------------------------------

    def fill(self) -> None:
        self.table.setRowCount(len(self.inputs))
        names = {e.id: e.name for e in self.window_.session.experts} if self.window_.session else {}
        for r, p in enumerate(self.inputs):
            st = self.statuses.get(str(p))
            if st is None:
                cells = [p.name, "", "", "", tr("not merged yet"), ""]
            else:
                who = " ".join(x for x in (st.expert_id or "", st.expert_name or names.get(st.expert_id or "", ""))
                               if x)
                status = tr("accepted") if st.status == ACCEPTED else tr("refused")
                cells = [p.name, who or "—", "" if st.round is None else str(st.round), st.fingerprint or "—",
                         status, _unprefixed(st.reason, st.path)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(p) if c == 0 else (st.reason if st is not None and c == 5 else text))
                if st is not None and st.status == REJECTED:
                    item.setBackground(QBrush(QColor(REJECTED_BG)))
                    if c == 4:
                        item.setForeground(QBrush(QColor(REJECTED_FG)))
                elif st is not None and c == 4:
                    item.setForeground(QBrush(QColor(ACCEPTED_FG)))
                if c == 3:
                    item.setFont(_mono())
                self.table.setItem(r, c, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_session = self.window_.session is not None
        for b in (self.add_files_button, self.add_folder_button):
            b.setEnabled(has_session)
        self.remove_button.setEnabled(bool(self.inputs))
        self.merge_button.setEnabled(has_session and bool(self.inputs))

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {REJECTED_FG};" if error else f"color: {ACCEPTED_FG};")
        self.message.setText(text)

    # -- merging -------------------------------------------------------------

    def merge(self) -> None:
        session = self.window_.session
        if session is None:
            return
        if not self.inputs:
            self.say(tr("Add the score files first."), error=True)
            return
        try:
            out = result_target(session)
        except PanelReviewError as exc:
            self.say(str(exc), error=True)
            return
        inputs = list(self.inputs)

        def work(progress):
            try:
                return merge(session, inputs, out=out, progress=progress), None
            except MergeError as exc:
                return None, (exc, _statuses(session, inputs))

        self.say(tr("Merging…"))
        run_task(self, tr("Checking and merging the score files…"), work, on_done=self._merged,
                 on_error=lambda exc: self.say(str(exc), error=True))

    def _merged(self, outcome) -> None:
        result, failure = outcome
        if failure is not None:
            exc, statuses = failure
            self.statuses = {str(Path(f.path)): f for f in statuses}
            self.fill()
            self.say(str(exc), error=True)
            return
        self.statuses = {str(Path(f.path)): f for f in result.files}
        self.fill()
        rejected = len(result.rejected)
        text = tr("{accepted} files merged, {rejected} refused. The result is kept in {path}.").format(
            accepted=len(result.accepted), rejected=rejected, path=result.path)
        self.say(text, error=False)
        self.merged.emit(result)


def _mono():
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


# --------------------------------------------------------------------------- the window


class SecretaryWindow(QMainWindow):
    """The secretary's window over one session (or none yet: the first page creates one)."""

    language_change = Signal(str)

    PREPARE, MERGE, RANKING, INSPECTION = range(4)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.result: Result | None = None
        self.setAcceptDrops(True)
        self.banner = QLabel("")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.prepare = PreparePage()
        self.prepare.created.connect(self.set_session)
        self.merge_page = MergePage(self)
        self.merge_page.merged.connect(self.show_result)
        self.ranking = RankingPage(self)
        self.inspection = InspectionPage(self)
        self.inspection.recorded.connect(self.show_result)
        self.pages.addTab(self.prepare, tr("1 Prepare"))
        self.pages.addTab(self.merge_page, tr("2 Merge scores"))
        self.pages.addTab(self.ranking, tr("3 Ranking"))
        self.pages.addTab(self.inspection, tr("4 Field inspection and candidates"))
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.banner)
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._restore_layout()
        if session is not None:
            self.set_session(session)
        else:
            self._update()

    # -- actions ---------------------------------------------------------------

    def _build_actions(self) -> None:
        from PySide6.QtWidgets import QToolBar

        def action(text: str, slot, keys=None, tip: str = "") -> QAction:
            a = QAction(text, self)
            if keys is not None:
                a.setShortcut(QKeySequence(keys))
            a.setToolTip(tip or text)
            a.triggered.connect(slot)
            return a

        self.open_action = action(tr("Open session…"), self.open_session_dialog, QKeySequence.StandardKey.Open)
        self.merge_action = action(tr("Merge"), lambda: (self.pages.setCurrentIndex(self.MERGE),
                                                         self.merge_page.merge()))
        self.xlsx_action = action(tr("Export Excel…"), self.export_xlsx)
        self.csv_action = action(tr("Export CSV…"), self.export_csv)
        self.summary_action = action(tr("Panel summary…"), lambda: self.print_sheet("summary", "preview"),
                                     QKeySequence.StandardKey.Print, tr("Print preview of the panel summary"))
        self.candidates_action = action(tr("Candidate list…"), lambda: self.print_sheet("candidates", "preview"),
                                        tip=tr("Print preview of the candidate list"))
        bar = QToolBar(tr("Actions"))
        bar.setObjectName("secretary-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        for a in (self.open_action, None, self.merge_action, None, self.xlsx_action, self.csv_action, None,
                  self.summary_action, self.candidates_action):
            if a is None:
                bar.addSeparator()
            else:
                bar.addAction(a)

        menu = self.menuBar()
        session_menu = menu.addMenu(tr("&Session"))
        session_menu.addAction(self.open_action)
        session_menu.addSeparator()
        session_menu.addAction(action(tr("Quit"), self.close, QKeySequence.StandardKey.Quit))
        results = menu.addMenu(tr("&Results"))
        results.addAction(self.merge_action)
        results.addSeparator()
        results.addAction(self.xlsx_action)
        results.addAction(self.csv_action)
        results.addSeparator()
        self.result_actions = [self.xlsx_action, self.csv_action, self.summary_action, self.candidates_action]
        for what, label in (("summary", tr("Panel summary")), ("candidates", tr("Candidate list"))):
            sub = results.addMenu(label)
            for how, text in (("preview", tr("Print preview…")), ("print", tr("Print…")),
                              ("save", tr("Save as PDF…"))):
                a = action(text, lambda _=False, w=what, h=how: self.print_sheet(w, h))
                sub.addAction(a)
                self.result_actions.append(a)
        settings_menu = menu.addMenu(tr("S&ettings"))
        lang = settings_menu.addMenu(tr("Language"))
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            a = QAction(label, self)
            a.setCheckable(True)
            a.setChecked(settings.get("language") == code)
            a.triggered.connect(lambda _=False, c=code: self.language_change.emit(c))
            lang.addAction(a)

    def _update(self) -> None:
        s = self.session
        if s is None:
            self.setWindowTitle(tr("PanelReview — secretary"))
            self.banner.setText(tr("No session open yet: create one on the first page, or open one (Ctrl+O)."))
        else:
            self.setWindowTitle(tr("PanelReview — secretary — {title}").format(title=s.title))
            where = self.result.path if self.result else tr("not merged yet")
            self.banner.setText(tr("<b>{title}</b>　{date}　·　{experts} experts, {applicants} applicants　·　"
                                   "result: {result}").format(title=s.title, date=s.date, experts=len(s.experts),
                                                              applicants=len(s.applicants), result=where))
        for k in (self.MERGE,):
            self.pages.setTabEnabled(k, s is not None)
        for k in (self.RANKING, self.INSPECTION):
            self.pages.setTabEnabled(k, self.result is not None)
        self.merge_action.setEnabled(s is not None)
        for a in self.result_actions:
            a.setEnabled(self.result is not None)

    # -- the session and the result ----------------------------------------------

    def open_session_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the session folder"))
        if not folder:
            return
        try:
            sess = open_session(Path(folder))
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return
        self.set_session(sess)

    def set_session(self, session: Session) -> None:
        """Work on `session`: its earlier result (if any) is shown again."""
        self.session = session
        settings.add_recent(session.path)
        if self.prepare.session is None or self.prepare.session.path != session.path:
            self.prepare.session = session
            self.prepare.copy_button.setEnabled(True)
        self.merge_page.inputs = []
        self.result = None
        found = existing_result(session)
        if found is not None:
            with contextlib.suppress(PanelReviewError):
                self.result = load_result(found)
        self.merge_page.set_result(self.result)
        self.ranking.set_result(self.result)
        self.inspection.set_result(self.result)
        self._update()
        if self.pages.currentIndex() == self.PREPARE and self.prepare.session is session:
            self.pages.setCurrentIndex(self.RANKING if self.result is not None else self.MERGE)

    def show_result(self, result: Result) -> None:
        self.result = result
        self.ranking.set_result(result)
        self.inspection.set_result(result)
        self._update()

    def reload_result(self) -> None:
        if self.result is not None:
            try:
                self.show_result(load_result(self.result.path))
            except PanelReviewError as exc:
                show_error(self, str(exc))

    # -- drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt)
        items = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not items:
            return
        event.acceptProposedAction()
        if self.session is None:
            show_error(self, tr("Open or create the session first; then drop the score files here."))
            return
        self.pages.setCurrentIndex(self.MERGE)
        self.merge_page.add_paths(items)

    # -- export and print ------------------------------------------------------------

    def export_xlsx(self) -> Path | None:
        if self.result is None:
            return None
        name = f"{self.result.title or '评审结果'}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export Excel"), str(Path.home() / name),
                                              tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        return self.write_xlsx(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def write_xlsx(self, path: Path) -> Path | None:
        from app.report import write_xlsx

        try:
            with _busy():
                out = write_xlsx(self.result, path)
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return None
        except OSError as exc:
            show_error(self, tr("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc))
            return None
        self.statusBar().showMessage(tr("Saved {path}").format(path=out), 8000)
        return out

    def export_csv(self) -> list[Path]:
        if self.result is None:
            return []
        folder = QFileDialog.getExistingDirectory(self, tr("Choose a folder for the CSV files"))
        if not folder:
            return []
        return self.write_csv(Path(folder))

    def write_csv(self, folder: Path) -> list[Path]:
        from app.report import write_csv

        try:
            with _busy():
                out = write_csv(self.result, folder)
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return []
        except OSError as exc:
            show_error(self, tr("Could not write {path}: {reason}").format(path=folder, reason=exc.strerror or exc))
            return []
        self.statusBar().showMessage(tr("{n} CSV files saved in {path}").format(n=len(out), path=folder), 8000)
        return out

    def sheet_name(self, what: str) -> str:
        title = self.result.title if self.result else ""
        return f"{title}-{'评审汇总表' if what == 'summary' else '候选名单'}.pdf"

    def print_sheet(self, what: str, how: str) -> None:
        """Build the panel summary or the candidate list off the UI thread, then preview, print or save it."""
        if self.result is None:
            return
        from app import sheets

        result = self.result
        build = sheets.build_panel_summary if what == "summary" else sheets.build_candidate_list
        label = tr("Preparing the panel summary…") if what == "summary" else tr("Preparing the candidate list…")
        run_task(self, label, lambda progress: build(result), on_done=lambda pdf: self._sheet_ready(what, how, pdf),
                 on_error=lambda exc: show_error(self, str(exc)))

    def _sheet_ready(self, what: str, how: str, pdf: bytes) -> None:
        from ui.printing import PrintJob, save_pdf

        name = self.sheet_name(what)
        self.last_pdf = pdf
        if how == "save":
            path = save_pdf(self, pdf, name)
            if path:
                self.statusBar().showMessage(tr("Saved {path}").format(path=path), 8000)
        elif how == "print":
            PrintJob(pdf, name).print_with_dialog(self)
        else:
            PrintJob(pdf, name).preview(self)

    # -- layout memory ---------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings.restore_geometry(self, "secretary/geometry", width=1400, height=900)
        self.ranking.restore_state()
        self.inspection.restore_state()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        settings.save_state("secretary/geometry", self.saveGeometry())
        self.ranking.save_state()
        self.inspection.save_state()
        settings.store().sync()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1366, 768)


@contextlib.contextmanager
def _busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()

