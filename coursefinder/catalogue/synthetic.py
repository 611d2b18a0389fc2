"""Synthetic catalogues of any size for benchmarks and load tests (``coursefinder sample``).

The courses are valid in the import format and varied enough to search in: real
municipality numbers, course kinds that Nav buys, generated providers and texts.
The same ``count`` and ``seed`` always give the same catalogue.
"""

import datetime as dt
import json
import random

from . import vocabulary

PLACES = {
    "03": [("0301", "Oslo")],
    "11": [("1103", "Stavanger"), ("1108", "Sandnes"), ("1106", "Haugesund")],
    "15": [("1508", "Ålesund"), ("1506", "Molde"), ("1505", "Kristiansund")],
    "18": [("1804", "Bodø"), ("1806", "Narvik"), ("1833", "Mo i Rana")],
    "31": [("3101", "Halden"), ("3103", "Moss"), ("3105", "Sarpsborg"), ("3107", "Fredrikstad")],
    "32": [("3201", "Sandvika"), ("3203", "Asker"), ("3205", "Lillestrøm")],
    "33": [("3301", "Drammen"), ("3303", "Kongsberg"), ("3305", "Hønefoss")],
    "34": [("3401", "Kongsvinger"), ("3403", "Hamar"), ("3405", "Lillehammer"), ("3407", "Gjøvik")],
    "39": [("3901", "Horten"), ("3905", "Tønsberg"), ("3907", "Sandefjord"), ("3909", "Larvik")],
    "40": [("4001", "Porsgrunn"), ("4003", "Skien"), ("4005", "Notodden")],
    "42": [("4202", "Grimstad"), ("4203", "Arendal"), ("4204", "Kristiansand")],
    "46": [("4601", "Bergen"), ("4602", "Florø"), ("4621", "Voss")],
    "50": [("5001", "Trondheim"), ("5006", "Steinkjer"), ("5007", "Namsos")],
    "55": [("5501", "Tromsø"), ("5503", "Harstad")],
    "56": [("5601", "Alta"), ("5603", "Hammerfest"), ("5605", "Kirkenes"), ("5607", "Vadsø")],
}

# (title_nb, title_en, course_type, sector, certifications, what you learn in Norwegian)
KINDS = [
    ("Sveisekurs MAG og TIG", "Welding course, MAG and TIG", "industry", "industry",
     ["Sveisesertifikat etter NS-EN ISO 9606-1"], "sveising med MAG og TIG, sikkerhet og tegningsforståelse"),
    ("Truckførerkurs T1–T4 med lager", "Forklift operator course T1–T4 with warehouse work", "industry",
     "hospitality-transport", ["Truckførerbevis T1–T4"], "truckkjøring, lagerarbeid, varemottak og plukk"),
    ("Yrkessjåfør lastebil C/CE med YSK", "Professional truck driver C/CE with CPC", "industry",
     "hospitality-transport", ["YSK-bevis (yrkessjåførkompetanse)"], "førerkort for lastebil, sikring av last og kjøre- og hviletid"),
    ("Yrkessjåfør buss klasse D med YSK", "Professional bus driver class D with CPC", "industry",
     "hospitality-transport", ["YSK-bevis (yrkessjåførkompetanse)"], "bussførerkort, kundeservice og trafikksikkerhet"),
    ("Helsefagarbeider – forberedende kurs", "Health worker – preparatory course", "industry", "health-care",
     ["Kursbevis"], "pleie og omsorg, helsefag og praksis på sykehjem"),
    ("Assistent i helse og omsorg", "Care assistant", "industry", "health-care", ["Kursbevis"],
     "stell, ernæring, kommunikasjon med brukere og hygiene"),
    ("Barnehageassistent med norsk", "Kindergarten assistant with Norwegian", "industry", "childcare-youth",
     ["Kursbevis"], "lek og læring, barns utvikling og samarbeid med foreldre"),
    ("Renholdsoperatør med praksis", "Cleaning operator with work placement", "industry", "service",
     ["Kursbevis"], "renholdsmetoder, kjemikalier, maskiner og kvalitet"),
    ("Kjøkkenassistent", "Kitchen assistant", "industry", "hospitality-transport",
     ["Hygienekurs (næringsmiddelhygiene)"], "matlaging, hygiene, kjøkkendrift og servering"),
    ("Butikkmedarbeider – salg og service", "Shop assistant – sales and service", "industry", "retail",
     ["Kursbevis"], "kundebehandling, kassearbeid, varehåndtering og salg"),
    ("Kontorarbeid med digitale verktøy", "Office work with digital tools", "industry", "office",
     ["Kursbevis"], "regneark, tekstbehandling, arkiv og kundekontakt"),
    ("IT-brukerstøtte", "IT support", "industry", "engineering-ict", ["Kursbevis"],
     "feilsøking, brukerstøtte, nettverk og sikkerhet"),
    ("Anleggsmaskinfører – gravemaskin", "Construction machine operator – excavator", "industry",
     "construction", ["Kompetansebevis for anleggsmaskinfører"], "gravemaskin, hjullaster, masseflytting og sikkerhet"),
    ("Stillasmontør", "Scaffolder", "industry", "construction", ["Stillasmontørbevis"],
     "montering og demontering av stillas, sikring og fallvern"),
    ("Fiskeindustri – filetering og foredling", "Fish processing – filleting and processing", "industry",
     "industry", ["Kursbevis"], "filetering, pakking, hygiene og kvalitet i fiskeindustrien"),
    ("Vekter – grunnkurs", "Security guard – basic course", "industry", "service", ["Vekterutdanning"],
     "vakthold, konflikthåndtering, førstehjelp og rapportskriving"),
    ("Tømrer – forberedende kurs", "Carpenter – preparatory course", "industry", "construction", ["Kursbevis"],
     "tømrerarbeid, verktøy, HMS og byggtegninger"),
    ("Jobbsøkerkurs", "Job-seeking course", "industry", "other", [], "CV, søknader, intervju og jobbnettverk"),
    ("Norsk for arbeidslivet", "Norwegian for working life", "norwegian", None, [],
     "norsk muntlig og skriftlig på jobben, ord og uttrykk i arbeidslivet"),
    ("Norskprøven B1 – forberedende", "Preparing for the Norwegian test B1", "norwegian", None,
     ["Norskprøven B1"], "lytting, lesing, skriving og muntlig norsk til Norskprøven"),
    ("Grunnleggende digitale ferdigheter", "Basic digital skills", "basic-skills", None, [],
     "PC, e-post, digitale skjema og nettbank"),
    ("Forberedende opplæring for voksne", "Preparatory education for adults", "fov", None, [],
     "norsk, matematikk og engelsk på grunnskolenivå"),
    ("Fagbrev i praksis – yrkesfag", "Vocational qualification – upper secondary", "upper-secondary", None,
     ["Fagbrev"], "fag fra videregående opplæring med praksis i bedrift"),
]

