"""Words a person meets on the site, each explained in one line: the about page's glossary.

Certificates are free text in the import format (``Truckførerbevis T1–T4``), written in
Norwegian by the publisher; a certificate that names a term here gets the term's
explanation and a link to it wherever it is shown, so that a reader of any language
knows what the paper is. The order matters: the first term whose words a text holds wins,
so the more specific terms come first.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Term:
    key: str                # the anchor on the about page: #term-KEY
    name: object            # the term, with the Norwegian word a person will hear
    explanation: object     # one line, plain words
    words: tuple = ()       # lower-case parts of a certificate's text that name this term


TERMS = (
    Term("amo", _l("AMO (labour market training)"),
         _l("A course Nav buys to help people get the skills employers ask for. AMO is short for "
            "arbeidsmarkedsopplæring.")),
    Term("tiltak", _l("Tiltak (Nav's help into work)"),
         _l("What Nav calls its help for getting into work, such as courses, work trials and follow-up. A course on "
            "this site is a tiltak called arbeidsmarkedsopplæring (AMO).")),
    Term("tiltakspenger", _l("Tiltakspenger (money during a course)"),
         _l("Money you may get from Nav while you take part in a tiltak such as a course. Your adviser can tell you "
            "whether you can get it.")),
    Term("levels", _l("Norwegian levels A1 to C1"),
         _l("A scale for how well you speak, read and write a language: A1 is a beginner, A2 elementary, B1 "
            "intermediate, B2 upper intermediate and C1 advanced. A course that needs B1 can be followed by someone "
            "who manages everyday conversations and simple texts at work.")),
    Term("norskproven", _l("Norskprøven (the Norwegian test)"),
         _l("The official test of Norwegian for adult immigrants. Some courses end with it."), ("norskprøve",)),
    Term("ysk", _l("YSK (professional driver qualification)"),
         _l("The training that bus and lorry drivers must have to drive for a living. YSK is short for "
            "yrkessjåførkompetanse."), ("ysk", "yrkessjåfør")),
    Term("machine-operator", _l("Kompetansebevis for anleggsmaskinfører (machine operator certificate)"),
         _l("Shows that you may drive machines such as excavators and wheel loaders on a building site."),
         ("anleggsmaskin",)),
    Term("fagbrev", _l("Fagbrev (trade certificate)"),
         _l("A certificate that shows that you are a skilled worker in a trade, for example as a health worker or a "
            "welder."), ("fagbrev", "svennebrev")),
    Term("kompetansebevis", _l("Kompetansebevis (certificate of competence)"),
         _l("Shows which parts of a trade you have learned; it can count towards a fagbrev later."),
         ("kompetansebevis",)),
    Term("truck", _l("Truckførerbevis (forklift licence)"),
         _l("Shows that you have passed the training to drive a forklift truck; T1 to T4 are kinds of truck."),
         ("truck",)),
    Term("welding", _l("Sveisesertifikat (welding certificate)"),
         _l("Shows that you have passed a welding test to a standard that employers know."), ("sveis",)),
    Term("food-hygiene", _l("Hygienekurs (food hygiene course)"),
         _l("Training in handling food safely, which you need to work in a kitchen or a food shop."), ("hygiene",)),
    Term("first-aid", _l("Førstehjelpskurs (first aid course)"),
         _l("Training in helping someone who is hurt or ill until help comes."), ("førstehjelp",)),
    Term("scaffolding", _l("Stillasmontørbevis (scaffolding certificate)"),
         _l("Shows that you may put up scaffolding; building sites ask for it."), ("stillas",)),
    Term("security-guard", _l("Grunnopplæring for vektere (security guard training)"),
         _l("The training a security guard must have before working in the trade."), ("vekter",)),
    Term("electrical-safety", _l("FSE-kurs (electrical safety course)"),
         _l("Training in working safely near electrical installations, which people who work with them need every "
            "year."), ("fse",)),
    Term("university-entrance", _l("Generell studiekompetanse (university entrance qualification)"),
         _l("The result of upper secondary school that lets you apply to universities and colleges."),
         ("studiekompetanse",)),
    Term("kursbevis", _l("Kursbevis (course certificate)"),
         _l("A paper from the provider that shows that you have taken the course."), ("kursbevis",)),
    Term("work-practice", _l("Work practice"),
         _l("Part of the course takes place at a workplace, where you learn the work and meet employers.")),
    Term("rolling-start", _l("Rolling start"),
         _l("You can start on the course on any day it runs, not only on a set date.")),
    Term("provider", _l("Provider"), _l("The school or company that holds the course for Nav.")),
)


def term_for(text):
    """The term a certificate's text names (``Truckførerbevis T1–T4`` → the forklift licence), or None."""
    lowered = (text or "").lower()
    for term in TERMS:
        if any(word in lowered for word in term.words):
            return term
    return None
