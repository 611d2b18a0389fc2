"""Nav's codes and unit numbers, and what each is in our import format (docs/nav-format.md).

Nav's codes are those its published OpenAPI documents list in navikt/mulighetsrommet at commit
f67c93ab66cce9d33fde5f09213f9a0aa367cecc (2026-08-21): frontend/arbeidsmarkedstiltak-api-client/openapi.yaml
(the adviser API, VeilederflateTiltak*) and frontend/tiltaksadministrasjon-api-client/openapi.yaml (the AMO
categorisation, AmoKategoriseringRequest).  Every code table holds every value Nav's schema lists: a value of
None means the code has no equivalent in our format, and a course that uses it is refused with a problem
rather than imported with the code dropped.
"""

SCHEMA_COMMIT = "f67c93ab66cce9d33fde5f09213f9a0aa367cecc"

# The value of "type" (the class discriminator of VeilederflateTiltak) for a group course.  The other two
# variants, VeilederflateTiltakEnkeltplass and ...EnkeltplassAnskaffet, are single places bought for one
# person: no dates, no status, nothing a course finder can offer.
GROUP_COURSE = "no.nav.mulighetsrommet.api.veilederflate.models.VeilederflateTiltakGruppe"

# The tiltakskoder imported: Nav's opplæringstiltak that are bought as courses (they "support avtaler").
# The value is the kurstype the type itself settles, as Nav's GjennomforingValidator does for
# ARBEIDSMARKEDSOPPLAERING and STUDIESPESIALISERING; None means the course's own categorisation says.
# Fag- og yrkesopplæring is vocational by definition, but Nav records an utdanningsløp for it, not a
# bransje, so such a course needs a bransje added to its categorisation.  Not imported: the ENKELTPLASS_*
# codes and the two higher-education types (single places only; we have no course_type for them) and
# every tiltak that is not training (AVKLARING, JOBBKLUBB, ARBEIDSTRENING ...).
IMPORTED_TILTAKSKODER = {
    "GRUPPE_ARBEIDSMARKEDSOPPLAERING": None,
    "ARBEIDSMARKEDSOPPLAERING": "BRANSJE_OG_YRKESRETTET",
    "NORSKOPPLAERING_GRUNNLEGGENDE_FERDIGHETER_FOV": None,
    "STUDIESPESIALISERING": "STUDIESPESIALISERING",
    "GRUPPE_FAG_OG_YRKESOPPLAERING": "BRANSJE_OG_YRKESRETTET",
    "FAG_OG_YRKESOPPLAERING": "BRANSJE_OG_YRKESRETTET",
}

START_TYPES = {"FELLES": "fixed", "LOPENDE": "rolling", "ENKELTPLASS": None}

# GjennomforingStatusType.  AVSLUTTET: the course has run; its end date says so, and it takes no one.
# PLANLAGT is no longer in Nav's schema (removed in 2024) but older exports may hold it.
STATUSES = {"GJENNOMFORES": "open", "PLANLAGT": "open", "AVSLUTTET": "closed", "AVBRUTT": "cancelled",
            "AVLYST": "cancelled"}

KURSTYPER = {
    "BRANSJE_OG_YRKESRETTET": "industry",
    "NORSKOPPLAERING": "norwegian",
    "GRUNNLEGGENDE_FERDIGHETER": "basic-skills",
    "FORBEREDENDE_OPPLAERING_FOR_VOKSNE": "fov",
    "STUDIESPESIALISERING": "upper-secondary",
}

# Our sectors are Nav's bransjer, one to one (shared/COURSE-FORMAT.md).
BRANSJER = {
    "INGENIOR_OG_IKT_FAG": "engineering-ict",
    "HELSE_PLEIE_OG_OMSORG": "health-care",
    "BARNE_OG_UNGDOMSARBEID": "childcare-youth",
    "KONTORARBEID": "office",
    "BUTIKK_OG_SALGSARBEID": "retail",
    "BYGG_OG_ANLEGG": "construction",
    "INDUSTRIARBEID": "industry",
    "REISELIV_SERVERING_OG_TRANSPORT": "hospitality-transport",
    "SERVICEYRKER_OG_ANNET_ARBEID": "service",
    "ANDRE_BRANSJER": "other",
}

