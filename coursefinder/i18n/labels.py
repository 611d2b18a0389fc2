"""How the codes of the import format are named to people, in the interface's language."""

from flask_babel import lazy_gettext as _l

from ..catalogue import vocabulary

COURSE_TYPES = {
    "industry": _l("Vocational course"),
    "norwegian": _l("Norwegian language training"),
    "basic-skills": _l("Basic skills"),
    "fov": _l("Preparatory education for adults"),
    "upper-secondary": _l("Upper secondary education"),
}
SECTORS = {
    "engineering-ict": _l("Engineering and ICT"),
    "health-care": _l("Health and care"),
    "childcare-youth": _l("Childcare and youth work"),
    "office": _l("Office work"),
    "retail": _l("Retail and sales"),
    "construction": _l("Building and construction"),
    "industry": _l("Industry and manufacturing"),
    "hospitality-transport": _l("Tourism, food service and transport"),
    "service": _l("Service work"),
    "other": _l("Other sectors"),
}
DELIVERIES = {
    "in-person": _l("In person"),
    "online": _l("Online"),
    "hybrid": _l("Partly online"),
}
NORWEGIAN = {
    "combined": _l("With Norwegian training"),
    "without": _l("Without Norwegian training"),
}
STATUSES = {
    "open": _l("Open for applications"),
    "closed": _l("Closed for applications"),
    "cancelled": _l("Cancelled"),
}
# CEFR levels explained in words, for people who do not know the scale.
LEVELS = {
    "A1": _l("A1 – beginner"),
    "A2": _l("A2 – elementary"),
    "B1": _l("B1 – intermediate"),
    "B2": _l("B2 – upper intermediate"),
    "C1": _l("C1 – advanced"),
}
# What a person at each level can do, in plain words (the level filter's options, the
# course page's link to the explanation); "none" is the floor of the level filter.
LEVEL_CAN_DO = {
    "none": _l("No Norwegian yet: you are just starting"),
    "A1": _l("A1: you know some words and can say who you are"),
    "A2": _l("A2: you manage simple everyday talk, in a shop or at the doctor's"),
    "B1": _l("B1: you can talk about work and daily life, and read simple texts"),
    "B2": _l("B2: you can follow training and meetings at work in Norwegian"),
    "C1": _l("C1: you read and write Norwegian well, also at work"),
}
LEVEL_NAMES = {"none": _l("No Norwegian yet"), **LEVELS}
TARGET_GROUPS = {
    "youth": _l("Young people"),
    "immigrants": _l("Immigrants"),
    "reduced-work-capacity": _l("People with reduced work capacity"),
    "long-term-unemployed": _l("People who have been out of work for a long time"),
}
CONTENT = {
    "theory": _l("Theory"),
    "practice": _l("Work practice"),
    "job-seeking": _l("Job seeking"),
    "basic-skills": _l("Basic skills (reading, writing, numbers, digital)"),
    "norwegian": _l("Norwegian language"),
    "labour-market": _l("Knowledge of working life in Norway"),
}
# The languages course text can be written in, named in the reader's language.
CONTENT_LANGUAGES = {
    "nb": _l("Norwegian"),
    "en": _l("English"),
}
# Sources are named by their publishers; these two are the site's own.
SOURCES = {
    "catalogue": _l("Whole catalogue"),
    "sample": _l("The bundled sample"),
}
SORTS = {
    "relevance": _l("Best match"),
    "start": _l("Start date"),
    "title": _l("Title (A–Z)"),
    "distance": _l("Distance (nearest first)"),
}


def county(code):
    """A county's name (the same in every language: a proper noun)."""
    return vocabulary.COUNTIES.get(code, code)
