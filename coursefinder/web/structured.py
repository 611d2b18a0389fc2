"""Course data for machines: schema.org JSON-LD for search engines, iCalendar for calendars."""

import datetime as dt
import json
import re
from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup

from ..catalogue.vocabulary import COUNTIES
from ..i18n import text_of
from ..text import visible

_MODES = {"in-person": "onsite", "online": "online", "hybrid": "blended"}


def course_json_ld(course, url, lang):
    title = text_of(course, "title", lang)[0]
    summary = text_of(course, "summary", lang)[0]
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


@dataclass(frozen=True)
class CalendarEvent:
    """An all-day event; ``alarms`` is ``((days before, text), ...)``."""

    uid: str
    day: dt.date
    summary: str
    description: str
    location: str | None = None
    url: str | None = None
    cancelled: bool = False
    alarms: tuple = ()


def course_location(course):
    """Where a course is held, for a calendar: its address, place and county (or "Online")."""
    if course.delivery == "online" and not course.address:
        return _("Online")
    parts = []
    for part in (course.address, course.place, COUNTIES.get(course.county, course.county)):
        part = " ".join((part or "").split())
        # A place already named in the address ("Storgata 1, 2000 Lillestrøm") is not said twice.
        if part and not any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", known, re.IGNORECASE) for known in parts):
            parts.append(part)
    return ", ".join(parts)


def _reminders(course, title, today):
    """The deadline's reminders that are still ahead: none for a course that takes no applications.

    A reminder goes off at the start of its day, so one on ``today`` or before would already be past.
    """
    deadline = course.application_deadline
    if deadline is None or course.status != "open" or deadline <= today:
        return ()
    reminders = ((7, _("The application deadline is in a week: %(title)s", title=title)),
                 (1, _("The application deadline is tomorrow: %(title)s", title=title)))
    return tuple((days, text) for days, text in reminders if deadline - dt.timedelta(days=days) > today)


def course_events(course, url, lang, today):
    """The calendar events of a course: its application deadline (with reminders) and its start."""
    title = text_of(course, "title", lang)[0]
    location = course_location(course)
    description = "\n\n".join([
        title, _("%(name)s: %(value)s", name=_("Where"), value=location),
        _("Talk to your adviser at Nav first: your adviser decides with you if the course fits you, "
          "and signs you up."), url])
    cancelled = course.status == "cancelled"

    def event(suffix, day, summary, alarms=()):
        if cancelled:
            summary = _("%(name)s: %(value)s", name=_("Cancelled"), value=summary)
        return CalendarEvent(f"{course.id}-{suffix}", day, summary, description, location, url, cancelled, alarms)

    events = []
    if course.application_deadline:
        events.append(event("deadline", course.application_deadline,
                            _("Application deadline: %(title)s", title=title), _reminders(course, title, today)))
    if course.start_date:
        events.append(event("start", course.start_date, _("Course starts: %(title)s", title=title)))
    return events


def calendar_ics(events, name, stamp):
    """An iCalendar file (RFC 5545) of all-day events, named ``name``; ``stamp``: when its data was made."""
    stamp = stamp.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coursefinder//course calendar//NB", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"NAME:{_ics_text(name)}", f"X-WR-CALNAME:{_ics_text(name)}"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ics_text(event.uid)}@coursefinder",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(event.summary)}",
            f"DESCRIPTION:{_ics_text(event.description)}",
            *([f"LOCATION:{_ics_text(event.location)}"] if event.location else []),
            *([f"URL:{event.url}"] if event.url else []),
            *(["STATUS:CANCELLED"] if event.cancelled else []),
            "TRANSP:TRANSPARENT",
        ]
        for days, text in event.alarms:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:-P{days}D", f"DESCRIPTION:{_ics_text(text)}",
                      "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def ics_answer(body, filename):
    """The answer for a calendar file: downloaded as ``filename``.ics."""
    return body, 200, {"Content-Type": "text/calendar; charset=utf-8",
                       "Content-Disposition": f'attachment; filename="{filename}.ics"'}
