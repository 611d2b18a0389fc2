"""The peer: what a team would write first, a small WSGI app over SQLite FTS5 (Python's sqlite3).

It answers GET /api/v1/courses with the same parameters and the same answer shape as
coursefinder (total, page, per_page, results, disjunctive facets), so the benchmark
can send both the same requests.  Build its database with ``python fts5_peer.py build
CATALOGUE.jsonl DB``; serve it with any WSGI server on ``fts5_peer:make_app()`` (DB in
$PEER_DB).
"""

import datetime as dt
import json
import os
import re
import sqlite3
import sys
import threading
from urllib.parse import parse_qs

TEXT = ["title_nb", "title_en", "summary_nb", "summary_en", "description_nb", "description_en", "provider", "place",
        "certifications"]
WEIGHTS = [6.0, 6.0, 2.0, 2.0, 1.0, 1.0, 1.5, 1.5, 3.0]
LEVELS = ["A1", "A2", "B1", "B2", "C1"]
GROUPS = {"county": "county", "sector": "sector", "course_type": "course_type", "delivery": "delivery",
          "norwegian": "norwegian"}
COUNTIES = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
VALUES = {
    "county": COUNTIES,
    "sector": ["engineering-ict", "health-care", "childcare-youth", "office", "retail", "construction", "industry",
               "hospitality-transport", "service", "other"],
    "course_type": ["industry", "norwegian", "basic-skills", "fov", "upper-secondary"],
    "delivery": ["in-person", "online", "hybrid"],
    "norwegian": ["combined", "without"],
}


def build(source, db_path):
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.executescript(f"""
        CREATE TABLE courses (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, {", ".join(TEXT)}, county TEXT,
            municipality TEXT, course_type TEXT, sector TEXT, delivery TEXT, norwegian TEXT, level INTEGER,
            age_min INTEGER, age_max INTEGER, start_date TEXT, end_date TEXT, start_type TEXT, status TEXT);
        CREATE VIRTUAL TABLE courses_fts USING fts5({", ".join(TEXT)}, content='courses', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2');
        CREATE INDEX by_start ON courses(start_date);
    """)
    rows = []
    with open(source, encoding="utf-8") as handle:
        records = json.load(handle) if source.endswith(".json") else [json.loads(line) for line in handle if line.strip()]
    for r in records:
        rows.append((r["id"], *[r.get(name) if name != "certifications" else " ".join(r.get(name, []))
                                for name in TEXT],
                     r["county"], r.get("municipality"), r["course_type"], r.get("sector"),
                     r.get("delivery", "in-person"), "combined" if r.get("norwegian_training") else "without",
                     LEVELS.index(r["norwegian_level"]) if r.get("norwegian_level") else -1, r.get("age_min", 19),
                     r.get("age_max", 67), r.get("start_date"), r.get("end_date"), r.get("start_type", "fixed"),
                     r.get("status", "open")))
    db.executemany(f"INSERT INTO courses (id, {', '.join(TEXT)}, county, municipality, course_type, sector, "
                   f"delivery, norwegian, level, age_min, age_max, start_date, end_date, start_type, status) "
                   f"VALUES ({', '.join('?' * (len(TEXT) + 14))})", rows)
    db.execute("INSERT INTO courses_fts(courses_fts) VALUES ('rebuild')")
    db.commit()
    db.close()
    return len(rows)


class BadParameter(ValueError):
    def __init__(self, name):
        super().__init__(name)
        self.name = name


def _ints(args, name, low, high, default=None):
    values = args.get(name)
    if not values or not values[0]:
        return default
    if not re.fullmatch(r"\d{1,6}", values[0]) or not low <= int(values[0]) <= high:
        raise BadParameter(name)
    return int(values[0])


def _list(args, name, allowed):
    found = [part for value in args.get(name, []) for part in value.split(",") if part]
    if any(value not in allowed for value in found):
        raise BadParameter(name)
    return found


