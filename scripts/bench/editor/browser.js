'use strict';
// Debian's Chromium driven by playwright-core from the private runtime. The
// browser is never downloaded: it comes from apt, the driver from npm.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureInstalled } = require('../../n8n/install');
const { paths } = require('../../n8n/runtime');
const { run } = require('../../n8n/processes');
const { chromium: settings } = require('./config');

async function ensureChromium() {
	if (fs.existsSync(settings.executablePath)) return;
	const isRoot = process.getuid && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(`${settings.executablePath} is missing: apt-get install -y ${settings.aptPackage}`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => run('apt-get', ['install', '-y', settings.aptPackage], { env, echo: false, timeoutMs: 900_000 });
	process.stderr.write(`[bench] installing ${settings.aptPackage} with apt-get …\n`);
	try {
		await install();
	} catch {
		// A fresh image has no package lists yet.
		await run('apt-get', ['update'], { env, echo: false, timeoutMs: 300_000 });
		await install();
	}
}

/**
 * A browser with a new, empty profile. close() ends it and deletes the
 * profile. The HTTP cache lives in that profile, so pages after the first
 * load the editor's code from cache, as a returning user would.
 */
async function launchBrowser() {
	await Promise.all([ensureChromium(), ensureInstalled(['playwright'])]);
	const { chromium } = require(paths.playwrightCoreDir);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
	try {
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: settings.executablePath,
			args: settings.args,
			headless: true,
			viewport: settings.viewport,
		});
		return {
			context,
			async close() {
				await context.close().catch(() => undefined);
				fs.rmSync(profile, { recursive: true, force: true });
			},
		};
	} catch (error) {
		fs.rmSync(profile, { recursive: true, force: true });
		throw error;
	}
}

module.exports = { launchBrowser, ensureChromium };
