#!/usr/bin/env python3
"""Build crates/ner/data/organizations.txt: names of organizations that
look like surnames or words (companies, news agencies, broadcasters).

Reproducible build of the organization list used by corroborate-ner.

Requirements (pinned version used for the committed file):
    pip install pytickersymbols==1.17.10

Sources and licences:
    * pytickersymbols (MIT): the constituents of twenty major stock indices
      (S&P 500, S&P 600, NASDAQ 100, Dow Jones, FTSE 100, DAX, MDAX, SDAX,
      TecDAX, CAC 40, CAC Mid 60, EURO STOXX 50, AEX, BEL 20, IBEX 35,
      Nikkei 225, OMX Helsinki 25, OMX Stockholm 30, Switzerland 20).
      Each company gives its listed name and the name without its legal
      form ("Apple Inc." -> "Apple", "Lufthansa Group" -> "Lufthansa").
    * The lists below, written for this project: international news
      agencies and broadcasters, from general knowledge of the trade;
      international organizations by their full names; non-state armed
      groups and movements often named in crisis reporting; and the major
      stock exchanges and indices as news names them.
    * A company listed as "<Name> Motor Company" or "<Name> Airlines" is
      also known by the name alone ("Ford Motor Company" -> "Ford"): the
      BUSINESS_TAILS below are dropped like legal forms, and a one-word
      result is marked `s` (it may be a person's name).
    * crates/ner/data/english_words.txt (SCOWL, built by
      scripts/build_gazetteer.py): a short form that is an ordinary English
      word in lower case ("target", "visa") is marked so that the tagger
      only uses it where capitalization means something (not at a
      sentence start).

Output: one name per line, `name<TAB>flags`, where flags holds `w` for a
name that is also an ordinary English word and `s` for a one-word name
that is only listed with a legal form ("Lindsay Corporation" -> "Lindsay":
companies named after their founder share the name with people), else
empty. Lines starting
with '#' are comments (attribution).
"""

import argparse
import os
import re

from pytickersymbols import PyTickerSymbols

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "ner", "data", "organizations.txt")
WORDS = os.path.join(HERE, "..", "crates", "ner", "data", "english_words.txt")

# Legal forms and group words stripped from the end of a listed name.
LEGAL_FORMS = [
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.",
    "company", "ltd", "ltd.", "limited", "plc", "p.l.c.", "llc", "l.p.", "lp",
    "ag", "se", "sa", "s.a.", "nv", "n.v.", "n.v", "bv", "b.v.", "spa", "s.p.a.",
    "gmbh", "kgaa", "ab", "asa", "oyj", "a/s", "holding", "holdings", "group",
    "& co", "& co.", "and company", "trust", "reit",
]

# International news agencies and broadcasters (general knowledge).
NEWS_ORGANIZATIONS = [
    "Reuters", "Associated Press", "Agence France-Presse", "AFP", "Bloomberg",
    "Xinhua", "TASS", "ITAR-TASS", "RIA Novosti", "Interfax", "Kyodo", "Jiji",
    "Yonhap", "ANSA", "EFE", "dpa", "Deutsche Presse-Agentur", "Anadolu",
    "Anadolu Agency", "Press Trust of India", "PTI", "IANS", "Bernama", "Antara",
    "Kazinform", "Trend", "APA", "UNIAN", "Ukrinform", "BelTA", "IRNA", "ISNA",
    "Fars", "Tasnim", "Mehr", "WAFA", "MENA", "SANA", "KCNA", "Yonhap News",
    "Al Jazeera", "Al-Jazeera", "Al Arabiya", "BBC", "CNN", "CNBC", "CBS", "NBC",
    "ABC", "Fox News", "Sky News", "France 24", "Euronews", "Deutsche Welle",
    "DW", "Radio Free Europe", "Radio Liberty", "RFE/RL", "Voice of America",
    "VOA", "Russia Today", "Sputnik", "CGTN", "NHK", "Arirang", "Channel NewsAsia",
    "Dow Jones", "Nikkei", "Der Spiegel", "Le Monde", "Le Figaro",
    "The Guardian", "The Times", "The New York Times", "The Washington Post",
    "The Wall Street Journal", "Financial Times", "The Economist", "Kommersant",
    "Vedomosti", "Izvestia", "Pravda", "Novaya Gazeta", "Haaretz", "Asahi",
    "Yomiuri", "Mainichi", "Straits Times", "South China Morning Post",
]


# International organizations and humanitarian bodies by their full
# names (general knowledge; their acronyms are in the tagger's lexicon).
INTERNATIONAL = [
    "United Nations", "UN Security Council", "United Nations Security Council",
    "Security Council", "General Assembly", "Red Cross", "Red Crescent",
    "International Committee of the Red Cross", "International Federation of Red Cross",
    "World Bank", "International Monetary Fund", "European Union", "European Commission",
    "European Parliament", "European Council", "Council of Europe", "African Union",
    "Arab League", "World Health Organization", "World Food Programme",
    "World Trade Organization", "International Criminal Court", "International Court of Justice",
    "Human Rights Watch", "Amnesty International", "Doctors Without Borders",
    "Médecins Sans Frontières", "Medecins Sans Frontieres", "Save the Children", "Oxfam",
    "International Atomic Energy Agency", "Organization of American States",
    "Organization for Security and Co-operation in Europe", "Shanghai Cooperation Organisation",
    "Commonwealth of Independent States", "Eurasian Economic Union", "Interpol", "Europol",
]

