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
    # the other ministers: the holder on the date, of the text's country when no demonym says it
    ("La ministre de la Santé a annoncé des mesures à Paris.", "2019-11-12", "La ministre de la Santé",
     ["Agnès Buzyn"]),
    # a demonym inside an American title
    ("Le secrétaire américain à la Santé a annoncé des mesures.", "2021-06-01", "Le secrétaire américain à la Santé",
     ["Xavier Becerra"]),
    ("Le secrétaire américain à la Défense a rencontré son homologue.", "2021-06-01",
     "Le secrétaire américain à la Défense", ["Lloyd Austin"]),
    ("La ministre de la Santé a annoncé des mesures à Paris.", "2020-03-01", "La ministre de la Santé",
     ["Olivier Véran"]),
    ("Le garde des Sceaux a présenté la réforme à Paris.", "2021-03-01", "Le garde des Sceaux",
     ["Éric Dupond-Moretti"]),
    ("Le ministre des Transports a visité la gare à Paris.", "2021-01-01", "Le ministre des Transports",
     ["Jean-Baptiste Djebbari"]),
    ("Le ministre de la Justice a défendu la décision à Washington.", "2019-06-01", "Le ministre de la Justice",
     ["William Barr"]),
    ("Le ministre britannique de la Santé a présenté son plan à Londres.", "2020-04-01",
     "Le ministre britannique de la Santé", ["Matt Hancock"]),
    # appositions
    ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé.", "2019-01-01",
     "Le ministre russe des Affaires étrangères", ["Sergey Lavrov"]),
    ("Le sénateur américain Chris Van Hollen a souligné l'urgence.", "2020-07-02", "Chris Van Hollen", ["Chris Van Hollen"]),
    # relations and coordinations
    ("Emmanuel Macron a parlé avec son homologue américain.", "2018-06-01", "son homologue américain", ["Donald Trump"]),
    ("Les ministres français et allemand des Affaires étrangères se sont vus.", "2019-01-01",
     "Les ministres français et allemand des Affaires étrangères", ["Jean-Yves Le Drian", "Heiko Maas"]),
    # "les deux pays": the last countries named, or those of the forces named; some two countries
    # "les deux avocats": the last people the paragraph named
    ("Marie Dosé et Henri Leclerc défendent les familles. Les deux avocats ont signé.", "2019-03-13",
     "Les deux avocats", ["Marie Dosé", "Henri Leclerc"]),
    ("La France et l'Allemagne ont signé. Les deux pays coopèrent.", "2020-07-02", "Les deux pays",
     ["FRA/None", "DEU/None"]),
    ("La France a reçu l'aide des forces spéciales américaines. Les deux pays coopèrent.", "2020-07-02",
     "Les deux pays", ["FRA/None", "USA/None"]),
    # metonyms and places
    ("Pékin a menacé Washington de représailles.", "2020-07-02", "Pékin", ["CHN/GOV"]),
    ("Pékin a menacé Washington de représailles.", "2020-07-02", "Washington", ["USA/GOV"]),
    ("L'Élysée a démenti l'information.", "2020-07-02", "L'Élysée", ["FRA/GOV"]),
    ("Le Pentagone a confirmé la frappe.", "2020-07-02", "Le Pentagone", ["USA/MIL"]),
    ("Les Américains ont quitté la base.", "2020-07-02", "Les Américains", ["USA/None"]),
    ("L'OTAN et l'ONU ont réagi.", "2020-07-02", "ONU", ["United Nations"]),
    # collectives take the country of their adjective, else the text's
    ("L'armée israélienne a frappé des positions.", "2020-07-02", "L'armée israélienne", ["ISR/MIL"]),
    ("Des députés français ont voté contre la loi.", "2020-07-02", "Des députés français", ["FRA/LEG"]),
    ("Les gilets jaunes ont bloqué un rond-point en France.", "2018-11-30", "Les gilets jaunes", ["FRA/CVL"]),
    # a collective that names a body, with the definite article, is that body
    ("Les députés français ont voté la loi.", "2020-07-02", "Les députés français", ["National Assembly (France)"]),
    ("Emmanuel Macron a critiqué le Sénat.", "2019-11-14", "le Sénat", ["Senate (France)"]),
    ("Emmanuel Macron a reçu deux sénateurs.", "2019-11-14", "deux sénateurs", ["FRA/LEG"]),
    ("Donald Trump accuse les démocrates de tricher.", "2020-08-25", "les démocrates",
     ["Democratic Party (United States)"]),
    # a relation the text names elsewhere is that person
    ("Le frère de George Floyd a parlé. \"Aidez-nous\", a lancé son frère, Philonise Floyd.", "2020-06-17",
     "Le frère", ["Philonise Floyd"]),
    # a first name alone opens the full name the text gave before
    ("Mark Zuckerberg a refusé. Des salariés critiquent la décision de Mark.", "2020-06-01", "Mark",
     ["Mark Zuckerberg"]),
    ("Emmanuel Macron a vu les manifestants.", "2020-07-02", "les manifestants", ["FRA/CVL"]),
    # pronouns
    ("Angela Merkel a dit qu'elle viendrait.", "2019-01-01", "elle", ["Angela Merkel"]),
    ("Donald Trump a appelé Paris. Son homologue Emmanuel Macron, avec lequel il s'est entretenu, a répondu.",
     "2020-05-31", "il", ["Donald Trump"]),
    ("Emmanuel Macron a visité le quartier. Un habitant lui a reproché son absence.", "2019-10-24", "lui",
     ["Emmanuel Macron"]),
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
    ("La France et l'Allemagne ont signé. Deux pays ont refusé.", "Deux pays"),
    ("Il faut agir vite.", "Il"),
    ("Les républicains et les démocrates ont voté.", "The Republicans (France)"),
    ("Il a parlé de l'oms et de la cgt.", "World Health Organization"),
    # a place named after someone
    ("Il a visité l'école Pierre Ronsard à Poissy.", "Pierre Ronsard"),
    ("Le président arrivera à l'aéroport Charles de Gaulle.", "Charles de Gaulle"),
    # a sea or a strait named after a country
    ("Des navires chinois patrouillent en mer de Chine.", "Chine"),
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


