"""veille_quotes: who said what, in direct and indirect speech.

Tables of French sentences → the quotes expected in them, as (quoted words, speaker phrase),
per rule family; then speakers resolved through veille_actors, kinds, verbs, dates,
confidence, boilerplate, the quotation-mark reader, the cue lexicon, and the seed article.
"""

import json
import unicodedata
from pathlib import Path

import pytest

from veille.evaluation.matching import actor_matches
from veille.lang import data, table
from veille.quotes import Lexicon, find_segments

pytestmark = pytest.mark.model

PUBLISHED = "2020-06-10"


def quotes_of(nlp, text: str, published: str | None = PUBLISHED) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.quotes


def pairs(quotes: list[dict]) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker_mention"] and q["speaker_mention"]["text"]) for q in quotes]


# --- direct speech --------------------------------------------------------------------------

DIRECT = [
    # a word quoted as what a verb calls something
    ("Édouard Philippe a qualifié le mouvement de «grève sauvage».", [("grève sauvage", "Édouard Philippe")]),
    ("Emmanuel Macron a appelé les pompiers des «héros».", [("héros", "Emmanuel Macron")]),
    ("Le colonel Goïta a appelé à «l'union sacrée autour du Mali».",
     [("l'union sacrée autour du Mali", "Le colonel Goïta")]),
    # a quotation, then an incise with its subject inverted
    ("«Nous devons maintenant commencer à préparer cette réunion», a déclaré Dmitri Peskov.",
     [("Nous devons maintenant commencer à préparer cette réunion", "Dmitri Peskov")]),
    ("« Nous ne céderons pas », a affirmé le ministre de l'Intérieur.",
     [("Nous ne céderons pas", "le ministre de l'Intérieur")]),
    ("«C'est inacceptable», a-t-il déclaré.", [("C'est inacceptable", "il")]),
    ("«C'est inacceptable», déclare-t-elle.", [("C'est inacceptable", "elle")]),
    ("«C'est inacceptable», dit-il.", [("C'est inacceptable", "il")]),
    ("\"Le G7 est un rendez-vous majeur\", a souligné la présidence française.",
     [("Le G7 est un rendez-vous majeur", "la présidence française")]),
    ("“Il faut agir vite”, a estimé Angela Merkel à Berlin.", [("Il faut agir vite", "Angela Merkel")]),
    ("«La décision ignore d'autres options», remarque-t-elle.", [("La décision ignore d'autres options", "elle")]),
    ("«Le pays est prêt», estime-t-il.", [("Le pays est prêt", "il")]),
    ("«Respectez notre armée!», a-t-il conclu.", [("Respectez notre armée!", "il")]),
    ("«Jusqu'où faut-il aller?», s'est-elle interrogée.", [("Jusqu'où faut-il aller?", "elle")]),
    ("\"Faut-il effacer ces présidents de l'Histoire\"? a-t-elle poursuivi.",
     [("Faut-il effacer ces présidents de l'Histoire", "elle")]),
    ("«On nous prend pour des moutons», lui a lancé une femme.", [("On nous prend pour des moutons", "une femme")]),
    # a relative clause after a comma is no incise: the words before it are nobody's quote
    ("Une base honore Henry Benning, un général convaincu, qui avait plaidé pour une «Slavocratie sudiste».",
     [("Slavocratie sudiste", "un général")]),
    ("«Vous avez le pouvoir de nous aider», a lancé son frère, Philonise Floyd, dans un message vidéo.",
     [("Vous avez le pouvoir de nous aider", "son frère, Philonise Floyd")]),
    ("«Je suis un employé de Facebook», a tweeté samedi Jason Stirman, un responsable de la société.",
     [("Je suis un employé de Facebook", "Jason Stirman, un responsable de la société")]),
    ("«C'est faux», ont indiqué des sources diplomatiques.", [("C'est faux", "des sources diplomatiques")]),
    ("«Distributeurs et imprimeurs ont été affectés», soulignent-ils.",
     [("Distributeurs et imprimeurs ont été affectés", "ils")]),
    # one quotation over several sentences; a quotation interrupted by an incise is two
    ("«Nous partons demain. Rien ne nous retiendra», a déclaré le capitaine.",
     [("Nous partons demain. Rien ne nous retiendra", "le capitaine")]),
    ("«Nous partons demain», a-t-il dit, «et rien ne nous retiendra».",
     [("Nous partons demain", "il"), ("et rien ne nous retiendra", "il")]),
    # a nested quotation is part of the outer one
    ("«Il m'a dit “jamais” et je l'ai cru», a raconté la victime.",
     [("Il m'a dit “jamais” et je l'ai cru", "la victime")]),
    # the verb before the quotation
    ("Le ministre a déclaré : «Nous sommes prêts à négocier».", [("Nous sommes prêts à négocier", "Le ministre")]),
    ("Sara Zhang déclare sur Twitter: \"Nous devons faire face au danger.\"",
     [("Nous devons faire face au danger.", "Sara Zhang")]),
    ("Mme Bachelet a dénoncé \"la violence raciale\", déplorant \"l'incapacité à reconnaître l'héritage\".",
     [("la violence raciale", "Mme Bachelet"), ("l'incapacité à reconnaître l'héritage", "Mme Bachelet")]),
    ("Le sénateur a souligné dans l'hémicycle «l'urgence» de la situation.", [("l'urgence", "Le sénateur")]),
    ("Le président a répondu : « Le volontariat, je l'assume ».", [("Le volontariat, je l'assume", "Le président")]),
    # a colon after a name
    ("Dmitri Peskov : « Nous sommes prêts à discuter. »", [("Nous sommes prêts à discuter.", "Dmitri Peskov")]),
    # a partial quotation as the stance of "se dire"
    ("Le Kremlin s'est dit «prêt» ce mercredi à discuter d'une visite.", [("prêt", "Le Kremlin")]),
]


