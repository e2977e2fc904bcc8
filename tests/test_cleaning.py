"""Scraped-text cleaning: boilerplate lines and line-aware sentence boundaries."""

import pytest

from veille.cleaning import boilerplate_ranges, classify_lines


def kinds(text):
    return [(text[line.start:line.end], line.kind) for line in classify_lines(text)]


@pytest.mark.parametrize("text, expected", [
    ("Titre sans point\n\nUn paragraphe.\nSputnik\n", [("Titre sans point", "headline"), ("Un paragraphe.", "body"), ("Sputnik", "boilerplate")]),
    ("Un paragraphe.\n\nDiscuter", [("Un paragraphe.", "headline"), ("Discuter", "boilerplate")]),
    ("Titre\nPhrase un. Phrase deux.\nLire aussi\nUn lien vers un autre article\nFin.",
     [("Titre", "headline"), ("Phrase un. Phrase deux.", "body"), ("Lire aussi", "boilerplate"),
      ("Un lien vers un autre article", "boilerplate"), ("Fin.", "body")]),
    ("Titre\n«Nous partons», a-t-il dit.\n«Une citation qui finit la ligne»", [
        ("Titre", "headline"), ("«Nous partons», a-t-il dit.", "body"), ("«Une citation qui finit la ligne»", "body")]),
    ("   \n\n  Un texte indenté.  \n", [("Un texte indenté.", "headline")]),
    ("", []),
])
def test_lines_are_classified(text, expected):
    assert kinds(text) == expected


def test_the_seed_boilerplate_is_found_and_offsets_index_the_original(seed_text):
    found = [seed_text[start:end] for start, end in boilerplate_ranges(seed_text)]
    assert found == [
        "Sputnik",
        "«Votre pygargue a déjà picoré toutes les olives?»: quand Poutine plaisante sur le sceau US",
        "Poutine propose de rencontrer Trump le 11 novembre à Paris",
        "Discuter",
    ]


@pytest.mark.model
def test_headlines_are_sentences_of_their_own(nlp, seed_text):
    doc = nlp.make_doc(seed_text)
    doc._.published = "2018-10-24"
    doc = nlp(doc)
    sentences = [s.text.strip() for s in doc.sents]
    assert "Poutine propose de rencontrer Trump le 11 novembre à Paris" in sentences
    assert "«Votre pygargue a déjà picoré toutes les olives?»: quand Poutine plaisante sur le sceau US" in sentences
    assert sentences[0] == "Moscou précise la possibilité d’une rencontre entre Trump et Poutine aux États-Unis"
    assert any(s.startswith("Lors de sa rencontre avec le conseiller") for s in sentences)


@pytest.mark.model
def test_nothing_is_extracted_from_boilerplate(seed_extraction, seed_text):
    ranges = boilerplate_ranges(seed_text)

    def inside(start, end):
        return any(s < end and start < e for s, e in ranges)

    assert not [q for q in seed_extraction.quotes if inside(q.start, q.end)]
    assert not [e for e in seed_extraction.events if any(inside(m.start, m.end) for m in e.evidence)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Il est mort le 9 novembre 1970.Dans son message, il avait appelé à la résistance.",
     ["Il est mort le 9 novembre 1970.", "Dans son message, il avait appelé à la résistance."]),
    ("La dette atteint 3.5 milliards et 1.000 euros par habitant.", ["La dette atteint 3.5 milliards et 1.000 euros par habitant."]),
])
def test_a_sentence_glued_to_a_number_starts_anew(nlp, text, expected):
    assert [s.text.strip() for s in nlp(text).sents] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Le réseau moins perturbé ce lundiLa SNCF a constaté une amélioration.",
     ["Le réseau moins perturbé ce lundi", "La SNCF a constaté une amélioration."]),
    ("Le conflit perdure - 21/10par BFMTVUne intervention du gouvernement a eu lieu.",
     ["Le conflit perdure - 21/10par BFMTV", "Une intervention du gouvernement a eu lieu."]),
    ("YouTube, TotalEnergies et LinkedIn ont signé avec McDonald's dans le IIIe arrondissement.",
     ["YouTube, TotalEnergies et LinkedIn ont signé avec McDonald's dans le IIIe arrondissement."]),
])
def test_a_sentence_glued_to_a_heading_starts_anew(nlp, text, expected):
    assert [s.text.strip() for s in nlp(text).sents] == expected
