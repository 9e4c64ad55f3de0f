"""``randnotiz``: the command line. Messages go to stderr, one line per problem."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from randnotiz.build import build, read_and_link
from randnotiz.problems import Problem


def print_problems(problems: Sequence[Problem], *, show_info: bool = True) -> None:
    for problem in problems:
        if show_info or problem.severity != "info":
            print(problem, file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    result = build(args.root)
    print_problems(result.problems, show_info=not args.quiet)
    if result.report is None:
        errors = sum(p.severity == "error" for p in result.problems)
        print(f"randnotiz: {errors} error(s); docs/ left unchanged", file=sys.stderr)
        return 1
    corpus = result.linked.corpus
    kb = corpus.knowledge
    report = result.report
    if not args.quiet:
        print(
            f"randnotiz: {len(corpus.articles)} articles, {len(kb.people)} people, "
            f"{len(kb.organizations)} organizations, {len(kb.terms)} terms, "
            f"{len(corpus.mentions)} mentions; {len(report.written)} pages written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed"
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    from randnotiz.check import lint  # only this command needs the linter

    problems = lint(read_and_link(args.root))
    print_problems(problems, show_info=args.verbose)
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    print(f"randnotiz check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _search_index(args: argparse.Namespace) -> int:
    from randnotiz.search_index import index_site  # only this command drives Pagefind

    site = args.site if args.site.is_absolute() else args.root / args.site
    if not (site / "index.html").is_file():
        print(
            f"{site}: error: no built site here; build it first (zensical build, mkdocs build)",
            file=sys.stderr,
        )
        return 1
    report = index_site(site, language=args.language)
    print(
        f"randnotiz: search index of {report.terms} terms and the pages of {site} "
        f"written to {report.bundle} in {report.seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` asks for, before the whole parser is made."""
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--root")
    first.add_argument("command", nargs="?")
    return first.parse_known_args(argv)[0].command


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; ``import`` and ``suggest`` get their options only when asked for.

    Their modules take a tenth of the time a ``randnotiz build`` of a small site
    spends importing, so ``build`` and ``check`` do not import them.
    """
    p = argparse.ArgumentParser(
        prog="randnotiz", description="Annotated news articles as a MkDocs site."
    )
    p.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (default: current folder)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate docs/ from seeds/ and annotations/")
    b.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    b.set_defaults(run=_build)
    c = sub.add_parser("check", help="validate and lint the annotations against the articles")
    c.add_argument("--strict", action="store_true", help="fail on warnings too")
    c.add_argument("-v", "--verbose", action="store_true", help="also print notes (info lines)")
    c.set_defaults(run=_check)
    x = sub.add_parser(
        "search-index", help="index a built site for search (after zensical build; mkdocs does it)"
    )
    x.add_argument("site", nargs="?", type=Path, default=Path("site"), help="default: site")
    x.add_argument("--language", default="de", help="the site's language (default: de)")
    x.set_defaults(run=_search_index)
    i = sub.add_parser("import", help="turn saved web pages (.html) into seeds in seeds/")
    if command == "import":
        from randnotiz import importer

        importer.add_arguments(i)
        i.set_defaults(run=importer.command)
    s = sub.add_parser("suggest", help="names in the articles without annotation, as YAML stubs")
    if command == "suggest":
        from randnotiz import suggest

        suggest.add_arguments(s)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(_command_in(argv)).parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: one line, no traceback; the next build completes docs/
        print("randnotiz: interrupted; the next build completes docs/", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and cut short: not an error
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
