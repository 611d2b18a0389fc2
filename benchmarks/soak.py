"""A soak run of `coursefinder serve`: a minute of mixed and hostile load, two re-imports, memory watched.

    .venv/bin/python benchmarks/soak.py [--seconds 60] [--clients 16] [--junk 20000] [--count 5000]
                                        [--workers N] [--threads T] [--output FILE]

Makes a synthetic catalogue (`coursefinder sample`), imports it into
benchmarks/work/soak-index, starts `coursefinder serve` on a free loopback port with
its default settings (or the given --workers/--threads) and waits for /healthz.  Then
--clients clients (threads in two processes, one kept-alive http.client connection
each) warm the server up for --warmup seconds, the memory of the server's process tree
(PSS and RSS of the serve process and all its children, from /proc/PID/smaps_rollup)
is taken as the baseline, and the clients go on for --seconds, mixing real searches
(the unique queries of compare_fts5.py, through the API, the /nb/ page and
/api/v1/suggest) with --junk DISTINCT junk queries spread over the run: random unicode
words, emoji, very long words up to (and just over) the 200-character limit, random
parameter names and values, wrong values, repeated and comma-separated values, page
numbers, unknown municipality numbers, percent-encoded control characters and broken
UTF-8, personal information, old-format links, and search-as-you-type calls.  At 1/3
and 2/3 of the run a changed catalogue (another seed) is imported with
`coursefinder import`, and the new generation is looked for on /healthz and in the
X-Catalogue-Generation header of every answer.  When a re-import has not been served by
the end of --seconds (an import is slow on two busy cores), the load goes on until 5 s
after /healthz shows it, for at most --grace seconds more; the report says so.  Junk is
sent when it is due, but at most --junk-share of each client's requests, so a server
that answers fewer requests than the plan needs still gets real searches; the report
gives how many junk queries were sent.

Errors are 5xx answers, connection failures and timeouts; 4xx answers (400 for
invalid input, by design) are counted on their own, 3xx (old links) too.  Prints a
Markdown report (for benchmarks/results/) and exits 1 when there was any error, when
PSS or RSS at the end is more than --max-growth per cent above the baseline, or when a
re-import was not served.  The load generator runs on the same cores as the server.
Run by hand; never part of the test suite.  Only 127.0.0.1 is used; the run is bounded
in time and stops the server it started.
"""

import argparse
import gzip
import http.client
import math
import multiprocessing
import os
import platform
import random
import re
import resource
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import quote, unquote

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from compare_fts5 import COUNTIES, SECTORS, WORDS, unique_queries  # noqa: E402

WORK = os.path.join(HERE, "work")
INDEX = os.path.join(WORK, "soak-index")
BIN = os.path.dirname(sys.executable)
COURSEFINDER = os.path.join(BIN, "coursefinder")
HOST = "127.0.0.1"
CLIENT_PROCESSES = 2
SETTLE = 5.0             # seconds of load after /healthz shows the last re-import
MAX_QUERY = 200          # the site's limit on the search text (web/params.py), in characters

# ---------------------------------------------------------------------------------------------
# Junk: distinct queries that a crawler, a fuzzer or a confused browser may send.
# ---------------------------------------------------------------------------------------------

SCRIPTS = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x530, 0x58F),
           (0x5D0, 0x5EA), (0x620, 0x64A), (0x905, 0x939), (0xE01, 0xE30), (0x10D0, 0x10F0), (0x16A0, 0x16F0),
           (0x3041, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x1D400, 0x1D6A3), (0xE000, 0xE0FF)]
NORDIC = "æøåÆØÅáčđŋšŧžÁČĐŊŠŦŽéü"
EMOJI = ["😀", "😂", "🥲", "😍", "🤔", "🙈", "👍", "👍🏽", "👋🏿", "🎓", "📚", "🚜", "🚚", "🚌", "🔧", "🧑‍🔧",
         "👩‍🍳", "👨‍🏫", "🧑🏾‍💻", "👩‍❤️‍👨", "🏳️‍🌈", "🇳🇴", "🇸🇪", "🇺🇦", "❤️", "🔥", "💯", "✨", "🍕",
         "🐟", "⚓", "🛠️", "1️⃣", "#️⃣", "🫠", "🪪", "🧾", "©️", "™️", "🀄", "🦀", "🧶"]
CONTROL = ([chr(c) for c in range(32)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)] +
           ["\u2028", "\u2029", "\ufeff", "\u200b", "\u200d", "\u202e", "\u2066", "\ufffd", "\ufffe", "\uffff",
            "\U000e0001", "\U0010ffff"])
# Written into the query string as they are: broken UTF-8 and broken percent escapes.
RAW_BAD = ["%FF", "%FE%FF", "%C3%28", "%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80", "%C0%AF", "%E2%82",
           "%F0%9F%98", "%", "%G1", "%%", "%0", "%u0041", "%2", "%25%30%30", "%C0%80", "%E0%80%AF"]
KNOWN = ["q", "county", "municipality", "course_type", "sector", "delivery", "age", "norwegian", "level",
         "start_from", "start_to", "include_ended", "sort", "page", "per_page", "lang", "compare", "v"]
ODD_NAMES = ["__proto__", "constructor", "utm_source", "utm_campaign", "fbclid", "gclid", "callback", "_",
             "format", "debug", "admin", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --",
             "q[]", "county[]", "county[0]", "q ", " q", "Q", "COUNTY", "Page", "Lang", "q.q", "a=b", "&", "="]
OLD_NAMES = ["sok", "søk", "fylke", "kommune", "alder", "norsk", "kurstype", "bransje", "side", "antall"]
MUNICIPALITIES = ["0301", "1103", "1508", "1804", "3201", "3301", "4601", "5001", "5501", "5601"]


def enc(text):
    return quote(text, safe="")


def qs(pairs):
    return "&".join(f"{enc(name)}={enc(value)}" for name, value in pairs)


def uword(rng, length):
    low, high = rng.choice(SCRIPTS)
    chars = []
    while len(chars) < length:
        if rng.random() < 0.15:
            low, high = rng.choice(SCRIPTS)
        chars.append(chr(rng.randint(low, high)))
        if rng.random() < 0.05 and len(chars) < length:
            chars.append(chr(rng.randint(0x300, 0x36F)))  # a combining mark
    return "".join(chars)


def emoji_text(rng, count):
    return "".join(rng.choice(EMOJI) + (" " if rng.random() < 0.2 else "") for _ in range(count)).strip()


def real_words(rng, count=None):
    return " ".join(rng.sample(WORDS, count or rng.choice([1, 1, 2])))


