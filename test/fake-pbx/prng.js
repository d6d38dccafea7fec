'use strict';
// Deterministic pseudo-random numbers: the same seed must always produce the
// same PBX, so tests and benchmarks can rely on concrete values.

/** mulberry32: tiny, fast and good enough for fake data. */
function createPrng(seed) {
	let state = seed >>> 0;
	function next() {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	return {
		next,
		/** Integer in [min, max], both inclusive. */
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (probability) => next() < probability,
		digits: (count) => {
			let text = '';
			for (let i = 0; i < count; i++) text += Math.floor(next() * 10);
			return text;
		},
	};
}

/**
 * Derive an independent seed for item `index`, so a single row can be
 * regenerated on its own without replaying the whole sequence.
 */
function deriveSeed(seed, index) {
	let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d);
	h ^= h >>> 15;
	return h >>> 0;
}

/** Stable number for a name, to give each entity set its own seed space. */
function hashName(name) {
	let hash = 0;
	for (const ch of name) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
	return hash >>> 0;
}

module.exports = { createPrng, deriveSeed, hashName };
