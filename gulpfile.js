const fs = require('fs');
const path = require('path');
const { task, src, dest } = require('gulp');

/**
 * Node and credential icons live in icons/ and are named `file:../../icons/…` (nodes) and
 * `file:../icons/…` (credential): the same relative path finds them beside the sources and in dist/.
 */
task('build:icons', () => src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons'))));

/** tsc only adds and overwrites: a moved or deleted source would otherwise still ship from dist/. */
task('clean', async () => fs.promises.rm(path.resolve('dist'), { recursive: true, force: true }));