@pytest.mark.parametrize("text, expected", DIRECT)
def test_direct_speech(nlp, text, expected):
    assert pairs(quotes_of(nlp, text)) == expected


# --- indirect speech ------------------------------------------------------------------------

INDIRECT = [
    # a verb of saying and its reported clause
    ("Angela Merkel a rappelé que l'Allemagne restait attachée à l'accord.",
     [("l'Allemagne restait attachée à l'accord", "Angela Merkel")]),
    ("Le gouvernement a démenti que des troupes aient été envoyées.",
     [("des troupes aient été envoyées", "Le gouvernement")]),
    ("La présidente de la Commission a souligné que l'Union ne céderait pas.",
     [("l'Union ne céderait pas", "La présidente de la Commission")]),
    ("Le syndicat a fait savoir que la grève continuerait lundi.",
     [("la grève continuerait lundi", "Le syndicat")]),
    ("Le porte-parole de l'armée a confirmé que deux soldats avaient été blessés.",
     [("deux soldats avaient été blessés", "Le porte-parole de l'armée")]),
    ("Joe Biden a promis que les États-Unis reviendraient dans l'accord de Paris.",
     [("les États-Unis reviendraient dans l'accord de Paris", "Joe Biden")]),
    ("Vladimir Poutine a déclaré qu'il serait utile de poursuivre le dialogue.",
     [("il serait utile de poursuivre le dialogue", "Vladimir Poutine")]),
    ("Le porte-parole du Président russe a précisé que la rencontre à Paris était prioritaire.",
     [("la rencontre à Paris était prioritaire", "Le porte-parole du Président russe")]),
    ("Le ministre a indiqué mardi à la presse que les négociations reprendraient.",
     [("les négociations reprendraient", "Le ministre")]),
    ("Un diplomate russe a indiqué vendredi à l'AFP que Moscou attendait une réponse.",
     [("Moscou attendait une réponse", "Un diplomate russe")]),
    ("La chancelière a assuré que l'Allemagne tiendrait ses engagements.",
     [("l'Allemagne tiendrait ses engagements", "La chancelière")]),
    ("Le président estime que la réforme est nécessaire.", [("la réforme est nécessaire", "Le président")]),
    ("Le juge a estimé que la peine était justifiée.", [("la peine était justifiée", "Le juge")]),
    ("Il juge que la situation reste fragile.", [("la situation reste fragile", "Il")]),
    ("Elle affirme que rien n'a changé.", [("rien n'a changé", "Elle")]),
    ("Les syndicats ont rappelé que la grève continuerait lundi.",
     [("la grève continuerait lundi", "Les syndicats")]),
    ("Le gouvernement a reconnu que les chiffres étaient en deçà des espérances.",
     [("les chiffres étaient en deçà des espérances", "Le gouvernement")]),
    ("M. Trudeau a réaffirmé qu'il restait beaucoup à faire.", [("il restait beaucoup à faire", "M. Trudeau")]),
    ("La Maison Blanche a démenti que le président soit malade.",
     [("le président soit malade", "La Maison Blanche")]),
    ("Il a fait savoir qu'il viendrait à Paris.", [("il viendrait à Paris", "Il")]),
    ("La France a mis en garde contre toute escalade, martelant que la diplomatie devait primer.",
     [("la diplomatie devait primer", "La France")]),
    ("Emmanuel Macron a insisté sur le fait que la visite devait élargir le partenariat.",
     [("la visite devait élargir le partenariat", "Emmanuel Macron")]),
    ("Le directeur a reconnu que les chiffres étaient mauvais et a ajouté qu'il démissionnerait.",
     [("les chiffres étaient mauvais", "Le directeur"), ("il démissionnerait", "Le directeur")]),
    # a participle takes the subject of the verb it depends on
    ("Le Kremlin a salué l'initiative, précisant toutefois qu'aucune décision n'avait été prise.",
     [("aucune décision n'avait été prise", "Le Kremlin")]),
    ("John Bolton a répondu à cette proposition en indiquant que cela ferait plaisir à Donald Trump.",
     [("cela ferait plaisir à Donald Trump", "John Bolton")]),
    ("Après avoir annoncé que la rencontre aurait lieu en mars, le président a évoqué Camp David.",
     [("la rencontre aurait lieu en mars", "le président")]),
    # a relative clause gives its antecedent
    ("Le président, qui a assuré que tout allait bien, a ensuite quitté la salle.",
     [("tout allait bien", "Le président")]),
    ("Kayleigh McEnany, porte-parole de la Maison Blanche, a estimé que ce serait insultant.",
     [("ce serait insultant", "Kayleigh McEnany, porte-parole de la Maison Blanche")]),
    # a reported clause holding a quotation
    ("Le Kremlin a précisé qu'«aucune décision concrète» n'a été prise à ce sujet.",
     [("«aucune décision concrète» n'a été prise à ce sujet", "Le Kremlin")]),
    ("Le président a estimé que ces bases \"légendaires\" faisaient partie du patrimoine.",
     [("ces bases \"légendaires\" faisaient partie du patrimoine", "Le président")]),
    ("Le ministre a affirmé que «la France est prête».", [("la France est prête", "Le ministre")]),
    # the stance of "se dire", "se déclarer"
    ("Le ministre s'est dit prêt à discuter avec les syndicats.", [("prêt à discuter avec les syndicats", "Le ministre")]),
    ("Elle s'est dite favorable à un accord.", [("favorable à un accord", "Elle")]),
    ("Le porte-parole s'est déclaré très inquiet de la situation.", [("inquiet de la situation", "Le porte-parole")]),
    ("Il s'est dit convaincu que la paix viendrait.", [("convaincu que la paix viendrait", "Il")]),
]


