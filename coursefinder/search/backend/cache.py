"""A least-recently-used cache bounded by entries and by bytes, safe to share between threads.

Every entry counts toward both bounds, also an empty answer (a word the catalogue does
not know), so no stream of requests can make a cache grow without end.
"""

import threading
from collections import OrderedDict

# What an entry costs beyond its own size: the key, the dictionary slot, the tuple.
ENTRY_OVERHEAD = 200


class BoundedCache:
    def __init__(self, max_entries, max_bytes=None):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries = OrderedDict()       # key -> (value, bytes)
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key, value, size=0):
        cost = size + ENTRY_OVERHEAD
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, cost)
            self._bytes += cost
            while len(self._entries) > 1 and (len(self._entries) > self.max_entries or
                                              (self.max_bytes is not None and self._bytes > self.max_bytes)):
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def __setitem__(self, key, value):
        self.put(key, value)

    def __len__(self):
        return len(self._entries)

    @property
    def bytes(self):
        return self._bytes
