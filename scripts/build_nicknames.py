#!/usr/bin/env python3
"""Build crates/merge/data/nicknames.tsv: English given names and their
nicknames ("Frederick" / "Fred", "Kathryn" / "Katie"), for the entity merge
rule `nickname` ("Fred LaRue" is "Frederick C. LaRue").

Requirements (pinned version used for the committed file):
    pip install nicknames==1.0.1

Source and licence:
    * the `nicknames` package (Carlton Northern, Nick Crews; hand-curated
      names.csv of "name has_nickname nickname" relations), Apache-2.0.
      Only the relations are used; no code of the package is copied.

Output format (tab separated, one given name per line, sorted):
    <given name>  <nickname>|<nickname>|...
All lower case. Lines starting with '#' are comments.

Usage: python3 scripts/build_nicknames.py
"""

import csv
import os
from collections import defaultdict
from importlib import resources

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "crates", "merge", "data", "nicknames.tsv")


def relations():
    source = resources.files("nicknames").joinpath("names.csv")
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["relationship"] != "has_nickname":
                continue
            name, nickname = row["name1"].strip().lower(), row["name2"].strip().lower()
            if name.isalpha() and nickname.isalpha() and name != nickname:
                yield name, nickname


def main():
    nicknames = defaultdict(set)
    for name, nickname in relations():
        nicknames[name].add(nickname)
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("# Given names and their nicknames: scripts/build_nicknames.py,\n")
        out.write("# from the nicknames package 1.0.1 (Apache-2.0).\n")
        for name in sorted(nicknames):
            out.write(f"{name}\t{'|'.join(sorted(nicknames[name]))}\n")
    print(f"{len(nicknames)} names written to {os.path.normpath(OUTPUT)}")


if __name__ == "__main__":
    main()
