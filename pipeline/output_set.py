"""Replace the set of output files in a folder as one, crash-safely, one run at a time.

A run writes eight files (``claims.json`` ... ``claims.db``). Replacing them one by one
leaves a mix of two runs when the process dies between two renames, so the set is
replaced as one:

**Swap (the normal way).** The whole new set is built in a hidden sibling of the output
folder, ``.<name>.claims-new-XXXX`` (same parent, so same file system); every file in it
is flushed to disk. Files in the output folder that are not ours (a ``report.html``, a
``.gitkeep``) are hard-linked into it, so they live in both folders. Then
``renameat2(RENAME_EXCHANGE)`` (Linux; ``renamex_np(RENAME_SWAP)`` on macOS) swaps the
two folders in one atomic step: at every moment the output path names either the old
folder or the new one, never a mix, and never nothing. The old folder, now under the
hidden name, is deleted, after any file of the user's that appeared or was replaced in
it meanwhile is moved over. A run killed before the swap leaves the previous set; killed
after it, the new one; either way at most a hidden ``.<name>.claims-new-*`` folder
remains, which the next run deletes before it writes.

Why a folder swap rather than a manifest: readers that are not ours (pandas, DuckDB,
Datasette, a spreadsheet) open the files by name and know nothing of a manifest; with the
swap, what they find by name is always one whole set. Only plain files are carried over
by hard links: a subfolder would have to be linked file by file, at a cost that grows
with it, and a file written deep inside it during the swap would be lost, so a folder
with subfolders takes the journal.

**Journal (the fallback).** Where the swap cannot be done (no ``renameat2`` or a file
system without exchange, the parent folder not writable, the output folder is the
current directory or holds it, is a mount point or belongs to another user, holds a
subfolder, more than ``MAX_CARRIED`` other files, or a file that cannot be hard-linked),
the new set is built in ``<out>/.claims-staging/``, flushed,
and committed by atomically writing ``.claims-staging/COMMIT`` (the list of names); then
each file is renamed into place and the staging folder removed. Killed before the
commit, the previous set stands (the next run deletes the staging folder); killed after
it, the next run finishes the renames before anything else (roll-forward), and meanwhile
our readers (``output_path``, used by ``load_claims``, ``claims show`` and the report)
read each file from the committed staging folder, so they see the new set whole. Other
tools may see a mix until the next run in that window only.

**Spool.** A run streams its files as it extracts (``writers.OutputWriter``), before it
takes the lock, into a spool folder of its own: ``.<name>.claims-spool-XXXX`` beside the
output folder (same file system, so its files are hard-linked into the new set, not
copied), or ``<out>/.claims-spool-XXXX`` where the parent is not writable. The run holds
a ``flock`` on its spool while it lives; a spool whose lock is free belongs to a run that
died, and the next run deletes it (``recover``). A spool is never part of a set: it is
not carried into a swap and not read by anyone else.

**Lock.** The writer holds an exclusive ``flock`` on the output folder itself (no lock
file to leave behind; the kernel releases it when the process dies, even by SIGKILL).
A second run waits and says so, or with ``wait=False`` refuses with E302 naming the
process that holds the lock. Since the swap replaces the folder, a waiter that wakes up
on the old folder locks the new one instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

from .errors import ClaimsError, Code, problem

Builder = Callable[[Path], None]  # writes one file at the path it is given
JOURNAL = ".claims-staging"
COMMIT = "COMMIT"
SWAP_MARK = ".claims-new-"
SPOOL_MARK = ".claims-spool-"
MAX_CARRIED = 1000  # other files an output folder may hold for a swap; more, and the journal is used

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux renameat2 flag
_RENAME_SWAP = 2  # macOS renamex_np flag


def staging_prefix(folder: Path) -> str:
    """The name prefix of the sibling folders a swap builds ``folder``'s new set in."""
    return f".{folder.name}{SWAP_MARK}"


def spool_prefix(folder: Path) -> str:
    """The name prefix of the sibling folders runs stream ``folder``'s next set into."""
    return f".{folder.name}{SPOOL_MARK}"


