const path = require('path');
const { task, src, dest } = require('gulp');

/**
 * Node and credential icons live in icons/ and are named `file:../../icons/…` (nodes) and
 * `file:../icons/…` (credential): the same relative path finds them beside the sources and in dist/.
 */
task('build:icons', () => src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons'))));
