"""The secretary prepares a session: tables, materials, quotas, method; checks; creates; copies to sticks."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from app import quota as quota_mod, rubric as rubric_mod, session as session_mod, tables
from app.errors import PanelReviewError
from ui.background import N_
from ui.dialogs import removable_or_home
from ui.i18n import tr
from ui.secretary.words import method_names, method_text
from ui.tasks import Progress, run_task


class PathField(QWidget):
    """A path with a Browse button (file or folder)."""

    changed = Signal(str)

    def __init__(self, *, folder: bool, filter_: str = "", save: bool = False) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.editingFinished.connect(lambda: self.changed.emit(self.edit.text()))
        lay.addWidget(self.edit, 1)
        button = QPushButton(tr("Browse…"))
        lay.addWidget(button)
        self.folder, self.filter, self.save = folder, filter_, save
        button.clicked.connect(self.browse)

    def browse(self) -> None:
        if self.folder:
            path = QFileDialog.getExistingDirectory(self, tr("Choose a folder"), self.edit.text() or removable_or_home())
        else:
            path, _ = QFileDialog.getOpenFileName(self, tr("Choose a table"), self.edit.text() or removable_or_home(),
                                                  self.filter)
        if path:
            self.set(path)

    def set(self, path: str) -> None:
        self.edit.setText(path)
        self.changed.emit(path)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class PreparePage(QWidget):
    """Create a session the way `panelreview session create` does, with a look at the materials first."""

    created = Signal(object)  # the new Session

    def __init__(self, session: session_mod.Session | None = None) -> None:
        super().__init__()
        self.session = session
        # the page scrolls: at 150 % on a 1366×768 laptop it is taller than the screen
        inner = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        lay = QVBoxLayout(inner)
        # an open session is shown for review first (roster, quotas, rules); the new-session form folds away
        self.review = QGroupBox(tr("This session"))
        rv = QVBoxLayout(self.review)
        self.review_text = QLabel("")
        self.review_text.setWordWrap(True)
        self.review_text.setTextFormat(Qt.TextFormat.RichText)
        self.review_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rv.addWidget(self.review_text)
        self.roster = QTreeWidget()
        self.roster.setHeaderLabels([tr("Who"), tr("Details")])
        self.roster.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.roster.setWordWrap(True)
        self.roster.setAccessibleName(tr("The session's experts, applicants and quotas"))
        self.roster.setMinimumHeight(220)
        rv.addWidget(self.roster, 1)
        review_row = QHBoxLayout()
        self.review_copy_button = QPushButton(tr("Copy to a USB stick…"))
        self.review_copy_button.clicked.connect(lambda: self.copy_to_stick())
        review_row.addWidget(self.review_copy_button)
        review_row.addStretch(1)
        self.new_button = QPushButton(tr("Prepare another session…"))
        self.new_button.setCheckable(True)
        self.new_button.toggled.connect(lambda on: self.new_form.setVisible(on))
        review_row.addWidget(self.new_button)
        rv.addLayout(review_row)
        lay.addWidget(self.review)
        self.new_form = QWidget()
        lay.addWidget(self.new_form, 1)
        lay = QVBoxLayout(self.new_form)
        lay.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(tr("New review session"))
        form = QFormLayout(box)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("e.g. 2024年度龙岗区终身职业技能培训载体认定专家评审"))
        form.addRow(tr("Title"), self.title)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(tr("Date"), self.date)
        table_filter = tr("Tables (*.csv *.txt *.xlsx *.xls *.xlsb *.ods)")
        self.applicants = PathField(folder=False, filter_=table_filter)
        form.addRow(tr("Applicants table"), self.applicants)
        self.experts = PathField(folder=False, filter_=table_filter)
        form.addRow(tr("Experts table"), self.experts)
        self.materials = PathField(folder=True)
        form.addRow(tr("Materials folder"), self.materials)
        self.method = QComboBox()
        for code, label in method_names():
            self.method.addItem(label, code)
        form.addRow(tr("Consensus method"), self.method)
        self.out = PathField(folder=True)
        form.addRow(tr("Create the session in"), self.out)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("folder name, e.g. 2024-longgang"))
        form.addRow(tr("Session folder name"), self.name)
        lay.addWidget(box)

        quota_box = QGroupBox(tr("Quotas (at most this many candidates per category)"))
        ql = QVBoxLayout(quota_box)
        self.quotas = QTableWidget(0, 2)
        self.quotas.setHorizontalHeaderLabels([tr("Category"), tr("Quota")])
        self.quotas.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.quotas.verticalHeader().hide()
        self.quotas.setMaximumHeight(150)
        ql.addWidget(self.quotas)
        self.written = QLineEdit()
        self.written.setPlaceholderText(tr("e.g. A+B=2; C+D=1; 资金补助类:国际合作类=2/1"))
        self.written.setToolTip(tr("Quotas as the call writes them, separated by semicolons: A+B=2 for several "
                                   "categories together, TIER:CATEGORY=N for a tier, …=N/R for R on the reserve "
                                   "list. A category written here is not limited by the table above."))
        self.written.setAccessibleName(tr("Quotas over several categories, tiers and reserve lists"))
        written = QFormLayout()
        written.addRow(tr("Combined quotas, tiers, reserves"), self.written)
        ql.addLayout(written)
        lay.addWidget(quota_box)
        lay.addWidget(self._rules_box())

        row = QHBoxLayout()
        self.check_button = QPushButton(tr("Check tables and materials"))
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.check_button)
        self.create_button = QPushButton(tr("Create session"))
        self.create_button.clicked.connect(self.create)
        row.addWidget(self.create_button)
        self.copy_button = QPushButton(tr("Copy to a USB stick…"))
        self.copy_button.clicked.connect(self.copy_to_stick)
        self.copy_button.setEnabled(session is not None)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        self.report = QTreeWidget()
        self.report.setHeaderLabels([tr("Applicant / material"), tr("Status"), tr("File")])
        self.report.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.report.setMinimumHeight(160)
        lay.addWidget(self.report, 1)
        self.applicants.changed.connect(lambda _: self.check(quiet=True))
        self.set_session(session)

    # The rules the documents leave to the secretary (docs/rules.md): each printed on the summary.
    RULES = (
        ("condition_rule", N_("Basic conditions and gates"),
         (("majority", N_("met when more than half say yes")), ("unanimous", N_("met only when all say yes")))),
        ("recommendation_rule", N_("A majority not recommending"),
         (("advisory", N_("a warning; still ranked")), ("majority", N_("not ranked")))),
        ("field_inspection", N_("Field inspection"),
         (("required", N_("required before the candidate list (000)")), ("none", N_("none (e.g. 003)")))),
        ("none_of_levels", N_("\"None of the levels\" (0 points)"),
         (("allowed", N_("allowed as an explicit answer")), ("refused", N_("refused: a level must be chosen")))),
    )

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(tr("Rules the documents leave to you (printed on the summary)"))
        grid = QGridLayout(box)
        self.rules: dict[str, QComboBox] = {}
        for k, (key, label, choices) in enumerate(self.RULES):
            combo = QComboBox()
            for code, text in choices:
                combo.addItem(tr(text), code)
            combo.setAccessibleName(tr(label))
            self.rules[key] = combo
            grid.addWidget(QLabel(tr(label)), k // 2, (k % 2) * 2)
            grid.addWidget(combo, k // 2, (k % 2) * 2 + 1)
        self.min_experts = QSpinBox()
        self.min_experts.setRange(0, 99)
        self.min_experts.setSpecialValueText(tr("not set (warn only)"))
        self.min_experts.setAccessibleName(tr("Fewest experts per applicant"))
        row = len(self.RULES) // 2 + len(self.RULES) % 2
        grid.addWidget(QLabel(tr("Fewest experts per applicant")), row, 0)
        grid.addWidget(self.min_experts, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def rule_values(self) -> dict[str, object]:
        values: dict[str, object] = {key: combo.currentData() for key, combo in self.rules.items()}
        values["min_experts"] = self.min_experts.value() or None
        return values

    def set_session(self, session: session_mod.Session | None) -> None:
        """The session to review and copy to the experts' sticks (one just created or opened)."""
        self.session = session
        self.copy_button.setEnabled(session is not None)
        self.review.setVisible(session is not None)
        self.new_button.setChecked(False)
        self.new_form.setVisible(session is None)
        if session is not None:
            self._fill_review(session)

    def _fill_review(self, s: session_mod.Session) -> None:
        """Title, date, method, the rules chosen; the roster; the applicants by category with their quotas."""
        rules = []
        for key, label, choices in self.RULES:
            value = s.settings.get(key)
            words = dict(choices).get(value)
            if words:
                rules.append(escape(tr("{label}: {value}").format(label=tr(label), value=tr(words))))
        fewest = s.settings.get("min_experts")
        rules.append(escape(tr("{label}: {value}").format(label=tr("Fewest experts per applicant"),
                                                          value=fewest or tr("not set (warn only)"))))
        method = tr("{label}: {value}").format(label=tr("Consensus method"),
                                               value=method_text(s.settings.get("method", "mean")))
        self.review_text.setText(
            f"<b>{escape(s.title)}</b>　{escape(s.date)}<br>" + escape(method)
            + "<br>" + "<br>".join(rules) + "<br>" + escape(tr("Folder: {path}").format(path=s.path)))
        self.roster.clear()
        experts = QTreeWidgetItem([tr("Experts ({n})").format(n=len(s.experts)), ""])
        for e in s.experts:
            QTreeWidgetItem(experts, [f"{e.id}　{e.name}", "　".join(x for x in (e.organisation, e.title) if x)])
        self.roster.addTopLevelItem(experts)
        quotas: dict[str, list[str]] = {}
        for q in s.quota_groups:
            for c in q.categories:
                quotas.setdefault(c, []).append(q.text())
        by_cat: dict[str, list] = {}
        for a in s.applicants:
            by_cat.setdefault(a.category, []).append(a)
        for cat, people in by_cat.items():
            quota = "；".join(quotas.get(cat, [])) or tr("no quota")
            top = QTreeWidgetItem([tr("{category} — applicants: {n}").format(category=cat, n=len(people)),
                                   tr("quota: {quota}").format(quota=quota)])
            for a in people:
                rub = s.rubrics.get(a.rubric_id)
                QTreeWidgetItem(top, [f"{a.id}　{a.name}", rub.title if rub is not None else a.rubric_id])
            self.roster.addTopLevelItem(top)
        experts.setExpanded(True)

    # -- checking -----------------------------------------------------------

    def _say(self, text: str, *, error: bool = False, warning: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #8a5300;" if warning else "color: #1b7f3b;")
        self.message.setText(text)

    def check(self, quiet: bool = False) -> bool:
        """Read the tables and report every material per applicant: present, missing, unmatched."""
        self.report.clear()
        apath, epath, mpath = self.applicants.path(), self.experts.path(), self.materials.path()
        if apath is None:
            if not quiet:
                self._say(tr("Choose the applicants table first."), error=True)
            return False
        try:
            known = rubric_mod.load_all()
            people = tables.read_applicants(apath, known, materials=mpath)
            if epath is not None:
                tables.read_experts(epath)
        except PanelReviewError as exc:
            lines = [str(exc)] + [str(p) for p in exc.problems]
            self._say("\n".join(lines), error=True)
            return False
        self._fill_quotas(people, known)
        missing_total = 0
        for a in people:
            top = QTreeWidgetItem([f"{a.name} ({a.id})", "", str(a.rubric_choice) if a.rubric_choice else ""])
            self.report.addTopLevelItem(top)
            applied = known[a.rubric_id].apply(a.profile)
            names = list(dict.fromkeys(m.name for m in applied.materials))
            folder = (mpath / a.folder) if mpath else None
            files = [p for p in folder.rglob("*") if p.is_file()] if folder and folder.is_dir() else []
            matched: dict[str, list[Path]] = {}
            unmatched = []
            for f in files:
                m = session_mod.match_material(f.name, names) if f.suffix.lower() == ".pdf" else None
                (matched.setdefault(m, []) if m else unmatched).append(f)
            bad = 0
            for name in names:
                if name in matched:
                    for f in matched[name]:
                        QTreeWidgetItem(top, [name, tr("present"), f.name])
                else:
                    child = QTreeWidgetItem(top, [name, tr("missing"), ""])
                    child.setForeground(1, QBrush(QColor("#b00020")))
                    bad += 1
            for f in unmatched:
                child = QTreeWidgetItem(top, ["", tr("not matched to any material"), f.name])
                child.setForeground(1, QBrush(QColor("#b35c00")))
            top.setText(1, tr("{n} missing").format(n=bad) if bad else tr("all materials present"))
            top.setForeground(1, QBrush(QColor("#b00020" if bad else "#1b7f3b")))
            missing_total += bad
            top.setExpanded(bool(bad or unmatched))
        self._say(tr("{n} applicants read; {m} materials missing.").format(n=len(people), m=missing_total),
                  error=missing_total > 0)
        return True

    def _fill_quotas(self, people, known) -> None:
        have = {self.quotas.item(r, 0).text(): self.quotas.cellWidget(r, 1).value()
                for r in range(self.quotas.rowCount()) if self.quotas.item(r, 0)}
        cats = list(dict.fromkeys(a.category for a in people))
        self.quotas.setRowCount(len(cats))
        for r, cat in enumerate(cats):
            item = QTableWidgetItem(cat)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.quotas.setItem(r, 0, item)
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setValue(have.get(cat, sum(1 for a in people if a.category == cat)))
            self.quotas.setCellWidget(r, 1, spin)

    def quota_values(self) -> list[quota_mod.Quota]:
        """The written quotas, then one per category of the table that none of them covers.

        SessionError naming a written quota that cannot be read."""
        written = [quota_mod.parse(t) for t in self.written.text().replace("；", ";").split(";") if t.strip()]
        covered = {c for q in written for c in q.categories}
        simple = [quota_mod.Quota((self.quotas.item(r, 0).text(),), self.quotas.cellWidget(r, 1).value())
                  for r in range(self.quotas.rowCount()) if self.quotas.item(r, 0).text() not in covered]
        return written + simple

    # -- creating -----------------------------------------------------------

    def create(self) -> None:
        if not self.check():
            return
        out, name = self.out.path(), self.name.text().strip()
        if out is None or not name or self.experts.path() is None or self.materials.path() is None:
            self._say(tr("Fill in the title, both tables, the materials folder, where to create it and its name."),
                      error=True)
            return
        target = out / name
        try:
            quotas = self.quota_values()
        except PanelReviewError as exc:
            self._say(str(exc), error=True)
            return
        kwargs = dict(title=self.title.text(), applicants=self.applicants.path(), experts=self.experts.path(),
                      materials=self.materials.path(), date=self.date.date().toString("yyyy-MM-dd"),
                      quotas=quotas, method=self.method.currentData(), settings=self.rule_values())
        def work(progress: Progress) -> session_mod.Session:
            progress(0, 0, N_("Reading the tables and fingerprinting the materials"))
            return session_mod.create(target, **kwargs)

        run_task(self, tr("Creating the session…"), work, on_done=self._created, on_error=self._error)

    def _created(self, sess: session_mod.Session) -> None:
        self.set_session(sess)
        said = tr("Session created in {path}. Copy it to each expert's USB stick.").format(path=sess.path)
        # Names holding a character no bundled font draws would print as □ on the signed sheets (app.fonts).
        warnings = [tr("Warning: {what}").format(what=w.text()) for w in getattr(sess, "warnings", [])]
        self._say("\n".join([said, *warnings]), warning=bool(warnings))
        self.created.emit(sess)

    def _error(self, exc: PanelReviewError) -> None:
        self._say("\n".join([str(exc)] + [str(p) for p in exc.problems]), error=True)

    def copy_to_stick(self) -> None:
        if self.session is None:
            return
        dest = QFileDialog.getExistingDirectory(self, tr("Choose the USB stick (or a folder on it)"),
                                                removable_or_home())
        if not dest:
            return
        target = Path(dest) / self.session.path.name
        if target.exists():
            QMessageBox.warning(self, tr("Copy"), tr("{path} already exists.").format(path=target))
            return
        src = self.session.path

        def copy(progress: Progress) -> Path:
            # Only what an expert needs: the manifest and the materials. Never scores or merge
            # results, which may already be in the secretary's copy of the folder.
            files = [src / session_mod.MANIFEST] + [p for p in (src / session_mod.MATERIALS).rglob("*")
                                                    if p.is_file()]
            for k, f in enumerate(files, start=1):
                dst = target / f.relative_to(src)
                dst.parent.mkdir(parents=True, exist_ok=True)
                progress(k - 1, len(files), N_("Copying {file}"), file=str(f.relative_to(src)))
                shutil.copy2(f, dst)
            progress(len(files), len(files), N_("Checking the copy against the session"))
            copied = session_mod.open_session(target)
            check = copied.verify()
            if not check.ok:
                raise PanelReviewError("the copy on {path} differs from the session: {files}", path=str(target),
                                       files=", ".join(check.missing + check.changed + check.added))
            return target

        run_task(self, tr("Copying to the stick…"), copy,
                 on_done=lambda path: self._say(tr("Copied and verified: {path}").format(path=path)),
                 on_error=self._error)
