"""An interrupted build never stops the site: killed anywhere, the next build heals it.

Whatever moment a build is killed (SIGKILL, or Ctrl-C), the next build
succeeds and leaves ``docs/`` with exactly the files, folders and bytes of a
build that was never interrupted, and nothing hand-written is touched. Tried
at every change a small build makes, and at random moments of a build large
enough to run on several processes. ``make fuzz`` tries more moments
(``RANDNOTIZ_KILLS``).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from randnotiz.cli import main
from randnotiz.freshness import is_fresh

from .conftest import load_script, make_project, run
from .killing import MKDOCS_BUILD, changes_of_a_build, differences, docs_state, run_traced

#: ``make fuzz`` sets RANDNOTIZ_LONG: Ctrl-C at every change, not every seventh, and
#: more kills of every other kind.
LONG = bool(os.environ.get("RANDNOTIZ_LONG"))
KILLS = 100 if LONG else 4

PEOPLE_A = """\
- name: Ada Lovelace
  summary: Mathematikerin.
- name: Charles Babbage
  summary: Erfinder der Analytical Engine.
"""
PEOPLE_B = """\
- name: Ada Lovelace
  summary: Mathematikerin und erste Programmiererin.
- name: Grace Hopper
  summary: Informatikerin.
"""
ORGS = "- name: Royal Society\n  summary: Britische Akademie.\n"
GLOSSARY = "- term: Rechenmaschine\n  definition: Eine Maschine, die rechnet.\n"


def seed(title: str, day: int, text: str) -> str:
    return (
        f"2025-07-{day:02d}\n\nTechnik\n\n{title}\n\n{text}\n\nZwischentitel\n\nMehr über {text}\n"
    )


SEEDS_A = {
    "a.txt": seed("Die Maschine", 1, "Ada Lovelace und die Rechenmaschine von Charles Babbage."),
    "b.txt": seed("Die Akademie", 2, "Die Royal Society und Charles Babbage."),
}
SEEDS_B = {
    "a.txt": seed("Die neue Maschine", 1, "Ada Lovelace und die Rechenmaschine."),  # new URL
    "c.txt": seed("Der Compiler", 3, "Grace Hopper und die Royal Society."),
}
HAND_WRITTEN = {"ueber.md": b"# \xc3\x9cber uns\n", "bilder/logo.txt": b"Logo\n"}


def write_sources(root: Path, seeds: dict[str, str], people: str) -> None:
    for old in (root / "seeds").glob("*.txt"):
        old.unlink()
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "annotations" / "people.yml").write_text(people, encoding="utf-8")
    notes = root / "annotations" / "articles" / "a.yml"
    if "a.txt" in seeds and "neue" in seeds["a.txt"]:
        notes.write_text("redirect_from: [die-maschine]\n", encoding="utf-8")
    elif notes.exists():
        notes.unlink()


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """A project built from sources A whose sources are now B; and docs/ after an
    uninterrupted build of B, and of A."""
    base = tmp_path_factory.mktemp("crash")
    root = make_project(
        base / "template",
        seeds=SEEDS_A,
        annotations={"people.yml": PEOPLE_A, "organizations.yml": ORGS, "glossary.yml": GLOSSARY},
    )
    for name, data in HAND_WRITTEN.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_bytes(data)
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    want_a = docs_state(root / "docs")
    write_sources(root, SEEDS_B, PEOPLE_B)
    reference = base / "reference"
    shutil.copytree(root, reference)
    assert main(["--root", str(reference), "build", "--quiet"]) == 0
    want_b = docs_state(reference / "docs")
    return root, want_a, want_b


def copy_of(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(template, root)
    return root


def assert_healed(root: Path, want: dict) -> None:
    """The next build succeeds with exactly the files of an uninterrupted one."""
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    assert differences(docs_state(root / "docs"), want) == []
    assert is_fresh(root)


def test_the_sources_change_many_pages(states: tuple[Path, dict, dict]) -> None:
    _, want_a, want_b = states
    changed = differences(want_b, want_a)
    assert len(changed) >= 10, changed
    for name, data in HAND_WRITTEN.items():
        assert want_a[name] == want_b[name] == data


@pytest.mark.slow
def test_killed_at_every_change_the_next_build_heals(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    template, want_a, want_b = states
    total = changes_of_a_build(template)
    assert total >= 40  # every page, the manifest, the stamp
    for stop_at in range(1, total + 1):
        root = copy_of(template, tmp_path / str(stop_at))
        killed = run_traced(root, stop_at)
        assert killed.returncode == -signal.SIGKILL, (stop_at, killed.stderr)
        # The hook of mkdocs build skips a generation only when it may:
        assert not is_fresh(root) or docs_state(root / "docs") == want_b
        write_sources(root, SEEDS_A, PEOPLE_A)  # and back: also healed, to A
        assert not is_fresh(root) or docs_state(root / "docs") == want_a, stop_at
        write_sources(root, SEEDS_B, PEOPLE_B)
        assert_healed(root, want_b)
    print(f"\nkill points survived (SIGKILL at every change): {total}")


@pytest.mark.slow
def test_ctrl_c_at_every_change_prints_one_line_and_the_next_build_heals(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    template, _, want_b = states
    total = changes_of_a_build(template)
    for stop_at in range(1, total + 1, 1 if LONG else 7):
        root = copy_of(template, tmp_path / str(stop_at))
        stopped = run_traced(root, stop_at, signal.SIGINT)
        assert stopped.returncode == 130, (stop_at, stopped.stderr)
        assert stopped.stderr == "randnotiz: interrupted; the next build completes docs/\n"
        assert_healed(root, want_b)


def test_a_second_build_while_one_writes_waits_for_it(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    """mkdocs serve regenerating while randnotiz build runs: one writes after the other."""
    template, _, want_b = states
    root = copy_of(template, tmp_path)
    from randnotiz.write import locked

    with locked(root / "docs"):
        waiting = subprocess.Popen(
            [sys.executable, "-m", "randnotiz.cli", "--root", str(root), "build", "-q"],
            stderr=subprocess.PIPE,
            text=True,
        )
        assert waiting.stderr is not None
        line = waiting.stderr.readline()  # once it has read and linked, it waits here
        assert line == "randnotiz: waiting for another build to finish writing docs/\n"
        assert waiting.poll() is None
        assert docs_state(root / "docs") != want_b
    assert waiting.wait(timeout=120) == 0
    assert waiting.stderr.read() == ""
    assert differences(docs_state(root / "docs"), want_b) == []


# --- mkdocs build and mkdocs serve, which generate in their hook ---------------------------


def assert_site_healed(root: Path, want: dict) -> None:
    again = run(["mkdocs", "build", "--strict"], root)
    assert again.returncode == 0, again.stderr
    assert differences(docs_state(root / "docs"), want) == []
    site = root / "site" / "artikel"
    assert "Die neue Maschine" in (site / "die-neue-maschine" / "index.html").read_text("utf-8")
    assert "url=../die-neue-maschine/" in (site / "die-maschine" / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_mkdocs_build_killed_in_its_hook_or_its_own_build_heals(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    template, _, want_b = states
    generation = changes_of_a_build(template)
    total = changes_of_a_build(template, MKDOCS_BUILD)
    assert total > generation + 50  # then MkDocs writes site/
    points = range(1, total + 1, 5) if LONG else (generation // 2, (generation + total) // 2)
    for stop_at in points:
        root = copy_of(template, tmp_path / str(stop_at))
        killed = run_traced(root, stop_at, command=MKDOCS_BUILD)
        assert killed.returncode == -signal.SIGKILL, (stop_at, killed.stderr)
        assert_site_healed(root, want_b)


@pytest.mark.slow
def test_ctrl_c_in_the_hook_of_mkdocs_build_prints_no_traceback(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    template, _, want_b = states
    root = copy_of(template, tmp_path)
    stopped = run_traced(root, changes_of_a_build(template) // 2, signal.SIGINT, MKDOCS_BUILD)
    assert stopped.returncode == 1
    assert "Traceback" not in stopped.stderr
    assert stopped.stderr.rstrip().endswith("Aborted!")
    assert_site_healed(root, want_b)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_mkdocs_serve_stopped_while_it_generates_heals(
    states: tuple[Path, dict, dict], tmp_path: Path, how: signal.Signals
) -> None:
    template, _, want_b = states
    rng = random.Random(int(how))
    for n in range(10 if LONG else 1):
        root = copy_of(template, tmp_path / str(n))
        serve = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "mkdocs"),
                "serve",
                "--dev-addr",
                f"127.0.0.1:{free_port()}",
            ],
            cwd=root,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
        time.sleep(rng.uniform(0.3, 1.5))
        serve.send_signal(how)
        assert serve.stderr is not None
        output = serve.stderr.read()
        serve.wait(timeout=60)
        assert "Traceback" not in output
        assert_healed(root, want_b)


def site_files(site: Path) -> frozenset[str]:
    """The site's files, by their paths in it."""
    return frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def publish(root: Path) -> subprocess.Popen[bytes]:
    """``make site`` after its ``randnotiz build``: scripts/publish_site.py in ``root``."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "publish_site.py"
    return subprocess.Popen(
        [sys.executable, str(script), "--strict"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


@pytest.mark.slow
def test_a_killed_make_site_leaves_a_whole_site(
    states: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    """site/ is the last whole site or the new whole site, never part of one."""
    template, _, _ = states
    root = copy_of(template, tmp_path / "a")
    write_sources(root, SEEDS_A, PEOPLE_A)
    assert publish(root).wait(timeout=300) == 0
    old = site_files(root / "site")
    write_sources(root, SEEDS_B, PEOPLE_B)
    reference = copy_of(root, tmp_path / "b")
    started = time.monotonic()
    assert publish(reference).wait(timeout=300) == 0
    duration = time.monotonic() - started
    new = site_files(reference / "site")
    assert old != new
    rng = random.Random(7)
    for n in range(20 if LONG else 2):
        killed = copy_of(root, tmp_path / str(n))
        run_ = publish(killed)
        time.sleep(rng.uniform(0, duration))
        os.killpg(run_.pid, signal.SIGKILL)  # make and mkdocs with it
        run_.wait()
        assert site_files(killed / "site") in (old, new)
        assert publish(killed).wait(timeout=300) == 0
        assert site_files(killed / "site") == new
        assert not (killed / ".site.new").exists()


# --- a build on several processes, killed at random moments ---------------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """An archive of 150 articles built without its 30 newest, which are then added,
    with one more person; and docs/ after an uninterrupted build of that."""
    corpus = load_script("benchcorpus")
    base = tmp_path_factory.mktemp("large")
    root = base / "template"
    corpus.make_corpus(root, corpus.SizeSpec(articles=150, entities=300))
    held = base / "held-back"
    held.mkdir()
    later = [p.stem for p in sorted((root / "seeds").glob("*.txt"))[-30:]]
    for place in ("seeds/{}.txt", "annotations/articles/{}.yml"):
        for stem in later:
            if (root / place.format(stem)).exists():
                shutil.move(root / place.format(stem), held / Path(place.format(stem)).name)
    assert run(["randnotiz", "build", "-q"], root).returncode == 0
    for path in held.iterdir():
        folder = "seeds" if path.suffix == ".txt" else "annotations/articles"
        shutil.move(path, root / folder / path.name)
    people = root / "annotations" / "people.yml"
    people.write_text(
        people.read_text("utf-8") + "\n- name: Neu Person\n  summary: Neu.\n", "utf-8"
    )
    reference = base / "reference"
    shutil.copytree(root, reference)
    assert run(["randnotiz", "build", "-q"], reference).returncode == 0
    return root, docs_state(reference / "docs")


def _stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the name: state, parent, …"""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def helpers_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    children = []
    for entry in Path("/proc").iterdir():
        fields = _stat(int(entry.name)) if entry.name.isdigit() else None
        if fields is not None and int(fields[1]) == pid:
            children.append(int(entry.name))
    return children


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")  # a zombie has ended


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find helper processes")
def test_a_build_on_several_processes_killed_at_random_moments_heals(
    large: tuple[Path, dict], tmp_path: Path
) -> None:
    template, want = large
    rng = random.Random(16)
    started = time.monotonic()
    assert run(["randnotiz", "build", "-q"], copy_of(template, tmp_path / "probe")).returncode == 0
    duration = time.monotonic() - started
    helpers_seen = interrupted = 0
    for n in range(KILLS):
        root = copy_of(template, tmp_path / str(n))
        build = subprocess.Popen(
            [sys.executable, "-m", "randnotiz.cli", "--root", str(root), "build", "-q"],
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # a process group of its own, as in a terminal
        )
        if n % 2:  # a random moment
            time.sleep(rng.uniform(0.2, duration))
        else:  # a random moment while helper processes render and write pages
            deadline = time.monotonic() + 2 * duration
            while not helpers_of(build.pid) and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.3))
        helpers = helpers_of(build.pid)
        helpers_seen += bool(helpers)
        if n % 4 == 2:  # Ctrl-C, which a terminal sends to the whole group
            os.killpg(build.pid, signal.SIGINT)
            _, err = build.communicate(timeout=60)
            if build.returncode == 130:
                interrupted += 1
                assert err == "randnotiz: interrupted; the next build completes docs/\n"
            else:  # it had finished
                assert (build.returncode, err) == (0, "")
        else:  # SIGKILL to the parent only, as the OOM killer does
            build.send_signal(signal.SIGKILL)
            build.communicate(timeout=60)
        deadline = time.monotonic() + 10
        while any(alive(h) for h in helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(h) for h in helpers), "a helper outlived its build"
        assert_healed(root, want)
    print(
        f"\nrandom kills survived (150-180 articles): {KILLS}, "
        f"{helpers_seen} while helpers ran, {interrupted} by Ctrl-C"
    )
