"""How to reach Nav, for the "what happens next" text of course pages and the footer.

In one place so that a changed address or number is changed once. Nav's own pages
(nav.no) are in Norwegian, with English versions of some of them.
"""

NAV_CONTACT = {
    "site": "https://www.nav.no",
    "contact": "https://www.nav.no/kontaktoss",
    "phone": "55 55 33 33",
    "phone_uri": "tel:+4755553333",
    "tiltakspenger": "https://www.nav.no/tiltakspenger",
}