@pytest.mark.parametrize("text, expected", INDIRECT)
def test_indirect_speech(nlp, text, expected):
    assert pairs(quotes_of(nlp, text)) == expected


INCISE = [
    # the words before an incise are the quote
    ("Les frontières resteront fermées jusqu'en juin, a martelé la ministre de l'Intérieur.",
     [("Les frontières resteront fermées jusqu'en juin", "la ministre de l'Intérieur")]),
    ("Aucun accord n'a été trouvé, a reconnu dimanche le négociateur européen Michel Barnier.",
     [("Aucun accord n'a été trouvé", "le négociateur européen Michel Barnier")]),
    ("Le dialogue reste ouvert, a-t-elle assuré devant les députés.",
     [("Le dialogue reste ouvert", "elle")]),
    ("Nous ne reculerons pas, a averti le Premier ministre espagnol Pedro Sánchez.",
     [("Nous ne reculerons pas", "le Premier ministre espagnol Pedro Sánchez")]),
    ("Le chassé-croisé des visites n'est pas encore en préparation, a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
     [("Le chassé-croisé des visites n'est pas encore en préparation", "le porte-parole du Kremlin, Dmitri Peskov")]),
    ("La Russie est prête, a assuré jeudi le chef de la diplomatie russe Sergueï Lavrov.",
     [("La Russie est prête", "le chef de la diplomatie russe Sergueï Lavrov")]),
    ("Les élèves reviendront le 12 mai, a précisé le ministre.", [("Les élèves reviendront le 12 mai", "le ministre")]),
    ("M. Macron a évoqué la situation à Hong Kong, a précisé l'Elysée sans autre détail.",
     [("M. Macron a évoqué la situation à Hong Kong", "l'Elysée")]),
    ("Il permet de sanctionner les responsables, a précisé le sénateur Toomey.",
     [("Il permet de sanctionner les responsables", "le sénateur Toomey")]),
    ("Les négociations reprendront lundi, indique le communiqué.",
     [("Les négociations reprendront lundi", "le communiqué")]),
    ("Le texte sera examiné en décembre, ont annoncé les sénateurs.",
     [("Le texte sera examiné en décembre", "les sénateurs")]),
    ("Cette loi \"pénalise les banques\" des Hongkongais, a-t-il souligné.",
     [("Cette loi \"pénalise les banques\" des Hongkongais", "il")]),
    ("Le scrutin aura lieu en juin, a-t-il ajouté, sans donner de date.",
     [("Le scrutin aura lieu en juin", "il")]),
]


