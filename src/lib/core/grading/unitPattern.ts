// The unit words a number may carry and still be that number ("12 km", "$5 dollars", "30 sq ft").
// Only these: letters after a number that are not a known unit ("2x", "5i", "3 apples") make it
// something other than a plain number. Single letters are never units (they are variables).
const WORDS = [
	'dollars?', 'cents?', 'euros?', 'pounds?', 'yen', 'rupees?', 'usd',
	'percent', 'per cent', 'degrees?', 'radians?',
	'mm', 'cm', 'km', 'millimet(?:er|re)s?', 'centimet(?:er|re)s?', 'met(?:er|re)s?', 'kilomet(?:er|re)s?',
	'inch(?:es)?', 'feet', 'foot', 'ft', 'yards?', 'yds?', 'miles?',
	'mg', 'kg', 'grams?', 'kilograms?', 'lbs?', 'ounces?', 'oz', 'tons?', 'tonnes?',
	'ml', 'lit(?:er|re)s?', 'gallons?', 'cups?', 'quarts?', 'pints?',
	'seconds?', 'secs?', 'minutes?', 'mins?', 'hours?', 'hrs?', 'days?', 'weeks?', 'months?', 'years?',
	'mph', 'kph', 'km/h', 'units?'
].join('|');

const POWER = String.raw`(?:\s*(?:\^\s*\{?\s*[23]\s*\}?|[²³]))?`;
const ONE = String.raw`(?:(?:square|sq\.?|cubic|cu\.?)\s+)?(?:${WORDS})${POWER}`;

/** A whole unit phrase: "km", "square feet", "cm^2", "miles per hour", "°C". Case-insensitive. */
export const UNIT = String.raw`(?:${ONE}(?:\s*(?:per|\/)\s*${ONE})?|°\s*[CF]?|\\circ)`;
