"""The way in: who you are (expert or secretary), the session, then the window for your half."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from app import demo
from app.scorefile import open_or_create
from app.session import MANIFEST, Session, open_session
from ui import i18n, settings
from ui.background import N_, Cancelled, Progress
from ui.expert.dialogs import LoginDialog, RecusalDialog
from ui.i18n import tr
from ui.tasks import ProgressDialog, Task


EXPERT, SECRETARY = "expert", "secretary"


class OpenSessionDialog(QDialog):
    """Who you are (expert or secretary), then recent sessions, a folder chooser, the demo; a folder may be dropped."""

    def __init__(self, parent: QWidget | None = None, *, role: str = EXPERT) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Open a review session"))
        self.setAcceptDrops(True)
        self.chosen: Path | None = None
        self.want_demo = False
        self.want_new = False
        lay = QVBoxLayout(self)
        title = QLabel(tr("PanelReview"))
        title.setStyleSheet("font-size: 18pt; font-weight: 700; color: #0f3d75;")
        lay.addWidget(title)
        roles = QHBoxLayout()
        roles.addWidget(QLabel(tr("I am:")))
        self.expert_button = QRadioButton(tr("Review expert"))
        self.secretary_button = QRadioButton(tr("Panel secretary"))
        self.role_group = QButtonGroup(self)
        for b in (self.expert_button, self.secretary_button):
            self.role_group.addButton(b)
            roles.addWidget(b)
        roles.addStretch(1)
        lay.addLayout(roles)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        lay.addWidget(QLabel(tr("Recent sessions:")))
        self.recent = QListWidget()
        titles = settings.recent_titles()
        for p in settings.get("recent_sessions"):
            if (Path(p) / MANIFEST).exists():
                item = QListWidgetItem(titles.get(p) or Path(p).name)
                item.setData(Qt.ItemDataRole.UserRole, p)
                item.setToolTip(p)  # the folder, for telling two sessions of one title apart
                self.recent.addItem(item)
        self.recent.setAccessibleName(tr("Recent sessions"))
        self.recent.itemActivated.connect(lambda it: self._choose(Path(it.data(Qt.ItemDataRole.UserRole))))
        self.recent.itemDoubleClicked.connect(lambda it: self._choose(Path(it.data(Qt.ItemDataRole.UserRole))))
        lay.addWidget(self.recent)
        row = QHBoxLayout()
        browse = QPushButton(tr("Open folder…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        demo_button = QPushButton(tr("Try the demo session"))
        demo_button.clicked.connect(self._demo)
        row.addWidget(demo_button)
        self.new_button = QPushButton(tr("Prepare a new session…"))
        self.new_button.clicked.connect(self._new)
        row.addWidget(self.new_button)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.role_group.buttonToggled.connect(lambda _b, _on: self._role_changed())
        (self.secretary_button if role == SECRETARY else self.expert_button).setChecked(True)
        self._role_changed()
        self.resize(560, 400)

    @property
    def role(self) -> str:
        return SECRETARY if self.secretary_button.isChecked() else EXPERT

    def set_role(self, role: str) -> None:
        (self.secretary_button if role == SECRETARY else self.expert_button).setChecked(True)

    def _role_changed(self) -> None:
        secretary = self.role == SECRETARY
        self.new_button.setVisible(secretary)
        self.hint.setText(tr("Open a session to merge the experts' score files, rank and print; or prepare a new one.")
                          if secretary else tr("Open the session folder the secretary gave you, or drop it here."))

    def _new(self) -> None:
        self.want_new = True
        self.accept()

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Choose the session folder"))
        if path:
            self._choose(Path(path))

    def _demo(self) -> None:
        self.want_demo = True
        self.accept()

    def _choose(self, path: Path) -> None:
        self.chosen = path
        self.accept()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt)
        urls = event.mimeData().urls()
        if urls:
            path = Path(urls[0].toLocalFile())
            self._choose(path if path.is_dir() else path.parent)


class Controller:
    """Holds the one window; rebuilds it when the language changes."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.window = None
        self.session: Session | None = None
        self.scores = None
        self.secretary = False

    def start(self, *, session: Path | None = None, demo: bool = False, expert: str | None = None,
              secretary: bool = False) -> bool:
        """Open the expert's window (after the roster and pledge) or, for the secretary, the secretary's window."""
        self.secretary = secretary
        if demo:
            try:
                sess = demo_session(None)
            except Cancelled:
                return False
        elif session is not None:
            sess = open_session(session)
        else:
            while True:
                dialog = OpenSessionDialog(role=SECRETARY if self.secretary else EXPERT)
                if not dialog.exec():
                    return False
                self.secretary = dialog.role == SECRETARY
                if dialog.want_new and self.secretary:
                    sess = None
                elif dialog.want_demo:
                    try:
                        sess = demo_session(None)
                    except Cancelled:
                        continue  # back to choosing
                else:
                    sess = open_session(dialog.chosen)
                break
        if self.secretary:
            self.session = sess
            if sess is not None:
                settings.add_recent(sess.path, sess.title)
            self.show_secretary()
            return True
        self.session = sess
        settings.add_recent(sess.path, sess.title)
        self._warn_materials(sess)
        if expert is None:
            login = LoginDialog(sess, last=settings.last_expert(sess.id))
            if not login.exec():
                return False
            expert = login.expert_id()
            if expert is None:
                return False
        settings.set_last_expert(sess.id, expert)
        scores = open_or_create(sess, expert)
        self.scores = scores
        if not scores.history() and not scores.submitted:
            RecusalDialog(scores).exec()
        self.show_window()
        return True

    def _warn_materials(self, sess: Session) -> None:
        check = sess.verify()
        if check.ok:
            return
        lines = []
        for label, files in ((tr("missing"), check.missing), (tr("changed"), check.changed),
                             (tr("added"), check.added)):
            for f in files:
                lines.append(f"{label}: {f}")
        QMessageBox.warning(None, tr("Materials differ from the session"), tr(
            "These material files are not as the secretary prepared them. Tell the secretary before scoring:")
            + "\n\n" + "\n".join(lines[:30]))

    def show_window(self) -> None:
        from ui.expert.window import ExpertWindow

        old = self.window
        if old is not None:
            old.form.flush_text()
        self.window = ExpertWindow(self.session, self.scores)
        self.window.language_change.connect(self.change_language)
        if old is not None:
            keep_layout(old, self.window)
            old.close()
            old.deleteLater()
        self.window.show()

    def show_secretary(self) -> None:
        """The secretary's window; no roster login: the secretary scores nothing."""
        from ui.secretary.window import SecretaryWindow

        old = self.window
        page = old.pages.currentIndex() if old is not None and hasattr(old, "pages") else None
        self.window = SecretaryWindow(self.session)
        self.window.language_change.connect(self.change_language)
        if old is not None:
            keep_layout(old, self.window)
            old.close()
            old.deleteLater()
        if page is not None and self.window.pages.isTabEnabled(page):
            self.window.pages.setCurrentIndex(page)
        self.window.show()

    def change_language(self, lang: str) -> None:
        settings.put("language", lang)
        i18n.install(self.app, lang)
        if self.secretary:
            if self.window is not None:
                self.session = self.window.session
            self.show_secretary()
            return
        current = self.window.applicant_id if self.window else None
        self.show_window()
        if current:
            self.window.show_applicant(current)