@pytest.mark.parametrize("text, expected", INCISE)
def test_incise(nlp, text, expected):
    assert pairs(quotes_of(nlp, text)) == expected


SOURCES = [
    # "selon X, …" attributes what follows; "…, selon X." what precedes
    ("Selon Dmitri Peskov, la rencontre du 11 novembre à Paris constitue une priorité.",
     [("la rencontre du 11 novembre à Paris constitue une priorité", "Dmitri Peskov")]),
    ("Selon lui, Moscou serait «prêt» à discuter d'une visite officielle.",
     [("Moscou serait «prêt» à discuter d'une visite officielle", "lui")]),
    ("Selon le porte-parole du Kremlin, Dmitri Peskov, la rencontre aura lieu à Paris.",
     [("la rencontre aura lieu à Paris", "le porte-parole du Kremlin, Dmitri Peskov")]),
    ("D'après lui, les négociations sont au point mort.", [("les négociations sont au point mort", "lui")]),
    ("Mais selon l'ambassadeur, rien n'est encore décidé.", [("rien n'est encore décidé", "l'ambassadeur")]),
    ("Pour le républicain Pat Toomey, la loi envoie un message clair.",
     [("la loi envoie un message clair", "le républicain Pat Toomey")]),
    ("Pour lui, il s'agit d'une étape indispensable.", [("il s'agit d'une étape indispensable", "lui")]),
    ("Le chef de l'Etat échappera à la quarantaine, selon un porte-parole de Downing Street.",
     [("Le chef de l'Etat échappera à la quarantaine", "un porte-parole de Downing Street")]),
    ("Les pompiers n'ont dénombré que 6.200 spectateurs, d'après des médias américains.",
     [("Les pompiers n'ont dénombré que 6.200 spectateurs", "des médias américains")]),
    ("La conversation a été \"productive\", selon des sources anonymes.",
     [("La conversation a été \"productive\"", "des sources anonymes")]),
    # a source inside a reported clause ends nothing
    ("Mark Zuckerberg a rappelé que les plateformes, selon lui, ne devaient pas arbitrer la vérité.",
     [("les plateformes, selon lui, ne devaient pas arbitrer la vérité", "Mark Zuckerberg")]),
]


@pytest.mark.parametrize("text, expected", SOURCES)
def test_sources(nlp, text, expected):
    assert pairs(quotes_of(nlp, text)) == expected


# --- what is not a quote ----------------------------------------------------------------------

