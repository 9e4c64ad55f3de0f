"""`mkdocs serve` in a real browser: saving a YAML file reloads the open page by itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.test_serve import PEOPLE, serving

pytestmark = pytest.mark.browser


def test_open_page_reloads_after_a_save(tmp_path: Path, page: Page) -> None:
    with serving(tmp_path / "p") as (server, root):
        page.goto(f"http://127.0.0.1:{server.port}/personen/ada-lovelace/")
        summary = page.locator("article .rn-summary")
        expect(summary).to_have_text("Erste Fassung.")
        (root / "annotations" / "people.yml").write_text(
            PEOPLE.format(summary="Nach dem Speichern."), encoding="utf-8"
        )
        expect(summary).to_have_text(
            "Nach dem Speichern.", timeout=30_000
        )  # no goto: livereload did it
