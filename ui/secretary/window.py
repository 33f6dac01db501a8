"""The secretary's window: one tab per step (prepare, score files, ranking, field inspection), export and print.

The pages are views over one merged result file (app.merge); every change
is one core call (merge, record_inspection, write_xlsx, ...) and the pages
are refilled from what the file then says. A page gets the session or the
result it shows and tells the window what happened by a signal; it never
sees the window.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QTabWidget, QToolBar, QVBoxLayout, QWidget

from app.errors import PanelReviewError
from app.result import Result
from app.resultfile import ResultFile
from app.session import Session, open_session
from ui import settings
from ui.dialogs import show_about, show_error
from ui.i18n import language_menu, tr
from ui.secretary.acceptance import AcceptancePage
from ui.secretary.export import CANDIDATES, SUMMARY, Exporter
from ui.secretary.files import MergePage
from ui.secretary.inspection import InspectionPage
from ui.secretary.prepare import PreparePage
from ui.secretary.ranking import RankingPage
from ui.secretary import recheck as recheck_page
from ui.secretary.report import ReportPage


class SecretaryWindow(QMainWindow):
    """The secretary's window over one session (or none yet: the first page creates one)."""

    language_change = Signal(str)

    # tab indexes, set as the tabs are added (in the order of the day)
    PREPARE = INTAKE = MERGE = RECHECK = RANKING = INSPECTION = REPORT = -1

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
        self.merge_page = MergePage()
        self.merge_page.merged.connect(self.show_result)
        self.ranking = RankingPage()
        self.inspection = InspectionPage()
        self.inspection.recorded.connect(self.show_result)
        self.report = ReportPage()
        self.report.written.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.exporter = Exporter(self, lambda: self.result)
        self.exporter.saved.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.intake = AcceptancePage()  # the intake check (受理), before the meeting
        self.recheck = recheck_page.install(self)  # re-check rounds (复核): ui/secretary/recheck.py
        # the tabs in the order of the day: the session, the materials received, the scores merged,
        # their outliers re-checked, the ranking within each quota, the field inspection, the paper
        for number, (attr, page, title) in enumerate((
                ("PREPARE", self.prepare, tr("Prepare")),
                ("INTAKE", self.intake, tr("Intake check")),
                ("MERGE", self.merge_page, tr("Merge scores")),
                ("RECHECK", self.recheck, tr("Re-check")),
                ("RANKING", self.ranking, tr("Ranking")),
                ("INSPECTION", self.inspection, tr("Field inspection and candidates")),
                ("REPORT", self.report, tr("Panel, report and notice"))), start=1):
            setattr(self, attr, self.pages.addTab(page, f"{number} {title}"))
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
        self.xlsx_action = action(tr("Export Excel…"), self.exporter.export_xlsx)
        self.csv_action = action(tr("Export CSV…"), self.exporter.export_csv)
        self.summary_action = action(tr("Panel summary…"), lambda: self.exporter.print_sheet(SUMMARY, "preview"),
                                     QKeySequence.StandardKey.Print, tr("Print preview of the panel summary"))
        self.candidates_action = action(tr("Candidate list…"),
                                        lambda: self.exporter.print_sheet(CANDIDATES, "preview"),
                                        tip=tr("Print preview of the candidate list"))
        self.room_action = action(tr("Room display"), self.open_room,
                                  tip=tr("Progress and the items up for discussion, full screen for the projector"))
        bar = QToolBar(tr("Actions"))
        bar.setObjectName("secretary-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        for a in (self.open_action, None, self.merge_action, None, self.xlsx_action, self.csv_action, None,
                  self.summary_action, self.candidates_action, None, self.room_action):
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
        for what, label in ((SUMMARY, tr("Panel summary")), (CANDIDATES, tr("Candidate list"))):
            sub = results.addMenu(label)
            for how, text in (("preview", tr("Print preview…")), ("print", tr("Print…")),
                              ("save", tr("Save as PDF…"))):
                a = action(text, lambda _=False, w=what, h=how: self.exporter.print_sheet(w, h))
                sub.addAction(a)
                self.result_actions.append(a)
        language_menu(menu.addMenu(tr("S&ettings")), settings.get("language"), self.language_change.emit)
        menu.addMenu(tr("&Help")).addAction(tr("About PanelReview"), lambda: show_about(self))

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
        for k in (self.MERGE, self.INTAKE):
            self.pages.setTabEnabled(k, s is not None)
        for k in (self.RANKING, self.INSPECTION, self.RECHECK):
            self.pages.setTabEnabled(k, self.result is not None)
        self.merge_action.setEnabled(s is not None)
        self.pages.setTabEnabled(self.REPORT, s is not None)
        self.room_action.setEnabled(s is not None)
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
        settings.add_recent(session.path, session.title)
        if self.prepare.session is None or self.prepare.session.path != session.path:
            self.prepare.set_session(session)
        self.merge_page.set_session(session)
        self.intake.set_session(session)
        self.result = None
        found = ResultFile.existing(session)
        if found is not None:
            with contextlib.suppress(PanelReviewError):
                self.result = found.load()
        self.merge_page.set_result(self.result)
        self.report.set_session(session)
        self.report.set_result(self.result)
        self.ranking.set_result(self.result)
        self.inspection.set_result(self.result)
        self.recheck.set_session(session)
        self.recheck.set_result(self.result)
        self._update()
        if self.pages.currentIndex() == self.PREPARE and self.prepare.session is session:
            self.pages.setCurrentIndex(self.RANKING if self.result is not None else self.MERGE)

    def show_result(self, result: Result) -> None:
        self.result = result
        self.report.set_result(result)
        self.ranking.set_result(result)
        self.inspection.set_result(result)
        self.recheck.set_result(result)
        self._update()

    def reload_result(self) -> None:
        if self.result is not None:
            try:
                self.show_result(ResultFile(self.result.path).load())
            except PanelReviewError as exc:
                show_error(self, str(exc))

    def open_room(self) -> None:
        """The room's screen on the last screen (the projector, where there is one), full screen."""
        from PySide6.QtGui import QGuiApplication

        from ui.secretary.room import RoomScreen, provider

        if self.session is None:
            return
        session = self.session
        self.room = RoomScreen(provider(session, lambda: [*self.merge_page.inputs, session.path],
                                        lambda: self.result))
        screens = QGuiApplication.screens()
        if screens:
            self.room.setScreen(screens[-1])
            self.room.setGeometry(screens[-1].geometry())
        self.room.showFullScreen()

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
