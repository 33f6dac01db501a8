"""The installer: build the frozen bundle, run it here, then run it on a bare Debian.

The slow tests build with `build_installer.py` into a temporary folder, run the
frozen `panelreview --version` and `panelreview-gui --self-check` (offscreen),
then unpack the release archive into a `debootstrap --variant=minbase` root of
this machine's own Debian suite holding only SYSTEM_LIBS, and run the
self-check there under chroot with no network at all. The debootstrap root is
kept in /var/cache/panelreview-debootstrap/ (keyed by suite, mirror and
package list) so a second run skips it. Figures are printed as they come.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
import build_installer  # noqa: E402

# What a user installs on a bare Debian/Ubuntu (the README says the same);
# everything else Qt needs is inside the bundle.
SYSTEM_LIBS = ("libgl1", "libegl1", "libfontconfig1")
MAX_UNPACKED = 250e6
MAX_ARCHIVE = 110e6
CACHE = Path(os.environ.get("PANELREVIEW_DEBOOTSTRAP_CACHE", "/var/cache/panelreview-debootstrap"))


def report(capsys, text: str) -> None:
    """Print past pytest's capture: the figures belong in the CI log."""
    with capsys.disabled():
        sys.stdout.write(f"\n[installer] {text}")
        sys.stdout.flush()


# --------------------------------------------------------------------------- quick


