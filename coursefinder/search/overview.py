"""The offer across counties: figures per county, per county and sector, and starts per month.

The offer is the courses that pass the chosen filters, have not ended and are not
cancelled.  Everything is counted from the generation's arrays, so the overview page,
its CSV files and `coursefinder report` give the same figures.
"""

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..catalogue import vocabulary
from ..places import populations

YOUTH_AGE = 24   # "open to people under 25": the course takes a 24-year-old or younger
YOUTH_MAX = 29   # "made for young people": the course has an upper age limit of 29 or lower


@dataclass
class CountyFigures:
    county: str
    name: str
    courses: int
    places: int
    population: int
    per_10k: float
    norwegian: int          # courses combined with Norwegian training
    under_25: int
    youth: int              # courses made for young people (an upper age limit of 29 or lower)
    sectors: int            # sectors with at least one course

    @property
    def norwegian_share(self):
        return self.norwegian / self.courses if self.courses else 0.0


@dataclass
class Overview:
    counties: list          # CountyFigures, in county-number order
    total: CountyFigures    # the whole country
    by_sector: dict         # county -> [courses per sector, in vocabulary order]
    sector_totals: list
    months: list            # [(date of the month's first day, starts), ...] for 12 months
    rolling: int            # courses with rolling start (in no month)
    source: str
    year: int


def _figures(county, name, mask, table, population, sector_codes):
    codes = table.codes
    places = table.numbers["places"][mask]
    sectors = np.unique(sector_codes[mask & (sector_codes >= 0)]).size
    courses = int(mask.sum())
    return CountyFigures(
        county=county, name=name, courses=courses, places=int(places.sum()), population=population,
        per_10k=courses / population * 10_000 if population else 0.0,
        norwegian=int((mask & (codes["norwegian"] == 0)).sum()),
        under_25=int((mask & (table.numbers["age_min"] <= YOUTH_AGE)).sum()),
        youth=int((mask & (table.numbers["age_max"] <= YOUTH_MAX)).sum()),
        sectors=int(sectors))


def compute_overview(generation, search_request, today):
    """The offer on ``today`` of the courses that pass ``search_request``'s filters (but its place and text)."""
    search_request = search_request.but(q="", county=(), municipality=(), include_ended=False, today=today)
    table = generation.columns
    offer = generation.filtered(search_request) & (table.codes["status"] != vocabulary.STATUSES.index("cancelled"))
    county_codes, sector_codes = table.codes["county"], table.codes["sector"]
    people, source, year = populations()
    counties, by_sector = [], {}
    for code, county in enumerate(vocabulary.COUNTIES):
        in_county = offer & (county_codes == code)
        counties.append(_figures(county, vocabulary.COUNTIES[county], in_county, table, people[county], sector_codes))
        sectors = sector_codes[in_county]
        by_sector[county] = np.bincount(sectors[sectors >= 0], minlength=len(vocabulary.SECTORS)).tolist()
    total = _figures("", "", offer, table, sum(people.values()), sector_codes)
    starts = table.numbers["start"]
    rolling_code = vocabulary.START_TYPES.index("rolling")
    fixed = offer & (table.codes["start_type"] != rolling_code)
    months, first = [], today.replace(day=1)
    for step in range(12):
        year_, month = divmod(first.month - 1 + step, 12)
        start = dt.date(first.year + year_, month + 1, 1)
        year_, month = divmod(start.month, 12)
        end = dt.date(start.year + year_, month + 1, 1)
        count = int((fixed & (starts >= start.toordinal()) & (starts < end.toordinal())).sum())
        months.append((start, count))
    rolling = int((offer & (table.codes["start_type"] == rolling_code)).sum())
    sector_totals = [sum(by_sector[county][i] for county in vocabulary.COUNTIES) for i in range(len(vocabulary.SECTORS))]
    return Overview(counties, total, by_sector, sector_totals, months, rolling, source, year)