# B_78 is class B limited to cars with automatic gears (EU code 78): still class B.  AM (moped) and AM_147
# (three- and four-wheeled moped) are classes our format does not list.
FORERKORT = {code: code for code in ("A", "A1", "A2", "B", "BE", "C", "C1", "C1E", "CE", "D", "D1", "D1E", "DE",
                                     "S", "T")}
FORERKORT.update({"AM": None, "AM_147": None, "B_78": "B"})

INNHOLD_ELEMENTER = {
    "GRUNNLEGGENDE_FERDIGHETER": "basic-skills",
    "BRANSJERETTET_OPPLARING": None,
    "TEORETISK_OPPLAERING": "theory",
    "JOBBSOKER_KOMPETANSE": "job-seeking",
    "PRAKSIS": "practice",
    "ARBEIDSMARKEDSKUNNSKAP": "labour-market",
    "NORSKOPPLAERING": "norwegian",
}
# Sector-oriented training is what course_type "industry" says already; only in another kind of course is
# it content our format cannot name.
INDUSTRY_CONTENT = "BRANSJERETTET_OPPLARING"

# Nav's regions (fylkesenheter, the "fylker" of a tiltak) and the 2024 counties their offices are in.  Four
# regions still span two counties: Øst-Viken (Østfold, and Akershus but Asker and Bærum), Vest-Viken
# (Buskerud, Asker and Bærum), Vestfold og Telemark, and Troms og Finnmark.
REGIONS = {
    "0200": ("31", "32"), "0300": ("03",), "0400": ("34",), "0600": ("33", "32"), "0800": ("39", "40"),
    "1000": ("42",), "1100": ("11",), "1200": ("46",), "1500": ("15",), "1800": ("18",), "1900": ("55", "56"),
    "5700": ("50",),
}

# Units that are not local offices but belong to a region: "Nav egne ansatte <region>" (xx83) and Nav arbeid
# og helse Oslo (0396), as mulighetsrommet's SPESIALENHET_SOM_KAN_VELGES_I_MODIA_TIL_FYLKE_MAP places them,
# and "Nav tiltak <region>" (xx87), the regions' buying units, as its kostnadssted table places them.  They
# say which region bought a course, not where it is held.
SPECIAL_UNITS = {
    "0283": "0200", "0383": "0300", "0483": "0400", "0683": "0600", "0883": "0800", "1083": "1000",
    "1183": "1100", "1283": "1200", "1583": "1500", "1683": "5700", "1883": "1800", "1983": "1900",
    "0396": "0300",
    "0287": "0200", "0387": "0300", "0587": "0400", "0687": "0600", "1087": "1000", "1187": "1100",
    "1987": "1900",
}
# Nasjonal oppfølgingsenhet serves the whole country: it says nothing of where a course is.
NATIONAL_UNITS = ("4154",)

