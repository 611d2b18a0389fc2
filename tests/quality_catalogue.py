"""A catalogue and a set of queries for measuring search quality (used by test_search_quality.py).

Each course has a kind; each query names the kinds of course a person typing it wants.
The texts are written as Nav's providers write them, with compounds, inflections and
mostly Norwegian-only text, so that the queries test what people really type.
"""

from conftest import course

# (id, kind, title_nb, title_en, summary_nb, certifications, sector)
COURSES = [
    ("W1", "welding", "Sveisekurs MAG og TIG", "Welding course, MAG and TIG", "Lær sveising med MAG og TIG.", ["Sveisesertifikat"], "industry"),
    ("W2", "welding", "Sveising med norskopplæring", None, "Grunnleggende sveising og norsk på arbeidsplassen.", [], "industry"),
    ("W3", "welding", "Sveiser – forberedende til fagbrev", None, "For deg som vil ta fagbrev som sveiser.", ["Fagbrev"], "industry"),
    ("F1", "forklift", "Truckførerkurs T1–T4", "Forklift operator course T1–T4", "Kurs for truckfører med praksis.", ["Truckførerbevis T1–T4"], "hospitality-transport"),
    ("F2", "forklift", "Truckførerbevis og lagerarbeid", None, "Ta truckførerbevis og lær lagerarbeid.", ["Truckførerbevis T1–T4"], "hospitality-transport"),
    ("L1", "warehouse", "Lagermedarbeider med truckførerbevis", None, "Arbeid på lageret: varemottak og plukk.", ["Truckførerbevis T1–T4"], "hospitality-transport"),
    ("L2", "warehouse", "Lager og logistikk for unge", "Warehouse and logistics for young people", "Logistikk, lager og varehåndtering.", [], "hospitality-transport"),
    ("D1", "truck-driver", "Yrkessjåfør lastebil C/CE med YSK", None, "Førerkort klasse C og CE med yrkessjåførkompetanse.", ["YSK-bevis"], "hospitality-transport"),
    ("D2", "truck-driver", "Lastebilsjåfør – førerkort klasse C", None, "Ta førerkortet for lastebil.", [], "hospitality-transport"),
    ("B1", "bus-driver", "Yrkessjåfør buss klasse D med YSK", "Bus driver class D with CPC", "Bussførerkort og kundeservice.", ["YSK-bevis"], "hospitality-transport"),
    ("B2", "bus-driver", "Bussjåfør for innvandrere", None, "Bli bussjåfør: førerkort klasse D og norsk.", [], "hospitality-transport"),
    ("H1", "health", "Helsefagarbeider – forberedende kurs", "Health worker – preparatory course", "Forbered deg til fagbrev som helsefagarbeider.", ["Fagbrev"], "health-care"),
    ("H2", "health", "Helsefagarbeider med norskopplæring", None, "Praksis på sykehjem og norsk for helsefag.", [], "health-care"),
    ("H3", "health", "Helsefagarbeidere i hjemmetjenesten", None, "Kurs for helsefagarbeidere som vil jobbe i hjemmetjenesten.", [], "health-care"),
    ("C1", "care", "Assistent i helse og omsorg", "Care assistant", "Stell og omsorg på sykehjem.", [], "health-care"),
    ("C2", "care", "Pleieassistent på sykehjem", None, "Arbeid som pleieassistent med praksis på sykehjemmet.", [], "health-care"),
    ("K1", "kindergarten", "Barnehageassistent", "Kindergarten assistant", "Lek og læring i barnehagen.", [], "childcare-youth"),
    ("K2", "kindergarten", "Barnehageassistent med norsk", None, "Arbeid i barnehage og norskopplæring.", [], "childcare-youth"),
    ("R1", "cleaning", "Renholdsoperatør – fagbrev", "Cleaning operator – trade certificate", "Renhold av bygg og kontorer.", ["Fagbrev"], "service"),
    ("R2", "cleaning", "Renholdsoperatør med norskopplæring", None, "Renholdsmetoder, maskiner og norsk.", [], "service"),
    ("R3", "cleaning", "Renhold i helseinstitusjoner", None, "Renhold og hygiene på sykehus og sykehjem.", [], "service"),
    ("KI1", "kitchen", "Kjøkkenassistent", "Kitchen assistant", "Matlaging, hygiene og servering.", ["Hygienekurs"], "hospitality-transport"),
    ("KI2", "cook", "Kokk – forberedende kurs", None, "For deg som vil bli kokk og jobbe på kjøkken i hotell og restaurant.", ["Fagbrev"], "hospitality-transport"),
    ("S1", "retail", "Butikkmedarbeider", "Shop assistant", "Kundebehandling, kasse og salg i butikk.", [], "retail"),
    ("S2", "retail", "Salg og service i varehandelen", None, "Salg, service og kundebehandling i butikken.", [], "retail"),
    ("O1", "office", "Kontorarbeid med digitale verktøy", "Office work with digital tools", "Regneark, arkiv og kontorarbeid.", [], "office"),
    ("O2", "office", "Kontor og administrasjon", None, "Administrasjon og kontorrutiner.", [], "office"),
    ("I1", "it", "IT-brukerstøtte", "IT support", "Feilsøking og brukerstøtte.", [], "engineering-ict"),
    ("E1", "excavator", "Anleggsmaskinfører – gravemaskin", None, "Kjør gravemaskin og hjullaster.", ["Kompetansebevis for anleggsmaskinfører"], "construction"),
    ("E2", "excavator", "Maskinfører anlegg med praksis", "Construction machine operator", "Gravemaskin og dozer i anlegg.", [], "construction"),
    ("SC1", "scaffolding", "Stillasmontør", "Scaffolder", "Montering av stillas og fallsikring.", ["Stillasmontørbevis"], "construction"),
    ("SC2", "scaffolding", "Stillasbygging for unge", None, "Bygg stillas trygt.", [], "construction"),
    ("FI1", "fish", "Fiskeindustri – filetering og foredling", "Fish processing", "Filetering og pakking av fisk.", [], "industry"),
    ("FI2", "fish", "Fiskeforedling med norsk", None, "Arbeid i fiskeindustrien og norsk.", [], "industry"),
    ("J1", "jobseeking", "Jobbsøkerkurs", "Job seeking course", "CV, søknad og intervju.", [], "other"),
    ("J2", "jobseeking", "Jobbklubb for unge", None, "Jobbsøking sammen med andre.", [], "other"),
    ("N1", "norwegian", "Norsk for arbeidslivet", "Norwegian for working life", "Norsk på jobben.", [], None),
    ("N2", "norsktest", "Norskprøven B1 – forberedende", "Preparing for the Norwegian test B1", "Forbered deg til Norskprøven.", ["Norskprøven B1"], None),
    ("N3", "norsktest", "Forberedelse til Norskprøven", None, "Muntlig og skriftlig trening til norskprøven.", [], None),
    ("T1", "carpenter", "Tømrer – forberedende kurs", "Carpenter – preparatory course", "Tømrerarbeid og byggtegninger.", [], "construction"),
    ("T2", "carpenter", "Tømrerfaget med praksis", None, "Praksis hos tømrerbedrifter.", [], "construction"),
    ("V1", "security", "Vekter – grunnkurs", "Security guard – basic course", "Vakthold og konflikthåndtering.", ["Vekterutdanning"], "service"),
    ("EL1", "electric", "Elektrikerhjelper", None, "Hjelper for elektrikere på byggeplass.", [], "construction"),
    ("CS1", "customer-service", "Kundeservice og kundesenter", "Customer service", "Kundeservice på telefon og chat.", [], "office"),
]

