"""Stance phrases a text tells in its own voice, marked as earlier or later.

News on a politician's change of position rarely quotes both positions; the outlet tells them:
"Clinton, who once praised the trade deal, now opposes it", "he turned against the trade bill - which he
once supported", "the senator used to back the war". Such a phrase is the actor's position (the sentence
span is its provenance), and its marker says when it held:

* earlier: "once", "previously", "initially", "originally", "formerly", "used to" or a relative "who had" (but
  not "who had long") before a stance verb, a
  year ("backed the war in 2002") before the year of publication, or "last year", "years ago", "in the past",
  "at the time", "when she was ...";
  a stance noun ("once a proponent of the levy", "a former critic of the pact", "once among the loudest critics of");
  a past tense held "for years" ("who for years fought offshore drilling"); a past tense in a relative clause on a noun
  (", which she helped negotiate"); the verb before "before" in "praised the pact before turning against it" (the
  gerund after it is the later side); a description that takes a side
  ("once described the pact as the gold standard", "once called the deal a disaster"); a time put before the
  subject ("In 2016, Pemberton campaigned against the tax", "Four years ago, she opposed it"); a stance held for
  long that the sentence sets against what follows ("has long opposed raising the wage, but on Tuesday ...");
* later: "now", "has since", "later", "no longer" before a stance verb, "came out against", or "turned against"; a
  stance noun taken up since ("has since become one of the loudest critics of", "is now a vocal supporter of");
  a change told without its target right after an earlier stance of the same clause ("initially backed the war
  in 2003 and has shifted his position since"; "Once a critic of the levy, Vance has since embraced it"), which
  is the opposite side on that target.

Some phrases tell both positions at once, each kept as a phrase of its own: a stance withdrawn ("rescinded his
endorsement of Trump": supported before, opposes now), a change named by a noun ("Trump's evolution ..., from his
support for abortion rights"), positions disowned since ("had voiced support for a single-payer system ..., stances
that he has since disavowed"), and a vote its voter calls a mistake ("called her vote in favor of the Iraq War a
mistake").

:func:`stance_phrases` finds these phrases in a narrator clause (the ``claims`` stage of ``nlp/`` keeps each as
one speakerless statement; :func:`storyline.corpus.findings.shifts.narrator_stance` reads one back as a stance).
Conditionals and hypotheticals ("if she had once supported") are no stance; neither is a phrase without a
marker (the narrator's plain "X supports Y" is left to reported speech).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BEFORE_TURN", "EARLIER", "RENAMED_BEFORE", "FRONTED_STANCE", "LATER", "LONG_HELD", "OPPOSES", "REVERSAL", "STANCE_LEMMAS", "STANCE_PHRASE", "SUPPORTS",
           "VOTE_REGRET", "WITHDRAWING_LEMMAS", "WITHDRAWN", "ShiftPhrase", "description_side", "regretted_vote", "stance_phrases", "withdrawn_held"]

SUPPORTS, OPPOSES = "supports", "opposes"
EARLIER, LATER = "earlier", "later"
# the lemmas of the stance verbs: a statement the statements stage cued with one of them is a stance, not speech
# cue lemmas of stances, not speech ("turn": "he turned against the bill", an open candidate of the statements stage)
STANCE_LEMMAS = frozenset({"support", "back", "praise", "champion", "endorse", "oppose", "criticize", "criticise", "reject",
                           "vote", "turn"})

# "fought for years" is a span of time, not "fought for" a cause: the phrase fights its object, it does not back it
_NOT_A_SPAN = r"(?!\s+(?:(?:many|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:years|decades|months|weeks)\b)"
_SUP = (r"(?:voiced|expressed|declared|announced|offered)\s+(?:(?:his|her|their)\s+)?(?:full\s+|strong\s+)?support\s+(?:for|of)|support(?:ed|s)?|back(?:ed|s)?(?!\s+away\b)|praised|champion(?:ed|s)?|endorsed|voted\s+for|hailed|touted|lauded|"
        rf"embraced|favou?red|advocated(?:\s+for)?|pushed\s+for|(?:campaigned|fought)\s+for{_NOT_A_SPAN}|pledged\s+to\s+support|signed|promoted|"
        r"(?:co-?)?sponsored|(?:co-?)?authored|co-?wrote|helped\s+(?:to\s+)?(?:write|draft|negotiate|craft|pass|shape|broker)|"
        r"(?:promised|vowed|pledged)\s+to\s+sign")
_OPP = (r"(?:voiced|expressed|declared|announced)\s+(?:(?:his|her|their)\s+)?(?:strong\s+|firm\s+)?opposition\s+to|oppos(?:ed|es)|voted\s+against|criticized|criticised|rejected|turned\s+against|denounced|condemned|"
        r"campaigned\s+against|railed\s+against|spoke\s+out\s+against|backed\s+away\s+from|walked\s+away\s+from|"
        r"distanced\s+(?:himself|herself|themselves)\s+from|disavowed|repudiated|renounced|vetoed|(?:promised|vowed|pledged|threatened)\s+to\s+(?:veto|block|kill)|"
        rf"fought(?!\s+(?:for{_NOT_A_SPAN}|in|on|with|alongside|off|back|over|to|through|hard|each)\b)(?:\s+against)?")
# a stance told as what the actor was: "once a proponent of the tax", "a former critic of the pact"
_NOUN_SUP = r"supporter|proponent|champion|advocate|backer|defender|sponsor|booster"
_NOUN_OPP = r"critic|opponent|foe|skeptic|sceptic|detractor"
# a stance noun's own modifiers: "a vocal critic", "among the loudest critics", "one of the most outspoken opponents"
_NOUN_MODS = r"(?:(?:most|more|very|early|leading)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
_NOUN_MARK = (r"(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:(?:[Oo]nce|formerly|previously|initially|originally)\s+(?:(?:among|one\s+of)\s+(?:the\s+|(?:his|her|their|its)\s+)?|an?\s+)"
              rf"{_NOUN_MODS}|(?:an?)\s+(?:former|onetime|one-time)\s+{_NOUN_MODS})")
# a description that takes a side: "once called the pact a model", "once described the deal as the gold standard"
_DESCRIBE = r"described|called|labell?ed|branded|dubbed|deemed|considered"
_PRAISE = re.compile(r"\b(?:gold\s+standard|model|great|good|best|excellent|essential|vital|necessary|crucial|critical|important|historic|"
                     r"landmark|breakthrough|success|win|triumph|victory|boon|lifeline)\b", re.IGNORECASE)
_BLAME = re.compile(r"\b(?:mistake|disaster|disastrous|failure|fiasco|terrible|horrible|bad|worst|wrong|flawed|dangerous|unacceptable|"
                    r"catastrophe|catastrophic|scam|sham|outrage|travesty|job[\s-]killer|nightmare|threat|folly|blunder|reckless|gamble|boondoggle|"
                    r"irresponsible|giveaway|handout|rip-?off|waste|bad\s+bet|dead\s+end|betrayal|insult|joke|embarrassment|disgrace|"
                    r"non-?starter|abomination|unconstitutional)\b", re.IGNORECASE)
# what a "has since ..." after a fronted earlier stance must say to tell a change: a verb of changing or taking up a
# position, or a stance of the other side ("Once a critic of the levy, Vance has since embraced it")
_CHANGE = re.compile(r"\b(?:adopt(?:ed|s)?|embrac(?:ed|es)|join(?:ed|s)|switch(?:ed|es)|shift(?:ed|s)|chang(?:ed|es)|revers(?:ed|es)|"
                     r"dropp(?:ed)|drops|abandon(?:ed|s)|soften(?:ed|s)|come\s+around|came\s+around|turn(?:ed|s)|convert(?:ed|s))\b", re.IGNORECASE)
_SAME_SIDE = {SUPPORTS: re.compile(rf"\b(?:{_SUP}|(?:{_NOUN_SUP})s?)\b", re.IGNORECASE),
              OPPOSES: re.compile(rf"\b(?:{_OPP}|(?:{_NOUN_OPP})s?)\b", re.IGNORECASE)}
_OTHER = {SUPPORTS: OPPOSES, OPPOSES: SUPPORTS}
_NOT_BEFORE = re.compile(r"\b(?:not|no|never|hardly)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SUBJ = (r"(?P<subj>\b(?:who|he|she|they|(?:his|her|their)(?=\s+turn\s+against)|[A-Z][\w’'-]+)\s+(?:(?:also|too|even|himself|herself|"
         r"themselves|itself)\s+)?|(?<=,\s)|(?<=\band\s)|^)")  # none after a comma: "X, who once ..., now opposes it"
# an office held before, told as the time of the act: "who as secretary of state called the pact the gold standard"
_AS_ROLE = r"as\s+(?:secretary\s+of\s+state|first\s+lady|(?:a\s+)?(?:senator|governor|mayor|congressman|congresswoman|state\s+senator|state\s+legislator))"
# a past tense held "for years" ("who for years fought offshore drilling") is a period that has ended: "has for years" is not
_FOR_YEARS = r"for\s+(?:(?:many|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:years|decades)"
_EARLY_MARK = rf"(?:had\s+)?(?:once|previously|initially|originally|formerly|{_FOR_YEARS},?|{_AS_ROLE},?)\s+(?:had\s+)?"
# an apposition that renames a measure before a relative clause without its pronoun: "..., a measure she had opposed"
_RENAMING = (r"(?:a|an|the)\s+(?:[a-z]+\s+)?(?:measure|bill|project|proposal|plan|deal|policy|law|pact|agreement|accord|treaty|"
             r"initiative|package|program|programme|scheme|idea|reform|ban|tax|move)")
# the apposition right before such a clause once the clause is read alone ("..., a measure " + "she had opposed ...")
RENAMED_BEFORE = re.compile(rf",\s*{_RENAMING}\s+(?:(?:which|that)\s+)?$", re.IGNORECASE)
_LATE_MARK = r"(?:(?:now|later|since|has\s+since|have\s+since|had\s+since|has\s+now)\s+)"
_IN_YEAR = r"(?:in|as\s+recently\s+as|as\s+late\s+as|until)"  # "backed the war in 2002", "as recently as 2022"
# a time before the article's own told without a year: "backed the levy last year", "opposed it years ago"
_PAST = (r"(?P<past>last\s+year|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+years\s+ago|years\s+ago|in\s+the\s+past\b|"
         r"at\s+the\s+time\b(?!\s+of\b)|when\s+(?:he|she|they)\s+(?:was|were)\b|" + _AS_ROLE + r"\b)")  # "backed the pact when she was secretary of state"
# a change told as "X before Y-ing": "supported the pact before opposing it", "backed the war before turning against it"; the
# verb before is the earlier position, the gerund after "before" the later one
_TURN_SUP = (r"supporting|backing|endorsing|embracing|championing|favou?ring|voting\s+for|coming\s+out\s+(?:for|in\s+favou?r\s+of)|"
             r"coming\s+around\s+to|signing")
_TURN_OPP = (r"opposing|rejecting|critici[sz]ing|denouncing|turning\s+against|coming\s+out\s+against|voting\s+against|vetoing|"
             r"disavowing|renouncing|repudiating|(?:distancing\s+(?:himself|herself|themselves)|backing\s+away|walking\s+away)\s+from")
BEFORE_TURN = re.compile(rf"before\s+(?:(?:later|eventually|ultimately|finally|abruptly|then)\s+)?(?:(?P<tsup>{_TURN_SUP})|(?P<topp>{_TURN_OPP}))\b",
                         re.IGNORECASE)
STANCE_PHRASE = re.compile(
    rf"{_SUBJ}(?:"
    rf"(?P<early>{_EARLY_MARK})(?:(?P<esup>{_SUP})|(?P<eopp>{_OPP}))"
    rf"|(?P<pluperf>(?<=\bwho\s)had\s+)(?:(?P<psup>{_SUP})|(?P<popp>{_OPP}))"
    rf"|(?P<dmark>{_EARLY_MARK})(?P<desc>{_DESCRIBE})(?=\s)"
    rf"|(?P<nmark>{_NOUN_MARK})(?:(?P<nnsup>{_NOUN_SUP})|(?P<nnopp>{_NOUN_OPP}))s?\s+of"
    rf"|used\s+to\s+(?:(?P<usup>support|back|praise|champion|endorse|favou?r|like)|(?P<uopp>oppose|critici[sz]e|reject|attack|condemn))"
    rf"|(?P<late>{_LATE_MARK})(?:(?P<lsup>{_SUP})|(?P<lopp>{_OPP}))"
    rf"|(?:no\s+longer\s+)(?:(?P<nsup>{_SUP})|(?P<nopp>{_OPP}))"
    rf"|(?:has\s+|had\s+)?(?P<turn>turned\s+against)"
    rf"|(?:has\s+|have\s+|had\s+)?(?P<around>come\s+around\s+to|came\s+around\s+to|warmed\s+to)"
    rf"|(?P<shift>(?:has\s+|have\s+|had\s+)(?:since\s+)?(?:shifted|reversed|changed|switched|flipped)\s+(?:his|her|their)\s+(?:position|stance|views?|mind|course))"
    rf"|(?P<disown>(?:(?:a|the|those|these|both)\s+)?(?:positions?|stances?|views?)\s+(?:(?:that|which)\s+)?(?:he|she|they)\s+(?:has|have|had)\s+(?:since\s+|now\s+|long\s+since\s+)?"
    rf"(?:disavowed|abandoned|renounced|repudiated|reversed|dropped|walked\s+back|backed\s+away\s+from|distanced\s+(?:himself|herself|themselves)\s+from))"
    rf"|(?P<relpast>(?:(?<=,\s)|^)(?:which\s+|that\s+|(?P<rename>{_RENAMING}\s+(?:(?:which|that)\s+)?))(?:he|she|they)\s+(?:had\s+)?(?:also\s+|personally\s+)?)(?P<rverb>{_SUP}|{_OPP})"
    rf"|(?P<lnmark>(?:(?:is|are)\s+now|now|(?:has|have)\s+(?:since\s+|now\s+)?become)\s+(?:(?:among|one\s+of)\s+)?(?:the|an?|his|her|their|its)\s+{_NOUN_MODS})"
    rf"(?:(?P<lnsup>{_NOUN_SUP})|(?P<lnopp>{_NOUN_OPP}))s?\s+of"
    rf"|(?P<since>(?:has\s+|have\s+|had\s+)since|now)(?=\s+[a-z]{{3,}})(?!\s+(?:says?|said|tells?|told|argues?|argued|insists?|insisted|claims?|"
    rf"claimed|contends?|believes?|thinks?|calls?|called|describes?|described|sees?|views?|explains?|acknowledges?)\b)"
    rf"|(?P<came>came\s+out\s+(?:(?P<csup>for|in\s+favou?r\s+of|in\s+support\s+of)|(?P<copp>against)))"
    rf"|(?P<nturn>(?:(?<=[’']s\s)|(?<=\b[Hh]is\s)|(?<=\b[Hh]er\s)|(?<=\b[Tt]heir\s))turn\s+against)"
    rf"|(?<=[’']s\s)(?P<vyear>(?:19|20)\d\d)\s+vote\s+(?:(?P<vsup>for|in\s+favou?r\s+of)|(?P<vopp>against))"
    rf"|(?:has\s+|had\s+)?(?P<plain>{_SUP}|{_OPP})(?=\s[^.;,]{{0,50}}?\b(?:{_IN_YEAR}\s+(?:19|20)\d\d\b|{_PAST}))"
    rf"|(?:had\s+)?(?P<turned>{_SUP}|{_OPP})(?=\s[^.;]{{0,80}}?\b{BEFORE_TURN.pattern})"
    rf")\b",
)
# a stance dated by a time put before its subject: "In 2016, Pemberton campaigned against the tax", "Four years ago, she opposed it"
_FRONT_TIME = (r"(?:(?:[Ii]n|[Bb]ack\s+in|[Dd]uring)\s+(?P<fyear>(?:19|20)\d\d)|"
               r"(?:[Ii]n|[Dd]uring)\s+(?:his|her|their)\s+(?P<fcamp>(?:19|20)\d\d)\s+(?:re-?election\s+)?(?:campaign|race|bid|run)|(?P<fpast>(?:[Ll]ast\s+year)|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|"
               r"[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\d+)\s+years\s+ago)|(?P<fundated>[Ii]n\s+the\s+past|[Ii]n\s+years\s+past|[Yy]ears\s+ago))")
FRONTED_STANCE = re.compile(rf"{_FRONT_TIME},?\s+(?P<subj>(?:[A-Z][\w’'.-]+\s+){{1,4}}|(?:he|she|they)\s+)(?:(?:had|has|have)\s+)?"
                            rf"(?:(?P<fsup>{_SUP})|(?P<fopp>{_OPP}))\b")
# a stance held for long: "has long opposed raising the wage" (an earlier one only where ", but ..." follows it)
LONG_HELD = re.compile(rf"(?P<subj>\b(?:he|she|they|[A-Z][\w’'-]+)\s+)(?:has|have)\s+long\s+(?:(?P<lhsup>{_SUP})|(?P<lhopp>{_OPP}))\b")
# a reversal told without its sides: "reversed himself on the pipeline", "flip-flopped on", "changed her position on",
# "did an about-face on", "walked back his support for" (which names the side held before)
_PRONOUN_SELF = r"(?:himself|herself|themselves|itself)"
_POSSESSIVE = r"(?:his|her|their|its)"
REVERSAL = re.compile(
    rf"\b(?:(?:has|had|have)\s+)?(?:"
    rf"revers(?:ed|es|ing)\s+(?:{_PRONOUN_SELF}|(?:{_POSSESSIVE}\s+)?(?:position|stance|course))"
    rf"|(?:shift(?:ed|s|ing)?|switch(?:ed|es|ing)?)\s+{_POSSESSIVE}\s+(?:position|stance|views?)"
    rf"|backtrack(?:ed|s|ing)?(?=\s+(?:on|from)\s)|evolv(?:ed|es|ing)(?=\s+on\s)"
    rf"|(?:did|does|do|made|makes|performed)\s+an?\s+U-?turn"
    rf"|flip-?flopp?(?:ed|s|ing)?"
    rf"|chang(?:ed|es|ing)\s+{_POSSESSIVE}\s+(?:position|stance|mind|tune)"
    rf"|(?:did|does|do|made|makes)\s+an?\s+about-?face"
    rf"|(?P<walk>walk(?:ed|s|ing)\s+back|abandon(?:ed|s|ing)|dropp(?:ed|ing)|drops)\s+{_POSSESSIVE}\s+(?:(?:long-?time|earlier|previous|former)\s+)?"
    rf"(?:(?P<sup>support)\s+for|(?P<opp>opposition)\s+to)"
    rf")\s+(?:(?:on|over|about|regarding|from)\s+)?(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL)

# a stance withdrawn, which tells both sides: "Kirk rescinded his endorsement of Trump" (he endorsed Trump before, and now
# opposes him), "withdrew her support for the bill", "pulled their backing of the plan", and a change named by a noun
# ("Trump's evolution on a number of issues, from his support for abortion rights", "her reversal of her past support
# for the pact"); WITHDRAWING_LEMMAS are the cue lemmas the statements stage gives such an act, whose content is a
# position and not speech
WITHDRAWING_LEMMAS = frozenset({"rescind", "withdraw", "revoke", "retract", "pull"})
WITHDRAWN = re.compile(
    rf"{_SUBJ}(?P<wverb>(?:has\s+|have\s+|had\s+)?(?:withdr[ae]wn?|withdraws|rescind(?:ed|s)?|revok(?:ed|es)|retract(?:ed|s)|pull(?:ed|s))"
    rf"|(?:evolution|shift|reversal|turnaround|about-face|retreat|break|departure|move\s+away)(?:\s+on\s+[^,;.()]{{1,60}}?)?,?\s+(?:from|of|away\s+from))\s+"
    rf"(?P<held>(?:his|her|their)\s+(?:(?:earlier|previous|prior|past|former|longtime|long-standing|once-fervent)\s+)?(?:(?P<wsup>endorsement\s+of|support\s+(?:for|of)|backing\s+(?:of|for))|"
    rf"(?P<wopp>opposition\s+to|objections?\s+to|resistance\s+to)))\s+(?=\S)")

# a vote the voter now disowns tells both sides: "Clinton called her vote in favor of the Iraq War a mistake", "regrets
# his 2005 vote for the bill", "Mrs. Clinton's Iraq war vote, which she has repeatedly said was a mistake": the vote is
# the earlier position, the judgment of it the later, opposite one
_MISTAKE = r"(?:an?\s+)?(?:(?:big|huge|terrible|grave|serious|bad)\s+)?(?:mistake|error|blunder)"
_VOTE_FOR = (r"(?:(?P<for>for|in\s+favou?r\s+of|to\s+(?:authori[sz]e|approve|pass|support|fund|back|allow))|"
             r"(?P<against>against|to\s+(?:block|repeal|reject|oppose|kill|defund)))")
VOTE_REGRET = re.compile(
    rf"(?P<verb>(?:called|calls|described|describes|termed|labell?ed|deemed)\s+)(?P<vote>(?:his|her|their)\s+(?:(?P<y1>(?:19|20)\d\d)\s+)?vote\s+"
    rf"{_VOTE_FOR}\s+(?P<what>[^,;.]{{3,80}}?))\s+(?:as\s+)?{_MISTAKE}\b"
    rf"|(?P<rverb>regrett?(?:ed|s)?|apologi[sz](?:ed|es)\s+for)\s+(?P<rvote>(?:his|her|their)\s+(?:(?P<y2>(?:19|20)\d\d)\s+)?vote\s+"
    rf"(?:(?P<rfor>for|in\s+favou?r\s+of|to\s+(?:authori[sz]e|approve|pass|support|fund|back|allow))|(?P<ragainst>against|to\s+(?:block|repeal|reject|oppose|kill|defund)))"
    rf"\s+(?P<rwhat>[^,;.]{{3,80}}?))(?=[,;.]|\s+(?:and|but|because|saying)\b|$)"
    rf"|(?P<bvote>(?:his|her|their|[A-Z][\w-]*[’']s)\s+(?:(?P<y3>(?:19|20)\d\d)\s+)?(?P<bwhat>(?:[A-Z][\w-]*\s+)?(?!(?:final|first|last|key|crucial|decisive|deciding|earlier|previous|early|own|lone|only)\s)[a-z][\w-]+)\s+vote)\s*,?\s+"
    rf"(?P<bverb>(?:which|that)\s+(?:he|she|they)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:said|called|acknowledged|admitted|conceded)\s+"
    rf"(?:was\s+)?{_MISTAKE})\b")


def vote_regret_parts(m: re.Match[str]) -> tuple[int, int, int, int, str, str, int | None]:
    """Of a :data:`VOTE_REGRET` match: the later phrase (start, end), the earlier phrase (start, end), the side of the
    vote, what was voted on, and the vote's year."""
    if m.group("vote"):
        side = SUPPORTS if m.group("for") else OPPOSES
        return m.start("verb"), m.end(), m.start("vote"), m.end(), side, m.group("what"), int(m.group("y1")) if m.group("y1") else None
    if m.group("rvote"):
        side = SUPPORTS if m.group("rfor") else OPPOSES
        return m.start("rverb"), m.end(), m.start("rvote"), m.end(), side, m.group("rwhat"), int(m.group("y2")) if m.group("y2") else None
    return m.start("bverb"), m.end(), m.start("bvote"), m.end("bvote"), SUPPORTS, m.group("bwhat"), int(m.group("y3")) if m.group("y3") else None


