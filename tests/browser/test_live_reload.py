"""`mkdocs serve` in a real browser: saving a YAML file reloads the open page by itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import make_project
from tests.test_serve import PEOPLE, SEED, Server, wait_for

pytestmark = pytest.mark.browser


def test_open_page_reloads_after_a_save(tmp_path: Path, page: Page) -> None:
    root = make_project(
        tmp_path / "p",
        seeds={"a.txt": SEED},
        annotations={"people.yml": PEOPLE.format(summary="Erste Fassung.")},
    )
    server = Server(root)
    try:
        assert wait_for(lambda: "Erste Fassung." in server.page("/personen/ada-lovelace/")), (
            server.output()
        )
        page.goto(f"http://127.0.0.1:{server.port}/personen/ada-lovelace/")
        summary = page.locator("article .rn-summary")
        expect(summary).to_have_text("Erste Fassung.")
        (root / "annotations" / "people.yml").write_text(
            PEOPLE.format(summary="Nach dem Speichern."), encoding="utf-8"
        )
        expect(summary).to_have_text(
            "Nach dem Speichern.", timeout=30_000
        )  # no goto: livereload did it
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)