NOT_QUOTES = [
    # the intertitle of wire copy, glued to the next sentence
    "Les discussions ont repris.- «Nous ne partirons pas d'ici» -Le colonel a parlé aux journalistes.",
    "Le Conseil examinera le \"Hong Kong Safe Harbor Act\" la semaine prochaine.",
    "Ce déplacement s'inscrit dans le cadre de \"l'année de Gaulle\".",
    "Pour le moment, la réunion est reportée.",
    "Pour la première fois, le sommet se tiendra en Afrique.",
    "Selon les chiffres officiels, le chômage a baissé.",
    "D'après un sondage publié lundi, la majorité des Français approuvent la réforme.",
    "Cela veut dire que rien ne change.",
    "Il a été annoncé que la séance était levée.",
    "M. Macron a souligné le rôle de l'OMS ainsi que l'importance de l'initiative.",
    "Le ministre a annoncé la mesure que le gouvernement avait préparée.",
    "Le président a voté pour Emmanuel Macron.",
    "Il a assuré la sécurité du sommet.",
    "La note de la banque centrale a été publiée hier.",
    "Le juge a rendu sa décision mardi.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == []


def test_cues_inside_a_quotation_are_the_speakers_own_words(nlp):
    text = "«Je pense que la Russie a dit que tout irait bien», a déclaré le ministre."
    assert pairs(quotes_of(nlp, text)) == [("Je pense que la Russie a dit que tout irait bien", "le ministre")]


def test_boilerplate_yields_no_quote(nlp):
    text = ("Moscou veut une rencontre\n\nLe Kremlin s'est dit «prêt» à discuter.\n"
            "«Votre pygargue a déjà picoré toutes les olives?»: quand Poutine plaisante sur le sceau US\n"
            "«Nous sommes prêts», a déclaré Dmitri Peskov.\n")
    texts = [q["text"] for q in quotes_of(nlp, text)]
    assert texts == ["prêt", "Nous sommes prêts"]


# --- a quotation standing alone takes the speaker of its neighbours ---------------------------------

def test_a_lone_quotation_goes_to_the_last_speaker_of_its_paragraph(nlp):
    text = ("«Nous ne céderons pas», a déclaré Dmitri Peskov. Le sommet est prévu en juin. "
            "«Les discussions continueront jusqu'au bout.»")
    first, lone = quotes_of(nlp, text)
    assert lone["text"] == "Les discussions continueront jusqu'au bout."
    assert lone["speaker"] == first["speaker"] and lone["speaker"] is not None
    assert lone["confidence"] < first["confidence"]


def test_a_lone_quotation_goes_to_the_person_the_sentence_before_introduces(nlp):
    text = ("«Nous ne céderons pas», a déclaré Dmitri Peskov. Sergueï Lavrov a fait entendre une voix "
            "plus mesurée. «Les discussions continueront jusqu'au bout.»")
    lone = quotes_of(nlp, text)[-1]
    assert lone["speaker_mention"]["text"] == "Sergueï Lavrov"


def test_a_lone_quotation_before_any_attribution_takes_the_next_speaker(nlp):
    text = "«Les discussions continueront.» «Nous ne céderons pas», a déclaré Dmitri Peskov."
    lone, attributed = quotes_of(nlp, text)
    assert lone["speaker"] == attributed["speaker"] is not None


def test_a_quotation_over_several_paragraphs_is_one_quote(nlp):
    text = "Le ministre a déclaré : «Nous partons demain.\n\n«Rien ne nous retiendra.»\n"
    (quote,) = quotes_of(nlp, text)
    assert quote["text"] == "Nous partons demain.\n\n«Rien ne nous retiendra."
    assert quote["speaker_mention"]["text"] == "Le ministre"


# --- speakers resolved through veille_actors ---------------------------------------------------------

RESOLVED = [
    ("«Nous sommes prêts», a déclaré Dmitri Peskov.", {"name": "Dmitry Peskov", "country": "RUS", "sector": "GOV"}),
    ("Vladimir Poutine a déclaré que la Russie était prête.", {"name": "Vladimir Putin"}),
    ("Selon Emmanuel Macron, la France est prête.", {"name": "Emmanuel Macron"}),
    # a title and a name in apposition: the name, completed by what the title says
    ("Le sénateur démocrate Chris Van Hollen a affirmé que la loi était urgente.",
     {"name": "Chris Van Hollen", "sector": "LEG"}),
    # a surname alone is the full name the document gives
    ("Laurent Brun dirige la CGT-Cheminots. M. Brun a indiqué que la grève continuerait.",
     {"name": "Laurent Brun"}),
    # a person the knowledge base does not know keeps their name, without their title
    ("«Le jugement est injuste», a estimé Me Alexandre Faro.", {"name": "Alexandre Faro"}),
    # a pronoun goes on with the person the sentence before introduces
    ("Justin Trudeau a fait une longue pause. «Nous regardons avec horreur», a-t-il finalement déclaré.",
     {"name": "Justin Trudeau"}),
    # … or with the speaker of a recent quote
    ("«Nous sommes prêts», a déclaré Dmitri Peskov. «La rencontre aura lieu à Paris», a-t-il ajouté.",
     {"name": "Dmitry Peskov"}),
    ("Dmitri Peskov a précisé que la rencontre aurait lieu à Paris. Selon lui, rien n'est décidé.",
     {"name": "Dmitry Peskov"}),
    # … whoever that sentence's subject is, its head giving the gender
    ("«Respect à l'équipe», écrit David Gillis. Sara Zhang et d'autres employés appellent à changer le règlement. "
     "«La décision ignore d'autres options», remarque-t-elle.", {"name": "Sara Zhang"}),
    ("«Nous sommes prêts», a déclaré Dmitri Peskov. Le vice-président Mike Pence a été désigné par son parti. "
     "«L'Amérique a besoin de quatre ans de plus», a-t-il lancé.", {"name": "Mike Pence"}),
    # … past an intertitle glued to that sentence
    ("«Nous sommes prêts», a déclaré Dmitri Peskov. - «Quatre ans de plus» -Le vice-président Mike Pence a été "
     "désigné par son parti.«L'Amérique a besoin de lui», a-t-il lancé.", {"name": "Mike Pence"}),
    # … or the one person a sentence without a verb names
    ("«Rien ne change», a déclaré Ben Rhodes. Idem pour le journaliste du Monde, Thomas Wieder. «Belle marque "
     "de respect pour les poilus qui ont combattu sous un soleil radieux.»", {"name": "Thomas Wieder"}),
    # a description that names no office is the person named last, of its gender
    ("«Nous paierons», a souligné Cécile Marchand. «Le coupable, c'est le gouvernement», a insisté la militante.",
     {"name": "Cécile Marchand"}),
    ("Nicole Populorum observe la rue. Pour elle, Donald Trump se trompe. «Ce sont les habitants qui se sont "
     "unis», déclare cette employée du secteur de la logistique.", {"name": "Nicole Populorum"}),
    # … but not someone of another sector
    ("Emmanuel Macron a visité l'usine. Le client aurait indiqué, sur le trajet, être sympathisant des «gilets jaunes».",
     {"country": "FRA", "sector": "CVL"}),
    # an epithet is the person named last
    ("Donald Trump a rejeté l'idée. «Je défends la loi et l'ordre», a déclaré le républicain.",
     {"name": "Donald Trump"}),
    # a name right before the verb, which the parser hung elsewhere
    ("Même vote pour le groupe EDS, au nom duquel Delphine Batho a regretté un encadrement du démarchage, "
     "y voyant «une occasion manquée».", {"name": "Delphine Batho"}),
    # a gerund the parser hangs on a noun takes the subject of the main verb
    ("Donald Trump a lancé lundi sa campagne pour un second mandat en accusant les démocrates de vouloir "
     "«voler» l'élection.", {"name": "Donald Trump"}),
    # "Jr" names the son, not the father
    ("Donald Trump Jr a affirmé que l'élection serait un choix.", {"name": "Donald Trump Jr."}),
    # a day before the speaker is no name of theirs
    ("Vendredi, Emmanuel Macron a répété que la France rejetait la décision.", {"name": "Emmanuel Macron"}),
]


@pytest.mark.parametrize("text, speaker", RESOLVED)
def test_speakers_are_resolved(nlp, text, speaker):
    last = quotes_of(nlp, text, published="2018-10-24")[-1]
    assert actor_matches(speaker, last["speaker"]), last["speaker"]


def test_a_speaker_the_text_does_not_name_lowers_the_confidence(nlp):
    named, unnamed = (quotes_of(nlp, t)[0] for t in ("«Nous partons», a déclaré Dmitri Peskov.",
                                                     "«Nous partons», a déclaré le capitaine."))
    assert named["speaker"] is not None and unnamed["speaker"] is None
    assert unnamed["confidence"] < named["confidence"]


# --- kind, verb, date --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, verb", [
    ("«Nous partons», a déclaré le capitaine.", "direct", "déclarer"),
    ("Le capitaine a déclaré que le navire partirait.", "indirect", "déclarer"),
    ("Le capitaine a déclaré que le navire était «prêt» à partir.", "mixed", "déclarer"),
    ("Le navire partira demain, a annoncé le capitaine.", "indirect", "annoncer"),
    ("Selon le capitaine, le navire partira demain.", "indirect", "selon"),
    ("Le capitaine a fait savoir que le navire partirait.", "indirect", "faire savoir"),
    ("Le capitaine s'est dit prêt à partir.", "indirect", "dire"),
    ("Dmitri Peskov : «Nous partons.»", "direct", None),
])
def test_kind_and_verb(nlp, text, kind, verb):
    (quote,) = quotes_of(nlp, text)
    assert (quote["kind"], quote["verb"]) == (kind, verb)


