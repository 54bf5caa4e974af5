// The grammar of word problems: a scenario tracks one running quantity; each sentence is one step.
// A scenario offers phrasings per step kind, split into in-domain and OOD lists; OOD-only
// scenarios are never seen in-domain, so OOD problems use unseen templates and phrasings.
import type { Op } from './chain';

export interface Slots {
	/** The main character (for ages: the person of this step). */
	name: string;
	/** The person of the previous step (ages only). */
	prev: string;
	n: number;
}

export type Phrase = (s: Slots) => string;

export interface PhraseSet {
	'in-domain': readonly Phrase[];
	ood: readonly Phrase[];
}

export interface Scenario {
	id: string;
	/** 'both': in-domain, and OOD with OOD phrasings; 'ood': only ever OOD. */
	use: 'both' | 'in-domain' | 'ood';
	start: PhraseSet;
	steps: Partial<Record<Op, PhraseSet>>;
	question: PhraseSet;
	/** The solution line after a step, `v` being the step's annotation (nouns follow the split). */
	state: (s: Slots, v: string, split: 'in-domain' | 'ood') => string;
	/** A new person per step (ages) instead of one character throughout. */
	chainOfPeople?: boolean;
}

const none: readonly Phrase[] = [];

export const SCENARIOS: readonly Scenario[] = [
	{
		id: 'shopping',
		use: 'both',
		start: {
			'in-domain': [(s) => `${s.name} has $${s.n}.`, (s) => `${s.name} starts the day with $${s.n} in a wallet.`],
			ood: [(s) => `At the start of the week, the wallet of ${s.name} holds ${s.n} dollars.`]
		},
		steps: {
			'+': {
				'in-domain': [(s) => `${s.name} earns $${s.n} more by washing cars.`, (s) => `Then ${s.name} gets $${s.n} as a gift.`],
				ood: [(s) => `A neighbour pays ${s.name} another ${s.n} dollars for help in the yard.`]
			},
			'-': {
				'in-domain': [(s) => `${s.name} spends $${s.n} on a book.`, (s) => `Then ${s.name} buys a lunch that costs $${s.n}.`],
				ood: [(s) => `Afterwards, ${s.n} dollars go on a train ticket.`]
			},
			'*': {
				'in-domain': [(s) => `${s.name} sells old games and ends up with ${s.n} times as much money.`],
				ood: [(s) => `A lucky week multiplies the savings of ${s.name} by ${s.n}.`]
			},
			'/': {
				'in-domain': [(s) => `${s.name} splits the money equally into ${s.n} envelopes and keeps just one envelope.`],
				ood: [(s) => `Only one share is kept after the money is divided evenly among ${s.n} people.`]
			}
		},
		question: {
			'in-domain': [(s) => `How many dollars does ${s.name} have now?`],
			ood: [(s) => `What amount of money, in dollars, is left with ${s.name} in the end?`]
		},
		state: (s, v) => `${s.name} has ${v} dollars.`
	},
	{
		id: 'travel',
		use: 'both',
		start: {
			'in-domain': [(s) => `A bus leaves the station with ${s.n} passengers. ${s.name} is the driver.`],
			ood: [(s) => `When ${s.name} starts the route, ${s.n} people are riding the tram.`]
		},
		steps: {
			'+': {
				'in-domain': [(s) => `At the next stop, ${s.n} passengers get on.`, (s) => `Then ${s.n} more people board the bus.`],
				ood: [(s) => `Later on, another ${s.n} riders climb aboard.`]
			},
			'-': {
				'in-domain': [(s) => `At the next stop, ${s.n} passengers get off.`, (s) => `Then ${s.n} people leave the bus.`],
				ood: [(s) => `Some ${s.n} riders step off at the market.`]
			},
			'*': {
				'in-domain': [(s) => `At the stadium the number of passengers becomes ${s.n} times as large.`],
				ood: [(s) => `A concert ends and the crowd on board grows ${s.n}-fold.`]
			}
		},
		question: {
			'in-domain': [(s) => `How many passengers are on the bus that ${s.name} drives now?`],
			ood: [() => `How many riders are on the tram at the end?`]
		},
		state: (_s, v, split) => `There are ${v} ${split === 'ood' ? 'riders' : 'passengers'}.`
	},
	{
		id: 'recipes',
		use: 'both',
		start: {
			'in-domain': [(s) => `${s.name} bakes ${s.n} cookies.`],
			ood: [(s) => `A tray holds the ${s.n} muffins that ${s.name} baked this morning.`]
		},
		steps: {
			'+': {
				'in-domain': [(s) => `Then ${s.name} bakes ${s.n} more cookies.`],
				ood: [(s) => `A second batch adds ${s.n} muffins.`]
			},
			'-': {
				'in-domain': [(s) => `${s.name} eats ${s.n} of the cookies.`, (s) => `${s.name} gives ${s.n} cookies to a friend.`],
				ood: [(s) => `Guests take ${s.n} muffins away.`]
			},
			'*': {
				'in-domain': [(s) => `${s.name} makes the recipe again so there are ${s.n} times as many cookies.`],
				ood: [(s) => `The bakery scales the batch up by a factor of ${s.n}.`]
			},
			'/': {
				'in-domain': [(s) => `${s.name} packs the cookies equally into ${s.n} boxes and keeps one box.`],
				ood: [(s) => `The muffins are shared evenly by ${s.n} tables; count one table's share.`]
			}
		},
		question: {
			'in-domain': [(s) => `How many cookies does ${s.name} have now?`],
			ood: [() => `How many muffins are left in the end?`]
		},
		state: (_s, v, split) => `There are ${v} ${split === 'ood' ? 'muffins' : 'cookies'}.`
	},
	{
		id: 'reading',
		use: 'in-domain',
		start: { 'in-domain': [(s) => `${s.name} has read ${s.n} pages of a novel.`], ood: none },
		steps: {
			'+': { 'in-domain': [(s) => `Then ${s.name} reads ${s.n} more pages.`], ood: none },
			'-': { 'in-domain': [(s) => `${s.name} goes back and rereads the last ${s.n} pages, so those do not count.`], ood: none },
			'*': { 'in-domain': [(s) => `By the weekend ${s.name} has read ${s.n} times as many pages.`], ood: none }
		},
		question: { 'in-domain': [(s) => `How many pages has ${s.name} read now?`], ood: none },
		state: (s, v) => `${s.name} has read ${v} pages.`
	},
	{
		id: 'ages',
		use: 'in-domain',
		chainOfPeople: true,
		start: { 'in-domain': [(s) => `${s.name} is ${s.n} years old.`], ood: none },
		steps: {
			'+': { 'in-domain': [(s) => `${s.name} is ${s.n} years older than ${s.prev}.`], ood: none },
			'-': { 'in-domain': [(s) => `${s.name} is ${s.n} years younger than ${s.prev}.`], ood: none },
			'*': { 'in-domain': [(s) => `${s.name} is ${s.n} times as old as ${s.prev}.`], ood: none }
		},
		question: { 'in-domain': [(s) => `How old is ${s.name}?`], ood: none },
		state: (s, v) => `${s.name} is ${v} years old.`
	},
	{
		id: 'garden',
		use: 'ood',
		start: { 'in-domain': none, ood: [(s) => `A garden that ${s.name} looks after has ${s.n} tulips.`] },
		steps: {
			'+': { 'in-domain': none, ood: [(s) => `${s.name} plants ${s.n} further bulbs, and all of them bloom.`] },
			'-': { 'in-domain': none, ood: [(s) => `Rabbits eat ${s.n} of the tulips.`] },
			'*': { 'in-domain': none, ood: [(s) => `Next spring the tulip count is ${s.n} times what it was.`] },
			'/': { 'in-domain': none, ood: [(s) => `${s.name} divides the tulips into ${s.n} equal beds; consider a single bed.`] }
		},
		question: { 'in-domain': none, ood: [() => `How many tulips are there at the end?`] },
		state: (_s, v) => `Tulips: ${v}.`
	},
	{
		id: 'factory',
		use: 'ood',
		start: { 'in-domain': none, ood: [(s) => `A workshop run by ${s.name} has ${s.n} widgets in stock.`] },
		steps: {
			'+': { 'in-domain': none, ood: [(s) => `A shift produces ${s.n} extra widgets.`] },
			'-': { 'in-domain': none, ood: [(s) => `A customer orders ${s.n} widgets, which are shipped.`] },
			'*': { 'in-domain': none, ood: [(s) => `A new machine makes the stock ${s.n} times bigger.`] },
			'/': { 'in-domain': none, ood: [(s) => `The widgets are split evenly across ${s.n} warehouses; look at one warehouse.`] }
		},
		question: { 'in-domain': none, ood: [() => `How many widgets are in stock at the end?`] },
		state: (_s, v) => `Widgets: ${v}.`
	}
];

export const NAMES: readonly string[] = ['Maya', 'Leo', 'Aisha', 'Tom', 'Priya', 'Sam', 'Nora', 'Omar', 'Lena', 'Kenji', 'Rosa', 'Ivan'];