PROVIDER_PARTS = (["Nord", "Vest", "Fjord", "Lys", "Berg", "Dal", "Kyst", "Vidde", "Elv", "Skog", "Sol", "Bru"],
                  ["kurs", "kompetanse", "opplæring", "læring", "skolen", "utvikling"],
                  ["AS", "SA", "AS", "AS"])

FILLERS = ["praksis", "veiledning", "arbeidsgiver", "samarbeid", "teori", "oppfølging", "nettverk",
           "sikkerhet", "kvalitet", "kommunikasjon", "arbeidsmiljø", "kunder", "verksted", "bedrift"]


def generate(count, seed=1, today=None):
    """Return ``count`` course records (import-format dicts)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    counties = list(vocabulary.COUNTIES)
    providers = [f"{rng.choice(PROVIDER_PARTS[0])}{rng.choice(PROVIDER_PARTS[1])} {rng.choice(PROVIDER_PARTS[2])}"
                 for _ in range(max(20, count // 40))]
    records = []
    for number in range(1, count + 1):
        title_nb, title_en, course_type, sector, certifications, learn = rng.choice(KINDS)
        county = rng.choice(counties)
        municipality, place = rng.choice(PLACES[county])
        provider = rng.choice(providers)
        weeks = rng.randint(2, 40)
        record = {
            "id": f"SYN-{seed}-{number:06d}",
            "title_nb": f"{title_nb} – {place}" if rng.random() < 0.5 else title_nb,
            "summary_nb": f"Kurs i {learn} i {place}.",
            "description_nb": (f"På kurset lærer du {learn}. " + " ".join(rng.sample(FILLERS, 5)).capitalize()
                               + f".\n\nKurset holdes av {provider} i {place}."),
            "course_type": course_type,
            "provider": provider,
            "county": county,
            "municipality": municipality,
            "place": place,
            "duration_weeks": weeks,
            "hours_per_week": rng.choice([20, 25, 30, 37.5]),
            "places": rng.randint(6, 24),
        }
        if sector:
            record["sector"] = sector
        if rng.random() < 0.4:
            record["title_en"] = title_en
            record["summary_en"] = f"A course in {place} run by {provider}."
        delivery = rng.choices(vocabulary.DELIVERIES, weights=[8, 1, 1])[0]
        if delivery != "in-person":
            record["delivery"] = delivery
        if rng.random() < 0.1:
            record["start_type"] = "rolling"
        else:
            start = today + dt.timedelta(days=rng.randint(-60, 400))
            record["start_date"] = start.isoformat()
            record["end_date"] = (start + dt.timedelta(weeks=weeks)).isoformat()
            if rng.random() < 0.5:
                record["application_deadline"] = (start - dt.timedelta(days=rng.randint(7, 42))).isoformat()
        if rng.random() < 0.15:
            record["age_min"], record["age_max"] = rng.choice([16, 17, 18]), rng.choice([24, 29])
            record["target_groups"] = ["youth"]
        if course_type == "norwegian" or rng.random() < 0.3:
            record["norwegian_training"] = True
            record.setdefault("target_groups", []).append("immigrants")
        if rng.random() < 0.5:
            record["norwegian_level"] = rng.choice(vocabulary.LEVELS[:4])
        if certifications:
            record["certifications"] = list(certifications)
        if rng.random() < 0.02:
            record["status"] = "cancelled"
        records.append(record)
    return records


def write(records, handle, fmt="json"):
    if fmt == "jsonl":
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        json.dump(records, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
