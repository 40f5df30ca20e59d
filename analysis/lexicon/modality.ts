// Sources, reported speech, negation, plans and vague reassurance, as patterns over a lower-cased clause.

/** Reporting verbs: "X said/told me/described …" — the speaker is the clause's source. */
export const REPORT_VERBS =
  "said|says|told|tells|report(?:s|ed)?|described|describes|explain(?:s|ed)|shared|disclosed|admit(?:s|ted)|den(?:y|ies|ied)|stated|states|mention(?:s|ed)|confirm(?:s|ed)|informed|advised|feels|felt|thinks|thought|believes|hope(?:s|d)|wants|wanted|worr(?:ies|ied)|is worried|was worried|is concerned|was concerned|recall(?:s|ed)|remembers|acknowledged|talked(?: to me)? about|spoke(?: to me)? about|spoke of|talked of|discussed|answered|replied|indicated|alleged|claim(?:s|ed)|suggested|noted|records show|shows|showed|indicate[sd]?|highlighted|raised|expressed|was able to (?:tell|describe|say|talk)|went on to (?:say|describe|explain)|gave (?:an|his) account|opened up about|reflected";

/** Phrases that put him, in conversation with the practitioner, as the source ("we talked about", "I asked him"). */
export const OWN_ACCOUNT = [
  'we (?:talked|spoke|discussed|chatted|went through|explored|covered|looked at)', 'talked with him', 'discussed with (?:him|dad|father|both|both parents|the parents|parents|them)',
  'i asked (?:him|dad|father)', 'asked (?:him|dad) about', 'he and i', 'in his (?:own )?words', 'his words', 'he answered', 'he replied', 'conversation with (?:him|dad)',
  'explored with (?:him|dad)', 'with (?:him|dad) about', 'gave (?:him|dad|them|both parents) (?:advice|information|the icon|a leaflet)', 'advised (?:him|dad|them|both parents)',
  '(?:advice|information|leaflet|icon)(?: \\w+)? given to (?:him|dad|them|both parents|parents)', 'went through (?:\\w+ )?with (?:him|dad|them|both parents)',
];

/** The practitioner's direct observation. */
export const OBSERVED = [
  'i (?:observed|saw|noticed|watched|noted)', 'observed', 'was seen to', 'seen to', 'was observed', 'i could see', 'on observation', 'appeared to (?:handle|hold|feed|change)',
];

/** Words that make something else the source: agencies and documents. */
export const OTHER_SOURCES = [
  'according to', 'per (?:mum|the gp|gp|police|records)', 'records?', 'checks?', 'referral', 'report(?:s)? from', 'information from', 'info from', 'letter from',
  'gp', 'police', 'probation', 'social care', "children's services", 'health visitor', 'midwife', 'hospital', 'school', 'nursery', 'cgl', 'cmht', 'mash',
  'pnc', 'the (?:previous|other) (?:local authority|la)', 'as reported by', 'reportedly', 'apparently', 'allegedly', 'it is understood', 'is said to', 'was said to',
  '(?:mum|mother|grandmother|nan|family)(?: has| have)? (?:reported|says|said|told)', '\\(per mum\\)', '\\(from mum\\)', 'mum reports', 'mum said',
];

/** A plan, or an explicit "not discussed": such clauses do not cover a domain. */
export const PLANS = [
  'will (?:also |then |need to )?(?:ask|discuss|explore|talk|follow|raise|address|check|look|revisit|return|cover|seek|request|contact|speak|complete|do|arrange|offer|try|go through|share|consider|need)',
  "(?:i'll|we'll|i will|we will|hv will|sw will)", 'next (?:visit|time|contact|appointment|session|week)', 'at the next', 'to be (?:explored|discussed|asked|followed up|covered|addressed|raised|considered|completed|sought|done)',
  'plan(?:s|ned)? to', 'planning to', 'intend(?:s|ed)? to', 'needs? to be (?:explored|discussed|asked|followed up|covered|addressed)', 'need to (?:ask|explore|discuss|find out|check)',
  'not (?:yet |been )?(?:explored|discussed|asked|covered|addressed|raised)', "(?:did not|didn't|was not able to|wasn't able to|unable to|could not|couldn't) (?:get to |manage to )?(?:discuss|ask|explore|talk|cover|raise|speak)",
  "(?:didn't|did not) get (?:a chance|time|the chance|round)", 'ran out of time', 'no time to', 'tbc', 'to follow up', 'follow[- ]up:', 'would like to (?:explore|discuss|ask)', 'hope to (?:explore|discuss|ask)',
  'should be (?:explored|discussed|asked)', '(?:would not|wouldn.t|refused to|declined to|did not want to|didn.t want to) (?:discuss|talk|say|answer|engage)', 'must be (?:explored|discussed)', 'outstanding', 'wasn.t discussed', 'was not discussed', 'were not discussed', 'not possible to (?:discuss|explore)',
];

/** Negation and denial cues (the content is about him but says "not"). */
export const NEGATIONS = [
  'not', "n't", 'no', 'never', 'den(?:y|ies|ied)', 'denial', 'none', 'nil', 'neither', 'nor', 'without', 'teetotal', 'abstinent', 'sober', 'stopped', 'gave up', 'given up', 'quit',
  'no longer', 'free of', 'refrains?',
];

/** Reassurance without evidence: a sentence about him matching one of these is VAGUE_REASSURANCE. */
export const VAGUE = [
  'no (?:concerns?|worries|issues|problems|safeguarding concerns|obvious concerns|concerns? (?:raised|noted|identified|observed|reported))', 'nothing of concern', 'nothing to report', 'nothing (?:to )?note',
  'no cause for concern', 'not a concern', 'nfa',
  '(?:seems?|seemed|appears?|appeared|presents?|presented|came across|comes across|looks?|looked)(?: as| to be| like| very| really| quite| a| an| to me| well and)* (?:fine|ok|okay|alright|all right|well|good|nice|caring|loving|lovely|supportive|devoted|doting|attentive|decent|pleasant|engaged|appropriate|happy|settled|positive|great|involved|interested|protective|genuine|committed)(?: (?:dad|father|man|guy|bloke|parent|chap|partner|young man|with (?:the )?baby))?',
  '(?:is|was) (?:a )?(?:good|great|lovely|nice|caring|devoted|doting|brilliant|fab|fabulous|fantastic|decent) (?:dad|father|guy|bloke|man|lad|chap)', 'all (?:fine|good|ok|well)',
  '(?:is|was) (?:very |really )?(?:supportive|helpful|involved|hands-on)', 'doing (?:fine|well|great|ok)', 'coping (?:well|fine|ok|okay)', 'no red flags', 'nothing untoward', 'no indication', 'appropriate (?:dad|father|parent|interaction)',
];

/** The specific-detail signal: a clause with one of these is not merely vague. */
export const SPECIFIC = /\d|"|“|\b(?:because|since|every|each|once|twice|for example|such as)\b/;
