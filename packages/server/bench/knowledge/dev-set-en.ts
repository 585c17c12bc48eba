import type { DocumentPlan } from './dev-set-types';

const products = [
  ['Aurora X2', 'smart speaker'],
  ['Nimbus 3', 'air purifier'],
  ['Kestrel Pro', 'robot vacuum'],
  ['Lumen S', 'desk lamp'],
  ['Tidewater 5', 'water filter'],
  ['Orbit Mini', 'security camera'],
  ['Halcyon 2', 'electric kettle'],
  ['Strider GT', 'e-scooter'],
  ['Quill One', 'e-reader'],
  ['Fennel Go', 'blender'],
] as const;
const buttons = ['power', 'mode', 'reset', 'home', 'action'];
const colors = ['blue', 'amber', 'white', 'green', 'red'];
const towns = ['Port Halden', 'Ashcombe', 'Wrenford', 'Millbrook Bay', 'Corran Vale', 'Eastmere'];
const townEvents = [
  ['the lighthouse festival', 'August'],
  ['the cheese market', 'October'],
  ['the kite regatta', 'May'],
  ['the lantern walk', 'December'],
  ['the cider fair', 'September'],
  ['the boat parade', 'June'],
] as const;

/** Product manuals: the same chapters for every product, with different specifications. */
export function enManuals(): DocumentPlan[] {
  return products.map(([name, kind], i) => {
    const weight = 420 + i * 55;
    const charge = 2 + (i % 4);
    const life = 8 + i * 3;
    const seconds = 5 + i;
    const button = buttons[i % buttons.length]!;
    const color = colors[(i * 2) % colors.length]!;
    const warranty = 1 + (i % 3);
    const tmin = -(i % 4) * 5;
    const tmax = 35 + i;
    const clean = 2 + i;
    return {
      id: `en-manual-${i + 1}`,
      filename: `${name} user manual.md`,
      lang: 'en',
      title: `${name} ${kind} user manual`,
      sections: [
        { heading: 'Safety information', facts: [], filler: 5 },
        { heading: 'Getting started', facts: [], filler: 4 },
        {
          heading: 'Specifications',
          filler: 3,
          facts: [
            {
              sentence: `The device weighs ${weight} g and operates at ambient temperatures from ${tmin} °C to ${tmax} °C.`,
              questions: [
                { kind: 'direct', question: `What is the operating temperature range of the ${name}?` },
                {
                  kind: 'paraphrase',
                  question: `Can I leave my ${name} running in a freezing garage in winter?`,
                },
                { kind: 'direct', question: `How much does the ${name} weigh?` },
              ],
            },
          ],
        },
        {
          heading: 'Battery and charging',
          filler: 4,
          facts: [
            {
              sentence: `A full charge takes about ${charge} hours and lasts up to ${life} hours of continuous use.`,
              questions: [
                { kind: 'direct', question: `How long does the ${name} battery last on a full charge?` },
                {
                  kind: 'paraphrase',
                  question: `How many hours can I use the ${name} before it has to be plugged in again?`,
                },
              ],
            },
          ],
        },
        {
          heading: 'Resetting the device',
          filler: 3,
          facts: [
            {
              sentence: `To restore factory settings, press and hold the ${button} button for ${seconds} seconds until the indicator blinks ${color}.`,
              questions: [
                { kind: 'direct', question: `How do I restore the factory settings of the ${name}?` },
                {
                  kind: 'paraphrase',
                  question: `My ${name} keeps misbehaving. How do I wipe it back to the way it came out of the box?`,
                },
              ],
            },
          ],
        },
        {
          heading: 'Care and maintenance',
          filler: 4,
          facts: [
            {
              sentence: `Clean the vents with a dry cloth every ${clean} weeks and never immerse the unit in water.`,
              questions: [
                {
                  kind: 'paraphrase',
                  question: `How often should the ${name} be dusted, and can I wash it under the tap?`,
                },
              ],
            },
          ],
        },
        { heading: 'Troubleshooting', facts: [], filler: 4 },
        {
          heading: 'Warranty',
          filler: 4,
          facts: [
            {
              sentence: `This ${kind} is covered by a ${warranty}-year limited warranty from the date of purchase, proof of purchase required.`,
              questions: [
                { kind: 'follow-up', question: `And the warranty on the ${name}?` },
                {
                  kind: 'paraphrase',
                  question: `If my ${name} breaks after a while, how long am I protected?`,
                },
              ],
            },
          ],
        },
      ],
    };
  });
}

