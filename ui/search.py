"""Search in the stored text of scans (app/textsearch.py) for the PDF viewer: hits on the page, and a list of
hits by page across all of the applicant's materials.

The viewer asks `stored_text(path)` when it opens a file; where the session's scan store holds the file's
text (recognised on the secretary's machine), its search box searches that instead of the PDF's text layer,
so scans with no text layer are searchable on a laptop with no OCR installed. `attach(viewer)` adds the
hit list beside the pages; a hit in another material is offered through `material_requested(rel, page)`
for the window to open (the viewer does not know the window's material list).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

from app import textsearch
from ui.i18n import tr

_sessions: dict[Path, textsearch.SessionText] = {}


class StoredText:
    """The stored text of one material as the viewer's search wants it."""

    def __init__(self, texts: textsearch.SessionText, material: textsearch.MaterialText) -> None:
        self.texts = texts
        self.material = material
        self.hits: list[textsearch.Hit] = []

    def find(self, query: str) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
        """[(page, [rect, …]), …] in page order, one rect per hit (its first line), as the viewer paints them."""
        self.hits = self.material.find(query)
        pages: dict[int, list] = {}
        for h in self.hits:
            if h.rects:
                pages.setdefault(h.page, []).append(h.rects[0])
        return sorted(pages.items())

    @property
    def applicant(self) -> str:
        return self.material.path.split("/")[1] if self.material.path.count("/") >= 2 else ""


def _session_text(path: Path) -> textsearch.SessionText | None:
    p = Path(path).resolve()
    for root, texts in list(_sessions.items()):
        if root in p.parents:
            if not texts.stale():
                return texts
            _sessions.pop(root).close()  # text was stored since: read the store again
            break
    session = textsearch.session_of(p)
    if session is None:
        return None
    texts = textsearch.SessionText(session)
    _sessions[session.path.resolve()] = texts
    return texts


def stored_text(path: str | Path) -> StoredText | None:
    """The stored text of the material at `path`, or None (no session, no scan store, nothing stored)."""
    try:
        texts = _session_text(Path(path))
        if not texts:
            return None
        material = texts.for_path(path)
    except Exception:  # noqa: BLE001 — a store that cannot be read leaves the PDF's own search
        return None
    return StoredText(texts, material) if material is not None else None


def forget(path: str | Path) -> None:
    """Drop what was read of the session at `path` (after OCR added text, or the session was replaced)."""
    p = Path(path).resolve()
    for root in [r for r in _sessions if r == p or r in p.parents]:
        _sessions.pop(root).close()


NARROW = 760
"""Below this width (logical pixels) the viewer cannot spare room for thumbnails, the page and the
list of matches side by side (1366x768 at 150 % leaves it about 600): while the list is shown, it
takes the thumbnails' place, and they come back when it closes."""


WIDEST = 320  # the list of matches at most (logical pixels)


class SearchPanel(QWidget):
    """Hits by material and page; the current material's take the viewer there."""

    material_requested = Signal(str, int)  # material path relative to the session, 0-based page

    def __init__(self, viewer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #3c4043; font-weight: bold;")
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(tr("Close the list of matches"))
        self.close_button.setAccessibleName(tr("Close the list of matches"))
        self.close_button.clicked.connect(self.dismiss)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(tr("Matches"))
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        lay.addWidget(self.list, 1)
        self.setMinimumWidth(170)
        self.setMaximumWidth(WIDEST)
        self.setVisible(False)
        self._covered_side = False  # the thumbnails were put away to make room for the list
        self._query = ""
        self._pending: tuple[str, int] | None = None
        viewer.document_loaded.connect(self._loaded)

    def show_hits(self, stored: StoredText | None, query: str) -> None:
        self._query = query
        self.list.clear()
        if stored is None or not query:
            self.dismiss()
            return
        here = stored.material.path
        hits = [h for h in stored.hits]
        others = [h for h in stored.texts.search_applicant(stored.applicant, query) if h.path != here] \
            if stored.applicant else []
        self.title.setText(tr("{count} matches for “{text}” in this material, {others} in the applicant's other "
                              "materials").format(count=len(hits), text=query, others=len(others)))
        names = {mf.path: (mf.material or mf.name) for mf in stored.texts.session.materials(stored.applicant)} \
            if stored.applicant else {}
        for h in hits + others:
            where = tr("p. {page}").format(page=h.page + 1)
            label = where if h.path == here else f"{names.get(h.path, h.path)} · {where}"
            item = QListWidgetItem(f"{label}\n{h.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, (h.path, h.page))
            item.setToolTip(h.snippet)
            self.list.addItem(item)
        self._show()

    def _show(self) -> None:
        side = self.viewer.side
        narrow = self.viewer.width() < NARROW
        if narrow and side.isVisible():
            side.setVisible(False)
            self._covered_side = True
        self.setVisible(True)
        # in a narrow viewer the page keeps at least three fifths of the room
        self.setMaximumWidth(max(self.minimumWidth(), int(self.viewer.width() * 0.4)) if narrow else WIDEST)

    def dismiss(self) -> None:
        """Put the list away (and the thumbnails back where it had taken their place)."""
        self.setVisible(False)
        if self._covered_side:
            self._covered_side = False
            self.viewer.side.setVisible(self.viewer.thumbs_button.isChecked())

    def search_after_load(self, query: str, page: int = 0) -> None:
        """Search `query` once the document being opened is shown, and go to its hit on `page` (a window opening
        the material where a search of the applicant's stored text found it)."""
        self._pending = (query, page)

    def _chosen(self, item: QListWidgetItem) -> None:
        path, page = item.data(Qt.ItemDataRole.UserRole)
        stored = getattr(self.viewer, "_stored", None)
        if stored is None:
            return
        if path == stored.material.path:
            self._go(page)
            return
        # another material: the window opens it where it keeps its list (open_handler), else the viewer does;
        # the same search runs again once it is shown
        self._pending = (self._query, page)
        full = str(stored.texts.session.path.joinpath(*path.split("/")))
        self.material_requested.emit(path, page)
        handler = getattr(self.viewer, "open_handler", None)
        if handler is not None:
            handler(full, page)
        else:
            self.viewer.open(full, page=page)

    def _go(self, page: int) -> None:
        hits = self.viewer.hits()
        n = next((k for k, (p, _) in enumerate(hits) if p == page), None)
        if n is not None:
            self.viewer._show_hit(n)
        else:
            self.viewer.go_to_page(page)

    def _loaded(self, _path: str, _pages: int) -> None:
        pending, self._pending = self._pending, None
        if pending is None or getattr(self.viewer, "_stored", None) is None:
            self.dismiss()
            return
        query, page = pending
        self.viewer.search_box.setText(query)
        self.viewer.search(query)
        self._go(page)


def attach(viewer) -> SearchPanel:
    """Put a SearchPanel at the right of `viewer`'s pages; it fills after each search of stored text."""
    panel = SearchPanel(viewer, viewer)
    viewer.splitter.addWidget(panel)
    viewer.splitter.setStretchFactor(viewer.splitter.count() - 1, 0)
    viewer.search_finished.connect(lambda text, _n: panel.show_hits(getattr(viewer, "_stored", None), text))
    return panel
