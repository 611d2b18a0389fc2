"""What jobseekers type, and what each of them wants from the catalogue of quality_catalogue.py.

Each query is ``(category, interface language, text, grade 2, grade 1)``: the courses that are
exactly what the person wants (2) and those that are related and acceptable (1); all others are 0.
The grades were decided from what the person wants, before any search was run, and are written as
selectors of course kind, tag and place, never ids: ``welding`` (every welding course),
``warehouse+truck`` (warehouse courses that give a truck licence), ``forklift@Bergen`` (held in
Bergen), ``forklift@46`` (held in county 46), ``*+youth`` (any kind, for young people).
A "none" query asks for something no course offers: it has no grade 2, and any result below
grade 1 counts against precision.
"""

from quality_catalogue import FACTS, PLACES

CATEGORIES = ("exact", "inflection", "compound", "synonym", "typo", "english", "phrase", "place", "precision", "none")

QUERIES = [
    # exact: words as the catalogue writes them
    ("exact", "nb", "sveising", "welding", ""), ("exact", "nb", "truck", "forklift warehouse+truck", ""),
    ("exact", "nb", "lager", "warehouse", "forklift"), ("exact", "nb", "renhold", "cleaning cleaning-health", ""),
    ("exact", "nb", "barnehage", "kindergarten", "childyouth school"),
    ("exact", "nb", "helsefagarbeider", "health", "care homecare norwegian+health"),
    ("exact", "nb", "kokk", "cook", "kitchen"), ("exact", "nb", "butikk", "retail", "customer-service"),
    ("exact", "nb", "kontor", "office", "accounting customer-service"), ("exact", "nb", "stillas", "scaffolding", ""),
    ("exact", "nb", "gravemaskin", "excavator", ""), ("exact", "nb", "vekter", "security", ""),
    ("exact", "nb", "norskprøven", "norsktest", "norwegian"), ("exact", "nb", "elektrikerhjelper", "electric", ""),
    ("exact", "nb", "rørleggerhjelper", "plumbing", ""), ("exact", "nb", "tømrer", "carpenter", ""),
    ("exact", "nb", "bussjåfør", "bus", "lorry taxi"), ("exact", "nb", "regnskap", "accounting", "office"),
    ("exact", "nb", "resepsjon", "hotel office+reception", ""), ("exact", "nb", "jobbsøkerkurs", "jobseeking", "youth"),
    ("exact", "nb", "fiskeindustri", "fish", "aquaculture"), ("exact", "nb", "servitør", "waiter", "kitchen+serving"),
    ("exact", "nb", "betong", "concrete", ""), ("exact", "nb", "maler", "painter", ""), ("exact", "nb", "baker", "baker", ""),
    ("exact", "nb", "barnehageassistent", "kindergarten", "school childyouth"), ("exact", "nb", "landbruk", "farm", "garden"),
    ("exact", "nb", "programmering", "programming", "it-support"), ("exact", "nb", "it-brukerstøtte", "it-support", ""),
    ("exact", "nb", "studiekompetanse", "upper-secondary", "fov"), ("exact", "nb", "kjøkken", "kitchen", "cook"),
    # exact, typed without æ, ø and å
    ("exact", "nb", "forerkort", "lorry bus licence", "taxi"), ("exact", "nb", "kjokkenassistent", "kitchen", "cook"),
    ("exact", "nb", "tomrer", "carpenter", ""), ("exact", "nb", "renholdsoperator", "cleaning", "cleaning-health"),
    ("exact", "nb", "sjafor", "lorry bus taxi", "licence"), ("exact", "nb", "norskproven", "norsktest", "norwegian"),
    ("exact", "nb", "rorleggerhjelper", "plumbing", ""), ("exact", "nb", "stillasmontor", "scaffolding", ""),
    ("exact", "nb", "anleggsmaskinforer", "excavator", ""),
    # inflection: other forms of the catalogue's words, bokmål and nynorsk
    ("inflection", "nb", "sveiser", "welding", ""), ("inflection", "nb", "sveisingen", "welding", ""),
    ("inflection", "nb", "truckførere", "forklift warehouse+truck", ""), ("inflection", "nb", "lageret", "warehouse", "forklift"),
    ("inflection", "nb", "barnehagen", "kindergarten", "childyouth school"),
    ("inflection", "nb", "barnehager", "kindergarten", "childyouth school"),
    ("inflection", "nb", "helsefagarbeidere", "health", "care homecare norwegian+health"),
    ("inflection", "nb", "kokker", "cook", "kitchen"), ("inflection", "nb", "butikken", "retail", "customer-service"),
    ("inflection", "nb", "stillaset", "scaffolding", ""), ("inflection", "nb", "gravemaskiner", "excavator", ""),
    ("inflection", "nb", "vektere", "security", ""), ("inflection", "nb", "elektrikere", "electric", ""),
    ("inflection", "nb", "tømrere", "carpenter", ""), ("inflection", "nb", "bakeri", "baker", ""),
    ("inflection", "nb", "renholdere", "cleaning cleaning-health", ""), ("inflection", "nb", "sjåfører", "lorry bus taxi", "licence"),
    ("inflection", "nb", "lastebiler", "lorry", ""), ("inflection", "nb", "kontoret", "office", "accounting customer-service"),
    ("inflection", "nb", "førerkortet", "lorry bus licence", "taxi"),
    ("inflection", "nb", "hjemmetjeneste", "homecare health+homecare", "health care"),
    ("inflection", "nb", "helsefagarbeidar", "health", "care homecare norwegian+health"),
    ("inflection", "nb", "reinhald", "cleaning cleaning-health", ""),
    ("inflection", "nb", "lagermedarbeidar", "warehouse", "forklift"),
    ("inflection", "nb", "barnehagane", "kindergarten", "childyouth school"),
    ("inflection", "nb", "førarkort", "lorry bus licence", "taxi"),
    # compound: one word where the catalogue writes another compound, or the words apart
    ("compound", "nb", "truckkurs", "forklift warehouse+truck", ""), ("compound", "nb", "lagerjobb", "warehouse", "forklift"),
    ("compound", "nb", "helsekurs", "health care", "homecare cleaning-health norwegian+health upper-secondary+health"),
    ("compound", "nb", "renholdsjobb", "cleaning cleaning-health", ""), ("compound", "nb", "sveisejobb", "welding", ""),
    ("compound", "nb", "barnehagejobb", "kindergarten", "school childyouth"),
    ("compound", "nb", "butikkjobb", "retail", "customer-service"), ("compound", "nb", "kokkekurs", "cook", "kitchen"),
    ("compound", "nb", "kontorjobb", "office", "accounting customer-service"),
    ("compound", "nb", "sjåførjobb", "lorry bus taxi", "licence"),
    ("compound", "nb", "norskkurs", "norwegian norsktest", "*+norsk basic-skills+norsk"),
    ("compound", "nb", "lastebilkurs", "lorry", ""), ("compound", "nb", "bussførerkort", "bus", ""),
    ("compound", "nb", "kjøkkenjobb", "kitchen", "cook"), ("compound", "nb", "kundeservicekurs", "customer-service", "retail"),
    ("compound", "nb", "helsefag", "health", "care norwegian+health upper-secondary+health"),
    ("compound", "nb", "stillaskurs", "scaffolding", ""), ("compound", "nb", "vekterkurs", "security", ""),
    ("compound", "nb", "gravemaskinkurs", "excavator", ""), ("compound", "nb", "fiskejobb", "fish", "aquaculture"),
    ("compound", "nb", "lagerkurs", "warehouse", "forklift"),
    ("compound", "nb", "sykehjemsassistent", "care+nursing-home", "health care cleaning-health"),
    ("compound", "nb", "renholdskurs", "cleaning cleaning-health", ""),
    # synonym: the informal and older words people use for a job
    ("synonym", "nb", "rengjøring", "cleaning cleaning-health", "homecare"),
    ("synonym", "nb", "vaskehjelp", "cleaning cleaning-health", "homecare"),
    ("synonym", "nb", "pleier", "health care", "homecare"), ("synonym", "nb", "kjøkkenhjelp", "kitchen", "cook"),
    ("synonym", "nb", "ekspeditør", "retail", "customer-service"), ("synonym", "nb", "sjåfør", "lorry bus taxi", "licence"),
    ("synonym", "nb", "gaffeltruck", "forklift warehouse+truck", ""), ("synonym", "nb", "snekker", "carpenter", ""),
    ("synonym", "nb", "kasserer", "retail", ""), ("synonym", "nb", "sikkerhetsvakt", "security", ""),
    ("synonym", "nb", "maskinkjører", "excavator", "crane"), ("synonym", "nb", "trailersjåfør", "lorry", "bus"),
    ("synonym", "nb", "eldreomsorg", "care", "health homecare"), ("synonym", "nb", "datakurs", "digital", "it-support programming"),
    ("synonym", "nb", "webutvikler", "programming", ""), ("synonym", "nb", "bokholder", "accounting", ""),
    ("synonym", "nb", "taxi", "taxi", "licence"), ("synonym", "nb", "drosje", "taxi", "licence"),
    ("synonym", "nb", "butikkansatt", "retail", ""), ("synonym", "nb", "fiskearbeider", "fish", "aquaculture"),
    ("synonym", "nb", "gårdsarbeid", "farm", "garden"), ("synonym", "nb", "hagearbeid", "garden", "farm"),
    ("synonym", "nb", "hjelpepleier", "health", "care"), ("synonym", "nb", "omsorgsassistent", "care", "health homecare"),
    ("synonym", "nb", "kelner", "waiter", "kitchen+serving"), ("synonym", "nb", "oppvasker", "kitchen", "cook"),
    ("synonym", "nb", "sjukeheim", "*+nursing-home", "health care cleaning-health"),
    # typo: short words (one slip) and long ones (one or two)
    ("typo", "nb", "trukk", "forklift warehouse+truck", ""), ("typo", "nb", "lagre", "warehouse", "forklift"),
    ("typo", "nb", "butik", "retail", "customer-service"), ("typo", "nb", "vektr", "security", ""),
    ("typo", "nb", "sevis", "welding", ""), ("typo", "nb", "kokkk", "cook", "kitchen"),
    ("typo", "nb", "stilas", "scaffolding", ""), ("typo", "nb", "renhol", "cleaning cleaning-health", ""),
    ("typo", "nb", "tømer", "carpenter", ""), ("typo", "nb", "barnhage", "kindergarten", "school childyouth"),
    ("typo", "nb", "helsefagarbieder", "health", "care homecare norwegian+health"),
    ("typo", "nb", "barnehageasistent", "kindergarten", "school childyouth"),
    ("typo", "nb", "renholdsopratør", "cleaning", "cleaning-health"), ("typo", "nb", "lagermedarbieder", "warehouse", "forklift"),
    ("typo", "nb", "sveisekrus", "welding", ""), ("typo", "nb", "trukfører", "forklift warehouse+truck", ""),
    ("typo", "nb", "yrkesjåfør", "lorry bus", "taxi"), ("typo", "nb", "kjøkkenasistent", "kitchen", "cook"),
    ("typo", "nb", "butikkmedarbider", "retail", "customer-service"),
    ("typo", "nb", "helsefagarbeder", "health", "care homecare norwegian+health"),
    ("typo", "nb", "rørlegerhjelper", "plumbing", ""), ("typo", "nb", "gravemaskinn", "excavator", ""),
    ("typo", "nb", "programering", "programming", "it-support"), ("typo", "nb", "kundeservis", "customer-service", "retail"),
    ("typo", "nb", "elektrikerhjelpr", "electric", ""), ("typo", "nb", "anlegsmaskinfører", "excavator", ""),
    ("typo", "nb", "norsprøven", "norsktest", "norwegian"), ("typo", "nb", "stilasmontør", "scaffolding", ""),
    ("typo", "nb", "sjofør", "lorry bus taxi", "licence"),
    # english: words and phrases on the English interface
    ("english", "en", "cleaning job", "cleaning cleaning-health", ""), ("english", "en", "care worker", "care", "health homecare"),
    ("english", "en", "bus driver course", "bus", "lorry taxi"), ("english", "en", "lorry licence", "lorry", "bus licence"),
    ("english", "en", "forklift certificate", "forklift warehouse+truck", ""), ("english", "en", "kitchen porter", "kitchen", "cook"),
    ("english", "en", "shop assistant", "retail", "customer-service"),
    ("english", "en", "nursing home", "*+nursing-home", "health care cleaning-health"),
    ("english", "en", "welding", "welding", ""), ("english", "en", "welder", "welding", ""),
    ("english", "en", "warehouse worker", "warehouse", "forklift"), ("english", "en", "electrician", "electric", ""),
    ("english", "en", "plumber", "plumbing", ""), ("english", "en", "carpentry", "carpenter", ""),
    ("english", "en", "baker", "baker", ""), ("english", "en", "waiter", "waiter", "kitchen+serving"),
    ("english", "en", "hotel receptionist", "hotel", "office+reception"), ("english", "en", "accounting", "accounting", "office"),
    ("english", "en", "programming course", "programming", "it-support"),
    ("english", "en", "norwegian course", "norwegian norsktest", "*+norsk basic-skills+norsk"),
    ("english", "en", "security guard", "security", ""), ("english", "en", "childcare", "kindergarten childyouth", "school"),
    ("english", "en", "truck driver", "lorry", "bus forklift"), ("english", "en", "fish factory", "fish", "aquaculture"),
    ("english", "en", "farm work", "farm", "garden"), ("english", "en", "gardener", "garden", "farm"),
    ("english", "en", "crane operator", "crane", ""), ("english", "en", "painter", "painter", ""),
    ("english", "en", "reading and writing", "basic-skills", "fov"), ("english", "en", "computer skills", "digital", "it-support"),
    ("english", "en", "job interview", "jobseeking", "youth"), ("english", "en", "young people", "*+youth", ""),
    ("english", "en", "home care", "homecare health+homecare", "health care"), ("english", "en", "cook", "cook", "kitchen"),
    ("english", "en", "health worker", "health", "care homecare norwegian+health"),
    ("english", "en", "excavator", "excavator", ""), ("english", "en", "scaffolding", "scaffolding", ""),
    ("english", "en", "office work", "office", "accounting customer-service"), ("english", "en", "it support", "it-support", ""),
    ("english", "en", "customer service", "customer-service", "retail"), ("english", "en", "cleaner", "cleaning cleaning-health", ""),
    # phrase: several words
    ("phrase", "nb", "kurs i sveising", "welding", ""), ("phrase", "nb", "jobb på lager", "warehouse", "forklift"),
    ("phrase", "nb", "jobb i barnehage", "kindergarten", "school childyouth"),
    ("phrase", "nb", "førerkort klasse c", "lorry", "bus"), ("phrase", "nb", "førerkort buss", "bus", "lorry"),
    ("phrase", "nb", "truckførerbevis t1-t4", "forklift warehouse+truck", ""),
    ("phrase", "nb", "assistent i barnehage", "kindergarten", "school childyouth"),
    ("phrase", "nb", "helsefagarbeider med norsk", "health+norsk", "health care+norsk norwegian+health homecare+norsk"),
    ("phrase", "nb", "renhold med norskopplæring", "cleaning+norsk cleaning-health+norsk", "cleaning cleaning-health"),
    ("phrase", "nb", "norsk for nybegynnere", "norwegian+A1", "norwegian"),
    ("phrase", "nb", "norsk a2", "norwegian+A2 norsktest+A2", "norwegian norsktest"),
    ("phrase", "nb", "barne og ungdomsarbeider", "childyouth", "kindergarten"),
    ("phrase", "nb", "fagbrev helsefagarbeider", "health", "care"), ("phrase", "nb", "cv og søknad", "jobseeking", "youth"),
    ("phrase", "nb", "lesing og skriving", "basic-skills", "fov"), ("phrase", "nb", "kundeservice på telefon", "customer-service", ""),
    ("phrase", "nb", "kokk med fagbrev", "cook+fagbrev", "cook kitchen"),
    ("phrase", "nb", "jobb for unge", "youth jobseeking+youth", "*+youth"), ("phrase", "nb", "buss sjåfør", "bus", "lorry taxi"),
    ("phrase", "nb", "skole assistent", "school", "kindergarten"), ("phrase", "nb", "lager og logistikk", "warehouse", "forklift"),
    ("phrase", "nb", "digitale ferdigheter", "digital", "basic-skills fov"),
    ("phrase", "nb", "forberedende opplæring for voksne", "fov", "upper-secondary"),
    ("phrase", "nb", "lastebil med norsk", "lorry+norsk", "lorry"), ("phrase", "nb", "sveising for unge", "welding+youth", "welding"),
    ("phrase", "nb", "kontor og administrasjon", "office", "accounting"),
    ("phrase", "nb", "norskkurs på nett", "norwegian+online norsktest+online", "norwegian norsktest"),
    # place: a job and a place; the place narrows what is wanted (the same county is acceptable)
    ("place", "nb", "truck bergen", "forklift@Bergen", "forklift@46"),
    ("place", "nb", "helsefagarbeider trondheim", "health@Trondheim", "health@50 care@Trondheim"),
    ("place", "nb", "sveis i stavanger", "welding@Stavanger", "welding@11"),
    ("place", "nb", "renhold oslo", "cleaning@Oslo cleaning-health@Oslo", ""),
    ("place", "nb", "barnehage bergen", "kindergarten@Bergen", "kindergarten@46"),
    ("place", "nb", "kokk stavanger", "cook@Stavanger", "cook@11 kitchen@11"),
    ("place", "nb", "norskkurs trondheim", "norwegian@Trondheim norsktest@Trondheim", "norwegian@50"),
    ("place", "nb", "lager oslo", "warehouse@Oslo", "warehouse@03 forklift@Oslo"),
    ("place", "nb", "truckkurs drammen", "forklift@Drammen", "forklift@33"),
    ("place", "nb", "bussjåfør oslo", "bus@Oslo", ""), ("place", "nb", "vekter kristiansand", "security@Kristiansand", ""),
    ("place", "nb", "fiskeindustri hitra", "fish@Hitra", "fish@50 aquaculture@50"),
    ("place", "nb", "kontor hamar", "office@Hamar", ""), ("place", "nb", "stillas stavanger", "scaffolding@Stavanger", ""),
    ("place", "nb", "jobbsøkerkurs molde", "jobseeking@Molde", "jobseeking@15"), ("place", "nb", "lastebil hamar", "lorry@Hamar", ""),
    ("place", "nb", "helse bodø", "health@Bodø", "health@18"),
    ("place", "nb", "kjøkken i bergen", "kitchen@Bergen", "kitchen@46"),
    ("place", "nb", "barnehageassistent oslo", "kindergarten@Oslo", ""), ("place", "nb", "helsefagarbeidar førde", "health@Førde", "health@46"),
    ("place", "nb", "renhold tromsø", "cleaning@Tromsø", "cleaning@55"), ("place", "nb", "sveising ålesund", "welding@Ålesund", ""),
    ("place", "nb", "helsefagarbeider tromso", "health@Tromsø", "health@55 care@Tromsø"),
    ("place", "nb", "elektrikerhjelper skien", "electric@Skien", ""), ("place", "en", "welding stavanger", "welding@Stavanger", ""),
    ("place", "en", "cleaning job oslo", "cleaning@Oslo cleaning-health@Oslo", ""),
    # precision: a word other courses mention in passing or in the negative; those must not rank high
    ("precision", "nb", "sveis", "welding", ""), ("precision", "nb", "truckopplæring", "forklift warehouse+truck", ""),
    ("precision", "nb", "helse", "health care", "homecare cleaning-health norwegian+health upper-secondary+health"),
    ("precision", "nb", "lagermedarbeider", "warehouse", "forklift"), ("precision", "nb", "pleie", "health care", "homecare"),
    ("precision", "nb", "anlegg", "excavator", "crane concrete"), ("precision", "nb", "kundeservice", "customer-service", "retail"),
    ("precision", "nb", "norsk", "norwegian norsktest", "*+norsk basic-skills+norsk fov"), ("precision", "nb", "lastebil", "lorry", ""),
    ("precision", "nb", "sykehjem", "*+nursing-home", "health care cleaning-health"), ("precision", "nb", "kranfører", "crane", ""),
    ("precision", "nb", "engelsk", "fov", ""), ("precision", "nb", "bygg", "carpenter concrete scaffolding painter",
                                                "excavator crane electric plumbing"),
    ("precision", "nb", "matlaging", "cook kitchen", "baker"), ("precision", "nb", "yrkessjåfør", "lorry bus", "taxi"),
    ("precision", "nb", "hotell", "hotel", "waiter cook cleaning+hotel"), ("precision", "nb", "hjemmetjenesten", "homecare health+homecare", "health care"),
    ("precision", "nb", "fagbrev", "*+fagbrev health", "care upper-secondary industry-operator"),
    ("precision", "nb", "førerkort", "lorry bus licence", "taxi"), ("precision", "nb", "sikkerhet", "security", ""),
    # none: what no course offers (a related course may be shown; nothing else may)
    ("none", "nb", "pilot", "", ""), ("none", "nb", "tannlege", "", ""), ("none", "nb", "advokat", "", ""),
    ("none", "nb", "frisør", "", ""), ("none", "nb", "sykepleier", "", "health care homecare norwegian+health"),
    ("none", "nb", "dagmamma", "", "kindergarten childyouth"), ("none", "nb", "politi", "", "security"),
    ("none", "nb", "lege", "", "norwegian+health"), ("none", "nb", "veterinær", "", ""), ("none", "nb", "journalist", "", ""),
    ("none", "nb", "vaktmester", "", ""), ("none", "nb", "bilmekaniker", "", ""), ("none", "nb", "flyvertinne", "", ""),
    ("none", "en", "dentist", "", ""), ("none", "en", "lawyer", "", ""), ("none", "en", "nurse", "", "health care homecare norwegian+health"),
    ("none", "en", "hairdresser", "", ""), ("none", "en", "pilot training", "", ""),
]


def _matches(selector, kind, tags, place):
    selector, _, where = selector.partition("@")
    wanted_kind, *wanted_tags = selector.split("+")
    if wanted_kind not in ("*", kind) or not set(wanted_tags) <= tags:
        return False
    return not where or where == place or where == PLACES[place][:2]


def grades(wanted, acceptable):
    """``{course id: 2 or 1}`` of the courses the selectors name (the higher grade where both do)."""
    found = {}
    for grade, selectors in ((1, acceptable), (2, wanted)):
        for course_id, kind, tags, _level, place, _row in FACTS:
            if any(_matches(selector, kind, tags, place) for selector in selectors.split()):
                found[course_id] = grade
    return found


def describe(course_id):
    """A course as a reader of the report knows it: ``kind+tags@place``."""
    for known, kind, tags, _level, place, _row in FACTS:
        if known == course_id:
            return "+".join([kind, *sorted(tags)]) + "@" + place
    return course_id
