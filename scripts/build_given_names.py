#!/usr/bin/env python3
"""Build crates/ner/data/given_names.txt: common given names, for the
entity tagger's rule that a given name followed by a capitalized word
starts a person's name ("Mark Felt", "Zurana Horton").

Requirements (pinned version used for the committed file):
    pip install names==0.3.0

Sources and licences:
    * the 1990 United States Census first-name frequency lists
      (dist.male.first, dist.female.first), public domain, as shipped in
      the PyPI package names (MIT; only its data files are read).
    * the given names of the nickname list that the merge stage uses
      (crates/merge/data/nicknames.tsv, built by
      scripts/build_nicknames.py from the Apache-2.0 nicknames package).

A census name is kept when at least MIN_PERCENT of the people of its sex
bear it (rare entries are mostly surnames or spelling noise).

Output: one lower-case name per line, sorted; '#' lines are comments.
Usage: python3 scripts/build_given_names.py
"""

import os
from importlib import resources

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "crates", "ner", "data", "given_names.txt")
NICKNAMES = os.path.join(HERE, "..", "crates", "merge", "data", "nicknames.tsv")
MIN_PERCENT = 0.005


def census_names():
    for file_name in ("dist.male.first", "dist.female.first"):
        source = resources.files("names").joinpath(file_name)
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) >= 2 and float(fields[1]) >= MIN_PERCENT:
                    yield fields[0].lower()


def nickname_list_names():
    with open(NICKNAMES, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            name, nicknames = line.rstrip("\n").split("\t")
            yield name
            yield from nicknames.split("|")


def main():
    names = {n for n in census_names() if n.isalpha()}
    names |= {n for n in nickname_list_names() if n.isalpha() and len(n) > 2}
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("# Given names: scripts/build_given_names.py (1990 US Census first\n")
        out.write("# names, public domain, via the names package 0.3.0; nickname list).\n")
        for name in sorted(names):
            out.write(name + "\n")
    print(f"{len(names)} names written to {os.path.normpath(OUTPUT)}")


if __name__ == "__main__":
    main()
