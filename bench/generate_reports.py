#!/usr/bin/env python3
"""Writes N fictional crisis reports (Markdown with YAML front matter) for
measuring corroborate on large workspaces.

Every country, city, person, organization and outlet is invented: names are
built from syllables and any that match a real place in the project's
gazetteer are thrown away. Standard library only; the same --seed gives the
same files.

    python3 bench/generate_reports.py --count 10000 --out /tmp/reports-10k --seed 1
"""

import argparse
import datetime as dt
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "crates", "ner", "data", "gazetteer.tsv")

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
          "kr", "tr", "st", "sk", "zh", "kh", "sh", "ch", "v", "l", "m", "t"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou", "ei"]
CODAS = ["", "", "", "n", "r", "s", "l", "k", "sk", "v", "th", "nd", "rt"]
COUNTRY_ENDINGS = ["ia", "ara", "esh", "onia", "istan", "avia", "una", "eth"]
CITY_ENDINGS = ["grad", "var", "essa", "ovo", "ansk", "ira", "ton", "abad", "polis", "en"]
GIVEN = ["Mira", "Danil", "Petra", "Ilan", "Soren", "Anouk", "Tamsin", "Oren", "Kasia", "Lev",
         "Nadia", "Jaro", "Elin", "Tomas", "Yara", "Aurel", "Ines", "Milo", "Vesna", "Rafi",
         "Zora", "Emil", "Lina", "Bodo", "Sela", "Arvid", "Dara", "Niko", "Hana", "Teo"]
# Transliteration-like spelling changes that turn one rendering of a name into another.
VARIANTS = [("v", "w"), ("ks", "x"), ("kh", "h"), ("y", "i"), ("ou", "u"), ("sh", "sch"),
            ("ch", "tch"), ("zh", "j"), ("ei", "ey"), ("ai", "ay"), ("k", "c"), ("ia", "iya")]