@pytest.mark.parametrize("text, published, date", [
    # the statement is dated by its clause
    ("Lors de sa rencontre avec John Bolton le 23 octobre, Vladimir Poutine a déclaré que le dialogue était utile.",
     "2018-10-24", "2018-10-23"),
    ("«Nous partons», a déclaré mardi le capitaine.", "2020-06-11", "2020-06-09"),
    # a date inside the quote dates what is said, not the saying
    ("Le capitaine a déclaré que le navire partirait le 30 juin.", "2020-06-11", "2020-06-11"),
    # else the article's date
    ("«Nous partons», a déclaré le capitaine.", "2020-06-11", "2020-06-11"),
    ("«Nous partons», a déclaré le capitaine.", None, None),
])
def test_quote_date(nlp, text, published, date):
    (quote,) = quotes_of(nlp, text, published=published)
    assert quote["date"] == date


def test_quotes_carry_offsets_into_the_text(nlp):
    text = "Préambule.\n\n«Nous partons», a déclaré le capitaine. Selon lui, le navire est prêt."
    for quote in quotes_of(nlp, text):
        assert text[quote["start"]:quote["end"]] == quote["text"]
        mention = quote["speaker_mention"]
        assert text[mention["start"]:mention["end"]] == mention["text"]


# --- the seed article ------------------------------------------------------------------------------

