#!/usr/bin/env python3
"""Draws the ECB+ articles of the blind TIMEX3 key (crates/eval/gold/ecbplus-timex.md).

usage: select_timex_key_articles.py TEXT_DIR OUT_DIR [ROUND]

TEXT_DIR holds the articles as plain text, one folder per topic, as
`cargo run -p corroborate-eval --example ecb_topic_text -- ECB_ROOT TEXT_DIR 1 2 … 35`
writes them. Articles qualify when a publication date (a date line or a
dated web address) is in their first four lines, so that each has a DCT.
With seed 14: one article per train topic, three per dev topic, shorter
than 6,000 characters where the topic has such (round 1); round 2 takes
the next two per train topic and the next two per dev topic in the same
shuffled order, so no article is drawn twice. The draw is copied into
OUT_DIR/<split>-<letter> folders, about a dozen articles each (one folder
per annotator).
"""
import os
import random
import re
import shutil
import sys

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
DATED = re.compile(
    rf"({MONTH}\.? [0-9]{{1,2}},? (19|20)[0-9][0-9])"
    r"|(/ ?(19|20)[0-9][0-9] ?/ ?[01]?[0-9] ?/ ?[0-3]?[0-9])"
    r"|((19|20)\d\d-\d\d-\d\d)"
    rf"|(\d{{1,2}} {MONTH} (19|20)\d\d)",
    re.I,
)


ROUNDS = {1: {"train": (0, 1), "dev": (0, 3)}, 2: {"train": (1, 3), "dev": (3, 5)}}
PER_ANNOTATOR = 13


def main(text_dir, out_dir, round_number):
    candidates = {"train": [], "dev": []}
    for topic in sorted(os.listdir(text_dir), key=int):
        for name in sorted(os.listdir(os.path.join(text_dir, topic))):
            text = open(os.path.join(text_dir, topic, name), encoding="utf-8").read()
            if DATED.search("\n".join(text.split("\n")[:4])):
                split = "dev" if int(topic) in DEV_TOPICS else "train"
                candidates[split].append((int(topic), name, len(text)))
    random.seed(14)
    for split, found in candidates.items():
        by_topic = {}
        for item in found:
            by_topic.setdefault(item[0], []).append(item)
        picks = []
        for topic, items in sorted(by_topic.items()):
            items = [i for i in items if i[2] < 6000] or items
            random.shuffle(items)
            first, last = ROUNDS[round_number][split]
            picks += items[first:last]
        groups = -(-len(picks) // PER_ANNOTATOR)
        size = -(-len(picks) // groups)
        parts = [picks[i : i + size] for i in range(0, len(picks), size)]
        for letter, part in zip("abcdefgh", parts):
            group = f"{split}-{letter}" if round_number == 1 else f"{split}{round_number}-{letter}"
            folder = os.path.join(out_dir, group)
            os.makedirs(folder, exist_ok=True)
            for topic, name, _ in part:
                shutil.copy(os.path.join(text_dir, str(topic), name), folder)
            print(group, len(part))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 1)
