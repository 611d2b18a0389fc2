"""A catalogue for measuring search quality (test_search_quality.py; the queries are in quality_queries.py).

About 180 AMO courses written as Nav's providers write them: compounds, inflections, mostly Norwegian
only, a few in nynorsk, some with English titles, in many places.  A row is ``"kind +tag ~level
@Place/Place"``, title, English title, summary[, extra]: one course per place (near-duplicates), with
tags (``+norsk`` Norwegian training included, ``+youth``, ``+truck`` a truck licence, ``+online``) that
the queries are judged by, never ids.  Some texts mention another kind's words in passing or in the
negative (a shop course that names welding, a warehouse course without truck training, ``helse`` in an
HMS sentence), so that a search must rank well, not only match, to score well.
"""

from conftest import course

# Place shown to users -> its municipality.
PLACES = {
    "Oslo": "0301", "Bergen": "4601", "Askøy": "4627", "Voss": "4621", "Førde": "4647", "Trondheim": "5001",
    "Hitra": "5056", "Frøya": "5014", "Steinkjer": "5006", "Levanger": "5037", "Namsos": "5007", "Stavanger": "1103",
    "Sandnes": "1108", "Haugesund": "1106", "Bodø": "1804", "Narvik": "1806", "Mo i Rana": "1833", "Svolvær": "1865",
    "Tromsø": "5501", "Harstad": "5503", "Alta": "5601", "Hammerfest": "5603", "Vadsø": "5607",
    "Kristiansand": "4204", "Arendal": "4203", "Drammen": "3301", "Kongsberg": "3303", "Fredrikstad": "3107",
    "Sarpsborg": "3105", "Moss": "3103", "Lillestrøm": "3205", "Hamar": "3403", "Gjøvik": "3407",
    "Lillehammer": "3405", "Elverum": "3420", "Ålesund": "1508", "Molde": "1506", "Kristiansund": "1505",
    "Tønsberg": "3905", "Skien": "4003", "Porsgrunn": "4001",
}
# The provider of each county's courses (a row may name another).
PROVIDERS = {
    "03": "Akerselva Opplæring AS", "46": "Bryggen Kompetanse AS", "50": "Nidaros Kompetanse AS",
    "11": "Nordsjø Kompetanse AS", "18": "Nordlys Opplæring AS", "55": "Ishavet Opplæring AS",
    "56": "Finnmark Læring AS", "42": "Agder Yrkeskurs AS", "33": "Drammenselva Kompetanse AS",
    "31": "Glommaporten Opplæring AS", "32": "Romerike Kompetansesenter AS", "34": "Mjøsa Opplæring AS",
    "15": "Sunnmøre Kompetanse AS", "39": "Vestfoldkysten Opplæring AS", "40": "Grenland Voksenopplæring AS",
}

# Nav's bransje of each kind of course; kinds of another kurstype have none.
SECTORS = {
    "industry": "welding industry-operator baker fish", "retail": "retail", "service": "cleaning cleaning-health security",
    "hospitality-transport": "forklift warehouse lorry bus licence taxi kitchen cook waiter hotel",
    "health-care": "health care homecare", "childcare-youth": "kindergarten school childyouth",
    "office": "customer-service office accounting", "engineering-ict": "it-support programming",
    "construction": "carpenter concrete painter scaffolding excavator crane electric plumbing",
    "other": "aquaculture farm garden jobseeking youth",
}
SECTOR_OF = {kind: sector for sector, kinds in SECTORS.items() for kind in kinds.split()}
COURSE_TYPE_OF = {"norwegian": "norwegian", "norsktest": "norwegian", "basic-skills": "basic-skills",
                  "digital": "basic-skills", "fov": "fov", "upper-secondary": "upper-secondary"}

HYGIENE = ["Hygienekurs (næringsmiddelhygiene)", "Kursbevis"]
TRUCK = ["Truckførerbevis T1–T4", "Kursbevis"]
YSK = ["YSK-bevis (yrkessjåførkompetanse)"]
CERTIFICATES = {  # the others give a Kursbevis
    "welding": ["Sveisesertifikat etter NS-EN ISO 9606-1", "Kursbevis"], "forklift": TRUCK, "lorry": YSK, "bus": YSK,
    "licence": [], "taxi": ["Kjøreseddel"], "kitchen": HYGIENE, "cook": HYGIENE, "baker": HYGIENE, "fish": HYGIENE,
    "scaffolding": ["Stillasmontørbevis", "Kursbevis"], "excavator": ["Kompetansebevis for anleggsmaskinfører"],
    "crane": ["Kompetansebevis kranfører G4, G8 og G11"], "electric": ["FSE-kurs", "Kursbevis"],
    "security": ["Kursbevis for grunnopplæring for vektere"], "fov": ["Kompetansebevis"], "jobseeking": [], "youth": [],
}

