"""The demo session: fictional applicants with scanned-looking materials.

Built from resources/demo/ (applicants.csv, experts.csv, demo.yaml): every
material the applicant's rubric asks for becomes a PDF named after it, made
to look scanned (JPEG pages, skew, specks, a red seal), except the ones
demo.yaml lists as missing.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import yaml

from app import paths, rubric as rubric_mod, session as session_mod, tables
from app.errors import SessionError
from app.scanpdf import make_scanned_pdf


def spec(source: Path | None = None) -> dict:
    folder = source or paths.demo_sources()
    return yaml.safe_load((folder / "demo.yaml").read_text(encoding="utf-8"))


def build(out_dir: Path, *, source: Path | None = None, page_limit: int | None = None,
          progress: Callable[[int, int, str], None] | None = None) -> session_mod.Session:
    """Write the demo session to `out_dir` (new or empty) and open it.

    `page_limit` caps every material's pages (tests use it to stay quick);
    `progress(done, total, what)` is told before each material is drawn and
    before the session is written (what: "applicant / material", or "").
    """
    folder = source or paths.demo_sources()
    plan = spec(folder)
    rubrics = rubric_mod.load_all()
    people = tables.read_applicants(folder / "applicants.csv", rubrics)
    plans = {a.id: (plan.get("materials") or {}).get(a.id) or {} for a in people}
    todo = [(a, name) for a in people
            for name in dict.fromkeys(m.name for m in rubrics[a.rubric_id].apply(a.profile).materials)
            if name not in (plans[a.id].get("missing") or [])]
    with tempfile.TemporaryDirectory(prefix="panelreview-demo-") as tmp:
        materials = Path(tmp) / "materials"
        for a in people:
            (materials / a.folder).mkdir(parents=True, exist_ok=True)
        for done, (a, name) in enumerate(todo):
            if progress:
                progress(done, len(todo) + 1, f"{a.name} / {name}")
            mine = plans[a.id]
            pages = int((mine.get("pages") or {}).get(name, plan.get("pages", 4)))
            if page_limit:
                pages = min(pages, page_limit)
            sideways = [p for p in (mine.get("sideways") or {}).get(name, []) if p <= pages]
            make_scanned_pdf(
                materials / a.folder / f"{name}.pdf", title=name, applicant=a.name, pages=pages,
                seed=int(hashlib.sha256(f"{a.id}/{name}".encode()).hexdigest()[:8], 16),
                sideways_pages=set(sideways), text_layer=name in (mine.get("text_layer") or []),
            )
        if progress:
            progress(len(todo), len(todo) + 1, "")
        return session_mod.create(
            Path(out_dir), title=plan["title"], applicants=folder / "applicants.csv",
            experts=folder / "experts.csv", materials=materials, date=str(plan.get("date") or "") or None,
            quotas=plan.get("quotas") or {}, method=plan.get("method", "mean"), settings=plan.get("settings"),
        )


# The demos by name: Longgang (Shenzhen rubrics with points, 000/004) and Chongqing (003: grades, tiers, reserves).
DEMOS = ("longgang", "chongqing")


def source(name: str = "longgang") -> Path:
    """The folder of demo tables `name` (one of DEMOS)."""
    if name not in DEMOS:
        raise SessionError("no demo called {name!r} (demos: {known})", name=name, known=", ".join(DEMOS))
    return paths.demo_sources() if name == "longgang" else paths.demo_sources() / name


def default_dir(name: str = "longgang") -> Path:
    return paths.data_dir() / ("demo-session" if name == "longgang" else f"demo-session-{name}")


def ensure(out_dir: Path | None = None, *, page_limit: int | None = None, name: str = "longgang",
           progress: Callable[[int, int, str], None] | None = None) -> session_mod.Session:
    """The demo session `name` at `out_dir` (default: the data folder), built on first use or if damaged."""
    out_dir = Path(out_dir or default_dir(name))
    if (out_dir / session_mod.MANIFEST).exists():
        try:
            sess = session_mod.open_session(out_dir)
            if sess.verify().ok:
                return sess
        except SessionError:
            pass
        shutil.rmtree(out_dir, ignore_errors=True)
    return build(out_dir, page_limit=page_limit, source=source(name), progress=progress)