KINDS = {row[0]: row[1] for row in COURSES}


def relevant(wanted):
    """The ids of the courses a query wants, from kinds and ids."""
    return {course_id for course_id, kind in KINDS.items() if kind in wanted or course_id in wanted}

# (query, interface language, what a person typing it wants: kinds of course or course ids)
QUERIES = [
    ("sveis", "nb", {"welding"}), ("sveising", "nb", {"welding"}), ("sveiser", "nb", {"welding"}),
    ("sveisekurs", "nb", {"welding"}), ("sveisingen", "nb", {"welding"}),
    # Truck courses and the warehouse courses that give a truck licence; not warehouse work alone.
    ("truck", "nb", {"forklift", "L1"}), ("truckfører", "nb", {"forklift", "L1"}),
    # Warehouse courses, and the truck course that teaches warehouse work.
    ("lager", "nb", {"warehouse", "F2"}), ("lageret", "nb", {"warehouse", "F2"}),
    ("lagermedarbeider", "nb", {"warehouse"}),
    ("renhold", "nb", {"cleaning"}), ("renholdsoperatør", "nb", {"cleaning"}), ("renholdsoperator", "nb", {"cleaning"}),
    ("barnehage", "nb", {"kindergarten"}), ("barnehageassistent", "nb", {"kindergarten"}),
    ("assistent", "nb", {"kindergarten", "care", "KI1"}),
    ("helsefagarbeider", "nb", {"health"}), ("helsefagarbieder", "nb", {"health"}),
    ("helsefagarbeidere", "nb", {"health"}),
    ("forerkort", "nb", {"truck-driver", "bus-driver"}), ("førerkortet", "nb", {"truck-driver", "bus-driver"}),
    ("sjafor", "nb", {"truck-driver", "bus-driver"}), ("yrkessjåfør", "nb", {"truck-driver", "bus-driver"}),
    ("buss", "nb", {"bus-driver"}), ("lastebil", "nb", {"truck-driver"}),
    ("kjokken", "nb", {"kitchen", "cook"}), ("kokk", "nb", {"cook"}),
    ("butikk", "nb", {"retail"}), ("kontor", "nb", {"office"}),
    ("stillas", "nb", {"scaffolding"}), ("stillasmontor", "nb", {"scaffolding"}),
    ("gravemaskin", "nb", {"excavator"}), ("anleggsmaskinforer", "nb", {"excavator"}),
    ("fisk", "nb", {"fish"}), ("tomrer", "nb", {"carpenter"}), ("vekter", "nb", {"security"}),
    ("norskproven", "nb", {"norsktest"}), ("jobbsøking", "nb", {"jobseeking"}),
    ("barnehageasistent", "nb", {"kindergarten"}), ("sveisekrus", "nb", {"welding"}),
    ("lagermedarbieder", "nb", {"warehouse"}),
    ("welding", "en", {"welding"}), ("welder", "en", {"welding"}), ("forklift", "en", {"forklift", "L1"}),
    ("warehouse", "en", {"warehouse", "F2"}), ("cleaning", "en", {"cleaning"}),
    ("kindergarten", "en", {"kindergarten"}), ("health worker", "en", {"health"}),
    # Courses that say they lead to work in a nursing home.
    ("nursing home", "en", {"care", "H2"}), ("cook", "en", {"cook", "kitchen"}), ("kitchen", "en", {"kitchen", "cook"}),
    ("bus driver", "en", {"bus-driver"}), ("truck driver", "en", {"truck-driver"}),
    ("carpenter", "en", {"carpenter"}), ("security guard", "en", {"security"}),
    ("scaffolding", "en", {"scaffolding"}), ("excavator", "en", {"excavator"}),
    ("customer service", "en", {"customer-service", "retail"}), ("office", "en", {"office"}),
    ("it support", "en", {"it"}), ("norwegian test", "en", {"norsktest"}), ("fish processing", "en", {"fish"}),
    ("job seeking", "en", {"jobseeking"}), ("cleaners", "en", {"cleaning"}),
]


def records():
    found = []
    for number, (course_id, _kind, title_nb, title_en, summary_nb, certifications, sector) in enumerate(COURSES):
        found.append(course(
            id=course_id, title_nb=title_nb, title_en=title_en, summary_nb=summary_nb,
            summary_en=f"{title_en}." if title_en else None, certifications=certifications or None,
            course_type="industry" if sector else "norwegian", sector=sector,
            county=["03", "46", "50", "11", "18"][number % 5], start_date=f"2027-{number % 12 + 1:02d}-01",
            description_nb="Kurset passer for deg som er arbeidssøker og vil ut i jobb. Du får oppfølging og "
                           "praksis hos en arbeidsgiver."))
    return found
