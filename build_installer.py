"""Build PanelReview for the platform this runs on: one folder, then what users download.

    python build_installer.py              # dist/PanelReview/ and the archive / installer
    python build_installer.py --portable   # the same with portable.txt: data stays beside the program
    python build_installer.py --secretary  # dist/PanelReview-Secretary/: the same with text recognition
    python build_installer.py --icons      # re-render resources/icons/ from panelreview.svg

Linux: dist/PanelReview-VERSION-linux-x86_64.tar.gz (the folder, a .desktop file,
the icon and install-menu-entry.sh). Windows: dist/PanelReview-VERSION-windows-x64.zip
and dist/panelreview.iss (per-user Inno Setup script, no admin); with Inno Setup's
ISCC.exe on PATH or in its usual place, also the setup .exe. macOS: dist/PanelReview.app
and a .zip of it. Needs the `build` extra (PyInstaller). Reads nothing from the network.

The secretary's bundle (`--secretary`, needs the `ocr` extra too) is named PanelReview-Secretary
throughout (folder, archives, .app, menu entry; its own Inno Setup AppId), so both install side by side.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
ICON_SVG = ICONS / "panelreview.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type, pixel size) of the PNG entries Apple's icns format takes
ICNS_ENTRIES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256),
                ("ic08", 256), ("ic14", 512), ("ic09", 512))
GUI = "panelreview-gui"
CLI = "panelreview"


@dataclass(frozen=True)
class Kind:
    """One of the bundles packaging/panelreview.spec builds, and how it is named where users see it."""

    name: str                    # the folder, archives and .app (the spec's NAME)
    title: str                   # menus, the installer, the list of installed programs
    title_zh: str                # the Chinese menu entry
    entry: str                   # the Linux menu entry's file name and icon name; the .iss file's name
    app_id: str                  # Inno Setup's AppId: one per bundle, so both install side by side
    spec_args: tuple[str, ...]   # what the spec is given after `--`


EXPERT = Kind("PanelReview", "PanelReview", "专家评审系统 PanelReview", "panelreview",
              "6B0E3C52-5A1D-4E55-9C64-2F7D1A8E4B19", ())
SECRETARY = Kind("PanelReview-Secretary", "PanelReview Secretary", "专家评审系统 PanelReview（秘书版）",
                 "panelreview-secretary", "D4EA778A-1C4B-4868-9F84-B81AF66A608C", ("--secretary",))


def version() -> str:
    """The version in pyproject.toml, after checking app.__version__ says the same."""
    ours = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    code = re.search(r'^__version__\s*=\s*"([^"]+)"', (ROOT / "app" / "__init__.py").read_text(encoding="utf-8"),
                     re.M)
    if not code or code.group(1) != ours:
        raise SystemExit(f"pyproject.toml says version {ours} but app/__init__.py says "
                         f"{code.group(1) if code else 'nothing'}; make them agree")
    return ours


def platform_tag() -> str:
    machine = platform.machine().lower()
    machine = {"amd64": "x64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}.get(machine, machine)
    if sys.platform == "win32":
        return f"windows-{machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


# --------------------------------------------------------------------------- icons


def render_icons(out: Path = ICONS) -> list[Path]:
    """PNGs in every size, an .ico and an .icns, drawn from panelreview.svg with QtSvg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["build_installer"])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"{ICON_SVG} is not a valid SVG")

    def png(size: int) -> bytes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data)

    cache = {size: png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_ENTRIES)})}
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        path = out / f"panelreview-{size}.png"
        path.write_bytes(cache[size])
        written.append(path)
    (out / "panelreview.ico").write_bytes(ico([cache[s] for s in ICO_SIZES], ICO_SIZES))
    (out / "panelreview.icns").write_bytes(icns([(kind, cache[s]) for kind, s in ICNS_ENTRIES]))
    (out / ICON_STAMP.name).write_text(svg_digest() + "\n", encoding="ascii")
    return written + [out / "panelreview.ico", out / "panelreview.icns"]


def ico(pngs: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """A Windows .ico holding PNG images (Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for data, size in zip(pngs, sizes):
        # width/height 0 means 256; 32 bits per pixel
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size, PNG bytes) of each entry of an .ico written by ico()."""
    _, kind, count = struct.unpack_from("<HHH", data, 0)
    if kind != 1:
        raise ValueError("not an icon file")
    entries = []
    for k in range(count):
        w, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * k)
        entries.append((w or 256, data[offset:offset + length]))
    return entries


