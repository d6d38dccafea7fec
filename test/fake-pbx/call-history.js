'use strict';
// The call history (CallHistoryView) can be 100 000 rows for benchmarks, so
// it is not built up front. One cheap pass fixes each row's start time,
// length and call; the rest of a row is derived from (seed, index) only when
// that row is first read.
const { LazyRows } = require('./lazy-rows');
const { createPrng, deriveSeed } = require('./prng');

const DN_TYPE = { Extension: 0, Queue: 1, RingGroup: 2, IVR: 3, ExternalLine: 7 };

/**
 * @param {{ rows: number, seed: number, startTime: number, users: object[], queues: object[],
 *   receptionists: object[], trunks: object[], companies: string[] }} options
 * @returns {LazyRows}
 */
function createCallHistory({ rows, seed, startTime, users, queues, receptionists, trunks, companies }) {
	const timeline = planTimeline(rows, seed, startTime);

	// Written as one object literal (same field order as the CallHistoryView
	// template): building 100k rows this way is several times faster than
	// spreading templates and computed keys.
	function makeRow(index) {
		const callRng = createPrng(deriveSeed(seed ^ 0x5eed, timeline.call[index]));
		const rowRng = createPrng(deriveSeed(seed, index));
		const call = describeCall(callRng);
		const start = timeline.start[index];
		const seconds = timeline.seconds[index];
		const segment = timeline.segment[index];
		const answered = rowRng.chance(0.85);
		const src = segment === 0 ? call.from : call.hops[segment - 1];
		const dst = call.hops[segment] ?? call.hops[call.hops.length - 1];
		const participantBase = timeline.call[index] * 10;
		return {
			SegmentId: index + 1,
			SegmentStartTime: new Date(start).toISOString(),
			SegmentEndTime: new Date(start + seconds * 1000).toISOString(),
			SegmentType: segment === 0 ? 1 : 2,
			SegmentActionId: answered ? 1 : 2,
			CallAnswered: answered,
			CallTime: answered ? isoDuration(seconds) : 'PT0S',
			SrcDn: src.dn,
			SrcDnType: src.type,
			SrcDisplayName: src.name,
			SrcExtendedDisplayName: extendedName(src),
			SrcCallerNumber: src.number,
			SrcExternal: src.external,
			SrcInternal: !src.external,
			SrcId: src.id,
			SrcParticipantId: participantBase + segment,
			SrcRecId: null,
			DstDn: dst.dn,
			DstDnType: dst.type,
			DstDisplayName: dst.name,
			DstExtendedDisplayName: extendedName(dst),
			DstCallerNumber: dst.number,
			DstExternal: dst.external,
			DstInternal: !dst.external,
			DstId: dst.id,
			DstParticipantId: participantBase + segment + 1,
			DstRecId: answered && rowRng.chance(0.1) ? 1 + (index % 30) : null,
		};
	}

	/** Who calls whom in one call; later segments are transfers along `hops`. */
	function describeCall(rng) {
		const user = () => asParty(rng.pick(users), 'Extension');
		const external = () => {
			const number = `+49${rng.int(30, 89)}${rng.digits(7)}`;
			const trunk = rng.pick(trunks);
			return { dn: trunk.Number, id: trunk.Id, type: DN_TYPE.ExternalLine, name: rng.pick(companies), number, external: true };
		};
		const kind = rng.next();
		if (kind < 0.4) {
			const queue = asParty(rng.pick(queues), 'Queue');
			const ivr = asParty(rng.pick(receptionists), 'IVR');
			return { from: external(), hops: [ivr, queue, user()] };
		}
		if (kind < 0.7) return { from: user(), hops: [external(), external()] };
		return { from: user(), hops: [user(), user()] };
	}

	return new LazyRows(rows, makeRow, { orderedBy: ['SegmentId', 'SegmentStartTime'] });
}

/**
 * Start times never decrease: a call's segments follow one another, the
 * next call starts after the last segment began — sometimes in the very same
 * second, so several rows share a timestamp (pollers must cope with that).
 */
function planTimeline(rows, seed, startTime) {
	const rng = createPrng(seed);
	const start = new Float64Array(rows);
	const seconds = new Int32Array(rows);
	const call = new Int32Array(rows);
	const segment = new Uint8Array(rows);
	let time = startTime;
	let callNumber = 0;
	let index = 0;
	while (index < rows) {
		callNumber++;
		const segments = Math.min(rng.pick([1, 1, 1, 2, 2, 3]), rows - index);
		for (let s = 0; s < segments; s++, index++) {
			const length = rng.int(3, 600);
			start[index] = time;
			seconds[index] = length;
			call[index] = callNumber;
			segment[index] = s;
			if (s < segments - 1) time += length * 1000;
		}
		time += rng.chance(0.15) ? 0 : rng.int(1, 120) * 1000;
	}
	return { start, seconds, call, segment };
}

function asParty(dn, type) {
	const name = dn.DisplayName ?? dn.Name ?? dn.Number;
	return { dn: dn.Number, id: dn.Id, type: DN_TYPE[type], name, number: dn.Number, external: false };
}

function extendedName(p) {
	return p.external ? `${p.name} (${p.number})` : `${p.dn} ${p.name}`;
}

function isoDuration(totalSeconds) {
	const hours = Math.floor(totalSeconds / 3600);
	const minutes = Math.floor((totalSeconds % 3600) / 60);
	const seconds = totalSeconds % 60;
	return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

module.exports = { createCallHistory };
