"""What every answer may trust and what it carries: the host it answers for, and its headers.

No page has inline script or style, so the Content-Security-Policy can allow only the
site's own files.  Strict-Transport-Security is sent only when HSTS_SECONDS is set, for
deployments that are reached over HTTPS only.

Absolute addresses (shared links, QR codes, feeds, calendar files, canonical links) are
made from PUBLIC_URL.  Without it they come from the request's host, so the Host header
must then be one the site is meant to answer for (ALLOWED_HOSTS, by default the address
`serve` listens on and localhost): any other gets 400, so that no cache in front can
store a page whose links point elsewhere.
"""

import re

from flask import abort, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb",
    "browsing-topics"))
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
# A host name of DNS labels (each 1-63 characters) or an IPv6 address in brackets, and a port.
_HOST = re.compile(r"(?:(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*|\[[0-9A-Fa-f:.]{2,45}\])"
                   r"(?::[0-9]{1,5})?")


def host_name(host):
    """The host of a Host header without its port (and without brackets), lower case."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0].lower()
    return host.split(":", 1)[0].lower()


def allowed_hosts(config):
    return tuple(config.get("ALLOWED_HOSTS") or ()) or LOCAL_HOSTS


def check_host():
    host = request.headers.get("Host", "")
    if len(host) > 260 or not _HOST.fullmatch(host):
        abort(400)
    if current_app.config.get("PUBLIC_URL"):
        return  # nothing is built from the Host header
    if host_name(host) not in allowed_hosts(current_app.config):
        abort(400)


def init_app(app):
    proxies = app.config.get("TRUSTED_PROXIES") or 0
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=0, x_proto=proxies, x_host=proxies)
    app.before_request(check_host)

    @app.after_request
    def relative_redirects(response):
        # Werkzeug's own redirects (/nb to /nb/) name the request's host; a redirect
        # within the site needs no host at all.
        location = response.headers.get("Location", "")
        if location and location.startswith(request.host_url):
            response.headers["Location"] = "/" + location[len(request.host_url):]
        return response

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
        seconds = app.config.get("HSTS_SECONDS")
        if seconds:
            headers.setdefault("Strict-Transport-Security", f"max-age={int(seconds)}; includeSubDomains")
        return response
