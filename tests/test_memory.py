"""A server's heap, trimmed after a catalogue switch (what it saves is measured by the soak run)."""

import platform

import pytest

from coursefinder import memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the heap is glibc's only on glibc")
def test_on_glibc_the_heap_is_trimmed():
    # Without these a worker's memory rose by a few megabytes at every import (benchmarks/soak.py).
    assert memory._trim is not None
    memory.release_memory()


def test_without_glibc_it_only_collects(monkeypatch):
    monkeypatch.setattr(memory, "_trim", None)
    memory.release_memory()
