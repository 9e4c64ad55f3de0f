"""Generate docs/ from seeds/ and annotations/: the same as `randnotiz build`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from randnotiz.cli import main

if __name__ == "__main__":
    sys.exit(main(["--root", str(Path(__file__).resolve().parent.parent), "build", *sys.argv[1:]]))
