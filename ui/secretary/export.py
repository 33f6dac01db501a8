"""Export and print the merged result: the Excel workbook, the CSV files, the panel summary, the candidate list.

Every file is made in a worker process (ui/tasks.py): on a thread, openpyxl
and reportlab hold the GIL long enough, when the machine is busy, to stall
the window past 100 ms. What was saved is said through `saved`, for the
window's status bar.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app import journal, report
from app.errors import SheetError
from app.result import Result
from ui import printing
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


def journal_entry(result: Result, action: str, path: Path) -> None:
    """The secretary's journal in the result file: what was exported or printed, from which score files.

    Exports log it in their worker: a journal write (SQLite, synced) on the UI thread stalls the window."""
    journal.log_output(result, action, path)


def xlsx_file(progress: Progress, result: Result, path: Path) -> Path:
    """Worker: the Excel workbook of `result` at `path`, then its journal entry."""
    progress(0, 0, N_("Writing {file}"), file=path.name)
    out = _written(path, lambda: report.write_xlsx(result, path))
    journal_entry(result, journal.EXPORT, out)
    return out


def xlsx_from_file(progress: Progress, source: str, path: Path) -> Path:
    """Worker: as xlsx_file, reading the result from its file (a merged result is large: pickling it to the
    worker on the UI thread stalled the window)."""
    from app.resultfile import load_result

    return xlsx_file(progress, load_result(source), path)


def csv_files(progress: Progress, result: Result, folder: Path) -> list[Path]:
    """Worker: one CSV file per sheet of `result` in `folder`, then its journal entry."""
    progress(0, 0, N_("Writing the CSV files into {folder}"), folder=str(folder))
    out = _written(folder, lambda: report.write_csv(result, folder))
    journal_entry(result, journal.EXPORT, folder)
    return out


def sheet_pdf(progress: Progress, result: Result, what: str) -> bytes:
    """Worker: the panel summary or the candidate list of `result` as PDF bytes."""
    from app import sheets

    progress(0, 0, N_("Laying out the pages"))
    return (sheets.build_panel_summary if what == SUMMARY else sheets.build_candidate_list)(result)


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
        result = self.result()
        if result is None:
            return None
        work = (partial(xlsx_from_file, source=str(result.path), path=path) if result.path and Path(result.path).is_file()
                else partial(xlsx_file, result=result, path=path))
        return run_task(self.widget, tr("Exporting the Excel workbook…"), work,
                        process=True,
                        on_done=lambda out: self.saved.emit(tr("Saved {path}").format(path=out)),
                        on_error=lambda exc: show_error(self.widget, str(exc)))

    def _log(self, action: str, path) -> None:
        result = self.result()
        if result is not None:
            journal_entry(result, action, path)

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
        result = self.result()
        if result is None:
            return None
        return run_task(self.widget, tr("Exporting the CSV files…"), partial(csv_files, result=result, folder=folder),
                        process=True,
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
        label = tr("Preparing the panel summary…") if what == SUMMARY else tr("Preparing the candidate list…")
        return run_task(self.widget, label, partial(sheet_pdf, result=result, what=what), process=True,
                        on_done=lambda pdf: self._sheet_ready(what, how, pdf),
                        on_error=lambda exc: show_error(self.widget, str(exc)))

    def _sheet_ready(self, what: str, how: str, pdf: bytes) -> None:
        name = self.sheet_name(what)
        if how == "save":
            path = printing.save_pdf(self.widget, pdf, name)
            if path:
                self._log(journal.PRINT, path)
                self.saved.emit(tr("Saved {path}").format(path=path))
        elif how == "print":
            if printing.PrintJob(pdf, name).print_with_dialog(self.widget):
                self._log(journal.PRINT, name)
        else:
            printing.PrintJob(pdf, name).preview(self.widget)