def icns(entries: list[tuple[str, bytes]]) -> bytes:
    """An Apple .icns of PNG entries: 'icns', total length, then (type, length, data) each."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data for kind, data in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


ICON_STAMP = ICONS / "panelreview.svg.sha256"


def svg_digest() -> str:
    return hashlib.sha256(ICON_SVG.read_bytes()).hexdigest()


def icons_ready() -> bool:
    """Every icon file exists and was rendered from the SVG as it is now (by content, not by date:
    a fresh clone gives files arbitrary times)."""
    needed = [ICONS / f"panelreview-{s}.png" for s in PNG_SIZES] + [ICONS / "panelreview.ico",
                                                                      ICONS / "panelreview.icns"]
    stamp = ICON_STAMP.read_text(encoding="ascii").strip() if ICON_STAMP.is_file() else ""
    return stamp == svg_digest() and all(p.is_file() for p in needed)


# --------------------------------------------------------------------------- build


def pyinstaller(dist: Path, work: Path, *, clean: bool, kind: Kind = EXPERT) -> Path:
    """Run the spec; returns the one-folder bundle (dist/PanelReview, dist/PanelReview-Secretary)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is not installed: pip install -e '.[build]'") from None
    # each kind its own work folder: one analysis cache would be thrown away by the other kind's build
    cmd = [sys.executable, "-m", "PyInstaller", str(PACKAGING / "panelreview.spec"), "--noconfirm",
           "--distpath", str(dist), "--workpath", str(work if kind is EXPERT else work / kind.entry),
           "--log-level", "WARN"]
    if clean:
        cmd.append("--clean")
    subprocess.run([*cmd, "--", *kind.spec_args], check=True, cwd=ROOT)
    return dist / kind.name


def finish_folder(bundle: Path, ver: str, *, portable: bool, kind: Kind = EXPERT) -> None:
    """What goes beside the executables: licence, icon, desktop entry, the portable marker."""
    shutil.copy2(ROOT / "LICENSE", bundle / "LICENSE.txt")
    marker = bundle / "portable.txt"
    if portable:
        marker.write_text(
            "PanelReview portable mode: settings and score files are kept in the data folder beside\n"
            "this file. Delete this file to keep them in the user's own data folder instead.\n"
            "便携模式：设置与评分文件保存在本文件旁的 data 文件夹中。删除本文件则改存到用户数据文件夹。\n",
            encoding="utf-8")
    elif marker.exists():
        marker.unlink()
    if sys.platform.startswith("linux"):
        names = {"@VERSION@": ver, "@ENTRY@": kind.entry, "@TITLE@": kind.title, "@TITLE_ZH@": kind.title_zh}
        shutil.copy2(ICONS / "panelreview-256.png", bundle / f"{kind.entry}.png")
        (bundle / f"{kind.entry}.desktop").write_text(filled(PACKAGING / "panelreview.desktop.in", names),
                                                      encoding="utf-8")
        script = bundle / "install-menu-entry.sh"
        script.write_text(filled(PACKAGING / "install-menu-entry.sh.in", names), encoding="utf-8")
        script.chmod(0o755)


def filled(template: Path, values: dict[str, str]) -> str:
    """The text of `template` with each @KEY@ replaced by its value."""
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def archive(bundle: Path, out_base: Path) -> Path:
    """The bundle as one download: .tar.gz on Linux (keeps the executable bits), .zip elsewhere."""
    top = out_base.name
    if sys.platform.startswith("linux"):
        out = out_base.with_name(top + ".tar.gz")
        with tarfile.open(out, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=top)
        return out
    if sys.platform == "darwin" and shutil.which("ditto"):
        out = out_base.with_name(top + ".zip")
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(out)], check=True)
        return out
    out = out_base.with_name(top + ".zip")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in sorted(bundle.rglob("*")):
            z.write(path, Path(top) / path.relative_to(bundle))
    return out