def long_word(rng):
    """One word of 150-200 characters (allowed), sometimes 201-230 (over the limit: 400)."""
    roll = rng.random()
    length = MAX_QUERY if roll < 0.3 else rng.randint(150, MAX_QUERY - 1) if roll < 0.75 else rng.randint(201, 230)
    style = rng.random()
    if style < 0.4:
        text = ""
        while len(text) < length:
            text += rng.choice(WORDS) + (rng.choice(NORDIC) if rng.random() < 0.2 else "")
    elif style < 0.75:
        text = uword(rng, length)
    elif style < 0.9:
        text = "".join(rng.choice(EMOJI) for _ in range(length))
    else:
        text = rng.choice("aøx") * length
    return text[:length]


def page_or_api(rng, query):
    roll = rng.random()
    if roll < 0.8:
        return "api", "/api/v1/courses?" + query
    if roll < 0.97:
        return "html", "/nb/?" + query
    return "html", "/en/?" + query


def random_name(rng):
    roll = rng.random()
    if roll < 0.3:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(rng.randint(1, 20)))
    if roll < 0.45:
        return uword(rng, rng.randint(1, 8))
    if roll < 0.55:
        return emoji_text(rng, rng.randint(1, 3))
    if roll < 0.7:
        name = rng.choice(KNOWN)
        return rng.choice([name.upper(), name.title(), name + "_", "_" + name, name + "[]", name + " "])
    if roll < 0.85:
        return rng.choice(ODD_NAMES)
    return "".join(chr(rng.randint(33, 126)) for _ in range(rng.randint(1, 10)))


def random_value(rng):
    roll = rng.random()
    if roll < 0.3:
        return str(rng.randint(-10**6, 10**9))
    if roll < 0.5:
        return uword(rng, rng.randint(1, 30))
    if roll < 0.6:
        return emoji_text(rng, rng.randint(1, 5))
    if roll < 0.8:
        return real_words(rng)
    return "".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(0, 40)))


def junk_unicode(rng):
    words = [uword(rng, rng.randint(1, 12)) for _ in range(rng.randint(1, 4))]
    return page_or_api(rng, qs([("q", " ".join(words))]))


def junk_emoji(rng):
    text = emoji_text(rng, rng.randint(1, 8))
    if rng.random() < 0.4:
        text = f"{real_words(rng)} {text}" if rng.random() < 0.5 else f"{text}{real_words(rng)}"
    return page_or_api(rng, qs([("q", text)]))


def junk_long(rng):
    return page_or_api(rng, qs([("q", long_word(rng))]))


def junk_params(rng):
    pairs = [(random_name(rng), random_value(rng)) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.5:
        pairs.insert(rng.randint(0, len(pairs)), ("q", real_words(rng)))
    return page_or_api(rng, qs(pairs))


def _wrong_pair(rng):
    name = rng.choice(["county", "age", "page", "per_page", "sort", "norwegian", "level", "start_from", "start_to",
                       "include_ended", "lang", "v", "compare", "course_type", "sector", "delivery", "municipality"])
    word = uword(rng, rng.randint(1, 6))
    if name == "county":
        value = rng.choice([f"{rng.choice([n for n in range(100) if f'{n:02d}' not in COUNTIES]):02d}", word,
                            str(rng.randint(100, 10**6)), f"{rng.choice(COUNTIES)}.{rng.randint(0, 9)}"])
    elif name == "age":
        value = rng.choice([str(rng.randint(-100, 15)), str(rng.randint(68, 10**7)), word, "1e3", "١٢", "２０",
                            f"{rng.randint(16, 67)}.5", f"{rng.randint(16, 67)} år"])
    elif name == "page":
        value = rng.choice(["0", str(-rng.randint(1, 10**6)), str(rng.randint(1001, 10**9)), "1.5", word, "0x10",
                            str(rng.randint(10**6, 10**12))])
    elif name == "per_page":
        value = rng.choice(["0", str(rng.randint(101, 10**6)), "all", word])
    elif name == "start_from" or name == "start_to":
        value = rng.choice([f"2026-{rng.randint(13, 99)}-01", f"2026-02-{rng.randint(30, 99)}",
                            f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2026", "tomorrow", word,
                            f"{rng.randint(10000, 99999)}-01-01", str(rng.randint(0, 10**8))])
    elif name == "include_ended":
        value = rng.choice([str(rng.randint(2, 1000)), "yes", "true", "-1", word])
    elif name == "v":
        value = rng.choice([str(rng.randint(2, 10**4)), "0", word])
    elif name == "compare":
        value = rng.choice([",".join(f"x{rng.randint(0, 10**6)}" for _ in range(rng.randint(5, 9))),
                            f"../{word}", "<" + word + ">"])
    elif name == "municipality":
        value = rng.choice([str(rng.randint(0, 999)), str(rng.randint(10000, 99999)), word,
                            f"{rng.randint(0, 99):02d}a{rng.randint(0, 9)}"])
    elif name == "level":
        value = rng.choice(["A0", "C2", "B3", "a1", "b2", word])
    elif name == "lang":
        value = rng.choice(["xx", "nn", "se", "NB", "en-GB", word])
    else:
        value = word + str(rng.randint(0, 10**6))
    return name, value


def junk_wrong(rng):
    pairs = [_wrong_pair(rng) for _ in range(rng.choice([1, 1, 2]))]
    if rng.random() < 0.5:
        pairs.insert(0, ("q", real_words(rng)))
    return page_or_api(rng, qs(pairs))


def junk_repeated(rng):
    roll = rng.random()
    if roll < 0.3:
        values = [",".join(rng.sample(COUNTIES, rng.randint(1, 3))) for _ in range(rng.randint(2, 6))]
        pairs = [("county", value) for value in values]
    elif roll < 0.45:
        pairs = [("sector", ",".join(rng.choice(SECTORS) for _ in range(rng.randint(2, 6))))] * rng.randint(1, 3)
    elif roll < 0.6:
        pairs = [("q", real_words(rng)) for _ in range(rng.randint(2, 4))]
    elif roll < 0.75:
        name = rng.choice(["page", "sort", "norwegian", "age", "per_page", "level", "lang", "v"])
        value = {"page": lambda: str(rng.randint(1, 50)), "sort": lambda: rng.choice(["relevance", "start", "title"]),
                 "norwegian": lambda: rng.choice(["combined", "without"]), "age": lambda: str(rng.randint(16, 67)),
                 "per_page": lambda: str(rng.randint(1, 100)), "level": lambda: rng.choice(["A1", "A2", "B1"]),
                 "lang": lambda: rng.choice(["nb", "en"]), "v": lambda: "1"}[name]
        pairs = [(name, value()) for _ in range(rng.randint(2, 4))]      # given more than once: 400
    elif roll < 0.85:
        parts = [rng.choice(COUNTIES + [""]) for _ in range(rng.randint(2, 8))]
        pairs = [("county", ",".join(parts))]                             # empty parts between commas
    else:
        many = rng.randint(151, 300)                                      # more than 150 values: 400
        pairs = [("county", ",".join(rng.choice(COUNTIES) for _ in range(many)))]
    if rng.random() < 0.5:
        pairs.insert(0, ("q", real_words(rng)))
    return page_or_api(rng, qs(pairs))


def junk_pages(rng):
    pairs = [("q", real_words(rng))] if rng.random() < 0.8 else [("county", rng.choice(COUNTIES))]
    pairs.append(("page", str(rng.choice([rng.randint(1, 1000), rng.randint(2, 30), 1000]))))
    if rng.random() < 0.5:
        pairs.append(("per_page", str(rng.randint(1, 100))))
    return page_or_api(rng, qs(pairs))


def junk_municipality(rng):
    numbers = [f"{rng.randint(0, 9999):04d}" if rng.random() < 0.85 else rng.choice(MUNICIPALITIES)
               for _ in range(rng.randint(1, 3))]
    pairs = [("municipality", number) for number in numbers]
    if rng.random() < 0.3:
        pairs = [("municipality", ",".join(numbers))]
    if rng.random() < 0.3:
        pairs.append(("county", rng.choice(COUNTIES)))
    if rng.random() < 0.5:
        pairs.insert(0, ("q", real_words(rng)))
    return page_or_api(rng, qs(pairs))


def control_text(rng):
    """Words with control characters, percent-encoded, and raw broken escapes; already encoded."""
    parts = []
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.45:
            parts.append(enc("".join(rng.choice(CONTROL) for _ in range(rng.randint(1, 4)))))
        elif roll < 0.7:
            parts.append(rng.choice(RAW_BAD))
        else:
            parts.append(enc(real_words(rng, 1) if rng.random() < 0.7 else uword(rng, rng.randint(1, 5))))
    return "".join(parts)


def junk_control(rng):
    roll = rng.random()
    if roll < 0.5:
        query = "q=" + control_text(rng)
    elif roll < 0.65:
        query = control_text(rng) + "=" + enc(real_words(rng)) + "&q=" + enc(real_words(rng))
    else:
        name = rng.choice(["county", "page", "sort", "age", "municipality", "sector", "lang", "start_from"])
        query = "q=" + enc(real_words(rng)) + f"&{name}=" + control_text(rng)
    return page_or_api(rng, query)


def junk_personal(rng):
    roll = rng.random()
    if roll < 0.4:
        text = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}{rng.randint(0, 99999):05d}"
    elif roll < 0.6:
        text = f"{rng.randint(10**5, 10**6 - 1)} {rng.randint(0, 99999):05d}"
    else:
        text = f"{uword(rng, rng.randint(1, 8))}.{rng.randint(0, 999)}@example.{rng.choice(['no', 'com', 'org'])}"
    if rng.random() < 0.5:
        text = f"{real_words(rng)} {text}"
    return page_or_api(rng, qs([("q", text)]))