def load_real_names():
    names = set()
    # Without the gazetteer an invented name could be a real place: fail.
    with open(GAZETTEER, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            for field in line.rstrip("\n").split("\t"):
                for name in field.split("|"):
                    names.add(name.strip().lower())
    return names


class Names:
    """Invented names, unique within a run and absent from the gazetteer."""

    def __init__(self, rng, real):
        self.rng = rng
        self.real = real
        self.used = set()

    def _word(self, syllables, ending=""):
        attempts = 0
        while True:
            # Short names run out in large runs: lengthen after many clashes.
            attempts += 1
            if attempts % 50 == 0:
                syllables += 1
            parts = [self.rng.choice(ONSETS) + self.rng.choice(VOWELS) for _ in range(syllables)]
            word = "".join(parts) + (ending or self.rng.choice(CODAS))
            word = re.sub(r"(.)\1\1", r"\1\1", word).capitalize()
            if word.lower() not in self.real and word not in self.used and len(word) > 3:
                self.used.add(word)
                return word

    def country(self):
        return self._word(2, self.rng.choice(COUNTRY_ENDINGS))

    def city(self):
        return self._word(self.rng.choice([1, 2]), self.rng.choice(CITY_ENDINGS + [""] * 4))

    def surname(self):
        return self._word(self.rng.choice([2, 3]), self.rng.choice(["ov", "enko", "ic", "ar", "", "", ""]))

    def person(self):
        return f"{self.rng.choice(GIVEN)} {self.surname()}"

    def river(self):
        return self._word(2)


def spelling_variants(name):
    out = [name]
    for old, new in VARIANTS:
        if old in name.lower():
            out.append(re.sub(old, new, name, count=1, flags=re.I).capitalize()
                       if name.lower().startswith(old) else name.replace(old, new, 1))
    return out[:3]


def demonym(country):
    for end, dem in (("ia", "ian"), ("istan", "istani"), ("esh", "eshi"), ("ara", "aran"),
                     ("una", "unan"), ("eth", "ethi")):
        if country.endswith(end):
            return country[: -len(end)] + dem
    return country + "ian"


# --- crises -------------------------------------------------------------------------------------

STORYLINES = {
    "unrest": ["protest", "protest", "clash", "arrest", "curfew", "protest", "clash", "arrest",
               "resignation", "verdict", "ceasefire_talks", "election"],
    "disaster_quake": ["earthquake", "evacuation", "aftershock", "relief", "protest", "arrest",
                       "resignation"],
    "disaster_flood": ["flood", "evacuation", "flood", "relief", "curfew", "protest", "verdict"],
    "conflict": ["clash", "clash", "evacuation", "arrest", "clash", "ceasefire", "clash",
                 "ceasefire", "verdict"],
    "election": ["election", "protest", "arrest", "clash", "curfew", "verdict", "resignation",
                 "election"],
}


class Crisis:
    def __init__(self, rng, names):
        self.rng = rng
        self.country = names.country()
        self.adj = demonym(self.country)
        self.cities = [names.city() for _ in range(rng.randint(3, 6))]
        self.capital = self.cities[0]
        self.river = names.river()
        self.leader = names.person()
        self.leader_title = rng.choice(["President", "Prime Minister"])
        self.opposition = names.person()
        self.minister = names.person()
        self.police_chief = names.person()
        self.judge = names.person()
        self.defendant = names.person()
        self.witnesses = [names.person() for _ in range(4)]
        self.party = f"{self.adj} {rng.choice(['Civic Front', 'Democratic Union', 'Renewal Movement', 'Labour Alliance'])}"
        self.rights_group = f"{names.city()} {rng.choice(['Rights Watch', 'Human Rights Centre', 'Legal Aid Network'])}"
        self.relief = f"{self.adj} {rng.choice(['Relief Council', 'Emergency Agency', 'Red Star Society'])}"
        self.rebels = f"{names.city()} {rng.choice(['Liberation Front', 'Defence Forces', 'People’s Army'])}"
        self.storyline = rng.choice(list(STORYLINES))
        self.variants = {p: spelling_variants(p.split()[-1]) for p in
                         [self.leader, self.opposition, self.minister, self.police_chief]}
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
        self.events = self._timeline(start)
        # The day the background incidents (internet cut, banks closed) happened.
        self.side_event = rng.randrange(len(self.events))

    def _timeline(self, start):
        kinds = list(STORYLINES[self.storyline])
        # The opening two happenings stay first; the rest come in any order.
        rest = kinds[2:]
        self.rng.shuffle(rest)
        kinds[2:] = rest
        kinds += [self.rng.choice(kinds) for _ in range(self.rng.randint(2, 8))]
        day, dead, injured, arrested, displaced = start, 0, 0, 0, 0
        events = []
        for kind in kinds:
            day += dt.timedelta(days=self.rng.randint(1, 5))
            if kind in ("clash", "earthquake", "aftershock", "flood"):
                dead += self.rng.randint(2, 40)
                injured += self.rng.randint(10, 200)
            if kind == "arrest":
                arrested += self.rng.randint(10, 300)
            if kind in ("evacuation", "flood", "earthquake"):
                displaced += self.rng.randint(500, 20000)
            events.append({"kind": kind, "date": day, "city": self.rng.choice(self.cities),
                           "dead": dead, "injured": injured, "arrested": arrested,
                           "displaced": displaced, "crowd": self.rng.choice(
                               ["thousands of", "tens of thousands of", "about 5,000",
                                "several hundred", "more than 10,000", "some 2,000"])})
        return events

    def name(self, person, rng):
        """A person's name as one outlet spells it."""
        surname = rng.choice(self.variants.get(person, [person.split()[-1]]))
        return f"{person.split()[0]} {surname}"


# --- writing ------------------------------------------------------------------------------------

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEDGES = ["reportedly", "according to officials", "according to local media",
          "witnesses said", "a source close to the investigation said", "officials claimed"]
UNVERIFIED = ["The figures could not be independently verified.",
              "{outlet} could not independently verify the account.",
              "The claims could not be independently confirmed.",
              "Independent verification was not possible because journalists were barred from the area."]
SAID = ["said", "told reporters", "said in a statement", "wrote on social media", "told {outlet}",
        "said at a news conference", "insisted"]


def when(event_date, report_date, rng):
    """How a report dated report_date refers to event_date."""
    gap = (report_date - event_date).days
    if gap == 0:
        return rng.choice(["on " + WEEKDAYS[event_date.weekday()], "earlier today", "on " + WEEKDAYS[event_date.weekday()]])
    if 0 < gap < 6:
        return "on " + WEEKDAYS[event_date.weekday()]
    if 6 <= gap < 13 and rng.random() < 0.6:
        return "last week"
    if event_date.year != report_date.year:
        return f"on {event_date.day} {event_date:%B %Y}"
    return f"on {event_date.day} {event_date:%B}"


def about(n, rng, bias=0):
    """A figure as a hedged phrase: 'more than 40', 'nearly 60', '52'."""
    n = max(1, n + bias)
    step = next(s for limit, s in ((10, 1), (50, 5), (200, 10), (1000, 50), (10000, 100))
                if n < limit) if n < 10000 else 1000
    low = (n // step) * step
    low = low - step if low == n else low
    high = -(-n // step) * step
    high = high + step if high == n else high
    nearest = round(n / step) * step or n
    choices = [f"at least {n:,}", f"{n:,}", f"nearly {high:,}", f"about {nearest:,}"]
    if low > 0:
        choices.append(f"more than {low:,}")
    return rng.choice(choices)


def cap(text):
    return text[:1].upper() + text[1:]


def event_sentence(c, e, day_phrase, rng, outlet):
    city, k = e["city"], e["kind"]
    hedge = rng.choice(HEDGES)
    options = {
        "protest": [
            f"{cap(e['crowd'])} people marched through {city} {day_phrase}, demanding the resignation of {c.leader_title} {c.name(c.leader, rng)}.",
            f"Protesters gathered in the centre of {city} {day_phrase}, chanting slogans against rising prices and police violence.",
            f"{cap(day_phrase)}, {e['crowd']} demonstrators blocked the main avenue of {city}, {hedge}.",
        ],
        "clash": [
            f"Security forces clashed with {'rebels of the ' + c.rebels if c.storyline == 'conflict' else 'protesters'} in {city} {day_phrase}, and {about(e['dead'], rng)} people have now been killed, {hedge}.",
            f"Police fired tear gas and rubber bullets in {city} {day_phrase}; the death toll has risen to {about(e['dead'], rng)}, {hedge}.",
            f"Fighting broke out on the outskirts of {city} {day_phrase}, leaving {about(e['injured'], rng)} people injured.",
        ],
        "arrest": [
            f"Police arrested {about(e['arrested'], rng)} people in {city} {day_phrase}, {hedge}.",
            f"{cap(day_phrase)}, officers detained dozens of demonstrators in {city}, bringing the number held since the start of the unrest to {about(e['arrested'], rng)}.",
            f"The interior ministry said {e['arrested']} people had been detained, while the {c.rights_group} put the figure at {about(e['arrested'], rng, bias=rng.randint(5, 80))}.",
        ],
        "curfew": [
            f"Authorities imposed a night-time curfew on {city} {day_phrase}, from {rng.choice(['8 pm', '9 pm', '10 pm'])} to {rng.choice(['5 am', '6 am'])}.",
            f"A curfew was declared in {city} {day_phrase} after a night of looting, {hedge}.",
        ],
        "evacuation": [
            f"Some {e['displaced']:,} residents were evacuated from {city} {day_phrase}, the {c.relief} said.",
            f"{cap(day_phrase)}, buses carried families out of {city} as the {c.relief} opened shelters for {about(e['displaced'], rng)} people.",
        ],
        "earthquake": [
            f"A magnitude {rng.choice(['5.8', '6.1', '6.4', '6.9', '7.2'])} earthquake struck near {city} {day_phrase}, killing {about(e['dead'], rng)} people, {hedge}.",
            f"The earthquake that hit {city} {day_phrase} destroyed hundreds of homes and left {about(e['injured'], rng)} injured.",
        ],
        "aftershock": [
            f"A strong aftershock shook {city} {day_phrase}, sending residents into the streets; the death toll has climbed to {about(e['dead'], rng)}.",
        ],
        "flood": [
            f"The {c.river} river burst its banks near {city} {day_phrase}, flooding entire districts and killing {about(e['dead'], rng)} people, {hedge}.",
            f"Floodwaters rose in {city} {day_phrase}; the {c.relief} said {e['displaced']:,} people had been displaced.",
        ],
        "relief": [
            f"The first relief convoys reached {city} {day_phrase}, carrying food, water and medicine.",
            f"Aid workers in {city} said {day_phrase} that shelters were overcrowded and clean water was running out.",
        ],
        "election": [
            f"Voters in {c.country} went to the polls {day_phrase}; turnout was {rng.randint(38, 81)} per cent, the electoral commission said.",
            f"The electoral commission declared {c.name(c.leader, rng)} the winner of the vote held {day_phrase}, a result the {c.party} rejected as rigged.",
        ],
        "verdict": [
            f"A court in {c.capital} sentenced {c.defendant} to {rng.randint(3, 15)} years in prison {day_phrase} on charges of organising mass unrest.",
            f"Judge {c.judge} acquitted {c.defendant} {day_phrase}, a verdict greeted with cheers outside the court in {c.capital}.",
        ],
        "resignation": [
            f"Interior Minister {c.name(c.minister, rng)} resigned {day_phrase}, {hedge}.",
            f"{cap(day_phrase)}, police chief {c.name(c.police_chief, rng)} stepped down amid anger over the response to the crisis.",
        ],
        "ceasefire": [
            f"The government and the {c.rebels} agreed to a {rng.choice(['72-hour', 'seven-day', 'two-week'])} ceasefire {day_phrase}, {hedge}.",
            f"A ceasefire brokered by neighbouring states took effect {day_phrase}, though sporadic gunfire was heard in {city}.",
        ],
        "ceasefire_talks": [
            f"Government and opposition negotiators met in {c.capital} {day_phrase} for talks, {hedge}.",
        ],
    }
    return rng.choice(options[k])


TITLES = {
    "protest": ["Protests spread across {country}", "Thousands rally in {city} against {leader}",
                "{adj} protesters defy ban in {city}"],
    "clash": ["Death toll rises after clashes in {city}", "Deadly clashes in {city}",
              "{country}: violence flares in {city}"],
    "arrest": ["Mass arrests in {city}", "{adj} police detain protesters", "Crackdown widens in {country}"],
    "curfew": ["Curfew imposed on {city}", "{city} under curfew"],
    "evacuation": ["Thousands evacuated from {city}", "Evacuations under way in {country}"],
    "earthquake": ["Earthquake strikes {country}", "Quake devastates {city}"],
    "aftershock": ["Aftershock rattles {city}", "{country} quake toll climbs"],
    "flood": ["Floods swamp {city}", "{river} floods displace thousands in {country}"],
    "relief": ["Aid reaches {city}", "Relief effort struggles in {country}"],
    "election": ["{adj} election result disputed", "{country} votes amid tension"],
    "verdict": ["Court sentences protest leader in {capital}", "{adj} court delivers verdict"],
    "resignation": ["Minister resigns as {country} crisis deepens", "Resignation rocks {adj} government"],
    "ceasefire": ["Ceasefire agreed in {country}", "Truce holds in {city}"],
    "ceasefire_talks": ["Talks open in {capital}", "{adj} rivals meet for talks"],
}

BACKGROUND = [
    "{country} has been in turmoil since {first_since}, when {first_kind} in {first_city} set off the crisis.",
    "The crisis began {first_phrase} in {first_city}.",
    "Analysts say the unrest reflects years of anger over corruption and unemployment in {country}.",
    "{leader_title} {leader} has ruled {country} for more than a decade and has rarely faced such a challenge.",
    "Diplomats in {capital} said neighbouring governments were watching the situation closely.",
    "Prices of bread and fuel have roughly doubled in {country} over the past year.",
    "Schools and markets in {city} remained closed, residents said.",
    "Mobile internet was cut in parts of {country} {when}, making it hard to confirm reports from outside the capital.",
    "The {party}, the main opposition group, has called for an independent inquiry.",
    "Hospitals in {city} appealed for blood donations {when}, saying they were short of staff.",
    "Roads out of {city} were blocked by checkpoints {when}.",
    "The {party} said several of its local organisers had gone into hiding.",
    "Foreign embassies in {capital} advised their citizens {when} to avoid travel to {city}.",
    "State television in {country} made no mention of the events in {city}.",
    "Shops in the old town of {city} were shuttered, and few cars were on the streets.",
    "Residents of {city} described long queues for bread and fuel.",
    "Rights groups have accused the {adj} security forces of using excessive force.",
    "The government blamed foreign agitators for the unrest, without offering evidence.",
    "Regional leaders called for calm and offered to mediate.",
    "In {capital}, parliament held an emergency session behind closed doors {when}.",
    "Banks in {city} limited cash withdrawals {when}, and several petrol stations ran dry.",
    "Local journalists said they had been warned not to report casualty figures.",
]
QUOTES = [
    "“We will not go home until our demands are met,” {witness}, a {job} in {city}, told {outlet}.",
    "“The situation is under control,” {official} {said}.",
    "“People are afraid to leave their homes at night,” said {witness}, a {job}.",
    "“What happened in {city} was a massacre,” {opposition} of the {party} {said}.",
    "“We have lost everything,” said {witness}, who fled with three children.",
    "“Those responsible will be held accountable,” {official} {said}.",
    "“Nobody from the government has come here,” said {witness}, a {job} from {city}.",
    "“My brother was taken by men in plain clothes, and we do not know where he is,” {witness} said.",
    "“We call on all sides to exercise restraint,” {official} {said}.",
    "“The numbers are much higher than the authorities admit,” said {witness}, a {job} who helped carry the wounded.",
    "“We need tents, water and doctors, and we need them now,” said {witness}, a volunteer with the {relief}.",
]
JOBS = ["teacher", "taxi driver", "nurse", "student", "shopkeeper", "miner", "engineer", "farmer"]


def toll_paragraph(c, e, rng, outlet):
    if e["dead"] == 0 and e["arrested"] == 0:
        return None
    parts = []
    if e["dead"]:
        official = about(e["dead"], rng)
        higher = about(e["dead"], rng, bias=rng.randint(3, max(4, e["dead"] // 2)))
        parts.append(rng.choice([
            f"Officials say {official} people have died since the violence began, but the {c.rights_group} puts the toll at {higher}.",
            f"The health ministry put the death toll at {e['dead']}; opposition activists said {higher} had been killed.",
            f"At least {e['dead']} people have been killed, according to official figures.",
        ]))
    if e["arrested"]:
        parts.append(rng.choice([
            f"More than {max(1, e['arrested'] - rng.randint(1, 9))} people have been arrested, {rng.choice(HEDGES)}.",
            f"The {c.rights_group} said {e['arrested']} people remained in detention.",
        ]))
    if rng.random() < 0.6:
        parts.append(rng.choice(UNVERIFIED).format(outlet=outlet))
    return " ".join(parts)


# Word swaps that keep background sentences from repeating word for word.
SWAPS = {
    "said": ["said", "added", "stated", "noted"], "people": ["people", "residents", "civilians"],
    "roughly": ["roughly", "almost", "nearly"], "closely": ["closely", "with concern", "anxiously"],
    "anger": ["anger", "frustration", "resentment"], "called": ["called", "pressed", "appealed"],
    "government": ["government", "authorities", "cabinet"], "long": ["long", "lengthy", "hours-long"],
    "several": ["several", "a number of", "some"], "blocked": ["blocked", "closed", "cut off"],
    "warned": ["warned", "told", "cautioned"], "calm": ["calm", "restraint", "dialogue"],
    "main": ["main", "largest", "leading"], "accused": ["accused", "criticised", "condemned"],
}


def reword(sentence, rng):
    return re.sub(r"\b[a-z]+\b", lambda m: rng.choice(SWAPS[m.group()]) if m.group() in SWAPS and rng.random() < 0.6 else m.group(), sentence)


def background_fill(c, rng, report_date, index, fill):
    first = c.events[0]
    return dict(
        first_phrase=when(first["date"], report_date, rng),
        first_since=when(first["date"], report_date, rng).removeprefix("on ").replace("earlier today", "this morning"),
        first_kind={"earthquake": "an earthquake", "flood": "flooding", "clash": "fighting",
                    "election": "a disputed vote"}.get(first["kind"], "protests"),
        when=when(c.events[min(index, c.side_event)]["date"], report_date, rng),
        first_city=first["city"], leader_title=c.leader_title, party=c.party, **fill)


def quote_fill(c, names, rng, outlet, lead):
    return dict(
        witness=names.person(), job=rng.choice(JOBS), outlet=outlet,
        official=rng.choice([f"Interior Minister {c.name(c.minister, rng)}",
                             f"police spokesman {c.name(c.police_chief, rng)}",
                             f"{c.leader_title} {c.name(c.leader, rng)}"]),
        said=rng.choice(SAID).format(outlet=outlet), opposition=c.name(c.opposition, rng),
        party=c.party, relief=c.relief, city=lead["city"])


def write_report(c, names, rng, outlet, target_words):
    index = rng.randrange(len(c.events))
    lead = c.events[index]
    report_date = lead["date"] + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
    fill = {"country": c.country, "adj": c.adj, "city": lead["city"], "capital": c.capital,
            "leader": c.name(c.leader, rng), "river": c.river}
    title = rng.choice(TITLES[lead["kind"]]).format(**fill)
    paragraphs = [event_sentence(c, lead, when(lead["date"], report_date, rng), rng, outlet)]
    toll = toll_paragraph(c, lead, rng, outlet)
    if toll:
        paragraphs.append(toll)
    earlier = c.events[:index]
    rng.shuffle(earlier)
    extras = []
    for e in earlier[: rng.randint(1, 12)]:
        extras.append(event_sentence(c, e, when(e["date"], report_date, rng), rng, outlet))
    background = rng.sample(BACKGROUND, len(BACKGROUND))
    quotes = rng.sample(QUOTES, len(QUOTES))
    used_background, used_quotes = rng.randint(1, 5), rng.randint(1, 4)
    for template in background[:used_background]:
        extras.append(reword(template.format(**background_fill(c, rng, report_date, index, fill)), rng))
    for template in quotes[:used_quotes]:
        extras.append(reword(template.format(**quote_fill(c, names, rng, outlet, lead)), rng))
    rng.shuffle(extras)
    # Reserve material for reports that want to be long: the rest of the
    # background and quotes, then the story again from its start.
    reserve = [reword(t.format(**background_fill(c, rng, report_date, index, fill)), rng)
               for t in background[used_background:]]
    reserve += [reword(t.format(**quote_fill(c, names, rng, outlet, lead)), rng)
                for t in quotes[used_quotes:]]
    rng.shuffle(reserve)
    reserve += [event_sentence(c, e, when(e["date"], report_date, rng), rng, outlet)
                for e in c.events[: index + 1]]
    extras += [r for r in reserve if r not in extras]
    words = sum(len(p.split()) for p in paragraphs)
    for sentence in extras:
        if words >= target_words:
            break
        if rng.random() < 0.45 and len(paragraphs) > 1:
            paragraphs[-1] += " " + sentence
        else:
            paragraphs.append(sentence)
        words += len(sentence.split())
    return title, report_date, "\n\n".join(paragraphs)


def front_matter(title, outlet, author, date):
    lines = ["---", f'title: "{title}"', f"outlet: {outlet}", f"author: {author}"]
    if date:
        lines.append(f"published: {date.isoformat()}")
    return "\n".join(lines + ["---", "", ""])


def syndicated_copy(text, title, outlet, rng):
    """A wire story as republished: a credit line, a sentence dropped, a
    word or two changed."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    body = "\n\n".join(paragraphs)
    for old, new in (("said", "stated"), ("people", "persons"), ("killed", "left dead")):
        if rng.random() < 0.4:
            body = body.replace(old, new, 1)
    body += f"\n\nThis story was first published by {outlet}."
    return rng.choice([title, title + " - wire", "UPDATE: " + title]), body


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--undated-share", type=float, default=0.1)
    parser.add_argument("--syndicated-share", type=float, default=0.08)
    parser.add_argument("--manifest", help="also write 'file<TAB>crisis number' lines here "
                        "(the answer key for story detection; keep it outside --out)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    names = Names(rng, load_real_names())
    crises = [Crisis(rng, names) for _ in range(max(6, min(400, args.count // 150)))]
    outlets = [f"{names.city()} {rng.choice(['Herald', 'Dispatch', 'Tribune', 'Observer', 'Courier', 'Post', 'Ledger', 'Wire'])}"
               for _ in range(max(8, min(300, args.count // 100)))]
    authors = [names.person() for _ in range(max(20, min(2000, args.count // 20)))]
    os.makedirs(args.out, exist_ok=True)
    written = []  # (crisis, title, date, text, outlet) of originals, for copies
    manifest = []  # (file name, crisis number)
    width = len(str(args.count))
    for n in range(args.count):
        outlet = rng.choice(outlets)
        if written and rng.random() < args.syndicated_share:
            crisis, title, date, text, origin = rng.choice(written[-200:])
            title, text = syndicated_copy(text, title, origin, rng)
            date = date + dt.timedelta(days=rng.choice([0, 0, 1]))
        else:
            crisis = rng.choice(crises)
            title, date, text = write_report(crisis, names, rng, outlet, rng.randint(150, 900))
            written.append((crisis, title, date, text, outlet))
        shown_date = None if rng.random() < args.undated_share else date
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:50]
        path = os.path.join(args.out, f"{n:0{width}d}-{slug}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(front_matter(title, outlet, rng.choice(authors), shown_date) + text + "\n")
        manifest.append((os.path.basename(path), crises.index(crisis)))
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            f.writelines(f"{name}\t{crisis}\n" for name, crisis in manifest)
    print(f"wrote {args.count} reports about {len(crises)} invented crises to {args.out}")


if __name__ == "__main__":
    main()
