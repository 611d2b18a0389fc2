"""/healthz for load balancers: which catalogue generation is served, how many courses, how old."""

import datetime as dt

from flask import Blueprint, jsonify

from .context import current_catalogue

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    generation = current_catalogue()
    if generation is None:
        return jsonify(status="unavailable", message="no catalogue has been imported"), 503
    age = dt.datetime.now(dt.timezone.utc) - generation.created
    return jsonify(status="ok", generation=generation.name, courses=generation.size,
                   imported=generation.created.isoformat(), import_age_seconds=int(age.total_seconds()))
