"""A review day on the demo for the panel, notice, objection and report tests: score files that rank, a merge.

    day = build_day(demo_session, tmp)    # five submitted score files with distinct totals, merged to day.result
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app import merge
from app.scorefile import ScoreFile
from scoring import fill

# Points below the top per applicant, so the training bases rank T01 > T02 > T03 > T04 for every expert.
BELOW = {"T01": 0, "T02": 1, "T03": 2, "T04": 3, "M01": 0, "M02": 1, "R01": 0}


def lowest(item) -> Decimal:
    return min(b.low for b in item.allowed.bands)


def _points(applicant_id: str, outlier: bool):
    taken = [0]

    def points(item, k: int) -> Decimal:
        if outlier:
            return lowest(item)
        top = item.allowed.max
        # one point off each of the first `BELOW` items whose bands allow it (fill() asks in the rubric's order)
        if taken[0] < BELOW[applicant_id] and (top - 1) in item.allowed:
            taken[0] += 1
            return top - 1
        return top
    return points


@dataclass
class Day:
    session: object
    files: Path
    result_path: Path

    @property
    def result(self):
        from app.resultfile import load_result
        return load_result(self.result_path)


def score_files(session, folder: Path, *, cite: bool = True, outlier: str | None = "E05") -> list[Path]:
    """One submitted score file per expert; `outlier` gives every item its lowest points; E01 cites pages."""
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for e in session.experts:
        path = folder / f"{e.id}.prscore"
        with ScoreFile.create(path, session, e.id) as sf:
            for a in sf.applicants:
                fill(sf, a.id, points=_points(a.id, e.id == outlier), opinion=f"{e.name}：材料齐全。")
            if cite and e.id == "E01":
                m = next(m for m in session.materials("T01") if m.material)
                sf.cite("T01", "S1.1", material=m.material, file=m.name, page=1)
                sf.set_comment("T01", "S1.1", "组织架构图清楚")
            sf.submit()
        paths.append(path)
    return paths


def build_day(session, tmp: Path, **kw) -> Day:
    files = tmp / "files"
    score_files(session, files, **kw)
    result = tmp / "result.sqlite"
    merge.merge(session, [files], out=result)
    return Day(session, files, result)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squash(text: str) -> str:
    """Without blanks and page footers, so a sentence split over lines or pages reads as one."""
    return re.sub(r"第\d+页/共\d+页", "", re.sub(r"\s+", "", text))


def pngs(pdf: Path, out_dir: Path) -> list[Path]:
    """The PDF's pages as PNGs (pdftoppm, 60 dpi), to look at."""
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out_dir / pdf.stem)], check=True)
    return sorted(out_dir.glob(f"{pdf.stem}*.png"))
