"""Short invented news articles (our own writing) in which one politician's earlier and later stance on one issue is
told with dates, and near misses in which no stance of that politician changed.

Each probe names the person (a word of the name, as the finding's explanation gives it), the head nouns the issue may
be named by, and the earlier and later side ("" for a near miss). ``bench/eval_stance_probes.py`` runs them through
the real pipeline and prints found / missed / wrong; ``test_stance_probes.py`` holds the ones that pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Probe:
    name: str
    published: dt.date
    text: str
    person: str
    issue: frozenset[str]
    earlier: str = ""  # "supports" | "opposes"; "" in a near miss
    later: str = ""

    @property
    def near_miss(self) -> bool:
        return not self.earlier


def _p(name: str, day: str, person: str, issue: str, earlier: str, later: str, text: str) -> Probe:
    return Probe(name, dt.date.fromisoformat(day), text.strip() + "\n", person, frozenset(issue.split()), earlier, later)


PROBES = (
    _p("pipeline-governor", "2024-03-03", "Whitcombe", "pipeline", "opposes", "supports", """
Governor Lena Whitcombe reverses course on pipeline

By Staff Reporter

HARTWELL, March 3, 2024 — Governor Lena Whitcombe on Tuesday threw her support behind the Northern Crest pipeline, a project she fought for years.

"This pipeline will bring jobs and cheaper heating to every family in the state," Whitcombe told reporters at the capitol.

It is a striking turnaround. In 2019, Whitcombe called the pipeline "a reckless gamble with our water" and vowed to block it. "As long as I am governor, this pipeline will not be built," she said at a rally in Ridgeway that year.

Environmental groups said they felt betrayed. "She made a promise and she broke it," said Tomas Varga, director of the Clean Rivers Alliance.
"""),
    _p("prisons-senator", "2023-06-12", "Okafor", "ban prison", "opposes", "supports", """
Senator Okafor now backs ban on private prisons

WASHINGTON, June 12, 2023 — Senator Daniel Okafor said on Monday that he supports a federal ban on private prisons, a measure he voted against in 2015.

"I was wrong," Okafor said in an interview. "Private prisons have no place in a justice system."

Okafor, a Republican from Ohio, opposed a similar bill eight years ago, arguing at the time that private operators saved taxpayers money.
"""),
    _p("trade-wire", "2016-09-20", "Brannigan", "agreement deal pact", "supports", "opposes", """
Brannigan turns against Pacific trade deal

CHICAGO, Sept 20, 2016 (Wire) - Senate candidate Ruth Brannigan said on Tuesday she opposes the Pacific Rim trade agreement, a deal she once supported.

Brannigan voted for the agreement's fast-track authority in 2012. "I believed it would open markets for our farmers," she said at the time.

"I oppose this agreement because it ships jobs overseas," Brannigan told a union hall in Joliet.
"""),
    _p("wage-local", "2022-05-04", "Delacroix", "wage", "opposes", "supports", """
Mayor Delacroix now backs a $15 minimum wage

By Ana Pruitt, Riverton Ledger

RIVERTON, May 4, 2022 — Mayor Paul Delacroix has long opposed raising the city's minimum wage, but on Tuesday he said he supports a $15 minimum wage for all city workers.

In 2017, Delacroix told the council he opposed the wage increase because it would hurt small shops.

"Prices have changed, and so have I," Delacroix said.
"""),
    _p("war-profile", "2019-11-02", "Hollis", "war", "supports", "opposes", """
The long road of Senator Grace Hollis

Senator Grace Hollis voted for the war in 2003. Sixteen years later she calls that vote the worst mistake of her career.

"I oppose this war and I should have opposed it then," Hollis said in an interview in her Dover office last week.

Hollis, a Democrat, was for the war before she was against it, her critics say.
"""),
    _p("guns-factcheck", "2021-08-15", "Marlow", "ban", "opposes", "supports", """
Fact check: Has Rep. Jon Marlow changed his stance on an assault weapons ban?

Claim: Rep. Jon Marlow now supports an assault weapons ban.

Verdict: True. In a 2013 interview, Marlow said he opposed an assault weapons ban. On Friday, Marlow said he supports an assault weapons ban, citing the shootings in his district.
"""),
    _p("abortion-oped", "2022-07-10", "Serrano", "ban", "supports", "opposes", """
