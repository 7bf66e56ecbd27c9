"""The running example: a tiny universe of English verb forms and their Spanish pairs.

20 verbs x 5 tenses x 3 persons = 300 English forms, each paired with its Spanish
form: V = 600 distinct forms ("she walks", "ella camina"). The forms are real; the
counts in `conjugation_counts` are synthetic (seeded draws from a known model), and
the embedding matrix is random, as it is before any training.
"""

from __future__ import annotations

import numpy as np

# (English, past, past participle, Spanish infinitive). The Spanish verbs are all regular
# in the five tenses below, so their forms follow from the ending.
VERBS = [
    ("walk", "walked", "walked", "caminar"),
    ("speak", "spoke", "spoken", "hablar"),
    ("work", "worked", "worked", "trabajar"),
    ("study", "studied", "studied", "estudiar"),
    ("cook", "cooked", "cooked", "cocinar"),
    ("dance", "danced", "danced", "bailar"),
    ("sing", "sang", "sung", "cantar"),
    ("buy", "bought", "bought", "comprar"),
    ("watch", "watched", "watched", "mirar"),
    ("listen", "listened", "listened", "escuchar"),
    ("eat", "ate", "eaten", "comer"),
    ("drink", "drank", "drunk", "beber"),
    ("run", "ran", "run", "correr"),
    ("learn", "learned", "learned", "aprender"),
    ("sell", "sold", "sold", "vender"),
    ("understand", "understood", "understood", "comprender"),
    ("live", "lived", "lived", "vivir"),
    ("decide", "decided", "decided", "decidir"),
    ("receive", "received", "received", "recibir"),
    ("share", "shared", "shared", "compartir"),
]
TENSES = ("present", "past", "future", "perfect", "progressive")
PERSONS = ("1sg", "2sg", "3sg")
LANGUAGES = ("en", "es")

N_VERBS, N_TENSES, N_PERSONS = len(VERBS), len(TENSES), len(PERSONS)
SLOTS = [(tense, person) for tense in TENSES for person in PERSONS]  # the 15 columns
N_SLOTS = len(SLOTS)

# The sizes of the running example's model, used on every page and lab. Every axis has a size
# of its own (and none equals V = 600, N_VERBS = 20, N_SLOTS = 15, N_TENSES = 5 or N_PERSONS = 3),
# so a printed shape such as (32, 4, 12, 16) can be read one way only.
B = 32  # sequences in a batch
T = 12  # positions (tokens) per sequence
D = 64  # model (embedding) width
H = 4  # attention heads
D_HEAD = D // H  # 16: the width of one head

_EN_PRONOUN = {"1sg": "I", "2sg": "you", "3sg": "she"}
_ES_PRONOUN = {"1sg": "yo", "2sg": "tú", "3sg": "ella"}
_EN_BE = {"1sg": "am", "2sg": "are", "3sg": "is"}
_EN_HAVE = {"1sg": "have", "2sg": "have", "3sg": "has"}
_ES_HABER = {"1sg": "he", "2sg": "has", "3sg": "ha"}
_ES_ESTAR = {"1sg": "estoy", "2sg": "estás", "3sg": "está"}
_ES_ENDINGS = {  # present and preterite endings for 1sg, 2sg, 3sg
    "ar": (("o", "as", "a"), ("é", "aste", "ó")),
    "er": (("o", "es", "e"), ("í", "iste", "ió")),
    "ir": (("o", "es", "e"), ("í", "iste", "ió")),
}
_ES_FUTURE = ("é", "ás", "á")


def _third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("ch", "sh", "s", "x")):
        return verb + "es"
    return verb + "s"


def _gerund(verb: str) -> str:
    if verb == "run":
        return "running"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def english_form(verb_index: int, tense: str, person: str) -> str:
    base, past, participle, _ = VERBS[verb_index]
    pronoun = _EN_PRONOUN[person]
    verb = {
        "present": _third_person(base) if person == "3sg" else base,
        "past": past,
        "future": f"will {base}",
        "perfect": f"{_EN_HAVE[person]} {participle}",
        "progressive": f"{_EN_BE[person]} {_gerund(base)}",
    }[tense]
    return f"{pronoun} {verb}"


def spanish_form(verb_index: int, tense: str, person: str) -> str:
    infinitive = VERBS[verb_index][3]
    stem, ending = infinitive[:-2], infinitive[-2:]
    present, preterite = _ES_ENDINGS[ending]
    p = PERSONS.index(person)
    participle = stem + ("ado" if ending == "ar" else "ido")
    gerund = stem + ("ando" if ending == "ar" else "iendo")
    verb = {
        "present": stem + present[p],
        "past": stem + preterite[p],
        "future": infinitive + _ES_FUTURE[p],
        "perfect": f"{_ES_HABER[person]} {participle}",
        "progressive": f"{_ES_ESTAR[person]} {gerund}",
    }[tense]
    return f"{_ES_PRONOUN[person]} {verb}"


def _build_forms() -> list[str]:
    forms = []
    for language in LANGUAGES:
        make = english_form if language == "en" else spanish_form
        for verb_index in range(N_VERBS):
            for tense, person in SLOTS:
                forms.append(make(verb_index, tense, person))
    return forms


FORMS: list[str] = _build_forms()  # index = token id; English block first, then Spanish
V = len(FORMS)
INDEX = {form: token for token, form in enumerate(FORMS)}


def token_id(verb: str, tense: str, person: str, language: str = "en") -> int:
    """Token id of a form: token_id("walk", "past", "3sg") -> id of "she walked"."""
    verb_index = [v[0] for v in VERBS].index(verb)
    slot = SLOTS.index((tense, person))
    return LANGUAGES.index(language) * N_VERBS * len(SLOTS) + verb_index * len(SLOTS) + slot


def embedding_matrix(d: int = 64, seed: int = 0) -> np.ndarray:
    """A (V, d) embedding matrix as it is at initialisation: N(0, 1/d) entries."""
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 1.0 / np.sqrt(d), size=(V, d))


def conjugation_counts(seed: int = 0) -> np.ndarray:
    """A synthetic (20, 15) verb x (tense, person) count matrix.

    Drawn from Poisson(rate) with a rate of two multiplicative parts: how common a verb is
    times how common a slot is, plus a "storytelling" part that moves some verbs toward
    past-tense slots. The matrix is therefore close to rank 2, with sampling noise on top.
    """
    rng = np.random.default_rng(seed)
    verb_weight = rng.gamma(shape=2.0, scale=1.0, size=N_VERBS)  # some verbs are much commoner
    tense_weight = np.array([3.0, 2.0, 0.8, 1.0, 1.2])  # present first, future rarest
    person_weight = np.array([1.0, 0.7, 1.5])  # third person dominates in text
    slot_weight = np.outer(tense_weight, person_weight).ravel()  # (15,)
    narrative = rng.uniform(0.0, 1.0, size=N_VERBS)  # how "story-like" each verb is
    past_slots = np.array([tense == "past" for tense, _ in SLOTS], dtype=float)  # (15,)
    rate = 6.0 * np.outer(verb_weight, slot_weight) + 40.0 * np.outer(narrative, past_slots)  # (20, 15)
    return rng.poisson(rate)
