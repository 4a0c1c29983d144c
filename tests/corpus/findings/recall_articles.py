"""Fictional articles (tests only) for the recall of real disputes: stance shifts and casualty tolls.

Each case is a tuple of documents ``(published, text)``; every name, place and figure is invented.
POSITIVE cases hold exactly one dispute; NEAR_MISS cases look alike but hold none.

How a rising toll is treated (a decision, tested here): a count told as an update ("the toll rose to 42",
"has climbed to 42") replaces an earlier figure; it is no rival figure unless it is below the other value. So does a
higher figure in a report of a later day: only reports of one day, or a later report with a lower figure, dispute a toll.
"""

from __future__ import annotations

import datetime as dt

D = dt.date

STANCE_POSITIVE: dict[str, tuple[tuple[dt.date, str], ...]] = {
    "one-article-year-then-day": ((D(2024, 5, 1), """Senator shifts on port deal

Senator Lena Okafor said on Tuesday that she now supports the Bellmoor port deal, after years of criticism.
In 2020, Okafor said she opposed the port deal. Her office did not explain the change.
"""),),
    "two-articles-years-apart": (
        (D(2021, 3, 4), """Governor Ana Ruiz said on Wednesday that she opposes the Lakeside casino, citing traffic and crime.
"""),
        (D(2023, 9, 12), """Governor Ana Ruiz said on Monday that she supports the Lakeside casino because it would fund schools.
"""),
    ),
    "rejected-then-backs": (
        (D(2020, 6, 2), """Mayor Tom Brandt said on Monday that he rejected the stadium plan as a waste of public money.
"""),
        (D(2022, 2, 8), """Mayor Tom Brandt said on Tuesday he now backs the stadium plan after a new financing offer.
"""),
    ),
    "quote-never-support-then-supports": (
        (D(2019, 4, 10), """Councillor Ruth Abara spoke at a rally on Tuesday. "The incinerator would poison this valley and I will never support it," Abara said.
"""),
        (D(2024, 4, 10), """Councillor Ruth Abara said on Monday that she supports the incinerator now that new filters are planned.
"""),
    ),
    "against-then-in-favour": (
        (D(2018, 11, 20), """Union leader Marek Holm said on Monday that he was against the pension reform.
"""),
        (D(2021, 1, 15), """Union leader Marek Holm said on Thursday that he is in favour of the pension reform after talks with the government.
"""),
    ),
    "supports-then-no-longer-supports": (
        (D(2022, 3, 1), """Minister Ivo Dragan said on Monday that he supports the Kessel dam project.
"""),
        (D(2023, 10, 3), """Minister Ivo Dragan said on Tuesday that he no longer supports the Kessel dam project, citing costs.
"""),
    ),
    "month-precise-then-later-short-form": ((D(2025, 2, 14), """Okonjo changes course on transit

Transport chief Daniel Okonjo said on Thursday that he endorses the Eastside transit expansion.
In March 2023, Okonjo said he opposed the expansion, calling it too costly.
"""),),
    "organisation-it-opposes-then-backs": (
        (D(2019, 7, 8), """The Farmers Union said on Monday that it opposes the Harlan trade agreement.
"""),
        (D(2022, 7, 11), """The Farmers Union said on Monday that it backs the Harlan trade agreement after new quotas were added.
"""),
    ),
    "narrator-once-supported-now-opposes-it": ((D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane, who once supported the Harrow Ridge pipeline, now opposes it. Environmental groups welcomed the move.
"""),),
    "narrator-turned-against-which-once-supported": ((D(2024, 4, 9), """Farm vote splits the caucus

While Governor Tom Harlan shares many of Mr. Ames's views, he turned against Mr. Ames's farm bill - which he once supported - and has embraced a tougher line on subsidies.
"""),),
    "narrator-once-praised-then-would-not-allow": ((D(2024, 8, 2), """Trade pact loses a backer

Senator Vera Lindgren, who once praised the Dunmore trade agreement, said on Monday that she would not allow the accord to pass.
"""),),
    "narrator-once-in-one-article-then-own-stance-in-a-later-one": (
        (D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane, who once supported the Harrow Ridge pipeline, faces a tough primary this spring.
"""),
        (D(2024, 6, 11), """Senator Marta Delvane said on Monday that she opposes the Harrow Ridge pipeline.
"""),
    ),
    "dated-vote-then-repeal": ((D(2024, 1, 18), """Dam liability returns to the debate

Rival campaigns keep pointing to Okafor's 2015 vote for a bill that shielded dam builders from lawsuits.
Lena Okafor said on Saturday that she supported legislation to repeal the bill.
"""),),
    "reported-reversal-with-the-stance-held-now": ((D(2024, 5, 14), """Governor Abel Marsh reversed himself on the Keller pipeline on Monday, saying he now opposes the project.
"""),),
    "narrator-changed-position-then-own-stance": ((D(2024, 5, 14), """Senator Ruth Calloway changed her position on the Tamsin trade pact this week. She said on Tuesday that she opposes the pact.
"""),),
    "walked-back-support-then-own-stance": ((D(2024, 5, 14), """Senator Ruth Calloway walked back her support for the Tamsin trade pact on Tuesday. She told reporters that she now opposes the pact.
"""),),
    "dated-vote-cued-by-the-verb-then-own-stance": ((D(2024, 5, 14), """As a senator in 2015, Ruth Calloway voted for the Harlow dam bill. Calloway said on Monday that she opposes the bill.
"""),),
    "quoted-stance-in-an-earlier-year-then-now": ((D(2024, 5, 14), """"We back the Keller pipeline," Governor Abel Marsh said in a 2019 interview.
But on Monday Marsh told reporters: "We oppose the Keller pipeline."
"""),),
    "relative-clause-vote-then-now-says-it": ((D(2024, 5, 14), """Senator Ruth Calloway, who voted for the Harlow dam bill in 2015, now says she opposes it.
"""),),
    "once-backed-then-flip-flopped": ((D(2024, 5, 14), """Governor Abel Marsh, who once backed the Keller pipeline, has flip-flopped on the pipeline, his aides confirmed.
"""),),
    "speaker-cites-a-dated-vote-then-own-stance": ((D(2024, 1, 18), """Dam liability returns to the debate

Tom Brandt said Okafor's 2015 vote for a bill that shielded dam builders from lawsuits was a mistake.
Lena Okafor said on Saturday that she supported legislation to repeal the bill.
"""),),
    "reported-stance-then-narrators-turn-against": ((D(2024, 5, 14), """Senator Ruth Calloway said in 2021 that she supported the Tamsin trade pact. Calloway's turn against the pact this spring stunned her allies.
"""),),
    "had-supported-as-recently-as-then-opposes": ((D(2024, 5, 14), """Senator Ruth Calloway, who had supported the Tamsin pact as recently as 2022, said Tuesday she opposes the pact.
"""),),
    "once-described-as-a-model-then-now-opposes": ((D(2024, 5, 14), """Pipeline loses its champion

Governor Abel Marsh once described the Keller pipeline as "a model for the whole region." On Monday, Marsh said he opposes the pipeline.
"""),),
    "speaker-tells-anothers-earlier-stance-and-shift": ((D(2024, 5, 14), """Debate turns to trade

Senator Ruth Calloway noted that Governor Abel Marsh initially supported the Tamsin trade pact in 2019 and has shifted his position since.
"""),),
    "fronted-once-a-proponent-has-since-embraced-the-other-side": ((D(2024, 5, 14), """Levy fight

Once a proponent of the harbour levy, Mayor Tom Brandt has since joined the campaign against it, his aides confirmed.
"""),),
    "apposed-former-critic-now-backs": ((D(2024, 5, 14), """Mayor Tom Brandt, once a vocal critic of the stadium plan, now backs it after a new financing offer.
"""),),
    "backed-last-year-then-opposes": ((D(2024, 5, 14), """Councillor Ruth Abara backed the Varno incinerator last year. On Tuesday she said she opposes the incinerator.
"""),),
    "relative-pluperfect-stance-then-main-clause-act": ((D(2024, 5, 14), """Stadium vote

Mayor Tom Brandt, who had backed the stadium plan as a councillor, opposed it as mayor, citing the cost.
"""),),
    "backtracked-then-own-stance": ((D(2024, 5, 14), """Governor Abel Marsh backtracked on the Keller pipeline on Monday. Marsh told reporters that he now opposes the pipeline.
"""),),
}