def keep_layout(old: QWidget, new: QWidget) -> None:
    """The window rebuilt (a new language) keeps the old one's size, place and pane sizes."""
    if old.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        new.setWindowState(old.windowState())
    else:
        new.setGeometry(old.geometry())
    for name in ("splitter",):
        a, b = getattr(old, name, None), getattr(new, name, None)
        if a is not None and b is not None:
            b.restoreState(a.saveState())


# --------------------------------------------------------------------------- the demo session


def build_demo(progress: Progress, out_dir: str, page_limit: int | None = None) -> str:
    """Worker process: the demo session at `out_dir`, built on first use or if damaged; its folder.

    Cancelling is safe before the session is written: the scanned materials
    are drawn in a temporary folder that goes with the cancel.
    """
    progress(0, 0, N_("Checking the demo session"))

    def step(done: int, total: int, what: str) -> None:
        if what:
            applicant, _, material = what.partition(" / ")
            progress(done, total, N_("Drawing scanned material {n}: {applicant}, {material}"), n=done + 1,
                     applicant=applicant, material=material)
        else:
            progress(done, total, N_("Writing the session and fingerprinting its materials"))

    return str(demo.ensure(Path(out_dir), page_limit=page_limit, progress=step).path)


def demo_task(parent: QWidget | None, *, out_dir: Path | None = None, page_limit: int | None = None) -> Task:
    """Build (or check) the demo session in a worker process behind a progress dialog; the task, started."""
    work = partial(build_demo, out_dir=str(out_dir or demo.default_dir()), page_limit=page_limit)
    # a worker process: drawing the scanned pages with PyMuPDF holds the GIL for seconds on end
    task = Task(work, process=True)
    # shown at once, not after the usual pause: on first use the worker takes a while to say anything
    dialog = ProgressDialog(parent, tr("Preparing the demo session…"), cancellable=True, show_after_ms=0)
    dialog.step.setText(tr("Starting…"))
    task.progressed.connect(dialog.show_progress)
    dialog.cancel_requested.connect(task.cancel)
    for signal in (task.succeeded, task.failed, task.cancelled):
        signal.connect(lambda *_: dialog.finish())
    task.start()
    dialog.show()
    QApplication.processEvents()  # painted before the worker process is spawned
    return task


def demo_session(parent: QWidget | None, *, out_dir: Path | None = None, page_limit: int | None = None) -> Session:
    """The demo session, built if need be while the event loop runs; Cancelled if the person stopped it."""
    return open_session(Path(demo_task(parent, out_dir=out_dir, page_limit=page_limit).wait()))