# The description of each kind of course; {place} is where it is held.
DESCRIPTIONS = {
    "welding": "Du lærer MAG-, TIG- og elektrodesveising, tegningslesing og HMS i verkstedet, med praksis hos verksteder i {place}.",
    "industry-operator": "Du lærer produksjon, vedlikehold, kvalitetssikring og HMS, med praksis i en industribedrift i {place}.",
    "forklift": "Du tar teori og praktisk opplæring for plukktruck, skyvemasttruck og motvektstruck på et øvingslager i {place}.",
    "warehouse": "Du lærer varemottak, plukk, pakking og lagerstyringssystemer, med praksis hos logistikkbedrifter i {place}.",
    "lorry": "Du tar førerkort klasse C og CE og YSK: sikring av last og kjøre- og hviletid, i {place}. Du må kunne norsk på B1-nivå.",
    "bus": "Du tar førerkort klasse D og YSK: kjøreteknikk, passasjersikkerhet og kundeservice, i {place}. Du må kunne norsk på B1-nivå.",
    "licence": "Du tar trafikalt grunnkurs, teoriprøven og kjøretimer. Mange jobber i hjemmetjenesten, bygg og transport krever førerkort.",
    "taxi": "Du forbereder deg til prøvene for kjøreseddel: lokalkunnskap, regelverk og service overfor passasjerer i {place}.",
    "health": "Du lærer stell og pleie, smittevern og legemiddelhåndtering, med praksis på sykehjem og i hjemmetjenesten i {place}.",
    "care": "Du lærer stell og omsorg, ernæring og kommunikasjon med eldre og personer med demens, et første steg mot helsefagarbeider.",
    "homecare": "Du lærer praktisk bistand i hjemmet: rengjøring, handling, matlaging og personlig stell. Førerkort klasse B er en fordel.",
    "kindergarten": "Du lærer om barns utvikling, lek og læring og rammeplanen, med praksis i barnehager i {place}. Politiattest kreves.",
    "school": "Du lærer om elevers læring, tilrettelegging og arbeid i skolefritidsordningen i {place}. Politiattest kreves.",
    "childyouth": "Kurset forbereder deg til fagprøven: utvikling, kommunikasjon og pedagogisk arbeid med barn og unge.",
    "cleaning": "Du lærer renholdsmetoder, maskiner, kjemikalier og ergonomi, med praksis på hoteller og i kontorbygg i {place}.",
    "cleaning-health": "Du lærer smittevern, hygiene og renhold av pasientrom og utstyr, for arbeid i helsesektoren i {place}.",
    "kitchen": "Du lærer enkel matlaging, kaldt kjøkken, oppvask og hygiene, med praksis i kantiner og storkjøkken i {place}.",
    "cook": "Du lærer råvarekunnskap, matlaging, menyplanlegging og kjøkkendrift, med praksis på restauranter i {place}.",
    "baker": "Du lærer baking av brød, bakst og kaker, deigbehandling og hygiene, med praksis hos bakerier i {place}.",
    "waiter": "Du lærer servering, bordoppdekking, drikkevarer, kassasystem og vertskap, med praksis på restauranter i {place}.",
    "hotel": "Du lærer resepsjonsarbeid, booking og kundebehandling, og engelsk for reiselivet, med praksis på hoteller i {place}.",
    "retail": "Du lærer kundebehandling, salg, kassearbeid og varepåfylling, med praksis i dagligvarehandel i {place}.",
    "customer-service": "Du lærer kundebehandling på telefon, e-post og chat, klagehåndtering og CRM-systemer i {place}.",
    "office": "Du lærer kontorrutiner, arkiv, Microsoft 365, regneark og skriftlig kommunikasjon, med praksis i {place}.",
    "accounting": "Du lærer bokføring, fakturering, lønnskjøring, merverdiavgift og årsoppgjør i et regnskapsprogram.",
    "it-support": "Du lærer feilsøking på PC og mobil, Windows, nettverk og brukeradministrasjon. Du må kunne norsk på B2-nivå.",
    "programming": "Du lærer HTML, CSS, JavaScript og Python, versjonskontroll med Git og å jobbe i et utviklingsteam.",
    "carpenter": "Du lærer bindingsverk, takstoler, vinduer, kledning og byggtegninger, med praksis hos tømrerbedrifter i {place}.",
    "concrete": "Du lærer forskaling, armering og støping av betong, og HMS – helse, miljø og sikkerhet – på byggeplassen.",
    "painter": "Du lærer sparkling, maling og tapetsering inne og ute og fargelære, med praksis hos malerbedrifter i {place}.",
    "scaffolding": "Du lærer montering av systemstillas, fallsikring og arbeid i høyden, med praksis i {place}.",
    "excavator": "Du tar teori og praksis for gravemaskin, hjullaster, dumper og dozer: masseforflytning og grøftearbeid i {place}.",
    "crane": "Du tar sikkerhetsopplæring for traverskran, lastebilkran og løfteredskap, med signalgiving og praksis i {place}.",
    "electric": "Du lærer kabeltrekking, montering av brytere og stikkontakter og sikkerhet ved arbeid i elektriske anlegg.",
    "plumbing": "Du lærer montering av rør, sanitærutstyr, vann og varme, og jobber som hjelper for rørleggere i {place}.",
    "security": "Grunnopplæring etter vaktvirksomhetsloven: vakthold, patruljering og konflikthåndtering. Du må kunne norsk på B2-nivå.",
    "fish": "Du lærer sløying, filetering, pakking og kvalitetskontroll av fisk, og hygiene på et anlegg i {place}.",
    "aquaculture": "Du lærer fôring, fiskehelse, notskifte og arbeid på merder og båter i oppdrettsnæringen.",
    "farm": "Du lærer stell av husdyr, fôring, melking og bruk av traktor, med praksis på gårdsbruk rundt {place}.",
    "garden": "Du lærer planting, skjøtsel av grøntanlegg, plenpleie og beskjæring, med praksis i parkvesenet i {place}.",
    "norwegian": "Du lærer norsk for jobb og hverdag: muntlig kommunikasjon, ordforråd fra arbeidslivet og enkle tekster.",
    "norsktest": "Du øver på lytting, lesing, skriving og muntlig del slik prøven er lagt opp, og tar Norskprøven til slutt.",
    "basic-skills": "Du øver på lesing, skriving, regning og muntlig kommunikasjon knyttet til arbeid og hverdag.",
    "digital": "Du lærer å bruke PC og mobil, e-post, BankID, nav.no og digitale skjema, og å finne stillinger på nettet.",
    "fov": "Du får opplæring i norsk, matematikk, engelsk og digitale ferdigheter før videregående opplæring eller arbeid.",
    "upper-secondary": "Opplæring etter læreplanene i videregående skole, tilpasset voksne, med veiledning underveis.",
    "jobseeking": "Du lærer å skrive CV og søknad og å forberede deg til jobbintervju, og får hjelp til å søke stillinger i {place}.",
    "youth": "Arbeidstrening, karriereveiledning og oppfølging for deg som trenger hjelp til å komme i jobb eller utdanning.",
}
NORSK_NOTE = " Kurset er for innvandrere, og norskundervisningen bygger på ord og situasjoner fra faget."
YOUTH_NOTE = " Kurset er for unge mellom 19 og 29 år."

