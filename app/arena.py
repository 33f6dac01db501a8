"""A block of memory two processes share: a render worker writes a page's pixels into it, and the
window reads them from it, instead of pushing megabytes through a pipe.

A page at fit width is about 4 MB. Through the worker's pipe that cost 35-40 ms on a busy
2-core laptop (the worker writing in socket-buffer-sized pieces, the reader thread woken for
each); copied through shared memory it costs one memcpy on each side.

On Windows the block is a named mapping backed by the paging file (`mmap(-1, size, tagname)`):
it lasts while either process has it open. Elsewhere it is a file of our own in /dev/shm
(memory, not disk) or the temporary folder, opened by both and removed by the window as soon
as the worker has it open, so nothing is left behind even if both are killed.

The protocol (ui/render.py, app/document.serve): a worker has one job at a time, and gets the
next one only after the window has read the reply to the last, so a block is never written
while it is being read.
"""

from __future__ import annotations

import mmap
import os
import secrets
import sys
import tempfile
from pathlib import Path

__all__ = ["Arena"]


def _folder() -> str:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        return str(shm)
    return tempfile.gettempdir()


class Arena:
    """`size` bytes of memory shared by the process that made it and the one that attached it."""

    def __init__(self, name: str, size: int, memory: mmap.mmap, path: str | None) -> None:
        self.name = name  # what the other process attaches by: a tag (Windows) or a file's path
        self.size = size
        self._memory = memory
        self._path = path  # the file while it still has a name (made here, not yet let go)
        self.view = memoryview(memory)

    @classmethod
    def create(cls, size: int) -> "Arena | None":
        """A new block, or None where none can be made (the caller then uses its pipe)."""
        try:
            if sys.platform == "win32":
                name = f"panelreview-{os.getpid()}-{secrets.token_hex(8)}"
                return cls(name, size, mmap.mmap(-1, size, tagname=name), None)
            path = os.path.join(_folder(), f"panelreview-{os.getpid()}-{secrets.token_hex(8)}.pixels")
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.ftruncate(fd, size)
                memory = mmap.mmap(fd, size)
            except OSError:
                os.unlink(path)
                raise
            finally:
                os.close(fd)
            return cls(path, size, memory, path)
        except (OSError, ValueError):
            return None

    @classmethod
    def attach(cls, name: str, size: int) -> "Arena | None":
        """The block another process made under `name`, or None if it is gone."""
        try:
            if sys.platform == "win32":
                return cls(name, size, mmap.mmap(-1, size, tagname=name), None)
            fd = os.open(name, os.O_RDWR)
            try:
                if os.fstat(fd).st_size < size:
                    return None
                return cls(name, size, mmap.mmap(fd, size), None)
            finally:
                os.close(fd)
        except (OSError, ValueError):
            return None

    @staticmethod
    def sweep() -> int:
        """Remove blocks left by windows that were killed before their workers had them open; how many."""
        if sys.platform == "win32":
            return 0  # named mappings go with the last process that has them
        removed = 0
        for path in Path(_folder()).glob("panelreview-*-*.pixels"):
            try:
                pid = int(path.name.split("-")[1])
                os.kill(pid, 0)
            except ValueError:
                continue
            except ProcessLookupError:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    pass
            except OSError:
                continue  # alive (or not ours to ask about)
        return removed

    def let_go_of_name(self) -> None:
        """The other process has it open: remove the file's name (the memory stays while it is mapped)."""
        path, self._path = self._path, None
        if path is not None:
            try:
                os.unlink(path)
            except OSError:
                pass

    def write(self, data) -> bool:
        """Put `data` (bytes-like) at the start; False if it does not fit."""
        n = len(data) if not isinstance(data, memoryview) else data.nbytes
        if n > self.size:
            return False
        self.view[:n] = data
        return True

    def close(self) -> None:
        """Unmap (and remove the file if its name was never let go of). Views still held keep it mapped."""
        self.let_go_of_name()
        self.view.release()
        try:
            self._memory.close()
        except BufferError:
            pass  # a slice of it is still in use; unmapped when that goes
