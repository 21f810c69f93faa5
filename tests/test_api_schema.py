"""Schemathesis against /openapi.json: generated requests to every operation never get a 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the dev extra")
from hypothesis import HealthCheck, settings
from test_api_data import build_store, rich_brief

from storyline.config import Settings
from storyline.serve.api import create_app

TOKEN = "schema-token"
_dir = Path(tempfile.mkdtemp(prefix="storyline-schema-"))
atexit.register(shutil.rmtree, _dir, True)   # made at collection, so no fixture can clean it
_settings = Settings(db=str(_dir / "schema.db"), token=TOKEN, max_request_bytes=100_000)
_store = build_store(_settings.db_path(), _settings)
rich_brief(_store)
app = create_app(_settings, store=_store, background=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case):
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.method.upper() == "POST" else {}
    response = case.call(headers=headers)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert body["status"] == response.status_code and body["error"]
