"""Course data for machines: schema.org JSON-LD for search engines, iCalendar for calendars."""

import datetime as dt
import json

from markupsafe import Markup

from ..catalogue.vocabulary import COUNTIES
from ..i18n import text_of
from ..text import visible

_MODES = {"in-person": "onsite", "online": "online", "hybrid": "blended"}


def course_json_ld(course, url, lang):
    title, _ = text_of(course, "title", lang)
    summary, _ = text_of(course, "summary", lang)
    instance = {
        "@type": "CourseInstance",
        "courseMode": _MODES[course.delivery],
        "location": {"@type": "Place", "name": course.place or COUNTIES[course.county],
                     "address": {"@type": "PostalAddress", "addressRegion": COUNTIES[course.county],
                                 "addressCountry": "NO",
                                 **({"streetAddress": course.address} if course.address else {})}},
    }
    if course.start_date:
        instance["startDate"] = course.start_date.isoformat()
    if course.end_date:
        instance["endDate"] = course.end_date.isoformat()
    if course.hours_per_week and course.duration_weeks:
        instance["courseWorkload"] = f"PT{int(course.hours_per_week * course.duration_weeks)}H"
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "url": url,
        "name": title,
        "courseCode": course.id,
        "inLanguage": "nb",
        "provider": {"@type": "Organization", "name": course.provider,
                     **({"sameAs": course.url} if course.url else {})},
        "hasCourseInstance": [instance],
        "isAccessibleForFree": True,
    }
    if summary:
        data["description"] = summary
    if course.certifications:
        data["educationalCredentialAwarded"] = ", ".join(course.certifications)
    return data


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` block; ``<`` is escaped so text cannot end it."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">%s</script>') % Markup(text)


def _ics_text(text):
    """A TEXT value of RFC 5545: escaped, line breaks as \\n, and no other control character (defensively:
    validation refuses them, and a lone CR would end the line for a calendar program)."""
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """RFC 5545 lines are at most 75 octets; longer ones continue on lines starting with a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def course_ics(course, url, title, events, stamp=None):
    """An iCalendar file with all-day events: ``events`` is ``[(uid_suffix, date, summary), ...]``."""
    stamp = (stamp or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coursefinder//course calendar//NB", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for suffix, date, summary in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{course.id}-{suffix}@coursefinder",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{date.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(date + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(title + chr(10) + url)}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