def inno_setup(bundle: Path, dist: Path, ver: str, *, kind: Kind = EXPERT) -> tuple[Path, Path | None]:
    """Write dist/panelreview.iss (panelreview-secretary.iss); compile it to a setup .exe when ISCC.exe is
    found (Windows)."""
    iscc = find_iscc()
    languages = ['Name: "en"; MessagesFile: "compiler:Default.isl"']
    # Chinese is an unofficial Inno Setup translation: used when the installed copy has it.
    if iscc is not None and (iscc.parent / "Languages" / "ChineseSimplified.isl").is_file():
        languages.insert(0, 'Name: "zh_CN"; MessagesFile: "compiler:Languages\\ChineseSimplified.isl"')
    text = filled(PACKAGING / "panelreview.iss.in", {
        "@VERSION@": ver, "@BUNDLE@": str(bundle.resolve()), "@OUTDIR@": str(dist.resolve()),
        "@ICON@": str(ICONS / "panelreview.ico"), "@LICENSE@": str(ROOT / "LICENSE"),
        "@LANGUAGES@": "\n".join(languages), "@OUTNAME@": f"{kind.name}-{ver}-{platform_tag()}-setup",
        "@APPNAME@": kind.title, "@APPID@": kind.app_id,
    })
    iss = dist / f"{kind.entry}.iss"
    # Inno Setup reads a BOM-marked UTF-8 script as Unicode
    iss.write_text(text, encoding="utf-8-sig", newline="\r\n")
    if iscc is None:
        return iss, None
    subprocess.run([str(iscc), "/Q", str(iss)], check=True)
    return iss, dist / f"{kind.name}-{ver}-{platform_tag()}-setup.exe"


def find_iscc() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    if sys.platform != "win32":
        return None
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.environ.get("LOCALAPPDATA") and str(Path(os.environ["LOCALAPPDATA"]) / "Programs")):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.is_file():
                return candidate
    return None


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB"


def build(*, dist: Path, work: Path, portable: bool = False, clean: bool = False, make_archive: bool = True,
          kind: Kind = EXPERT) -> dict:
    """Build everything for this platform (the expert's bundle, or the secretary's); returns what was made
    and the figures."""
    ver = version()
    if not icons_ready():
        print("rendering icons from panelreview.svg")
        render_icons()
    dist.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    bundle = pyinstaller(dist, work, clean=clean, kind=kind)
    built = time.monotonic() - t0
    if sys.platform == "darwin":
        app = dist / f"{kind.name}.app"
        bundle = app if app.is_dir() else bundle
    # the folder holding the executables, where paths.portable() looks for portable.txt
    finish_folder(bundle / "Contents" / "MacOS" if bundle.suffix == ".app" else bundle, ver, portable=portable,
                  kind=kind)
    result = {"version": ver, "bundle": bundle, "build_seconds": built, "size": folder_size(bundle)}
    print(f"built {bundle} in {built:.0f} s: {mb(result['size'])} unpacked")
    if make_archive:
        t1 = time.monotonic()
        base = dist / f"{kind.name}-{ver}-{platform_tag()}{'-portable' if portable else ''}"
        out = archive(bundle, base)
        result.update(archive=out, archive_size=out.stat().st_size, archive_seconds=time.monotonic() - t1)
        print(f"wrote {out}: {mb(result['archive_size'])} in {result['archive_seconds']:.0f} s")
    if sys.platform == "win32" and not portable:
        iss, setup = inno_setup(bundle, dist, ver, kind=kind)
        result.update(iss=iss, setup=setup)
        print(f"wrote {iss}" + (f" and {setup}" if setup else " (Inno Setup's ISCC.exe not found: no setup.exe)"))
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--portable", action="store_true", help="put portable.txt in the bundle (USB stick use)")
    p.add_argument("--secretary", action="store_true",
                   help="the secretary's bundle, with text recognition (needs the ocr extra: pip install -e '.[ocr]')")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle and archives go")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    p.add_argument("--no-archive", action="store_true", help="only the folder, no archive")
    p.add_argument("--icons", action="store_true", help="only re-render the icons from the SVG")
    args = p.parse_args(argv)
    if args.icons:
        for path in render_icons():
            print(path.relative_to(ROOT))
        return 0
    build(dist=args.dist, work=args.work, portable=args.portable, clean=args.clean,
          make_archive=not args.no_archive, kind=SECRETARY if args.secretary else EXPERT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
