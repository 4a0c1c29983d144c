"""A synthetic corpus for entity resolution tests: documents whose clusters draw names from a small pool.

The names are chosen so that every rule fires and some rules stop firing as documents arrive
(a second "Haqqani" makes the single token ambiguous; a second long name stops a short form).
"""

from __future__ import annotations

import random

from storyline.model import Document, DocumentAnalysis, EntityType, Mention
from storyline.store import Store

P, O, L = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE
POOL = {
    P: [("Khalil Ahmed Haqqani",), ("Khalil Haqqani",), ("Khalil-ur-Rehman Haqqani",), ("Haqqani",),
        ("Sirajuddin Haqqani",), ("Anas Haqqani", "Haqqani"), ("Mujahid",), ("Zabihullah Mujahid",),
        ("Zabiullah Mujahid",), ("Sharifullah",), ("Shareefullah",), ("Muhammad Sharif Jafar", "Naser"),
        ("Naser",), ("Khalil Ahmad Haqani",), ("Sirajuddin",), ("Hibatullah Akhundzada",), ("Haibatullah Akhunzada",),
        ("Hibatullah Noori",), ("Hibatullah Karimi",), ("Mawlawi Akhundzada",), ("Hibatullah Akhund",)],
    O: [("ISKP",), ("ISIS-K",), ("Islamic State Khorasan Province",), ("Tehrik-i-Taliban Pakistan",), ("TTP",),
        ("United Nations",), ("UN",), ("Tehreek-e-Taliban Pakistan", "TTP"),
        ("Zabihullah Mujahid",)],  # a person's full name the model typed an organisation (joined on the corpus's votes)
    L: [("Kabul",), ("Kabul City",), ("Kunar",), ("Konar",), ("Sirajuddin Haqqani",)],
}


# names that share no resolution block with POOL's: a corpus drawing from both has several components
APART = {
    P: [("Darius Kemal",), ("Kemal",), ("Omar Haddad", "Abu Sami"), ("Lena Voss",), ("Lena Vos",), ("Voss",)],
    O: [("Northern Liberation Front",), ("NLF",), ("Coastline Herald",)],
    L: [("Port Alder",), ("Vardania",)],
}


def analysis(doc_id: str, rng: random.Random, version: str = "v1",
             pool: dict[EntityType, list[tuple[str, ...]]] = POOL) -> DocumentAnalysis:
    mentions = []
    pos = 0
    for cluster in range(rng.randint(1, 5)):
        etype = rng.choice([P, P, P, O, L])
        names = rng.choice(pool[etype])
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(names)
            mentions.append(Mention(doc_id, pos, pos + len(name), name, etype, cluster, names[0]))
            pos += len(name) + 1
    return DocumentAnalysis(doc_id, version, tuple(mentions))


def add(store: Store, analyses: list[DocumentAnalysis]) -> None:
    for a in analyses:
        if not store.get_documents([a.document_id]):
            store.add_document(Document(a.document_id, f"text of {a.document_id}", a.document_id))
    store.save_analyses(analyses)