def junk_old_link(rng):
    pairs = [(rng.choice(OLD_NAMES), rng.choice([rng.choice(COUNTIES), real_words(rng), str(rng.randint(1, 99))]))
             for _ in range(rng.randint(1, 3))]
    return "html", "/nb/?" + qs(pairs)


def junk_suggest(rng):
    roll = rng.random()
    if roll < 0.25:
        typed = uword(rng, rng.randint(1, 10))
    elif roll < 0.4:
        typed = emoji_text(rng, rng.randint(1, 4))
    elif roll < 0.55:
        typed = long_word(rng)
    elif roll < 0.75:
        word = real_words(rng)
        typed = word[:rng.randint(1, len(word))] + uword(rng, rng.randint(1, 3))
    else:
        typed = None
    query = ("q=" + control_text(rng)) if typed is None else ("q=" + enc(typed))
    if rng.random() < 0.9:
        query += "&lang=nb"
    else:
        query += "&lang=" + enc(rng.choice(["xx", "nn", "NB", "", uword(rng, 2)]))  # wrong language: 400
    if rng.random() < 0.1:
        query += "&" + qs([(random_name(rng), random_value(rng))])
    return "suggest", "/api/v1/suggest?" + query


JUNK_KINDS = {  # category: (weight, maker)
    "unicode words": (11, junk_unicode), "emoji": (7, junk_emoji), "long words": (8, junk_long),
    "random parameters": (10, junk_params), "wrong values": (14, junk_wrong), "repeated values": (10, junk_repeated),
    "page numbers": (7, junk_pages), "unknown municipalities": (7, junk_municipality),
    "control characters": (10, junk_control), "personal information": (2, junk_personal),
    "old-format links": (2, junk_old_link), "suggest": (12, junk_suggest),
}


def junk_queries(count, seed):
    """``count`` distinct (endpoint, category, path), in random order."""
    rng, seen, found = random.Random(seed), set(), []
    names = list(JUNK_KINDS)
    weights = [JUNK_KINDS[name][0] for name in names]
    while len(found) < count:
        category = rng.choices(names, weights)[0]
        endpoint, path = JUNK_KINDS[category][1](rng)
        if path not in seen:
            seen.add(path)
            found.append((endpoint, category, path))
    return found


def real_request(rng, query):
    """A real search: the API (60 %), the search page (10 %) or search as you type (30 %)."""
    roll = rng.random()
    if roll < 0.6:
        return "api", "/api/v1/courses?" + quote(query, safe="=&+,")
    if roll < 0.7:
        return "html", "/nb/?" + quote(query, safe="=&+,")
    word = real_words(rng)
    return "suggest", "/api/v1/suggest?q=" + enc(word[:rng.randint(1, len(word))]) + "&lang=nb"


# ---------------------------------------------------------------------------------------------
# Clients: threads in a few processes, each with one kept-alive connection.
# ---------------------------------------------------------------------------------------------

HEADERS = {
    "api": {"Accept": "application/json", "Accept-Encoding": "gzip", "User-Agent": "coursefinder-soak"},
    "suggest": {"Accept": "application/json", "Accept-Encoding": "gzip", "User-Agent": "coursefinder-soak"},
    "html": {"Accept": "text/html,application/xhtml+xml", "Accept-Encoding": "gzip",
             "Accept-Language": "nb-NO,nb;q=0.9,en;q=0.5", "User-Agent": "coursefinder-soak"},
}


def _body_text(response, body):
    if response.getheader("Content-Encoding") == "gzip":
        try:
            body = gzip.decompress(body)
        except OSError:
            pass
    return body[:600].decode("utf-8", "replace")


