// Usage: node killWithParent.js <command> [args…]
// Runs the command and kills it as soon as our stdin closes. The test process holds the other
// end of that pipe, so even when it dies without cleaning up (SIGKILL, crash, jest worker
// torn down) the command — Prism — dies with it instead of lingering on its port.
'use strict';
const { spawn } = require('child_process');

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// Exit only once the child is reaped: an orphaned child would be re-parented to an init that,
// in some containers, never reaps it.
function killChildAndExit() {
	if (child.exitCode !== null || child.signalCode !== null) process.exit(1);
	child.kill('SIGKILL');
}

child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => {
	process.stderr.write(`cannot start ${command}: ${error.message}\n`);
	process.exit(127);
});
process.stdin.on('close', killChildAndExit);
process.stdin.on('end', killChildAndExit);
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, killChildAndExit);
