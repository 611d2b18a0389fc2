"""Which texts of a course are searched, how each is analysed, and how much a match in it weighs.

The title weighs most; a part of a compound (``sveis`` in ``sveisekurs``) weighs less than
the same word written on its own.  ``analysis`` names a function of ``language.ANALYSES``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TextField:
    name: str
    weight: float
    analysis: str               # "nb", "en" or "parts"
    sources: tuple = ()         # for "parts": the course texts whose compounds are split


TEXT_FIELDS = {field.name: field for field in (
    TextField("title_nb", 6.0, "nb"),
    TextField("title_en", 6.0, "en"),
    TextField("certifications", 3.0, "nb"),
    TextField("summary_nb", 2.0, "nb"),
    TextField("summary_en", 2.0, "en"),
    TextField("provider", 1.5, "nb"),
    TextField("place", 1.5, "nb"),
    TextField("description_nb", 1.0, "nb"),
    TextField("description_en", 1.0, "en"),
    TextField("title_parts", 2.0, "parts", ("title_nb", "certifications")),
    TextField("text_parts", 0.4, "parts", ("summary_nb", "description_nb")),
)}

# Where a compound's first parts are looked for: what a course is called, not all it says.
TITLE_FIELDS = ("title_nb", "title_parts", "certifications")


def course_texts(course):
    """``{field: text}`` of a course's searched texts (compound fields joined from their sources)."""
    texts = {}
    for field in TEXT_FIELDS.values():
        if field.sources:
            continue
        value = " \n".join(course.certifications) if field.name == "certifications" else getattr(course, field.name)
        if value:
            texts[field.name] = value
    for field in TEXT_FIELDS.values():
        if field.sources:
            joined = " \n".join(texts[source] for source in field.sources if texts.get(source))
            if joined:
                texts[field.name] = joined
    return texts
