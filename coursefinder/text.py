"""Small text rules used everywhere: folding æ, ø and å, words, and what may be shown.

Folding is how a person without a Norwegian keyboard writes (``forerkort`` for
``førerkort``); search, spelling, suggestions and readable slugs all fold the same way.
"""

import re

# aa is the old spelling of å, and what people type for it on foreign keyboards.
_FOLDS = (("aa", "a"), ("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "ae"), ("ö", "o"), ("é", "e"), ("ü", "u"))
WORD = re.compile(r"\w+")


def fold(word):
    """``førerkort`` -> ``forerkort``: the form a word has without æ, ø and å."""
    for source, target in _FOLDS:
        word = word.replace(source, target)
    return word


def words(text):
    return WORD.findall(text or "")


# C0 and C1 control characters (but tab and line breaks), and the noncharacters and lone
# surrogates that have no place in HTML or XML, shown as the replacement character.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Embeddings, overrides and isolates of the bidirectional algorithm: an override in a
# provider's name would reverse the text shown after it, so displayed text never carries
# them (pages isolate text of another direction themselves).  The marks (LRM, RLM) stay.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


# Either of them: nearly all text has neither, and is then given back as it is.
_EITHER = re.compile(f"{_INVISIBLE.pattern[:-1]}{BIDI_CONTROLS.pattern[1:]}")


def visible(text):
    """Text as it may be written into a page, a feed or a calendar file (``text`` itself when it has nothing to change)."""
    if _EITHER.search(text) is None:
        return text
    return BIDI_CONTROLS.sub("", _INVISIBLE.sub("\ufffd", text))


def shorten(text, limit=80):
    """``text`` cut to ``limit`` characters with an ellipsis, for messages that quote what was written."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
