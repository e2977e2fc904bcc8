"""veille_timex: French temporal expressions and their TIMEX3 values, one table per family.

Each case is a sentence, the expression to look at, and what veille must give it, against
a publication date (Wednesday 24 October 2018 unless a table says otherwise). The sentences
go through the real model: the tense of the clause decides partial dates.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
import spacy
import typer
from typer.testing import CliRunner

from veille.cli.dates import dates
from veille.lang import lang_path, table
from veille.temporal import annotate, find_dates
from veille.temporal.calendar import Period, choose, easter, full_year
from veille.temporal.grammar import grammar, normalise, roman_number
from veille.temporal.resolve import RECIPE

WEDNESDAY = "2018-10-24"  # ISO week 43

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def timexes_of():
    """The timexes of a text through the real model, loaded once."""
    find_dates("chargement", WEDNESDAY)
    return find_dates


def found(timexes_of, text: str, expression: str, published: str = WEDNESDAY):
    """The timex that overlaps `expression` (its first occurrence in `text`) the most."""
    start = text.index(expression)
    end = start + len(expression)
    overlapping = [t for t in timexes_of(text, published) if t.start < end and start < t.end]
    return max(overlapping, key=lambda t: min(t.end, end) - max(t.start, start), default=None)


def assert_date(timexes_of, text, expression, value, published=WEDNESDAY):
    timex = found(timexes_of, text, expression, published)
    assert timex is not None, f"nothing found for {expression!r}"
    assert (timex.value, timex.type) == (value, "DATE")


ABSOLUTE = [
    ("Le sommet s'est tenu le 16 juillet 2018 à Helsinki.", "le 16 juillet 2018", "2018-07-16"),
    ("Il est né le 3 mars 1950 à Lyon.", "3 mars 1950", "1950-03-03"),
    ("Rendez-vous est pris pour le 16/07/2018 à Paris.", "16/07/2018", "2018-07-16"),
    ("La loi date du 16.07.18 selon le Journal officiel.", "16.07.18", "2018-07-16"),
    ("Le décret du 2018-07-16 a été publié.", "2018-07-16", "2018-07-16"),
    ("Le contrat court jusqu'au 31-12-2019 au plus tard.", "31-12-2019", "2019-12-31"),
    ("Les chiffres de 07/2018 sont mauvais.", "07/2018", "2018-07"),
    ("Les défilés du 1er mai ont rassemblé des milliers de personnes.", "1er mai", "2018-05-01"),
    ("Les syndicats défileront le 1er mai.", "1er mai", "2019-05-01"),
    ("Le premier mai, les syndicats défileront.", "premier mai", "2019-05-01"),
    ("Le 1er janvier 2019, la réforme entre en vigueur.", "1er janvier 2019", "2019-01-01"),
    ("Les prix ont augmenté en juillet 2018.", "juillet 2018", "2018-07"),
    ("Les prix augmenteront en mars 2020.", "mars 2020", "2020-03"),
    ("En 2017, le pays a voté.", "2017", "2017"),
    ("Le bug de l'an 2000 n'a pas eu lieu.", "l'an 2000", "2000"),
    ("L'année 2001 a été marquée par les attentats.", "2001", "2001"),
    ("Depuis 2014, la Crimée est annexée.", "2014", "2014"),
    ("La prise de la Bastille en 1789 reste un symbole.", "1789", "1789"),
    ("Le pays s'est endetté dans les années 1990.", "années 1990", "199X"),
    ("Les années 90 ont vu la fin de la guerre froide.", "années 90", "199X"),
    ("Au début des années 2000, la croissance était forte.", "années 2000", "200X"),
    ("Au XXe siècle, deux guerres mondiales ont eu lieu.", "XXe siècle", "19"),
    ("Le pays s'est industrialisé au XIXe siècle.", "XIXe siècle", "18"),
    ("Les défis du XXIe siècle sont immenses.", "XXIe siècle", "20"),
    ("Le monde a changé au vingtième siècle.", "vingtième siècle", "19"),
    ("Depuis le 11-Septembre, la lutte antiterroriste domine.", "11-Septembre", "2001-09-11"),
    ("Le sommet a eu lieu le jeudi 12 septembre 2002.", "12 septembre 2002", "2002-09-12"),
    ("Le texte sera voté le 31 décembre 2019.", "31 décembre 2019", "2019-12-31"),
    ("L'objectif de neutralité carbone est fixé d'ici à 2030.", "2030", "2030"),
    ("La crise de octobre 98 a laissé des traces.", "octobre 98", "1998-10"),
    ("Le carambolage du 10 novembre 93, sur l'A10, a fait 15 morts.", "10 novembre 93", "1993-11-10"),
    ("Le festival reviendra au printemps 2020.", "printemps 2020", "2020-SP"),
    ("Il a été élu à l'été 2016.", "l'été 2016", "2016-SU"),
    ("Les récoltes de l'automne 2017 ont été mauvaises.", "automne 2017", "2017-FA"),
    ("Les résultats du premier trimestre 2019 sont bons.", "premier trimestre 2019", "2019-Q1"),
    ("Au deuxième semestre 2017, le chômage a baissé.", "deuxième semestre 2017", "2017-H2"),
    ("Il est né le 29 février 2016.", "29 février 2016", "2016-02-29"),
    ("Fin septembre 2000, le pays est entré en récession.", "septembre 2000", "2000-09"),
    ("La messe de Pâques 2019 a été célébrée à Rome.", "Pâques 2019", "2019-04-21"),
    ("Le lundi de Pentecôte 2019 était férié.", "lundi de Pentecôte", "2019-06-10"),
    ("La Toussaint 2016 est tombée un mardi.", "Toussaint 2016", "2016-11-01"),
    ("Le 14 juillet 1789, la Bastille est tombée.", "14 juillet 1789", "1789-07-14"),
    ("Le discours de mai 68 est resté célèbre.", "mai 68", "1968-05"),
    ("Les chiffres de janv. 2019 sont publiés.", "janv. 2019", "2019-01"),
    ("Le 3 sept. 2018, le procès s'est ouvert.", "3 sept. 2018", "2018-09-03"),
]


@pytest.mark.parametrize("text, expression, value", ABSOLUTE)
def test_absolute_dates(timexes_of, text, expression, value):
    assert_date(timexes_of, text, expression, value)


PARTIAL_BY_TENSE = [
    # future, conditional, planned: the next occurrence
    ("Le sommet aura lieu le 11 novembre à Paris.", "11 novembre", "2018-11-11"),
    ("Le sommet devrait avoir lieu le 11 novembre.", "11 novembre", "2018-11-11"),
    # a conditional the tagger takes for an imperfect, in reported speech: still to come
    ("Le président a annoncé qu'il réunirait vendredi les syndicats.", "vendredi", "2018-10-26"),
    ("La rencontre, prévue le 11 novembre, se tiendra à Paris.", "11 novembre", "2018-11-11"),
    ("Le sommet doit se tenir le 11 novembre.", "11 novembre", "2018-11-11"),
    ("Les élections se tiendront le 6 mai.", "6 mai", "2019-05-06"),
    ("Le président se rendra à Moscou le 30 octobre.", "30 octobre", "2018-10-30"),
    ("La conférence se tiendra en janvier.", "janvier", "2019-01"),
    ("Il partira en décembre pour Pékin.", "décembre", "2018-12"),
    ("Le vote pourrait avoir lieu en mars.", "mars", "2019-03"),
    ("Le ministre annoncera lundi sa démission.", "lundi", "2018-10-29"),
    ("Il s'exprimera vendredi devant la presse.", "vendredi", "2018-10-26"),
    ("Il devrait s'exprimer vendredi devant la presse.", "vendredi", "2018-10-26"),
    ("Le vote aura lieu samedi matin.", "samedi", "2018-10-27"),
    ("Il doit se rendre jeudi à Berlin.", "jeudi", "2018-10-25"),
    ("Il va se rendre jeudi à Berlin.", "jeudi", "2018-10-25"),
    ("Il se rendra à Berlin ce vendredi.", "ce vendredi", "2018-10-26"),
    ("Les deux dirigeants se rencontreront le jeudi 3 janvier.", "3 janvier", "2019-01-03"),
    ("Le sommet se tiendra le 20 octobre prochain.", "20 octobre prochain", "2019-10-20"),
    ("Le sommet se tiendra le 11 novembre prochain.", "11 novembre prochain", "2018-11-11"),
    # past: the last occurrence
    ("Le sommet s'est tenu le 11 novembre.", "11 novembre", "2017-11-11"),
    ("Il a été élu le 7 mai.", "7 mai", "2018-05-07"),
    ("Il s'est rendu à Moscou le 23 octobre.", "23 octobre", "2018-10-23"),
    ("Les ventes ont chuté en janvier.", "janvier", "2018-01"),
    ("Il est arrivé en décembre.", "décembre", "2017-12"),
    ("Le ministre a annoncé lundi sa démission.", "lundi", "2018-10-22"),
    ("Il s'est exprimé vendredi devant la presse.", "vendredi", "2018-10-19"),
    ("Il a parlé dimanche soir à la télévision.", "dimanche soir", "2018-10-21"),
    ("Le Kremlin s'est dit prêt ce mercredi à discuter.", "ce mercredi", "2018-10-24"),
    ("Mercredi, le Kremlin a déclaré qu'il était prêt.", "Mercredi", "2018-10-24"),
    ("Le ministre avait démissionné le 6 mai dernier.", "6 mai dernier", "2018-05-06"),
    ("Un sondage publié le 28 septembre montre un recul.", "28 septembre", "2018-09-28"),
    ("Il était à Rome mardi.", "mardi", "2018-10-23"),
    ("Il serait arrivé mardi à Rome.", "mardi", "2018-10-23"),
    # present or no verb: the nearest occurrence
    ("La rencontre du 11 novembre à Paris constitue une priorité.", "11 novembre", "2018-11-11"),
    ("Sommet du 16 juillet : le bilan.", "16 juillet", "2018-07-16"),
    ("Le mercredi 31, la réunion.", "mercredi 31", "2018-10-31"),
    ("Le lundi 1er, les comptes.", "lundi 1er", "2018-10-01"),
    # a date a few days off needs no year, whatever the tense
    ("Le vote a été reporté au 30 octobre.", "30 octobre", "2018-10-30"),
    # compound tenses and passives
    ("La reprise des séances est fixée au 16 novembre.", "16 novembre", "2018-11-16"),
    ("Le texte sera examiné après être repassé par l'Assemblée le 25 novembre.", "25 novembre", "2018-11-25"),
    ("Il est arrivé en décembre.", "décembre", "2017-12"),
    ("Le sommet s'est déroulé en décembre.", "décembre", "2017-12"),
    ("Les syndicats défileront en décembre.", "décembre", "2018-12"),
    ("La reprise est fixée au jeudi 15 novembre.", "jeudi 15 novembre", "2018-11-15"),
]


@pytest.mark.parametrize("text, expression, value", PARTIAL_BY_TENSE)
def test_partial_dates_are_completed_from_the_tense(timexes_of, text, expression, value):
    assert_date(timexes_of, text, expression, value)


DEICTIC = [
    ("Aujourd'hui, le gouvernement a présenté son budget.", "Aujourd'hui", "2018-10-24"),
    ("Le ministre a démissionné hier.", "hier", "2018-10-23"),
    ("Le texte a été voté avant-hier.", "avant-hier", "2018-10-22"),
    ("Le texte sera voté demain.", "demain", "2018-10-25"),
    ("Le texte sera voté après-demain.", "après-demain", "2018-10-26"),
    ("Le président a parlé ce matin.", "ce matin", "2018-10-24"),
    ("Le président parlera ce soir.", "ce soir", "2018-10-24"),
    ("Le président a parlé hier soir.", "hier soir", "2018-10-23"),
    ("Le président parlera demain matin.", "demain matin", "2018-10-25"),
    ("Le président a parlé mercredi dernier.", "mercredi dernier", "2018-10-17"),
    ("Le président a parlé lundi dernier.", "lundi dernier", "2018-10-22"),
    ("Le président a parlé vendredi dernier.", "vendredi dernier", "2018-10-19"),
    ("Le président parlera mardi prochain.", "mardi prochain", "2018-10-30"),
    ("Le président parlera mercredi prochain.", "mercredi prochain", "2018-10-31"),
    ("Le texte sera examiné cette semaine.", "cette semaine", "2018-W43"),
    ("Le texte a été examiné la semaine dernière.", "la semaine dernière", "2018-W42"),
    ("Le texte a été examiné la semaine passée.", "la semaine passée", "2018-W42"),
    ("Le texte sera examiné la semaine prochaine.", "la semaine prochaine", "2018-W44"),
    ("Le texte sera examiné ce mois-ci.", "ce mois-ci", "2018-10"),
    ("Le texte a été examiné le mois dernier.", "le mois dernier", "2018-09"),
    ("Le texte sera examiné le mois prochain.", "le mois prochain", "2018-11"),
    ("La croissance sera faible cette année.", "cette année", "2018"),
    ("La croissance a été faible l'année dernière.", "l'année dernière", "2017"),
    ("La croissance a été faible l'an dernier.", "l'an dernier", "2017"),
    ("La croissance a été faible l'an passé.", "l'an passé", "2017"),
    ("La croissance sera forte l'année prochaine.", "l'année prochaine", "2019"),
    ("La croissance sera forte l'an prochain.", "l'an prochain", "2019"),
    ("La croissance sera forte l'année en cours.", "l'année en cours", "2018"),
    ("Les incendies ont été nombreux cet été.", "cet été", "2018-SU"),
    ("Les incendies ont été nombreux l'été dernier.", "l'été dernier", "2018-SU"),
    ("Le festival aura lieu l'été prochain.", "l'été prochain", "2019-SU"),
    ("Le froid arrivera l'hiver prochain.", "l'hiver prochain", "2018-WI"),
    ("Les feuilles tombent cet automne.", "cet automne", "2018-FA"),
    ("Il se rendra à Paris ce week-end.", "ce week-end", "2018-W43-WE"),
    ("Il s'est rendu à Paris le week-end dernier.", "le week-end dernier", "2018-W42-WE"),
    ("Les résultats de ce trimestre sont bons.", "ce trimestre", "2018-Q4"),
    ("Les résultats du trimestre prochain seront bons.", "trimestre prochain", "2019-Q1"),
    ("Les technologies du siècle dernier sont dépassées.", "siècle dernier", "19"),
    ("Les défis de cette décennie sont immenses.", "cette décennie", "201X"),
    ("Le texte sera voté à la fin de l'année.", "fin de l'année", "2018"),
    ("Le texte sera voté au début du mois prochain.", "début du mois prochain", "2018-11"),
    ("Le texte sera voté en fin de semaine.", "fin de semaine", "2018-W43"),
    ("Le déficit a dérapé à la fin de l'année dernière.", "fin de l'année dernière", "2017"),
    ("Il est arrivé il y a trois jours.", "il y a trois jours", "2018-10-21"),
    ("Il est arrivé il y a 3 jours.", "il y a 3 jours", "2018-10-21"),
    ("Il est arrivé il y a quinze jours.", "il y a quinze jours", "2018-10-09"),
    ("Il est arrivé il y a deux semaines.", "il y a deux semaines", "2018-W41"),
    ("Il est arrivé il y a une semaine.", "il y a une semaine", "2018-W42"),
    ("Il est arrivé il y a trois mois.", "il y a trois mois", "2018-07"),
    ("Il est arrivé il y a deux ans.", "il y a deux ans", "2016"),
    ("Il est arrivé il y a un an.", "il y a un an", "2017"),
    ("Il est arrivé il y a onze ans.", "il y a onze ans", "2007"),
    ("Il est arrivé voilà deux ans.", "voilà deux ans", "2016"),
    ("Il est arrivé il y a plus de deux ans.", "il y a plus de deux ans", "2016"),
    ("Il partira dans deux semaines.", "dans deux semaines", "2018-W45"),
    ("Il partira dans trois jours.", "dans trois jours", "2018-10-27"),
    ("Il partira dans six mois.", "dans six mois", "2019-04"),
    ("Il partira dans dix ans.", "dans dix ans", "2028"),
    ("Il partira dans vingt ans.", "dans vingt ans", "2038"),
    ("Les réserves seront épuisées d'ici cinq ans.", "d'ici cinq ans", "2023"),
    ("Le texte sera voté d'ici à 2030.", "d'ici à 2030", "2030"),
]


@pytest.mark.parametrize("text, expression, value", DEICTIC)
def test_deictic_expressions_are_anchored_on_the_publication_date(timexes_of, text, expression, value):
    assert_date(timexes_of, text, expression, value)


ANAPHORIC = [
    ("Il est arrivé à Paris le 3 mai 2015. La veille, il était à Rome.", "La veille", "2015-05-02"),
    ("Il est arrivé à Paris le 3 mai 2015. Le lendemain, il est parti.", "Le lendemain", "2015-05-04"),
    ("Il est arrivé à Paris le 3 mai 2015. Le surlendemain, il est parti.", "Le surlendemain", "2015-05-05"),
    ("Il est arrivé à Paris le 3 mai 2015. Deux jours plus tard, il est parti.", "Deux jours plus tard", "2015-05-05"),
    ("Il est arrivé à Paris le 3 mai 2015. Trois mois après, il est parti.", "Trois mois après", "2015-08"),
    # counted from the date of the event named after it, not from the story's date
    ("La Cédéao a imposé des sanctions deux jours après le putsch du 18 août 2020.", "deux jours après", "2020-08-20"),
    ("La Cédéao s'est réunie au lendemain du putsch du 18 août 2020.", "au lendemain", "2020-08-19"),
    ("Il est arrivé le 3 mai 2015. Trois semaines avant l'élection du 5 mai 2019, il a démissionné.",
     "Trois semaines avant", "2019-W15"),
    ("Il est arrivé le 3 mai 2015. Deux jours après le président est reparti le 9 mai 2015.", "Deux jours après", "2015-05-05"),
    ("Il est arrivé à Paris le 3 mai 2015. Deux ans plus tôt, il vivait à Rome.", "Deux ans plus tôt", "2013"),
    ("Il est arrivé à Paris le 3 mai 2015. Le même jour, il a parlé.", "Le même jour", "2015-05-03"),
    ("Il est arrivé à Paris le 3 mai 2015. Ce jour-là, il a parlé.", "Ce jour-là", "2015-05-03"),
    ("Il est arrivé à Paris le 3 mai 2015. Le soir même, il a parlé.", "Le soir même", "2015-05-03"),
    ("Il est arrivé à Paris le 3 mai 2015. La semaine suivante, il a parlé.", "La semaine suivante", "2015-W19"),
    ("Il est arrivé à Paris le 3 mai 2015. Le mois suivant, il a parlé.", "Le mois suivant", "2015-06"),
    ("Ils se sont vus à Hambourg en 2017, puis la même année au Vietnam.", "la même année", "2017"),
    ("Ils se sont vus à Hambourg en 2017. Cette année-là, la croissance a été forte.", "Cette année-là", "2017"),
    ("Ils se sont vus à Hambourg en 2017. L'année suivante, ils ont signé.", "L'année suivante", "2018"),
    ("Ils se sont vus à Hambourg en 2017. L'année précédente, ils s'étaient ignorés.", "L'année précédente", "2016"),
    ("Le 3 mai 2015, il est arrivé. En 2017, il est reparti. Le lendemain, il a parlé.", "Le lendemain", "2015-05-04"),
    ("En 2015, le 3 mai, il a signé l'accord.", "le 3 mai", "2015-05-03"),
    ("Deux ruptures en 97 (en janvier et en octobre), rien en 98.", "en janvier", "1997-01"),
    ("Le lendemain, il a démissionné.", "Le lendemain", "2018-10-25"),
    # a look back does not move the narrative: the second "la veille" is the same day
    ("Il a été arrêté le 24 février 2019. Des faits similaires s'étaient produits la veille. Son frère "
     "affirme l'avoir vu la veille.", "vu la veille", "2019-02-23"),
    ("La police est intervenue lundi. Dans la soirée, la foule s'est dispersée.", "Dans la soirée", "2018-10-22"),
    ("Il est arrivé le 3 mai 2015. En fin d'après-midi, il a parlé.", "En fin d'après-midi", "2015-05-03"),
    ("Des heurts ont éclaté dans la nuit de samedi à dimanche.", "dans la nuit de samedi à dimanche", "2018-10-20"),
    ("Il a effectué dans la matinée de jeudi 27 septembre une visite.", "dans la matinée de jeudi 27 septembre",
     "2018-09-27"),
]


@pytest.mark.parametrize("text, expression, value", ANAPHORIC)
def test_anaphoric_expressions_are_anchored_on_the_narrative(timexes_of, text, expression, value):
    assert_date(timexes_of, text, expression, value)


FUZZY = [
    ("La réforme entrera en vigueur début 2019.", "début 2019", "2019"),
    ("Le texte sera voté fin 2018.", "fin 2018", "2018"),
    ("La croissance reprendra mi-2019.", "mi-2019", "2019"),
    ("Il partira fin octobre.", "fin octobre", "2018-10"),
    ("Le sommet aura lieu mi-novembre.", "mi-novembre", "2018-11"),
    ("Le sommet aura lieu à la mi-décembre.", "mi-décembre", "2018-12"),
    ("Le sommet aura lieu début décembre.", "début décembre", "2018-12"),
    ("Le sommet se tiendra courant mars.", "courant mars", "2019-03"),
    ("Le festival reviendra au printemps 2020.", "printemps 2020", "2020-SP"),
    ("Au début des années 2000, la croissance était forte.", "début des années 2000", "200X"),
    ("Au milieu des années 1980, le mur tenait encore.", "années 1980", "198X"),
    ("À la fin du XIXe siècle, Paris s'est transformé.", "fin du XIXe siècle", "18"),
    ("Le texte a été adopté au début de l'année.", "début de l'année", "2018"),
    ("Les négociations reprendront à la fin du mois.", "fin du mois", "2018-10"),
    ("Le projet de loi revient au Sénat à la fin du moisLe texte prévoit", "fin du mois", "2018-10"),
]


@pytest.mark.parametrize("text, expression, value", FUZZY)
def test_fuzzy_positions_take_the_value_of_their_period(timexes_of, text, expression, value):
    assert_date(timexes_of, text, expression, value)


REFERENCES = [
    ("La France préside actuellement le Conseil de sécurité.", "actuellement", "PRESENT_REF"),
    ("Il n'est pas question de ça pour le moment.", "pour le moment", "PRESENT_REF"),
    ("Pour l'instant, aucune décision n'a été prise.", "Pour l'instant", "PRESENT_REF"),
    ("Pour l'heure, le bilan est provisoire.", "Pour l'heure", "PRESENT_REF"),
    ("À l'heure actuelle, le bilan est provisoire.", "l'heure actuelle", "PRESENT_REF"),
    ("Le pays traverse en ce moment une crise.", "en ce moment", "PRESENT_REF"),
    ("De nos jours, la presse souffre.", "De nos jours", "PRESENT_REF"),
    ("Nous devons maintenant préparer cette réunion.", "maintenant", "PRESENT_REF"),
    ("Encore aujourd'hui, les pratiques policières sont dénoncées.", "Encore aujourd'hui", "PRESENT_REF"),
    ("Le pays a connu de telles crises par le passé.", "par le passé", "PAST_REF"),
    ("Autrefois, la ville était prospère.", "Autrefois", "PAST_REF"),
    ("Il faudra être plus prudent à l'avenir.", "à l'avenir", "FUTURE_REF"),
    ("Le texte sera examiné prochainement.", "prochainement", "FUTURE_REF"),
    ("Ils devraient revenir dans les prochaines semaines.", "dans les prochaines semaines", "FUTURE_REF"),
    ("La centrale a été inaugurée il y a quelques mois.", "il y a quelques mois", "PAST_REF"),
    ("La situation aurait été réglée il y a quatre ou cinq ans.", "il y a quatre ou cinq ans", "PAST_REF"),
    ("Les réserves seront épuisées dans quelques années.", "dans quelques années", "FUTURE_REF"),
]


@pytest.mark.parametrize("text, expression, value", REFERENCES)
def test_present_past_and_future_references(timexes_of, text, expression, value):
    assert_date(timexes_of, text, expression, value)


NOT_DATES = [
    # durations, sets and clock times are typed so, never emitted as dates
    ("Il est resté pendant deux ans à Rome.", "pendant deux ans", "DURATION", "P2Y"),
    ("Il a passé trois jours à Rome.", "trois jours", "DURATION", "P3D"),
    ("Le conflit dure depuis une vingtaine d'années.", "une vingtaine d'années", "DURATION", "P20Y"),
    ("Le conflit dure depuis trois mois.", "depuis trois mois", "DURATION", "P3M"),
    ("Les négociations ont duré des années.", "des années", "DURATION", "PXY"),
    ("Les négociations ont duré plusieurs semaines.", "plusieurs semaines", "DURATION", "PXW"),
    ("Les négociations ont duré quelques jours.", "quelques jours", "DURATION", "PXD"),
    ("La réunion a duré deux heures.", "deux heures", "DURATION", "PT2H"),
    ("Le vote a eu lieu en 24 heures.", "24 heures", "DURATION", "PT24H"),
    ("La réunion a duré 45 minutes.", "45 minutes", "DURATION", "PT45M"),
    ("Le pays a connu une décennie de croissance.", "une décennie", "DURATION", "P10Y"),
    ("La monarchie a duré un siècle.", "un siècle", "DURATION", "P100Y"),
    ("Le chômage a baissé pendant deux trimestres.", "deux trimestres", "DURATION", "P6M"),
    ("Le prix a doublé ces derniers mois.", "ces derniers mois", "DURATION", "PXM"),
    ("Il a été hospitalisé une dizaine de jours.", "une dizaine de jours", "DURATION", "P10D"),
    ("Il a été condamné à un an de prison.", "un an", "DURATION", "P1Y"),
    ("Le festival a lieu chaque année.", "chaque année", "SET", "P1Y"),
    ("Le marché se tient tous les jours.", "tous les jours", "SET", "P1D"),
    ("Le comité se réunit toutes les semaines.", "toutes les semaines", "SET", "P1W"),
    ("Les élections ont lieu tous les deux ans.", "tous les deux ans", "SET", "P2Y"),
    ("Le conseil se réunit chaque mois.", "chaque mois", "SET", "P1M"),
    ("Le marché se tient chaque lundi.", "chaque lundi", "SET", "XXXX-WXX-1"),
    ("Le marché se tient tous les mardis.", "tous les mardis", "SET", "XXXX-WXX-2"),
    ("Le musée est ouvert le mercredi.", "le mercredi", "SET", "XXXX-WXX-3"),
    ("Il se rend à Paris deux fois par an.", "par an", "SET", "P1Y"),
    ("Le journal paraît trois fois par semaine.", "par semaine", "SET", "P1W"),
]


@pytest.mark.parametrize("text, expression, type_, value", NOT_DATES)
def test_durations_and_sets_are_typed_as_such(timexes_of, text, expression, type_, value):
    timex = found(timexes_of, text, expression)
    assert timex is not None
    assert (timex.type, timex.value) == (type_, value)


CLOCK_TIMES = [
    ("Le discours est prévu à 20 heures.", "20 heures", "T20:00"),
    ("Le discours est prévu à 20h30.", "20h30", "T20:30"),
    ("Le discours est prévu à 14 h.", "14 h", "T14:00"),
    ("Le blessé a été transporté vers 21 h 45.", "21 h 45", "T21:45"),
    ("Le discours est prévu à 8h.", "8h", "T08:00"),
]


@pytest.mark.parametrize("text, expression, clock", CLOCK_TIMES)
def test_clock_times_are_times(timexes_of, text, expression, clock):
    timex = found(timexes_of, text, expression)
    assert timex is not None and timex.type == "TIME"
    assert timex.value.endswith(clock)


def test_a_clock_time_takes_the_day_of_the_narrative(timexes_of):
    timexes = timexes_of("Il est arrivé hier à 20 heures.", WEDNESDAY)
    assert [(t.type, t.value) for t in timexes] == [("DATE", "2018-10-23"), ("TIME", "2018-10-23T20:00")]


LOOK_LIKE_DATES = [
    ("Le sommet du G20 s'est ouvert à Buenos Aires.", "G20"),
    ("L'article 5 du traité de l'Atlantique Nord a été invoqué.", "article 5"),
    ("Plus de 2 000 soldats ont été déployés.", "2 000 soldats"),
    ("Plus de 2000 soldats ont été déployés.", "2000"),
    ("Le pays a versé 1500 euros à chaque famille.", "1500"),
    ("Près de 20.000 personnes ont manifesté.", "20.000"),
    ("La cérémonie du centenaire de l'Armistice de 1918 aura lieu à Paris.", "1918"),
    ("La loi de 1905 sépare les Églises et l'État.", "1905"),
    ("La finale de l'Euro 2016 a été perdue.", "2016"),
    ("L'Airbus A320 a décollé.", "A320"),
    ("Il a été élu député en juin.", "été"),
    ("Les inflations ont été fortes.", "été"),
    ("La mission vers Mars est reportée.", "Mars"),
    ("L'exploration de Mars coûte cher.", "Mars"),
    ("Le journal France Dimanche a été condamné.", "France"),
    ("La COP21 s'est tenue à Paris.", "COP21"),
    ("Il a obtenu 51,2 % des voix.", "51,2"),
    ("Le score final est de 3 à 1.", "3 à 1"),
    ("Le vol AF1234 a été annulé.", "AF1234"),
    ("Il habite au 12 rue de la Paix.", "12 rue"),
]


@pytest.mark.parametrize("text, expression", LOOK_LIKE_DATES)
def test_what_only_looks_like_a_date_is_no_date(timexes_of, text, expression):
    timex = found(timexes_of, text, expression)
    assert timex is None or timex.type != "DATE"


def test_a_number_that_counts_a_noun_leaves_the_date_before_it(timexes_of):
    text = "Le 3 juillet 18 personnes ont été arrêtées."
    assert [(t.text, t.value) for t in timexes_of(text, WEDNESDAY)] == [("Le 3 juillet", "2018-07-03")]


OTHER_PUBLICATION_DATES = [
    # publication date, sentence, expression, value
    ("2020-06-12", "Emmanuel Macron se rendra jeudi à Londres.", "jeudi", "2020-06-18"),
    ("2020-06-12", "Les services du prince Charles ont annoncé vendredi sa venue.", "vendredi", "2020-06-12"),
    ("2020-07-02", "Le Congrès américain a adopté jeudi une loi.", "jeudi", "2020-07-02"),
    ("2020-07-02", "La Chambre l'avait approuvé mercredi à l'unanimité.", "mercredi", "2020-07-01"),
    ("2019-01-18", "Le débat du 15 janvier a réuni 600 maires.", "15 janvier", "2019-01-15"),
    ("2019-01-18", "Il participera au débat du 21 janvier.", "21 janvier", "2019-01-21"),
    ("2019-01-18", "Il participera au débat dans la semaine du 21 janvier.", "semaine du 21 janvier", "2019-W04"),
    ("2019-12-30", "Le texte sera voté le 2 janvier.", "2 janvier", "2020-01-02"),
    ("2020-01-03", "Le texte a été voté le 30 décembre.", "30 décembre", "2019-12-30"),
    ("2020-01-03", "La croissance a été faible l'an dernier.", "l'an dernier", "2019"),
    ("2020-01-03", "La croissance sera forte cette année.", "cette année", "2020"),
    ("2020-03-01", "Il est né le 29 février 2016.", "29 février 2016", "2016-02-29"),
    ("2003-02-04", "Les pompiers sont intervenus ce week-end.", "ce week-end", "2003-W05-WE"),
    ("2015-12-28", "Il est arrivé il y a une semaine.", "il y a une semaine", "2015-W52"),
    ("2016-01-01", "Il est arrivé la semaine dernière.", "la semaine dernière", "2015-W52"),
    ("2021-01-04", "Il est arrivé la semaine dernière.", "la semaine dernière", "2020-W53"),
    ("2019-01-15", "Le froid de cet hiver est exceptionnel.", "cet hiver", "2018-WI"),
    ("2019-03-13", "Le pape sera à Rome pour Pâques.", "Pâques", "2019-04-21"),
    ("2018-10-24", "Le président sera là à Noël.", "à Noël", "2018-12-25"),
    ("1999-05-27", "Le ministre a démissionné hier.", "hier", "1999-05-26"),
    ("2016-03-01", "Le texte sera voté le 29 février.", "29 février", "2016-02-29"),
]


@pytest.mark.parametrize("published, text, expression, value", OTHER_PUBLICATION_DATES)
def test_other_publication_dates(timexes_of, published, text, expression, value):
    assert_date(timexes_of, text, expression, value, published)


def test_without_a_publication_date_absolute_dates_still_resolve(timexes_of):
    timexes = timexes_of("Le 16 juillet 2018, hier, il est venu.", None)
    assert [(t.text, t.value) for t in timexes] == [("Le 16 juillet 2018", "2018-07-16"), ("hier", None)]


def test_every_timex_indexes_the_text(timexes_of):
    text = "Le 16 juillet, hier soir et l’année prochaine ; il y a deux ans, chaque année, à 20 heures."
    timexes = timexes_of(text, WEDNESDAY)
    assert len(timexes) == 6
    assert all(text[t.start:t.end] == t.text for t in timexes)
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:]))


def test_typographic_apostrophes_and_spaces_are_handled(timexes_of):
    text = "Le texte sera voté l’année\u00a0prochaine, d’ici\u202fà 2030."
    assert [t.value for t in timexes_of(text, WEDNESDAY)] == ["2019", "2030"]


def test_an_expression_never_spans_two_lines(timexes_of):
    assert [t.text for t in timexes_of("Il viendra le 3\nmai il partira.", WEDNESDAY)] == []


# --- the seed article and the component ------------------------------------------------


@pytest.fixture(scope="module")
def seed_gold():
    from pathlib import Path

    with open(Path(__file__).parent / "gold" / "seed.jsonl", encoding="utf-8") as f:
        return json.loads(f.readline())


def test_every_date_of_the_seed_is_found_with_its_value(timexes_of, seed_gold):
    timexes = timexes_of(seed_gold["text"], seed_gold["date"])
    for gold in seed_gold["timex"]:
        end = gold["start"] + len(gold["text"])
        matched = [t for t in timexes if t.start < end and gold["start"] < t.end]
        assert [t.value for t in matched] == [gold["value"]], gold["text"]


def test_the_component_runs_in_a_users_spacy_pipeline():
    nlp = spacy.blank("fr")
    nlp.add_pipe("veille_timex")
    doc = nlp.make_doc("La réunion aura lieu le 11 novembre. La veille, les ministres dîneront.")
    doc._.published = WEDNESDAY
    doc = nlp(doc)
    assert [(t["text"], t["value"], t["granularity"]) for t in doc._.timexes] == [
        ("le 11 novembre", "2018-11-11", "day"), ("La veille", "2018-11-10", "day")]


def test_a_part_of_the_day_is_of_a_day_just_named_or_else_of_the_story(timexes_of):
    text = ("Le putsch a eu lieu le 18 août. Les militaires ont pris le pouvoir. Ils ont nommé un président. "
            "La Cédéao a réagi. Une manifestation était organisée dans l'après-midi à Bamako.")
    assert [t.value for t in timexes_of(text, WEDNESDAY)] == ["2018-08-18", "2018-10-24"]
    text = "Le sommet s'est tenu le 18 août. Une manifestation était organisée dans l'après-midi."
    assert [t.value for t in timexes_of(text, WEDNESDAY)] == ["2018-08-18", "2018-08-18"]


@pytest.mark.parametrize("text", [
    "Il est arrivé à Paris le 3 mai 2015. Au lendemain de son arrivée, il a parlé.",
    "La réunion aura lieu le 11 novembre, la veille du sommet.",
    "La convention a eu lieu le 24 août, deux mois après avoir mis en joue des manifestants.",
])
def test_a_day_counted_from_an_undated_event_is_not_given_the_storys_date(timexes_of, text):
    assert [t.text for t in timexes_of(text, WEDNESDAY)][1:] == []


def test_the_pipeline_sets_timexes(timexes_of):
    from veille.pipeline import load

    nlp = load("fr")
    doc = nlp.make_doc("Il est arrivé hier.")
    doc._.published = WEDNESDAY
    assert nlp(doc)._.timexes == [{"start": 14, "end": 18, "text": "hier", "value": "2018-10-23",
                                   "type": "DATE", "granularity": "day"}]


# --- the command -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli():
    app = typer.Typer()
    app.command()(dates)
    runner = CliRunner()
    return lambda *args, **kwargs: runner.invoke(app, list(args), **kwargs)


def test_the_command_prints_json_lines(cli):
    result = cli("Il viendra le 11 novembre, pas hier.", "--date", WEDNESDAY, "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line) for line in result.output.splitlines()] == [
        {"text": "le 11 novembre", "start": 11, "end": 25, "value": "2018-11-11", "type": "DATE"},
        {"text": "hier", "start": 31, "end": 35, "value": "2018-10-23", "type": "DATE"}]


def test_the_command_reads_standard_input_and_prints_a_table(cli):
    result = cli("-", "--date", WEDNESDAY, input="Il est venu hier.")
    assert result.exit_code == 0
    assert "2018-10-23" in result.output and "hier" in result.output


@pytest.mark.parametrize("bad", ["2018-13-01", "24/10/2018", "demain"])
def test_the_command_refuses_a_date_that_is_not_one(cli, bad):
    result = cli("hier", "--date", bad)
    assert result.exit_code == 2


# --- calendar arithmetic, without the model ---------------------------------------------

PERIODS = [
    (date(2018, 10, 24), "day", "2018-10-24"),
    (date(2018, 10, 24), "week", "2018-W43"),
    (date(2018, 10, 24), "weekend", "2018-W43-WE"),
    (date(2018, 12, 31), "week", "2019-W01"),
    (date(2021, 1, 3), "week", "2020-W53"),
    (date(2018, 10, 24), "month", "2018-10"),
    (date(2018, 10, 24), "quarter", "2018-Q4"),
    (date(2018, 2, 24), "quarter", "2018-Q1"),
    (date(2018, 10, 24), "half", "2018-H2"),
    (date(2018, 10, 24), "season", "2018-FA"),
    (date(2018, 7, 1), "season", "2018-SU"),
    (date(2018, 3, 20), "season", "2018-SP"),
    (date(2018, 12, 24), "season", "2018-WI"),
    (date(2019, 2, 10), "season", "2018-WI"),
    (date(2018, 10, 24), "year", "2018"),
    (date(2018, 10, 24), "decade", "201X"),
    (date(1999, 10, 24), "decade", "199X"),
    (date(2018, 10, 24), "century", "20"),
    (date(1918, 11, 11), "century", "19"),
]


@pytest.mark.parametrize("day, granularity, value", PERIODS)
def test_period_values(day, granularity, value):
    period = Period.of(day, granularity)
    assert period.value == value
    if granularity != "weekend":  # the weekend of a day's week
        assert period.start <= day <= period.end


SHIFTS = [
    ("2018-10-24", "day", -1, "2018-10-23"),
    ("2018-03-01", "day", -1, "2018-02-28"),
    ("2016-03-01", "day", -1, "2016-02-29"),
    ("2018-10-24", "week", 2, "2018-W45"),
    ("2018-12-26", "week", 1, "2019-W01"),
    ("2018-10-24", "month", 3, "2019-01"),
    ("2018-01-31", "month", 1, "2018-02"),
    ("2018-10-24", "season", 1, "2018-WI"),
    ("2018-10-24", "season", -3, "2017-WI"),
    ("2018-10-24", "quarter", 1, "2019-Q1"),
    ("2018-10-24", "year", -2, "2016"),
    ("2018-10-24", "decade", -2, "199X"),
    ("2018-10-24", "century", -1, "19"),
]


@pytest.mark.parametrize("day, granularity, count, value", SHIFTS)
def test_shifted_periods(day, granularity, count, value):
    assert Period.of(date.fromisoformat(day), granularity).shifted(count).value == value


@pytest.mark.parametrize("direction, strict, expected", [
    ("past", False, "2018-10-24"), ("past", True, "2018-10-17"),
    ("future", False, "2018-10-24"), ("future", True, "2018-10-31"), (None, False, "2018-10-24"),
])
def test_choose_a_wednesday_from_a_wednesday(direction, strict, expected):
    wednesdays = [Period(date(2018, 10, d), "day") for d in (17, 24, 31)]
    assert choose(wednesdays, date(2018, 10, 24), direction, strict).value == expected


@pytest.mark.parametrize("year, sunday", [(2018, "2018-04-01"), (2019, "2019-04-21"), (2000, "2000-04-23"),
                                          (2024, "2024-03-31"), (1999, "1999-04-04")])
def test_easter(year, sunday):
    assert easter(year).isoformat() == sunday


@pytest.mark.parametrize("two_digits, around, year", [(98, 2018, 1998), (18, 2018, 2018), (25, 2018, 2025),
                                                      (30, 2018, 1930), (93, 2002, 1993), (5, 1999, 2005)])
def test_two_digit_years(two_digits, around, year):
    assert full_year(two_digits, around) == year


@pytest.mark.parametrize("numeral, value", [("XX", 20), ("xxi", 21), ("XIX", 19), ("IV", 4), ("IX", 9), ("ZX", None)])
def test_roman_numerals(numeral, value):
    assert roman_number(numeral) == value


# --- the language data ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["timex_lexicon.tsv", "timex_grammar.yaml", "timex_tense.tsv", "timex_auxiliary.tsv"])
def test_timex_files_are_nfc_with_a_header_and_no_stray_spaces(name):
    text = lang_path("fr", name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert text.startswith("# ")
    assert [line for line in text.splitlines() if line != line.rstrip()] == []


def test_verb_lists_are_sorted_lemmas():
    for name in ("timex_tense.tsv", "timex_auxiliary.tsv"):
        lemmas = [row["lemma"] for row in table("fr", name)]
        assert lemmas == sorted(set(lemmas)) and all(l == l.lower() and " " not in l for l in lemmas)


def test_the_lexicon_has_no_form_twice_within_a_slot():
    seen = set()
    for row in table("fr", "timex_lexicon.tsv"):
        for form in row["forms"].split("|"):
            key = (row["slot"], normalise(form))
            assert key not in seen, key
            seen.add(key)


def test_every_lexicon_slot_and_key_is_one_the_resolver_knows():
    units = {"day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"}
    checks = {
        "month": lambda k: 1 <= int(k) <= 12, "weekday": lambda k: 1 <= int(k) <= 7,
        "season": lambda k: k in ("SP", "SU", "FA", "WI"), "day": lambda k: 1 <= int(k) <= 31,
        "unit": lambda k: k in units, "clock_unit": lambda k: k in ("hour", "minute", "second"),
        "number": lambda k: k == "X" or int(k) > 0, "approx": lambda k: int(k) > 0,
        "ordinal": lambda k: int(k) > 0, "shift": lambda k: k[:3] in ("doc", "ref") and int(k[3:]) in (-1, 0, 1),
        "this": lambda k: k in ("doc+0", "ref+0"),
        "daypart": lambda k: k in ("morning", "noon", "afternoon", "evening", "night"),
        "word": lambda k: k in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or (
            bool(RECIPE.match(k)) and k.split()[1] in units),
        "named": lambda k: k.startswith(("--", "easter")) or bool(date.fromisoformat(k)),
    }
    for row in table("fr", "timex_lexicon.tsv"):
        assert row["slot"] in checks, row
        assert checks[row["slot"]](row["key"]), row


def test_every_pattern_compiles_and_names_known_kinds():
    rules = grammar("fr")
    assert len(rules.patterns) > 40
    assert {p.kind for p in rules.patterns} == {"date", "relative", "offset", "word", "duration", "set", "time", "name"}


def test_tense_cues_point_forward_or_backward():
    rows = table("fr", "timex_tense.tsv")
    assert rows and all(r["direction"] in ("future", "past") for r in rows)


def test_the_text_scan_needs_no_model():
    assert [(t["text"], t["value"]) for t in annotate("Hier et l'an prochain.", WEDNESDAY)] == [
        ("Hier", "2018-10-23"), ("l'an prochain", "2019")]
