"""Nav's own course records (tiltaksgjennomføringer) read as records of our import format.

The file is what Nav's adviser API (navikt/mulighetsrommet, GET /api/veilederflate/gjennomforinger)
answers: one JSON array of ``VeilederflateTiltak`` objects, not an object around it.  Each group course
(``VeilederflateTiltakGruppe``) becomes one record.  That API leaves out the AMO categorisation, so each
object must also carry it as ``amoKategorisering``, in the shape of Nav's ``AmoKategoriseringRequest``
(codes), or as ``opplaring`` in the shape of ``OpplaringKategoriseringDetaljer`` (``{"kode": ...}``
objects), both from Nav's tiltaksadministrasjon API.  docs/nav-format.md gives the mapping field by field.

A Nav object that cannot be mapped gives problems whose FIELD is the JSON path in Nav's file
(``[3].amoKategorisering.bransje``) and no record; the records given go through our normal validation
(the caller's business), so our own field rules are not repeated here.
"""

import json

from . import nav_tables as nav
from .fields import FIELDS, Enum
from .problems import N_, NO_FIELD, Invalid, Problem
from .readers import FileProblem, decode, read_json_array

_KIND_MESSAGES = {
    str: N_("must be text"),
    bool: N_("must be true or false"),
    list: N_("must be a list"),
    dict: N_("must be an object"),
}


def read_nav_records(label, data):
    """Read a file of Nav tiltak; return ``(records, problems)`` as ``readers.read_records`` does.

    ``records`` is a list of ``(line, record, "json")``: ``line`` is where the Nav object starts and
    ``record`` a dict of our format's fields with JSON values.  When the file breaks off, the objects
    read before the break are still mapped, so that their problems are listed in the same run.
    """
    records, problems = [], []
    try:
        text = decode(label, data)
        _require_array(text)
        count = 0
        for index, (line, value) in enumerate(read_json_array(text, problems, label)):
            count += 1
            tiltak = _Tiltak(label, line, index)
            record = tiltak.map(value)
            problems.extend(tiltak.problems)
            if record is not None:
                records.append((line, record, "json"))
        if count == 0:
            problems.append(Problem(label, 1, NO_FIELD, N_("the file holds no Nav tiltak: its array is empty")))
    except FileProblem as problem:
        problems.append(Problem(label, problem.line, problem.field, problem.message, problem.params))
    return records, problems


def _require_array(text):
    if text.lstrip().startswith("["):
        return
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(error.lineno, N_("broken JSON: %(detail)s"), detail=error.msg) from None
    except (ValueError, RecursionError):
        raise FileProblem(1, N_("broken JSON: %(detail)s"), detail="nested too deeply") from None
    raise FileProblem(1, N_("a file of Nav tiltak must hold one JSON array of Nav's tiltak objects, "
                            "as Nav's API gives it: [ {...}, {...} ]"))