# Non-state armed groups and movements that crisis reporting names often
# (general knowledge; the names as English-language news writes them).
ARMED_GROUPS = [
    "Islamic State", "ISIS", "ISIL", "Daesh", "Taliban", "al-Qaeda", "Al-Qaeda", "al Qaeda",
    "Hamas", "Hezbollah", "Hizbollah", "Boko Haram", "al-Shabaab", "Al-Shabaab", "Ansar Allah",
    "Wagner Group", "PKK", "YPG", "SDF", "Syrian Democratic Forces", "FARC", "ELN",
    "Hayat Tahrir al-Sham", "Islamic Jihad", "Lashkar-e-Taiba", "Jaish-e-Mohammed",
    "Rapid Support Forces", "Janjaweed", "Tatmadaw", "Arakan Army", "M23",
]

# Stock exchanges and the short forms news uses for indices (general
# knowledge); the index names themselves come from pytickersymbols.
MARKETS = [
    "New York Stock Exchange", "NYSE", "Nasdaq", "London Stock Exchange", "LSE",
    "Tokyo Stock Exchange", "Hong Kong Stock Exchange", "Shanghai Stock Exchange",
    "Shenzhen Stock Exchange", "Euronext", "Deutsche Boerse", "Deutsche Börse",
    "Moscow Exchange", "Bombay Stock Exchange", "National Stock Exchange",
    "Toronto Stock Exchange", "Australian Securities Exchange", "Borsa Istanbul",
    "Dow Jones Industrial Average", "FTSE", "FTSE 100", "Nikkei", "Nikkei 225",
    "Hang Seng", "Standard & Poor's", "S&P", "S&P 500", "CAC 40", "DAX",
    "Euro Stoxx 50", "Nasdaq 100", "IBEX 35", "Kospi", "Sensex",
]

# Descriptive words that end a company's listed name and that news drops
# ("Hino Motors" -> "Hino"). A one-word result that is an English word or
# a place ("Ford", "Japan", "United") is not kept: document evidence must
# tell those apart.
BUSINESS_TAILS = ["motor", "motors", "motor company", "airlines", "airways"]


def without_business_tail(name):
    """The name without a descriptive tail, or None when there is none."""
    lower = name.lower()
    for tail in sorted(BUSINESS_TAILS, key=len, reverse=True):
        if lower.endswith(" " + tail) and len(name) > len(tail) + 1:
            return name[: -len(tail) - 1]
    return None


def gazetteer_names():
    """Every place name of crates/ner/data/gazetteer.tsv."""
    path = os.path.join(HERE, "..", "crates", "ner", "data", "gazetteer.tsv")
    out = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                out.update(line.rstrip("\n").split("\t")[-1].split("|"))
    return out


def words():
    with open(WORDS, encoding="utf-8") as lines:
        return {line.strip() for line in lines if not line.startswith("#")}


def short_form(name):
    """The name without trailing legal forms and commas."""
    parts = name.replace(",", " ").split()
    while len(parts) > 1 and parts[-1].lower() in LEGAL_FORMS:
        parts.pop()
    while len(parts) > 2 and " ".join(parts[-2:]).lower() in LEGAL_FORMS:
        parts = parts[:-2]
    if len(parts) > 1 and parts[0] == "The":
        parts = parts[1:]
    return " ".join(parts)


def usable(name):
    """Names the tagger can match: letters, a capital, not a bare number."""
    return (
        len(name) >= 2
        and any(c.isupper() for c in name)
        and re.search(r"[A-Za-z]{2}", name) is not None
        and "(" not in name
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    english = words()
    places = gazetteer_names()
    names = set(NEWS_ORGANIZATIONS) | set(MARKETS) | set(INTERNATIONAL) | set(ARMED_GROUPS)
    stripped = set()
    for stock in PyTickerSymbols().get_all_stocks():
        listed = " ".join(stock["name"].split())
        names.add(listed.rstrip("."))
        short = short_form(listed)
        if " " in short:
            names.add(short)
        elif short != listed.rstrip("."):
            stripped.add(short)
        bare = without_business_tail(short)
        if bare and " " in bare:
            names.add(bare)
        elif bare and bare.lower() not in english and bare not in places:
            stripped.add(bare)
    stripped -= names
    rows = []
    for name in sorted(n for n in names | stripped if usable(n)):
        flag = "w" if " " not in name and name.lower() in english else ""
        if name in stripped:
            flag += "s"
        rows.append(f"{name}\t{flag}")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Organization names for corroborate-ner, built by scripts/build_organizations.py.\n")
        out.write("# Company names: pytickersymbols (MIT), constituents of major stock indices.\n")
        out.write("# News agencies, broadcasters, international organizations, armed groups and\n")
        out.write("# stock markets:\n")
        out.write("# written for this project.\n")
        out.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} names to {args.out}")


if __name__ == "__main__":
    main()