def is_leftover(name: str, own: Collection[str]) -> bool:
    """Whether ``name`` in an output folder is ours but no output: the journal folder, a
    spool, the ``.claims.db.XXXX.tmp`` files of older versions, SQLite's side files."""
    if name == JOURNAL or name.startswith(SPOOL_MARK):
        return True
    if any(name in (f"{own_name}-journal", f"{own_name}-wal", f"{own_name}-shm") for own_name in own):
        return True
    return name.endswith(".tmp") and any(name.startswith(f".{own_name}.") for own_name in own)


# -- reading ---------------------------------------------------------------------------


def committed_names(folder: Path) -> set[str]:
    """Names of the files a committed but unfinished journal holds (empty when none)."""
    try:
        data = json.loads((Path(folder) / JOURNAL / COMMIT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {name for name in data if isinstance(name, str)} if isinstance(data, list) else set()


def output_path(folder: str | Path, name: str) -> Path:
    """Where to read the current ``name`` of an output folder: its committed new version
    when a journal run was cut short after its commit, else the file in the folder."""
    folder = Path(folder)
    staged = folder / JOURNAL / name
    if name in committed_names(folder) and staged.is_file():
        return staged
    return folder / name


def read_output(folder: str | Path, name: str) -> bytes:
    """The bytes of the current ``name``; a rename racing the read is retried."""
    for _ in range(5):
        try:
            return output_path(folder, name).read_bytes()
        except FileNotFoundError:
            continue  # the file moved into place between the look-up and the open
    return (Path(folder) / name).read_bytes()


# -- locking ---------------------------------------------------------------------------


def lock_holder(fd: int) -> str | None:
    """'process 1234 (claims extract ...)' holding the flock on ``fd``, read from
    /proc/locks (Linux); None where that cannot be told."""
    inode = os.fstat(fd).st_ino
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if len(fields) < 6 or fields[1] == "->" or fields[1] != "FLOCK":
            continue
        pid, where = fields[4], fields[5]
        if where.rsplit(":", 1)[-1] == str(inode):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                command = ""
            command = " ".join(command.split())[:120]  # one line: a command may hold line breaks
            return f"process {pid}" + (f" ({command})" if command else "")
    return None


@contextlib.contextmanager
def folder_lock(folder: Path, *, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (created if missing) for the block.

    Another holder makes this wait (calling ``on_wait`` with who holds it), or with
    ``wait=False`` raise E302. Without ``fcntl`` (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        folder.mkdir(parents=True, exist_ok=True)
        yield
        return
    while True:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = lock_holder(fd) or "another process"
                if not wait:
                    raise ClaimsError(problem(Code.E302, str(folder), holder=holder)) from None
                if on_wait:
                    on_wait(holder)
                fcntl.flock(fd, fcntl.LOCK_EX)
            if _same_file(fd, folder):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the folder we waited on was swapped away: lock the one there now
    try:
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the lock on a folder nobody else knows yet (it cannot be contended)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


# -- recovery --------------------------------------------------------------------------


def recover(folder: Path, own: Collection[str]) -> None:
    """Finish or undo what a killed run left (call with the lock held): roll a committed
    journal forward, delete an uncommitted one, stale swap folders and older debris."""
    journal = folder / JOURNAL
    if journal.is_dir() and not journal.is_symlink():
        _roll_forward(folder, committed_names(folder))
        shutil.rmtree(journal, ignore_errors=True)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name != JOURNAL and is_leftover(entry.name, own) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
    prefix = staging_prefix(folder)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder.parent):
            if entry.name.startswith(prefix) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
    remove_stale_spools(folder)


def remove_stale_spools(folder: Path) -> None:
    """Delete the spools of ``folder`` whose run died (their lock is free); a live run's stays."""
    places = ((folder.parent, spool_prefix(folder)), (folder, SPOOL_MARK))
    for parent, prefix in places:
        with contextlib.suppress(OSError):
            for entry in os.scandir(parent):
                if entry.name.startswith(prefix) and entry.is_dir(follow_symlinks=False):
                    _remove_if_unlocked(Path(entry.path))


def _remove_if_unlocked(spool: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock tells a live spool from a dead one
        return
    try:
        fd = os.open(spool, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return  # a live run's
    try:
        shutil.rmtree(spool, ignore_errors=True)
    finally:
        os.close(fd)


class Spool:
    """A run's private folder for the files it streams, locked while the run lives.

    ``Spool(folder)`` makes it beside ``folder`` (or inside it where the parent is not
    writable); ``link(name)`` is a ``Builder`` that puts the spooled file at the path it
    is given (a hard link, a copy across file systems); ``close()`` deletes the spool.
    Raises ``OSError`` when no spool can be made.
    """

    def __init__(self, folder: str | Path) -> None:
        real = Path(os.path.realpath(folder))
        self.folder = real
        self._fd: int | None = None
        real.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(5):
            try:
                path = Path(tempfile.mkdtemp(dir=real.parent, prefix=spool_prefix(real)))
            except OSError:
                real.mkdir(exist_ok=True)
                path = Path(tempfile.mkdtemp(dir=real, prefix=SPOOL_MARK))
            if self._lock(path):
                self.path = path
                return
        raise OSError(errno.EAGAIN, "no spool folder could be locked", str(real))

    def _lock(self, path: Path) -> bool:
        """Lock the new spool; False when another run's recovery took it first."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return True
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        if not _same_file(fd, path):  # deleted as stale between mkdtemp and flock
            os.close(fd)
            return False
        self._fd = fd
        return True

    def link(self, name: str) -> Builder:
        source = self.path / name

        def build(path: Path) -> None:
            try:
                os.link(source, path)
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
                    raise
                shutil.copyfile(source, path)  # another file system, or no hard links there

        return build

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _roll_forward(folder: Path, names: Collection[str]) -> None:
    """Move every committed file still in the journal into place."""
    for name in sorted(names):
        staged = folder / JOURNAL / name
        if staged.is_file():
            os.replace(staged, folder / name)
    if names:
        _fsync_folder(folder)


# -- writing ---------------------------------------------------------------------------


def replace_set(
    folder: str | Path,
    files: Mapping[str, bytes | Builder],
    *,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
    swap: bool = True,
) -> str:
    """Replace the files named in ``files`` in ``folder`` as one set; other files stay.

    Each value is the file's bytes or a function that writes it at a given path. Returns
    how it was done: ``"swap"`` or ``"journal"``. ``swap=False`` forces the journal.
    Raises E301 when the set cannot be written (the previous set is then untouched and
    nothing is left behind) and E302 when another run holds the folder and ``wait`` is off.
    """
    folder = Path(os.path.realpath(folder))  # swap the real folder, not a symlink to it
    own = set(files)
    try:
        with folder_lock(folder, wait=wait, on_wait=on_wait):
            recover(folder, own)
            if swap and _swap_possible(folder):
                staging = _build_swap_folder(folder, files, own)
                if staging is not None:
                    swapped = False
                    try:
                        with _locked(staging):  # so that the folder is locked once it is swapped in
                            swapped = _exchange(staging, folder)
                            if swapped:
                                _finish_swap(folder, staging, own)
                                return "swap"
                    except BaseException:
                        if not swapped:  # the new set never went in: it is only a leftover
                            shutil.rmtree(staging, ignore_errors=True)
                        raise
                    shutil.rmtree(staging, ignore_errors=True)
            _write_journal(folder, files)
            return "journal"
    except ClaimsError:
        raise
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ClaimsError(problem(Code.E301, str(folder), reason=reason)) from exc


class _CannotSwap(Exception):
    """A file in the output folder cannot be carried into the new folder by a hard link."""


def _swap_possible(folder: Path) -> bool:
    """Whether the folder may be swapped: supported here, not (above) the current directory,
    not a mount point, ours."""
    if _exchange_function() is None:
        return False
    try:
        if Path.cwd().resolve().is_relative_to(folder):
            return False
    except OSError:
        pass  # the current directory was deleted: it cannot be inside the folder
    here, parent = os.stat(folder), os.stat(folder.parent)
    if here.st_dev != parent.st_dev or folder == folder.parent:
        return False
    return not hasattr(os, "geteuid") or here.st_uid == os.geteuid()


def _build_swap_folder(folder: Path, files: Mapping[str, bytes | Builder], own: Collection[str]) -> Path | None:
    """The new folder beside ``folder``: the new set plus hard links to everything else;
    None when it cannot be made (the parent is not writable, a file cannot be linked)."""
    try:
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=staging_prefix(folder)))
    except OSError:
        return None
    try:
        _link_files(folder, staging, own)  # first: it may find that the journal must be used
        _write_files(staging, files)
        mode = os.stat(folder).st_mode & 0o7777
        os.chmod(staging, mode)
        _fsync_folder(staging)
    except _CannotSwap:
        shutil.rmtree(staging, ignore_errors=True)
        return None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _finish_swap(folder: Path, old: Path, own: Collection[str]) -> None:
    """After the swap: make it durable, carry over files that appeared in the old folder or
    were replaced there (an editor saving by rename) since they were linked, delete it."""
    _fsync_folder(folder.parent)
    with contextlib.suppress(OSError):
        for entry in os.scandir(old):
            if entry.name in own or is_leftover(entry.name, own):
                continue
            target = folder / entry.name
            try:
                carried = os.stat(target, follow_symlinks=False)
            except FileNotFoundError:
                carried = None
            current = entry.stat(follow_symlinks=False)
            if carried is None or (carried.st_dev, carried.st_ino) != (current.st_dev, current.st_ino):
                with contextlib.suppress(OSError):
                    os.replace(entry.path, target)
    shutil.rmtree(old, ignore_errors=True)


def _link_files(source: Path, target: Path, own: Collection[str]) -> None:
    """Hard-link every file of ``source`` but ours into ``target`` (symlinks copied).

    A subfolder, a special file, more than ``MAX_CARRIED`` files or a file that cannot be
    linked raise ``_CannotSwap``: the journal is then used, which leaves them where they are
    (a file written deep in a subfolder during the swap could not be carried over).
    """
    entries = [e for e in os.scandir(source) if e.name not in own and not is_leftover(e.name, own)]
    if len(entries) > MAX_CARRIED:
        raise _CannotSwap(f"{len(entries)} other files")
    for entry in entries:
        destination = target / entry.name
        try:
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), destination)
            elif entry.is_file():
                os.link(entry.path, destination, follow_symlinks=False)
            else:
                raise _CannotSwap(entry.path)  # a subfolder, socket, FIFO or device
        except FileNotFoundError:
            continue  # removed while we were linking: nothing to keep
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS):
                raise
            raise _CannotSwap(entry.path) from exc


def _write_journal(folder: Path, files: Mapping[str, bytes | Builder]) -> None:
    """The fallback: stage in ``folder/.claims-staging``, commit, rename into place."""
    journal = folder / JOURNAL
    journal.mkdir()
    try:
        _write_files(journal, files)
        _write_file(journal / f"{COMMIT}.tmp", json.dumps(sorted(files)).encode())
        os.replace(journal / f"{COMMIT}.tmp", journal / COMMIT)
        _fsync_folder(journal)
    except BaseException:
        shutil.rmtree(journal, ignore_errors=True)
        raise
    _roll_forward(folder, list(files))  # from here on the new set stands, even if we die
    shutil.rmtree(journal, ignore_errors=True)


def _write_files(target: Path, files: Mapping[str, bytes | Builder]) -> None:
    for name, content in files.items():
        path = target / name
        if isinstance(content, bytes):
            _write_file(path, content)
        else:
            content(path)
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse to sync folders
        pass
    finally:
        os.close(fd)


# -- the atomic swap -------------------------------------------------------------------


def _exchange_function() -> Callable[[bytes, bytes], int] | None:
    """A function swapping two paths atomically (0 on success), or None where there is none."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        renameat2 = libc.renameat2
        return lambda a, b: int(renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE))
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):  # pragma: no cover - macOS
        renamex_np = libc.renamex_np
        return lambda a, b: int(renamex_np(a, b, _RENAME_SWAP))
    return None  # pragma: no cover


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders at ``a`` and ``b`` in one step; False when the file system cannot."""
    function = _exchange_function()
    if function is None:
        return False
    if function(os.fsencode(a), os.fsencode(b)) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
        raise OSError(code, os.strerror(code), str(b))
    return False  # EINVAL, ENOSYS, EXDEV, EPERM...: the journal will do it