# Nav's local offices (enhetsnummer, 4 digits) and the place each serves: the 2024 municipality number when
# the office serves one municipality, else the 2024 county numbers of the municipalities or district its
# name names (Hadeland, Nordmøre, Alta-Kvænangen-Loppa ... reach into two counties).  The office numbers
# keep the county numbers of before the reforms of 2018-2024 (0104 is Moss, in county 31 since 2024; 53xx
# and 57xx are offices formed later), so the number alone does not give the county.  Offices and names:
# Nav's office list as navikt/veilarbvisittkortfs mocks it (src/mock/api/alleKontor.ts, commit
# 6b77162354dbf957c73f0df986e65428bfe1a0a5), only the offices written in the spelling "Nav" took in 2022:
# those still written "NAV" or marked "Avviklet" are closed.  Checked against mulighetsrommet's kostnadssted
# table (R__kostnadssted_innhold.sql, commit above).  Municipality numbers: Statistics Norway's
# classification 131 (kommuneinndeling) from 1 January 2024.
OFFICES = {
    # 01xx: Østfold, before 2020
    "0101": "31", "0104": "3103", "0105": "3105",  # Halden-Aremark, Moss, Sarpsborg
    "0106": "3107", "0111": "3110", "0119": "31",  # Fredrikstad, Hvaler, Skiptvet Marker
    "0124": "3118", "0128": "3120", "0135": "3112",  # Indre Østfold, Rakkestad, Råde
    "0137": "3114",  # Våler
    # 02xx: Akershus, before 2020
    "0211": "3216", "0213": "3207", "0214": "3218",  # Vestby, Nordre Follo, Ås
    "0215": "3214", "0216": "3212", "0219": "3201",  # Frogn, Nesodden, Bærum
    "0220": "3203", "0221": "3226", "0228": "3224",  # Asker, Aurskog-Høland, Rælingen
    "0229": "3220", "0230": "3222", "0231": "3205",  # Enebakk, Lørenskog, Lillestrøm
    "0233": "3232", "0235": "3209", "0236": "3228",  # Nittedal, Ullensaker, Nes i Akershus
    "0237": "32", "0238": "32",  # Eidsvoll Hurdal, Nannestad Gjerdrum
    # 03xx: Oslo
    "0312": "0301", "0313": "0301", "0314": "0301",  # Frogner, St. Hanshaugen, Sagene
    "0315": "0301", "0316": "0301", "0318": "0301",  # Grünerløkka, Gamle Oslo, Nordstrand
    "0319": "0301", "0321": "0301", "0326": "0301",  # Søndre Nordstrand, Østensjø, Alna
    "0327": "0301", "0328": "0301", "0330": "0301",  # Stovner, Grorud, Bjerke
    "0331": "0301", "0334": "0301", "0335": "0301",  # Nordre Aker, Vestre Aker, Ullern
    # 04xx: Hedmark, before 2020
    "0402": "3401", "0403": "3403", "0412": "3411",  # Kongsvinger, Hamar, Ringsaker
    "0415": "3412", "0417": "3413", "0419": "34",  # Løten, Stange, Odal
    "0420": "3416", "0425": "34", "0427": "3420",  # Eidskog, Solør, Elverum
    "0428": "3421", "0429": "3422", "0430": "3423",  # Trysil, Åmot, Stor-Elvdal
    "0434": "3425", "0437": "34",  # Engerdal, Nord-Østerdal
    # 05xx: Oppland, before 2020
    "0501": "34", "0502": "3407", "0511": "34",  # Lillehammer-Gausdal, Gjøvik, Lesja - Dovre
    "0513": "34", "0515": "3435", "0516": "34",  # Lom-Skjåk, Vågå, Midt-Gudbrandsdal
    "0517": "3437", "0521": "3440", "0528": "3442",  # Sel, Øyer, Østre Toten
    "0529": "3443", "0532": "3236", "0534": "34 32",  # Vestre Toten, Jevnaker, Hadeland
    "0538": "34", "0542": "34",  # Land, Valdres
    # 06xx: Buskerud, before 2020
    "0602": "3301", "0604": "3303", "0605": "3305",  # Drammen, Kongsberg, Ringerike
    "0612": "3310", "0617": "33", "0623": "33",  # Hole, Hallingdal, Midt-Buskerud
    "0624": "3314", "0626": "3312", "0632": "33",  # Øvre Eiker, Lier, Numedal
    # 07xx: Vestfold, before 2020
    "0701": "3901", "0704": "3905", "0710": "3907",  # Horten, Tønsberg, Sandefjord
    # 08xx: Telemark, before 2020
    "0805": "4001", "0806": "4003", "0807": "40",  # Porsgrunn, Skien, Notodden og Hjartdal
    "0811": "4010", "0814": "4012", "0815": "4014",  # Siljan, Bamble, Kragerø
    "0817": "4016", "0821": "4020", "0826": "4026",  # Drangedal, Midt-Telemark, Tinn
    "0833": "40",  # Vest-Telemark
    # 09xx: Aust-Agder, before 2020
    "0901": "4201", "0904": "4202", "0906": "4203",  # Risør, Grimstad, Arendal
    "0914": "42", "0926": "4215", "0928": "4216",  # Øst i Agder, Lillesand, Birkenes
    "0929": "4217", "0937": "4219",  # Åmli, Evje og Hornnes
    # 10xx: Vest-Agder, before 2020
    "1001": "4204", "1002": "4205", "1014": "42",  # Kristiansand, Lindesnes, Midt-Agder
    "1034": "4226", "1037": "42",  # Hægebostad, Lister
    # 11xx: Rogaland
    "1101": "11", "1102": "1108", "1106": "11",  # Dalane, Sandnes, Haugesund-Utsira
    "1119": "1119", "1120": "11", "1122": "1122",  # Hå, Klepp-Time, Gjesdal
    "1124": "1124", "1127": "11", "1130": "1130",  # Sola, Randaberg-Kvitsøy, Strand
    "1133": "1133", "1134": "1134", "1135": "1135",  # Hjelmeland, Suldal, Sauda
    "1146": "1146", "1149": "11", "1160": "11 46",  # Tysvær, Karmøy-Bokn, Vindafjord-Etne
    "1161": "1103", "1162": "1103", "1164": "1103",  # Eiganes og Tasta, Hundvåg og Storhaug, Hillevåg og Hinna
    "1165": "1103", "1169": "1103",  # Madla, Rennesøy og Finnøy
    # 12xx: Hordaland, before 2020
    "1202": "4601", "1203": "4601", "1206": "4601",  # Bergen sør, Bergen nord, Bergen vest
    "1208": "4601", "1209": "4601", "1216": "4612",  # Årstad, Bergenhus, Sveio
    "1219": "4613", "1221": "4614", "1222": "4615",  # Bømlo, Stord, Fitjar
    "1223": "4616", "1224": "4617", "1228": "4618",  # Tysnes, Kvinnherad, Ullensvang
    "1232": "4619", "1233": "4620", "1235": "4621",  # Eidfjord, Ulvik, Voss
    "1238": "4622", "1242": "4623", "1243": "4624",  # Kvam, Samnanger, Bjørnafjorden
    "1244": "4625", "1246": "4626", "1247": "4627",  # Austevoll, Øygarden, Askøy
    "1251": "4628", "1253": "4630", "1263": "4631",  # Vaksdal, Osterøy, Alver
    "1266": "46",  # Fensfjorden
    # 14xx: Sogn og Fjordane, before 2020
    "1401": "4602", "1412": "4636", "1413": "4637",  # Kinn, Solund, Hyllestad
    "1416": "4638", "1417": "4639", "1420": "4640",  # Høyanger, Vik, Sogndal
    "1421": "4641", "1422": "46", "1424": "4643",  # Aurland, Aurland og Lærdal, Årdal
    "1426": "4644", "1428": "4645", "1429": "4646",  # Luster, Askvoll, Fjaler
    "1432": "46", "1443": "46",  # Sunnfjord og Ytre Sogn, Nordfjord
    # 15xx: Møre og Romsdal
    "1502": "1506", "1504": "1508", "1505": "1505",  # Molde, Ålesund, Kristiansund
    "1515": "15", "1517": "15", "1520": "15",  # Herøy og Vanylven, ytre Søre Sunnmøre, Ørsta-Volda
    "1528": "15", "1531": "1531", "1532": "1532",  # Sykkylven - Stranda, Sula, Giske
    "1535": "1535", "1539": "1539", "1547": "1547",  # Vestnes, Rauma, Aukra
    "1548": "1579", "1554": "1554", "1557": "1557",  # Hustadvika, Averøy, Gjemnes
    "1563": "15 50", "1573": "1573", "1576": "1576",  # Indre Nordmøre, Smøla, Aure
    "1580": "1580",  # Haram
    # 16xx: Sør-Trøndelag, before 2018
    "1612": "5055", "1620": "50", "1621": "5057",  # Heim, Hitra Frøya, Ørland
    "1630": "50", "1634": "50", "1638": "5059",  # Nord-Fosen, Oppdal og Rennebu, Orkland
    "1640": "50 34", "1648": "5027", "1657": "50",  # Røros, Os og Holtålen, Midtre Gauldal, Skaun Melhus
    "1663": "5031",  # Malvik
    # 17xx: Nord-Trøndelag, before 2018
    "1702": "50", "1703": "50", "1719": "5037",  # Inn-Trøndelag, Midtre Namdal, Levanger
    "1721": "5038", "1742": "50", "1751": "5060",  # Verdal, Indre Namdal, Nærøysund
    "1783": "50",  # Værnes
    # 18xx: Nordland
    "1804": "1804", "1805": "1806", "1813": "18",  # Bodø, Narvik, Sør-Helgeland
    "1820": "18", "1824": "18", "1826": "1826",  # Ytre Helgeland, Vefsna, Hattfjelldal
    "1828": "1828", "1832": "1832", "1833": "1833",  # Nesna, Hemnes, Rana
    "1834": "1834", "1837": "18", "1838": "1838",  # Lurøy, Sør-Salten, Gildeskål
    "1841": "18", "1848": "1848", "1851": "1851",  # Indre Salten, Steigen, Lødingen
    "1856": "1856", "1857": "1857", "1860": "18",  # Røst, Værøy, Lofoten
    "1866": "1866", "1867": "1867", "1868": "1868",  # Hadsel, Bø, Øksnes
    "1870": "1870", "1871": "1871",  # Sortland, Andøy
    # 19xx: Troms, before 2020
    "1902": "5501", "1903": "55", "1923": "55",  # Tromsø, Sør-Troms, Salangen-Lavangen-Dyrøy
    "1924": "55", "1931": "55", "1933": "55",  # Målselv-Bardu, Senja-Sørreisa, Balsfjord-Storfjord
    "1936": "5534", "1938": "5536", "1940": "5540",  # Karlsøy, Lyngen, Gáivuotna/Kåfjord
    "1941": "5542", "1942": "5544",  # Skjervøy, Nordreisa
    # 20xx: Finnmark, before 2020
    "2002": "5634", "2003": "5607", "2004": "56",  # Vardø, Vadsø, Hammerfest-Måsøy
    "2011": "56", "2012": "56 55", "2015": "5616",  # Ávjovárri, Alta-Kvænangen-Loppa, Hasvik
    "2019": "5620", "2020": "5622", "2022": "5624",  # Nordkapp, Porsanger, Lebesby
    "2023": "5626", "2024": "5630", "2025": "5628",  # Gamvik, Berlevåg, Deatnu/Tana
    "2027": "5636", "2028": "5632", "2030": "5605",  # Unjárga/Nesseby, Båtsfjord, Sør-Varanger
    # 53xx: offices formed in Vestfold
    "5301": "3903", "5302": "3911", "5303": "3909",  # Holmestrand, Færder, Larvik
    # 57xx: offices formed in Trøndelag
    "5701": "5001", "5702": "5001", "5703": "5054",  # Falkenborg, Lerkendal, Indre Fosen
}


def office_place(number):
    """``(counties, municipality)`` of a local Nav office, municipality None when it serves several; or None."""
    place = OFFICES.get(number)
    if place is None:
        return None
    if len(place) == 4:
        return (place[:2],), place
    return tuple(place.split()), None


def region_counties(number):
    """The counties a Nav region or regional unit stands for (none for a national unit); None when unknown."""
    if number in NATIONAL_UNITS:
        return ()
    return REGIONS.get(SPECIAL_UNITS.get(number, number))
