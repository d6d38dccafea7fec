const path = require('path');
const { task, src, dest, series } = require('gulp');

/** Node and credential icons live in icons/; n8n loads them next to the built files that name them. */
const ICON_DIRS = [path.join('nodes', 'ThreeCx'), path.join('nodes', 'ThreeCxTrigger'), path.join('nodes', 'ThreeCxCallEvents'), 'icons'];

function copyIconsTo(dir) {
	const copy = () => src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', dir)));
	copy.displayName = `icons → dist/${dir}`;
	return copy;
}

task('build:icons', series(...ICON_DIRS.map(copyIconsTo)));
