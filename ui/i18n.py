"""The window's words go through Qt's translation system (QTranslator + .qm).

Every visible string is written `tr("English")`; the Chinese comes from
resources/i18n/panelreview_zh_CN.qm, compiled from the same .ts catalog the
core reads (app/i18n.py), so the CLI and the window never disagree.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app import i18n

_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(i18n.CONTEXT, text)


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Load the translators for `lang` (default: the core's language); return it."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = i18n.normalise(lang or i18n.language())
    i18n.set_language(lang)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return lang
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    ours = QTranslator(app)
    if ours.load(str(i18n.compiled_path(lang))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for prefix in ("qtbase_", "qt_"):  # Qt's own dialog buttons (OK/Cancel, file dialogs)
        base = QTranslator(app)
        if base.load(f"{prefix}{lang}", qt_dir):
            app.installTranslator(base)
            _installed.append(base)
            break
    return lang


def language_menu(menu: QMenu, current: str, choose: Callable[[str], None]) -> QMenu:
    """Settings → Language in `menu`, each language in its own words; `choose(code)` when one is picked."""
    sub = menu.addMenu(tr("Language"))
    for code, label in (("zh_CN", "中文"), ("en", "English")):
        action = QAction(label, sub)
        action.setCheckable(True)
        action.setChecked(current == code)
        action.triggered.connect(lambda _=False, c=code: choose(c))
        sub.addAction(action)
    return sub
