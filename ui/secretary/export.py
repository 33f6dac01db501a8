"""Export and print the merged result: the Excel workbook, the CSV files, the panel summary, the candidate list.

Every file is written off the UI thread (ui/tasks.py); what was saved is
said through `saved`, for the window's status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import SheetError
from app.merge import Result
from ui.background import N_, Progress
from ui.dialogs import show_error
from ui.i18n import tr
from ui.tasks import Task, run_task

SUMMARY, CANDIDATES = "summary", "candidates"


def _written(path: Path, write: Callable[[], object]) -> object:
    """`write()`, with a failing disk told as the core tells it (a sentence, not a crash)."""
    try:
        return write()
    except OSError as exc:
        raise SheetError("could not write {file}: {reason}", file=str(path), reason=exc.strerror or str(exc)) from None


class Exporter(QObject):
    """The result `result()` gives, as files and on paper; errors are shown over `parent`."""

    saved = Signal(str)  # what was saved, in words

    def __init__(self, parent: QWidget, result: Callable[[], Result | None]) -> None:
        super().__init__(parent)
        self.widget = parent
        self.result = result

    # -- files -------------------------------------------------------------------------

    def export_xlsx(self) -> Task | None:
        """Ask where, then write the Excel workbook."""
        result = self.result()
        if result is None:
            return None
        name = f"{result.title or '评审结果'}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self.widget, tr("Export Excel"), str(Path.home() / name),
                                              tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        return self.write_xlsx(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def write_xlsx(self, path: Path) -> Task | None:
        """Write the Excel workbook to `path` off the UI thread."""
        from app.report import write_xlsx

        result = self.result()
        if result is None:
            return None

        def work(progress: Progress) -> Path:
            progress(0, 0, N_("Writing {file}"), file=path.name)
            return _written(path, lambda: write_xlsx(result, path))

        return run_task(self.widget, tr("Exporting the Excel workbook…"), work,
                        on_done=lambda out: self.saved.emit(tr("Saved {path}").format(path=out)),
                        on_error=lambda exc: show_error(self.widget, str(exc)))

    def export_csv(self) -> Task | None:
        """Ask for a folder, then write one CSV file per sheet into it."""
        if self.result() is None:
            return None
        folder = QFileDialog.getExistingDirectory(self.widget, tr("Choose a folder for the CSV files"))
        if not folder:
            return None
        return self.write_csv(Path(folder))

    def write_csv(self, folder: Path) -> Task | None:
        """Write the CSV files into `folder` off the UI thread."""
        from app.report import write_csv

        result = self.result()
        if result is None:
            return None

        def work(progress: Progress) -> list[Path]:
            progress(0, 0, N_("Writing the CSV files into {folder}"), folder=str(folder))
            return _written(folder, lambda: write_csv(result, folder))

        return run_task(self.widget, tr("Exporting the CSV files…"), work,
                        on_done=lambda out: self.saved.emit(
                            tr("{n} CSV files saved in {path}").format(n=len(out), path=folder)),
                        on_error=lambda exc: show_error(self.widget, str(exc)))

    # -- paper -------------------------------------------------------------------------

    def sheet_name(self, what: str) -> str:
        result = self.result()
        title = result.title if result else ""
        return f"{title}-{'评审汇总表' if what == SUMMARY else '候选名单'}.pdf"

    def print_sheet(self, what: str, how: str) -> Task | None:
        """Build the panel summary or the candidate list off the UI thread, then preview, print or save it."""
        result = self.result()
        if result is None:
            return None
        from app import sheets

        build = sheets.build_panel_summary if what == SUMMARY else sheets.build_candidate_list
        label = tr("Preparing the panel summary…") if what == SUMMARY else tr("Preparing the candidate list…")

        def work(progress: Progress) -> bytes:
            progress(0, 0, N_("Laying out the pages"))
            return build(result)

        return run_task(self.widget, label, work, on_done=lambda pdf: self._sheet_ready(what, how, pdf),
                        on_error=lambda exc: show_error(self.widget, str(exc)))

    def _sheet_ready(self, what: str, how: str, pdf: bytes) -> None:
        from ui.printing import PrintJob, save_pdf

        name = self.sheet_name(what)
        if how == "save":
            path = save_pdf(self.widget, pdf, name)
            if path:
                self.saved.emit(tr("Saved {path}").format(path=path))
        elif how == "print":
            PrintJob(pdf, name).print_with_dialog(self.widget)
        else:
            PrintJob(pdf, name).preview(self.widget)