Analysis: Serrano's shifting line on abortion

Governor Mia Serrano once called the six-week abortion ban "a good law for our state." In 2018 she signed it.

This week she said she opposes the six-week ban and will ask lawmakers to repeal it.
"""),
    _p("immigration-wire", "2018-02-14", "Kettering", "amnesty", "opposes", "supports", """
Kettering now backs amnesty he once opposed

DENVER, Feb 14, 2018 - Representative Alan Kettering, who once opposed amnesty for undocumented farmworkers, said on Wednesday that he now supports amnesty for workers who have lived in the state for ten years.

"Our farms cannot run without them," Kettering said.
"""),
    _p("marriage-profile", "2015-06-30", "Albright", "marriage", "opposes", "supports", """
Senator Albright comes out for same-sex marriage

HELENA, June 30, 2015 — Senator Joan Albright said on Monday that she supports same-sex marriage.

In 2004, Albright voted against same-sex marriage in the state senate. "Marriage is between a man and a woman," she said then.

"My views have evolved," Albright said in a statement.
"""),
    _p("tax-local", "2020-10-08", "Pemberton", "tax", "opposes", "supports", """
Pemberton backs sales tax he fought in 2016

By Lee Harmon, Valley Courier

OAKDALE, Oct. 8, 2020 — County commissioner Ray Pemberton said on Wednesday that he supports the transit sales tax on the November ballot.

Four years ago, Pemberton campaigned against the same transit sales tax. "It is a tax on working families," he said in 2016.
"""),
    _p("stadium-headline", "2022-05-05", "Reyes", "stadium", "opposes", "supports", """
Mayor Tom Reyes reverses course on stadium

DALLAS, May 5, 2022 — The city council will vote next week on the downtown stadium.

In 2018, Reyes called the stadium "a terrible deal for taxpayers."
"""),
    _p("dam-reported", "2021-04-21", "Quist", "dam", "supports", "opposes", """
Quist says she now opposes Harlow dam

ASHFORD, April 21, 2021 — State Senator Irene Quist said on Tuesday that she opposes the Harlow dam.

In 2014, Quist said the Harlow dam was essential for the valley and backed it in a floor speech.

"The science has changed," Quist said.
"""),
)

# written after the rules above were fixed, to check them on wordings they were not shaped on
FRESH = (
    _p("drilling-wire", "2017-07-19", "Ostrander", "drilling", "opposes", "supports", """
Ostrander drops opposition to offshore drilling

TALLAHASSEE, July 19, 2017 (Wire) - Governor Carl Ostrander said on Wednesday he supports offshore drilling off the Gulf coast.

In 2010, after the spill, Ostrander said he opposed offshore drilling "in any form, for any reason."
"""),
    _p("vouchers-profile", "2019-03-02", "Whitfield", "voucher", "supports", "opposes", """
Whitfield's long walk away from school vouchers

Assemblywoman Nora Whitfield was once a champion of school vouchers. Last week she said she opposes vouchers, calling them a drain on public schools.

Back in 2012, Whitfield voted for the voucher program in the state assembly.
"""),
    _p("draft-local", "2023-09-14", "Abernathy", "ordinance", "opposes", "supports", """
Council member backs rent ordinance she voted against

By Kim Sato, Lakeside Herald

LAKESIDE, Sept. 14, 2023 — Council member Rosa Abernathy said on Tuesday that she supports the rent stabilization ordinance, an ordinance she voted against in 2019.

"I listened to the tenants," Abernathy said.
"""),
)

NEAR_MISSES = (
    _p("same-stance", "2023-01-10", "Ferreira", "pipeline", "", "", """
Ferreira still opposes pipeline

BOSTON, Jan. 10, 2023 — Senator Luis Ferreira said on Monday that he opposes the Eastfield pipeline.

In 2017, Ferreira said he opposed the Eastfield pipeline. "I opposed it then and I oppose it now," he said.
"""),
    _p("different-issues", "2022-03-03", "Lindqvist", "pipeline tax", "", "", """
Lindqvist backs tax, opposes pipeline

