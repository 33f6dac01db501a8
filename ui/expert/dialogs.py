"""The small dialogs of the expert's way in: who am I, the pledge, conflicts of interest, submit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QInputDialog, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.scorefile import Missing, ScoreFile
from ui.dialogs import show_error
from ui.i18n import tr

PLEDGE = (
    "本人承诺：严格遵守评审工作纪律，独立、客观、公正地进行评审；"
    "对评审材料、评审意见和评审结果保密，不对外透露；"
    "与申报单位存在利害关系的，主动申请回避。"
)


def ask_recusal_reason(parent: QWidget, applicant: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent, tr("Recusal"),
        tr("Why must you recuse yourself from {name}? (e.g. employed there in the last three years, a relative)")
        .format(name=applicant))
    text = text.strip()
    if ok and not text:
        show_error(parent, tr("Give the reason for recusal."))
        return None
    return text if ok else None


class LoginDialog(QDialog):
    """Pick yourself from the roster and confirm the confidentiality pledge.

    Nobody is chosen for the expert: 确定 stays disabled until a name is
    picked and the pledge ticked. The name last used on this computer for
    this session is preselected; choosing someone else asks first, so that
    scores never land under a colleague's name by accident.
    """

    def __init__(self, session, parent: QWidget | None = None, *, last: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Who is scoring?"))
        self.session = session
        self.last = last
        lay = QVBoxLayout(self)
        title = QLabel(session.title)
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 14pt; font-weight: 700;")
        lay.addWidget(title)
        prompt = QLabel(tr("Choose your name:"))
        lay.addWidget(prompt)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Your name on the roster"))
        prompt.setBuddy(self.list)
        for e in session.experts:
            item = QListWidgetItem("　".join(x for x in (e.name, e.organisation, e.title) if x))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.list.setMinimumHeight(150)
        lay.addWidget(self.list)
        pledge = QLabel(PLEDGE)
        pledge.setWordWrap(True)
        pledge.setStyleSheet("background: #f7f3e8; padding: 8px; border: 1px solid #e0d6b8;")
        lay.addWidget(pledge)
        self.agree = QCheckBox(tr("I have read and accept the pledge"))
        self.agree.setAccessibleDescription(PLEDGE)
        lay.addWidget(self.agree)
        self.hint = QLabel("")
        self.hint.setStyleSheet("color: #555;")
        lay.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.currentRowChanged.connect(self._update)
        self.list.itemSelectionChanged.connect(self._update)
        self.agree.toggled.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _: self.agree.isChecked() and self.accept())
        if last:
            self.choose(last)
        self._update()
        self.resize(520, 480)

    def _chosen_item(self) -> QListWidgetItem | None:
        item = self.list.currentItem()
        return item if item is not None and item.isSelected() else None

    def _update(self) -> None:
        chosen = self._chosen_item()
        self.ok.setEnabled(chosen is not None and self.agree.isChecked())
        if chosen is None:
            self.hint.setText(tr("Choose your name, then tick the pledge."))
        elif not self.agree.isChecked():
            self.hint.setText(tr("Tick the pledge to continue."))
        else:
            self.hint.setText("")

    def expert_id(self) -> str | None:
        item = self._chosen_item()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def choose(self, expert_id: str) -> None:
        for k in range(self.list.count()):
            if self.list.item(k).data(Qt.ItemDataRole.UserRole) == expert_id:
                self.list.setCurrentRow(k)
                self.list.item(k).setSelected(True)

    def _name(self, expert_id: str | None) -> str:
        return next((e.name for e in self.session.experts if e.id == expert_id), expert_id or "")

    def accept(self) -> None:
        chosen = self.expert_id()
        if chosen is None or not self.agree.isChecked():
            return  # a double-click or Enter cannot get round the disabled 确定
        if self.last and chosen != self.last and self.last in {e.id for e in self.session.experts}:
            answer = QMessageBox.question(
                self, tr("Another name?"),
                tr("Last time this session was scored here as {last}. Score now as {name}?\n\n"
                   "The scores go into {name}'s own file; {last}'s scores stay as they are.").format(
                    last=self._name(self.last), name=self._name(chosen)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()


class RecusalDialog(QDialog):
    """Declare conflicts of interest (回避) applicant by applicant, each with its reason."""

    def __init__(self, scores: ScoreFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = scores
        self.setWindowTitle(tr("Conflicts of interest"))
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Tick every applicant you have a conflict of interest with (employment in the last three "
                          "years, relatives, a stake in its success) and give the reason. You will not see or score "
                          "those applicants."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(len(scores.applicants), 3)
        self.table.setHorizontalHeaderLabels([tr("Recuse"), tr("Applicant"), tr("Reason")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)  # whole names, wrapped, never cut
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(tr("Applicants and conflicts of interest"))
        for row, a in enumerate(scores.applicants):
            box = QTableWidgetItem()
            reason = scores.recusal(a.id)
            box.setCheckState(Qt.CheckState.Checked if reason is not None else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, box)
            box.setToolTip(tr("Recuse from {name}").format(name=a.name))
            name = QTableWidgetItem(a.name)
            name.setToolTip(a.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 1, name)
            self.table.setItem(row, 2, QTableWidgetItem(reason or ""))
        lay.addWidget(self.table)
        # the question answered "no" for the rest, as the score form's 回避 column does (kept in the score file)
        self.no_conflict = QCheckBox(tr("I have no conflict of interest with any applicant not ticked"))
        others = [a.id for a in scores.applicants if scores.recusal(a.id) is None]
        self.no_conflict.setChecked(bool(others) and all(scores.conflict_declared(a) is False for a in others))
        lay.addWidget(self.no_conflict)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)  # nothing is changed before 确定
        lay.addWidget(buttons)
        self.resize(860, 480)
        self.table.resizeRowsToContents()
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

    def set_recusal(self, applicant_id: str, reason: str) -> None:
        row = [a.id for a in self.scores.applicants].index(applicant_id)
        self.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
        self.table.item(row, 2).setText(reason)

    def apply(self) -> None:
        from app.errors import PanelReviewError

        problems = []
        for row, a in enumerate(self.scores.applicants):
            checked = self.table.item(row, 0).checkState() == Qt.CheckState.Checked
            reason = (self.table.item(row, 2).text() if self.table.item(row, 2) else "").strip()
            try:
                if checked:
                    if not reason:
                        problems.append(tr("{name}: give the reason for recusal").format(name=a.name))
                        continue
                    self.scores.recuse(a.id, reason)
                    continue
                if self.scores.recusal(a.id) is not None:
                    self.scores.unrecuse(a.id)
                if self.no_conflict.isChecked():
                    self.scores.declare_no_conflict(a.id)
                elif self.scores.conflict_declared(a.id) is False:
                    self.scores.clear_conflict_declaration(a.id)
            except PanelReviewError as exc:
                problems.append(str(exc))
        if problems:
            self.error.setText("\n".join(problems))
            return
        self.accept()


class MissingDialog(QDialog):
    """Submit found gaps, grouped by applicant; each entry takes the expert there."""

    go_to = Signal(str, str)  # applicant id, target id

    def __init__(self, missing: list[Missing], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Not complete yet"))
        lay = QVBoxLayout(self)
        groups: dict[str, list[Missing]] = {}
        for m in missing:
            groups.setdefault(m.applicant_id, []).append(m)
        intro = QLabel(tr("{count} items of {applicants} applicants are still unanswered. Double-click one (or press "
                          "Enter) to go there.").format(count=len(missing), applicants=len(groups)))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAccessibleName(tr("Unanswered items by applicant"))
        for aid, items in groups.items():
            top = QTreeWidgetItem([tr("{name} — {n} unanswered").format(name=items[0].applicant_name, n=len(items))])
            top.setData(0, Qt.ItemDataRole.UserRole, (aid, items[0].target_id))
            top.setToolTip(0, items[0].applicant_name)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for m in items:
                text = tr("overall recommendation") if m.target_id == "recommendation" else f"{m.target_id}  {m.text}"
                child = QTreeWidgetItem(top, [text])
                child.setData(0, Qt.ItemDataRole.UserRole, (m.applicant_id, m.target_id))
                child.setToolTip(0, text)
            top.setExpanded(len(groups) <= 3)
        self.tree.itemActivated.connect(self._go)
        self.tree.itemDoubleClicked.connect(self._go)
        lay.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 520)

    def entries(self) -> list[QTreeWidgetItem]:
        """The unanswered items in order, applicant by applicant."""
        out = []
        for k in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(k)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def count(self) -> int:
        return len(self.entries())

    def item(self, k: int) -> QTreeWidgetItem:
        return self.entries()[k]

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        aid, target = item.data(0, Qt.ItemDataRole.UserRole)
        self.go_to.emit(aid, target)
        self.accept()
