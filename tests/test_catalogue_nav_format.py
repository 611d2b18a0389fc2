"""Nav's own course records (VeilederflateTiltakGruppe) import as the courses they describe.

The Nav files here are built from Nav's published OpenAPI schema, as data: tests/data/nav-openapi-excerpt.json
holds the schemas from navikt/mulighetsrommet at the commit it names.  Every object starts as the smallest
one the schema allows (each required property, the first enum value, null where null is allowed), gets a
course's values on top, and is checked against the schema before it is used, so that these tests read
what Nav's API really writes.
"""

import json
import pathlib
import re

import pytest

from coursefinder.catalogue import nav_tables, vocabulary
from coursefinder.catalogue.nav_format import read_nav_records
from coursefinder.catalogue.problems import NO_FIELD
from coursefinder.catalogue.validation import check_record

EXCERPT = json.loads((pathlib.Path(__file__).parent / "data" / "nav-openapi-excerpt.json").read_text("utf-8"))
ADVISER_API = EXCERPT["documents"]["arbeidsmarkedstiltak-api"]
ADMIN_API = EXCERPT["documents"]["tiltaksadministrasjon-api"]
REMOVE = object()


def ref(name):
    return {"$ref": "#/components/schemas/" + name}


def resolve(document, node):
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def enum(document, name):
    return resolve(document, ref(name))["enum"]


def _types(node):
    kind = node.get("type", "object")
    return kind if isinstance(kind, list) else [kind]


def smallest(document, node):
    """The smallest value the schema allows: every required property, null where allowed, first enum value."""
    node = resolve(document, node)
    choices = node.get("oneOf") or node.get("anyOf")
    if choices:
        return smallest(document, next((c for c in choices if c.get("type") == "null"), choices[0]))
    if "enum" in node:
        return node["enum"][0]
    if "null" in _types(node):
        return None
    samples = {"array": [], "boolean": False, "integer": 0, "number": 0,
               "string": {"uuid": "00000000-0000-4000-8000-000000000000", "date": "2027-01-04"}.get(node.get("format"),
                                                                                                     "tekst")}
    if _types(node)[0] == "object":
        return {key: smallest(document, node["properties"][key]) for key in node.get("required", ())}
    return samples[_types(node)[0]]