def test_seed_quotes_are_found_with_their_speakers(seed_extraction):
    gold = json.loads((Path(__file__).parent / "gold" / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    found = [q.model_dump() for q in seed_extraction.quotes]
    optional = gold["optional"]["quotes"]
    for expected in gold["quotes"]:
        start, end = expected["start"], expected["start"] + len(expected["text"])
        match = [q for q in found if q["start"] <= start and end <= q["end"] or start <= q["start"] and q["end"] <= end]
        assert match, expected["text"]
        assert actor_matches(expected["speaker"], match[0]["speaker"]), (expected["text"], match[0]["speaker"])
    spans = [(g["start"], g["start"] + len(g["text"])) for g in gold["quotes"] + optional]
    assert all(any(q["start"] < e and s < q["end"] for s, e in spans) for q in found)


# --- quotation marks, read on the characters ---------------------------------------------------------

MARKS = data("fr", "reported_speech.yaml")["quotation_marks"]


@pytest.mark.parametrize("text, quoted", [
    ("a dit «prêt» et « non ».", ["prêt", " non "]),
    ("\"A «b» c\", a-t-il dit", ["A «b» c"]),
    ("«A “b” c»", ["A “b” c"]),
    ("qu'«aucune décision» n'a", ["aucune décision"]),
    ("«Para un\n\n«Para deux»", ["Para un\n\n«Para deux"]),
    ("«Ouvert\nsuite", ["Ouvert"]),
    ("du G20\" et \"la nécessité\".Enfin", ["la nécessité"]),
    ("Schlapp.\"Il y avait\" l'entrée", ["Il y avait"]),
    ("un \"seul\" mot \"oublié", ["seul"]),
])
def test_quotation_marks(text, quoted):
    assert [text[s.open + 1:s.close] for s in find_segments(text, MARKS)] == quoted


# --- the cue lexicon -----------------------------------------------------------------------------------

def test_speech_verbs_are_a_clean_lexicon():
    rows = table("fr", "speech_verbs.tsv")
    keys = [(row["cue"], row["reflexive"]) for row in rows]
    assert len(rows) >= 80
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys, key=lambda k: (k[0], k[1] or ""))
    for row in rows:
        assert all(unicodedata.is_normalized("NFC", cell) for cell in row.values() if cell)
        assert set(row["frames"].split("|")) <= {"que", "incise", "quote", "adjective"}
    assert Lexicon("fr").longest >= 2  # locutions: "faire savoir", "mettre en garde"


# --- who speaks: rules of attribution ----------------------------------------------------------

ATTRIBUTION = [
    # a state speaks through its government
    ("La Chine a affirmé que la loi ne visait personne.", "la loi", {"country": "CHN", "sector": "GOV"}),
    # a pronoun goes to someone named since the last speaker spoke
    ("«Nous ne céderons pas», a déclaré Boris Johnson. Angela Merkel a décidé d'attendre. "
     "Dans un entretien, elle dit que l'Europe restera unie.", "l'Europe", {"name": "Angela Merkel"}),
    # … not to a last speaker of the other gender
    ("Emmanuel Macron visite une école. «Tout va bien», a répondu l'institutrice. «Et les parents?», a-t-il demandé.",
     "Et les parents", {"name": "Emmanuel Macron"}),
    # a plural pronoun goes to the people the sentence before names
    ("Les signataires dénoncent un abandon de la France. Ensemble, ils affirment que la culture est en danger.",
     "la culture", {"country": "FRA", "sector": "CVL"}),
    # a quotation that opens its paragraph goes to the subject of the next sentence
    ("Le texte a été adopté.\n\n«C'est une honte». Samedi, Jean-Luc Mélenchon a dénoncé le vote.",
     "C'est une honte", {"name": "Jean-Luc Mélenchon"}),
    # a verb that is not conjugated takes the subject of the clause it hangs on, inverted or not
    ("Après avoir annoncé que le sommet aurait lieu en juin, le président américain a reculé.",
     "le sommet", {"name": "Donald Trump"}),
    ("«C'est un grand jour», a déclaré Emmanuel Macron, en expliquant que la France était prête.",
     "la France", {"name": "Emmanuel Macron"}),
    ("Le ministre français visite Lille. «Vous nous abandonnez», lui a lancé une femme, accusant le ministre "
     "d'être «loin du terrain».",
     "loin du terrain", {"country": "FRA", "sector": "CVL"}),
    # "pour lui" is the whole source, comma or not, and goes on with the subject before
    ("Le député Éric Coquerel a critiqué Donald Trump. Pour lui ses tweets «sont inutiles».",
     "sont inutiles", {"name": "Éric Coquerel"}),
    # a newspaper named within quotation marks after "selon une information"
    ("Selon une information révélée mardi par « Le Monde », le ministre va démissionner.",
     "le ministre", {"name": "Le Monde"}),
    # a report of the outlet a noun named
    ("D'après le site Lyon Matin, la manifestation a réuni 2 000 personnes en France. "
     "Le maire a été hué, selon les informations de Lyon Matin.", "Le maire", {"name": "Lyon Matin"}),
    # an incise whose verb the tagger takes for a participle
    ("«Je pense que la décision est mauvaise», écrit Paul Girard, un ingénieur.", "Je pense",
     {"name": "Paul Girard"}),
    # the name of the speaker, not a place before it
    ("«C'est formidable», confiait dans la salle l'actrice nigériane Ada Okafor.", "C'est formidable",
     {"name": "Ada Okafor", "country": "NGA"}),
    # a name the tokenizer glued to the next sentence
    ("«Je tiendrai parole», a promis Emmanuel Macron.40% des Français doutent.", "Je tiendrai",
     {"name": "Emmanuel Macron"}),
]


@pytest.mark.parametrize("text, words, speaker", ATTRIBUTION)
def test_attribution(nlp, text, words, speaker):
    quote = next(q for q in quotes_of(nlp, text) if words in q["text"])
    assert actor_matches(speaker, quote["speaker"]), quote["speaker"]
