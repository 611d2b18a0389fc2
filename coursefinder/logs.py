"""Logging: plain lines for a terminal, or one JSON object a line for log collectors.

Set COURSEFINDER_LOG_FORMAT=json for structured logs.  Nothing the site logs holds an
IP address or a search: requests are not logged at all, errors name only the path.
"""

import json
import logging
import os


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "level": record.levelname,
                 "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(fmt=None, level=logging.INFO):
    """One handler on the root logger, at ``level`` (commands for people log only warnings; servers more)."""
    fmt = fmt or os.environ.get("COURSEFINDER_LOG_FORMAT", "text")
    root = logging.getLogger()
    root.setLevel(level)
    if getattr(root, "_coursefinder", None) == fmt:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in [h for h in root.handlers if getattr(h, "_coursefinder", False)]:
        root.removeHandler(old)
    handler._coursefinder = True
    root.addHandler(handler)
    root._coursefinder = fmt
