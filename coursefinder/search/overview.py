"""The offer across counties: figures per county, per county and sector, and starts per month.

The offer is the courses that pass the chosen filters, have not ended and are not
cancelled.  Everything is counted from the generation's arrays, so the overview page,
its CSV files and `coursefinder report` give the same figures.  The tables are national:
the place filters (county, municipality) and the search text are left out; a chosen
county is compared with its neighbours from the same figures (``compared``).
"""

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..catalogue import vocabulary
from ..places import neighbours_of, populations

YOUTH_MAX = 29      # "made for young people": the course has an upper age limit of 29 or lower
PER_PEOPLE = 100_000  # courses are counted per this many inhabitants


@dataclass
class CountyFigures:
    county: str             # "" for the whole country
    name: str
    courses: int
    places: int
    population: int
    per_100k: float         # courses per 100,000 inhabitants
    norwegian: int          # courses combined with Norwegian training
    youth: int              # courses made for young people (an upper age limit of 29 or lower)
    youth_places: int       # the places in those courses
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

    def county(self, number):
        return next(figures for figures in self.counties if figures.county == number)


def compared(overview, chosen):
    """``(chosen counties' figures, their neighbours' figures)``, each in county-number order."""
    chosen = [county for county in vocabulary.COUNTIES if county in set(chosen)]
    return [overview.county(c) for c in chosen], [overview.county(c) for c in neighbours_of(chosen)]


def _figures(county, name, mask, table, population, sector_codes):
    codes = table.codes
    places = table.numbers["places"]
    youth = mask & (table.numbers["age_max"] <= YOUTH_MAX)
    sectors = np.unique(sector_codes[mask & (sector_codes >= 0)]).size
    courses = int(mask.sum())
    return CountyFigures(
        county=county, name=name, courses=courses, places=int(places[mask].sum()), population=population,
        per_100k=courses / population * PER_PEOPLE if population else 0.0,
        norwegian=int((mask & (codes["norwegian"] == 0)).sum()),
        youth=int(youth.sum()), youth_places=int(places[youth].sum()), sectors=int(sectors))


def _months(table, offer, today):
    """``[(first day of the month, fixed starts in it)]`` for this month and the next 11."""
    starts = table.numbers["start"]
    fixed = offer & (table.codes["start_type"] != vocabulary.START_TYPES.index("rolling"))
    months, first = [], today.replace(day=1)
    for step in range(12):
        year_, month = divmod(first.month - 1 + step, 12)
        start = dt.date(first.year + year_, month + 1, 1)
        year_, month = divmod(start.month, 12)
        end = dt.date(start.year + year_, month + 1, 1)
        months.append((start, int((fixed & (starts >= start.toordinal()) & (starts < end.toordinal())).sum())))
    return months


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
    rolling = int((offer & (table.codes["start_type"] == vocabulary.START_TYPES.index("rolling"))).sum())
    sector_totals = [sum(by_sector[county][i] for county in vocabulary.COUNTIES)
                     for i in range(len(vocabulary.SECTORS))]
    return Overview(counties, total, by_sector, sector_totals, _months(table, offer, today), rolling, source, year)
