"""The overview's figures as rows, for CSV downloads and `coursefinder report`."""

import csv
import io

from .catalogue import vocabulary

COUNTY_COLUMNS = ["county", "county_name", "courses", "places", "population", "courses_per_10000",
                  "norwegian_training_share", "open_under_25", "made_for_young", "sectors_covered"]


def county_rows(overview):
    rows = []
    for figures in overview.counties + [overview.total]:
        rows.append([figures.county or "all", figures.name or "Norge", figures.courses, figures.places,
                     figures.population, f"{figures.per_10k:.2f}", f"{figures.norwegian_share:.3f}",
                     figures.under_25, figures.youth, figures.sectors])
    return rows


def sector_rows(overview):
    rows = [[county, vocabulary.COUNTIES[county], *overview.by_sector[county]] for county in vocabulary.COUNTIES]
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
    return "\n".join(lines) + "\n"
