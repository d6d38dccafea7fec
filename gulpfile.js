const path = require('path');
const { task, src, dest, series } = require('gulp');

/** Node and credential icons live in icons/; n8n loads them next to the built files that name them. */
function copyIcons() {
	const nodeIcons = src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'nodes', 'ThreeCx')));
	return nodeIcons.on('end', () => src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons'))));
}

task('build:icons', series(copyIcons));