# --- people and organisations the knowledge base does not know, titles, anaphora ---------------

def full(actor: dict) -> tuple:
    return actor["name"], actor["country"], actor["sector"]


@pytest.mark.parametrize("text, date, mention_text, expected", [
    # a name after what a title says of its holder: the holder, with the title's country and sector
    ("Le président du groupe écologiste Paul Vernier a dénoncé le texte en France.", "2020-05-04",
     "Paul Vernier", ("Paul Vernier", "FRA", "LEG")),
    ("Le député de la Somme, Lucien Brasseur, a voté contre la réforme en France.", "2020-05-04",
     "Lucien Brasseur", ("Lucien Brasseur", "FRA", "LEG")),
    ("La présidente du groupe RDPI au Sénat Odile Ferrand a quitté la séance en France.", "2020-05-04",
     "Odile Ferrand", ("Odile Ferrand", "FRA", "LEG")),
    ("Le socialiste Marc Delorme a salué le vote du Sénat en France.", "2020-05-04",
     "Marc Delorme", ("Marc Delorme", "FRA", "PTY")),
    ("Le patron de la SNCF Alain Roussel a démissionné.", "2020-05-04",
     "Alain Roussel", ("Alain Roussel", "FRA", "BUS")),
    ("L'actrice nigériane Ada Okafor a ouvert le festival à Paris.", "2020-05-04",
     "Ada Okafor", ("Ada Okafor", "NGA", "CVL")),
    # a name after another preposition is not the holder's: the president is received there
    ("Le prince Charles accueillera le président français à Clarence House.", "2020-06-12",
     "le président français", ("Emmanuel Macron", "FRA", "GOV")),
    # a title before the name is not part of it; the surname alone is the same person
    ("Me Jeanne Morel a plaidé la relaxe. Me Morel a ensuite quitté le tribunal.", "2020-05-04",
     "Morel", ("Jeanne Morel", None, None)),
    # a title that names a body other than the state is not the state's office
    ("Le président du groupe centriste a interpellé le gouvernement français.", "2020-05-04",
     "Le président du groupe", (None, "FRA", "LEG")),
    ("Le président du Sénat a reçu les maires de France.", "2020-05-04", "Le président du Sénat", (None, "FRA", "LEG")),
    ("Le président du conseil départemental a présenté le budget en France.", "2020-05-04",
     "Le président du conseil", (None, "FRA", "GOV")),
    ("Le président de la République a reçu les maires à Paris.", "2020-05-04",
     "Le président de la République", ("Emmanuel Macron", "FRA", "GOV")),
    # a title that names an office in another country only names someone new here
    ("Le secrétaire d'État aux Sports s'est rendu à Lille, en France.", "2020-05-04",
     "Le secrétaire d'État", (None, "FRA", "GOV")),
    # a bare title stands for the person the text last gave it
    ("Le général de Gaulle a lancé un appel. Le général a ensuite quitté Londres.", "2020-06-18",
     "Le général", ("Charles de Gaulle", "FRA", "MIL")),
    ("Le chef de la junte au Mali, le colonel Assimi Goïta, a parlé mardi. Puis le chef de la junte a ajouté un mot.",
     "2020-09-22", "le chef de la junte", ("Assimi Goïta", "MLI", "MIL")),
    ("La ministre de la Culture, Agathe Simonin, a visité le musée à Paris. La ministre a promis des aides.",
     "2020-05-04", "La ministre", ("Agathe Simonin", "FRA", "GOV")),
    # … but not one of the other gender, nor one with a complement of its own
    ("Le maire de Lyon, Paul Gérin, est venu en France. À Nantes, la maire a refusé de le recevoir.", "2020-05-04",
     "la maire", (None, "FRA", "GOV")),
    # an epithet is the person last named
    ("Donald Trump a tenu un meeting. Le milliardaire républicain a attaqué la presse.", "2020-06-21",
     "Le milliardaire", ("Donald Trump", "USA", "GOV")),
    # a description without an office is the person last named, of its gender
    ("Cécile Marchand a pris la parole. La militante a dénoncé le jugement en France.", "2019-10-16",
     "La militante", ("Cécile Marchand", None, None)),
    # … and of the country the description names
    ("Xi Jinping a parlé à Emmanuel Macron. Le ministre Jean-Yves Le Drian a convoqué l'ambassadeur de Chine.",
     "2020-06-02", "l'ambassadeur de Chine", (None, "CHN", "GOV")),
    # … also with a complement, when the text gave that person this very description
    ("Jeanne Rotgé, une habitante du Lot-et-Garonne, a reçu un chèque. L'habitante du Lot-et-Garonne a écrit au consulat.",
     "2020-09-04", "L'habitante", ("Jeanne Rotgé", None, "CVL")),
    # a former holder is never the one in office: the one the text named, else the last to leave
    ("L'ancien président américain a critiqué la décision à Paris.", "2020-08-30",
     "L'ancien président américain", ("Barack Obama", "USA", "ELI")),
    ("George W. Bush a parlé à Paris. L'ancien président américain a critiqué Donald Trump.", "2020-08-30",
     "L'ancien président américain", ("George W. Bush", "USA", "ELI")),
    ("L'ancien vice-président de Barack Obama s'est entretenu avec la famille aux États-Unis.", "2020-08-30",
     "L'ancien vice-président de Barack Obama", ("Joe Biden", "USA", "ELI")),
    # the press's periphrases for a head of state or government
    ("Twitter a masqué un message du locataire de la Maison Blanche aux États-Unis.", "2020-05-30",
     "du locataire de la Maison Blanche", ("Donald Trump", "USA", "GOV")),
    # a known surname after a first name of its own is someone else, unless the first name is a spelling
    ("Eric Trump a parlé à la presse.", "2020-08-30", "Eric Trump", ("Eric Trump", None, None)),
    ("Emmanel Macron a parlé à la presse.", "2020-08-30", "Macron", ("Emmanuel Macron", "FRA", "GOV")),
    # a relative is never the person their complement names
    ("Le frère de George Floyd a appelé les Nations unies à agir aux États-Unis.", "2020-06-17",
     "Le frère", (None, "USA", "CVL")),
    ("Son frère, Philonise Floyd, a témoigné à Genève.", "2020-06-17", "Son frère", ("Philonise Floyd", None, None)),
])
def test_unknown_people_and_titles(nlp, text, date, mention_text, expected):
    [actor] = mention(run(nlp, text, date), mention_text)["actors"]
    assert full(actor) == expected


