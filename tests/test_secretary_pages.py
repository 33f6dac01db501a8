"""Each of the secretary's pages stands alone: made with the session or result it shows, no window around it."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("PySide6")

from scoring import submitted_file  # noqa: E402


@pytest.fixture
def app(qapp, tmp_path, monkeypatch):
    from ui import settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    return make_app("en")


@pytest.fixture
def merged(demo_session, tmp_path):
    """A copy of the demo session and the result of merging three experts' files."""
    from app.merge import merge
    from app.session import open_session

    shutil.copytree(demo_session.path, tmp_path / "session")
    session = open_session(tmp_path / "session")
    files = [submitted_file(session, tmp_path / "scores" / f"{e}.prscore", e) for e in ("E01", "E02", "E03")]
    return session, files, merge(session, files, out=tmp_path / "result.sqlite")


def alone(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.window() is page  # nothing around it
    return page


def test_each_page_is_made_with_what_it_shows(qtbot, app, merged):
    from ui.secretary.files import MergePage
    from ui.secretary.inspection import InspectionPage
    from ui.secretary.prepare import PreparePage
    from ui.secretary.ranking import RankingPage

    session, files, result = merged
    prepare = alone(qtbot, PreparePage(session))
    assert prepare.copy_button.isEnabled()
    assert not alone(qtbot, PreparePage()).copy_button.isEnabled()

    page = alone(qtbot, MergePage(session))
    assert page.add_paths(files) == 3 and page.merge_button.isEnabled()
    assert not alone(qtbot, MergePage()).merge_button.isEnabled()

    ranking = alone(qtbot, RankingPage(result))
    assert ranking.categories.count() >= 1 and ranking.table.rowCount() >= 1

    inspection = alone(qtbot, InspectionPage(result))
    assert inspection.tree.topLevelItemCount() == ranking.categories.count()


def test_pages_tell_by_signals(qtbot, app, merged):
    """Merging and recording an inspection are told by a signal, which the window would listen to."""
    from ui.secretary.files import MergePage
    from ui.secretary.inspection import InspectionPage

    session, files, result = merged
    page = alone(qtbot, MergePage(session))
    page.add_paths(files)
    with qtbot.waitSignal(page.merged, timeout=60000) as merged_signal:
        page.merge()
    assert merged_signal.args[0].path is not None

    inspection = alone(qtbot, InspectionPage(result))
    ranked = next(a for a in result.applicants if a.rank is not None)
    with qtbot.waitSignal(inspection.recorded, timeout=10000) as recorded:
        inspection.record(ranked.id, passed=True, note="现场属实")
    assert recorded.args[0].applicant(ranked.id).inspection is not None
