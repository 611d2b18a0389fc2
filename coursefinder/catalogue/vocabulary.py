"""The closed vocabularies of the import format v1 (../shared/COURSE-FORMAT.md).

Codes only: how a code is shown to people is the interface's business (see
``coursefinder.i18n.labels``).  County names are proper nouns and the same in every
language, so they live here.
"""

COUNTIES = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}

COURSE_TYPES = ("industry", "norwegian", "basic-skills", "fov", "upper-secondary")

SECTORS = (
    "engineering-ict",
    "health-care",
    "childcare-youth",
    "office",
    "retail",
    "construction",
    "industry",
    "hospitality-transport",
    "service",
    "other",
)

DELIVERIES = ("in-person", "online", "hybrid")
START_TYPES = ("fixed", "rolling")
STATUSES = ("open", "closed", "cancelled")

# Ordered from the least to the most Norwegian needed; the order is used by the
# level filter ("my Norwegian is B1: show courses that need B1 or less").
LEVELS = ("A1", "A2", "B1", "B2", "C1")

TARGET_GROUPS = ("youth", "immigrants", "reduced-work-capacity", "long-term-unemployed")
CONTENT = ("theory", "practice", "job-seeking", "basic-skills", "norwegian", "labour-market")
DRIVING_LICENCES = (
    "A", "A1", "A2", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T", "S",
)

AGE_MIN_DEFAULT = 19
AGE_RANGE = (16, 67)