/** Guides to made-up towns. */
export function enTownGuides(): DocumentPlan[] {
  return towns.map((town, i) => {
    const [festival, month] = townEvents[i]!;
    const founded = 1350 + i * 47;
    const ferry = 20 + i * 5;
    return {
      id: `en-town-${i + 1}`,
      filename: `${town} visitor guide.md`,
      lang: 'en',
      title: `${town} visitor guide`,
      sections: [
        {
          heading: 'History',
          filler: 4,
          facts: [
            {
              sentence: `The town received its market charter in ${founded}, and the old guildhall still stands on the square.`,
              questions: [
                { kind: 'paraphrase', question: `How old is ${town}? When did it become a market town?` },
                { kind: 'direct', question: `In which year did ${town} receive its market charter?` },
              ],
            },
          ],
        },
        {
          heading: 'Getting there',
          filler: 4,
          facts: [
            {
              sentence: `The ferry from the mainland takes ${ferry} minutes and runs every hour between 7 am and 9 pm.`,
              questions: [
                {
                  kind: 'paraphrase',
                  question: `How long is the boat crossing to ${town}, and how often does it go?`,
                },
              ],
            },
          ],
        },
        { heading: 'Where to stay', facts: [], filler: 4 },
        {
          heading: 'Events',
          filler: 3,
          facts: [
            {
              sentence: `The highlight of the year is ${festival}, held every ${month} since ${founded + 300}.`,
              questions: [
                {
                  kind: 'paraphrase',
                  question: `What is the biggest celebration in ${town} and what month should I visit for it?`,
                },
                { kind: 'follow-up', question: `What about festivals in ${town}?` },
              ],
            },
          ],
        },
      ],
    };
  });
}

export const enManualFiller = [
  'Read all instructions before using the device for the first time.',
  'Keep this manual for future reference and pass it on with the product.',
  'Do not use the product if the cable or plug is damaged.',
  'Children should be supervised to ensure that they do not play with the appliance.',
  'Use only the accessories supplied or recommended by the manufacturer.',
  'Unplug the device before cleaning or when it is not in use for a long time.',
  'Repairs must be carried out by an authorised service centre.',
  'Dispose of the packaging in accordance with local recycling rules.',
  'Performance may vary with usage patterns and environmental conditions.',
  'Remove all packaging materials and protective films before first use.',
  'Place the unit on a stable, level surface away from direct sunlight.',
  'Download the companion app to receive firmware updates and tips.',
  'If the device does not respond, check that it is connected to a working power outlet.',
  'Make sure the firmware is up to date before contacting customer support.',
  'Strange noises usually mean that something is blocking the air intake.',
  'Do not attempt to open the housing; there are no user-serviceable parts inside.',
  'Register your product online to make warranty claims easier.',
  'The indicator light shows the current status of the device at a glance.',
  'Store the device in a cool, dry place when you are not using it.',
  'Customer support is available by email and phone on working days.',
];

export const enTownFiller = [
  'The town is easy to explore on foot, and most sights are close to the harbour.',
  'Local cafés serve fresh pastries and strong coffee from early in the morning.',
  'Summer weekends are busy, so book accommodation well in advance.',
  'The tourist office on the high street offers free maps and walking tours.',
  'Many shops close early on Sundays and public holidays.',
  'Guesthouses near the harbour fill up quickly in the high season.',
  'Several small hotels offer sea views at reasonable prices.',
  'Camping is allowed only at the official site north of the town.',
  'The coastal path offers some of the best views in the region.',
  'Buses connect the town centre with the surrounding villages.',
  'Parking in the old town is limited, so use the car park by the station.',
  'Fresh seafood is served in almost every restaurant along the quay.',
  'The local museum tells the story of the fishing fleet.',
  'Cycling is a popular way to explore the countryside nearby.',
  'Weather can change quickly, so bring a waterproof jacket.',
];