STANCE_NEAR_MISS: dict[str, tuple[tuple[dt.date, str], ...]] = {
    "same-stance-repeated": (
        (D(2020, 5, 5), """Senator Paul Ferris said on Tuesday that he opposes the Millbrook landfill.
"""),
        (D(2023, 5, 9), """Senator Paul Ferris said on Tuesday that he still opposes the Millbrook landfill.
"""),
    ),
    "different-targets": (
        (D(2020, 5, 5), """Senator Paul Ferris said on Tuesday that he opposes the Millbrook landfill.
"""),
        (D(2023, 5, 9), """Senator Paul Ferris said on Tuesday that he supports the fuel tax.
"""),
    ),
    "flip-within-days": (
        (D(2023, 5, 1), """Senator Paul Ferris said on Monday that he opposes the Millbrook landfill.
"""),
        (D(2023, 5, 4), """Senator Paul Ferris said on Wednesday that he supports the Millbrook landfill.
"""),
    ),
    "two-speakers-opposite-stances": (
        (D(2020, 5, 5), """Senator Paul Ferris said on Tuesday that he opposes the Millbrook landfill.
"""),
        (D(2023, 5, 9), """Mayor Gina Torres said on Tuesday that she supports the Millbrook landfill.
"""),
    ),
    "same-head-different-names": (
        (D(2019, 2, 5), """Senator Lena Okafor said on Tuesday that she opposes the Keystone pipeline.
"""),
        (D(2024, 2, 6), """Senator Lena Okafor said on Tuesday that she supports the Northern Ridge pipeline.
"""),
    ),
    "hedged-later-stance": (
        (D(2019, 2, 5), """Senator Lena Okafor said on Tuesday that she opposes the Bellmoor port deal.
"""),
        (D(2024, 2, 6), """Senator Lena Okafor said on Tuesday that she may support the Bellmoor port deal if the terms change.
"""),
    ),
    "stance-of-another-subject": (
        (D(2019, 2, 5), """Senator Lena Okafor said on Tuesday that her party opposes the Bellmoor port deal.
"""),
        (D(2024, 2, 6), """Senator Lena Okafor said on Tuesday that she supports the Bellmoor port deal.
"""),
    ),
    "came-back-is-no-stance": (
        (D(2019, 2, 5), """Senator Lena Okafor said on Tuesday that she opposes the Bellmoor port deal.
"""),
        (D(2024, 2, 6), """Senator Lena Okafor said on Tuesday that she came back to the Bellmoor port deal with new questions.
"""),
    ),
    "narrator-once-then-now-same-stance": ((D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane, who once supported the Harrow Ridge pipeline, now backs it again. Environmental groups were dismayed.
"""),),
    "narrator-once-then-now-different-target": ((D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane, who once supported the Harrow Ridge pipeline, now opposes the Calder refinery.
"""),),
    "narrator-conditional-stance": ((D(2024, 3, 5), """Pipeline fight reaches the capital

If Senator Marta Delvane had once supported the Harrow Ridge pipeline, she would now oppose it, her critics argue.
"""),),
    "narrator-earlier-stance-of-someone-else": ((D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane now opposes the Harrow Ridge pipeline, which her rival Tom Brandt once supported.
"""),),
    "narrator-once-in-a-later-article-than-the-quoted-stance": (  # "once" may be before or after the January quote
        (D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane, who once supported the Harrow Ridge pipeline, faces a tough primary this spring.
"""),
        (D(2024, 1, 9), """Senator Marta Delvane said on Monday that she opposes the Harrow Ridge pipeline.
"""),
    ),
    "narrator-once-then-the-same-stance-in-a-later-article": (
        (D(2024, 3, 5), """Pipeline fight reaches the capital

Senator Marta Delvane, who once supported the Harrow Ridge pipeline, faces a tough primary this spring.
"""),
        (D(2024, 6, 11), """Senator Marta Delvane said on Monday that she supports the Harrow Ridge pipeline.
"""),
    ),
    "dated-vote-same-stance-later": ((D(2024, 1, 18), """Dam liability returns to the debate

Rival campaigns keep pointing to Okafor's 2015 vote for a bill that shielded dam builders from lawsuits.
Lena Okafor said on Saturday that she still supports the bill.
"""),),
    "reversal-on-another-issue": ((D(2024, 5, 14), """Governor Abel Marsh reversed himself on the fuel tax on Monday. He said he still opposes the Keller pipeline.
"""),),
    "reversal-without-a-stance-held-now": ((D(2024, 5, 14), """Governor Abel Marsh reversed himself on the Keller pipeline on Monday, his aides said.
"""),),
    "another-persons-reversal": ((D(2024, 5, 14), """Governor Abel Marsh said he opposes the Keller pipeline. His rival Dana Pruitt flip-flopped on the pipeline last year.
"""),),
    "vote-cued-by-the-verb-without-a-date": ((D(2024, 5, 14), """Ruth Calloway voted for the Harlow dam bill. Calloway said on Monday that she opposes the bill.
"""),),
    "quoted-stances-on-one-day": ((D(2024, 5, 14), """"We back the Keller pipeline," Governor Abel Marsh said on Monday. Later that day, Marsh said: "We oppose the Keller pipeline's route."
"""),),
    "relative-clause-year-is-not-when-she-speaks": ((D(2024, 5, 14), """Senator Ruth Calloway, who was elected in 2015, said that she opposes the Harlow dam bill. She said on Monday that she still opposes the bill.
"""),),
    "her-turn-to-speak-is-no-stance": ((D(2024, 5, 14), """Senator Ruth Calloway said in 2021 that she supported the Tamsin trade pact. It was Calloway's turn to speak on the pact this spring.
"""),),
    "accused-another-of-a-flip-flop": ((D(2024, 5, 14), """Governor Abel Marsh accused Dana Pruitt of a flip-flop on the Keller pipeline. Marsh said he opposes the pipeline.
"""),),
    "relative-pluperfect-stance-then-the-same-side": ((D(2024, 5, 14), """Mayor Tom Brandt, who had backed the stadium plan as a councillor, backed it again as mayor.
"""),),
    "relative-pluperfect-stance-then-another-target": ((D(2024, 5, 14), """Mayor Tom Brandt, who had backed the stadium plan as a councillor, opposed the new budget as mayor.
"""),),
    "fronted-once-a-critic-still-a-critic": ((D(2024, 5, 14), """Once a critic of the harbour levy, Mayor Tom Brandt has since become its loudest opponent.
"""),),
    "fronted-once-a-critic-then-another-subject": ((D(2024, 5, 14), """Once a critic of the harbour levy, Mayor Tom Brandt has since focused on the city budget.
"""),),
    "speaker-tells-anothers-earlier-stance-own-stance-now": ((D(2024, 5, 14), """Governor Abel Marsh said his rival Dana Pruitt once backed the Keller pipeline. Marsh said on Monday that he opposes the pipeline.
"""),),
    "hypothetical-about-face": ((D(2024, 5, 14), """An ally suggested that Senator Ruth Calloway might do an about-face on the Tamsin trade pact if elected. Calloway said on Monday that she opposes the pact.
"""),),
    "question-of-a-reversal": ((D(2024, 5, 14), """Will Governor Abel Marsh reverse himself on the Keller pipeline? Marsh said on Monday that he opposes the pipeline.
"""),),
    "described-as-a-friend-is-no-stance": ((D(2024, 5, 14), """Governor Abel Marsh once called Dana Pruitt a good friend. On Monday, Marsh said he opposes the Keller pipeline.
"""),),
    "once-and-now-the-same-side-in-other-words": ((D(2024, 5, 14), """Mayor Tom Brandt, once a vocal critic of the stadium plan, now opposes it more than ever.
"""),),
}