def _client(number, port, plan, times, stop_at, timeout, junk_share, out):
    """One client: junk spread evenly over each phase, real searches in between, until the end.

    Junk is sent when it is due, but never more than ``junk_share`` of the client's requests,
    so that a slow server still gets real searches; what was not sent is reported.
    """
    warm_junk, run_junk, real = plan
    t_warm, t_run, t_end = times   # t_end: the planned end, over which the run's junk is spread
    rng = random.Random(number)
    records, failures, examples, generations = [], [], {}, {}
    sent, total = {"warm-up": 0, "run": 0}, {"warm-up": 0, "run": 0}
    real_at, connection = number * 7, None
    while True:
        now = time.monotonic()
        if now >= stop_at.value:   # the planned end, or later while a re-import is not yet served
            break
        phase, pool, begin, end = ("warm-up", warm_junk, t_warm, t_run) if now < t_run else ("run", run_junk, t_run, t_end)
        due = len(pool) * (now - begin) / (end - begin)
        total[phase] += 1
        if sent[phase] < len(pool) and sent[phase] < due and sent[phase] < junk_share * total[phase]:
            endpoint, category, path = pool[sent[phase]]
            sent[phase] += 1
            kind = "junk"
        else:
            endpoint, path = real_request(rng, real[real_at % len(real)])
            real_at += 1
            kind, category = "real", "real " + endpoint
        if connection is None:
            connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        started = time.perf_counter()
        generation = None
        try:
            connection.request("GET", path, headers=HEADERS[endpoint])
            response = connection.getresponse()
            body = response.read()
            outcome = response.status
            generation = response.getheader("X-Catalogue-Generation")
            if outcome >= 500:
                detail = _body_text(response, body)
        except TimeoutError as error:
            outcome, detail = "timeout", repr(error)
        except (OSError, http.client.HTTPException) as error:
            outcome, detail = "connection", repr(error)
        done = time.monotonic()
        latency = (time.perf_counter() - started) * 1000
        if not isinstance(outcome, int):
            connection.close()
            connection = None
            time.sleep(0.05)   # a server that is down is not hammered in a tight loop
        records.append((phase, kind, endpoint, category, outcome, latency, done, generation))
        key = (kind, endpoint, category, outcome)
        if len(examples.setdefault(key, [])) < 2:
            examples[key].append(path)
        if generation:
            seen = generations.setdefault(generation, [done, done, 0])
            seen[1] = done
            seen[2] += 1
        if not isinstance(outcome, int) or outcome >= 500:
            failures.append({"t": done, "client": number, "phase": phase, "kind": kind, "category": category,
                             "path": path, "outcome": outcome, "latency_ms": latency, "detail": detail,
                             "generation": generation})
    if connection is not None:
        connection.close()
    out.append({"records": records, "failures": failures, "examples": examples, "generations": generations,
                "sent": sent, "planned": {"warm-up": len(warm_junk), "run": len(run_junk)}})


def client_process(numbers, port, plans, start_value, stop_at, go, timeout, junk_share, warmup, seconds, queue):
    go.wait()
    t_warm = start_value.value
    times = (t_warm, t_warm + warmup, t_warm + warmup + seconds)
    results = []
    threads = [threading.Thread(target=_client, args=(number, port, plan, times, stop_at, timeout, junk_share,
                                                              results))
               for number, plan in zip(numbers, plans)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    queue.put({"clients": results, "cpu": usage.ru_utime + usage.ru_stime})


# ---------------------------------------------------------------------------------------------
# The server: its process tree, its memory, its connections, its output.
# ---------------------------------------------------------------------------------------------

def process_tree(pid):
    """``pid`` and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        each = todo.pop()
        found.append(each)
        todo.extend(children.get(each, []))
    return sorted(found)


def smaps_rollup(pid):
    fields = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 3 and parts[2] == "kB":
                    fields[parts[0].rstrip(":")] = int(parts[1])
    except OSError:
        pass
    return fields


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def connections_by_pid(pids, port):
    """Established connections to ``port`` that each process holds (its sockets in /proc/net/tcp)."""
    owner = {}
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    link = os.readlink(f"/proc/{pid}/fd/{fd}")
                except OSError:
                    continue
                if link.startswith("socket:["):
                    owner[int(link[8:-1])] = pid
        except OSError:
            pass
    counts = {pid: 0 for pid in pids}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as handle:
                lines = handle.read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port and int(fields[9]) in owner:
                counts[owner[int(fields[9])]] += 1
    return counts


def memory_sample(root, port):
    pids = process_tree(root)
    per = {pid: smaps_rollup(pid) for pid in pids}
    total = lambda field: sum(values.get(field, 0) for values in per.values()) / 1024  # noqa: E731
    return {"pids": pids, "pss": total("Pss"), "rss": total("Rss"), "anon": total("Pss_Anon"),
            "file": total("Pss_File"), "per": {pid: (values.get("Pss", 0) / 1024, values.get("Rss", 0) / 1024,
                                                     values.get("Pss_Anon", 0) / 1024, values.get("Pss_File", 0) / 1024)
                                               for pid, values in per.items()},
            "connections": connections_by_pid(pids, port), "cpu": sum(cpu_seconds(pid) for pid in pids)}


class ServerOutput:
    """The serve process's stdout and stderr, line by line, with the time each line arrived."""

    def __init__(self, stream, path):
        self.lines = []
        self._file = open(path, "w", encoding="utf-8")
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append((time.monotonic(), line))
            self._file.write(line + "\n")
            self._file.flush()

    def around(self, moment, before=2.0, after=2.0):
        return [(t, line) for t, line in self.lines if moment - before <= t <= moment + after]

    def close(self):
        self._thread.join(timeout=5)
        self._file.close()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def healthz(port, timeout=5):
    """The generation /healthz names (on a new connection), or None."""
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status == 200:
            import json
            return json.loads(body).get("generation")
    except (OSError, http.client.HTTPException, ValueError):
        pass
    return None


def wait_healthy(port, process, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"coursefinder serve ended with status {process.returncode} before answering")
        generation = healthz(port)
        if generation:
            return generation
        time.sleep(0.2)
    raise SystemExit(f"nothing answered /healthz on port {port} within {seconds} s")


def generation_number(name):
    found = re.search(r"(\d+)$", name or "")
    return int(found.group(1)) if found else -1


def current_generation():
    with open(os.path.join(INDEX, "CURRENT")) as handle:
        return handle.read().strip()


def make_catalogue(count, seed):
    path = os.path.join(WORK, f"soak-catalogue-{count}-seed{seed}.jsonl")
    if not os.path.exists(path):
        subprocess.run([COURSEFINDER, "sample", "--count", str(count), "--seed", str(seed), "-o", path], check=True,
                       stderr=subprocess.DEVNULL, timeout=600)
    return path


def run_import(path, timeout=600):
    """``coursefinder import``; returns (seconds, exit status, its output, CPU seconds of the import)."""
    started = time.monotonic()
    log_path = os.path.join(WORK, "soak-import.log")
    with open(log_path, "wb") as log:
        process = subprocess.Popen([COURSEFINDER, "import", path, "--index", INDEX], stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        _, status, usage = os.wait4(process.pid, 0)
        watchdog.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        lines = [line for line in log.read().replace("\r", "\n").splitlines() if line.strip()]
    return time.monotonic() - started, process.returncode, "\n".join(lines), usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------------------------------------
# Figures and the report.
# ---------------------------------------------------------------------------------------------

def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def status_class(outcome):
    if not isinstance(outcome, int):
        return "errors"
    if outcome >= 500:
        return "errors"
    if outcome == 400:
        return "400"
    if outcome >= 400:
        return "other 4xx"
    if outcome >= 300:
        return "3xx"
    return "2xx"


def summarise(records):
    counts = {"2xx": 0, "3xx": 0, "400": 0, "other 4xx": 0, "errors": 0}
    for record in records:
        counts[status_class(record[4])] += 1
    latencies = [record[5] for record in records]
    return counts, len(records), percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 0.99)


def md(text, limit=110):
    text = str(text)
    if len(text) > limit:
        text = text[:limit] + "…"
    return text.replace("|", "\\|").replace("`", "'")


def pct(after, before):
    return (after - before) / before * 100 if before else float("nan")


def checkout():
    """The commit and how many files differ from it (read-only git commands)."""
    root = os.path.dirname(HERE)
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
        changed = subprocess.run(["git", "--no-optional-locks", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                                 capture_output=True, text=True, timeout=30).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return "unknown (no git)"
    return f"commit {head}" + (f" with {len(changed)} changed files in the working tree" if changed else "")


def machine():
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.machine()}, nproc {len(os.sched_getaffinity(0))} (os.cpu_count() {os.cpu_count()}), "
            f"{memory:.0f} GiB, Linux {platform.release()}, Python {platform.python_version()}")