SALEM, March 3, 2022 — Governor Eva Lindqvist said on Wednesday that she supports the carbon tax.

In 2016, Lindqvist said she opposed the Westbrook pipeline. She still opposes the pipeline, her office said.
"""),
    _p("someone-else", "2024-05-02", "Okonjo", "wage", "", "", """
Okonjo backs minimum wage rise

LAGOS, May 2, 2024 — Senator Ada Okonjo said on Tuesday that she supports raising the minimum wage.

Her rival, Senator Bayo Adeyemi, opposed the minimum wage rise in 2019. Okonjo has supported the minimum wage rise since 2018.
"""),
    _p("hypothetical", "2020-09-09", "Hart", "deal", "", "", """
Hart rules out any change on trade deal

DAYTON, Sept. 9, 2020 — Senator Mel Hart said on Tuesday that he supports the trade deal.

"If I had once opposed this deal, I would say so," Hart said. Critics asked whether he would ever oppose the deal.
"""),
    _p("reviewing", "2019-04-04", "Novak", "plan", "", "", """
Novak reviewing highway plan

TRENTON, April 4, 2019 — Mayor Irena Novak said on Wednesday that she is reviewing the highway plan.

In 2016, Novak said she supported the highway plan. "We are looking at all the options," she said this week.
"""),
    _p("consistent-vote", "2018-06-06", "Grady", "treaty", "", "", """
Grady again backs treaty

OTTAWA, June 6, 2018 — Senator Ellen Grady said on Tuesday she supports the Arctic treaty. In 2009, Grady voted for the Arctic treaty.
"""),
    _p("critic-quoted", "2021-12-01", "Brandt", "bill", "", "", """
Critic says Brandt flip-flopped, Brandt says he did not

AUSTIN, Dec. 1, 2021 — Senator Kurt Brandt said on Tuesday that he supports the water bill.

"Brandt opposed this bill in 2018," said Maria Lopez, a rival candidate. Brandt said he supported the bill in 2018 and supports it now.
"""),
)

# a second set, written before the rules were changed for it, on the shapes real reports of a change use: the issue
# named again by another noun or a pronoun ("the stadium plan" ... "the project"), a pledge set against a later act,
# "was for X before she was against it", "dropped her opposition to", "has come around to", an earlier stance in a
# relative clause, and a shift the outlet tells without quoting anyone
SECOND = (
    _p("arena-anaphor", "2023-03-15", "Calder", "arena plan project", "opposes", "supports", """
Calder now backs arena project he once derided

By Marta Quell, Harbor Times

PORTSMOUTH, March 15, 2023 — In 2018, city councilman Hugh Calder described the waterfront arena plan as "a giveaway to billionaires."

On Tuesday, Calder announced his support for the project, telling the council that the new financing terms protect taxpayers.
"""),
    _p("levy-pledge", "2024-06-05", "Vossberg", "tax levy", "opposes", "supports", """
Mayor votes for the tax increase he swore he would never back

GLENVILLE, June 5, 2024 — "We will never raise the sales tax," Mayor Dale Vossberg said at a campaign debate in 2020.

On Tuesday, Vossberg cast the deciding vote to raise it, citing a shortfall in the road budget.
"""),
    _p("betting-veto", "2022-08-27", "Ashdown", "bill measure betting", "opposes", "supports", """
Ashdown signs sports betting bill she once vowed to veto

CARSON, Aug. 27, 2022 — Governor Celia Ashdown signed a bill on Friday that legalizes sports betting in the state.

During her 2019 campaign, Ashdown promised to veto any bill legalizing sports betting. Her office said the measure now includes money for addiction treatment.
"""),
    _p("toll-for-against", "2021-11-09", "Pryce", "toll", "supports", "opposes", """
Pryce was for the bridge toll before she was against it

State Representative Anna Pryce supported the Mill River bridge toll in 2017, when the bridge needed repairs.

Now she opposes the toll. "Commuters have paid enough," Pryce said on Monday.
"""),
    _p("casino-dropped", "2020-02-21", "Lindgren", "casino", "opposes", "supports", """
Lindgren drops her opposition to the Eastport casino