TOLL_POSITIVE: dict[str, tuple[tuple[dt.date, str], ...]] = {
    "count-without-subject-is-about-the-lead-event": (
        (D(2025, 3, 18), """Harbour market blast: ministry gives toll

PORT ARVEN — Twelve people died when a device went off at the fish market in Port Arven on Sunday, 16 March 2025, the
ministry said.
"""),
        (D(2025, 3, 17), """PORT ARVEN — At least 37 people were killed in the bombing at the Port Arven fish market on Sunday,
16 March 2025, hospital doctors said.
"""),
    ),
    "one-article-close-figures": ((D(2024, 6, 7), """Quake in Tarsel province

Rescue officials said 230 people died in the earthquake that struck Tarsel province on Sunday. The interior ministry said
180 people were killed in the quake, and more than 900 were injured.
"""),),
    "one-article-two-sources": ((D(2024, 6, 5), """Blast at Varno refinery

The explosion at the refinery in Varno on Monday killed at least 31 people, the provincial health office said on Tuesday.
Fire brigade commander Iris Lund said 12 people were killed in the blast.
"""),),
    "two-articles-same-city": (
        (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed 12 people.
"""),
        (D(2024, 6, 4), """The health office said on Tuesday 31 people were killed in the explosion at the Varno refinery.
"""),
    ),
    "fire-and-blaze": (
        (D(2023, 1, 9), """At least 25 people died in the fire at a market in Kalden, the mayor said on Sunday.
"""),
        (D(2023, 1, 10), """Police in Kalden said nine people were killed in the blaze at the market.
"""),
    ),
    "earthquake-and-quake": (
        (D(2022, 8, 2), """The earthquake in the Soran region killed 120 people, the interior ministry said on Monday.
"""),
        (D(2022, 8, 3), """Local officials in Soran said 64 people were killed in the quake.
"""),
    ),
    "injured-counts": (
        (D(2021, 3, 15), """A bus crash near Tellis on Sunday injured 40 people, the regional government said.
"""),
        (D(2021, 3, 16), """Hospital director Omar Saleh said 14 people were injured in the crash near Tellis.
"""),
    ),
    "attack-on-market": (
        (D(2020, 10, 1), """The attack on a market in Dussa killed nine people, the army said on Wednesday.
"""),
        (D(2020, 10, 1), """Residents of Dussa said 23 people were killed in the attack.
"""),
    ),
    "flood-same-valley": (
        (D(2019, 9, 20), """The flood in Merrow killed 55 people, the emergency agency said on Thursday.
"""),
        (D(2019, 9, 22), """Rescuers said 18 people were killed in the flood in Merrow.
"""),
    ),
    "weekday-then-count": (
        (D(2024, 2, 7), """Police chief Aaron Pike said the bombing in Lorne killed 8 people.
"""),
        (D(2024, 2, 7), """The health ministry said on Wednesday 27 people were killed in the bombing in Lorne.
"""),
    ),
}

TOLL_NEAR_MISS: dict[str, tuple[tuple[dt.date, str], ...]] = {
    "count-without-subject-from-another-year": ((D(2025, 3, 18), """Market blast in Port Arven

The blast at the Port Arven fish market on Sunday killed 12 people, the ministry said. In March 2011, 40 people died in
Port Arven during the floods, officials said.
"""),),
    "rising-toll-is-an-update": (
        (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed 12 people.
"""),
        (D(2024, 6, 6), """The death toll from the explosion in Varno rose to 31 on Wednesday, officials said.
"""),
    ),
    "compatible-approximate-values": (
        (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed about 30 people.
"""),
        (D(2024, 6, 5), """The health office said on Tuesday 31 people were killed in the explosion at the Varno refinery.
"""),
    ),
    "at-least-is-compatible-with-more": (
        (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed at least 12 people.
"""),
        (D(2024, 6, 5), """The health office said on Tuesday 31 people were killed in the explosion at the Varno refinery.
"""),
    ),
    "different-places": (
        (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed 12 people.
"""),
        (D(2024, 6, 5), """Officials in Pellam said 31 people were killed in the explosion at a mine.
"""),
    ),
    "different-populations": (
        (D(2020, 10, 1), """The attack on a market in Dussa killed nine soldiers, the army said on Wednesday.
"""),
        (D(2020, 10, 2), """Residents of Dussa said 23 civilians were killed in the attack.
"""),
    ),
    "weeks-apart": (
        (D(2019, 9, 1), """The flood in Merrow killed 55 people, the emergency agency said on Thursday.
"""),
        (D(2019, 11, 20), """Rescuers said 18 people were killed in the flood in Merrow.
"""),
    ),
    "killed-and-injured": (
        (D(2021, 3, 15), """A bus crash near Tellis on Sunday killed 4 people, the regional government said.
"""),
        (D(2021, 3, 16), """Hospital director Omar Saleh said 14 people were injured in the crash near Tellis.
"""),
    ),
    "different-events-one-city": (
        (D(2023, 1, 9), """At least 25 people died in the fire at a market in Kalden, the mayor said on Sunday.
"""),
        (D(2023, 1, 10), """Police in Kalden said nine people were killed in the flood.
"""),
    ),
    "parts-of-one-total": ((D(2024, 6, 5), """Blast at Varno depot

The explosion at a depot in Varno killed 13 soldiers and 40 civilians, the army said on Tuesday.
"""),),
}

STANCE_NEAR_MISS["generic-target-two-bills"] = (
    (D(2015, 3, 3), """Senator Paul Ferris said on Tuesday that he opposes the bill.
"""),
    (D(2016, 9, 6), """Senator Paul Ferris said on Tuesday that he supports the bill.
"""),
)

TOLL_NEAR_MISS["earlier-events-recalled-in-the-background"] = ((D(2022, 8, 2), """Quake shakes Soran coast

The earthquake in the Soran region on Monday killed 12 people, the interior ministry said.
The region is prone to strong tremors. In March, a quake near the port of Soran killed 64 people and injured 300.
Residents still remember a quake that killed thousands of people in Soran two decades ago.
Rescue teams said the earthquake in Soran injured 40 people.
"""),)

# Real reports of one event disagree on more than its toll: the quake's magnitude (two agencies), a named person's
# age, a toll given by a datelined wire story, two close exact tolls.
TOLL_POSITIVE["magnitude-two-agencies"] = (
    (D(2024, 4, 6), """SOREL, Marovia (AP) — A magnitude 6.4 earthquake struck near Sorel on Saturday, the national
seismology office said.
"""),
    (D(2024, 4, 6), """The quake that struck near Sorel on Saturday had a magnitude of 5.9, the regional observatory said.
"""),
)
TOLL_POSITIVE["datelined-reports-of-one-blast"] = (
    (D(2024, 6, 4), """VARNO, Telmar (Reuters) — An explosion at a refinery in Varno on Monday killed 12 people, officials said.
"""),
    (D(2024, 6, 4), """VARNO — The health office said 31 people were killed in the explosion at the Varno refinery on Monday.
"""),
)
TOLL_POSITIVE["close-exact-tolls"] = (
    (D(2023, 1, 9), """The fire at a market in Kalden killed 37 people, the mayor said on Sunday.
"""),
    (D(2023, 1, 9), """Police in Kalden said 40 people were killed in the fire at the market.
"""),
)
TOLL_POSITIVE["ages-of-one-person"] = (
    (D(2024, 11, 3), """Singer Mara Lindqvist, 33, has checked into a clinic in Dover, her agent said on Monday.
"""),
    (D(2024, 11, 4), """Mara Lindqvist, 34, entered the Harbor View clinic in Dover on Monday, a magazine reported.
"""),
)

# two quakes of one region weeks apart; a magnitude revised; an aftershock; ages of two people of one name
TOLL_NEAR_MISS["magnitudes-of-two-quakes-in-two-places"] = (
    (D(2024, 4, 6), """A magnitude 6.4 earthquake struck near Sorel on Saturday, the seismology office said.
"""),
    (D(2024, 4, 7), """A magnitude 5.2 earthquake struck near Tavira on Sunday, the observatory said.
"""),
)
TOLL_NEAR_MISS["magnitudes-of-one-place-weeks-apart"] = (
    (D(2024, 4, 6), """A magnitude 6.4 earthquake struck near Sorel on Saturday, the seismology office said.
"""),
    (D(2024, 5, 20), """A magnitude 5.2 earthquake struck near Sorel on Monday, the seismology office said.
"""),
)
TOLL_NEAR_MISS["magnitude-revised"] = (
    (D(2024, 4, 6), """A magnitude 6.4 earthquake struck near Sorel on Saturday, the seismology office said.
"""),
    (D(2024, 4, 7), """The seismology office revised the earthquake near Sorel on Saturday to magnitude 6.1.
"""),
)
TOLL_NEAR_MISS["aftershock-magnitude"] = (
    (D(2024, 4, 6), """A magnitude 6.4 earthquake struck near Sorel on Saturday, the seismology office said.
"""),
    (D(2024, 4, 7), """A magnitude 5.1 aftershock struck near Sorel on Sunday, the seismology office said.
"""),
)
TOLL_NEAR_MISS["ages-of-two-people-of-one-name"] = (
    (D(2024, 11, 3), """Farmer Tomas Berg, 34, won the county prize for his cattle, the fair said on Monday.
"""),
    (D(2024, 11, 4), """Tomas Berg, 71, a retired judge, spoke at the Dover library on Monday.
"""),
)
TOLL_NEAR_MISS["ages-a-year-apart"] = (
    (D(2023, 11, 3), """Singer Mara Lindqvist, 33, has checked into a clinic in Dover, her agent said on Monday.
"""),
    (D(2024, 11, 4), """Mara Lindqvist, 34, released a new album on Monday, her label said.
"""),
)
TOLL_NEAR_MISS["datelined-reports-of-two-cities"] = (
    (D(2024, 6, 4), """VARNO, Telmar (Reuters) — An explosion at a refinery in Varno on Monday killed 12 people, officials said.
"""),
    (D(2024, 6, 4), """PELLAM — An explosion at a mine in Pellam on Monday killed 31 people, officials said.
"""),
)
TOLL_NEAR_MISS["a-later-days-higher-toll-is-an-update"] = (
    (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed 12 people.
"""),
    (D(2024, 6, 6), """The health office said on Wednesday 31 people were killed in the explosion at the Varno refinery.
"""),
)
TOLL_POSITIVE["a-later-days-lower-toll-is-a-dispute"] = (
    (D(2024, 6, 4), """Officials in Varno said the refinery explosion on Monday killed 31 people.
"""),
    (D(2024, 6, 6), """The health office said on Wednesday 12 people were killed in the explosion at the Varno refinery.
"""),
)
TOLL_POSITIVE["wire-reports-bomber-and-bomb-attack"] = (
    (D(2015, 3, 3), """DURAN, Velmora (AP) — A suicide bomber struck a crowded market in Duran on Tuesday, killing 17 people, officials
said.
"""),
    (D(2015, 3, 3), """DURAN (Reuters) - A suicide bomb attack on a market in Duran killed 21 people on Tuesday, a health ministry
spokesman said.
"""),
)
TOLL_POSITIVE["toll-stood-at-against-people-killed"] = (
    (D(2015, 3, 3), """A bomb blast at a market in Duran killed 17 people on Tuesday, police said.
"""),
    (D(2015, 3, 3), """The death toll from Tuesday's bombing at a Duran market stood at 26, the interior ministry said.
"""),
)
TOLL_POSITIVE["magnitude-put-at"] = (
    (D(2013, 4, 9), """The national survey said the earthquake near Tessaly on Tuesday measured 6.3.
"""),
    (D(2013, 4, 9), """The regional seismology centre put the magnitude of Tuesday's quake near Tessaly at 5.8.
"""),
)
TOLL_NEAR_MISS["gunman-and-bombing-in-two-cities"] = (
    (D(2015, 3, 3), """A gunman opened fire at a school in Duran on Tuesday, killing 4 people, police said.
"""),
    (D(2015, 3, 3), """A bomb blast at a market in Pellam killed 17 people on Tuesday, police said.
"""),
)

# one event's tolls from four reports, the pairs sharing "Duran" or "Velmora": one dispute with a side per figure
ONE_EVENT_FOUR_TOLLS: tuple[tuple[dt.date, str], ...] = (
    (D(2015, 3, 3), """A suicide bomber struck a crowded market in Duran, Velmora on Tuesday, killing 17 people, officials said.
"""),
    (D(2015, 3, 3), """A suicide bomb attack on a market in Duran killed 21 people on Tuesday, a health ministry spokesman said.
"""),
    (D(2015, 3, 3), """A bomb blast at a market in Duran, Velmora killed 25 people on Tuesday, the army said.
"""),
    (D(2015, 3, 4), """Officials in Velmora said the blast in Duran killed 12 people.
"""),
)

# a toll whose doer is a common noun ("the suspect killed five") is about the article's own event, as its headline
# names it: reports of one day that disagree are a dispute; the same doer in a report of another kind of event is not
TOLL_POSITIVE["common-noun-doer-of-the-headline-event"] = (
    (D(2024, 6, 4), """Dellmar school shooting

The suspect killed five people at a school in Dellmar on Tuesday, police said.
"""),
    (D(2024, 6, 4), """DELLMAR — Seven people were killed when a gunman opened fire at the Dellmar school on Tuesday, the mayor said.
"""),
)
TOLL_NEAR_MISS["common-noun-doer-of-another-kind-of-event"] = (
    (D(2024, 6, 4), """Dellmar school shooting

The suspect killed five people at a school in Dellmar on Tuesday, police said.
"""),
    (D(2024, 6, 4), """Dellmar warehouse fire

The blaze killed seven people at a warehouse in Dellmar on Tuesday, the mayor said.
"""),
)
TOLL_NEAR_MISS["a-doers-record-is-no-toll-of-the-event"] = (
    (D(2024, 6, 4), """Market bombing in Dussa

The bombing at the Dussa market killed 45 people on Monday, police said.
"""),
    (D(2024, 6, 4), """Market bombing in Dussa

A bomb exploded at the Dussa market on Monday. The insurgents have killed thousands of people in Dussa, officials said.
"""),
)

# a toll told in other words of its victims' state ("lost their lives", "left 12 dead", "fatalities", "deaths") is the
# same toll as "people were killed"; a part of a city is in the city; totals of one span told from the publication day
# ("so far this year") are rivals, a total of another span or a later day's is not
TOLL_POSITIVE["lost-their-lives-against-died"] = (
    (D(2025, 3, 17), """Quake strikes Tarsel

At least 40 people lost their lives in the earthquake in Tarsel province on Sunday, the interior ministry said.
"""),
    (D(2025, 3, 17), """Rescue officials in Tarsel said 25 people died in the quake.
"""),
)
TOLL_POSITIVE["left-dead-against-killed"] = (
    (D(2024, 6, 4), """The blast at the Varno refinery on Monday left 12 dead and 40 wounded, police said.
"""),
    (D(2024, 6, 4), """The health office said 31 people were killed in the explosion at the Varno refinery.
"""),
)
TOLL_POSITIVE["fatalities-against-deaths"] = (
    (D(2024, 6, 4), """The ministry reported 35 fatalities after the explosion at a refinery in Varno on Monday.
"""),
    (D(2024, 6, 4), """There were 12 deaths in the explosion at a refinery in Varno, the health office said.
"""),
)
TOLL_POSITIVE["part-of-a-city-against-the-city"] = (
    (D(2024, 6, 4), """Police say two people have been killed and 4 wounded in a shooting at a bakery in Northeast Philadelphia.
"""),
    (D(2024, 6, 4), """A gunman opened fire at a bakery in Philadelphia, killing two workers and wounding nine others.
"""),
)
TOLL_POSITIVE["so-far-this-year-against-since-the-start-of-the-year"] = (
    (D(2025, 3, 18), """So far this year, the Dussa Front has carried out 40 attacks in Kessel province, the army said.
"""),
    (D(2025, 3, 18), """Since the start of the year, the Dussa Front has carried out 12 attacks in Kessel province, a monitoring group said.
"""),
)
TOLL_NEAR_MISS["toll-now-stands-at-on-the-same-day"] = (
    (D(2024, 6, 4), """Police said 12 people were killed in the riots in Varno on Tuesday.
"""),
    (D(2024, 6, 4), """The death toll from the riots in Varno now stands at 26, police said.
"""),
)
TOLL_NEAR_MISS["this-month-and-last-month"] = (
    (D(2025, 3, 18), """This month, the Dussa Front has carried out 40 attacks in Kessel province, the army said.
"""),
    (D(2025, 3, 18), """Last month, the Dussa Front carried out 12 attacks in Kessel province, a monitoring group said.
"""),
)
TOLL_NEAR_MISS["so-far-this-year-on-a-later-day"] = (
    (D(2025, 3, 18), """So far this year, the Dussa Front has carried out 40 attacks in Kessel province, the army said.
"""),
    (D(2025, 3, 24), """So far this year, the Dussa Front has carried out 52 attacks in Kessel province, a monitoring group said.
"""),
)
TOLL_NEAR_MISS["two-parts-of-one-name"] = (
    (D(2024, 6, 4), """A gunman opened fire at a bakery in North Carolina, killing two workers and wounding nine others.
"""),
    (D(2024, 6, 4), """Police say two people have been killed and 4 wounded in a shooting at a bakery in South Carolina.
"""),
)
TOLL_NEAR_MISS["dead-and-wounded-against-killed-and-injured"] = (
    (D(2024, 6, 4), """The blast at the Varno refinery on Monday left 12 dead and 40 wounded, police said.
"""),
    (D(2024, 6, 4), """The health office said 12 people were killed and 40 injured in the explosion at the Varno refinery.
"""),
)
TOLL_POSITIVE["sentence-initial-common-noun-reporter"] = (
    (D(2024, 6, 4), """Officials reported 35 fatalities after the explosion at a refinery in Varno on Monday, and local officials said
more people were missing.
"""),
    (D(2024, 6, 4), """The health office said 12 people were killed in the explosion at a refinery in Varno.
"""),
)
TOLL_NEAR_MISS["a-figure-a-newer-one-replaced"] = (
    (D(2024, 6, 4), """The quake in Tarsel killed 30 people, up from an earlier toll of 12, the interior ministry said.
"""),
    (D(2024, 6, 4), """Officials in Tarsel said 12 people were killed in the quake.
"""),
)
TOLL_NEAR_MISS["last-weeks-quake-recalled-beside-todays"] = ((D(2025, 3, 18), """Quake strikes Tarsel

An earthquake in Tarsel province killed 40 people on Monday, the interior ministry said. The earthquake that struck the
province last week killed 12 people.
"""),)
TOLL_POSITIVE["a-county-against-its-city"] = (
    (D(2024, 6, 4), """A gunman killed two people and wounded 4 at a bakery in Los Angeles County on Monday, police said.
"""),
    (D(2024, 6, 4), """A gunman opened fire at a bakery in Los Angeles, killing two people and wounding nine others.
"""),
)
TOLL_NEAR_MISS["two-cities-of-one-first-word"] = (
    (D(2024, 6, 4), """A gunman killed two people and wounded 4 at a bakery in San Jose on Monday, police said.
"""),
    (D(2024, 6, 4), """A gunman opened fire at a bakery in San Diego, killing two people and wounding nine others.
"""),
)