def report(args, context):
    out = []
    w = out.append
    memory = context["memory"]
    base, end = context["baseline"], context["end"]
    run = [r for r in context["records"] if r[0] == "run"]
    warm = [r for r in context["records"] if r[0] == "warm-up"]
    failures = context["failures"]
    errors = sum(1 for r in context["records"] if status_class(r[4]) == "errors")
    growth_pss, growth_rss = pct(end["pss"], base["pss"]), pct(end["rss"], base["rss"])
    grew = growth_pss > args.max_growth or growth_rss > args.max_growth
    switches = context["switches"]
    unserved = [s for s in switches if s["served_at"] is None]
    after_load = [s for s in switches if s["served_at"] is not None and s["served_at"] > context["load_end"]]
    junk_sent = context["junk_sent"]
    ok = errors == 0 and not grew and not unserved and not context["import_failed"]

    w(f"# Soak run of `coursefinder serve`, {time.strftime('%Y-%m-%d %H:%M')}")
    w("")
    w(f"Command: `{context['command']}`  ")
    w(f"Machine: {machine()}  ")
    w(f"Code: {context['checkout']}  ")
    w(f"Server: `{context['serve_command']}` — {context['serving_line'] or 'no serving line seen'}; "
      f"KEEP_OLD_SECONDS={os.environ.get('COURSEFINDER_KEEP_OLD_SECONDS', '60 (default)')}, "
      f"TODAY={os.environ.get('COURSEFINDER_TODAY', 'not set (today in Europe/Oslo)')}  ")
    w(f"Catalogue: {args.count:,} synthetic courses (`coursefinder sample --seed {args.seed}`), re-imported with "
      f"`coursefinder import` at " + ", ".join(f"~{s['planned']:.0f} s (seed {s['seed']})" for s in switches) + "  ")
    w(f"Load: {args.clients} clients ({context['processes']} processes of threads, one kept-alive http.client "
      f"connection each) on {HOST} for {args.seconds:g} s after a {args.warmup:g} s warm-up"
      + (f", extended to {context['load_end']:.1f} s until the last re-import was served; "
         if context["load_end"] > args.seconds + 0.05 else "; ") +
      f"{junk_sent['run']:,} of {junk_sent['run_planned']:,} distinct junk queries sent in the run "
      f"({junk_sent['warm-up']:,} others in the warm-up). **The load generator runs on the same "
      f"{len(os.sched_getaffinity(0))} cores as the server and the imports**: CPU seconds used in warm-up + run: "
      f"server {context['cpu_server']:.0f}, load generator {context['cpu_clients']:.0f}, imports "
      f"{context['cpu_imports']:.0f} (of {len(os.sched_getaffinity(0)) * (context['load_end'] + args.warmup):.0f} "
      f"available on the machine, which others used too).")
    w("")
    w("## Verdict")
    w("")
    w("| check | result |")
    w("|---|---|")
    w(f"| errors (5xx, connection failures, timeouts), warm-up and run | {errors} — {'ok' if errors == 0 else 'FAIL'} |")
    w(f"| memory at the end vs after warm-up, PSS / RSS | {growth_pss:+.1f} % / {growth_rss:+.1f} % "
      f"(limit +{args.max_growth:g} %) — {'FAIL' if grew else 'ok'} |")
    w(f"| re-imports served (/healthz) | {len(switches) - len(unserved)} of {args.reimports}"
      + (f", {len(after_load)} only after the load had ended (the import was slow), so not checked under load"
         if after_load else "") + f" — {'ok' if not unserved and not context['import_failed'] else 'FAIL'} |")
    w(f"| worker processes | {context['pid_note']} |")
    w(f"| distinct junk queries sent in the run (not judged) | {junk_sent['run']:,} of {junk_sent['run_planned']:,} |")
    w(f"| machine load average (1 min) at the start of the warm-up / at the end of the load (not judged) | {context['loadavg'][0]:.1f} / "
      f"{context['loadavg'][1]:.1f} |")
    w(f"| overall | **{'PASS' if ok else 'FAIL'}** |")
    w("")
    seconds = context["load_end"]
    w(f"## Requests in the run ({seconds:.1f} s)")
    w("")
    w("| requests | count | req/s | 2xx | 3xx | 400 | other 4xx | errors | p50 ms | p95 ms | p99 ms |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

    def row(label, records, seconds):
        counts, n, p50, p95, p99 = summarise(records)
        w(f"| {label} | {n:,} | {n / seconds:,.0f} | {counts['2xx']:,} | {counts['3xx']:,} | {counts['400']:,} | "
          f"{counts['other 4xx']:,} | {counts['errors']:,} | {p50:.1f} | {p95:.1f} | {p99:.1f} |")

    row("**all**", run, seconds)
    for kind in ("real", "junk"):
        for endpoint, label in (("api", "/api/v1/courses"), ("html", "/nb/ (or /en/) page"),
                                ("suggest", "/api/v1/suggest")):
            chosen = [r for r in run if r[1] == kind and r[2] == endpoint]
            if chosen:
                row(f"{kind}: {label}", chosen, seconds)
    row("warm-up (all, not in the rows above)", warm, args.warmup)
    w("")
    w("## Junk queries by category (run)")
    w("")
    w("| category | sent | 2xx | 3xx | 400 | other 4xx | errors | p95 ms | an example answered 400 (or else) |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    examples = context["examples"]
    for category in JUNK_KINDS:
        chosen = [r for r in run if r[1] == "junk" and r[3] == category]
        counts, n, _, p95, _ = summarise(chosen)
        sample = next((paths[0] for (kind, _, cat, outcome), paths in examples.items()
                       if kind == "junk" and cat == category and outcome == 400), None)
        sample = sample or next((paths[0] for (kind, _, cat, _), paths in examples.items()
                                 if kind == "junk" and cat == category), "")
        w(f"| {category} | {n:,} | {counts['2xx']:,} | {counts['3xx']:,} | {counts['400']:,} | "
          f"{counts['other 4xx']:,} | {counts['errors']:,} | {p95:.1f} | `{md(sample, 90)}` |")
    odd = sorted({(kind, endpoint, category, outcome) for kind, endpoint, category, outcome in examples
                  if kind == "real" and outcome != 200}, key=str)
    if odd:
        w("")
        w("Real searches that were not answered 200: " + "; ".join(
            f"{outcome} {md(examples[key][0], 90)}" for key in odd for outcome in [key[3]]))
    w("")
    w("## Memory of the server's process tree")
    w("")
    w("| | PSS MB | RSS MB | PSS anon MB | PSS file MB | processes |")
    w("|---|---:|---:|---:|---:|---:|")
    for label, sample in (("after warm-up (baseline)", base), ("end of the run", end)):
        w(f"| {label} | {sample['pss']:.1f} | {sample['rss']:.1f} | {sample['anon']:.1f} | {sample['file']:.1f} | "
          f"{len(sample['pids'])} |")
    w(f"| change | {growth_pss:+.1f} % | {growth_rss:+.1f} % | {pct(end['anon'], base['anon']):+.1f} % | "
      f"{pct(end['file'], base['file']):+.1f} % | |")
    if context.get("idle"):
        idle = context["idle"]
        w(f"| {args.idle:g} s after the load stopped (not judged) | {idle['pss']:.1f} | {idle['rss']:.1f} | "
          f"{idle['anon']:.1f} | {idle['file']:.1f} | {len(idle['pids'])} |")
    w("")
    w("Per process (PSS / RSS / PSS anon / PSS file, MB), baseline → end:")
    w("")
    for pid in sorted(set(base["per"]) | set(end["per"])):
        role = "serve (arbiter)" if pid == context["root"] else "worker"
        before = base["per"].get(pid)
        after = end["per"].get(pid)
        show = lambda values: " / ".join(f"{v:.1f}" for v in values) if values else "absent"  # noqa: E731
        w(f"- pid {pid} ({role}): {show(before)} → {show(after)}")
    w("")
    w("## Memory curve")
    w("")
    w("t is seconds from the end of the warm-up; req/s and p95 are of the interval that ends at t.")
    w("")
    w("| t (s) | PSS MB | RSS MB | PSS anon | PSS file | req/s | p95 ms | connections per process | event |")
    w("|---:|---:|---:|---:|---:|---:|---:|---|---|")
    previous = None
    for sample in memory:
        t = sample["t"]
        lo = previous["t"] if previous else -args.warmup
        chosen = [r[5] for r in context["records"] if lo < r[6] - context["t_run"] <= t]
        rate = len(chosen) / (t - lo) if t > lo else 0
        connections = ", ".join(f"{pid}:{n}" for pid, n in sorted(sample["connections"].items()) if pid != context["root"])
        w(f"| {t:.1f} | {sample['pss']:.1f} | {sample['rss']:.1f} | {sample['anon']:.1f} | {sample['file']:.1f} | "
          f"{rate:,.0f} | {percentile(chosen, 0.95):.1f} | {connections or '-'} | {sample.get('event', '')} |")
        previous = sample
    w("")
    w("## Generation switches")
    w("")
    w(f"Served at start: {context['first_generation']}. Times in seconds from the end of the warm-up; an import "
      f"that starts while another runs waits for the index's lock.")
    w("")
    w("| import | started | done | took (s) | exit | new generation | on /healthz at | first answer with it | "
      "answers with an older one after /healthz showed it |")
    w("|---|---:|---:|---:|---:|---|---:|---:|---:|")
    for s in switches:
        seen = context["generations"].get(s["generation"])
        w(f"| {s['number']} (seed {s['seed']}) | {s['started']:.1f} | {s['done']:.1f} | {s['took']:.1f} | {s['exit']} | "
          f"{s['generation']} | {'never' if s['served_at'] is None else format(s['served_at'], '.1f')} | "
          f"{'never' if not seen else format(seen[0], '.1f')} | {context['late'].get(s['generation'], '-')} |")
    for s in switches:
        if s["exit"] != 0:
            w("")
            w(f"Import {s['number']} failed; its output ended with:")
            w("")
            w("```")
            w("\n".join(s["output"].splitlines()[-8:]))
            w("```")
    w("")
    w("Answers per generation (X-Catalogue-Generation): " + ", ".join(
        f"{name}: {values[2]:,} (first {values[0]:.1f} s, last {values[1]:.1f} s)"
        for name, values in sorted(context["generations"].items())) + ".  ")
    w(f"In the last 3 s of the run: " + (", ".join(f"{name}: {n:,}" for name, n in sorted(context["final"].items()))
                                        or "no answers") + ".")
    if context["events_after"]:
        w("")
        w("After the last sample: " + "; ".join(context["events_after"]) + ".")
    w("")
    w("## Failures")
    w("")
    if not failures:
        w("None: no 5xx answer, no connection failure, no timeout.")
    else:
        by_kind = {}
        for failure in failures:
            by_kind.setdefault((failure["outcome"], failure["category"]), []).append(failure)
        w("| outcome | category | count | first at (s) |")
        w("|---|---|---:|---:|")
        for (outcome, category), found in sorted(by_kind.items(), key=lambda item: -len(item[1])):
            w(f"| {outcome} | {category} | {len(found)} | {found[0]['t'] - context['t_run']:.1f} |")
        w("")
        for failure in failures[:args.show_failures]:
            w(f"### {failure['outcome']} at {failure['t'] - context['t_run']:.2f} s ({failure['phase']}, client "
              f"{failure['client']}, {failure['latency_ms']:.0f} ms, generation {failure['generation']})")
            w("")
            w("```")
            w(f"GET {failure['path'][:1500]}")
            w(f"decoded: {ascii(unquote(failure['path'], errors='replace'))[:400]}")
            w(f"-> {failure['outcome']}: {failure['detail']}")
            w("server output within 2 s:")
            for t, line in context["server"].around(failure["t"]):
                w(f"  [{t - context['t_run']:+.2f}] {line}")
            w("```")
            w("")
        if len(failures) > args.show_failures:
            w(f"({len(failures) - args.show_failures} more failures not shown.)")
    w("")
    w("## Server output")
    w("")
    lines = context["server"].lines
    notable = [(t, line) for t, line in lines if not (" INFO " in line or "[INFO]" in line)]
    w(f"{len(lines)} lines (full log: `benchmarks/work/soak-server.log`); {len(notable)} not at INFO level"
      + (":" if notable else "."))
    if notable:
        w("")
        w("```")
        for t, line in notable[:60]:
            w(f"[{t - context['t_run']:+.2f}] {line}")
        if len(notable) > 60:
            w(f"... {len(notable) - 60} more")
        w("```")
    return "\n".join(out) + "\n", ok


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of the measured run (default 60)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--junk", type=int, default=20_000, help="distinct junk queries in the run (default 20000)")
    parser.add_argument("--junk-share", type=float, default=0.85,
                        help="at most this share of each client's requests is junk (default 0.85)")
    parser.add_argument("--count", type=int, default=5_000, help="courses in the synthetic catalogue (default 5000)")
    parser.add_argument("--workers", type=int, help="`serve --workers` (default: not given, as serve starts by default)")
    parser.add_argument("--threads", type=int, help="`serve --threads` (default: not given)")
    parser.add_argument("--warmup", type=float, default=10, help="seconds of load before the baseline (default 10)")
    parser.add_argument("--reimports", type=int, default=2, help="re-imports, evenly spaced in the run (default 2)")
    parser.add_argument("--grace", type=float, default=60,
                        help="seconds the run may go on past --seconds while a re-import is not yet served (default 60)")
    parser.add_argument("--sample-every", type=float, default=3, help="seconds between memory samples (default 3)")
    parser.add_argument("--idle", type=float, default=5, help="seconds after the load for one more sample (default 5)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds before a request counts as timed out")
    parser.add_argument("--max-growth", type=float, default=20, help="per cent of memory growth allowed (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="catalogue seed; re-imports use seed+1, seed+2, ...")
    parser.add_argument("--show-failures", type=int, default=20, help="failures shown in detail (default 20)")
    parser.add_argument("--output", help="also write the Markdown report to this file")
    args = parser.parse_args()
    if args.clients < 1 or args.seconds <= 0 or args.warmup <= 0 or args.junk < 0:
        parser.error("--clients, --seconds and --warmup must be positive, --junk not negative")

    os.makedirs(WORK, exist_ok=True)
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    catalogues = [make_catalogue(args.count, args.seed + k) for k in range(args.reimports + 1)]
    shutil.rmtree(INDEX, ignore_errors=True)
    took, status, said, _ = run_import(catalogues[0])
    if status != 0:
        raise SystemExit(f"the first import failed ({status}): {said}")
    say(f"imported {args.count} courses in {took:.1f} s: {said.splitlines()[-1] if said else ''}")

    code_state = checkout()
    port = free_port()
    command = [COURSEFINDER, "serve", "--port", str(port), "--index", INDEX]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    serve_command = " ".join(["coursefinder"] + [os.path.relpath(part, os.path.dirname(HERE)) if part == INDEX else part
                                                 for part in command[1:]])
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              start_new_session=True)
    output = ServerOutput(server.stdout, os.path.join(WORK, "soak-server.log"))
    processes = []
    try:
        first_generation = wait_healthy(port, server)
        say(f"serving {first_generation} on {HOST}:{port}; making queries")
        warm_junk_count = round(args.junk * args.warmup / args.seconds)
        junk = junk_queries(args.junk + warm_junk_count, seed=args.seed * 1000 + 7)
        warm_junk, run_junk = junk[:warm_junk_count], junk[warm_junk_count:]
        real = unique_queries(40_000, seed=args.seed)

        ctx = multiprocessing.get_context("spawn")
        queue, go, start_value, stop_at = ctx.Queue(), ctx.Event(), ctx.RawValue("d", 0.0), ctx.RawValue("d", 0.0)
        count = min(CLIENT_PROCESSES, args.clients)
        for index in range(count):
            numbers = list(range(index, args.clients, count))
            plans = [(warm_junk[n::args.clients], run_junk[n::args.clients], real[n::args.clients] or real)
                     for n in numbers]
            process = ctx.Process(target=client_process, daemon=True,
                                  args=(numbers, port, plans, start_value, stop_at, go, args.timeout, args.junk_share,
                                        args.warmup, args.seconds, queue))
            process.start()
            processes.append(process)
        time.sleep(1.0)  # let the client processes start before the clock does
        t_warm = time.monotonic() + 0.5
        t_run, t_end = t_warm + args.warmup, t_warm + args.warmup + args.seconds
        start_value.value, stop_at.value = t_warm, t_end
        load_before = os.getloadavg()[0]
        go.set()
        say(f"load: {args.clients} clients, {args.warmup:g} s warm-up then {args.seconds:g} s")

        memory, events, switches = [], [], []
        import_state = {"failed": False, "cpu": 0.0}

        def importer(k):
            planned = args.seconds * k / (args.reimports + 1)
            time.sleep(max(0.0, t_run + planned - time.monotonic()))
            started = time.monotonic() - t_run
            events.append((started, f"import {k} (seed {args.seed + k}) starts"))
            took, status, said, cpu = run_import(catalogues[k])
            done = time.monotonic()
            import_state["cpu"] += cpu
            # The generation the import wrote, as its output names it, else what CURRENT names now.
            named = re.findall(r"\b(gen-\d{6,})\b", said)
            new = named[-1] if named else current_generation()
            last = said.splitlines()[-1] if said else ""
            events.append((done - t_run, f"import {k} done: {new}"))
            if status != 0:
                import_state["failed"] = True
            served_at = None
            while status == 0 and time.monotonic() < max(t_end, done) + 30:
                shown = healthz(port)
                if shown and generation_number(shown) >= generation_number(new):
                    served_at = time.monotonic() - t_run
                    events.append((served_at, f"/healthz shows {shown}"))
                    break
                time.sleep(0.2)
            switches.append({"number": k, "seed": args.seed + k, "planned": planned, "started": started,
                             "took": took, "exit": status, "generation": new, "served_at": served_at,
                             "last": last, "output": said, "done": done - t_run})
            say(f"import {k}: {took:.1f} s, {last}; /healthz shows it at "
                f"{'never' if served_at is None else round(served_at, 1)} s")

        import_threads = [threading.Thread(target=importer, args=(k,), daemon=True)
                          for k in range(1, args.reimports + 1)]
        for thread in import_threads:
            thread.start()
        def served_until():
            """When the load may stop: the planned end, or SETTLE s after /healthz showed the last re-import."""
            if len(switches) < args.reimports or any(switch["served_at"] is None for switch in switches):
                return None
            return max([t_end] + [t_run + switch["served_at"] + SETTLE for switch in switches])

        def controller():
            # Keeps stop_at at least a second ahead while a re-import is not served, within the grace.
            while time.monotonic() < stop_at.value:
                until = served_until()
                limit = t_end + args.grace
                stop_at.value = min(limit, max(t_end, until if until is not None else time.monotonic() + 1.5))
                time.sleep(0.2)

        control = threading.Thread(target=controller, daemon=True)
        control.start()

        def take(offset):
            time.sleep(max(0.0, t_run + offset - time.monotonic()))
            sample = memory_sample(server.pid, port)
            sample["t"] = offset
            memory.append(sample)
            say(f"t={offset:6.1f} s  PSS {sample['pss']:7.1f} MB  RSS {sample['rss']:7.1f} MB  "
                f"processes {len(sample['pids'])}")
            return sample

        for k in range(int(args.warmup // args.sample_every), 0, -1):
            take(-k * args.sample_every)
        offset = take(0.0)["t"]
        while True:
            target = offset + args.sample_every
            if offset < args.seconds < target:
                target = float(args.seconds)
            while time.monotonic() < min(t_run + target, stop_at.value):  # the end may move later meanwhile
                time.sleep(0.1)
            ended = time.monotonic() >= stop_at.value
            offset = min(target, stop_at.value - t_run) if ended else target
            take(offset)
            if offset == args.seconds:
                memory[-1]["event"] = "planned end of the run"
            if ended:
                break
        control.join(timeout=5)
        load_end = stop_at.value - t_run
        load_after = os.getloadavg()[0]
        baseline = next(s for s in memory if s["t"] == 0.0)
        end = memory[-1]
        results = []
        for _ in processes:
            results.append(queue.get(timeout=args.timeout + 120))
        for process in processes:
            process.join(timeout=30)
        idle = None
        if args.idle > 0:
            time.sleep(args.idle)
            idle = memory_sample(server.pid, port)
            idle["t"] = load_end + args.idle
            idle["event"] = "idle sample (load stopped)"
            memory.append(idle)
        for thread in import_threads:
            thread.join(timeout=max(1.0, t_end + 600 - time.monotonic()))
            if thread.is_alive():
                import_state["failed"] = True
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        output.close()

    switches.sort(key=lambda switch: switch["number"])
    previous = float("-inf")
    for sample in memory:
        found = [f"{text} ({at:.1f} s)" for at, text in sorted(events) if previous < at <= sample["t"]]
        if found:
            sample["event"] = "; ".join(([sample["event"]] if sample.get("event") else []) + found)
        previous = sample["t"]
    after = [f"{text} ({at:.1f} s)" for at, text in sorted(events) if at > previous]
    records, failures, examples, generations, late = [], [], {}, {}, {}
    sent = {"warm-up": 0, "run": 0, "run_planned": len(run_junk)}
    for result in results:
        for client in result["clients"]:
            records.extend(client["records"])
            failures.extend(client["failures"])
            for key, paths in client["examples"].items():
                examples.setdefault(key, []).extend(paths)
            for name, (first, last, n) in client["generations"].items():
                seen = generations.setdefault(name, [first, last, 0])
                seen[0], seen[1], seen[2] = min(seen[0], first), max(seen[1], last), seen[2] + n
            sent["warm-up"] += client["sent"]["warm-up"]
            sent["run"] += client["sent"]["run"]
    failures.sort(key=lambda failure: failure["t"])
    generations = {name: [first - t_run, last - t_run, n] for name, (first, last, n) in generations.items()}
    pid_sets = {tuple(sample["pids"]) for sample in memory}
    pid_note = (f"{len(baseline['pids'])} processes, the same throughout" if len(pid_sets) == 1 else
                "CHANGED during the run: " + " → ".join(",".join(map(str, pids)) for pids in
                                                        sorted(pid_sets, key=lambda p: memory.index(
                                                            next(s for s in memory if tuple(s["pids"]) == p)))))
    serving_line = next((line for _, line in output.lines if line.startswith("Serving coursefinder")), None)
    context = {
        "command": ".venv/bin/python " + shlex.join(
            [os.path.relpath(os.path.abspath(sys.argv[0]), os.path.dirname(HERE))] + sys.argv[1:]),
        "serve_command": serve_command, "serving_line": serving_line, "processes": len(processes),
        "records": records, "failures": failures, "examples": examples, "generations": generations,
        "late": late, "memory": memory, "baseline": baseline, "end": end, "idle": idle, "switches": switches,
        "import_failed": import_state["failed"] or len(switches) < args.reimports, "junk_sent": sent,
        "root": server.pid, "t_run": t_run, "server": output, "first_generation": first_generation,
        "pid_note": pid_note, "checkout": code_state, "load_end": load_end,
        "loadavg": (load_before, load_after),
        "cpu_server": end["cpu"] - memory[0]["cpu"],
        "cpu_clients": sum(result["cpu"] for result in results),
        "cpu_imports": import_state["cpu"],
    }
    # Answers with an older generation after /healthz showed each new one.
    for switch in switches:
        if switch["served_at"] is not None:
            late[switch["generation"]] = sum(
                1 for r in records if r[7] and r[6] - t_run > switch["served_at"]
                and generation_number(r[7]) < generation_number(switch["generation"]))
    context["events_after"] = after
    context["final"] = {}
    for r in records:
        if r[7] and r[6] - t_run > load_end - 3:
            context["final"][r[7]] = context["final"].get(r[7], 0) + 1
    text, ok = report(args, context)
    print(text)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