def test_pyproject_version_is_app_version():
    from app import __version__

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["version"] == __version__ == build_installer.version()
    assert "pyinstaller" in " ".join(data["project"]["optional-dependencies"]["build"]).lower()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_are_rendered_from_the_svg_in_every_size():
    icons = ROOT / "resources" / "icons"
    assert (icons / "panelreview.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in build_installer.PNG_SIZES:
        assert png_size((icons / f"panelreview-{size}.png").read_bytes()) == (size, size)
    entries = build_installer.read_ico((icons / "panelreview.ico").read_bytes())
    assert [s for s, _ in entries] == list(build_installer.ICO_SIZES)
    assert all(png_size(data) == (s, s) for s, data in entries)
    icns = (icons / "panelreview.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert build_installer.icons_ready(), "icons were not rendered from the current panelreview.svg: python build_installer.py --icons"


def test_ico_round_trip(tmp_path):
    pngs = [b"\x89PNG\r\n\x1a\n" + bytes(20), b"\x89PNG\r\n\x1a\n" + bytes(30)]
    data = build_installer.ico(pngs, (16, 256))
    assert build_installer.read_ico(data) == [(16, pngs[0]), (256, pngs[1])]


def test_inno_setup_script_installs_per_user_without_admin(tmp_path):
    bundle = tmp_path / "PanelReview"
    bundle.mkdir()
    iss, setup = build_installer.inno_setup(bundle, tmp_path, "9.8.7")
    text = iss.read_text(encoding="utf-8-sig")
    assert "PrivilegesRequired=lowest" in text
    assert '#define AppVersion "9.8.7"' in text
    assert "panelreview-gui.exe" in text and 'Excludes: "portable.txt"' in text
    assert not re.search(r"@[A-Z]+@", text), "a placeholder was left in the script"
    if sys.platform != "win32":
        assert setup is None


def test_portable_marker_goes_beside_the_executables(tmp_path):
    bundle = tmp_path / "PanelReview"
    bundle.mkdir()
    build_installer.finish_folder(bundle, "0.0.0", portable=True)
    assert (bundle / "portable.txt").is_file()
    build_installer.finish_folder(bundle, "0.0.0", portable=False)
    assert not (bundle / "portable.txt").exists()
    if sys.platform.startswith("linux"):
        desktop = (bundle / "panelreview.desktop").read_text(encoding="utf-8")
        assert "Exec=panelreview-gui %f" in desktop and "Icon=panelreview" in desktop
        assert os.access(bundle / "install-menu-entry.sh", os.X_OK)


def test_user_docs_list_the_same_system_libraries():
    docs = [p for p in (ROOT / "docs" / "install.md", ROOT / "README.md") if p.is_file()]
    line = "apt install " + " ".join(SYSTEM_LIBS)
    assert any(line in p.read_text(encoding="utf-8") for p in docs), f"no document says: {line}"


# --------------------------------------------------------------------------- slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The bundle and archive, built once for this module."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-bundle tests run on Linux (the build script itself works everywhere)")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    base = tmp_path_factory.mktemp("installer")
    result = build_installer.build(dist=base / "dist", work=base / "work")
    result["base"] = base
    return result


def run_self_check(cmd: list[str], *, env: dict | None = None, timeout: float = 240) -> tuple[int, list, float]:
    """Run a self-check; (exit code, [(seconds since launch, line)], seconds until the first window line)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            text=True, env=env, bufsize=1)
    lines, first_window = [], None
    try:
        for line in proc.stdout:
            at = time.monotonic() - started
            lines.append((at, line.rstrip()))
            if first_window is None and "first window" in line:
                first_window = at
            if at > timeout:
                proc.kill()
                break
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    return code, lines, first_window


def show(lines: list) -> str:
    return "\n".join(f"  {at:6.2f} s  {text}" for at, text in lines)


@pytest.mark.slow
def test_frozen_bundle_runs_here(built, capsys):
    bundle: Path = built["bundle"]
    report(capsys, f"PyInstaller build: {built['build_seconds']:.0f} s; bundle {built['size'] / 1e6:.0f} MB unpacked, "
                   f"{built['archive'].name} {built['archive_size'] / 1e6:.0f} MB "
                   f"(written in {built['archive_seconds']:.0f} s)")
    assert built["size"] <= MAX_UNPACKED, f"bundle is {built['size'] / 1e6:.0f} MB unpacked"
    assert built["archive_size"] <= MAX_ARCHIVE, f"archive is {built['archive_size'] / 1e6:.0f} MB"

    assert (bundle / "_internal" / "VERSION").read_text().strip() == built["version"]
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts" / "DroidSansFallbackFull.ttf").is_file()
    assert list((internal / "resources" / "i18n").glob("*.qm"))
    assert (internal / "resources" / "demo" / "demo.yaml").is_file()
    assert len(list((internal / "rubrics").glob("*.yaml"))) >= 7
    qt = internal / "PySide6" / "Qt"
    shipped = {p.name for p in (qt / "lib").iterdir()} | {p.name for p in internal.iterdir()}
    for unused in ("Network", "Qml", "Quick", "OpenGL", "Sql", "Test", "Pdf"):
        assert not any(n.startswith(f"libQt6{unused}.") for n in shipped), f"Qt{unused} was bundled"
    assert not any("gtk" in n for n in shipped)
    dynload = {p.name.split(".")[0] for p in (internal / "python3.11" / "lib-dynload").iterdir()}
    assert "_ssl" not in dynload, "TLS was bundled; the program never goes on the network"

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PANELREVIEW_LANG": "en"}
    for exe in ("panelreview", "panelreview-gui"):
        out = subprocess.run([str(bundle / exe), "--version"], capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 0 and out.stdout.strip() == f"PanelReview {built['version']}", out
    listed = subprocess.run([str(bundle / "panelreview"), "rubric", "list"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert listed.returncode == 0 and "sz-training-base" in listed.stdout, listed.stderr

    code, lines, first = run_self_check([str(bundle / "panelreview-gui"), "--self-check"], env=env)
    report(capsys, "self-check of the frozen bundle on this machine:\n" + show(lines))
    assert code == 0, show(lines)
    report(capsys, f"start-up to the first window: {first:.2f} s from launch (offscreen)")
    assert any("worker process" in t and t.startswith("ok") for _, t in lines)


@pytest.mark.slow
def test_frozen_bundle_shows_a_real_window_on_x11(built, capsys):
    """The xcb platform plugin and the X libraries in the bundle, under Xvfb; start-up as on a desktop."""
    if not shutil.which("xvfb-run"):
        pytest.skip("xvfb-run is not installed (./dev test installs xvfb)")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    code, lines, first = run_self_check(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24",
                                         str(built["bundle"] / "panelreview-gui"), "--self-check"], env=env)
    assert code == 0, show(lines)
    assert any("Qt platform xcb" in t for _, t in lines), show(lines)
    shown = next(t for _, t in lines if "first window" in t)
    report(capsys, f"start-up on X11 (Xvfb): {shown.split(': ', 1)[1]}; {first:.2f} s from launching xvfb-run")


def mirror_and_suite() -> tuple[str, str]:
    """This machine's release codename and the Debian/Ubuntu mirror its apt uses."""
    release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
    suite = release.get("VERSION_CODENAME", "").strip('"')
    distro = release.get("ID", "debian").strip('"')
    fallback = "http://archive.ubuntu.com/ubuntu" if distro == "ubuntu" else "http://deb.debian.org/debian"
    sources = Path("/etc/apt")
    texts = [p.read_text(errors="replace") for p in [sources / "sources.list", *sorted(
        (sources / "sources.list.d").glob("*"))] if p.is_file()]
    for text in texts:
        for stanza in re.split(r"\n\s*\n", text):  # deb822 .sources
            fields = dict(re.findall(r"^(\w[\w-]*):\s*(.+)$", stanza, re.M))
            if "deb" in fields.get("Types", "").split() and suite in fields.get("Suites", "").split() \
                    and "main" in fields.get("Components", "").split():
                return fields["URIs"].split()[0], suite
        for m in re.finditer(r"^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s+(.*)$", text, re.M):  # one-line .list
            if m.group(2) == suite and "main" in m.group(3).split():
                return m.group(1), suite
    return fallback, suite


def bare_root(capsys) -> Path:
    """A minbase debootstrap root with SYSTEM_LIBS, from the cache or made now."""
    mirror, suite = mirror_and_suite()
    key = hashlib.sha256(f"{suite} {mirror} {' '.join(SYSTEM_LIBS)}".encode()).hexdigest()[:12]
    root = CACHE / f"{suite}-minbase-{key}"
    if (root / ".ready").is_file():
        report(capsys, f"bare system: cached {root}")
        return root
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = root.with_name(root.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    t = time.monotonic()
    boot = subprocess.run(["debootstrap", "--variant=minbase", suite, str(partial), mirror],
                          capture_output=True, text=True, timeout=900)
    assert boot.returncode == 0, f"debootstrap failed:\n{boot.stdout[-3000:]}\n{boot.stderr[-3000:]}"
    report(capsys, f"debootstrap --variant=minbase {suite} from {mirror}: {time.monotonic() - t:.0f} s")
    t = time.monotonic()
    shutil.copy2("/etc/resolv.conf", partial / "etc" / "resolv.conf")
    apt = subprocess.run(
        ["chroot", str(partial), "sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
         "apt-get install -y -qq --no-install-recommends " + " ".join(SYSTEM_LIBS) + " && apt-get clean"],
        capture_output=True, text=True, timeout=900, env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C"})
    assert apt.returncode == 0, f"apt-get in the bare system failed:\n{apt.stdout[-3000:]}\n{apt.stderr[-3000:]}"
    report(capsys, f"apt-get install {' '.join(SYSTEM_LIBS)} in it: {time.monotonic() - t:.0f} s")
    (partial / ".ready").write_text(" ".join(SYSTEM_LIBS) + "\n")
    shutil.rmtree(root, ignore_errors=True)
    partial.rename(root)
    return root


def isolated() -> bool:
    """Whether unshare can give the chroot a private mount table and no network."""
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--mount", "--net", "--fork", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
def test_frozen_bundle_runs_on_a_bare_debian(built, capsys):
    if os.geteuid() != 0:
        pytest.skip("debootstrap and chroot need root")
    if not (shutil.which("debootstrap") and shutil.which("chroot")):
        pytest.skip("debootstrap is not installed (./dev test installs it)")
    t0 = time.monotonic()
    root = bare_root(capsys)
    # what a user downloads, unpacked into the bare system
    place = root / "opt" / f"panelreview-test-{os.getpid()}"
    shutil.rmtree(place, ignore_errors=True)
    place.mkdir(parents=True)
    try:
        t = time.monotonic()
        with tarfile.open(built["archive"]) as tar:
            tar.extractall(place, filter="tar")
        (top,) = list(place.iterdir())
        report(capsys, f"unpacked {built['archive'].name} into the bare system: {time.monotonic() - t:.0f} s")
        inside = "/" + str(top.relative_to(root))
        env = ["env", "-i", "PATH=/usr/bin:/bin", "HOME=/root", "LANG=C.UTF-8", "QT_QPA_PLATFORM=offscreen"]
        if isolated():
            # private /proc and /tmp for the chroot; no network interface but loopback
            script = (f'mount -t proc proc "{root}/proc" && mount -t tmpfs tmpfs "{root}/tmp" && '
                      f'exec chroot "{root}" "$@"')
            prefix = ["unshare", "--mount", "--net", "--fork", "sh", "-c", script, "sh"]
            how = "chroot, unshare --net (no network)"
        else:
            prefix = ["chroot", str(root)]
            how = "chroot (network not isolated: unshare unavailable)"
        version = subprocess.run([*prefix, *env, f"{inside}/panelreview", "--version"], capture_output=True,
                                 text=True, timeout=60)
        assert version.returncode == 0 and built["version"] in version.stdout, version
        code, lines, first = run_self_check([*prefix, *env, f"{inside}/panelreview-gui", "--self-check"])
        report(capsys, f"self-check on bare {root.name} ({how}), system libraries {' '.join(SYSTEM_LIBS)}:\n"
               + show(lines))
        assert code == 0, show(lines)
        report(capsys, f"start-up to the first window on the bare system: {first:.2f} s; "
                       f"whole chroot test {time.monotonic() - t0:.0f} s")
        assert not any("Fontconfig error" in text for _, text in lines), "fontconfig has no configuration"
    finally:
        shutil.rmtree(place, ignore_errors=True)
