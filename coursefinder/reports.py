"""The overview's figures as rows, for CSV downloads and `coursefinder report`.

The column names say what each column counts; ``COLUMN_NOTES`` says it in a sentence, and
the Markdown report prints the notes under its table.
"""

import csv
import io

from .catalogue import vocabulary

COUNTY_COLUMNS = ["county", "county_name", "courses", "places", "population", "courses_per_100000_inhabitants",
                  "norwegian_training_share", "courses_for_young_age_max_29", "places_for_young_age_max_29",
                  "sectors_with_courses"]
COLUMN_NOTES = {
    "courses": "courses that have not ended and are not cancelled",
    "places": "the places in those courses (a course without a figure counts 0)",
    "population": "inhabitants, from Statistics Norway (the source is named under the tables)",
    "courses_per_100000_inhabitants": "courses for every 100,000 inhabitants, one decimal",
    "norwegian_training_share": "the share of the courses that are combined with Norwegian training (0 to 1)",
    "courses_for_young_age_max_29": "courses made for young people: an upper age limit of 29 or lower",
    "places_for_young_age_max_29": "the places in those courses",
    "sectors_with_courses": f"how many of the {len(vocabulary.SECTORS)} sectors have at least one course",
}


def county_rows(overview, figures=None):
    """A row for each county (or for each of ``figures``), then the whole country's."""
    rows = []
    for found in (overview.counties if figures is None else figures) + [overview.total]:
        rows.append([found.county or "all", found.name or "Norge", found.courses, found.places,
                     found.population, f"{found.per_100k:.1f}", f"{found.norwegian_share:.3f}",
                     found.youth, found.youth_places, found.sectors])
    return rows


def sector_rows(overview, counties=None):
    """Courses per sector for each county (or each of ``counties``), then the whole country's."""
    rows = [[county, vocabulary.COUNTIES[county], *overview.by_sector[county]]
            for county in (vocabulary.COUNTIES if counties is None else counties)]
    rows.append(["all", "Norge", *overview.sector_totals])
    return rows


SECTOR_COLUMNS = ["county", "county_name", *vocabulary.SECTORS]


def month_rows(overview):
    return [[start.strftime("%Y-%m"), count] for start, count in overview.months] + [["rolling", overview.rolling]]


def to_csv(columns, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def to_markdown(columns, rows):
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    notes = [f"- `{column}`: {COLUMN_NOTES[column]}" for column in columns if column in COLUMN_NOTES]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"