def _where(args, today):
    clauses, params = [], []
    q = " ".join(args.get("q", [])).strip()
    if len(q) > 200:
        raise BadParameter("q")
    words = re.findall(r"\w+", q)
    if words:
        clauses.append("courses.rowid IN (SELECT rowid FROM courses_fts WHERE courses_fts MATCH ?)")
        params.append(" AND ".join('"' + word.replace('"', "") + '"' for word in words))
    if args.get("include_ended", ["0"])[0] != "1":
        clauses.append("(end_date IS NULL OR end_date >= ?)")
        params.append(today)
    age = _ints(args, "age", 16, 67)
    if age is not None:
        clauses.append("age_min <= ? AND age_max >= ?")
        params += [age, age]
    level = args.get("level", [""])[0]
    if level:
        if level not in LEVELS:
            raise BadParameter("level")
        clauses.append("level <= ?")
        params.append(LEVELS.index(level))
    municipalities = [m for value in args.get("municipality", []) for m in value.split(",") if m]
    if municipalities:
        clauses.append(f"municipality IN ({', '.join('?' * len(municipalities))})")
        params += municipalities
    groups = {}
    for name, column in GROUPS.items():
        values = _list(args, name, VALUES[name])
        if values:
            groups[name] = (f"{column} IN ({', '.join('?' * len(values))})", values)
    return clauses, params, groups, words


class Peer:
    def __init__(self, db_path):
        self.db_path = db_path
        self.local = threading.local()

    def db(self):
        db = getattr(self.local, "db", None)
        if db is None:
            db = self.local.db = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, check_same_thread=False)
        return db

    def search(self, args):
        today = dt.date.today().isoformat()
        clauses, params, groups, words = _where(args, today)
        page = _ints(args, "page", 1, 1000, 1)
        per_page = _ints(args, "per_page", 1, 100, 20)
        db = self.db()

        def where(leave_out=None):
            parts, values = list(clauses), list(params)
            for name, (sql, group_values) in groups.items():
                if name != leave_out:
                    parts.append(sql)
                    values += group_values
            return (" WHERE " + " AND ".join(parts)) if parts else "", values

        sql, values = where()
        total = db.execute(f"SELECT count(*) FROM courses{sql}", values).fetchone()[0]
        if words:
            weights = ", ".join(str(w) for w in WEIGHTS)
            order_sql = (f"SELECT c.id, c.title_nb, c.title_en, c.provider, c.county, c.place, c.start_date FROM courses c "
                         f"JOIN (SELECT rowid, bm25(courses_fts, {weights}) AS rank FROM courses_fts WHERE courses_fts "
                         f"MATCH ?) m ON m.rowid = c.rowid{sql.replace('courses.rowid', 'c.rowid')} "
                         f"ORDER BY m.rank, c.start_date LIMIT ? OFFSET ?")
            rows = db.execute(order_sql, [params[0]] + values + [per_page, (page - 1) * per_page]).fetchall()
        else:
            rows = db.execute(f"SELECT id, title_nb, title_en, provider, county, place, start_date FROM courses{sql} "
                              f"ORDER BY start_date, title_nb LIMIT ? OFFSET ?",
                              values + [per_page, (page - 1) * per_page]).fetchall()
        facets = {}
        for name, column in GROUPS.items():
            group_sql, group_values = where(leave_out=name)
            counts = dict(db.execute(f"SELECT {column}, count(*) FROM courses{group_sql} GROUP BY {column}",
                                     group_values).fetchall())
            facets[name] = [{"value": value, "label": value, "count": counts.get(value, 0)} for value in VALUES[name]]
        lang = args.get("lang", ["nb"])[0]
        results = [{"id": r[0], "title": (r[2] if lang == "en" and r[2] else r[1]), "provider": r[3], "county": r[4],
                    "place": r[5], "start_date": r[6], "url": f"/{lang}/courses/{r[0]}"} for r in rows]
        return {"total": total, "page": page, "per_page": per_page, "results": results, "facets": facets}

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != "/api/v1/courses":
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"error": {"message": "not found"}}']
        args = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=False)
        try:
            body, status = self.search(args), "200 OK"
        except BadParameter as error:
            body, status = {"error": {"parameter": error.name, "message": "invalid"}}, "400 Bad Request"
        except sqlite3.OperationalError as error:
            body, status = {"error": {"parameter": "q", "message": str(error)}}, "400 Bad Request"
        data = json.dumps(body, ensure_ascii=False).encode()
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]


def make_app():
    return Peer(os.environ["PEER_DB"])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        print(f"built {build(sys.argv[2], sys.argv[3])} courses into {sys.argv[3]}")
    else:
        sys.exit("usage: fts5_peer.py build CATALOGUE.jsonl DB")