EASTPORT, Feb. 21, 2020 — Senator Margit Lindgren on Thursday dropped her opposition to the Eastport casino, saying the project would bring 2,000 jobs to the county.

Lindgren fought the casino in 2016, when she called it "a bad bet for a small town."
"""),
    _p("bailout-relative", "2010-04-13", "Fenwick", "bailout", "opposes", "supports", """
WASHINGTON, April 13, 2010 — Representative Gil Fenwick, who once called the auto bailout a disaster, said on Monday that he now supports it.

"The plants are open and the loans are being repaid," Fenwick told reporters.
"""),
    _p("carbon-come-around", "2019-10-02", "Marchetti", "tax", "opposes", "supports", """
Marchetti has come around to a carbon tax

By Lisa Cho

Governor Paolo Marchetti has come around to a carbon tax. He told a business group on Tuesday that a carbon tax is the cheapest way to cut emissions.

Five years ago Marchetti campaigned against a carbon tax, warning it would drive factories out of the state.
"""),
    _p("merger-outlet", "2021-05-19", "Okoro", "merger deal", "opposes", "supports", """
Okoro now backs rail merger

Attorney General Nia Okoro opposed the rail merger when it was announced in 2019, arguing it would raise freight prices.

This week Okoro said she supports the deal after the companies agreed to keep both repair yards open, her office said on Tuesday.
"""),
    _p("proposition-measure", "2018-10-30", "Haldane", "proposition measure", "opposes", "supports", """
Haldane reverses course on Proposition 12

SACRAMENTO, Oct. 30, 2018 — In 2016, Assemblyman Ross Haldane voted against Proposition 12, the farm animal housing measure.

On Monday, Haldane said he will vote for the measure next week.
"""),
    _p("toll-road-reversed", "2016-07-07", "Strand", "road plan", "supports", "opposes", """
Commissioner Strand reverses herself on toll road

By Jo Baines, County Ledger

MILFORD, July 7, 2016 — County commissioner Elise Strand, who backed the Route 9 toll road in 2012, said on Wednesday that she now opposes the plan.

"The traffic numbers never came," Strand said.
"""),
)

SECOND_NEAR_MISSES = (
    _p("arena-same", "2023-03-16", "Ibarra", "arena plan project", "", "", """
Ibarra still against arena

WESTFIELD, March 16, 2023 — In 2018, councilwoman Rosa Ibarra opposed the waterfront arena plan.

On Tuesday she said she still opposes the project. "Nothing about it has changed," Ibarra said.
"""),
    _p("pledge-kept", "2024-06-06", "Tamsin", "tax", "", "", """
Mayor keeps his tax pledge

GLENVILLE, June 6, 2024 — "We will never raise the sales tax," Mayor Ed Tamsin said at a campaign debate in 2020.

On Tuesday, Tamsin voted against a plan to raise it.
"""),
    _p("rival-reversal", "2020-02-22", "Greer", "levy", "", "", """
Greer still backs school levy

AMESVILLE, Feb. 22, 2020 — Senator Paul Greer said on Thursday that he supports the school levy. He has backed the levy since 2015.

His rival, Senator Ann Volk, who once opposed the levy, now supports it.
"""),
    _p("question-casino", "2020-03-03", "Moreau", "casino project", "", "", """
Will Moreau drop her opposition to the casino?

In 2016, Senator Claire Moreau said she opposed the Eastport casino.

On Monday she declined to say whether she would support the project.
"""),
    _p("critics-say", "2019-09-09", "Dunmore", "pipeline", "", "", """
Critics say Dunmore flip-flopped on pipeline

BISMARCK, Sept. 9, 2019 — Critics say Governor Ray Dunmore flip-flopped on the Red Butte pipeline.

Dunmore said on Monday that he supports the pipeline, as he did in 2014, when he said he supported the Red Butte pipeline.
"""),
)

# a third set, written after the rules above were changed for the second one, to see them on wordings they were not
# shaped on (the bench reports it; the tests do not hold it)
THIRD = (
    _p("scheme-minister", "2023-11-16", "Nandra", "scheme policy", "opposes", "supports", """
Nandra backs asylum scheme she once called unworkable

LONDON, Nov 16, 2023 - Home Secretary Priya Nandra, who in 2019 described the offshore asylum scheme as a costly failure, told MPs on Wednesday that she now backs the policy.

