"""A signature pad: the expert signs with mouse or pen; the PNG goes into their score file."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QTabletEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from app.errors import PanelReviewError
from app.scorefile import ScoreFile
from ui.dialogs import show_error
from ui.i18n import tr

INK = QColor("#10204a")


class SignaturePad(QWidget):
    """Strokes drawn with the mouse or a pen (pressure widens the line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[tuple[QPointF, float]]] = []
        self.background: QImage | None = None
        self.setMinimumSize(QSize(480, 180))
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("Sign here with the mouse or a pen"))

    def is_empty(self) -> bool:
        return not self.strokes and self.background is None

    def clear(self) -> None:
        self.strokes.clear()
        self.background = None
        self.update()

    def load_png(self, png: bytes | None) -> None:
        self.clear()
        if png:
            image = QImage()
            if image.loadFromData(png, "PNG"):
                self.background = image
        self.update()

    # -- input ------------------------------------------------------------

    def _start(self, pos: QPointF, pressure: float) -> None:
        self.strokes.append([(pos, pressure)])
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self.strokes:
            self.strokes[-1].append((pos, pressure))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if event.button() == Qt.MouseButton.LeftButton:
            self._start(event.position(), 0.6)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 0.6)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 (Qt)
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._start(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position(), event.pressure())
        event.accept()

    # -- drawing ------------------------------------------------------------

    def _paint(self, painter: QPainter, scale: float = 1.0) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.background is not None:
            painter.drawImage(self.rect(), self.background)
        for stroke in self.strokes:
            if len(stroke) == 1:
                p, pr = stroke[0]
                painter.setPen(QPen(INK, (1.5 + 3 * pr) * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawPoint(p * scale)
                continue
            for (a, pa), (b, pb) in zip(stroke, stroke[1:]):
                pen = QPen(INK, (1.5 + 3 * (pa + pb) / 2) * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                           Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine(a * scale, b * scale)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor("#c8ccd2"), 1, Qt.PenStyle.DashLine))
        base = int(self.height() * 0.75)
        painter.drawLine(16, base, self.width() - 16, base)
        self._paint(painter)
        painter.end()

    def to_png(self, scale: float = 2.0) -> bytes:
        """The signature at `scale`× on a transparent background, as PNG bytes."""
        image = QImage(self.size() * scale, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        if self.background is not None:
            painter.drawImage(image.rect(), self.background)
        bg, self.background = self.background, None
        self._paint(painter, scale)
        self.background = bg
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        return bytes(data.data())


class SignatureDialog(QDialog):
    """Draw, redraw or clear the signature printed on this expert's sheets."""

    def __init__(self, scores: ScoreFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = scores
        self.setWindowTitle(tr("My signature"))
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Sign in the box. The signature is printed on your opinion sheets; you still sign the "
                          "printed paper by hand."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.pad = SignaturePad()
        self.pad.load_png(scores.signature())
        lay.addWidget(self.pad, 1)
        row = QHBoxLayout()
        clear = QPushButton(tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        row.addWidget(clear)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.confirm_and_save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 320)

    def question(self) -> str:
        if self.pad.is_empty():
            return tr("Remove your signature? Your opinion sheets are then printed without it.")
        return tr("Save this signature? It is printed on every opinion sheet of yours from now on.")

    def confirm_and_save(self) -> None:
        """The Save button: asks first (a signature stands for the expert on paper)."""
        answer = QMessageBox.question(self, tr("My signature"), self.question(),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.save()

    def save(self) -> None:
        """Store what is drawn (nothing drawn: the signature is removed)."""
        try:
            self.scores.set_signature(None if self.pad.is_empty() else self.pad.to_png())
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return
        self.accept()
