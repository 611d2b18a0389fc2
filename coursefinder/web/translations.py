"""The request's translations, looked up once per request.

Flask-Babel looks the request's locale and translations up again for every string it
translates, through several context lookups each time: a results page translates about
three hundred strings, and that lookup was a tenth of its time.  Here the translations
found for a request are kept on the request's ``g`` with the locale they are for, so a
changed locale (Flask-Babel's ``force_locale``) still gets its own.
"""

from flask import globals as flask_globals
from flask_babel import Domain

_MEMO = "_request_translations"


class RequestDomain(Domain):
    def get_translations(self):
        context = getattr(flask_globals, "_cv_app", None)
        context = context.get(None) if context is not None else None
        if context is None:
            return super().get_translations()
        kept = vars(context.g)
        memo = kept.get(_MEMO)
        if memo is not None and memo[0] is _locale(kept):
            return memo[1]
        translations = super().get_translations()       # also settles the request's locale
        kept[_MEMO] = (_locale(kept), translations)
        return translations


def _locale(kept):
    """The locale Flask-Babel has settled for the request (None before it has)."""
    return getattr(kept.get("_flask_babel"), "babel_locale", None)


def install(app, babel):
    """Make ``babel`` (set up for ``app``) and its templates use translations looked up once per request."""
    domain = RequestDomain(domain=app.extensions["babel"].default_domain)
    # Flask-Babel's own domain is made on first use and kept (a cached property).
    vars(babel)["domain_instance"] = domain
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: domain.get_translations().ugettext(s),
        ngettext=lambda s, p, n: domain.get_translations().ungettext(s, p, n),
        pgettext=lambda c, s: domain.get_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: domain.get_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
