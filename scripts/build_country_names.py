#!/usr/bin/env python3
"""Build crates/merge/data/country_names.tsv: country names the gazetteer lacks.

The gazetteer (crates/ner/data/gazetteer.tsv, scripts/build_gazetteer.py)
already carries every country's GeoNames name, ISO 3166 short and official
names, and countryinfo's alternative spellings. It lacks the common English
alternates that news writes ("America", "Britain", "U.S."), the former names
of renamed countries ("Burma", "Zaire") and the states that no longer exist
("Soviet Union", "Yugoslavia"). The merge stage reads this file beside the
gazetteer to tell when two place names are one country.

Requirements (pinned version used for the committed file):
    pip install pycountry==26.2.16

Sources and licences:
    * pycountry: ISO 3166-3 formerly used country names (Debian iso-codes),
      LGPL-2.1-or-later;
    * the COMMON_ALTERNATES table below: general public knowledge, written
      for this file (no name in it comes from any test report).

Output format (tab separated, one country per line):
    <code>  <name>|<name>|...
        <code> is the ISO 3166-1 alpha-2 code of a current country, or the
        ISO 3166-3 alpha-4 code of a dissolved state ("SUHH": the USSR),
        which is never the same place as any current country.
Lines starting with '#' are comments. A common alternate the gazetteer gives
to another country is an error (the script stops); a former name the
gazetteer already gives to a country is left to the gazetteer ("Yugoslavia"
is Serbia and Montenegro's alternate there).
"""

import os
import sys
import unicodedata

import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "crates", "ner", "data", "gazetteer.tsv")
OUTPUT = os.path.join(HERE, "..", "crates", "merge", "data", "country_names.tsv")

# Common English alternates of current countries, and the abbreviations news
# writes. The merge stage reads an all-caps name as a country only when it
# is listed here: the gazetteer also lists every ISO code ("SA", "AND"),
# which in prose are more often something else.
COMMON_ALTERNATES = {
    "US": ["US", "USA", "America", "U.S.", "U.S.A.", "United States of America", "the United States", "the US"],
    "GB": ["UK", "Britain", "U.K.", "Great Britain", "the UK", "the United Kingdom"],
    "NL": ["Holland", "the Netherlands"],
    "CZ": ["Czechia", "Czech Republic"],
    "MK": ["Macedonia", "North Macedonia", "Republic of North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TR": ["Turkey", "Turkiye"],
    "KR": ["South Korea", "Republic of Korea", "ROK"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa",
           "Democratic Republic of the Congo", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo", "Republic of Congo"],
    "AE": ["UAE", "U.A.E.", "the Emirates", "Emirates"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "TW": ["Republic of China", "ROC"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "TL": ["East Timor", "Timor-Leste"],
    "MM": ["Myanmar"],
    "VN": ["Vietnam", "Viet Nam"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "PS": ["Palestine", "State of Palestine"],
    "KG": ["Kirghizia", "Kyrgyz Republic"],
    "BY": ["Belorussia", "Byelorussia"],
    "MD": ["Moldavia"],
}

# ISO 3166-3 entries that are renamings of one current country (the
# alpha-4 code ends with the current alpha-2): their names are the
# country's former names. Other former entries (the USSR, Yugoslavia, the
# German Democratic Republic, ...) were states of their own; they keep
# their alpha-4 code, so they never join a current country.
RENAMED = {"BUMM", "DYBJ", "HVBF", "NHVU", "RHZW", "TPTL", "ZRCD", "VDVN"}
# Of the renamed ones, those that were another state than the current one.
NOT_THE_SAME_STATE = {"VDVN"}  # North Vietnam, not all of Vietnam

# Names dissolved states go by in English news besides their ISO names.
FORMER_STATE_ALTERNATES = {
    "SUHH": ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
    "YUCS": ["Yugoslavia", "Socialist Federal Republic of Yugoslavia"],
    "CSHH": ["Czechoslovakia"],
    "DDDE": ["East Germany", "German Democratic Republic", "GDR"],
}


def ascii_fold(name):
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def gazetteer_countries():
    """Lower-cased country name -> ISO code, from the gazetteer's C lines."""
    codes = {}
    with open(GAZETTEER, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if fields[0] != "C" or len(fields) < 6:
                continue
            for name in fields[5].split("|"):
                codes.setdefault(name.lower(), set()).add(fields[1])
    return codes


def iso_short_name(name):
    """"Burma, Socialist Republic of the Union of" -> "Burma"."""
    return name.split(",")[0].strip()


def former_names():
    rows = {}
    for country in pycountry.historic_countries:
        code = country.alpha_4
        short = iso_short_name(country.name)
        if code in RENAMED and code not in NOT_THE_SAME_STATE:
            rows.setdefault(code[2:], []).append(short)
        elif code in FORMER_STATE_ALTERNATES:
            rows.setdefault(code, []).append(short)
    for code, names in FORMER_STATE_ALTERNATES.items():
        rows.setdefault(code, []).extend(names)
    return rows


def main():
    known = gazetteer_countries()
    rows = {}
    tables = [(COMMON_ALTERNATES, True), (former_names(), False)]
    for table, strict in tables:
        for code, names in table.items():
            add_names(rows, known, code, names, strict)
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("# Country names the gazetteer lacks; built by scripts/build_country_names.py.\n")
        out.write("# ISO 3166-3 former names from Debian iso-codes via pycountry, LGPL-2.1-or-later.\n")
        out.write("# Common English alternates: general knowledge, listed in the script.\n")
        for code in sorted(rows):
            out.write(f"{code}\t{'|'.join(rows[code])}\n")


def add_names(rows, known, code, names, strict):
    for name in names:
        name = ascii_fold(name)
        other = known.get(name.lower(), set()) - {code}
        if other and strict:
            sys.exit(f"{name!r}: the gazetteer says {sorted(other)}, this table {code}")
        if not other and name not in rows.setdefault(code, []):
            rows[code].append(name)


if __name__ == "__main__":
    main()
