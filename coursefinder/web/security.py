"""Headers every answer carries: what the browser may load, frame, send on and use.

No page has inline script or style, so the Content-Security-Policy can allow only the
site's own files.  Strict-Transport-Security is sent only when HSTS_SECONDS is set,
for deployments that are reached over HTTPS only.
"""

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


def add_headers(app):
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
