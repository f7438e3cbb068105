#!/usr/bin/env python3
"""Build crates/merge/data/organization_aliases.tsv: names under which news
reports one organization ("Islamic State" / "ISIL" / "Daesh", "Doctors
Without Borders" / "MSF"), for the entity merge rule `known_alias`.

The merge never guesses that two different names are one organization;
this general public list, or the user's curation file, says so. Names
whose initials spell their acronym need no entry (the `acronym` rule joins
them when a report defines the acronym or one organization's initials
spell it).

Source: the ALIASES table below, general knowledge of how English-language
news names these organizations, written for this project (no name in it
comes from any test report). No third-party data.

Output format (tab separated, one organization per line):
    <id>  <name>|<name>|...
Lines starting with '#' are comments.

Usage: python3 scripts/build_organization_aliases.py
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "crates", "merge", "data", "organization_aliases.tsv")

ALIASES = {
    "islamic-state": ["Islamic State", "ISIS", "ISIL", "Daesh", "Da'esh",
                      "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria"],
    "hezbollah": ["Hezbollah", "Hizbollah", "Hizballah", "Hizbullah"],
    "al-qaeda": ["al-Qaeda", "al Qaeda", "al-Qaida", "al Qaida", "Al-Qaeda", "Al Qaeda"],
    "houthis": ["Houthis", "Houthi movement", "Ansar Allah", "Ansarullah"],
    "hamas": ["Hamas", "Islamic Resistance Movement"],
    "wagner": ["Wagner Group", "PMC Wagner", "Wagner"],
    "msf": ["Doctors Without Borders", "Médecins Sans Frontières", "Medecins Sans Frontieres", "MSF"],
    "icrc": ["International Committee of the Red Cross", "ICRC"],
    "ifrc": ["International Federation of Red Cross and Red Crescent Societies", "IFRC"],
    "who": ["World Health Organization", "World Health Organisation", "WHO"],
    "un": ["United Nations", "UN", "U.N."],
    "unsc": ["UN Security Council", "United Nations Security Council", "U.N. Security Council", "UNSC"],
    "eu": ["European Union", "EU", "E.U."],
    "nato": ["NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance"],
    "imf": ["International Monetary Fund", "IMF"],
    "icc": ["International Criminal Court", "ICC"],
    "amnesty": ["Amnesty International", "Amnesty"],
    "hrw": ["Human Rights Watch", "HRW"],
    "unhcr": ["UNHCR", "UN Refugee Agency", "UN refugee agency",
              "United Nations High Commissioner for Refugees", "Office of the UN High Commissioner for Refugees"],
    "wfp": ["World Food Programme", "World Food Program", "WFP"],
    "unicef": ["UNICEF", "United Nations Children's Fund", "UN Children's Fund"],
    "ap": ["Associated Press", "AP"],
    "afp": ["Agence France-Presse", "AFP"],
    "dpa": ["Deutsche Presse-Agentur", "dpa"],
}


def main():
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("# Names of one organization: scripts/build_organization_aliases.py\n")
        out.write("# (general knowledge, written for this project).\n")
        for key in sorted(ALIASES):
            out.write(f"{key}\t{'|'.join(ALIASES[key])}\n")
    print(f"{len(ALIASES)} organizations written to {os.path.normpath(OUTPUT)}")


if __name__ == "__main__":
    main()