# ("kind +tags ~norwegian level @places", title_nb, title_en, summary_nb[, {"more": added to the kind's
# description, "desc": instead of it, "provider", "cert"}])
COURSES = [
    ("welding @Oslo/Stavanger", "Sveisekurs MAG og TIG", "Welding course, MAG and TIG", "Lær sveising med MAG og TIG og ta sveisesertifikat."),
    ("welding +norsk ~A2 @Fredrikstad", "Sveising med norskopplæring", None, "Grunnleggende sveising kombinert med arbeidsrettet norsk."),
    ("welding +fagbrev ~B1 @Ålesund/Bergen", "Sveiser – forberedende til fagbrev", None, "For deg med erfaring som vil ta fagbrev i sveisefaget."),
    ("welding @Mo i Rana", "Sveising – MAG og TIG med sertifikat", None, "Sertifiseringskurs i MAG- og TIG-sveising for industri og verft."),
    ("welding +youth @Trondheim", "Sveis og platearbeid for unge", "Welding and plate work for young people", "Praktisk verkstedkurs i sveis og platearbeid."),
    ("industry-operator @Haugesund", "Industrioperatør – forberedende til fagbrev", None, "Produksjon og vedlikehold i prosessindustrien.",
     {"more": " Kurset inneholder ikke sveising; sveisesertifikat tas som eget kurs."}),
    ("industry-operator @Sandnes", "CNC-operatør", "CNC operator", "Programmering og kjøring av CNC-maskiner."),
    ("forklift @Oslo/Trondheim/Bodø", "Truckførerkurs T1–T4", "Forklift operator course T1–T4", "Teori og praktisk kjøring, avsluttes med truckførerbevis."),
    ("forklift @Bergen", "Truckførerbevis T1–T4 og lagerarbeid", None, "Ta truckførerbevis og lær grunnleggende lagerarbeid."),
    ("forklift +norsk ~A1 @Drammen", "Truckkurs med norskopplæring", None, "Truckopplæring T1–T4 og norsk for lager og transport."),
    ("forklift @Kristiansand", "Truckfører – motvekt og skyvemast (T2 og T4)", None, "Kort kurs for deg som skal kjøre motvektstruck og skyvemasttruck."),
    ("forklift @Askøy", "Truckførerkurs med praksis", None, "Truckførerbevis og praksis.", {"more": " Praksis hos lagerbedrifter i Bergen og på Askøy."}),
    ("warehouse +truck @Sarpsborg/Hamar", "Lagermedarbeider med truckførerbevis", None, "Varemottak, plukk og truckkjøring, med truckførerbevis T1–T4."),
    ("warehouse +truck +norsk ~A2 @Sarpsborg", "Lagermedarbeider med norskopplæring", None, "Lagerarbeid og norsk for deg som er ny i Norge; truckførerbevis inngår."),
    ("warehouse +truck +youth @Lillestrøm", "Lager og logistikk for unge – med truckførerbevis", "Warehouse and logistics for young people",
     "Logistikk, lager og varehåndtering."),
    ("warehouse @Stavanger", "Lagermedarbeider – varemottak og plukk", None, "Grunnkurs i lagerarbeid og logistikk.",
     {"more": " Kurset inneholder ikke truckopplæring; truckførerbevis må tas på et eget kurs."}),
    ("warehouse @Bergen", "Logistikk og lagerdrift", "Logistics and warehouse operations", "Lagerstyring, vareflyt og WMS-systemer."),
    ("warehouse @Tromsø/Oslo", "Lagerarbeider – netthandel", None, "Plukk og pakking i netthandel.", {"more": " Du tar imot sjåfører ved varemottaket."}),
    ("lorry @Stavanger/Hamar", "Yrkessjåfør lastebil C/CE med YSK", "Professional lorry driver C/CE with CPC", "Førerkort klasse C og CE med YSK."),
    ("lorry @Trondheim", "Lastebilsjåfør – førerkort klasse C", None, "Ta førerkortet for lastebil og bli sjåfør i transportbransjen."),
    ("lorry +norsk ~B1 @Oslo", "Lastebil klasse C med norsk", None, "Førerkort klasse C og YSK kombinert med norsk."),
    ("bus @Oslo/Bergen", "Yrkessjåfør buss klasse D med YSK", "Professional bus driver, class D with CPC", "Bli bussjåfør: førerkort klasse D og YSK-bevis."),
    ("bus +norsk ~B1 @Trondheim", "Bussjåfør for innvandrere", None, "Bli bussjåfør: førerkort klasse D og norsk for sjåføryrket."),
    ("bus @Tromsø", "Bussførerkurs klasse D", None, "Førerkort for buss og YSK.", {"more": " Kurset gir ikke førerkort for lastebil."}),
    ("licence @Drammen", "Førerkort klasse B for arbeidssøkere", "Driving licence class B for jobseekers", "Teori og kjøretimer fram til førerprøven."),
    ("licence +norsk ~A2 @Skien", "Førerkort klasse B med norsk", None, "Teori for førerkort på lett norsk, og kjøretimer."),
    ("taxi @Oslo", "Drosjesjåfør – kjøreseddel", "Taxi driver", "Forberedelse til kjøreseddel og jobb som drosjesjåfør."),
    ("health +nursing-home @Stavanger/Bodø/Tromsø", "Helsefagarbeider – forberedende kurs", "Health worker – preparatory course",
     "Forbered deg til fagbrev som helsefagarbeider.", {"cert": ["Kursbevis", "Førstehjelpskurs"]}),
    ("health +norsk +nursing-home ~B1 @Oslo/Trondheim", "Helsefagarbeider med norskopplæring", "Health worker with Norwegian training",
     "Fagopplæring i helsearbeiderfaget kombinert med arbeidsrettet norsk."),
    ("health +homecare @Trondheim", "Helsefagarbeidere i hjemmetjenesten", None, "Kurs for helsefagarbeidere som vil jobbe i hjemmetjenesten."),
    ("health +nursing-home @Førde", "Helsefagarbeidar – førebuande kurs", None, "Førebu deg til fagbrev som helsefagarbeidar.",
     {"desc": "Du lærer stell og pleie, smittevern og kommunikasjon, og får praksis på sjukeheim og i heimetenesta i Sunnfjord."}),
    ("health +norsk ~B1 @Lillestrøm", "Helsefagarbeider med norsk", "Health worker with Norwegian", "Helsefag og norsk med praksis i helsetjenesten."),
    ("health @Gjøvik", "Fagbrev i helsearbeiderfaget – praksiskandidat", None, "Teori til fagprøven for deg med erfaring fra helse og omsorg.",
     {"more": " Du lærer også smittevern og renhold av utstyr."}),
    ("care +nursing-home @Trondheim/Kristiansand", "Assistent i helse og omsorg", "Care assistant", "Stell og omsorg, med praksis på sykehjem."),
    ("care +norsk +nursing-home ~A2 @Hamar", "Assistent i helse og omsorg med norskopplæring", None, "Omsorgsarbeid og norsk for eldreomsorgen."),
    ("care +nursing-home @Fredrikstad", "Pleieassistent på sykehjem", None, "Arbeid som pleieassistent med praksis på sykehjemmet."),
    ("care +nursing-home @Tromsø", "Omsorgsarbeider – demensomsorg", None, "Omsorg for personer med demens i sykehjem og bofellesskap."),
    ("care @Tønsberg", "Miljøarbeider – bolig og bofellesskap", None, "Praktisk miljøarbeid med personer med utviklingshemming."),
    ("homecare @Bergen", "Praktisk bistand og hjemmehjelp", None, "Lær praktisk bistand i hjemmet."),
    ("homecare +norsk ~A2 @Drammen", "Hjemmetjenesten – assistent med norskopplæring", "Home care assistant", "Hjemmetjenesten og norsk for helse og omsorg."),
    ("homecare @Alta", "Assistent i hjemmesykepleien", None, "Bli assistent for sykepleiere i hjemmesykepleien."),
    ("kindergarten @Porsgrunn/Bodø/Trondheim", "Barnehageassistent", "Kindergarten assistant", "Lek og læring i barnehagen, med praksis."),
    ("kindergarten +norsk ~A2 @Oslo/Bergen", "Barnehageassistent med norsk", "Kindergarten assistant with Norwegian", "Barnehagearbeid og norskopplæring."),
    ("kindergarten +youth @Lillehammer", "Assistent i barnehage for unge voksne", None, "Praksis i barnehage og veiledning."),
    ("school @Namsos/Levanger", "Assistent i skole og SFO", "School and after-school assistant", "Arbeid med elever i skole og skolefritidsordning."),
    ("school +norsk ~B1 @Oslo", "Skoleassistent med norskopplæring", None, "Bli assistent i skolen og lær norsk for skolehverdagen."),
    ("childyouth +fagbrev @Kristiansand/Tromsø", "Barne- og ungdomsarbeider – forberedende til fagbrev",
     "Child and youth worker – towards a trade certificate", "Teori til fagprøven i barne- og ungdomsarbeiderfaget."),
    ("cleaning +fagbrev @Drammen/Stavanger", "Renholdsoperatør – fagbrev", "Cleaning operator – trade certificate",
     "Teori og praksis fram mot fagbrev som renholdsoperatør.", {"cert": ["Fagbrev"]}),
    ("cleaning +norsk ~A1 @Oslo/Bergen/Kristiansand", "Renholdsoperatør med norskopplæring", "Cleaning operator with Norwegian", "Praktisk renholdskurs og norsk."),
    ("cleaning @Voss", "Reinhald – grunnkurs", None, "Praktisk kurs i reinhald av skular, kontor og hotell.",
     {"desc": "Du lærer reinhaldsmetodar, maskinar og kjemikaliar, og har praksis hos reinhaldsbedrifter på Voss."}),
    ("cleaning +hotel @Tromsø", "Renholder i hotell og kontorbygg", None, "Daglig renhold, hovedrengjøring og vinduspuss.",
     {"more": " Kurset holdes i våre lokaler ved siden av lageret til byggevarehuset på Breivika."}),
    ("cleaning +youth @Trondheim", "Renhold og service for unge", None, "Renhold av skoler og barnehager."),
    ("cleaning-health @Bergen/Trondheim", "Renhold i helseinstitusjoner", "Cleaning in healthcare institutions", "Renhold og smittevern på sykehus og sykehjem."),
    ("cleaning-health +norsk ~A2 @Oslo", "Sykehusrenhold og smittevern med norsk", None, "Renhold på sykehus kombinert med norskopplæring."),
    ("kitchen @Molde/Kristiansund", "Kjøkkenassistent", "Kitchen assistant", "Matlaging, hygiene og oppvask i storkjøkken."),
    ("kitchen +norsk +serving ~A1 @Oslo", "Kjøkken og servering med norskopplæring", "Kitchen and serving with Norwegian", "Kjøkkenarbeid, servering og norsk."),
    ("kitchen @Bergen", "Kantine og storkjøkken", None, "Arbeid i kantine og storkjøkken på sykehus og sykehjem."),
    ("kitchen @Haugesund", "Kantinemedarbeider", None, "Lær å lage og servere enkle måltider i en kantine.", {"provider": "Sveis & Mat AS"}),
    ("cook +fagbrev @Stavanger/Ålesund", "Kokk – forberedende til fagbrev", None, "For deg som vil bli kokk og jobbe på kjøkken i hotell og restaurant."),
    ("cook +norsk ~A2 @Oslo", "Kokkefaget med norsk", "Cook training with Norwegian", "Kokkefag og norsk."),
    ("cook @Tromsø", "Institusjonskokk", None, "Matlaging for sykehjem, barnehager og kantiner."),
    ("baker @Trondheim", "Baker og konditor – grunnkurs", "Baker and pastry chef", "Lær å bake brød, bakst og kaker i et profesjonelt bakeri."),
    ("baker +norsk ~A1 @Lillestrøm", "Bakeri og konditori med norskopplæring", None, "Bakerfaget og norsk."),
    ("waiter @Oslo/Bergen", "Servitør – servering og bar", "Waiter – serving and bar", "Servering, drikkevarer og vertskap på restaurant."),
    ("waiter +youth @Stavanger", "Restaurant og servering for unge", None, "Servering og kafédrift for unge."),
    ("hotel @Svolvær", "Reiseliv, hotell og resepsjon", "Tourism, hotel and reception", "Resepsjon, booking og vertskap i reiselivet."),
    ("hotel @Oslo/Tromsø", "Hotellresepsjonist", None, "Innsjekk, booking og kundebehandling i resepsjonen."),
    ("retail @Førde/Moss/Trondheim", "Butikkmedarbeider", "Shop assistant", "Kundebehandling, kasse og salg i butikk."),
    ("retail +norsk ~A2 @Oslo", "Butikk og kundeservice med norskopplæring", "Retail with Norwegian", "Salg og service i butikk, med norsk."),
    ("retail @Tønsberg/Harstad", "Salg og service", None, "Salg, service og kundebehandling i varehandelen."),
    ("retail @Kristiansand", "Butikkmedarbeider i byggevare og jernvare", None, "Kundebehandling og salg i faghandel for bygg og jernvare.",
     {"more": " Du gir kundene råd om verktøy, maling og sveiseutstyr. Tidligere deltakere har gått videre til sveisekurs og truckkurs."}),
    ("retail +youth @Lillestrøm", "Ungdomskurs i butikk", "Retail course for young people", "Butikkarbeid for unge."),
    ("retail @Hammerfest", "Dagligvarehandel – butikkarbeid", None, "Kasse, ferskvare og varepåfylling."),
    ("customer-service @Oslo/Bodø", "Kundeservice og kundesenter", "Customer service", "Kundeservice på telefon, e-post og chat."),
    ("customer-service @Sandnes", "Kundebehandler i kundesenter", None, "Svar kunder på telefon og chat."),
    ("office @Oslo/Hamar", "Kontorarbeid med digitale verktøy", "Office work with digital tools", "Regneark, arkiv og kontorarbeid."),
    ("office @Tromsø", "Kontor og administrasjon", None, "Administrasjon og kontorrutiner."),
    ("office +reception @Sandnes", "Kontormedarbeider – resepsjon", None, "Resepsjon, sentralbord og post.", {"more": " Vi holder til i Lagerveien 12 på Forus."}),
    ("office +norsk ~B1 @Bergen", "Kontorfag med norskopplæring", None, "Kontorarbeid og norsk."),
    ("accounting @Kongsberg/Bergen", "Regnskap og lønn – grunnkurs", "Accounting and payroll – basic course", "Bokføring, fakturering og lønn."),
    ("it-support @Oslo/Trondheim", "IT-brukerstøtte", "IT user support", "Hjelp brukere med PC, mobil og Microsoft 365."),
    ("it-support @Stavanger", "IT-drift og servicedesk", None, "Feilsøking, nettverk og brukerstøtte."),
    ("programming +online @Oslo", "Webutvikling og programmering – grunnkurs", "Web development and programming", "HTML, CSS, JavaScript og Python."),
    ("programming @Bergen/Trondheim", "Programmering og koding for voksne", None, "Lær å programmere i Python og JavaScript."),
    ("carpenter +fagbrev @Drammen/Gjøvik", "Tømrer – forberedende til fagbrev", "Carpenter – trade certificate", "Tømrerarbeid og byggtegninger."),
    ("carpenter +norsk ~A2 @Oslo", "Tømrerfaget med norskopplæring", None, "Tømrerarbeid og norsk på byggeplassen."),
    ("carpenter +youth @Steinkjer", "Bygg og tømrer for unge", None, "Praktisk byggarbeid for unge."),
    ("concrete @Oslo/Stavanger", "Betongarbeider – forskaling og armering", "Concrete worker", "Forskaling, armering og støping av betong."),
    ("painter @Bergen/Fredrikstad", "Maler og overflatebehandler", "Painter and decorator", "Maling, sparkling og tapetsering innendørs og utendørs."),
    ("scaffolding @Stavanger/Bergen", "Stillasmontør", "Scaffolder", "Montering av systemstillas og fallsikring."),
    ("scaffolding +youth @Oslo", "Stillasbygging for unge", None, "Bygg stillas trygt."),
    ("excavator @Førde/Elverum", "Anleggsmaskinfører – gravemaskin, hjullaster og dozer", None, "Kjør gravemaskin og hjullaster, og ta kompetansebevis."),
    ("excavator @Narvik", "Maskinfører anlegg med praksis", "Construction machine operator", "Gravemaskin og dumper.", {"more": " Kurset gir ikke kranførerbevis."}),
    ("excavator +norsk ~A2 @Lillestrøm", "Anleggsmaskiner med norsk", None, "Anleggsmaskiner og norsk på anlegget."),
    ("crane @Stavanger/Trondheim", "Kranfører – traverskran og lastebilkran", "Crane operator", "Sikkerhetsopplæring for kran G4, G8 og G11."),
    ("electric @Oslo/Skien", "Elektrikerhjelper", "Electrician's assistant", "Hjelper for elektrikere på byggeplass, med FSE-kurs."),
    ("plumbing @Bergen/Hamar", "Rørleggerhjelper", None, "Hjelper for rørleggere: rør, sanitær og varme."),
    ("security @Oslo/Trondheim", "Vekter – grunnopplæring", "Security guard – basic training", "Grunnopplæring for vektere etter vaktvirksomhetsloven."),
    ("security @Kristiansand", "Vakt og sikkerhet – vekterkurs", None, "Vakthold på kjøpesentre, lager og byggeplasser."),
    ("fish @Hitra/Ålesund", "Fiskeindustri – filetering og foredling", "Fish processing – filleting", "Filetering, pakking og kvalitetskontroll av fisk."),
    ("fish +norsk ~A1 @Vadsø", "Fiskeindustri med norskopplæring", None, "Arbeid i fiskeindustrien og norsk."),
    ("fish @Svolvær", "Fiskeforedling og sjømat", None, "Arbeid på fiskemottak og i sjømatindustrien."),
    ("aquaculture @Frøya", "Havbruksoperatør – fiskeoppdrett", "Aquaculture operator", "Arbeid på oppdrettsanlegg for laks."),
    ("farm @Hamar/Steinkjer", "Landbruk og dyrestell", None, "Stell av husdyr og arbeid på gårdsbruk."),
    ("garden @Gjøvik/Tønsberg", "Gartner- og grøntanleggsassistent", "Gardening and landscaping assistant", "Planting og skjøtsel av grøntanlegg og parker."),
    ("norwegian +A1 @Oslo/Bergen", "Norskopplæring A1 for nybegynnere", "Norwegian for beginners, A1", "Norsk fra starten: lytte, snakke, lese og skrive."),
    ("norwegian +A2 ~A1 @Trondheim/Drammen", "Norsk for arbeidslivet A2", "Norwegian for working life, A2", "Arbeidsrettet norsk på A2-nivå."),
    ("norwegian +A2 +B1 +online ~A2 @Oslo", "Arbeidsrettet norsk A2–B1 på nett", None, "Norskundervisning på nett fra A2 til B1."),
    ("norwegian +B2 ~B2 @Stavanger", "Norsk på B2-nivå – fagspråk mot C1", None, "Fagspråk og skriving på B2-nivå."),
    ("norwegian +health ~B2 @Bergen", "Helsefaglig norsk for helsepersonell", "Norwegian for health professionals",
     "Norsk for sykepleiere, leger og helsefagarbeidere med utdanning fra utlandet."),
    ("norwegian +A2 @Voss", "Norskopplæring for vaksne – A2", None, "Norsk munnleg og skriftleg for vaksne.",
     {"desc": "Du lærer norsk for arbeid og kvardag, munnleg og skriftleg, i små grupper på Voss."}),
    ("norsktest +B1 ~A2 @Oslo/Kristiansand", "Norskprøven B1 muntlig og skriftlig", "Norwegian test B1", "Forbered deg til Norskprøven."),
    ("norsktest +B2 ~B1 @Trondheim", "Forberedende kurs til Norskprøven B2", None, "Intensivt kurs mot Norskprøven."),
    ("norsktest +A2 +online @Bodø", "Norskprøven A2 – forberedelse på nett", None, "Øv til prøven hjemmefra."),
    ("basic-skills @Stavanger/Tromsø", "Grunnleggende ferdigheter – lesing, skriving og regning", "Basic skills", "Bli tryggere på lesing, skriving og regning."),
    ("basic-skills +norsk @Bodø", "Grunnleggende ferdigheter og norsk for arbeidslivet", None, "Lesing, skriving og norsk for jobben."),
    ("digital @Oslo/Hamar", "Digitale ferdigheter for arbeidslivet", "Digital skills for working life", "PC, e-post, BankID og digitale skjema."),
    ("digital +online @Arendal", "Data for nybegynnere", None, "PC-bruk for voksne.", {"more": " Kurset er et pilotprosjekt i samarbeid med biblioteket."}),
    ("fov @Oslo/Arendal", "Forberedende opplæring for voksne (FOV) – norsk, matematikk og engelsk", None, "Grunnskolefag for voksne som vil videre."),
    ("fov +youth @Kristiansand", "FOV for unge voksne – veien mot videregående", None, "Norsk, matematikk og engelsk for unge voksne."),
    ("upper-secondary @Oslo", "Studiespesialisering for voksne – generell studiekompetanse", None, "Fag til generell studiekompetanse."),
    ("upper-secondary +health @Hamar", "Fag- og yrkesopplæring for voksne – helse- og oppvekstfag", None, "Vg1 helse- og oppvekstfag for voksne."),
    ("jobseeking @Molde/Bergen", "Jobbsøkerkurs", "Job seeking course", "CV, søknad og intervjutrening.",
     {"more": " Mange deltakere har fått jobb i butikk, på lager, i renhold og i barnehage."}),
    ("jobseeking +online @Oslo", "Jobbsøkerkurs på engelsk", "Job seeking course in English", "Jobbsøking for deg som ennå ikke snakker norsk."),
    ("jobseeking +youth @Oslo/Trondheim", "Jobbklubb for unge", "Job club for young people", "Jobbsøking sammen med andre unge."),
    ("youth +youth @Bergen", "Unge i jobb – arbeidstrening og veiledning", "Young people into work", "Arbeidstrening og veiledning for unge."),
    ("youth +youth @Skien/Narvik", "Ungdomsprogrammet – vei til jobb eller skole", None, "Oppfølging mot jobb eller skole."),
]