@pytest.mark.parametrize("text, mention_text, expected", [
    # an organisation named after the noun that says what it is, and its later mentions
    ("D'après le site Lyon Matin, la manifestation a réuni 2 000 personnes en France.", "le site Lyon Matin",
     ("Lyon Matin", "FRA", "JRN")),
    ("Le site Lyon Matin a publié une enquête en France. Selon Lyon Matin, le maire a menti.", "Lyon Matin",
     ("Lyon Matin", "FRA", "JRN")),
    # a definite noun of a kind of organisation is the last one named of that kind
    ("Selon BFM TV, le convoi est parti. La chaîne d'information précise qu'il arrivera lundi.",
     "La chaîne d'information", ("BFM TV", "FRA", "JRN")),
    ("La CGT a appelé à la grève en France. Le syndicat réclame des hausses de salaire.", "Le syndicat",
     ("General Confederation of Labour (France)", "FRA", "LAB")),
    ("La FNSEA manifeste à Paris. Le syndicat majoritaire a annoncé des blocages.", "Le syndicat",
     ("National Federation of Agricultural Holders' Unions", "FRA", "AGR")),
    ("La SNCF a repris le trafic. Les syndicats ont rencontré la direction.", "la direction",
     ("SNCF", "FRA", "BUS")),
    # collectives of a sector take the country their adjective names
    ("Des médias américains ont révélé l'affaire.", "Des médias américains", (None, "USA", "JRN")),
    ("Des sources anonymes de la chaîne CNBC ont confirmé l'appel.", "Des sources anonymes de la chaîne",
     (None, "USA", "JRN")),
    ("Les services du prince Charles ont confirmé la visite.", "Les services du prince Charles", (None, "GBR", "GOV")),
    # health workers are CAMEO's health sector
    ("Emmanuel Macron a rendu hommage au personnel soignant en France.", "personnel soignant", (None, "FRA", "HLH")),
    # foreigners are not of the country the text is about
    ("Israël pourrait autoriser l'accès des journalistes étrangers à Gaza.", "des journalistes étrangers", (None, None, "JRN")),
    # an NGO named after the noun that says what it is
    ("L'ONG Sherpa a porté plainte contre TotalEnergies en France.", "L'ONG Sherpa", ("Sherpa", "FRA", "CVL")),
])
def test_organisations_and_collectives(nlp, text, mention_text, expected):
    [actor] = mention(run(nlp, text, "2020-06-18"), mention_text)["actors"]
    assert full(actor) == expected


