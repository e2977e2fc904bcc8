"""The veille_actors component on real text, with the real model: names, roles on a date,
appositions, relations, plurals, metonyms, collectives, pronouns, and the seed article."""

import json
import unicodedata
from pathlib import Path

import pytest
import spacy

from veille.components.veille_actors import actors_at
from veille.extensions import register_extensions

pytestmark = pytest.mark.model

TESTS = Path(__file__).parent
SEED_TEXT = (TESTS / "data" / "seed-sputnik-2018-trump-poutine.txt").read_text(encoding="utf-8")
SEED_GOLD = json.loads((TESTS / "gold" / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
SEED_DATE = "2018-10-24"


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    model = spacy.load("fr_core_news_md")
    model.add_pipe("veille_boundaries", first=True)
    model.add_pipe("veille_actors")
    return model


def run(nlp, text, date=None, timexes=None):
    doc = nlp.make_doc(text)
    doc._.published = date
    for name, pipe in nlp.pipeline:
        if name == "veille_actors" and timexes is not None:
            doc._.timexes = timexes
        doc = pipe(doc)
    return doc


def mention(doc, text, occurrence=0):
    """The mention whose text is `text` (the n-th of them)."""
    found = [m for m in doc._.actors if m["text"] == text]
    assert len(found) > occurrence, f"no mention {text!r} in {[m['text'] for m in doc._.actors]}"
    return found[occurrence]


def who(m) -> list:
    """Names of a mention's actors, or country/sector for those without one."""
    return [a["name"] or f"{a['country']}/{a['sector']}" for a in m["actors"]]


@pytest.fixture(scope="module")
def seed(nlp):
    return run(nlp, SEED_TEXT, SEED_DATE)


# --- the seed article ----------------------------------------------------------------------

@pytest.mark.parametrize("text, occurrence, expected", [
    ("Le Kremlin", 0, ["RUS/GOV"]),
    ("Moscou", 0, ["RUS/GOV"]),  # the headline's subject
    ("Dmitri Peskov", 0, ["Dmitry Peskov"]),
    ("des Présidents russe et américain", 0, ["Vladimir Putin", "Donald Trump"]),
    ("du conseiller à la sécurité nationale américain", 0, ["John Bolton"]),
    ("le porte-parole du Kremlin", 0, ["Dmitry Peskov"]),
    ("lui", 0, ["Dmitry Peskov"]),
    ("Moscou", 1, ["RUS/GOV"]),  # "Moscou serait «prêt»"
    ("du président", 0, ["Vladimir Putin"]),
    ("le porte-parole du Président russe", 0, ["Dmitry Peskov"]),
    ("les deux Présidents", 0, ["Vladimir Putin", "Donald Trump"]),
    ("le conseiller à la sécurité nationale américain", 0, ["John Bolton"]),
    ("son homologue américain", 0, ["Donald Trump"]),
    ("Les deux chefs d'État", 0, ["Vladimir Putin", "Donald Trump"]),
    ("APEC", 0, ["Asia-Pacific Economic Cooperation"]),
])
def test_seed_mentions(seed, text, occurrence, expected):
    assert sorted(who(mention(seed, text, occurrence))) == sorted(expected)


def test_seed_offsets_index_the_text(seed):
    for m in seed._.actors:
        assert SEED_TEXT[m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("context, place", [("à Moscou du", "Moscou"), ("d'Helsinki", "Helsinki"),
                                            ("à Paris", "Paris"), ("à Hambourg", "Hambourg")])
def test_seed_places_are_not_actors(seed, context, place):
    start = SEED_TEXT.index(context) + context.index(place)
    assert not actors_at(seed, start, start + len(place))


def test_seed_boilerplate_lines_give_no_mention(seed):
    line = "«Votre pygargue a déjà picoré toutes les olives?»: quand Poutine plaisante sur le sceau US"
    start = SEED_TEXT.index(line)
    assert not actors_at(seed, start, start + len(line))


def _norm(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(gold: dict, actor: dict) -> bool:
    """The gold format's actor match: by name or alias, else by country and sector."""
    if gold.get("name"):
        return _norm(gold["name"]) in {_norm(n) for n in [actor["name"], *actor["aliases"]]}
    return gold.get("country") == actor["country"] and gold.get("sector", actor["sector"]) == actor["sector"]


@pytest.mark.parametrize("quote", SEED_GOLD["quotes"], ids=lambda q: q["text"][:30])
def test_seed_every_gold_speaker_is_resolved_on_the_quote_line(seed, quote):
    line_start = SEED_TEXT.rfind("\n", 0, quote["start"]) + 1
    line_end = SEED_TEXT.find("\n", quote["start"])
    actors = actors_at(seed, line_start, line_end)
    assert any(matches(quote["speaker"], actor) for actor in actors), actors


def test_seed_every_named_event_actor_is_resolved(seed):
    named = {a["name"] for e in SEED_GOLD["events"] for a in e["actors"] + e["recipients"] if a.get("name")}
    resolved = {a["name"] for m in seed._.actors for a in m["actors"]}
    assert named <= resolved


def test_actors_at_gives_each_actor_once(seed):
    start = SEED_TEXT.index("Le sommet d'Helsinki")
    end = SEED_TEXT.index("(APEC)")
    names = [a["name"] for a in actors_at(seed, start, end) if a["name"]]
    assert sorted(set(names)) == sorted(names)
    assert {"Donald Trump", "Vladimir Putin", "G20"} <= set(names)


# --- rules, one sentence each ------------------------------------------------------------------

@pytest.mark.parametrize("text, date, mention_text, expected", [
    # roles on a date
    ("Le président russe a rencontré la chancelière allemande.", "2015-06-01", "Le président russe", ["Vladimir Putin"]),
    ("Le président russe a rencontré la chancelière allemande.", "2015-06-01", "la chancelière allemande", ["Angela Merkel"]),
    ("Le président russe a reçu son homologue.", "2010-03-01", "Le président russe", ["Dmitry Medvedev"]),
    ("Le Premier ministre britannique est arrivé à Bruxelles.", "2019-09-01", "Le Premier ministre britannique", ["Boris Johnson"]),
    ("Le chef de la diplomatie américaine a appelé Pékin.", "2018-06-01", "Le chef de la diplomatie américaine", ["Mike Pompeo"]),
    ("Le président iranien a répondu.", "2019-01-01", "Le président iranien", ["Hassan Rouhani"]),
    # appositions
    ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé.", "2019-01-01",
     "Le ministre russe des Affaires étrangères", ["Sergey Lavrov"]),
    ("Le sénateur américain Chris Van Hollen a souligné l'urgence.", "2020-07-02", "Chris Van Hollen", ["Chris Van Hollen"]),
    # relations and coordinations
    ("Emmanuel Macron a parlé avec son homologue américain.", "2018-06-01", "son homologue américain", ["Donald Trump"]),
    ("Les ministres français et allemand des Affaires étrangères se sont vus.", "2019-01-01",
     "Les ministres français et allemand des Affaires étrangères", ["Jean-Yves Le Drian", "Heiko Maas"]),
    # metonyms and places
    ("Pékin a menacé Washington de représailles.", "2020-07-02", "Pékin", ["CHN/GOV"]),
    ("Pékin a menacé Washington de représailles.", "2020-07-02", "Washington", ["USA/GOV"]),
    ("L'Élysée a démenti l'information.", "2020-07-02", "L'Élysée", ["FRA/GOV"]),
    ("Le Pentagone a confirmé la frappe.", "2020-07-02", "Le Pentagone", ["USA/MIL"]),
    ("Les Américains ont quitté la base.", "2020-07-02", "Les Américains", ["USA/None"]),
    ("L'OTAN et l'ONU ont réagi.", "2020-07-02", "ONU", ["United Nations"]),
    # collectives take the country of their adjective, else the text's
    ("L'armée israélienne a frappé des positions.", "2020-07-02", "L'armée israélienne", ["ISR/MIL"]),
    ("Les députés français ont voté la loi.", "2020-07-02", "Les députés français", ["FRA/LEG"]),
    ("Emmanuel Macron a vu les manifestants.", "2020-07-02", "les manifestants", ["FRA/CVL"]),
    # pronouns
    ("Angela Merkel a dit qu'elle viendrait.", "2019-01-01", "elle", ["Angela Merkel"]),
    ("Donald Trump est arrivé. Selon lui, tout va bien.", "2019-01-01", "lui", ["Donald Trump"]),
])
def test_rules(nlp, text, date, mention_text, expected):
    assert who(mention(run(nlp, text, date), mention_text)) == expected


def test_an_unknown_person_gets_the_country_and_sector_of_the_role_beside_it(nlp):
    doc = run(nlp, "Jean Dupont, ambassadeur de France, a protesté.", "2020-07-02")
    [actor] = mention(doc, "Jean Dupont")["actors"]
    assert (actor["name"], actor["country"], actor["sector"], actor["kind"]) == ("Jean Dupont", "FRA", "GOV", "person")


@pytest.mark.parametrize("text, absent", [
    ("Il est arrivé à Moscou hier.", "Moscou"),
    ("Il faut agir vite.", "Il"),
    ("Les républicains et les démocrates ont voté.", "The Republicans (France)"),
    ("Il a parlé de l'oms et de la cgt.", "World Health Organization"),
])
def test_what_is_not_an_actor(nlp, text, absent):
    doc = run(nlp, text, "2020-07-02")
    assert absent not in [m["text"] for m in doc._.actors]
    assert absent not in [a["name"] for m in doc._.actors for a in m["actors"]]


def test_a_sentence_dated_in_an_earlier_year_takes_the_roles_of_that_year(nlp):
    text = "En 2009, le président américain s'est rendu au Caire."
    timexes = [{"start": 0, "end": 7, "text": "En 2009", "value": "2009", "type": "DATE", "granularity": "year"}]
    doc = run(nlp, text, "2018-10-24", timexes)
    assert who(mention(doc, "le président américain")) == ["Barack Obama"]
    assert who(mention(run(nlp, text, "2018-10-24"), "le président américain")) == ["Donald Trump"]


def test_mentions_are_plain_json(seed):
    assert json.loads(json.dumps(seed._.actors)) == seed._.actors
    for m in seed._.actors:
        assert set(m) == {"start", "end", "text", "actors", "how"}
        for actor in m["actors"]:
            assert set(actor) == {"name", "country", "sector", "kind", "aliases"}
