import type { Need } from '@ppo/domain';

/**
 * The made-up people and places a seeded cohort is drawn from. Names are
 * common ones, combined at random: no record describes a real person. Areas
 * and courts are real PPO areas of the North East and Cumbria, so reports
 * and filters read as they would there.
 */
export interface SeedArea {
  code: string;
  /** Share of the cohort in this area. */
  weight: number;
  courts: readonly string[];
  probationOfficers: readonly string[];
  policeOfficers: readonly string[];
}

export const SEED_AREAS: readonly SeedArea[] = [
  {
    code: 'northumbria',
    weight: 5,
    courts: ['Newcastle Magistrates’ Court', 'North Tyneside Magistrates’ Court', 'South Tyneside Magistrates’ Court', 'Sunderland Magistrates’ Court', 'Newcastle Crown Court'],
    probationOfficers: ['Helen Carr', 'Michael Dodds', 'Sarah Milburn', 'Gary Robson', 'Joanne Hetherington', 'Paul Charlton', 'Leanne Forster', 'Craig Elliott'],
    policeOfficers: ['PC Mark Armstrong', 'PC Lisa Straughan', 'DC Steven Bell', 'PC Kelly Nicholson', 'PC Darren Gray', 'DC Amy Thompson'],
  },
  {
    code: 'durham',
    weight: 3,
    courts: ['Durham Crown Court', 'Peterlee Magistrates’ Court', 'Newton Aycliffe Magistrates’ Court', 'Teesside Magistrates’ Court'],
    probationOfficers: ['Claire Maddison', 'Stuart Raine', 'Nicola Brunskill', 'Andrew Tweddle', 'Rachel Hutchinson'],
    policeOfficers: ['PC Lee Dinsdale', 'PC Gemma Wilkinson', 'DC Ian Hodgson', 'PC Natalie Bainbridge'],
  },
  {
    code: 'cumbria',
    weight: 2,
    courts: ['Carlisle Magistrates’ Court', 'Workington Magistrates’ Court', 'Barrow-in-Furness Magistrates’ Court', 'Carlisle Crown Court'],
    probationOfficers: ['Fiona Graham', 'Simon Irving', 'Karen Armstrong', 'David Nixon'],
    policeOfficers: ['PC Tom Routledge', 'PC Jenny Bell', 'DC Kevin Little'],
  },
];

export const GIVEN_NAMES = [
  'Jack', 'Liam', 'Connor', 'Ryan', 'Kyle', 'Jordan', 'Callum', 'Bradley', 'Lewis', 'Dylan', 'Reece', 'Jamie', 'Shane', 'Lee',
  'Daniel', 'Michael', 'Christopher', 'Anthony', 'Craig', 'Darren', 'Steven', 'Paul', 'Wayne', 'Dean', 'Scott', 'Carl',
  'Nathan', 'Kieran', 'Aaron', 'Tyler', 'Ashley', 'Jade', 'Chelsea', 'Stacey', 'Kayleigh', 'Leanne', 'Gemma', 'Amy',
  'Danielle', 'Nicole', 'Shannon', 'Courtney', 'Samantha', 'Kirsty', 'Abbie', 'Megan',
] as const;

export const FAMILY_NAMES = [
  'Armstrong', 'Bell', 'Charlton', 'Robson', 'Elliott', 'Dodds', 'Graham', 'Hall', 'Johnson', 'Kerr', 'Lambert', 'Milburn',
  'Nixon', 'Oliver', 'Pattinson', 'Reed', 'Scott', 'Taylor', 'Turnbull', 'Walker', 'Young', 'Anderson', 'Brown', 'Clark',
  'Davison', 'Forster', 'Gibson', 'Harrison', 'Irving', 'Jackson', 'Kennedy', 'Liddle', 'Marshall', 'Nicholson',
  'Parker', 'Richardson', 'Smith', 'Thompson', 'Watson', 'Wilson', 'Wright', 'Atkinson', 'Brady', 'Coulson', 'Dixon',
  'Ferguson', 'Hutchinson', 'Little', 'Moffat', 'Routledge', 'Stoddart', 'Tweddle', 'Wilkinson',
] as const;

/** Interventions commissioned for a need, and who delivers them. */
export const INTERVENTIONS: Partial<Record<Need, readonly { name: string; provider: string }[]>> = {
  drugs: [
    { name: 'Drug rehabilitation requirement', provider: 'Change Grow Live' },
    { name: 'Opiate substitution treatment', provider: 'NHS substance misuse service' },
  ],
  alcohol: [{ name: 'Alcohol treatment requirement', provider: 'Change Grow Live' }],
  accommodation: [{ name: 'Supported housing placement', provider: 'Local authority housing options' }],
  'education-training-employment': [
    { name: 'Employability course', provider: 'Jobcentre Plus' },
    { name: 'CSCS construction card training', provider: 'Local college' },
  ],
  'thinking-and-behaviour': [{ name: 'Thinking Skills Programme', provider: 'Probation Service' }],
  finance: [{ name: 'Debt and benefits advice', provider: 'Citizens Advice' }],
  relationships: [{ name: 'Building Better Relationships', provider: 'Probation Service' }],
  health: [{ name: 'Mental health treatment requirement', provider: 'NHS community mental health team' }],
};

export const VOLUNTARY_SUPPORT = [
  'Housing support worker',
  'Drug and alcohol recovery service',
  'Employment support (Jobcentre Plus)',
  'Peer mentor (voluntary sector)',
  'Family support service',
  'Community mental health team',
  'Debt advice (Citizens Advice)',
] as const;
