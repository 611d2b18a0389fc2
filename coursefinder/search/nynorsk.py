"""Nynorsk words as bokmål: the regular correspondences between Norway's two written standards.

Most courses are written in bokmål; a person who writes nynorsk types ``reinhald``,
``sjukepleiar``, ``sveisar`` or ``heimeteneste``.  Snowball's stemmer already meets most
nynorsk endings (``-ane``, ``-arar``), so what is left are the sound correspondences inside
words: the diphthongs nynorsk keeps (``ei``, ``au``, ``øy``), ``ju`` for ``y``, ``heim``
for ``hjem``, ``a`` before ``ld`` for ``o``, ``-leg`` for ``-lig``, ``-ar`` for ``-er``.
Each rule is applied where it fits, alone or with others, and the query keeps only the
bokmål forms the catalogue or the thesaurus knows (``known``): a rule never invents a
word, it finds the one the courses use.
"""

import itertools
import re

# (what nynorsk writes, what bokmål writes), each a regular pattern of the two standards.
RULES = (
    (re.compile(r"ei"), "e"),               # rein -> ren, heil -> hel, meir -> mer
    (re.compile(r"au"), "ø"),               # draum -> drøm, haust -> høst, laus -> løs
    (re.compile(r"øy"), "ø"),               # høyre -> høre, straum -> strøm (with au)
    (re.compile(r"ald"), "old"),            # hald -> hold, reinhald -> renhold
    (re.compile(r"sju"), "sy"),             # sjuk -> syk, sjukepleiar -> sykepleier
    (re.compile(r"heime"), "hjemme"),       # heimeteneste -> hjemmetjeneste
    (re.compile(r"heim"), "hjem"),          # sjukeheim -> sykehjem
    (re.compile(r"tene"), "tjene"),         # teneste -> tjeneste
    (re.compile(r"(?<=[a-zæøå])leg(?=[ae]?$|e[a-z])"), "lig"),   # fagleg -> faglig, daglege -> daglige
    (re.compile(r"leik$"), "het"),          # tryggleik -> trygghet
    (re.compile(r"(?<=[a-zæøå]{3})ar(?=[ae]?$|ane$|ar$|en$)"), "er"),   # sveisar -> sveiser, pleiarar -> pleierer
    (re.compile(r"(?<=[a-zæøå]{3})ane$"), "ene"),   # kursane -> kursene
    (re.compile(r"(?<=[a-zæøå]{3})inga$"), "ingen"),  # opplæringa -> opplæringen
    (re.compile(r"(?<=[a-zæøå]{3})a$"), "e"),   # sveisa (infinitive) -> sveise
    (re.compile(r"skule"), "skole"),        # skule -> skole
    (re.compile(r"kyrkj"), "kirk"),         # kyrkje -> kirke
    (re.compile(r"^kv"), "hv"),             # kvar -> hvor, kvit -> hvit
)
MAX_VARIANTS = 64


def variants(word):
    """Bokmål forms ``word`` may stand for, by one or more of the rules (the word itself not included)."""
    lowered = word.lower()
    fitting = [(pattern, replacement) for pattern, replacement in RULES
               if pattern.search(lowered) and pattern.sub(replacement, lowered) != lowered]
    found = []
    for size in range(1, len(fitting) + 1):
        for chosen in itertools.combinations(fitting, size):
            form = lowered
            for pattern, replacement in chosen:
                form = pattern.sub(replacement, form)
            if form != lowered and form not in found:
                found.append(form)
            if len(found) >= MAX_VARIANTS:
                return found
    return found


def bokmal_forms(word, known):
    """The bokmål forms of a nynorsk word that ``known(form)`` accepts, fewest changes first."""
    return [form for form in variants(word) if known(form)]