def regretted_vote(content: str, before: str, after: str = "") -> tuple[str, str, str, int | None] | None:
    """The era, side, voted-on words and year of a phrase of a disowned vote that starts the content, read with the words
    around it (the vote a relative "which she has said was a mistake" is about, and that relative after "X's war vote");
    None when the content is no such phrase."""
    tail = before[-160:]
    for m in VOTE_REGRET.finditer(tail + content + after[:160]):
        late_s, _, early_s, _, side, what, year = vote_regret_parts(m)
        if late_s == len(tail):
            return LATER, _OTHER[side], what, None
        if early_s == len(tail):
            return EARLIER, side, what, year
    return None


_NOT_SUBJECTS = frozenset("""But And Yet So Then When If As While The This That It There Here Now Since After Before Although Though
Still Also Even Once""".split())
# (a capital "May" is the month of a dateline, "May 4, 2022 —", not a hedge)
_CONDITIONAL = re.compile(r"\b(?:(?i:if|unless|whether|would\s+have|might|could)|may)\b[^.;]*$")
_YEAR = re.compile(rf"\b{_IN_YEAR}\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class ShiftPhrase:
    start: int  # offsets in the clause given to :func:`stance_phrases`
    end: int
    era: str  # EARLIER | LATER
    side: str  # SUPPORTS | OPPOSES
    year: int | None = None
    vote: bool = False  # "Sanders's 2005 vote for the bill": a record, told alike by the narrator and by a speaker
    shift: bool = False  # "... initially supported the war and has shifted his position": the opposite of the earlier phrase before it
    regret: bool = False  # a vote the voter disowns ("called her vote for the war a mistake"): the voter's record, whoever tells it


def _side(m: re.Match[str]) -> str:
    sup = m.group("esup") or m.group("usup") or m.group("lsup") or m.group("psup")
    opp = m.group("eopp") or m.group("uopp") or m.group("lopp") or m.group("turn") or m.group("nturn") or m.group("popp")
    if m.group("around"):
        return SUPPORTS  # "has come around to a carbon tax": a position taken now
    if m.group("came"):
        return SUPPORTS if m.group("csup") else OPPOSES  # "came out against the tax": a position taken now
    if m.group("nnsup") or m.group("nnopp"):
        return SUPPORTS if m.group("nnsup") else OPPOSES  # "once a proponent of", "a former critic of"
    if m.group("lnsup") or m.group("lnopp"):
        return SUPPORTS if m.group("lnsup") else OPPOSES  # "has since become one of the loudest critics of"
    if m.group("nsup"):
        return OPPOSES  # "no longer supports"
    if m.group("nopp"):
        return SUPPORTS
    if m.group("vsup") or m.group("vopp"):
        return SUPPORTS if m.group("vsup") else OPPOSES
    if m.group("plain") or m.group("turned") or m.group("rverb"):
        return OPPOSES if re.match(_OPP, m.group("plain") or m.group("turned") or m.group("rverb")) else SUPPORTS
    if sup and not opp:
        return SUPPORTS
    return OPPOSES


def _era(m: re.Match[str], published_year: int | None) -> tuple[str, int | None] | None:
    if m.group("early") is not None or m.group("usup") or m.group("uopp") or m.group("dmark") is not None or m.group("nmark") is not None \
            or m.group("pluperf") is not None:  # "X, who had backed the pact, ...": the pluperfect is before the clause's time
        told = _YEAR.search(m.string, m.end(), _phrase_end(m.string, m.end()))  # "initially supported the invasion in 2003"
        if told is not None and published_year is not None and int(told.group(1)) < published_year:
            return EARLIER, int(told.group(1))
        return EARLIER, None
    if m.group("vyear"):
        year = int(m.group("vyear"))
        return (EARLIER, year) if published_year is not None and year < published_year else None
    if m.group("turned"):
        return EARLIER, None  # "supported the pact before opposing it": the position before the turn
    if m.group("relpast"):
        # "..., which she helped negotiate": a past stance in a relative clause on a noun is a position held before
        told = _YEAR.search(m.string, m.end(), _phrase_end(m.string, m.end()))
        if told is not None and published_year is not None and int(told.group(1)) >= published_year:
            return None
        verb = m.group("rverb").split()[0].lower()
        if not (verb.endswith("ed") or verb in ("fought", "co-wrote", "cowrote")):
            return None  # "which she still supports": held now
        return EARLIER, int(told.group(1)) if told is not None else None
    if m.group("plain") and m.group("past"):
        return EARLIER, _past_year(m.group("past"), published_year)  # "last year": the year before; "eight years ago"
    if m.group("plain"):
        year = int(_YEAR.search(m.string, m.end()).group(1))  # type: ignore[union-attr]
        if published_year is None or year >= published_year:
            return None
        return EARLIER, year
    return LATER, None


_COUNTS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _past_year(past: str, published_year: int | None) -> int | None:
    """The year a time before the article's names: "last year" the year before, "eight years ago" eight before."""
    if published_year is None:
        return None
    words = past.lower().split()
    if words[0] == "last":
        return published_year - 1
    n = int(words[0]) if words[0].isdigit() else _COUNTS.get(words[0])
    return published_year - n if n and words[1:2] == ["years"] else None


def _phrase_end(text: str, start: int) -> int:
    """The end of the stance's target: the next clause break (comma, dash, semicolon, full stop)."""
    m = re.search(r"\s[-–—]\s|[,;!?()]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSen)(?<!\bGov)(?<!\bv)(?<!\bvs)\.(?:\s|$)|(?<!\brecently)(?<!\blate)\s(?:and|but|as(?!\s+(?:recently|late)\s+as\b)|while|because)\s",
                  text[start:])
    return start + m.start() if m else len(text)


def description_side(clause: str, start: int) -> tuple[str, int] | None:
    """The side a description takes of its object ("described the pact as the gold standard": supports; "called the
    deal a disaster": opposes) and the end of the evaluating word; None when no evaluating word follows in the clause
    within a few words of the object."""
    stop = re.search(r"[;.!?](?:\s|$)|\s[-–—]\s", clause[start:])
    window = clause[start : start + min(stop.start() if stop else len(clause), 120)]
    hits = sorted((m.start(), m.end(), side) for pattern, side in ((_PRAISE, SUPPORTS), (_BLAME, OPPOSES)) for m in pattern.finditer(window))
    if not hits:
        return None
    at, end, side = hits[0]
    if _NOT_BEFORE.search(window[:at]):
        side = OPPOSES if side == SUPPORTS else SUPPORTS  # "called the pact not a good deal"
    if window[end : end + 1] in ("”", '"', "’"):
        end += 1  # the closing quote of a quoted description
    return side, start + end


def _fronted(clause: str, published_year: int | None) -> ShiftPhrase | None:
    """A stance the clause dates with a time put before its subject ("In 2016, Pemberton campaigned against the tax",
    "Four years ago, she opposed it"): earlier when that time is before the article's year."""
    m = FRONTED_STANCE.match(clause)
    if m is None or published_year is None or m.group("subj").split()[0] in _NOT_SUBJECTS or _CONDITIONAL.search(clause[: m.start("subj")]):
        return None
    side = SUPPORTS if m.group("fsup") else OPPOSES
    if m.group("fundated"):  # "In the past, Trump had voiced support for ...": before the article, in no year told
        return ShiftPhrase(0, max(m.end(), _phrase_end(clause, m.end())), EARLIER, side)
    told = m.group("fyear") or m.group("fcamp")  # "In 2016, ...", "During her 2019 campaign, ..."
    year = int(told) if told else _past_year(m.group("fpast"), published_year)
    if year is None or year >= published_year:
        return None
    return ShiftPhrase(0, max(m.end(), _phrase_end(clause, m.end())), EARLIER, side, year)


def _long_held(clause: str) -> ShiftPhrase | None:
    """A stance held for long that the sentence sets against a change ("X has long opposed raising the wage, but on
    Tuesday he said ..."): the earlier position, undated."""
    m = LONG_HELD.search(clause)
    if m is None or (m.group("subj") and m.group("subj").split()[0] in _NOT_SUBJECTS) or _CONDITIONAL.search(clause[: m.start()][-60:]):
        return None
    end = _phrase_end(clause, m.end())
    but = re.match(r",?\s+but\b", clause[end:])
    if but is None:
        return None
    # the phrase keeps its ", but": read back alone it still tells the change that follows
    return ShiftPhrase(m.start(), end + but.end(), EARLIER, SUPPORTS if m.group("lhsup") else OPPOSES)


def _withdrawn(clause: str) -> list[ShiftPhrase]:
    """The two positions a withdrawn stance tells ("rescinded his endorsement of Trump"): the one held before, from the
    possessive on ("his endorsement of Trump", earlier), and the opposite one the act takes, from the verb on (later)."""
    out = []
    for m in WITHDRAWN.finditer(clause):
        if (m.group("subj") and m.group("subj").split()[0] in _NOT_SUBJECTS) or _CONDITIONAL.search(clause[: m.start()][-60:]):
            continue
        end = _phrase_end(clause, m.end())
        held = SUPPORTS if m.group("wsup") else OPPOSES
        out.append(ShiftPhrase(m.start("wverb"), end, LATER, _OTHER[held]))
        out.append(ShiftPhrase(m.start("held"), end, EARLIER, held))
    return out


def withdrawn_held(content: str, before: str) -> re.Match[str] | None:
    """The withdrawal whose held position a content starting at the possessive tells ("[rescinded] his endorsement of
    Trump"), read with the few words before the content; None when the content is no such position."""
    tail = before[-120:]
    m = WITHDRAWN.search(tail + content)
    return m if m is not None and m.start("held") == len(tail) else None


def _regretted(clause: str, published_year: int | None) -> list[ShiftPhrase]:
    """The two positions a disowned vote tells: the vote (earlier, in its year when told) and the judgment of it now."""
    out = []
    for m in VOTE_REGRET.finditer(clause):
        if _CONDITIONAL.search(clause[: m.start()][-60:]):
            continue
        late_s, late_e, early_s, early_e, side, _, year = vote_regret_parts(m)
        if year is not None and published_year is not None and year >= published_year:
            year = None
        out.append(ShiftPhrase(late_s, late_e, LATER, _OTHER[side], regret=True))
        out.append(ShiftPhrase(early_s, early_e, EARLIER, side, year, regret=True))
    return out


def stance_phrases(clause: str, published_year: int | None = None) -> list[ShiftPhrase]:
    """The era-marked stance phrases of a narrator clause, in order; none when the clause is conditional."""
    out: list[ShiftPhrase] = [p for p in (_fronted(clause, published_year), _long_held(clause)) if p is not None]
    out.extend(_withdrawn(clause))
    out.extend(_regretted(clause, published_year))
    for m in STANCE_PHRASE.finditer(clause):
        if any(p.start <= m.start() < p.end for p in out):
            continue  # the fronted or long-held phrase already holds this verb
        if m.group("subj") and m.group("subj").split()[0] in _NOT_SUBJECTS:
            continue
        if re.match(r"back\w*\s+(?:to|in|from|down|off|up|on|away|out|then|home)\b", clause[m.end() - len(m.group().split()[-1]):], re.IGNORECASE):
            continue  # "came back in 2012", "back then": no stance
        if _CONDITIONAL.search(clause[: m.start()][-60:]):
            continue
        era = _era(m, published_year)
        if era is None:
            continue
        side, end = _side(m), max(m.end(), _phrase_end(clause, m.end()))
        if m.group("turned"):
            turn = BEFORE_TURN.search(clause, m.end())
            later = SUPPORTS if turn is not None and turn.group("tsup") else OPPOSES
            if turn is None or later == side:
                continue  # "backed the bill before voting for it": no change
            out.append(ShiftPhrase(m.start(), len(clause[: turn.start()].rstrip()), EARLIER, side))
            out.append(ShiftPhrase(turn.start(), max(turn.end(), _phrase_end(clause, turn.end())), LATER, later, shift=True))
            continue
        if m.group("since"):
            # "Once a proponent of the levy, Vance has since joined its critics": the fronted earlier stance of the
            # sentence's subject, set against what the subject has done since, tells a change to the opposite side
            if not out:
                continue
            first = out[-1]
            subj = (m.group("subj") or "").split()
            fronted = first.start == 0 and re.match(r"[Oo]nce\s", clause) is not None \
                and bool(subj) and subj[0][:1].isupper()  # "Once a critic of the levy, Vance now ..."
            apposed = not subj and re.fullmatch(r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*,\s+", clause[: first.start]) is not None \
                and re.fullmatch(r",\s+", clause[first.end : m.start()]) is not None  # "Vance, once a critic of the levy, now ..."
            told = clause[m.end() : end]
            same = _SAME_SIDE[first.side].search(told)
            if not (fronted or apposed) or same is not None or not (_CHANGE.search(told) or _SAME_SIDE[_OTHER[first.side]].search(told)):
                continue  # "... has since become its loudest critic" holds the position; "... has since retired" tells no change
            out.append(ShiftPhrase(m.start(), end, LATER, _OTHER[first.side], shift=True))
            continue
        if m.group("disown"):
            # "Trump had voiced support for a single-payer system ..., stances that he has since disavowed": the positions
            # the clause told before, now held no longer; the later stance is the opposite of the last of them
            prior = [p for p in out if p.era == EARLIER and p.end <= m.start()]
            if not prior or re.search(r"[.;!?]\s", clause[prior[-1].end : m.start()]):
                continue
            out.append(ShiftPhrase(m.start(), max(m.end(), _phrase_end(clause, m.end())), LATER, _OTHER[prior[-1].side], shift=True))
            continue
        if m.group("shift"):
            # a change told without its target right after the actor's earlier stance in the same clause ("X initially
            # backed the war in 2003 and has shifted his position since"): the later stance is the opposite one
            if not out or out[-1].era != EARLIER or re.search(r"[.;!?]\s", clause[out[-1].end : m.start()]):
                continue
            out.append(ShiftPhrase(m.start(), m.end(), LATER, OPPOSES if out[-1].side == SUPPORTS else SUPPORTS, shift=True))
            continue
        if m.group("desc"):
            if re.match(r"\s+(?:him|her|them|me|us|you|himself|herself|themselves|myself|it)\b", clause[m.end():], re.IGNORECASE):
                continue  # "once called him a friend": a description of a person a pronoun names, or of a thing unnamed
            judged = description_side(clause, m.end())
            if judged is None:
                continue  # "once called him a friend": a description that takes no side on a target
            side, end = judged
        # "..., a measure [she had opposed]": the phrase starts at its subject, the renamed measure is its antecedent
        start = m.end("rename") if m.group("rename") else m.start()
        out.append(ShiftPhrase(start, end, era[0], side, era[1], bool(m.group("vyear"))))
    return sorted(out, key=lambda p: p.start)
