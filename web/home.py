"""The home page: what the graph holds, with counts."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, render_template

from mandates.namespaces import short
from mandates.store.stats import store_stats

from .store import get_store

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    stats = store_stats(get_store())
    classes = [(short(ox.NamedNode(c)), n) for c, n in stats.classes]
    return render_template("home/index.html", stats=stats, classes=classes)