def _facts():
    """``[(id, kind, tags, level, place, row)]``: one course per place of each row."""
    found = []
    for number, row in enumerate(COURSES):
        spec, places = row[0].split(" @")
        kind, *marks = spec.split()
        tags = frozenset(mark[1:] for mark in marks if mark.startswith("+"))
        level = next((mark[1:] for mark in marks if mark.startswith("~")), None)
        for place in places.split("/"):
            found.append((f"Q{number:03d}-{PLACES[place]}", kind, tags, level, place, row))
    return found


FACTS = _facts()


def records():
    """The catalogue in the import format."""
    found = []
    for number, (course_id, kind, tags, level, place, row) in enumerate(FACTS):
        title_nb, title_en, summary_nb = row[1:4]
        extra = row[4] if len(row) > 4 else {}
        municipality = PLACES[place]
        description = extra.get("desc") or DESCRIPTIONS[kind].format(place=place) + extra.get("more", "")
        description += (NORSK_NOTE if "norsk" in tags else "") + (YOUTH_NOTE if "youth" in tags else "")
        certificates = extra.get("cert") or (TRUCK if "truck" in tags else CERTIFICATES.get(kind, ["Kursbevis"]))
        if kind == "norsktest":
            certificates = [f"Norskprøven {tag}" for tag in sorted(tags) if tag[:1] in "AB" and tag[1:].isdigit()]
        found.append(course(
            id=course_id, title_nb=title_nb, title_en=title_en, summary_nb=summary_nb, description_nb=description,
            course_type=COURSE_TYPE_OF.get(kind, "industry"), sector=SECTOR_OF.get(kind),
            provider=extra.get("provider", PROVIDERS[municipality[:2]]), county=municipality[:2], municipality=municipality, place=place,
            certifications=certificates or None, norwegian_training="norsk" in tags or None, norwegian_level=level,
            norwegian_test=kind == "norsktest" or None, target_groups=["youth"] if "youth" in tags else None,
            age_max=29 if "youth" in tags else None, delivery="online" if "online" in tags else None,
            # Start dates that say nothing of relevance, all after the suite's TODAY.
            start_date=f"2027-{number * 7 % 11 + 2:02d}-{number * 13 % 27 + 1:02d}"))
    return found
