"""A catalogue of the edge cases of the import format, for the layout tests (test_web_reflow.py).

Every text field at the longest value the format allows (../shared/COURSE-FORMAT.md),
unbroken words and addresses, right-to-left text mixed with Latin letters and numbers,
every Norwegian letter, every driving licence class, target group and content value,
rolling and fixed starts, a cancelled and an ended course.  Every record is valid:
``coursefinder.catalogue.loading.load_sources`` accepts the whole list.
"""

import datetime as dt

# The format's maximum lengths (COURSE-FORMAT.md, catalogue/fields.py).
MAX = {"title": 200, "summary": 500, "description": 10_000, "provider": 200, "place": 100, "address": 200,
       "contact_name": 200, "contact_email": 200, "contact_phone": 40, "certification": 200, "id": 64}

TARGET_GROUPS = ["youth", "immigrants", "reduced-work-capacity", "long-term-unemployed"]
CONTENT = ["theory", "practice", "job-seeking", "basic-skills", "norwegian", "labour-market"]
DRIVING_LICENCES = ["A", "A1", "A2", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T", "S"]

# A real-looking Norwegian compound of 60 letters, and words with no space at all.
COMPOUND_60 = "Arbeidsmarkedsopplæringskvalifiseringsprogramkoordinatorkurs"
assert len(COMPOUND_60) == 60
WORD_150 = ("Yrkessjåførkompetansebevisfornyelsesopplæringsgodkjenningsordning"
            "sdokumentasjonskravsoversiktsbehandlingsrutinebeskrivelsestillegg"
            "skontrollrapportering")[:150]
assert len(WORD_150) == 150 and " " not in WORD_150
NORWEGIAN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ abcdefghijklmnopqrstuvwxyzæøå éèêóòôü"
ARABIC = "دورة تدريبية في اللغة النرويجية للعمل"
HEBREW = "קורס הכשרה מקצועית בנורבגית לעבודה"


def fill(text, length, sep=" "):
    """``text`` repeated (with ``sep``) and cut to exactly ``length`` characters, not ending in a space."""
    out = text
    while len(out) < length:
        out += sep + text
    out = out[:length]
    if out.endswith(" "):
        out = out[:-1] + "x"
    return out


def unbroken(text, length):
    """``text`` with its spaces taken out, repeated to exactly ``length`` characters: one long word."""
    return fill(text.replace(" ", ""), length, sep="")


def description(length=MAX["description"]):
    """Plain text of ``length`` characters in paragraphs separated by blank lines."""
    paragraph = ("Kurset gir deg opplæring i faget, med teori på dagtid og praksis i en bedrift i nærheten. "
                 "Du får veiledning underveis, og vi hjelper deg med CV, søknad og intervju. ")
    parts = []
    while sum(len(p) + 2 for p in parts) < length:
        parts.append(paragraph * 3)
    parts.insert(1, f"Les mer på https://{'kurs.' * 8}example.no/{unbroken('informasjon om kurset', 120)} "
                    f"eller skriv til {long_email()} – {COMPOUND_60} – {WORD_150}.")
    return "\n\n".join(parts)[:length].rstrip()


def long_email():
    """A long but valid plain address: a 64-character local part and labels of at most 63."""
    local = unbroken("kontaktpersonforarbeidsmarkedskurs", 64)
    domain = ".".join([unbroken("opplaeringssenterforvoksne", 63), unbroken("kvalifisering", 40), "example", "no"])
    address = f"{local}@{domain}"
    assert len(address) <= MAX["contact_email"]
    return address


def long_url(length=300, hyphens=True):
    """An https:// address of ``length`` characters: a long path and a query."""
    slug = "-".join(["arbeidsmarkedsopplaering", "helsefagarbeider", "med", "norskopplaering", "og", "praksis"])
    if not hyphens:
        slug = slug.replace("-", "")
    base = f"https://www.{unbroken('kursleverandor', 50)}.example.no/kurs/{slug}/"
    url = base + "?" + "&".join(f"parameter{i}={slug}" for i in range(20))
    return url[:length]


def record(**fields):
    base = {"id": "EDGE-x", "title_nb": "Kurs", "course_type": "industry", "sector": "other",
            "provider": "Kurs AS", "county": "03"}
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def edge_records(today=None):
    """The edge-case catalogue, its dates around ``today`` (the tests' day by default)."""
    if today is None:
        from conftest import TODAY as today
    day = lambda days: (today + dt.timedelta(days=days)).isoformat()  # noqa: E731
    title_nb = fill("Arbeidsrettet opplæring i helse, omsorg, logistikk og kontorarbeid med norsk", MAX["title"])
    title_en = fill("Work-oriented training in health, care, logistics and office work with Norwegian", MAX["title"])
    provider = fill("Stiftelsen Arbeidsmarkedsopplæring for Innvandrere og Langtidsledige i Vestland og Trøndelag",
                    MAX["provider"])
    everything = dict(
        course_type="industry", sector="health-care", county="46", municipality="4601",
        delivery="hybrid", start_type="fixed", start_date=day(30), end_date=day(30 + 156 * 7),
        application_deadline=day(10), duration_weeks=156, hours_per_week=37.5, places=1000, age_min=16, age_max=67,
        norwegian_training=True, norwegian_level="C1", norwegian_test=True, target_groups=TARGET_GROUPS,
        content=CONTENT, driving_licences=DRIVING_LICENCES, status="open", updated_at=f"{day(-3)}T09:30:00+01:00",
    )
    records = [
        # Every text at its longest, in ordinary words.
        record(id="EDGE-longest", title_nb=title_nb, title_en=title_en,
               summary_nb=fill("Et kurs for deg som vil lære et yrke og få jobb, med praksis og norskopplæring.",
                               MAX["summary"]),
               summary_en=fill("A course for you who want to learn a trade and find work, with placement.",
                               MAX["summary"]),
               description_nb=description(), description_en=description(),
               provider=provider, place=fill("Nordre Bergenhus bydel ved Damsgårdssundet", MAX["place"]),
               address=fill("Kong Christian Frederiks plass 3, inngang fra Strandkaien, 5014 Bergen", MAX["address"]),
               contact_name=fill("Anne-Marie Kristiansen-Østbø Haugland", MAX["contact_name"]),
               contact_email=long_email(), contact_phone=fill("+47 55 55 55 55 / +47 900 00 000", 40),
               certifications=[fill("Fagbrev i helsearbeiderfaget etter opplæringslova § 3-5 (praksiskandidat)",
                                    MAX["certification"])] * 3 + ["Truckførerbevis T1–T4"],
               url=long_url(300), **everything),
        # Unbroken words everywhere a word can be long.
        record(id="EDGE-unbroken", title_nb=f"{COMPOUND_60} {WORD_150[:139]}", title_en=WORD_150,
               summary_nb=f"{WORD_150} {COMPOUND_60}", summary_en=WORD_150,
               description_nb=f"{WORD_150}\n\n{long_url(300, hyphens=False)}\n\n{long_email()}",
               provider=unbroken(provider, MAX["provider"]), place=unbroken("Damsgårdssundet", MAX["place"]),
               address=unbroken("Kompetansegata", MAX["address"]), contact_name=unbroken("Kristiansen", 200),
               contact_email=long_email(), contact_phone="+" + "4755" * 9 + "555",
               certifications=[unbroken("Truckførerbevis", MAX["certification"]), COMPOUND_60],
               url=long_url(300, hyphens=False), course_type="upper-secondary", sector=None, county="50",
               municipality="5001", start_date=day(60), end_date=day(400), application_deadline=day(20),
               target_groups=TARGET_GROUPS, content=CONTENT, driving_licences=DRIVING_LICENCES),
        # The longest id the format allows, unbroken (it is shown as the course number).
        record(id=unbroken("EDGE-longid-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", MAX["id"]),
               title_nb=COMPOUND_60, provider=WORD_150, start_date=day(14), place=COMPOUND_60),
        # Right-to-left text, mixed with Latin letters and numbers.
        record(id="EDGE-arabic", title_nb=f"{ARABIC} – Norsk B1 for 20 deltakere, 2027",
               title_en=f"{ARABIC} (B1, 2027)",
               summary_nb=f"{ARABIC}: 12 uker, 30 timer i uken. {ARABIC} {COMPOUND_60}",
               summary_en=f"{ARABIC} – 12 weeks of Norwegian, 30 hours a week.",
               description_nb=f"{ARABIC} 123 {ARABIC}\n\n{fill(ARABIC, 2000)}",
               provider=f"{fill(ARABIC, 150)} Opplæring AS 2", place=f"{ARABIC} Oslo",
               address=f"{ARABIC} 12, 0150 Oslo",
               contact_name="محمد عبد الرحمن النرويجي", course_type="norwegian", sector=None, start_date=day(21),
               norwegian_training=True, norwegian_level="A2", target_groups=["immigrants"], content=["norwegian"]),
        record(id="EDGE-hebrew", title_nb=f"{HEBREW} – kurs 3 av 4, 2027", title_en=f"{HEBREW} – course 3 of 4",
               summary_nb=f"{HEBREW} 40 {HEBREW} Bergen.", provider=f"{HEBREW} Kurs AS {HEBREW}",
               place=f"{HEBREW} Tromsø", course_type="basic-skills", sector=None, county="55", start_date=day(7),
               contact_name="דוד כהן", description_nb=fill(HEBREW, 3000)),
        # Every Norwegian letter, and the loan letters Norwegian text uses.
        record(id="EDGE-letters", title_nb=f"Kurs med alle bokstaver: {NORWEGIAN_LETTERS}",
               summary_nb=NORWEGIAN_LETTERS, provider=f"Æøå Øvre Ålesund Læringssenter – {NORWEGIAN_LETTERS}",
               place="Ørsta, Ål, Æsøy og Å i Lofoten", county="15", start_date=day(35), sector="retail",
               delivery="in-person", certifications=[NORWEGIAN_LETTERS]),
        # Every driving licence class, in English too.
        record(id="EDGE-licences", title_nb="Førerkort i alle klasser", title_en="Driving licence in every class",
               provider="Trafikkskolen i Nord AS", county="18", start_date=day(28), sector="hospitality-transport",
               driving_licences=DRIVING_LICENCES, certifications=["YSK-bevis", "Førerkort klasse CE"]),
        # Rolling starts, with and without a date.
        record(id="EDGE-rolling", title_nb=f"Løpende oppstart {COMPOUND_60}", start_type="rolling",
               course_type="fov", sector=None, county="34", delivery="online", provider=provider,
               target_groups=TARGET_GROUPS, content=CONTENT),
        record(id="EDGE-rolling-dated", title_nb="Jobbklubb med løpende oppstart", start_type="rolling",
               start_date=day(-30), end_date=day(300), county="39", contact_email=long_email(), url=long_url(300)),
        # A cancelled course, a closed one and one that has ended.
        record(id="EDGE-cancelled", title_nb=f"Avlyst: {title_nb[:180]}", status="cancelled", county="40",
               start_date=day(40), provider=provider, contact_email=long_email(), url=long_url(300)),
        record(id="EDGE-closed", title_nb=f"Fullt: {WORD_150}", status="closed", county="42", start_date=day(5),
               application_deadline=day(1), provider=unbroken(provider, MAX["provider"])),
        record(id="EDGE-ended", title_nb=f"Ferdig kurs {WORD_150}", start_date=day(-200), end_date=day(-1),
               county="46", sector="hospitality-transport", provider=unbroken(provider, MAX["provider"]),
               address=unbroken("Kompetansegata", MAX["address"]), contact_email=long_email(), url=long_url(300)),
        # An English text that is long, for the English interface.
        record(id="EDGE-english", title_nb=title_nb, title_en=f"{title_en[:130]} {WORD_150[:69]}",
               summary_en=fill(f"Long English summary {WORD_150}", MAX["summary"]), description_en=description(4000),
               provider=provider, county="31", start_date=day(50), sector="engineering-ict",
               certifications=[fill("Certificate of completion in information technology support", 200)] * 5),
    ]
    # One course of each type and sector, short, so that searches list many cards.
    for index, sector in enumerate(["engineering-ict", "childcare-youth", "office", "retail", "construction",
                                    "industry", "service"]):
        records.append(record(id=f"EDGE-sector-{index}", title_nb=f"{COMPOUND_60} {sector}", sector=sector,
                              provider=unbroken(provider, 120 + index * 10), county="03", start_date=day(9 + index),
                              place=unbroken("Grünerløkka", 100)))
    return records