class _Tiltak:
    """One Nav object being mapped; its problems carry the object's line and a JSON path inside it."""

    def __init__(self, label, line, index):
        self.label, self.line, self.root = label, line, f"[{index}]"
        self.problems = []

    def problem(self, path, message, **params):
        self.problems.append(Problem(self.label, self.line, self.root + path, message, params))

    def value(self, value, path, kind, required=False):
        """``value`` when it is a ``kind``; None when it is null or absent (a problem when required) or wrong."""
        if value is None:
            if required:
                self.problem(path, N_("is required"))
            return None
        if not isinstance(value, kind):
            self.problem(path, _KIND_MESSAGES[kind])
            return None
        return value

    def get(self, obj, key, path, kind, required=False):
        return self.value(obj.get(key), path, kind, required)

    def code(self, value, table, path):
        """The Nav code ``value`` when ``table`` lists it, else None with a problem naming the codes Nav has."""
        if isinstance(value, dict) and "kode" in value:
            # OpplaringKategoriseringDetaljer gives each code as {"id": ..., "kode": ..., "navn": ...}.
            value = value["kode"]
        try:
            return Enum(table).check(value)
        except Invalid as invalid:
            self.problem(path, invalid.message, **invalid.params)
            return None

    def ours(self, value, table, path, our_field):
        """Our code for the Nav code ``value``; None, with a problem, when there is none."""
        code = self.code(value, table, path)
        if code is not None and table[code] is None:
            self.problem(path, N_("'%(value)s' has no equivalent in our format's %(field)s"),
                         value=code, field=our_field)
        return table.get(code)

    def required_ours(self, obj, key, path, table, our_field):
        if obj.get(key) is None:
            self.problem(path, N_("is required"))
            return None
        return self.ours(obj[key], table, path, our_field)

    def codes(self, obj, key, path, table, our_field, skip=()):
        """Our codes for a list of Nav codes, in order and each once."""
        found = []
        for position, value in enumerate(self.get(obj, key, path, list) or ()):
            if (value.get("kode") if isinstance(value, dict) else value) in skip:
                continue
            code = self.ours(value, table, f"{path}[{position}]", our_field)
            if code is not None and code not in found:
                found.append(code)
        return found or None

    def map(self, tiltak):
        if not isinstance(tiltak, dict):
            self.problem("", N_("each Nav tiltak must be a JSON object"))
            return None
        kind = tiltak.get("type", nav.GROUP_COURSE)
        if kind != nav.GROUP_COURSE:
            self.problem(".type", N_("'%(value)s' is not a group course (VeilederflateTiltakGruppe); single places "
                                     "and other kinds of tiltak are not imported"), value=str(kind))
            return None
        tiltakstype = self.get(tiltak, "tiltakstype", ".tiltakstype", dict, required=True)
        if tiltakstype is None:
            return None
        tiltakskode = self.get(tiltakstype, "tiltakskode", ".tiltakstype.tiltakskode", str, required=True)
        if tiltakskode is None:
            return None
        if tiltakskode not in nav.IMPORTED_TILTAKSKODER:
            self.problem(".tiltakstype.tiltakskode", N_("'%(value)s' is not a labour-market training course (AMO); "
                                                        "only these Nav tiltak types are imported: %(allowed)s"),
                         value=tiltakskode, allowed=", ".join(nav.IMPORTED_TILTAKSKODER))
            return None
        record = {"id": self.course_id(tiltak),
                  "title_nb": self.get(tiltak, "navn", ".navn", str, required=True),
                  "description_nb": self.get(tiltak, "beskrivelse", ".beskrivelse", str),
                  "address": self.get(tiltak, "oppmoteSted", ".oppmoteSted", str),
                  "start_type": self.required_ours(tiltak, "oppstart", ".oppstart", nav.START_TYPES, "start_type"),
                  "start_date": self.get(tiltak, "oppstartsdato", ".oppstartsdato", str, required=True),
                  "end_date": self.get(tiltak, "sluttdato", ".sluttdato", str),
                  "status": self.status(tiltak)}
        record.update(self.provider(tiltak))
        record.update(self.categorisation(tiltak, nav.IMPORTED_TILTAKSKODER[tiltakskode]))
        record.update(self.place(tiltak))
        if self.problems:
            return None
        return {name: value for name, value in record.items() if value is not None}

    def course_id(self, tiltak):
        # Nav's id is a UUID, stable and never reused; lopenummer ("2025/10000") has a '/' our ids refuse.
        course_id = self.get(tiltak, "id", ".id", str, required=True)
        if course_id is None:
            return None
        try:
            return FIELDS["id"].check(course_id)
        except Invalid as invalid:
            self.problem(".id", invalid.message, **invalid.params)
            return None

    def status(self, tiltak):
        status = self.get(tiltak, "status", ".status", dict, required=True)
        ours = None if status is None else self.required_ours(status, "type", ".status.type", nav.STATUSES, "status")
        open_for_applications = self.get(tiltak, "apentForPamelding", ".apentForPamelding", bool, required=True)
        # A course Nav has closed for sign-up is closed to us too, unless it is cancelled altogether.
        return "closed" if ours == "open" and open_for_applications is False else ours

    def provider(self, tiltak):
        arrangor = self.get(tiltak, "arrangor", ".arrangor", dict, required=True)
        if arrangor is None:
            return {}
        found = {"provider": self.get(arrangor, "selskapsnavn", ".arrangor.selskapsnavn", str, required=True)}
        # The provider's first contact person, the one Nav's advisers see first; our format holds one.
        people = self.get(arrangor, "kontaktpersoner", ".arrangor.kontaktpersoner", list)
        person = self.value(people[0], ".arrangor.kontaktpersoner[0]", dict) if people else None
        if person is not None:
            path = ".arrangor.kontaktpersoner[0]."
            found.update(contact_name=self.get(person, "navn", path + "navn", str),
                         contact_email=self.get(person, "epost", path + "epost", str),
                         contact_phone=self.get(person, "telefon", path + "telefon", str))
        return found

    def categorisation(self, tiltak, implied_kurstype):
        key = "opplaring" if "opplaring" in tiltak and "amoKategorisering" not in tiltak else "amoKategorisering"
        path = "." + key
        if tiltak.get(key) is None and nav.KURSTYPER.get(implied_kurstype) != "upper-secondary":
            # Only studiespesialisering is settled by its type alone; every other course needs its
            # kurstype, or at least its bransje, from the categorisation.
            self.problem(path, N_("is required: Nav's adviser API leaves out the AMO categorisation, so add it "
                                  "to each tiltak from Nav's tiltaksadministrasjon (see docs/nav-format.md)"))
        amo = self.get(tiltak, key, path, dict)
        if amo is None:
            return {"course_type": nav.KURSTYPER.get(implied_kurstype)}
        if implied_kurstype:
            course_type = nav.KURSTYPER[implied_kurstype]
        else:
            course_type = self.required_ours(amo, "kurstype", path + ".kurstype", nav.KURSTYPER, "course_type")
        if course_type == "industry":
            sector = self.required_ours(amo, "bransje", path + ".bransje", nav.BRANSJER, "sector")
        else:
            # Nav records a bransje only for vocational courses, but one given elsewhere still maps.
            sector = None if amo.get("bransje") is None else self.ours(amo["bransje"], nav.BRANSJER,
                                                                       path + ".bransje", "sector")
        # Sector-oriented training is what an industry course is; with no course type, that problem says enough.
        skip = (nav.INDUSTRY_CONTENT,) if course_type in ("industry", None) else ()
        content = self.codes(amo, "innholdElementer", path + ".innholdElementer", nav.INNHOLD_ELEMENTER, "content",
                             skip)
        norwegian = course_type == "norwegian" or "norwegian" in (content or ())
        return {"course_type": course_type, "sector": sector, "content": content,
                "driving_licences": self.codes(amo, "forerkort", path + ".forerkort", nav.FORERKORT,
                                               "driving_licences"),
                "certifications": self.certifications(amo, path + ".sertifiseringer"),
                "norwegian_test": self.get(amo, "norskprove", path + ".norskprove", bool),
                # A Norwegian course, or one with Norwegian as content, is combined with Norwegian training.
                "norwegian_training": True if norwegian else None}

    def certifications(self, amo, path):
        labels = []
        for position, item in enumerate(self.get(amo, "sertifiseringer", path, list) or ()):
            certificate = self.value(item, f"{path}[{position}]", dict)
            if certificate is not None:
                label = self.get(certificate, "label", f"{path}[{position}].label", str, required=True)
                labels += [label] if label is not None else []
        return labels or None

    def place(self, tiltak):
        """County and municipality from the Nav offices and regions the course is for."""
        held, municipalities, bought, before = set(), set(), set(), len(self.problems)
        for key in ("enheter", "fylker"):
            for position, number in enumerate(self.get(tiltak, key, "." + key, list) or ()):
                path = f".{key}[{position}]"
                number = self.value(number, path, str)
                if number is None:
                    continue
                office = nav.office_place(number) if key == "enheter" else None
                counties = office[0] if office else nav.region_counties(number)
                if counties is None:
                    self.problem(path, N_("Nav unit %(number)s is not in our table of Nav offices and regions"),
                                 number=number)
                elif office:
                    held.update(counties)
                    municipalities.add(office[1])
                else:
                    bought.update(counties)
        if len(self.problems) > before:
            return {}
        if len(held) == 1:
            # The offices settle the county; a municipality only when every office serves the same one.
            return {"county": held.pop(), "municipality": municipalities.pop() if len(municipalities) == 1 else None}
        if len(bought) == 1:
            # Offices in several counties, or none: the one region that bought the course settles it.
            return {"county": bought.pop()}
        if held or bought:
            self.problem(".enheter", N_("the course is for Nav offices in several counties (%(counties)s) and its "
                                        "Nav region does not settle which; our format holds one county per course"),
                         counties=", ".join(sorted(held or bought)))
        else:
            self.problem(".enheter", N_("names no Nav office or Nav region, so the course has no county"))
        return {}
