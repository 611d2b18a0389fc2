"""A server process's heap, given back after a catalogue switch (glibc's malloc_trim).

Elsewhere (musl, macOS, Windows) this only collects, and memory goes back as that C library does it.
(Limiting glibc's heaps to two, ``mallopt(M_ARENA_MAX, 2)``, was tried: a worker then used
about 12 MB less, but grew as much under the soak run; not done, to keep this simple.)
"""

import ctypes
import ctypes.util
import gc


def _libc_function(name):
    try:
        return getattr(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6"), name)
    except (OSError, AttributeError):    # not glibc: freed memory goes back as that C library does it
        return None


_trim = _libc_function("malloc_trim")


def release_memory():
    """After a switch to a new generation: collect what of the old one is garbage now and give the
    freed heap back to the system, so that a server's memory does not grow with each import."""
    gc.collect()
    if _trim is not None:
        _trim(0)
