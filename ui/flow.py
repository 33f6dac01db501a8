"""A row of widgets that wraps onto further rows when the room runs out: the viewer's toolbar and the
rubric pane's links and pins at 125-150 %, the secretary's rows of buttons on a narrow window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QWidget


class FlowLayout(QLayout):
    """Widgets left to right at their size hints, wrapping like words; each row's widgets centred on the row.

    `margins` None keeps the style's margins (a widget's own layout); nested rows have none."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 4, row_spacing: int | None = None,
                 margins: int | None = 0) -> None:
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)
        self._row_spacing = spacing if row_spacing is None else row_spacing
        if margins is not None:
            self.setContentsMargins(margins, margins, margins, margins)

    def addItem(self, item) -> None:  # noqa: N802 (Qt)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 (Qt)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 (Qt)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in `rect` (when `move`); the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        gap = self.spacing()
        rows: list[list[tuple]] = [[]]
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x = area.x()
                y += line + self._row_spacing
                line = 0
                rows.append([])
            rows[-1].append((item, x, y, hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        if move:
            for row in rows:
                tallest = max((h.height() for _, _, _, h in row), default=0)
                for item, ix, iy, hint in row:
                    item.setGeometry(QRect(QPoint(ix, iy + (tallest - hint.height()) // 2), hint))
        return y + line - rect.y() + m.bottom()