_IS = {"null": lambda v: v is None, "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
       "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
       "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
       "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}


def complaints(document, node, value, path="$"):
    """What in ``value`` the schema does not allow (types, enums, required properties), as a list."""
    node = resolve(document, node)
    choices = node.get("oneOf") or node.get("anyOf")
    if choices:
        if any(not complaints(document, choice, value, path) for choice in choices):
            return []
        return [f"{path}: matches none of {len(choices)} schemas"]
    if "enum" in node and value not in node["enum"]:
        return [f"{path}: {value!r} is not one of {node['enum']}"]
    if not any(_IS[kind](value) for kind in _types(node)):
        return [f"{path}: {value!r} is not {_types(node)}"]
    found = []
    if isinstance(value, dict):
        found += [f"{path}.{key}: required" for key in node.get("required", ()) if key not in value]
        for key, item in value.items():
            if key in node.get("properties", {}):
                found += complaints(document, node["properties"][key], item, f"{path}.{key}")
    if isinstance(value, list) and "items" in node:
        for position, item in enumerate(value):
            found += complaints(document, node["items"], item, f"{path}[{position}]")
    return found


def merged(base, changes):
    """``base`` with ``changes`` on top, objects merged key by key; REMOVE takes a key out."""
    result = dict(base)
    for key, value in changes.items():
        if value is REMOVE:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


def discriminator(variant):
    """The "type" Nav's API writes for an object of the VeilederflateTiltak variant ``variant``."""
    mapping = resolve(ADVISER_API, ref("VeilederflateTiltak"))["discriminator"]["mapping"]
    return next(name for name, target in mapping.items() if target == ref(variant)["$ref"])


GROUP_COURSE = discriminator("VeilederflateTiltakGruppe")

CATEGORISATION = merged(smallest(ADMIN_API, ref("AmoKategoriseringRequest")), {
    "kurstype": "BRANSJE_OG_YRKESRETTET", "bransje": "INDUSTRIARBEID", "forerkort": ["B", "BE"],
    "innholdElementer": ["TEORETISK_OPPLAERING", "PRAKSIS", "BRANSJERETTET_OPPLARING"], "norskprove": False,
    "sertifiseringer": [{"konseptId": 20483, "label": "Sveisesertifikat"}],
})

WELDING = {
    "type": GROUP_COURSE,
    "id": "3f8a2c41-6f0e-4c55-9d0b-7a1e2b3c4d5e",
    "lopenummer": "2027/10412",
    "navn": "Sveising, MAG og TIG",
    "beskrivelse": "For deg som vil jobbe i industrien.\n\nKurset ender med sveisesertifikat.",
    "tiltakstype": {"navn": "Arbeidsmarkedsopplæring (gruppe)", "tiltakskode": "GRUPPE_ARBEIDSMARKEDSOPPLAERING"},
    "oppstart": "FELLES",
    "oppstartsdato": "2027-03-01",
    "sluttdato": "2027-06-18",
    "status": {"type": "GJENNOMFORES", "beskrivelse": "Gjennomføres"},
    "apentForPamelding": True,
    "oppmoteSted": "Industrivegen 2, 5411 Stord",
    "fylker": ["1200"],
    "enheter": ["1221"],
    "arrangor": {"selskapsnavn": "Testkurs Sveis AS", "organisasjonsnummer": "999999999", "kontaktpersoner": [
        {"id": "7c1d0e5a-2b3f-4a6c-8d9e-0f1a2b3c4d5e", "navn": "Kari Nordmann", "epost": "kari@testkurs.example",
         "telefon": "55 00 00 00", "beskrivelse": "Kursleder"}]},
    "amoKategorisering": CATEGORISATION,
}

WELDING_RECORD = {
    "id": "3f8a2c41-6f0e-4c55-9d0b-7a1e2b3c4d5e",
    "title_nb": "Sveising, MAG og TIG",
    "description_nb": "For deg som vil jobbe i industrien.\n\nKurset ender med sveisesertifikat.",
    "address": "Industrivegen 2, 5411 Stord",
    "start_type": "fixed",
    "start_date": "2027-03-01",
    "end_date": "2027-06-18",
    "status": "open",
    "provider": "Testkurs Sveis AS",
    "contact_name": "Kari Nordmann",
    "contact_email": "kari@testkurs.example",
    "contact_phone": "55 00 00 00",
    "course_type": "industry",
    "sector": "industry",
    # BRANSJERETTET_OPPLARING is what course_type industry says already.
    "content": ["theory", "practice"],
    "driving_licences": ["B", "BE"],
    "certifications": ["Sveisesertifikat"],
    "norwegian_test": False,
    "county": "46",
    "municipality": "4614",
}


def nav_course(schema_valid=True, **changes):
    """A VeilederflateTiltakGruppe built from the schema, with the welding course and ``changes`` on top."""
    tiltak = merged(merged(smallest(ADVISER_API, ref("VeilederflateTiltakGruppe")), WELDING), changes)
    if schema_valid:
        adviser_part = {key: value for key, value in tiltak.items() if key not in ("amoKategorisering", "opplaring")}
        assert complaints(ADVISER_API, ref("VeilederflateTiltak"), adviser_part) == []
        if tiltak.get("amoKategorisering") is not None:
            assert complaints(ADMIN_API, ref("AmoKategoriseringRequest"), tiltak["amoKategorisering"]) == []
    return tiltak


def categorised(**changes):
    return merged(CATEGORISATION, changes)


def read(*tiltak):
    return read_nav_records("nav.json", json.dumps(list(tiltak), ensure_ascii=False, indent=2).encode())


def only_record(*tiltak):
    records, problems = read(*tiltak)
    assert problems == [], [problem.render() for problem in problems]
    assert len(records) == 1
    return records[0][1]


def located(problems):
    return [(problem.line, problem.field, problem.message) for problem in problems]


def test_the_excerpt_names_its_source_commit_and_licence():
    assert EXCERPT["source"] == "https://github.com/navikt/mulighetsrommet"
    assert EXCERPT["commit"] == nav_tables.SCHEMA_COMMIT
    assert EXCERPT["licence"].startswith("MIT License")


def test_the_schema_check_catches_what_nav_would_not_write():
    course = nav_course()
    assert complaints(ADVISER_API, ref("VeilederflateTiltak"), merged(course, {"oppstart": "SNART"}))
    assert complaints(ADVISER_API, ref("VeilederflateTiltak"), merged(course, {"navn": REMOVE}))
    assert complaints(ADMIN_API, ref("AmoKategoriseringRequest"), categorised(bransje="FISKE"))


def test_a_nav_course_imports_field_by_field():
    records, problems = read(nav_course())
    assert problems == []
    assert records == [(2, WELDING_RECORD, "json")]


def object_lines(courses):
    """The lines where the objects of ``read(*courses)`` start."""
    text = json.dumps(courses, ensure_ascii=False, indent=2)
    return [number for number, line in enumerate(text.split("\n"), start=1) if line == "  {"]


def test_each_record_has_the_line_where_its_nav_object_starts():
    courses = [nav_course(id=f"course-{n}") for n in range(3)]
    records, problems = read(*courses)
    assert problems == [] and [line for line, _, _ in records] == object_lines(courses)


def test_the_provider_contact_is_the_first_contact_person():
    second = {"id": "00000000-0000-4000-8000-000000000001", "navn": "Ola Nordmann", "epost": "ola@testkurs.example",
              "telefon": None, "beskrivelse": None}
    tiltak = nav_course(arrangor={"kontaktpersoner": WELDING["arrangor"]["kontaktpersoner"] + [second]})
    assert only_record(tiltak)["contact_name"] == "Kari Nordmann"
    without_contact = only_record(nav_course(arrangor={"kontaktpersoner": []}))
    assert not {"contact_name", "contact_email", "contact_phone"} & set(without_contact)


@pytest.mark.parametrize("oppstart", enum(ADVISER_API, "GjennomforingOppstartstype"))
def test_every_start_type_nav_lists_maps_or_is_refused(oppstart):
    records, problems = read(nav_course(oppstart=oppstart))
    expected = {"FELLES": "fixed", "LOPENDE": "rolling"}
    if oppstart in expected:
        assert problems == [] and records[0][1]["start_type"] == expected[oppstart]
    else:
        assert located(problems) == [(2, "[0].oppstart", "'%(value)s' has no equivalent in our format's %(field)s")]


EXPECTED_STATUS = {"GJENNOMFORES": "open", "AVSLUTTET": "closed", "AVBRUTT": "cancelled", "AVLYST": "cancelled"}


def test_the_statuses_nav_lists_are_the_ones_mapped_here():
    assert set(enum(ADVISER_API, "GjennomforingStatusType")) == set(EXPECTED_STATUS)


@pytest.mark.parametrize("open_for_applications", [True, False])
@pytest.mark.parametrize("status", enum(ADVISER_API, "GjennomforingStatusType"))
def test_status_and_sign_up_map_to_our_status(status, open_for_applications):
    record = only_record(nav_course(status={"type": status}, apentForPamelding=open_for_applications))
    expected = EXPECTED_STATUS[status]
    if expected == "open" and not open_for_applications:
        expected = "closed"
    assert record["status"] == expected


def test_a_cancelled_course_stays_cancelled_when_sign_up_is_closed():
    assert only_record(nav_course(status={"type": "AVLYST"}, apentForPamelding=False))["status"] == "cancelled"


EXPECTED_SECTOR = {
    "INGENIOR_OG_IKT_FAG": "engineering-ict", "HELSE_PLEIE_OG_OMSORG": "health-care",
    "BARNE_OG_UNGDOMSARBEID": "childcare-youth", "KONTORARBEID": "office", "BUTIKK_OG_SALGSARBEID": "retail",
    "BYGG_OG_ANLEGG": "construction", "INDUSTRIARBEID": "industry",
    "REISELIV_SERVERING_OG_TRANSPORT": "hospitality-transport", "SERVICEYRKER_OG_ANNET_ARBEID": "service",
    "ANDRE_BRANSJER": "other",
}


@pytest.mark.parametrize("bransje", enum(ADMIN_API, "Bransje.Kode"))
def test_every_bransje_nav_lists_is_one_of_our_sectors(bransje):
    record = only_record(nav_course(amoKategorisering=categorised(bransje=bransje)))
    assert record["sector"] == EXPECTED_SECTOR[bransje]


def test_bransjer_and_sectors_are_one_to_one():
    assert sorted(EXPECTED_SECTOR) == sorted(enum(ADMIN_API, "Bransje.Kode"))
    assert sorted(EXPECTED_SECTOR.values()) == sorted(vocabulary.SECTORS)


EXPECTED_COURSE_TYPE = {"BRANSJE_OG_YRKESRETTET": "industry", "NORSKOPPLAERING": "norwegian",
                        "GRUNNLEGGENDE_FERDIGHETER": "basic-skills", "FORBEREDENDE_OPPLAERING_FOR_VOKSNE": "fov",
                        "STUDIESPESIALISERING": "upper-secondary"}


@pytest.mark.parametrize("kurstype", enum(ADMIN_API, "Kurstype.Kode"))
def test_every_kurstype_nav_lists_is_one_of_our_course_types(kurstype):
    # Nav records a bransje only for bransje- og yrkesrettede courses.
    other = {"bransje": None, "innholdElementer": ["GRUNNLEGGENDE_FERDIGHETER"]}
    categorisation = categorised(kurstype=kurstype, **({} if kurstype == "BRANSJE_OG_YRKESRETTET" else other))
    record = only_record(nav_course(amoKategorisering=categorisation))
    assert record["course_type"] == EXPECTED_COURSE_TYPE[kurstype]
    assert ("sector" in record) == (kurstype == "BRANSJE_OG_YRKESRETTET")


def test_kurstyper_and_course_types_are_one_to_one():
    assert sorted(EXPECTED_COURSE_TYPE) == sorted(enum(ADMIN_API, "Kurstype.Kode"))
    assert sorted(EXPECTED_COURSE_TYPE.values()) == sorted(vocabulary.COURSE_TYPES)


def test_a_norwegian_course_is_marked_as_norwegian_training_and_keeps_its_test():
    categorisation = categorised(kurstype="NORSKOPPLAERING", bransje=None, norskprove=True,
                                 innholdElementer=["NORSKOPPLAERING", "ARBEIDSMARKEDSKUNNSKAP"])
    record = only_record(nav_course(amoKategorisering=categorisation))
    assert (record["course_type"], record["norwegian_training"], record["norwegian_test"]) == ("norwegian", True, True)
    assert record["content"] == ["norwegian", "labour-market"]


EXPECTED_LICENCE = {code: code for code in vocabulary.DRIVING_LICENCES}
EXPECTED_LICENCE["B_78"] = "B"


@pytest.mark.parametrize("forerkort", enum(ADMIN_API, "ForerkortKlasse.Kode"))
def test_every_driving_licence_class_nav_lists_maps_or_is_refused(forerkort):
    records, problems = read(nav_course(amoKategorisering=categorised(forerkort=[forerkort])))
    if forerkort in EXPECTED_LICENCE:
        assert problems == [] and records[0][1]["driving_licences"] == [EXPECTED_LICENCE[forerkort]]
    else:
        # AM and AM_147, moped classes, are not among ours.
        assert forerkort in ("AM", "AM_147")
        assert located(problems) == [(2, "[0].amoKategorisering.forerkort[0]",
                                      "'%(value)s' has no equivalent in our format's %(field)s")]


def test_b_and_b_with_automatic_gears_give_class_b_once():
    record = only_record(nav_course(amoKategorisering=categorised(forerkort=["B_78", "B", "C1"])))
    assert record["driving_licences"] == ["B", "C1"]


EXPECTED_CONTENT = {"GRUNNLEGGENDE_FERDIGHETER": "basic-skills", "TEORETISK_OPPLAERING": "theory",
                    "JOBBSOKER_KOMPETANSE": "job-seeking", "PRAKSIS": "practice",
                    "ARBEIDSMARKEDSKUNNSKAP": "labour-market", "NORSKOPPLAERING": "norwegian"}


@pytest.mark.parametrize("element", enum(ADMIN_API, "InnholdElement.Kode"))
def test_every_content_element_nav_lists_maps_or_is_refused(element):
    fov = categorised(kurstype="FORBEREDENDE_OPPLAERING_FOR_VOKSNE", bransje=None, innholdElementer=[element])
    records, problems = read(nav_course(amoKategorisering=fov))
    if element in EXPECTED_CONTENT:
        assert problems == [] and records[0][1]["content"] == [EXPECTED_CONTENT[element]]
    else:
        # Sector-oriented training is content only an industry course expresses (by its course_type).
        assert element == "BRANSJERETTET_OPPLARING"
        assert located(problems) == [(2, "[0].amoKategorisering.innholdElementer[0]",
                                      "'%(value)s' has no equivalent in our format's %(field)s")]


IMPORTED_TYPES = ("ARBEIDSMARKEDSOPPLAERING", "GRUPPE_ARBEIDSMARKEDSOPPLAERING", "FAG_OG_YRKESOPPLAERING",
                  "GRUPPE_FAG_OG_YRKESOPPLAERING", "NORSKOPPLAERING_GRUNNLEGGENDE_FERDIGHETER_FOV",
                  "STUDIESPESIALISERING")


@pytest.mark.parametrize("tiltakskode", enum(ADVISER_API, "Tiltakskode"))
def test_only_labour_market_training_types_are_imported(tiltakskode):
    # Nav categorises no studiespesialisering: its type says all.
    categorisation = None if tiltakskode == "STUDIESPESIALISERING" else CATEGORISATION
    records, problems = read(nav_course(tiltakstype={"tiltakskode": tiltakskode}, amoKategorisering=categorisation))
    if tiltakskode in IMPORTED_TYPES:
        assert problems == [] and len(records) == 1
    else:
        assert records == []
        assert [(field, message.split(";")[0]) for _, field, message in located(problems)] == [
            ("[0].tiltakstype.tiltakskode", "'%(value)s' is not a labour-market training course (AMO)")]


def test_the_type_settles_the_course_type_where_nav_does():
    # Nav's own validator: ARBEIDSMARKEDSOPPLAERING is always bransje- og yrkesrettet, STUDIESPESIALISERING
    # needs no categorisation at all.
    vocational = nav_course(tiltakstype={"tiltakskode": "ARBEIDSMARKEDSOPPLAERING"},
                            amoKategorisering=categorised(kurstype=None))
    assert only_record(vocational)["course_type"] == "industry"
    upper_secondary = nav_course(tiltakstype={"tiltakskode": "STUDIESPESIALISERING"}, amoKategorisering=None)
    record = only_record(upper_secondary)
    assert record["course_type"] == "upper-secondary" and "sector" not in record


def test_a_single_place_is_not_a_course():
    single = merged(smallest(ADVISER_API, ref("VeilederflateTiltakEnkeltplass")),
                    {"type": discriminator("VeilederflateTiltakEnkeltplass"),
                     "tiltakstype": {"tiltakskode": "ENKELTPLASS_ARBEIDSMARKEDSOPPLAERING"}})
    assert complaints(ADVISER_API, ref("VeilederflateTiltak"), single) == []
    records, problems = read(single)
    assert records == [] and [field for _, field, _ in located(problems)] == ["[0].type"]


@pytest.mark.parametrize("enheter, fylker, county, municipality", [
    (["0313"], ["0300"], "03", "0301"),  # Nav St. Hanshaugen, a district office of Oslo
    (["0313", "0330"], ["0300"], "03", "0301"),  # two offices, one municipality
    (["1221"], ["1200"], "46", "4614"),  # Nav Stord
    (["5302"], ["0800"], "39", "3911"),  # Nav Færder: 53xx is no county number
    (["0532"], ["0400"], "32", "3236"),  # Nav Jevnaker, in Akershus since 2024 though its number says Oppland
    (["0104", "0106"], ["0200"], "31", None),  # Moss and Fredrikstad: one county, two municipalities
    (["1160"], ["1100"], "11", None),  # Nav Vindafjord-Etne serves two counties: its region settles it
    ([], ["1100"], "11", None),  # a region only
    (["0383", "0313"], ["0300"], "03", "0301"),  # Nav egne ansatte Oslo says only which region
    (["4154", "1804"], ["1800"], "18", "1804"),  # the national unit says nothing of place
])
def test_nav_offices_and_regions_give_county_and_municipality(enheter, fylker, county, municipality):
    record = only_record(nav_course(enheter=enheter, fylker=fylker))
    assert (record["county"], record.get("municipality")) == (county, municipality)


@pytest.mark.parametrize("enheter, fylker, field", [
    (["9999"], ["1200"], "[0].enheter[0]"),  # no such office
    (["1221"], ["0900"], "[0].fylker[0]"),  # 0900 was Aust-Agder's number, never a Nav region's
    (["0104", "0219"], ["0200", "0600"], "[0].enheter"),  # Østfold and Akershus: nothing settles which
    ([], [], "[0].enheter"),  # no place at all
])
def test_a_course_without_one_county_is_refused_at_its_nav_path(enheter, fylker, field):
    records, problems = read(nav_course(enheter=enheter, fylker=fylker))
    assert records == [] and [(line, problem_field) for line, problem_field, _ in located(problems)] == [(2, field)]


def test_problems_name_the_json_path_in_navs_file():
    courses = [nav_course(id="course-1"),
               nav_course(schema_valid=False, id="course-2", amoKategorisering=categorised(bransje="FISKE"))]
    records, problems = read(*courses)
    assert [record["id"] for _, record, _ in records] == ["course-1"]
    assert [(problem.line, problem.field, problem.params["value"]) for problem in problems] == [
        (object_lines(courses)[1], "[1].amoKategorisering.bransje", "FISKE")]


@pytest.mark.parametrize("changes, field, message", [
    ({"navn": REMOVE}, "[0].navn", "is required"),
    ({"navn": None}, "[0].navn", "is required"),
    ({"id": "2027/10412"}, "[0].id", None),
    ({"arrangor": {"selskapsnavn": None}}, "[0].arrangor.selskapsnavn", "is required"),
    ({"status": {"type": "UKJENT"}}, "[0].status.type", None),
    ({"enheter": "1221"}, "[0].enheter", "must be a list"),
    ({"amoKategorisering": REMOVE}, "[0].amoKategorisering", "is required: Nav's adviser API leaves out"),
    ({"amoKategorisering": {"kurstype": None, "bransje": "INDUSTRIARBEID"}}, "[0].amoKategorisering.kurstype",
     "is required"),
    ({"amoKategorisering": {"bransje": None}}, "[0].amoKategorisering.bransje", "is required"),
    ({"amoKategorisering": {"sertifiseringer": [{"konseptId": 1}]}}, "[0].amoKategorisering.sertifiseringer[0].label",
     "is required"),
])
def test_a_value_that_cannot_be_mapped_is_one_problem_at_its_path(changes, field, message):
    records, problems = read(nav_course(schema_valid=False, **changes))
    assert records == []
    assert [problem.field for problem in problems] == [field]
    assert message is None or problems[0].message.startswith(message)


@pytest.mark.parametrize("data, line, message", [
    (b"[]", 1, "the file holds no Nav tiltak: its array is empty"),
    (b"  [\n\n]\n", 1, "the file holds no Nav tiltak: its array is empty"),
    (json.dumps({"data": [WELDING]}).encode(), 1, None),
    (b'"Sveisekurs"', 1, None),
    ('[{"navn": "Sveisekurs på Stord"}]'.encode("latin-1"), 1, None),
])
def test_a_file_that_is_not_a_list_of_nav_tiltak_is_one_clear_problem(data, line, message):
    records, problems = read_nav_records("nav.json", data)
    assert records == [] and len(problems) == 1
    assert (problems[0].line, problems[0].field) == (line, NO_FIELD)
    assert message is None or problems[0].message == message


def test_broken_json_is_one_problem_and_the_courses_read_before_it_are_still_mapped():
    text = json.dumps([nav_course(id="course-1"), nav_course(id="course-2")], ensure_ascii=False, indent=2)
    broken = text[:-30]
    records, problems = read_nav_records("nav.json", broken.encode())
    assert [record["id"] for _, record, _ in records] == ["course-1"]
    assert [(problem.line, problem.field, problem.message) for problem in problems] == [
        (broken.count("\n") + 1, NO_FIELD, "broken JSON: %(detail)s")]


def test_the_admin_apis_categorisation_objects_read_like_the_codes():
    def coded(code):
        return {"id": "00000000-0000-4000-8000-000000000002", "kode": code, "navn": code.title()}

    opplaring = merged(smallest(ADMIN_API, ref("OpplaringKategoriseringDetaljer")), {
        "kurstype": coded("BRANSJE_OG_YRKESRETTET"), "bransje": coded("INDUSTRIARBEID"),
        "forerkort": [coded("B"), coded("BE")],
        "innholdElementer": [coded(code) for code in CATEGORISATION["innholdElementer"]],
        "norskprove": False, "sertifiseringer": CATEGORISATION["sertifiseringer"]})
    assert complaints(ADMIN_API, ref("OpplaringKategoriseringDetaljer"), opplaring) == []
    assert only_record(nav_course(amoKategorisering=REMOVE, opplaring=opplaring)) == WELDING_RECORD


def varied_courses():
    """One course of each kind the tests above import, for our own validation to read."""
    kinds = [nav_course(id="rolling", oppstart="LOPENDE", sluttdato=None),
             nav_course(id="cancelled", status={"type": "AVLYST"}, apentForPamelding=False),
             nav_course(id="ended", status={"type": "AVSLUTTET"}, oppstartsdato="2026-01-05", sluttdato="2026-03-27"),
             nav_course(id="oslo", enheter=["0313", "0330"], fylker=["0300"], oppmoteSted=None, beskrivelse=None),
             nav_course(id="upper-secondary", tiltakstype={"tiltakskode": "STUDIESPESIALISERING"},
                        amoKategorisering=None)]
    kinds += [nav_course(id=f"sector-{code}", amoKategorisering=categorised(bransje=code)) for code in EXPECTED_SECTOR]
    kinds += [nav_course(id=f"type-{code}", amoKategorisering=categorised(
        kurstype=code, bransje=None, innholdElementer=["NORSKOPPLAERING"], norskprove=True))
        for code in EXPECTED_COURSE_TYPE if code != "BRANSJE_OG_YRKESRETTET"]
    return kinds


def test_every_record_produced_passes_our_own_validation():
    courses = varied_courses()
    records, problems = read(*courses)
    assert problems == [] and len(records) == len(courses)
    for line, record, source in records:
        course, record_problems = check_record("nav.json", line, record, source)
        assert record_problems == [], [problem.render() for problem in record_problems]
        assert course is not None and course.id == record["id"]


def test_the_code_tables_cover_every_code_nav_lists_and_map_to_our_vocabulary():
    tables = [(nav_tables.START_TYPES, ADVISER_API, "GjennomforingOppstartstype", vocabulary.START_TYPES),
              (nav_tables.STATUSES, ADVISER_API, "GjennomforingStatusType", vocabulary.STATUSES),
              (nav_tables.KURSTYPER, ADMIN_API, "Kurstype.Kode", vocabulary.COURSE_TYPES),
              (nav_tables.BRANSJER, ADMIN_API, "Bransje.Kode", vocabulary.SECTORS),
              (nav_tables.FORERKORT, ADMIN_API, "ForerkortKlasse.Kode", vocabulary.DRIVING_LICENCES),
              (nav_tables.INNHOLD_ELEMENTER, ADMIN_API, "InnholdElement.Kode", vocabulary.CONTENT)]
    for table, document, name, ours in tables:
        assert set(enum(document, name)) <= set(table), name
        assert {value for value in table.values() if value is not None} <= set(ours), name
    assert set(nav_tables.IMPORTED_TILTAKSKODER) == set(IMPORTED_TYPES)
    assert set(IMPORTED_TYPES) <= set(enum(ADVISER_API, "Tiltakskode"))


def test_the_office_table_gives_only_2024_counties():
    for number in nav_tables.OFFICES:
        counties, municipality = nav_tables.office_place(number)
        assert len(number) == 4 and number.isdigit()
        assert counties and set(counties) <= set(vocabulary.COUNTIES), number
        assert municipality is None or (len(municipality) == 4 and municipality[:2] == counties[0]), number
    for number, counties in nav_tables.REGIONS.items():
        assert counties and set(counties) <= set(vocabulary.COUNTIES), number
    assert set(nav_tables.SPECIAL_UNITS.values()) <= set(nav_tables.REGIONS)
    assert not set(nav_tables.OFFICES) & (set(nav_tables.REGIONS) | set(nav_tables.SPECIAL_UNITS))


def test_the_example_in_the_documentation_imports_as_it_says():
    text = (pathlib.Path(__file__).parent.parent / "docs" / "nav-format.md").read_text("utf-8")
    nav_file, record = re.findall(r"```json\n(.*?)```", text.split("## Example", 1)[1], re.S)
    records, problems = read_nav_records("nav.json", nav_file.encode())
    assert problems == [] and records == [(2, json.loads(record), "json")]