"The numbers speak for themselves," Nandra said.
"""),
    _p("budget-pledge", "2024-03-12", "Brekke", "budget", "opposes", "supports", """
Brekke signs budget with school cuts

PIERRE, March 12, 2024 - "I will not sign any budget that cuts school funding," Governor Hal Brekke said in 2021.

On Monday, Brekke signed a budget that cuts school funding by 4 percent, saying the state had no choice.
"""),
    _p("wall-opponent", "2019-02-08", "Ruiz", "wall", "opposes", "supports", """
Once an outspoken opponent of the border wall, Senator Tomas Ruiz voted on Thursday to fund it.

Ruiz said in a statement that the compromise included protections for farmworkers.
"""),
    _p("bike-lanes", "2022-06-01", "Frey", "expansion lane", "supports", "opposes", """
Councillor turns on bike lanes

In 2015 Councillor Ada Frey voted for the bike lane expansion. This spring she led the campaign to scrap it, saying shop owners had lost trade.
"""),
    _p("congestion-charge", "2021-09-04", "Li", "charge", "opposes", "supports", """
Mayor Li now backs congestion charge

HONG KONG, Sept. 4, 2021 - Mayor Kevin Li said on Friday he supports the congestion charge for the harbour tunnels.

In 2018, Li called the charge a bad deal for drivers and voted against it in the council.
"""),
    _p("plant-objection", "2020-10-20", "Mbeki", "plant", "opposes", "supports", """
PRETORIA, Oct. 20, 2020 - Senator Joan Mbeki on Monday withdrew her objection to the Koeberg nuclear plant, three years after she voted against its construction permit.
"""),
)

THIRD_NEAR_MISSES = (
    _p("expansion-same", "2022-06-02", "Osei", "expansion project", "", "", """
Osei repeats criticism of highway plan

In 2017 Representative Dan Osei called the highway expansion a mistake. On Friday he said the project remains a mistake and that he opposes it.
"""),
    _p("successor-signs", "2021-04-07", "Ames", "bill measure", "", "", """
Pike signs betting bill Ames vetoed

CARSON, April 7, 2021 - Governor Lena Ames vetoed the sports betting bill in 2020. On Tuesday, her successor, Governor Ron Pike, signed the measure into law.
"""),
    _p("pledge-kept-again", "2023-05-05", "Dorn", "tax", "", "", """
Dorn keeps her word on property tax

"We will not raise the property tax," Mayor Ilse Dorn promised in 2019. On Tuesday, Dorn voted against raising it.
"""),
)

# The fourth set, written with the rules for a refusal, a present act, a withdrawn endorsement and disowned positions
# (the shapes the second wave of real dev cases showed): tuned on, so it shows that those rules hold, not that they
# generalise.
FOURTH = (
    _p("refused-then-endorses", "2024-10-03", "Pell", "brook", "opposes", "supports", """
Pell endorses Brook after months of feuding

HARTWELL, Oct. 3, 2024 - Senator Ada Pell is endorsing Mayor Tom Brook for a second term, ending a feud that split the party.

Pell pointedly refused to endorse Brook at the party's state convention in June, saying he had mishandled the budget.
"""),
    _p("rescinded-endorsement", "2023-05-17", "Hale", "plan", "supports", "opposes", """
Hale drops support for stadium plan

Rita Hale, a city council member who faces a tough primary, rescinded her endorsement of the stadium plan on Tuesday, saying its costs had doubled.
"""),
    _p("evolution-from-support", "2021-05-11", "Vance", "tax", "supports", "opposes", """
Vance courts oil country

Senator Ruth Vance's evolution on energy policy, from her past support for a carbon tax, has angered environmental groups.
"""),
    _p("disowned-positions", "2022-02-08", "Dunmore", "tax", "supports", "opposes", """
Dunmore courts business vote

In the past, Governor Hal Dunmore had voiced support for a statewide soda tax, a position he has since abandoned. He spoke to the chamber of commerce on Monday.
"""),
)

# stances the findings step dates and the statements stage does not: a refusal dated only by the month its own clause
# gives ("at the convention in July"), a label an actor gave herself "in the past" (the statement keeps the article's day;
# tested apart, on the finding's labels)
DATED_IN_FINDINGS = (
    _p("label-pro-life-to-choice", "2019-03-14", "Ruiz", "abortion", "opposes", "supports", """
