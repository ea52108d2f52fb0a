/**
 * The reference project's Python module is a golden file: every change to the Python backend's
 * output is a reviewed diff (`UPDATE_GOLDEN=1` rewrites it).
 */
import test from 'ava';
import { compareReferenceGolden } from './support/golden.js';

test('the reference project Python module matches its golden file', (t) => compareReferenceGolden(t, 'python', 'python'));