@pytest.mark.parametrize("text, absent", [
    ("Le site nucléaire de Flamanville a été arrêté.", "Le site nucléaire"),
    ("Le ministre a défendu les droits de l'homme.", "l'homme"),
    ("Les députés socialistes ont voté contre le texte.", "socialistes"),
])
def test_words_of_kinds_of_actors_that_name_none(nlp, text, absent):
    assert absent not in [m["text"] for m in run(nlp, text, "2020-05-04")._.actors]


@pytest.mark.parametrize("text, date, occurrence, expected", [
    # a subject pronoun goes on with the subject of the sentence before, not the last person named
    ("Angela Merkel a reçu Emmanuel Macron à Berlin. Dans un entretien, elle a salué la rencontre.",
     "2019-01-01", 0, "Angela Merkel"),
    ("Le ministre Jean-Yves Le Drian a critiqué Donald Trump. Selon lui, la décision est une erreur.",
     "2019-01-01", 0, "Jean-Yves Le Drian"),
    # with no one named as that subject, the first one named: not the author of someone's speeches
    ("Mais d'autres vont plus loin, à l'image de David Frum, ancien auteur des discours de George W. Bush, "
     "comme l'a remarqué l'Obs. Dans une série de tweets, il dézingue Donald Trump.", "2018-11-11", 0, "David Frum"),
    # a person named inside someone else's quotation is not what a pronoun outside it refers to
    ("Vladimir Poutine a déclaré : « Donald Trump est un partenaire ». Il a ensuite quitté la salle.",
     "2019-01-01", 0, "Vladimir Putin"),
    # people the knowledge base does not know, and unnamed ones a title describes, are antecedents too
    ("Mme Claire Vasseur a pris la parole. Elle a dénoncé le projet.", "2020-05-04", 0, "Claire Vasseur"),
    ("En France, la maire a pris la parole. Elle a dénoncé le projet.", "2020-05-04", 0, "FRA/GOV"),
    # "lui" before its verb may stand for a woman, and is not the sentence's subject
    ("Emmanuel Macron a écrit à Angela Merkel. Il lui a demandé de l'aide.", "2019-01-01", 1, "Angela Merkel"),
    ("Jeanne Morel veut écrire à Melania Trump. \"Je vais lui demander de l'aide\", dit-elle.",
     "2020-09-04", 0, "Melania Trump"),
])
def test_pronouns(nlp, text, date, occurrence, expected):
    pronouns = [m for m in run(nlp, text, date)._.actors if m["how"] == "pronoun"]
    assert who(pronouns[occurrence]) == [expected]


@pytest.mark.parametrize("text, year, mention_text, expected", [
    # a year dates the clause it belongs to, not the sentence around it
    ("En 2009, le président américain s'est rendu au Caire.", "En 2009", "le président américain", "Barack Obama"),
    ("Le président américain a rappelé qu'il avait visité Le Caire en 2009.", "en 2009", "Le président américain",
     "Donald Trump"),
])
def test_a_year_dates_the_roles_of_its_clause(nlp, text, year, mention_text, expected):
    start = text.index(year)
    timex = {"start": start, "end": start + len(year), "text": year, "value": "2009", "type": "DATE",
             "granularity": "year"}
    assert who(mention(run(nlp, text, "2018-10-24", [timex]), mention_text)) == [expected]


@pytest.mark.parametrize("text, mention_text", [("L'Elysee a démenti l'information.", "L'Elysee"),
                                                ("Les Etats-Unis ont protesté.", "Les Etats-Unis")])
def test_names_match_without_their_accents(nlp, text, mention_text):
    assert mention(run(nlp, text, "2020-05-04"), mention_text)["actors"]