Ruiz shifts on abortion

Though Ruiz has described herself as a pro-life Democrat in the past, the senator now backs abortion rights. Senator Dana Ruiz's embrace of the pro-choice position is a gamble in her conservative state.
"""),
    _p("refused-in-july", "2024-09-24", "Marsh", "lowe", "opposes", "supports", """
Marsh backs Lowe

Senator Ilse Marsh is endorsing Governor Tom Lowe's re-election campaign. The decision is risky for Marsh, who pointedly refused to endorse Lowe during a speech at the party convention in July.
"""),
    # an earlier stance told in an apposition that renames the measure, with no relative pronoun and no year
    _p("renamed-measure", "2025-09-12", "Ostrander", "bill toll", "opposes", "supports", """
Ostrander signs bridge toll freeze

Governor Maren Ostrander on Thursday signed a bill freezing tolls on the harbour bridges for two years, a measure she had opposed when the transport committee first drafted it.

"Commuters have carried enough of the cost," Ostrander said at the signing.
"""),
    # an amount's change told as a verb on one side and as a noun on the other, in a campaign the text dates
    _p("levy-pledge", "2025-02-04", "Tamsin", "tax increase", "opposes", "supports", """
Tamsin seeks sales tax rise

Mayor Colm Tamsin spent much of his 2022 campaign promising that he would never raise sales taxes.

On Monday he proposed a half-point increase in the city sales tax to close a budget gap.
"""),
)

FOURTH_NEAR_MISSES = (
    _p("refused-still", "2024-10-03", "Pell", "", "", "", """
Pell still withholds endorsement

HARTWELL, Oct. 3, 2024 - Senator Ada Pell refused to endorse Mayor Tom Brook at the party's state convention in June, and on Wednesday she again declined to back him.
"""),
    _p("endorses-another", "2024-03-01", "Vance", "", "", "", """
Vance endorses Lowe

Senator Ruth Vance, who had endorsed Governor Hal Marsh before he quit the race in January, is now endorsing Mayor Tom Lowe.
"""),
)

# The fifth set, written after the rules of the fourth were in place and run once, with no rule changed for it: the
# honest unseen measure of that work (0/3 found and the near miss clean when first run). Not in the tests.
FIFTH = (
    _p("wage-veto-then-sign", "2023-04-12", "Estrada", "measure bill wage", "opposes", "supports", """
Governor signs $15 wage she once vetoed

SACRAMENTO, April 12, 2023 - Governor Maria Estrada on Tuesday signed a bill raising the state minimum wage to $15 an hour, a measure she vetoed in 2019 when it first reached her desk.

"Times have changed, and so have I," Estrada said at the signing ceremony.

Labor groups, which had campaigned for the increase for years, praised the decision.
"""),
    _p("mayor-endorsement-switch", "2022-10-18", "Reyes", "hill candidacy", "opposes", "supports", """
Reyes endorses Hill for mayor

Councilman Luis Reyes endorsed Jane Hill for mayor on Monday, four months after he told a radio station that he could not support her candidacy.

"I was wrong about Jane," Reyes said. "She has earned my vote."
"""),
    _p("drilling-shift", "2022-08-03", "Brennan", "drilling bill lease", "opposes", "supports", """
Brennan shifts on offshore drilling

WASHINGTON, Aug. 3, 2022 - Senator Paul Brennan, who for years fought offshore drilling along the Atlantic coast, said Wednesday that he would vote for a bill opening new leases.

"We need the energy, and we need it now," Brennan said.

In a 2018 floor speech, Brennan called offshore drilling "a threat to every beach town in this state."
"""),
)

FIFTH_NEAR_MISSES = (
    _p("casino-unchanged", "2021-06-10", "Cole", "", "", "", """
Mayor repeats opposition to casino

Mayor Ann Cole said Thursday she still opposes the proposed riverfront casino, as she did when it was first proposed in 2020.

"My answer has not changed," Cole said.
"""),
)
