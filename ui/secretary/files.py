"""Page 2, the score files: take the experts' files in (buttons, a folder, a drop), see each one's status, merge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from app.errors import NothingMerged, PanelReviewError
from app.intake import collect
from app.merge import merge
from app.result import FileStatus, Result
from app.resultfile import ResultFile
from app.scorefile import ScoreFile
from app.session import Session
from app.vocabulary import ACCEPTED, REJECTED
from ui.background import N_
from ui.dialogs import removable_or_home
from ui.i18n import tr
from ui.tasks import Progress, run_task

REJECTED_BG = "#fdecea"
REJECTED_FG = "#b00020"
ACCEPTED_FG = "#1b7f3b"


class MergePage(QWidget):
    """Score files in (button, folder or drop), their status, and the Merge button."""

    merged = Signal(object)  # the Result

    @staticmethod
    def headers() -> list[str]:
        return [tr("File"), tr("Expert"), tr("Round"), tr("Fingerprint"), tr("Status"), tr("Reason")]

    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session = session
        self.inputs: list[Path] = []
        self.statuses: dict[str, FileStatus] = {}
        self._peeked: dict[str, tuple[int, list[str]]] = {}  # path → (mtime, cells) read before the merge
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
        names, _ = QFileDialog.getOpenFileNames(self, tr("Choose score files"), removable_or_home(),
                                                tr("Score files (*.prscore);;All files (*)"))
        if names:
            self.add_paths([Path(n) for n in names])

    def browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose a folder of score files"), removable_or_home())
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

    def set_session(self, session: Session | None) -> None:
        """Take the score files of `session` (the files added so far belong to the one before)."""
        self.session = session
        self.inputs = []
        self.statuses = {}
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
        names = {e.id: e.name for e in self.session.experts} if self.session else {}
        for r, p in enumerate(self.inputs):
            st = self.statuses.get(str(p))
            if st is None:
                cells = [p.name, *self._peek(p)]
            else:
                who = " ".join(x for x in (st.expert_id or "", st.expert_name or names.get(st.expert_id or "", ""))
                               if x)
                status = tr("accepted") if st.status == ACCEPTED else tr("refused")
                cells = [p.name, who or "—", "" if st.round is None else str(st.round), st.fingerprint or "—",
                         status, st.reason]
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

    def _peek(self, path: Path) -> list[str]:
        """Before the merge: whose file it is, its round and fingerprint, submitted or not (read, not checked)."""
        try:
            stamp = path.stat().st_mtime_ns
        except OSError as exc:
            return ["—", "", "", tr("cannot be read"), str(exc)]
        cached = self._peeked.get(str(path))
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            with ScoreFile.open(path, readonly=True) as sf:
                who = " ".join(x for x in (sf.expert["id"], sf.expert["name"]) if x)
                other = self.session is not None and sf.session_id != self.session.id
                if other:
                    state = tr("another session's file")
                elif sf.submitted:
                    state = tr("submitted · not merged yet")
                else:
                    state = tr("not submitted · not merged yet")
                rnd = getattr(sf, "round", None)
                cells = [who or "—", "" if rnd is None else str(rnd), sf.fingerprint or "—", state, ""]
        except PanelReviewError as exc:
            cells = ["—", "", "", tr("cannot be read"), str(exc)]
        self._peeked[str(path)] = (stamp, cells)
        return cells

    def _update_buttons(self) -> None:
        has_session = self.session is not None
        for b in (self.add_files_button, self.add_folder_button):
            b.setEnabled(has_session)
        self.remove_button.setEnabled(bool(self.inputs))
        self.merge_button.setEnabled(has_session and bool(self.inputs))

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {REJECTED_FG};" if error else f"color: {ACCEPTED_FG};")
        self.message.setText(text)

    # -- merging -------------------------------------------------------------

    def merge(self) -> None:
        session = self.session
        if session is None:
            return
        if not self.inputs:
            self.say(tr("Add the score files first."), error=True)
            return
        try:
            out = ResultFile.for_session(session).path
        except PanelReviewError as exc:
            self.say(str(exc), error=True)
            return
        inputs = list(self.inputs)

        def work(progress: Progress):
            def checking(done: int, total: int) -> None:
                progress(done, total, N_("Checking score file {n} of {files}"), n=done + 1, files=total - 1)

            try:
                return merge(session, inputs, out=out, progress=checking), None
            except NothingMerged as exc:  # it carries every file's status: nothing is checked twice
                return None, (exc, exc.files)

        self.say(tr("Merging…"))
        # cancelling is safe while the files are checked: the result file is written whole at the end
        run_task(self, tr("Checking and merging the score files…"), work, on_done=self._merged,
                 on_error=lambda exc: self.say(str(exc), error=True), on_cancel=lambda: self.say(""),
                 cancellable=True)

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
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
