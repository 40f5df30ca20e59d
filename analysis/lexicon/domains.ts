// Cue phrases for each of the eight domains, as data; a cue counts only in a clause attributed to him.
import type { DomainId } from '../../records/practice-model';

/** Regex alternatives (whole words, case-insensitive) that signal each domain. */
export const DOMAIN_CUES: Record<DomainId, readonly string[]> = {
  life_history: [
    'childhood', 'as a (?:child|boy|kid|teenager|young (?:man|person))', 'when he was (?:a child|a boy|young|little|small|growing up|\\d+|a teenager)',
    'growing up', 'grew up', 'brought up', 'upbringing', 'raised by', 'in care', 'care leaver', 'care experienced',
    'looked[- ]after', 'foster(?:ed| care| carers?| placements?| home)?', "children's home", 'adopted', 'his (?:own )?(?:father|dad|mum|mother|mam|parents|stepfather|stepdad|family|nan|grandparents|siblings|brothers?|sisters?)',
    'school', 'expelled', 'excluded', 'previous relationships?', 'children from (?:a )?previous', 'older (?:children|son|daughter|child)',
    'other children', 'young offender', 'born in', 'came to the uk', 'moved to (?:the uk|england|this country)', 'his past', 'his history',
    'life story', 'history of being', 'was (?:hit|beaten|abused|neglected)', 'left home at',
  ],
  fatherhood_ideas: [
    'being a (?:dad|father|parent)', 'fatherhood', 'what (?:it|being a dad|being a father) means', 'means to him',
    '(?:good|better|hands-on|involved|present|different|great|proper|strict|fun) (?:dad|father)', 'kind of (?:dad|father|parent)',
    'role as (?:a )?(?:dad|father)', 'his role', 'hopes? (?:for|to be|that)', 'fears? (?:about|of) being', 'worried about being a (?:dad|father)',
    'his (?:culture|faith|religion|community)', 'culture', 'cultural', 'faith', 'religio\\w+', 'church', 'mosque', 'temple', 'gurdwara',
    'share (?:the )?(?:care|parenting)', 'sharing (?:the )?(?:care|parenting)', 'hands-on', 'bond(?:ing)?', 'provide for', 'provider', 'breadwinner',
    '(?:good|great|bad) enough (?:dad|father|parent)', 'share (?:the )?(?:night )?feeds', 'role model', 'do things differently', 'not (?:be )?like his (?:own )?(?:father|dad)', 'there for (?:her|him|them|the baby|his (?:son|daughter))',
    'wants to be (?:a )?(?:dad|father|there)', 'proud to be', 'become a (?:dad|father)', 'becoming a (?:dad|father)', 'first[- ]time (?:dad|father)',
    "men (?:don't|do not|should)", "man's role", 'parenting role', 'part in (?:the )?(?:care|caring|parenting)',
  ],
  frustration_coping: [
    'anger', 'angry', 'temper', 'frustrat\\w*', 'winds? (?:him|me) up', 'wound up', 'wind-up', 'shout\\w*', 'punch\\w*', 'thr(?:ow|ows|ew|owing) (?:things|stuff|objects|his phone|plates|a \\w+)',
    'walks? away', 'walked away', 'walking away', 'goes? outside', 'went outside', 'calm(?:s|ed)? (?:him(?:self)?|down)', 'cool(?:s)? (?:off|down)',
    'snap(?:s|ped)?', 'short fuse', 'flies off the handle', 'lose(?:s)? it', 'lost it', 'patien(?:t|ce)', 'irritab\\w+', 'gets? too much', 'too much for him',
    'cope(?:s|d)? (?:when|with)', 'coping', 'takes? a (?:breather|break|minute|moment)', 'count(?:s)? to ten', 'smash\\w*', 'kick(?:s|ed)? (?:the|a) (?:door|wall)',
    'road rage', 'stress(?:ed|ful)?', 'wound-up', 'loses? his cool', 'when (?:\\w+ )?(?:cries|crying|won.t settle|doesn.t settle)',
    'tired(?:ness)? (?:makes|winds|gets)', 'aggress\\w+', 'impulsiv\\w+', 'rage',
  ],
  substance_use: [
    'alcohol', 'drink(?:s|ing|er)?', 'drank', 'drunk', 'beers?', 'lager', 'cans', 'can of', '(?:the odd|the occasional|an occasional|a single|one) can', 'pints?', 'wine', 'vodka', 'whisk(?:e)?y', 'spirits', 'cider', 'units',
    'cannabis', 'weed', 'skunk', 'spliffs?', '(?:a|\\d+|two|three|four) joints?', 'marijuana', 'drugs?', 'cocaine', 'coke', 'crack', 'heroin', 'ketamine', 'mdma', 'ecstasy',
    'spice', 'amphetamines?', 'speed', 'methadone', 'subutex', 'substances?', 'sober', 'teetotal', 'audit-c', 'cudit', 'rehab', 'recovery',
    'cgl', 'change grow live', 'smell of (?:cannabis|weed|alcohol)', 'stoned', 'getting high', 'hungover', 'hangover', 'benzos?', 'diazepam', 'valium',
  ],
  parenting_knowledge: [
    'crying', 'cries', 'cry', 'settl\\w+(?! down)', 'sooth\\w*', 'comfort\\w*', 'feed\\w*', 'fed', 'bottles?(?! of)', 'formula', 'wind(?:ing|ed)?', 'burp\\w*', 'nappy', 'nappies',
    'safe sleep', 'sleep(?:ing)? (?:position|safely|on (?:his|her) back)', 'back to sleep', 'moses basket', 'cot', 'co-?sleep\\w*', 'shak(?:e|ing|en)', 'icon',
    'handl\\w+', 'hold(?:s|ing)? (?:the baby|him|her|\\w+) (?:safely|properly|correctly|well)', 'head support', 'support(?:s|ing)? (?:his|her) head', 'bath\\w*',
    'steril\\w+', 'car seat', 'tummy time', 'routine', 'what (?:babies|a baby|\\w+) needs?', 'development', 'milestones?', 'weaning', 'temperature', 'immunisations?',
    'won.t settle', "doesn.t settle", 'not settling', 'colic', 'purple crying', 'skin[- ]to[- ]skin', 'changing (?:him|her|nappies)', 'changes? (?:his|her|the) nappy',
  ],
  mental_health: [
    'mental health', 'mood', 'low mood', 'lacks? confidence', 'low confidence', 'depress\\w*', 'anxi\\w+', 'panic', 'ptsd', 'trauma\\w*', 'adhd', 'autis\\w+', 'bipolar', 'schizo\\w+', 'psychos\\w+',
    'hearing voices', 'hears voices', 'self[- ]harm\\w*', 'suicid\\w+', 'overdose', 'counsell\\w+', 'therap\\w+', 'talking therap\\w+', 'antidepressants?',
    'sertraline', 'citalopram', 'fluoxetine', 'mirtazapine', 'medication', 'self[- ]esteem', 'sleep(?:s|ing)? (?:badly|poorly|well|ok|okay|[0-9]+ hours)',
    'sleeps? (?:about |around )?(?:\\d+|four|five|six|three) hours', "can.t sleep", 'insomnia', 'nightmares', 'cmht', 'crisis team', 'wellbeing', 'well-being', 'emotional\\w*',
    'feel(?:s|ing)? (?:(?:very|really|quite|so) )?(?:low|down|flat|good in himself|well in himself|happy)', 'felt (?:(?:very|really|quite|so) )?(?:low|down|flat)', 'overwhelm\\w*', 'tired all the time', 'exhausted all the time', 'been low', 'struggling with his mood', 'his (?:own )?mood', 'in himself', 'worrier', 'ocd', 'mental',
  ],
  relationship_safety: [
    'relationship', 'together for', 'been together', '(?:has|have|had) been with \\w+ (?:for|since)', 'getting back together', 'back together', 'get on', 'gets on', 'argu\\w+', 'rows?', 'fall(?:s)? out', 'fell out', 'jealous\\w*', 'controll\\w+', 'coerci\\w+',
    'checks her phone', "won.t let her", 'domestic (?:abuse|violence)', '(?:da|dv)', 'marac', 'dash', 'police (?:call-?outs?|were called|attended|called)', 'call-?outs?',
    'non-molestation', 'restraining order', 'bail conditions', '(?:pushed|hit|slapped|grabbed|strangled|threatened|assaulted) (?:her|mum|his partner|his girlfriend|the mother|his ex)',
    'assault\\w*', 'domestic incidents?', 'split up', 'separated', 'broke up', 'other partners?', 'co-?parent\\w*', 'the couple', 'support(?:s|ive)? (?:of )?(?:her|mum|each other)',
    'safe at home', 'feels? safe', 'violence', 'violent', 'abusive', 'perpetrator', 'victim', 'her ex', 'ex-partner', 'married', 'engaged',
  ],
  pressures: [
    'money', 'debts?', 'loans?', 'arrears', 'bills', 'benefits?', 'universal credit', 'uc', 'financ\\w+', 'afford\\w*', 'food ?bank', 'poverty', 'skint', 'budget\\w*',
    'jobs?', 'works? (?:nights|shifts|long hours|full[- ]time|part[- ]time|as an?|at the|at a|for|in|away|nights)', 'working (?:nights|shifts|long hours|full[- ]time|part[- ]time|as|at the|away)',
    'employ\\w+', 'unemployed', 'laid off', 'lost his job', 'hours (?:\\w+ ){0,3}cut', 'behind (?:on|with) (?:the |his |their )?(?:rent|bills?|gas|electric\\w*|payments|council tax)', 'gas bill', 'electric(?:ity)? bill', 'out of work', 'redundan\\w+', 'zero[- ]hours?', 'self-employed', 'shifts?', 'wages?', 'income',
    'housing', 'rent', 'evict\\w*', 'homeless\\w*', 'overcrowd\\w*', 'tenancy', 'landlord', 'damp', 'mould', 'flat is', 'isolat\\w+', 'lonely', 'no friends',
    'no family (?:nearby|around|locally)', 'racis\\w+', 'discriminat\\w+', 'immigration', 'visa', 'asylum', 'no recourse', 'home office', 'caring for', 'carer for',
    'pressures?', 'commute', 'apprenticeship', 'college', 'studying',
  ],
};

/** Heading words that name a domain ("Drugs: denies."). */
export const HEADING_DOMAINS: Record<DomainId, readonly string[]> = {
  life_history: ['life history', 'history', 'childhood', 'background', 'family history', 'upbringing'],
  fatherhood_ideas: ['fatherhood', 'being a dad', 'being a father', 'role as a father', 'culture', 'faith', 'identity'],
  frustration_coping: ['anger', 'coping', 'frustration', 'temper', 'stress'],
  substance_use: ['drugs', 'alcohol', 'substances?', 'substance use', 'substance misuse', 'drugs and alcohol', 'drugs/alcohol', 'alcohol/drugs', 'drink', 'cannabis'],
  parenting_knowledge: ['parenting', 'crying', 'safe sleep', 'icon', 'baby care', 'feeding', 'handling', 'parenting knowledge'],
  mental_health: ['mental health', 'mood', 'emotional health', 'wellbeing', 'mh'],
  relationship_safety: ['relationship', 'relationships', 'da', 'dv', 'domestic abuse', 'safety', 'couple relationship'],
  pressures: ['money', 'finances', 'finance', 'work', 'employment', 'housing', 'debt', 'pressures', 'benefits'],
};
